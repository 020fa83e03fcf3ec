"""Tests of bench/spark_bench.py's measuring and rendering: the process tree
found from /proc-like records, a real tree's CPU time read while it runs, and the Markdown rendered from stored figures.

Standard library only; runs no recsite, Spark or network.
`python3 -m unittest discover -s bench/tests`.
"""
import subprocess
import sys
import time
import unittest
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH))

import spark_bench  # noqa: E402


def record(parent):
    return {"parent": parent, "ticks": 0, "start": 0, "rss_kib": 4}


class Descendants(unittest.TestCase):
    def test_the_tree_below_a_process_and_nothing_else(self):
        stats = {1: record(0), 10: record(1), 11: record(10), 12: record(10), 13: record(11), 20: record(1)}
        self.assertEqual(sorted(spark_bench.descendants(10, stats)), [10, 11, 12, 13])

    def test_a_process_that_has_gone(self):
        self.assertEqual(spark_bench.descendants(99, {1: record(0)}), [])


class Sampler(unittest.TestCase):
    def test_counts_a_grandchilds_cpu_time(self):
        # A busy grandchild of the sampled process: its CPU time is read
        # from /proc while it runs, not from anybody's wait.
        busy = f"{sys.executable} -c 'import time; end = time.time() + 1.0\nwhile time.time() < end: pass' &"
        shell = subprocess.Popen(["sh", "-c", busy + " wait"])
        sampler = spark_bench.TreeSampler(shell.pid, interval=0.05)
        sampler.start()
        shell.wait()
        time.sleep(0.1)
        sampler.stopped.set()
        sampler.join()
        self.assertGreater(sampler.cpu_seconds, 0.5)
        self.assertGreater(sampler.peak_rss_kib, 1000)


class Render(unittest.TestCase):
    def figures(self, wall, cpu, rss_mib):
        return {"wall": wall, "cpu": cpu, "largest_rss_kib": rss_mib * 1024, "tree_rss_kib": rss_mib * 1024}

    def test_tables_and_ratio(self):
        results = {
            "machine": {"cores": 2, "cpu": "CPU", "ram_gib": 8, "os": "Linux", "recsite": "abc"},
            "started": "2026-12-03 13:00 UTC", "load_before": "0.10 0.20 0.30",
            "sizes": {"M": {
                "description": "10 users",
                "engines": {"recsite": self.figures(2.0, 1.5, 188), "spark": self.figures(200.0, 150.0, 3000),
                            "users": 10, "identical_lines": 9},
                "builds": {"whole": dict(self.figures(30.0, 60.0, 500), files=97),
                           "sharded": {"2": {"shards": [self.figures(15.0, 27.0, 300), self.figures(14.0, 26.0, 310)],
                                             "merge": self.figures(9.0, 16.0, 530), "ready": 24.0,
                                             "equal_to_whole": True}}}}}}
        text = spark_bench.render(results)
        self.assertIn("| Spark job, `local[2]`, `--sums canonical` | 200.0 s | 150.0 s | 3,000 MiB | 3,000 MiB |", text)
        self.assertIn("recsite is 100× faster in wall time", text)
        self.assertIn("9 of 10 lines byte-identical", text)
        self.assertIn("| shards 1/2 … 2/2 | 15.0, 14.0 s | 27.0, 26.0 s | ≤ 310 MiB | |", text)
        self.assertIn("| merge of 2 (equals the whole build) | 9.0 s | 16.0 s | 530 MiB | 24.0 s |", text)


if __name__ == "__main__":
    unittest.main()
