#!/usr/bin/env python3
"""The benchmark of issue 20: the Spark job against recsite, and sharded builds.

For each size (M and L by default), in one run on this machine:

  1. recsite's engine as a process: `recsite recommend --all --json`;
  2. the Spark job (spark/recsite_job.py) with `spark-submit --master
     local[2]`, whose recommendations are then checked against recsite's
     (spark/compare.py: cleansing counts exact, every top-k within the spec's
     tolerance, and how many lines are byte-identical);
  3. the whole site: `recsite build`;
  4. for each N in --shards (2 and 4): `recsite build --shard I/N` for every
     I, one after the other (each with the machine's cores, as on its own
     machine), then `recsite merge`; "ready" is the slowest shard plus the
     merge, the time to a site on N machines. With --verify the merged site
     is compared with the whole build (`diff -rq`).

Every command is timed as a process tree: wall clock around it; CPU as the
larger of /usr/bin/time's (the processes it waited for) and the sum of the
last utime + stime read from /proc for every process of the tree (Spark's
Python workers outlive the JVM's wait); peak RSS both as /usr/bin/time's
largest single process and as the tree's summed RSS, sampled every 0.25 s.

Results go to bench/spark-results.json and bench/SPARK-RESULTS.md (the
Markdown is rendered from the JSON alone). Python 3 standard library only.

usage: bench/spark_bench.py [--sizes M,L] [--shards 2,4] [--verify M]
                            [--driver-memory 12g] [--recsite BIN] [--spark-venv DIR]
Exit status: 0 done; 1 a tool failed, or the job's results differ from recsite's.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from run import ROOT, describe_machine, discard, empty_trash, ensure_dataset, parse_time_output, require_tool
from shared import SIZES, BenchError

PAGE_SIZE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class TreeSampler(threading.Thread):
    """Polls /proc for every descendant of one process: the peak of their
    summed RSS, and each one's last CPU time (so a process that ends without
    being waited for still counts, to within one interval)."""

    def __init__(self, root_pid, interval=0.25):
        super().__init__(daemon=True)
        self.root_pid = root_pid
        self.interval = interval
        self.peak_rss_kib = 0
        self.cpu_ticks = {}
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            self.sample()
            self.stopped.wait(self.interval)

    def sample(self):
        stats = read_process_stats()
        tree = descendants(self.root_pid, stats)
        rss = sum(stats[pid]["rss_kib"] for pid in tree)
        self.peak_rss_kib = max(self.peak_rss_kib, rss)
        for pid in tree:
            key = (pid, stats[pid]["start"])
            self.cpu_ticks[key] = stats[pid]["ticks"]

    @property
    def cpu_seconds(self):
        return sum(self.cpu_ticks.values()) / CLOCK_TICKS


def read_process_stats():
    """pid → parent, start time, RSS and user + system ticks, from /proc/*/stat."""
    stats = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            text = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: split after its last ')'.
        fields = text[text.rindex(")") + 2:].split()
        stats[int(entry)] = {"parent": int(fields[1]), "ticks": int(fields[11]) + int(fields[12]),
                             "start": int(fields[19]), "rss_kib": int(fields[21]) * PAGE_SIZE_KIB}
    return stats


def descendants(root, stats):
    """root and every process below it."""
    children = {}
    for pid, stat in stats.items():
        children.setdefault(stat["parent"], []).append(pid)
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        if pid in stats:
            tree.append(pid)
        pending.extend(children.get(pid, []))
    return tree


def run_tree(command, label, stdout=subprocess.DEVNULL, env=None):
    """Runs `command` under /usr/bin/time with a TreeSampler; returns its figures."""
    with tempfile.NamedTemporaryFile("r", prefix="bench-time-", suffix=".txt") as time_file:
        wrapped = ["/usr/bin/time", "-f", "%M %U %S", "-o", time_file.name, *map(str, command)]
        start = time.perf_counter()
        with tempfile.TemporaryFile("w+") as stderr:
            process = subprocess.Popen(wrapped, stdout=stdout, stderr=stderr, env=env)
            sampler = TreeSampler(process.pid)
            sampler.start()
            returncode = process.wait()
            wall = time.perf_counter() - start
            sampler.stopped.set()
            sampler.join()
            stderr.seek(0)
            error_text = stderr.read()
        largest_kib, waited_cpu = parse_time_output(time_file.read())
    if returncode != 0:
        last = (error_text.strip().splitlines() or ["(no message)"])[-1]
        raise BenchError(f"{label} failed (exit {returncode}): {last}")
    figures = {"wall": round(wall, 3), "cpu": round(max(waited_cpu, sampler.cpu_seconds), 2),
               "largest_rss_kib": largest_kib, "tree_rss_kib": max(sampler.peak_rss_kib, largest_kib),
               "load_after": round(os.getloadavg()[0], 2)}
    say(f"  {label}: {figures['wall']:.1f} s wall, {figures['cpu']:.1f} s CPU, "
        f"{figures['tree_rss_kib'] / 1024:.0f} MiB")
    return figures


def say(message):
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# The steps of one size


def bench_engines(size, data, work, args):
    """recsite's engine and the Spark job on the same folder, then their comparison."""
    recsite_lists = work / f"{size.name}-recsite.jsonl"
    with recsite_lists.open("w") as out:
        recsite = run_tree([args.recsite, "recommend", "--all", "--json", "--data", data],
                           f"recsite recommend --all ({size.name})", stdout=out)
    check_json = work / f"{size.name}-check.json"
    with check_json.open("w") as out:
        subprocess.run([args.recsite, "check", "--json", "--data", str(data)], stdout=out, check=False)
    job_out = work / f"{size.name}-spark-out"
    discard(job_out, args)
    env = dict(os.environ, PATH=f"{args.spark_venv / 'bin'}{os.pathsep}{os.environ['PATH']}")
    try:
        spark = run_tree(["spark-submit", "--master", "local[2]", "--driver-memory", args.driver_memory,
                          "--conf", "spark.ui.enabled=false", ROOT / "spark" / "recsite_job.py",
                          "--data", data, "--out", job_out],
                         f"Spark job, local[2] ({size.name})", env=env)
    except BenchError as error:  # recorded, so that the builds of this size are still measured
        say(f"  {error}")
        return {"recsite": recsite, "spark_failed": str(error)}
    comparison = subprocess.run([sys.executable, ROOT / "spark" / "compare.py", job_out, recsite_lists, check_json],
                                capture_output=True, text=True, check=False)
    report = comparison.stdout.strip().splitlines() or ["(no output)"]
    if comparison.returncode != 0:
        raise BenchError(f"the Spark job's results differ from recsite's on {size.name}: " + "; ".join(report[:3]))
    # "compare: 10000 users, 10000 lines byte-identical, 0 difference(s) (…)"
    counts = re.match(r"compare: (\d+) users, (\d+) lines byte-identical", report[0])
    if not counts:
        raise BenchError(f"spark/compare.py printed an unexpected summary: {report[0]}")
    return {"recsite": recsite, "spark": spark, "users": int(counts[1]), "identical_lines": int(counts[2])}


def bench_builds(size, data, work, args):
    """The whole build, then each N's shards and merge."""
    build = [args.recsite, "build", "--data", data, "--quiet"]
    whole_site = work / f"{size.name}-site-whole"
    discard(whole_site, args)
    whole = run_tree([*build, "--out", whole_site], f"recsite build ({size.name})")
    whole["files"] = sum(len(files) for _, _, files in os.walk(whole_site))
    sharded = {}
    for count in args.shards:
        folders, shards = [], []
        for index in range(1, count + 1):
            folder = work / f"{size.name}-shard-{index}-of-{count}"
            discard(folder, args)
            shards.append(run_tree([*build, "--shard", f"{index}/{count}", "--out", folder],
                                   f"shard {index}/{count} ({size.name})"))
            folders.append(folder)
        merged_site = work / f"{size.name}-site-merged-{count}"
        discard(merged_site, args)
        merge = run_tree([args.recsite, "merge", "--quiet", "--out", merged_site, *folders],
                         f"merge of {count} ({size.name})")
        entry = {"shards": shards, "merge": merge,
                 "ready": round(max(shard["wall"] for shard in shards) + merge["wall"], 3)}
        if size.name in args.verify:
            difference = subprocess.run(["diff", "-rq", whole_site, merged_site], capture_output=True, text=True)
            if difference.returncode != 0:
                raise BenchError(f"merged shards (N = {count}) differ from the whole build on {size.name}: "
                                 + (difference.stdout.splitlines() or ["?"])[0])
            entry["equal_to_whole"] = True
        sharded[str(count)] = entry
        for folder in [*folders, merged_site]:
            discard(folder, args)
    discard(whole_site, args)
    return {"whole": whole, "sharded": sharded}


# --------------------------------------------------------------------------
# Report


def mib(kib):
    return f"{kib / 1024:,.0f} MiB"


def render(results):
    machine = results["machine"]
    lines = ["# Spark job against recsite, and sharded builds (issue 20)", "",
             "Generated by `make bench-spark` (bench/spark_bench.py) from bench/spark-results.json;",
             "every figure comes from one run of it, sizes and steps one after the other.", "",
             f"Machine: {machine['cores']} cores, {machine['cpu']}, {machine['ram_gib']} GiB RAM, "
             f"{machine['os']}; recsite {machine['recsite']}. Run started {results['started']}, "
             f"load average before it {results['load_before']}.", "",
             "CPU is user + system of the whole process tree (JVM and Python workers too); "
             "peak RSS is the tree's summed resident memory, sampled every 0.25 s, with the "
             "largest single process beside it.", ""]
    for name, size in results["sizes"].items():
        engines, builds = size["engines"], size["builds"]
        lines += [f"## {name}: {size['description']}", "",
                  "| engine | wall | CPU | peak RSS (tree) | largest process |", "|---|---:|---:|---:|---:|"]
        for label, key in (("recsite `recommend --all --json`", "recsite"),
                           ("Spark job, `local[2]`, `--sums canonical`", "spark")):
            if key in engines:
                figures = engines[key]
                lines.append(f"| {label} | {figures['wall']:.1f} s | {figures['cpu']:.1f} s | "
                             f"{mib(figures['tree_rss_kib'])} | {mib(figures['largest_rss_kib'])} |")
        if "spark" in engines:
            ratio = engines["spark"]["wall"] / engines["recsite"]["wall"]
            lines += ["", f"recsite is {ratio:.0f}× faster in wall time. The job's results against recsite's: "
                      f"equal (spark/compare.py: cleansing counts exact, every top-k within the spec's tolerance), "
                      f"{engines['identical_lines']:,} of {engines['users']:,} lines byte-identical."]
        else:
            lines += ["", f"The Spark job failed: {engines['spark_failed']}"]
        lines += ["",
                  "| build | wall | CPU | peak RSS (tree) | ready on N machines |", "|---|---:|---:|---:|---:|"]
        whole = builds["whole"]
        lines.append(f"| whole site ({whole['files']:,} files) | {whole['wall']:.1f} s | {whole['cpu']:.1f} s | "
                     f"{mib(whole['tree_rss_kib'])} | {whole['wall']:.1f} s |")
        for count, entry in builds["sharded"].items():
            shards = entry["shards"]
            walls = ", ".join(f"{shard['wall']:.1f}" for shard in shards)
            cpus = ", ".join(f"{shard['cpu']:.1f}" for shard in shards)
            peak = max(shard["tree_rss_kib"] for shard in shards)
            lines.append(f"| shards 1/{count} … {count}/{count} | {walls} s | {cpus} s | ≤ {mib(peak)} | |")
            merge = entry["merge"]
            equal = " (equals the whole build)" if entry.get("equal_to_whole") else ""
            lines.append(f"| merge of {count}{equal} | {merge['wall']:.1f} s | {merge['cpu']:.1f} s | "
                         f"{mib(merge['tree_rss_kib'])} | {entry['ready']:.1f} s |")
        lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="M,L")
    parser.add_argument("--shards", default="2,4", help="shard counts, comma-separated")
    parser.add_argument("--verify", default="M", help="sizes whose merged sites are diffed with the whole build")
    parser.add_argument("--driver-memory", default="12g", help="spark-submit --driver-memory (default: 12g)")
    parser.add_argument("--recsite", default=".build/release/recsite")
    parser.add_argument("--spark-venv", type=Path, default=Path(".bench/spark-venv"))
    parser.add_argument("--python", default=".bench/venv/bin/python", help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, default=Path(".bench"))
    parser.add_argument("--out", type=Path, default=Path("bench"), help="where the JSON and Markdown go")
    parser.add_argument("--render-only", action="store_true", help="re-render the Markdown from the JSON")
    args = parser.parse_args(argv)
    args.sizes = [SIZES[name] for name in args.sizes.split(",")]
    args.shards = [int(count) for count in args.shards.split(",") if count]
    args.verify = set(args.verify.split(","))
    args.recsite = str(Path(args.recsite).resolve())
    args.spark_venv = args.spark_venv.resolve()
    args.work = args.work.resolve()
    return args


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    results_path, markdown_path = args.out / "spark-results.json", args.out / "SPARK-RESULTS.md"
    try:
        if not args.render_only:
            require_tool("/usr/bin/time")
            require_tool(str(args.spark_venv / "bin" / "spark-submit"))
            results = {"machine": describe_machine(args), "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                       "load_before": " ".join(f"{value:.2f}" for value in os.getloadavg()), "sizes": {}}
            for size in args.sizes:
                say(f"{size.name}: {size.users:,} users, {size.items:,} items, {size.events:,} events")
                ensure_dataset(size, args)
                data = args.work / size.name
                results["sizes"][size.name] = {
                    "description": f"{size.users:,} users, {size.items:,} items, {size.events:,} events "
                                   f"(`recsite synth` seed {size.seed})",
                    "engines": bench_engines(size, data, args.work, args),
                    "builds": bench_builds(size, data, args.work, args)}
                results_path.write_text(json.dumps(results, indent=2) + "\n")
            empty_trash(args)
        results = json.loads(results_path.read_text())
        markdown_path.write_text(render(results))
    except BenchError as error:
        print(f"bench/spark_bench.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
