"""Tests of bench/report.py: the committed report re-rendered byte for byte,
and the formatting and target verdicts on small hand-made results.

Standard library only; runs no tool. `python3 -m unittest discover -s bench/tests`.
"""
import io
import shutil
import sys
import tempfile
import unittest
from contextlib import redirect_stderr
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH))

import report  # noqa: E402
from shared import GIB, MIB, load_results  # noqa: E402

GROWTH_TARGET = ("build time (to disk) grows no worse than linearly in events for fixed items "
                 "(S2→M→L2, 2,000 items)")


def build(wall, flush=0.0, cpu=None, paired=None):
    """A stored build with the fields the growth figures read."""
    stored = {"wall": wall, "flush": flush, "cpu": cpu if cpu is not None else wall, "peak_rss_kib": 100 * MIB,
              "phases": None, "pages": None, "files": None, "walls": [wall]}
    if paired:
        stored["paired"] = paired
    return stored


def growth_result(events, stored_build):
    return {"size": {"users": 1, "items": 2_000, "events": events, "seed": 1}, "build": stored_build,
            "markdown": {"pages": 10, "bytes": 1_000}, "growth_only": True}


def m_result(baseline_total=40.0, equal=10_000, build_wall=20.0, build_rss=GIB, html=3.0, cmark=2.0,
             hugo=30.0):
    """A full stored M whose recsite engine phases add up to 2.0 s."""
    engine = {"read": 0.25, "cleanse": 0.25, "model": 0.5, "similarity": 0.5, "recommend": 0.5}
    return {
        "size": {"users": 10_000, "items": 2_000, "events": 1_000_000, "seed": 1},
        "machine": {},
        "build": dict(build(build_wall), peak_rss_kib=build_rss,
                      phases=[{"name": "html", "seconds": html}]),
        "markdown": {"pages": 1_000, "bytes": 2_000_000},
        "recommend_all": {"wall": 2.5, "peak_rss_kib": 200 * MIB, "phases": engine},
        "baseline": {"status": "run", "wall": 50.0, "peak_rss_kib": GIB,
                     "phases": {"total": baseline_total}},
        "equality": {"checked": True, "equal": equal, "users": 10_000},
        "cmark_per_file": {"wall": cmark, "jobs": 2},
        "cmark_concatenated": {"wall": 1.0, "streams": 1},
        "hugo": {"wall": hugo, "peak_rss_kib": GIB, "html_files": 1_000},
    }


def targets_of(results):
    return {target: (verdict, evidence) for target, verdict, evidence in report.evaluate_targets(results)}


class CommittedReport(unittest.TestCase):
    """The golden test: the committed results.json renders exactly the committed files."""

    @classmethod
    def setUpClass(cls):
        cls.results = load_results(BENCH / "results.json")

    def test_results_md_is_rendered_byte_for_byte(self):
        rendered = report.render_results_md(self.results, report.regenerate_command(self.results))
        self.assertEqual(rendered, (BENCH / "RESULTS.md").read_text())

    def test_scaling_svg_is_rendered_byte_for_byte(self):
        self.assertEqual(report.render_chart(self.results), (BENCH / "scaling.svg").read_text())

    def test_main_rewrites_both_files_beside_the_results(self):
        with tempfile.TemporaryDirectory() as folder:
            shutil.copy(BENCH / "results.json", folder)
            with redirect_stderr(io.StringIO()):
                status = report.main(["--results", str(Path(folder) / "results.json")])
            self.assertEqual(status, 0)
            self.assertEqual((Path(folder) / "RESULTS.md").read_bytes(), (BENCH / "RESULTS.md").read_bytes())
            self.assertEqual((Path(folder) / "scaling.svg").read_bytes(), (BENCH / "scaling.svg").read_bytes())

    def test_main_fails_without_results(self):
        with tempfile.TemporaryDirectory() as folder, redirect_stderr(io.StringIO()) as stderr:
            status = report.main(["--results", str(Path(folder) / "results.json")])
            self.assertEqual(status, 1)
            self.assertIn("not found", stderr.getvalue())
            self.assertFalse((Path(folder) / "RESULTS.md").exists())


class Formatting(unittest.TestCase):
    def test_seconds(self):
        self.assertEqual(report.fmt_seconds(None), "—")
        self.assertEqual(report.fmt_seconds(2.5), "2.500 s")
        self.assertEqual(report.fmt_seconds(9.9994), "9.999 s")
        self.assertEqual(report.fmt_seconds(10), "10.0 s")
        self.assertEqual(report.fmt_seconds(326.04), "326.0 s")

    def test_kib(self):
        self.assertEqual(report.fmt_kib(None), "—")
        self.assertEqual(report.fmt_kib(0), "—")
        self.assertEqual(report.fmt_kib(512 * 1024), "512 MiB")
        self.assertEqual(report.fmt_kib(GIB - 1), "1024 MiB")
        self.assertEqual(report.fmt_kib(3 * GIB // 2), "1.50 GiB")

    def test_ratio_growth_and_rate(self):
        self.assertEqual(report.fmt_ratio(None), "—")
        self.assertEqual(report.fmt_ratio(28.66), "28.7×")
        self.assertEqual(report.growth(25.0, 10.0), "×2.50")
        self.assertEqual(report.growth(None, 10.0), "—")
        self.assertEqual(report.growth(25.0, 0), "—")
        self.assertEqual(report.fmt_rate(None, "MB/s"), "—")
        self.assertEqual(report.fmt_rate(1234.4, "pages/s"), "1,234 pages/s")
        self.assertEqual(report.fmt_rate(99.94, "MB/s"), "99.9 MB/s")

    def test_ratio_is_theirs_over_ours(self):
        self.assertEqual(report.ratio(30.0, 1.5), 20.0)
        self.assertIsNone(report.ratio(30.0, 0))
        self.assertIsNone(report.ratio(None, 1.0))

    def test_escape(self):
        self.assertEqual(report.escape('a<b & "c">'), "a&lt;b &amp; &quot;c&quot;&gt;")

    def test_regenerate_command(self):
        self.assertEqual(report.regenerate_command({"S": {}, "S2": {}, "M": {}}), "make bench  # S, S2 and M")
        self.assertEqual(report.regenerate_command({"M": {}, "L2": {}}), "make bench-large  # S, S2, M, L2 and L")
        self.assertEqual(report.regenerate_command({"L": {}}), "make bench-large  # S, S2, M, L2 and L")


class EngineFigures(unittest.TestCase):
    def test_engine_seconds_adds_the_five_phases(self):
        self.assertEqual(report.engine_seconds(m_result()), 2.0)

    def test_engine_ratio_uses_the_phases(self):
        self.assertEqual(report.engine_ratio(m_result(baseline_total=41.0)), 20.5)

    def test_engine_ratio_without_timings_uses_the_processes(self):
        result = m_result()
        result["recommend_all"]["phases"] = None  # and the build has no engine phases either
        self.assertIsNone(report.engine_seconds(result))
        self.assertEqual(report.engine_ratio(result), 50.0 / 2.5)

    def test_engine_ratio_without_a_baseline_run(self):
        result = m_result()
        result["baseline"] = {"status": "not run"}
        self.assertIsNone(report.engine_ratio(result))


class Targets(unittest.TestCase):
    def test_m_targets_met(self):
        # Every figure at its target's limit: 40.0 s / 2.0 s = 20×, 30 s, 2 GiB, 3.0 s = 1.5 × 2.0 s.
        targets = targets_of({"M": m_result(baseline_total=40.0, build_wall=30.0, build_rss=2 * GIB, hugo=30.5)})
        self.assertEqual(targets["engine ≥ 20× faster than the baseline on M, identical top-10"],
                         ("**met**", "20.0×; top-10 lists equal for 10000 of 10000 users"))
        self.assertEqual(targets["whole site ≤ 30 s on M"], ("**met**", "30.0 s"))
        self.assertEqual(targets["peak RSS ≤ 2 GiB on M"], ("**met**", "2.00 GiB"))
        self.assertEqual(targets["MD→HTML within 1.5× of the cmark-gfm command (a process per file) on M"],
                         ("**met**", "`html` phase 3.000 s vs cmark-gfm 2.000 s; the concatenated floor takes "
                                     "1.000 s"))
        self.assertEqual(targets["pages/s above Hugo's on M (whole build vs `hugo`)"],
                         ("**met**", "30.0 s vs 30.5 s for 1,000 pages"))

    def test_m_targets_not_met(self):
        targets = targets_of({"M": m_result(baseline_total=39.8, build_wall=30.5, build_rss=2 * GIB + 1,
                                            html=3.01, hugo=30.5)})
        self.assertEqual(targets["engine ≥ 20× faster than the baseline on M, identical top-10"][0], "**not met**")
        self.assertEqual(targets["whole site ≤ 30 s on M"], ("**not met**", "30.5 s"))
        self.assertEqual(targets["peak RSS ≤ 2 GiB on M"][0], "**not met**")
        self.assertEqual(targets["MD→HTML within 1.5× of the cmark-gfm command (a process per file) on M"][0],
                         "**not met**")
        self.assertEqual(targets["pages/s above Hugo's on M (whole build vs `hugo`)"][0], "**not met**")

    def test_fast_engine_with_different_lists_is_not_met(self):
        targets = targets_of({"M": m_result(baseline_total=100.0, equal=9_999)})
        self.assertEqual(targets["engine ≥ 20× faster than the baseline on M, identical top-10"],
                         ("**not met**", "50.0×; top-10 lists equal for 9999 of 10000 users — DIFFERENT"))

    def test_without_m_or_l_nothing_is_measured(self):
        targets = targets_of({"S": growth_result(100_000, build(1.0))})
        self.assertEqual(targets["whole site ≤ 30 s on M"], ("not measured", "M not run"))
        self.assertEqual(targets["L peak RSS ≤ 8 GiB"], ("not measured", "L not run"))

    def test_l_recommend_target(self):
        large = dict(m_result(), recommend_all={"wall": 9.0, "peak_rss_kib": GIB,
                                                "phases": {"recommend": 4.5}})
        self.assertEqual(targets_of({"L": large})["recommend step on L < 5 s (issue 21)"], ("**met**", "4.500 s"))
        large["recommend_all"]["phases"]["recommend"] = 5.0
        self.assertEqual(targets_of({"L": large})["recommend step on L < 5 s (issue 21)"][0], "**not met**")


class EngineRows(unittest.TestCase):
    """The one-user-at-a-time baseline rows and the notes of an --engine-only run."""

    def result(self):
        result = m_result(baseline_total=10.0)
        result["baseline"]["phases"]["recommend"] = 1.0
        result["baseline"]["per_user"] = {"phases": {"recommend": 4.0, "total": 13.0}, "engine_runs": [13.0, 14.0],
                                          "equality": {"checked": True, "equal": 9, "users": 10}}
        result["machine"] = {"recsite": "aaa"}
        result["engine_machine"] = {"recsite": "bbb", "cores": 2, "load": [3.0, 4.5]}
        result["engine_before"] = {"recsite": "aaa", "cpu": "CPU", "recommend_all": {"read": 1.0, "recommend": 2.0},
                                   "baseline": None}
        return result

    def test_per_user_rows_divide_by_recsite(self):
        table = report.render_table("M", self.result())
        self.assertIn("| recommend, baseline scoring one user at a time | 0.500 s | 4.000 s | 8.0× |", table)
        self.assertIn("| engine total, baseline scoring one user at a time | 2.000 s | 13.0 s | 6.5× |", table)
        self.assertIn("| recommend | 0.500 s | 1.000 s | 2.0× |", table)

    def test_notes_say_where_and_before(self):
        notes = "\n".join(report.notes(self.result()))
        self.assertIn("(engine 13.0 s, 14.0 s); its top-10 lists equal recsite's for 9 of 10 users", notes)
        self.assertIn("Before (recsite aaa, CPU, its own run): read 1.000 s, recommend 2.000 s; "
                      "the baseline then (Python's csv reader row by row, dense matrices): not run.", notes)
        self.assertIn("at recsite bbb, with a load average of 3.0 before and 4.5 after on 2 cores", notes)
        self.assertIn("the build, HTML and Hugo rows at recsite aaa.", notes)

    def test_pairs_of_binaries_are_listed(self):
        result = dict(self.result(), engine_pairs=[{"how": "by hand", "before": {"recsite": "x", "phases": {"recommend": 9.0}},
                                                    "after": {"recsite": "y", "phases": {"recommend": 3.0}}}])
        self.assertIn("Same machine, one after the other (by hand): recsite x recommend 9.000 s; "
                      "recsite y recommend 3.000 s.", report.notes(result))


class Growth(unittest.TestCase):
    """Growth S2→M→L2: paired L2 runs are judged over their M neighbours."""

    def series(self, l2_build, m_wall=10.0):
        return {"S2": growth_result(100_000, build(1.0)), "M": m_result(build_wall=m_wall),
                "L2": growth_result(10_000_000, l2_build)}

    @staticmethod
    def paired(ratios, cpu_ratios):
        return {"reference": "M", "reference_to_disk": [10.0, 10.0, 10.0], "reference_cpu": [10.0, 10.0, 10.0],
                "to_disk": [100.0, 100.0], "ratios": ratios, "cpu_ratios": cpu_ratios}

    def test_steps_use_the_paired_mean_where_paired(self):
        # The fastest L2 (150 s over M's 10 s) would be ×15; the paired mean is (9.0 + 10.6) / 2 = 9.8.
        results = self.series(build(150.0, paired=self.paired([9.0, 10.6], [9.5, 10.5])))
        steps = report.growth_steps(results, ("S2", "M", "L2"))
        self.assertEqual([(a, b, events) for a, b, events, _ in steps], [("S2", "M", 10.0), ("M", "L2", 10.0)])
        self.assertAlmostEqual(steps[0][3], 10.0)
        self.assertAlmostEqual(steps[1][3], 9.8)

    def test_steps_without_pairs_compare_the_fastest_builds_to_disk(self):
        results = self.series(build(90.0, flush=6.0), m_wall=8.0)
        results["M"]["build"]["flush"] = 2.0
        self.assertAlmostEqual(report.growth_steps(results, ("S2", "M", "L2"))[1][3], 96.0 / 10.0)

    def test_steps_skip_missing_sizes(self):
        results = self.series(build(90.0))
        del results["M"]
        self.assertEqual([(a, b) for a, b, _, _ in report.growth_steps(results, ("S2", "M", "L2"))], [("S2", "L2")])

    def test_linear_when_the_paired_mean_is_at_most_the_events_ratio(self):
        results = self.series(build(150.0, paired=self.paired([9.0, 11.0], [9.0, 11.0])))
        verdict, evidence = targets_of(results)[GROWTH_TARGET]
        self.assertEqual(verdict, "**met**")
        self.assertIn("M→L2: events ×10, time to disk ×10.00, CPU time ×10.00 (mean of paired runs", evidence)
        self.assertIn("fastest builds: to disk ×15.00", evidence)

    def test_not_linear_when_the_paired_mean_exceeds_it(self):
        results = self.series(build(95.0, paired=self.paired([10.5, 10.1], [9.0, 9.0])))
        verdict, evidence = targets_of(results)[GROWTH_TARGET]
        self.assertEqual(verdict, "**not met**")
        self.assertIn("time to disk ×10.30", evidence)

    def test_pairs_with_another_reference_are_not_used(self):
        paired = dict(self.paired([9.0, 9.0], [9.0, 9.0]), reference="S2")
        results = self.series(build(120.0, paired=paired))
        self.assertIsNone(report.paired_growth(results["L2"], "M"))
        self.assertEqual(targets_of(results)[GROWTH_TARGET][0], "**not met**")  # fastest builds: ×12

    def test_not_measured_without_l2(self):
        results = self.series(build(1.0))
        del results["L2"]
        verdict, evidence = targets_of(results)[GROWTH_TARGET]
        self.assertEqual(verdict, "not measured")
        self.assertTrue(evidence.endswith("; L2 not run (make bench-large)"), evidence)

    def test_paired_lines(self):
        paired = {"reference": "M", "reference_to_disk": [10.0, 12.0, 14.0], "reference_cpu": [20.0, 22.0, 26.0],
                  "to_disk": [99.0, 143.0], "ratios": [9.0, 11.0], "cpu_ratios": [9.0, 11.0]}
        results = self.series(build(99.0, paired=paired))
        [line] = report.paired_lines(results)
        self.assertTrue(line.startswith(
            "M→L2, paired: each L2 build ran between two M builds, which took 10.0 s, 12.0 s, 14.0 s to disk "
            "in order; the L2 builds took 99.0 s (×9.00), 143.0 s (×11.00) to disk, each over the mean of its "
            "neighbours. Mean: time to disk ×10.00, CPU time ×10.00 (runs ×9.00, ×11.00)."), line)


if __name__ == "__main__":
    unittest.main()
