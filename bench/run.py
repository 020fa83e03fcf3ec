#!/usr/bin/env python3
"""The benchmark of issue 5: recsite side by side with the tools it replaces.

For each size (S, M, and L under `make bench-large`) it, in one run:

  1. makes the synthetic data set with `recsite synth` (reused when its stamp
     matches: synth is deterministic);
  2. times a cold `recsite build` (wall clock, peak RSS, and the per-phase
     timings of `--timings` when the binary has that flag) and
     `recsite recommend --all --json`;
  3. runs bench/baseline.py (pandas + scikit-learn, the original system's
     way) in .bench/venv and checks that its top-10 list equals recsite's for
     every user;
  4. converts the site's Markdown pages with the cmark-gfm command, one
     process per file on every core and once as one concatenated stream;
  5. renders the same pages with Hugo;
  6. prints one Markdown table per size.

S2 and L2 (L2 under `make bench-large`) are S and L with M's 2,000 items:
for them only step 2's build is timed, to show how time grows with events
when items are fixed. Builds are timed several times and the fastest kept.
Each L2 build runs between two M builds (M, L2, M, L2, M: `--pairs`), and
the growth from M to L2 is judged on each L2 run over its neighbours, as the
machine's speed drifts more over the tens of minutes between sizes than the
target's margin.

Results are stored per size in bench/results.json, so `make bench` (S, S2, M)
keeps the L figures of an earlier `make bench-large`; bench/RESULTS.md and
bench/scaling.svg are rendered from every stored size by bench/report.py,
which also re-renders them alone (`python3 bench/report.py`) without running
anything. Everything except the measured times and memory is deterministic.
The sizes, constants and the JSON reading and writing are in bench/shared.py.

Python 3 standard library only: the harness runs under the system python3;
only the baseline needs the virtual environment.

usage: bench/run.py [--sizes S,S2,M[,L2,L]] [--repeat N] [--repeat-large N] [--pairs N] [--recsite BIN]
                    [--python PY] [--engine-only] [--no-per-user]

`--engine-only` times only step 2's `recommend --all` and step 3's baseline
runs (bench-engine in the Makefile), keeping each size's stored build
figures. The baseline runs twice per repeat: scoring every user with one
sparse product, and (unless `--no-per-user`) one user at a time.
Exit status: 0 done; 1 a tool failed or is missing, or the top-10 lists differ.
"""
import argparse
import concurrent.futures
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import report
from report import describe_size, equality_line, fmt_kib, fmt_seconds, render_table
from shared import (ENGINE_PHASES, PAIRED_WITH, SIZES, SMALL_EVENTS, TOP_K, BenchError, load_results,
                    save_results, to_disk)

ROOT = Path(__file__).resolve().parent.parent

CMARK_EXTENSIONS = ("table", "strikethrough", "autolink", "tagfilter")
# Which Debian package brings each outside tool, for the one-line message.
TOOL_PACKAGES = {"/usr/bin/time": "time", "cmark-gfm": "cmark-gfm", "hugo": "hugo"}


# --------------------------------------------------------------------------
# Running and measuring commands


@dataclass
class Measured:
    wall: float        # seconds, wall clock around the whole process
    peak_rss_kib: int  # maximum resident set size, from /usr/bin/time -f %M
    stderr: str
    cpu: float = 0.0   # user + system CPU seconds, from /usr/bin/time -f %U %S


def run_measured(command, label, stdout=subprocess.DEVNULL, cwd=None, env=None):
    """Runs `command` under /usr/bin/time for its peak RSS and times it.

    The wall clock is taken here (perf_counter around the process) because
    /usr/bin/time's %e has only centisecond resolution. A failure raises
    BenchError with the command's last stderr line, so the user sees why.
    """
    with tempfile.NamedTemporaryFile("r", prefix="bench-rss-", suffix=".txt") as rss_file:
        wrapped = ["/usr/bin/time", "-f", "%M %U %S", "-o", rss_file.name, *map(str, command)]
        start = time.perf_counter()
        process = subprocess.run(wrapped, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd, env=env,
                                 text=True, errors="replace")
        wall = time.perf_counter() - start
        time_output = rss_file.read()
    if process.returncode != 0:
        last = (process.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise BenchError(f"{label} failed (exit {process.returncode}): {last}")
    rss, cpu = parse_time_output(time_output)
    return Measured(wall=wall, peak_rss_kib=rss, stderr=process.stderr, cpu=cpu)


def parse_time_output(text):
    """(peak RSS in KiB, user + system CPU seconds) from what `/usr/bin/time -f "%M %U %S"`
    wrote: its last line of that form (a killed command adds lines before it), or (0, 0.0)."""
    lines = [line.split() for line in text.splitlines() if re.fullmatch(r"\d+ [\d.]+ [\d.]+", line.strip())]
    rss, user, system = lines[-1] if lines else ("0", "0", "0")
    return int(rss), float(user) + float(system)


def output_of(command):
    """The stdout of a quick informational command, or '' if it cannot run."""
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False,
                              errors="replace").stdout.strip()
    except OSError:
        return ""


def require_tool(name):
    """The absolute path of `name`, or a one-line error naming its apt package."""
    path = name if os.path.isabs(name) and os.access(name, os.X_OK) else shutil.which(name)
    if not path:
        package = TOOL_PACKAGES.get(name, name)
        raise BenchError(f"{name} not found: install the Debian package '{package}' "
                         f"(apt-get install {package}, or scripts/install-deps.sh --bench)")
    return path


def preflight(args, sizes):
    """Checks every tool before the first long step, so a missing one fails at once."""
    require_tool("/usr/bin/time")
    require_tool("cmark-gfm")
    require_tool("hugo")
    if not (os.path.isfile(args.recsite) and os.access(args.recsite, os.X_OK)):
        raise BenchError(f"recsite binary not found at {args.recsite}: run `make release` "
                         "(or pass --recsite BIN)")
    if any(baseline_wanted(size, args) for size in sizes) and not os.access(args.python, os.X_OK):
        raise BenchError(f"{args.python} not found: run `make bench-venv` (needs the Debian "
                         "package 'python3-venv')")


def baseline_wanted(size, args):
    """L's baseline takes minutes (one user at a time, much longer), so it is opt-in."""
    return size.name != "L" or args.baseline_large


# --------------------------------------------------------------------------
# The machine


def describe_machine(args):
    """Everything a reader needs to judge the numbers: cores, CPU, RAM, versions."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3
    os_name = platform.system()
    try:
        fields = dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines()
                      if "=" in line)
        os_name = fields.get("PRETTY_NAME", os_name).strip('"')
    except OSError:
        pass
    python_versions = {}
    if os.access(args.python, os.X_OK):
        probe = ("import json, platform, numpy, pandas, sklearn; print(json.dumps({"
                 "'python': platform.python_version(), 'numpy': numpy.__version__, "
                 "'pandas': pandas.__version__, 'scikit-learn': sklearn.__version__}))")
        try:
            python_versions = json.loads(output_of([args.python, "-c", probe]) or "{}")
        except json.JSONDecodeError:
            python_versions = {}
    swift = output_of(["swift", "--version"]).splitlines()
    hugo = output_of(["hugo", "version"])
    cmark = output_of(["cmark-gfm", "--version"]).splitlines()
    return {
        "cores": os.cpu_count() or 1,
        "cpu": cpu,
        "ram_gib": round(ram_gib, 1),
        "os": f"{os_name}, Linux {platform.release()}",
        "swift": swift[0] if swift else "unknown",
        "python": python_versions.get("python", "unknown"),
        "numpy": python_versions.get("numpy", "unknown"),
        "pandas": python_versions.get("pandas", "unknown"),
        "scikit-learn": python_versions.get("scikit-learn", "unknown"),
        "cmark-gfm": cmark[0] if cmark else "unknown",
        "hugo": hugo.split(" BuildDate")[0] if hugo else "unknown",
        "recsite": output_of(["git", "-C", str(ROOT), "describe", "--always", "--dirty"]) or "unknown",
    }


# --------------------------------------------------------------------------
# Steps


def ensure_dataset(size, args):
    """Makes .bench/<size> with recsite synth unless its stamp says it is already there.

    The stamp holds synth's parameters; synth is deterministic, so a folder
    with the same stamp has the same bytes and regenerating it is wasted time.
    """
    folder = args.work / size.name
    stamp = folder / ".synth-stamp"
    wanted = synth_stamp(size)
    if dataset_reusable(folder, wanted):
        return {"reused": True, "wall": None}
    shutil.rmtree(folder, ignore_errors=True)
    measured = run_measured([args.recsite, "synth", "--users", size.users, "--items", size.items,
                             "--events", size.events, "--seed", size.seed, "--out", folder],
                            f"recsite synth ({size.name})")
    stamp.write_text(wanted)
    return {"reused": False, "wall": round(measured.wall, 3)}


def synth_stamp(size):
    """The stamp of `size`'s data set: synth's parameters, one line."""
    return f"users={size.users} items={size.items} events={size.events} seed={size.seed}\n"


def dataset_reusable(folder, wanted):
    """Whether `folder` holds the three CSV files and a .synth-stamp reading exactly `wanted`."""
    stamp = folder / ".synth-stamp"
    present = all((folder / name).is_file() for name in ("users.csv", "items.csv", "events.csv"))
    return present and stamp.is_file() and stamp.read_text() == wanted


def discard(folder, args):
    """Moves an old output folder into .bench/trash/, deleted when the run ends.

    Deleting tens of thousands of files just before a timed build makes that
    build slow to create files: for some seconds ext4 skips the inodes it has
    just freed (`recently_deleted`), and the write step measured 2 s or 28 s
    on the same machine depending on it. A rename costs nothing.
    """
    if not folder.exists():
        return
    trash = args.work / "trash"
    trash.mkdir(parents=True, exist_ok=True)
    folder.rename(trash / f"{folder.name}-{os.getpid()}-{len(list(trash.iterdir()))}")


def empty_trash(args):
    shutil.rmtree(args.work / "trash", ignore_errors=True)


def supports_timings(recsite, command="build"):
    """Whether this recsite has `build --timings FILE` (added for issue 5), or
    `recommend --all --timings FILE` with command="recommend"."""
    return "--timings" in output_of([recsite, command, "--help"])


def run_build(size, args):
    """The fastest of several cold builds, with every run's wall time in `walls`.

    Noise on a shared 2-core machine only ever adds time (runs of M here
    took 17.5–23.8 s), so the minimum is the best estimate of the cost.
    """
    return fastest_build([run_one_build(size, args) for _ in range(build_repeats(size, args))])


def fastest_build(runs):
    """The run with the least time to disk (the first of equals), with every run's wall time in "walls"."""
    best = min(runs, key=to_disk)
    best["walls"] = [run["wall"] for run in runs]
    return best


def build_repeats(size, args):
    """How many cold builds `size` gets: `--repeat` up to SMALL_EVENTS events, `--repeat-large` above."""
    return max(1, args.repeat if size.events <= SMALL_EVENTS else args.repeat_large)


def run_paired(size, reference, args):
    """`--pairs` builds of `size`, each between two builds of `reference`
    (R, S, R, S, R), so every run of `size` has a reference measured just
    before and just after it. Returns the fastest run of `size` as
    `run_build` does, plus "paired": each run's time to disk and CPU time
    over the mean of its neighbours', and the reference runs themselves.
    """
    say(f"{size.name}: {args.pairs} builds, each between two builds of {reference.name} (paired for growth)")
    ensure_dataset(reference, args)
    references, runs = [run_one_build(reference, args)], []
    for _ in range(args.pairs):
        runs.append(run_one_build(size, args))
        references.append(run_one_build(reference, args))
    best = fastest_build(runs)
    best["paired"] = paired_summary(reference.name, references, runs)
    return best


def paired_summary(reference, references, runs):
    """What results.json stores of paired builds: `references` are the
    builds of size `reference` (one more than `runs`, run R, S, R, S, R), and
    each run's time to disk and CPU time is divided by the mean of the
    reference builds just before and just after it."""
    def over_neighbours(measure):
        return [round(measure(run) / ((measure(before) + measure(after)) / 2), 3)
                for run, before, after in zip(runs, references, references[1:])]

    return {
        "reference": reference,
        "reference_to_disk": [round(to_disk(run), 3) for run in references],
        "reference_cpu": [run["cpu"] for run in references],
        "to_disk": [round(to_disk(run), 3) for run in runs],
        "ratios": over_neighbours(to_disk),
        "cpu_ratios": over_neighbours(lambda run: run["cpu"]),
    }


def run_one_build(size, args):
    """A cold `recsite build`: the old output is moved aside and earlier
    writes are flushed to disk first, so a run does not pay for the last."""
    data, site = args.work / size.name, args.work / f"site-{size.name}"
    timings = args.work / f"{size.name}-timings.json"
    discard(site, args)
    timings.unlink(missing_ok=True)
    command = [args.recsite, "build", "--data", data, "--out", site, "--quiet"]
    with_timings = supports_timings(args.recsite)
    if with_timings:
        command += ["--timings", timings]
    os.sync()
    measured = run_measured(command, f"recsite build ({size.name})")
    start = time.perf_counter()
    os.sync()
    flush = time.perf_counter() - start
    result = {"wall": round(measured.wall, 3), "flush": round(flush, 3), "cpu": round(measured.cpu, 2),
              "peak_rss_kib": measured.peak_rss_kib,
              "phases": None, "pages": None, "files": None}
    if with_timings:
        try:
            result["phases"], result["pages"], result["files"] = parse_build_timings(timings.read_text())
        except (OSError, json.JSONDecodeError) as error:
            raise BenchError(f"recsite build --timings wrote no readable {timings}: {error}")
    return result


def parse_build_timings(text):
    """(phases, pages, files) from `recsite build --timings` JSON: the phases
    in the binary's order as [{"name", "seconds" rounded to 0.1 ms}], and the
    page and file counts (None when absent)."""
    document = json.loads(text)
    phases = [{"name": str(phase["name"]), "seconds": round(float(phase["seconds"]), 4)}
              for phase in document.get("phases", [])]
    return phases, document.get("pages"), document.get("files")


def run_engines(size, args):
    """The engine side by side: `recsite recommend --all --json --timings` and
    bench/baseline.py, each run `build_repeats` times, alternating, so both
    see the same machine speed (it drifts by ±20% within minutes here); the
    fastest run of each is kept, as for the builds. Returns both results
    and both runs' top-10 lists."""
    ours, theirs, one_at_a_time = [], [], []
    for _ in range(build_repeats(size, args)):
        ours.append(run_recommend(size, args))
        if baseline_wanted(size, args):
            theirs.append(run_baseline(size, args))
            if args.per_user:
                one_at_a_time.append(run_baseline(size, args, per_user=True))
    recommend, recsite_lists, baseline, baseline_lists = choose_engine_runs(size, ours, theirs)
    if one_at_a_time:
        per_user, per_user_lists = min(one_at_a_time, key=lambda run: run[0]["phases"].get("total", run[0]["wall"]))
        per_user["engine_runs"] = [run["phases"].get("total", run["wall"]) for run, _ in one_at_a_time]
        per_user["equality"] = compare_lists(recsite_lists, per_user_lists)[0]
        baseline["per_user"] = per_user
    return recommend, recsite_lists, baseline, baseline_lists


def choose_engine_runs(size, ours, theirs):
    """The fastest of `ours` ((recommend result, lists) pairs, by engine
    time) and of `theirs` (baseline pairs, by their "total" phase or the
    process time), each with every run's engine time in "engine_runs"; with
    no baseline runs, a baseline status saying why, and None for its lists."""
    recommend, recsite_lists = min(ours, key=lambda run: recommend_seconds(run[0]))
    recommend["engine_runs"] = [recommend_seconds(run) for run, _ in ours]
    if not theirs:
        return recommend, recsite_lists, {
            "status": "not run (on L it takes minutes; BENCH_BASELINE_LARGE=1 runs it)"}, None
    baseline, baseline_lists = min(theirs, key=lambda run: run[0]["phases"].get("total", run[0]["wall"]))
    baseline["engine_runs"] = [run["phases"].get("total", run["wall"]) for run, _ in theirs]
    return recommend, recsite_lists, baseline, baseline_lists


def recommend_seconds(recommend):
    """The engine's time in one `recommend --all` run: its phases, or the process without --timings."""
    phases = recommend.get("phases")
    return sum(phases[name] for name in ENGINE_PHASES) if phases else recommend["wall"]


def run_recommend(size, args):
    """`recsite recommend --all --json`: the engine alone as a process, its
    phases (`--timings`, when this recsite has it) and its top-10 lists."""
    out = args.work / f"{size.name}-recsite.jsonl"
    timings = args.work / f"{size.name}-engine-timings.json"
    timings.unlink(missing_ok=True)
    command = [args.recsite, "recommend", "--all", "--json", "--data", args.work / size.name]
    with_timings = supports_timings(args.recsite, "recommend")
    if with_timings:
        command += ["--timings", timings]
    with open(out, "w") as handle:
        measured = run_measured(command, f"recsite recommend --all ({size.name})", stdout=handle)
    with open(out) as handle:
        lists = parse_recsite_lists(handle)
    result = {"wall": round(measured.wall, 3), "peak_rss_kib": measured.peak_rss_kib, "phases": None}
    if with_timings:
        result["phases"] = parse_engine_timings(timings.read_text())
    return result, lists


def parse_recsite_lists(lines):
    """user → its first TOP_K item IDs, from `recommend --all --json` lines (blank lines skipped)."""
    lists = {}
    for line in lines:
        if line.strip():
            document = json.loads(line)
            lists[document["user_id"]] = [entry["item_id"] for entry in document["items"]][:TOP_K]
    return lists


def parse_engine_timings(text):
    """name → seconds (rounded to 0.1 ms) from `recommend --all --timings`
    JSON, or None unless every engine phase is there."""
    document = json.loads(text)
    phases = {str(phase["name"]): round(float(phase["seconds"]), 4) for phase in document.get("phases", [])}
    return phases if all(name in phases for name in ENGINE_PHASES) else None


def run_baseline(size, args, per_user=False):
    """bench/baseline.py in the venv: its phase timings (stderr's last line)
    and lists; with `per_user`, the run that scores one user at a time."""
    out = args.work / f"{size.name}-baseline{'-per-user' if per_user else ''}.jsonl"
    command = [args.python, ROOT / "bench" / "baseline.py", args.work / size.name, out, TOP_K]
    measured = run_measured(command + (["--per-user"] if per_user else []),
                            f"bench/baseline.py{' --per-user' if per_user else ''} ({size.name})",
                            env=baseline_environment())
    phases = parse_baseline_timings(measured.stderr)
    if phases is None:
        raise BenchError(f"bench/baseline.py ({size.name}) printed no timings on stderr's last line")
    with open(out) as handle:
        lists = parse_baseline_lists(handle)
    return {"status": "run", "wall": round(measured.wall, 3), "peak_rss_kib": measured.peak_rss_kib,
            "phases": phases}, lists


def baseline_environment():
    """The environment of bench/baseline.py: glibc's malloc asked for
    transparent huge pages, as recsite asks jemalloc for them (NumPy already
    asks for its large arrays), so neither side pays a page fault per 4 KiB
    where the other does not. Tunables already set are kept."""
    tunables = [os.environ["GLIBC_TUNABLES"]] if os.environ.get("GLIBC_TUNABLES") else []
    return dict(os.environ, GLIBC_TUNABLES=":".join(tunables + ["glibc.malloc.hugetlb=1"]))


def parse_baseline_timings(stderr):
    """name → seconds (sorted by name, rounded to 0.1 ms) from the JSON on
    the last line of bench/baseline.py's stderr, or None when there is none."""
    try:
        phases = json.loads(stderr.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return None
    return {name: round(float(value), 4) for name, value in sorted(phases.items())}


def parse_baseline_lists(lines):
    """user → item IDs, from bench/baseline.py's JSON lines (blank lines skipped)."""
    lists = {}
    for line in lines:
        if line.strip():
            document = json.loads(line)
            lists[document["user_id"]] = document["items"]
    return lists


def compare_lists(recsite, baseline, limit=5):
    """How many users have equal top-10 lists, and the first differences (in recsite's order)."""
    users = list(recsite) + sorted(set(baseline) - set(recsite))
    differences = []
    equal = 0
    for user in users:
        ours, theirs = recsite.get(user), baseline.get(user)
        if ours == theirs:
            equal += 1
        elif len(differences) < limit:
            differences.append(f"{user}: recsite {ours if ours is not None else '(missing)'} "
                               f"vs baseline {theirs if theirs is not None else '(missing)'}")
    return {"checked": True, "equal": equal, "users": len(users)}, differences


def markdown_pages(site):
    """Every *.md page of the built site, sorted so every later step is deterministic."""
    pages = sorted(path.relative_to(site) for path in site.rglob("*.md") if path.is_file())
    if not pages:
        raise BenchError(f"no Markdown pages under {site}")
    return pages


def cmark_command():
    command = [shutil.which("cmark-gfm")]
    for extension in CMARK_EXTENSIONS:
        command += ["--extension", extension]
    return command


def run_cmark_per_file(size, site, pages, args):
    """One cmark-gfm process per page, on every core: what a script around the CLI would do."""
    out_root = args.work / f"cmark-{size.name}"
    shutil.rmtree(out_root, ignore_errors=True)
    for folder in sorted({page.parent for page in pages}):
        (out_root / folder).mkdir(parents=True, exist_ok=True)
    command = cmark_command()

    def convert(page):
        with open(out_root / page.with_suffix(".html"), "wb") as handle:
            return subprocess.run(command + [str(site / page)], stdout=handle,
                                  stderr=subprocess.DEVNULL).returncode

    jobs = os.cpu_count() or 1
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        failures = sum(1 for code in pool.map(convert, pages) if code != 0)
    wall = time.perf_counter() - start
    if failures:
        raise BenchError(f"cmark-gfm failed on {failures} of {len(pages)} pages ({size.name})")
    return {"wall": round(wall, 3), "jobs": jobs}


def run_cmark_concatenated(size, site, pages, args):
    """All pages as one stream through one cmark-gfm: the pure-throughput floor.

    cmark-gfm holds a whole input and its tree in memory, and was killed on
    L's 1.9 GB of pages, so the pages go in streams of at most 200 MB (about
    M's whole site), one after another, and their times add up.
    """
    streams, current, written = [], None, 0
    for page in pages:
        if current is None or written > 200_000_000:
            if current:
                current.close()
            path = args.work / f"{size.name}-all-{len(streams)}.md"
            streams.append(path)
            current, written = open(path, "wb"), 0
        data = (site / page).read_bytes()
        current.write(data)
        current.write(b"\n\n")
        written += len(data) + 2
    if current:
        current.close()
    wall = 0.0
    for stream in streams:
        with open(stream, "rb") as handle:
            start = time.perf_counter()
            process = subprocess.run(cmark_command(), stdin=handle, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
            wall += time.perf_counter() - start
        stream.unlink()
        if process.returncode != 0:
            raise BenchError(f"cmark-gfm on the concatenated pages failed ({size.name}, {stream.name}, "
                             f"exit {process.returncode}): {process.stderr.strip()}")
    return {"wall": round(wall, 3), "streams": len(streams)}


HUGO_CONFIG = """\
# Written by bench/run.py: the least Hugo needs to render recsite's pages.
baseURL = "http://localhost/"
title = "recsite bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableGitInfo = false

[markup.goldmark.renderer]
unsafe = false
"""
HUGO_LAYOUT = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ .Content }}</main></body></html>
"""


def prepare_hugo(size, site, pages, args):
    """A throwaway Hugo site whose content/ holds the same pages (hard links).

    `index.md` becomes `_index.md`: to Hugo an index.md makes its folder a
    leaf bundle, whose sibling pages would be resources and never rendered.
    """
    root = args.work / f"hugo-{size.name}"
    shutil.rmtree(root, ignore_errors=True)
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "config.toml").write_text(HUGO_CONFIG)
    for kind in ("single", "list"):
        (root / "layouts" / "_default" / f"{kind}.html").write_text(HUGO_LAYOUT)
    for page in pages:
        target = root / "content" / hugo_content_path(page)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / page, target)
        except OSError:
            shutil.copyfile(site / page, target)
    return root


def hugo_content_path(page):
    """Where a page of the site goes under Hugo's content/: index.md becomes _index.md."""
    return page.parent / "_index.md" if page.name == "index.md" else page


def run_hugo(size, site, pages, args):
    """A cold `hugo --quiet` (public/, resources/ and the cache removed first)."""
    if size.name == "L" and os.environ.get("BENCH_HUGO_LARGE") != "1":
        return {"status": "not run on L (Hugo's memory grows with the pages: see its peak RSS on M; BENCH_HUGO_LARGE=1 runs it)"}
    root = prepare_hugo(size, site, pages, args)
    for leftover in ("public", "resources", ".cache"):
        discard(root / leftover, args)
    root = root.resolve()  # Hugo wants absolute folders
    env = dict(os.environ, HUGO_CACHEDIR=str(root / ".cache"))
    measured = run_measured([shutil.which("hugo"), "--quiet", "--source", root], f"hugo ({size.name})", env=env)
    rendered = sum(1 for _ in (root / "public").rglob("*.html"))
    if rendered < len(pages):
        raise BenchError(f"hugo rendered {rendered} HTML pages for {len(pages)} Markdown pages ({size.name})")
    return {"wall": round(measured.wall, 3), "peak_rss_kib": measured.peak_rss_kib, "html_files": rendered}


def bench_size(size, args, machine):
    """Every measurement of one size, as the dict stored in results.json."""
    say(f"{size.name}: data set ({size.users} users, {size.items} items, {size.events} events)")
    synth = ensure_dataset(size, args)
    reference = SIZES.get(PAIRED_WITH.get(size.name, ""))
    if reference and args.pairs > 0:
        build = run_paired(size, reference, args)
    else:
        say(f"{size.name}: recsite build (cold, best of {build_repeats(size, args)})")
        build = run_build(size, args)
    site = args.work / f"site-{size.name}"
    pages = markdown_pages(site)
    markdown = {"pages": len(pages), "bytes": sum((site / page).stat().st_size for page in pages)}
    if size.growth_only:
        return {"size": {"users": size.users, "items": size.items, "events": size.events, "seed": size.seed},
                "machine": machine, "synth": synth, "build": build, "markdown": markdown, "growth_only": True}, []
    say(f"{size.name}: recsite recommend --all --json" + (" and bench/baseline.py" if baseline_wanted(size, args)
        else " (baseline skipped)") + f", alternating, best of {build_repeats(size, args)}")
    recommend, recsite_lists, baseline, baseline_lists = run_engines(size, args)
    if baseline_lists is None:
        equality, differences = {"checked": False, "equal": 0, "users": len(recsite_lists)}, []
    else:
        equality, differences = compare_lists(recsite_lists, baseline_lists)
    say(f"{size.name}: cmark-gfm on {len(pages)} pages")
    cmark_per_file = run_cmark_per_file(size, site, pages, args)
    cmark_concatenated = run_cmark_concatenated(size, site, pages, args)
    say(f"{size.name}: hugo on {len(pages)} pages")
    hugo = run_hugo(size, site, pages, args)
    result = {
        "size": {"users": size.users, "items": size.items, "events": size.events, "seed": size.seed},
        "machine": machine, "synth": synth, "build": build, "markdown": markdown,
        "recommend_all": recommend, "baseline": baseline, "equality": equality,
        "cmark_per_file": cmark_per_file, "cmark_concatenated": cmark_concatenated, "hugo": hugo,
    }
    return result, differences


def bench_engines(size, args, machine, stored):
    """`--engine-only`: the engine comparison of `size` alone, written into
    its stored result (whose build, cmark-gfm and Hugo figures stay, with
    their own machine and commit); `engine_machine` says where the engines ran."""
    if stored is None or stored.get("growth_only"):
        raise BenchError(f"{size.name} has no stored full run to add engine figures to: run it without --engine-only")
    say(f"{size.name}: data set ({size.users} users, {size.items} items, {size.events} events)")
    ensure_dataset(size, args)
    say(f"{size.name}: engines only, alternating, best of {build_repeats(size, args)}")
    load = [round(os.getloadavg()[0], 1)]  # other jobs on the machine slow both sides
    recommend, recsite_lists, baseline, baseline_lists = run_engines(size, args)
    load.append(round(os.getloadavg()[0], 1))
    if baseline_lists is None:
        equality, differences = {"checked": False, "equal": 0, "users": len(recsite_lists)}, []
    else:
        equality, differences = compare_lists(recsite_lists, baseline_lists)
    result = dict(stored, recommend_all=recommend, baseline=baseline, equality=equality,
                  engine_machine=dict(machine, load=load), engine_before=stored.get("engine_before") or engine_figures(stored))
    return result, differences


def engine_figures(stored):
    """The engine figures a first `--engine-only` run replaces, kept as
    "engine_before" so the report can set the new ones beside them."""
    where = stored.get("engine_machine") or stored["machine"]
    return {"recsite": where["recsite"], "cpu": where["cpu"],
            "recommend_all": (stored.get("recommend_all") or {}).get("phases"),
            "baseline": (stored.get("baseline") or {}).get("phases")}


def say(message):
    """Progress on stderr, so stdout carries only the tables."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="S,S2,M",
                        help="comma-separated sizes of S, S2, M, L2, L (default: S,S2,M); S2 and L2 have M's "
                             "2,000 items and time only the build, for the growth target")
    parser.add_argument("--repeat", type=int, default=3,
                        help=f"cold builds per size of at most {SMALL_EVENTS:,} events; the fastest is kept (default: 3)")
    parser.add_argument("--repeat-large", type=int, default=1,
                        help="cold builds per larger size (default: 1; each writes ~12 GB)")
    parser.add_argument("--pairs", type=int, default=2,
                        help="builds of L2, each between two builds of M, for the growth target "
                             "(default: 2; 0 times L2 like L)")
    parser.add_argument("--recsite", default=".build/release/recsite", help="the recsite binary")
    parser.add_argument("--python", default=".bench/venv/bin/python",
                        help="the Python with pandas and scikit-learn (default: .bench/venv/bin/python)")
    parser.add_argument("--work", default=".bench", help="folder for data sets and outputs (default: .bench)")
    parser.add_argument("--results", default="bench/results.json", help="stored results (default: bench/results.json)")
    parser.add_argument("--no-write", action="store_true",
                        help="print the tables only; leave results.json, RESULTS.md and scaling.svg alone")
    parser.add_argument("--engine-only", action="store_true",
                        help="time only the engines (recommend --all and the baselines, alternating) and store "
                             "them in the sizes' earlier results, keeping their build figures")
    parser.add_argument("--no-per-user", dest="per_user", action="store_false",
                        help="skip the baseline run that scores one user at a time")
    parser.add_argument("--baseline-large", action="store_true",
                        default=os.environ.get("BENCH_BASELINE_LARGE") == "1",
                        help="also run the baseline on L (default: BENCH_BASELINE_LARGE=1)")
    args = parser.parse_args(argv)
    args.work = Path(args.work)
    args.results = Path(args.results)
    names = [name.strip().upper() for name in args.sizes.split(",") if name.strip()]
    unknown = [name for name in names if name not in SIZES]
    if unknown or not names:
        parser.error(f"unknown size {', '.join(unknown) or '(none)'}: choose from {', '.join(SIZES)}")
    args.size_list = [SIZES[name] for name in SIZES if name in names]
    return args


def main(argv=None):
    os.chdir(ROOT)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        preflight(args, args.size_list)
        args.work.mkdir(parents=True, exist_ok=True)
        machine = describe_machine(args)
        results = load_results(args.results)
        mismatches = []
        for size in args.size_list:
            if args.engine_only:
                result, differences = bench_engines(size, args, machine, results.get(size.name))
            else:
                result, differences = bench_size(size, args, machine)
            results[size.name] = result
            if not args.no_write:
                save_results(args.results, results)  # a later size that fails loses nothing
            print(f"\n### {size.name}: {describe_size(result)}\n")
            if size.growth_only:
                walls = ", ".join(fmt_seconds(wall) for wall in result["build"]["walls"])
                print(f"build {fmt_seconds(result['build']['wall'])} (runs: {walls}), "
                      f"peak RSS {fmt_kib(result['build']['peak_rss_kib'])}")
                paired = result["build"].get("paired")
                if paired:
                    print(f"to disk over the {paired['reference']} builds either side: "
                          + ", ".join(f"×{r:.2f}" for r in paired["ratios"]))
                continue
            print(render_table(size.name, result))
            print(f"\n{equality_line(result)}")
            if differences:
                mismatches.append(size.name)
                print("first differences:\n  " + "\n  ".join(differences))
            sys.stdout.flush()
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    finally:
        empty_trash(args)
    if not args.no_write:
        save_results(args.results, results)
        results_md, chart = report.write_report(results, args.results.parent)
        say(f"wrote {args.results}, {results_md} and {chart}")
    if mismatches:
        print(f"bench: top-10 lists differ from the baseline on {', '.join(mismatches)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
