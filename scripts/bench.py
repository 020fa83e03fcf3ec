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
bench/scaling.svg are rendered from every stored size. Everything except the
measured times and memory is deterministic.

Python 3 standard library only: the harness runs under the system python3;
only the baseline needs the virtual environment.

usage: scripts/bench.py [--sizes S,S2,M[,L2,L]] [--repeat N] [--repeat-large N] [--pairs N] [--recsite BIN]
                        [--python PY]
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

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Size:
    """One data set of issue 5."""
    name: str
    users: int
    items: int
    events: int
    seed: int = 1
    # Sizes that only time the build, for the growth series (no baseline, cmark-gfm or Hugo).
    growth_only: bool = False


SIZES = {  # in the order they run
    "S": Size("S", users=1_000, items=500, events=100_000),
    "S2": Size("S2", users=1_000, items=2_000, events=100_000, growth_only=True),
    "M": Size("M", users=10_000, items=2_000, events=1_000_000),
    "L2": Size("L2", users=100_000, items=2_000, events=10_000_000, growth_only=True),
    "L": Size("L", users=100_000, items=10_000, events=10_000_000),
}
# Issue 5 asks for time "growing no worse than linearly in events for fixed
# items": S2 and L2 are S and L with M's 2,000 items. S→M→L is shown too, but
# its items grow ×4 and ×5 and similarity work grows with items².
FIXED_ITEMS = ("S2", "M", "L2")
GROWING_ITEMS = ("S", "M", "L")
# Builds of at most this many events are timed `--repeat` times (best kept);
# larger ones `--repeat-large` times, as each writes ~12 GB.
SMALL_EVENTS = 1_000_000
# The growth step judged on paired runs: each L2 build is bracketed by M
# builds (M, L2, M, L2, M) and compared with the mean of its two neighbours.
# This machine's speed drifts by ±30% over minutes, more than the margin of
# the target, so sizes built minutes apart cannot be compared run to run.
PAIRED_WITH = {"L2": "M"}
# The engine: everything from the CSV files to every user's recommendations.
ENGINE_PHASES = ("read", "cleanse", "model", "similarity", "recommend")
# The phases printed (with "—" when the binary did not report them); any other
# phase the binary reports is printed too, in its own order.
KNOWN_PHASES = ENGINE_PHASES + ("markdown", "html", "data", "links", "write")
BASELINE_PHASES = ("model", "similarity", "recommend")
CMARK_EXTENSIONS = ("table", "strikethrough", "autolink", "tagfilter")
TOP_K = 10
MIB = 1024
GIB = 1024 * 1024  # in KiB, the unit of /usr/bin/time's %M
# Which Debian package brings each outside tool, for the one-line message.
TOOL_PACKAGES = {"/usr/bin/time": "time", "cmark-gfm": "cmark-gfm", "hugo": "hugo"}


class BenchError(Exception):
    """A failure the harness reports as one line and exit status 1."""


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
        rss_lines = [line.split() for line in rss_file.read().splitlines()
                     if re.fullmatch(r"\d+ [\d.]+ [\d.]+", line.strip())]
    if process.returncode != 0:
        last = (process.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise BenchError(f"{label} failed (exit {process.returncode}): {last}")
    rss, user, system = rss_lines[-1] if rss_lines else ("0", "0", "0")
    return Measured(wall=wall, peak_rss_kib=int(rss), stderr=process.stderr, cpu=float(user) + float(system))


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
    """The dense L matrix needs ~8 GB per copy, so L's baseline is opt-in."""
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
    wanted = f"users={size.users} items={size.items} events={size.events} seed={size.seed}\n"
    present = all((folder / name).is_file() for name in ("users.csv", "items.csv", "events.csv"))
    if present and stamp.is_file() and stamp.read_text() == wanted:
        return {"reused": True, "wall": None}
    shutil.rmtree(folder, ignore_errors=True)
    measured = run_measured([args.recsite, "synth", "--users", size.users, "--items", size.items,
                             "--events", size.events, "--seed", size.seed, "--out", folder],
                            f"recsite synth ({size.name})")
    stamp.write_text(wanted)
    return {"reused": False, "wall": round(measured.wall, 3)}


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
    runs = [run_one_build(size, args) for _ in range(build_repeats(size, args))]
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

    def over_neighbours(measure):
        return [round(measure(run) / ((measure(before) + measure(after)) / 2), 3)
                for run, before, after in zip(runs, references, references[1:])]

    best = min(runs, key=to_disk)
    best["walls"] = [run["wall"] for run in runs]
    best["paired"] = {
        "reference": reference.name,
        "reference_to_disk": [round(to_disk(run), 3) for run in references],
        "reference_cpu": [run["cpu"] for run in references],
        "to_disk": [round(to_disk(run), 3) for run in runs],
        "ratios": over_neighbours(to_disk),
        "cpu_ratios": over_neighbours(lambda run: run["cpu"]),
    }
    return best


def paired_growth(result, earlier):
    """The paired runs' mean time-to-disk ratio and mean CPU ratio of
    `result` over size `earlier`, or None when it was not paired with it."""
    paired = result["build"].get("paired")
    if not paired or paired["reference"] != earlier:
        return None
    mean = lambda values: sum(values) / len(values)  # noqa: E731
    return mean(paired["ratios"]), mean(paired["cpu_ratios"])


def to_disk(build):
    """A build's wall time plus the `sync` after it: the time until its files are on disk.

    The kernel writes a build's files back after the process returns: M's
    1.2 GB stays in memory and is written after the build, while L's 12 GB
    passes the dirty-page limits and is largely written (and throttled)
    during it. Adding the flush charges every size for all of its writing.
    """
    return build["wall"] + (build.get("flush") or 0)


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
            report = json.loads(timings.read_text())
        except (OSError, json.JSONDecodeError) as error:
            raise BenchError(f"recsite build --timings wrote no readable {timings}: {error}")
        result["phases"] = [{"name": str(phase["name"]), "seconds": round(float(phase["seconds"]), 4)}
                            for phase in report.get("phases", [])]
        result["pages"], result["files"] = report.get("pages"), report.get("files")
    return result


def run_engines(size, args):
    """The engine side by side: `recsite recommend --all --json --timings` and
    bench/baseline.py, each run `build_repeats` times, alternating, so both
    see the same machine speed (it drifts by ±20% within minutes here); the
    fastest run of each is kept, as for the builds. Returns both results
    and both runs' top-10 lists."""
    ours, theirs = [], []
    for _ in range(build_repeats(size, args)):
        ours.append(run_recommend(size, args))
        if baseline_wanted(size, args):
            theirs.append(run_baseline(size, args))
    recommend, recsite_lists = min(ours, key=lambda run: recommend_seconds(run[0]))
    recommend["engine_runs"] = [recommend_seconds(run) for run, _ in ours]
    if not theirs:
        gigabytes = size.users * size.items * 8 / 1e9
        return recommend, recsite_lists, {
            "status": f"not run (dense matrix ~{gigabytes:.0f} GB; BENCH_BASELINE_LARGE=1 runs it)"}, None
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
    lists = {}
    with open(out) as handle:
        for line in handle:
            if line.strip():
                document = json.loads(line)
                lists[document["user_id"]] = [entry["item_id"] for entry in document["items"]][:TOP_K]
    result = {"wall": round(measured.wall, 3), "peak_rss_kib": measured.peak_rss_kib, "phases": None}
    if with_timings:
        report = json.loads(timings.read_text())
        phases = {str(phase["name"]): round(float(phase["seconds"]), 4) for phase in report.get("phases", [])}
        if all(name in phases for name in ENGINE_PHASES):
            result["phases"] = phases
    return result, lists


def run_baseline(size, args):
    """bench/baseline.py in the venv: its phase timings (stderr's last line) and lists."""
    out = args.work / f"{size.name}-baseline.jsonl"
    measured = run_measured([args.python, ROOT / "bench" / "baseline.py", args.work / size.name, out, TOP_K],
                            f"bench/baseline.py ({size.name})")
    try:
        phases = json.loads(measured.stderr.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise BenchError(f"bench/baseline.py ({size.name}) printed no timings on stderr's last line")
    lists = {}
    with open(out) as handle:
        for line in handle:
            if line.strip():
                document = json.loads(line)
                lists[document["user_id"]] = document["items"]
    return {"status": "run", "wall": round(measured.wall, 3), "peak_rss_kib": measured.peak_rss_kib,
            "phases": {name: round(float(value), 4) for name, value in sorted(phases.items())}}, lists


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
# Written by scripts/bench.py: the least Hugo needs to render recsite's pages.
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
        target = root / "content" / (page.parent / "_index.md" if page.name == "index.md" else page)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / page, target)
        except OSError:
            shutil.copyfile(site / page, target)
    return root


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


def say(message):
    """Progress on stderr, so stdout carries only the tables."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Derived figures


def phase_map(result):
    """recsite's phases as name → seconds, or {} when the binary had no --timings."""
    return {phase["name"]: phase["seconds"] for phase in (result["build"].get("phases") or [])}


def engine_phase_map(result):
    """The engine's phases from the fastest `recommend --all --timings` run,
    else (older results, older binaries) from the fastest build."""
    return (result.get("recommend_all") or {}).get("phases") or phase_map(result)


def engine_seconds(result):
    """read+cleanse+model+similarity+recommend from --timings, or None."""
    phases = engine_phase_map(result)
    if not all(name in phases for name in ENGINE_PHASES):
        return None
    return sum(phases[name] for name in ENGINE_PHASES)


def engine_ratio(result):
    """Baseline engine time ÷ recsite engine time (phases; the process times without --timings)."""
    baseline = result["baseline"]
    if baseline.get("status") != "run":
        return None
    ours = engine_seconds(result)
    if ours is not None:
        return ratio(baseline["phases"].get("total"), ours)
    return ratio(baseline["wall"], result["recommend_all"]["wall"])


def html_rates(result, seconds):
    """(pages/s, MB/s) for converting the site's Markdown in `seconds`."""
    if not seconds:
        return None, None
    return result["markdown"]["pages"] / seconds, result["markdown"]["bytes"] / 1e6 / seconds


def ratio(theirs, ours):
    """How many times recsite is better: their time (or memory) over ours."""
    if theirs is None or ours is None or ours <= 0:
        return None
    return theirs / ours


# --------------------------------------------------------------------------
# Rendering: tables, targets, RESULTS.md, the chart


def fmt_seconds(value):
    if value is None:
        return "—"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def fmt_kib(value):
    if not value:
        return "—"
    return f"{value / GIB:.2f} GiB" if value >= GIB else f"{value / MIB:.0f} MiB"


def fmt_ratio(value):
    return "—" if value is None else f"{value:.1f}×"


def growth(later, earlier):
    """`×11.09`: how many times `later` is `earlier`, or "—" when either is missing."""
    return "—" if not later or not earlier else f"×{later / earlier:.2f}"


def fmt_rate(value, unit):
    if value is None:
        return "—"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def render_table(name, result):
    """The per-size Markdown table: phase | recsite | baseline | ratio."""
    phases = dict(phase_map(result), **{name: seconds for name, seconds in engine_phase_map(result).items()
                                        if name in ENGINE_PHASES})
    baseline = result["baseline"]
    base_phases = baseline.get("phases") or {}
    rows = []
    order = list(KNOWN_PHASES) + [name for name in phases if name not in KNOWN_PHASES]
    for phase in order:
        rows.append((phase, fmt_seconds(phases.get(phase)),
                     fmt_seconds(base_phases.get(phase)) if phase in BASELINE_PHASES else "",
                     fmt_ratio(ratio(base_phases.get(phase), phases.get(phase)))
                     if phase in BASELINE_PHASES else ""))
        if phase == "cleanse":
            ours = (phases["read"] + phases["cleanse"]) if {"read", "cleanse"} <= phases.keys() else None
            rows.append(("read+cleanse", fmt_seconds(ours), fmt_seconds(base_phases.get("read+cleanse")),
                         fmt_ratio(ratio(base_phases.get("read+cleanse"), ours))))
        if phase == ENGINE_PHASES[-1]:
            ours = engine_seconds(result)
            rows.append(("**engine total**", fmt_seconds(ours), fmt_seconds(base_phases.get("total")),
                         fmt_ratio(ratio(base_phases.get("total"), ours))))
    recommend = result["recommend_all"]
    rows.append(("engine as a process (`recommend --all --json` / baseline.py)",
                 fmt_seconds(recommend["wall"]), fmt_seconds(baseline.get("wall")),
                 fmt_ratio(ratio(baseline.get("wall"), recommend["wall"]))))
    rows.append(("peak RSS, engine process", fmt_kib(recommend["peak_rss_kib"]),
                 fmt_kib(baseline.get("peak_rss_kib")),
                 fmt_ratio(ratio(baseline.get("peak_rss_kib"), recommend["peak_rss_kib"]))))
    build = result["build"]
    runs = len(build.get("walls") or [build["wall"]])
    rows.append((f"**whole build** (cold{f', best of {runs}' if runs > 1 else ''})", fmt_seconds(build["wall"]), "", ""))
    rows.append(("peak RSS, build", fmt_kib(build["peak_rss_kib"]), "", ""))
    ours_pages, ours_mb = html_rates(result, phases.get("html"))
    for label, key in (("cmark-gfm, a process per file", "cmark_per_file"),
                       ("cmark-gfm, one concatenated stream", "cmark_concatenated")):
        pages_rate, mb_rate = html_rates(result, result[key]["wall"])
        rows.append((f"MD→HTML pages/s: `html` phase vs {label}", fmt_rate(ours_pages, "pages/s"),
                     fmt_rate(pages_rate, "pages/s"), fmt_ratio(ratio(ours_pages, pages_rate))))
        rows.append((f"MD→HTML MB/s: `html` phase vs {label}", fmt_rate(ours_mb, "MB/s"),
                     fmt_rate(mb_rate, "MB/s"), fmt_ratio(ratio(ours_mb, mb_rate))))
    ours_site_rate = result["markdown"]["pages"] / build["wall"]
    if "wall" in result["hugo"]:
        hugo_rate = result["markdown"]["pages"] / result["hugo"]["wall"]
        rows.append(("pages/s: whole build vs `hugo` (same pages)", fmt_rate(ours_site_rate, "pages/s"),
                     fmt_rate(hugo_rate, "pages/s"), fmt_ratio(ratio(ours_site_rate, hugo_rate))))
    else:
        rows.append(("pages/s: whole build vs `hugo` (same pages)", fmt_rate(ours_site_rate, "pages/s"),
                     result["hugo"]["status"], ""))
    lines = [f"| {name} | recsite | baseline / other tool | ratio |", "|---|---:|---:|---:|"]
    lines += [f"| {label} | {ours} | {theirs} | {times} |" for label, ours, theirs, times in rows]
    return "\n".join(lines)


def describe_size(result):
    size, markdown = result["size"], result["markdown"]
    build = result["build"]
    extra = f", {build['files']} files" if build.get("files") else ""
    return (f"{size['users']:,} users, {size['items']:,} items, {size['events']:,} events (seed {size['seed']}); "
            f"{markdown['pages']:,} Markdown pages, {markdown['bytes'] / 1e6:.1f} MB{extra}")


def equality_line(result):
    equality = result["equality"]
    if not equality["checked"]:
        return f"top-10 lists not compared: baseline {result['baseline']['status']}"
    verdict = "" if equality["equal"] == equality["users"] else " — DIFFERENT"
    return f"top-10 lists equal for {equality['equal']} of {equality['users']} users{verdict}"


def notes(result):
    """What the table cannot say: missing --timings, a reused data set, Hugo's output count."""
    lines = []
    if not result["build"].get("phases"):
        lines.append("This recsite has no `build --timings`: only whole-build figures; the engine ratio "
                     "uses the process times.")
    recommend, baseline = result.get("recommend_all") or {}, result["baseline"]
    if recommend.get("engine_runs"):
        runs = recommend["engine_runs"]
        line = (f"Engine phases (read … recommend) are from the fastest of {len(runs)} "
                f"`recommend --all --timings` runs (engine {', '.join(fmt_seconds(run) for run in runs)})")
        if baseline.get("engine_runs"):
            line += (f", alternating with {len(baseline['engine_runs'])} baseline runs (engine "
                     f"{', '.join(fmt_seconds(run) for run in baseline['engine_runs'])}), the fastest kept")
        lines.append(line + "; the other phases are from the fastest build.")
    hugo = result["hugo"]
    if "html_files" in hugo:
        lines.append(f"Hugo wrote {hugo['html_files']:,} HTML files, peak RSS {fmt_kib(hugo['peak_rss_kib'])}.")
    else:
        lines.append(f"Hugo {hugo['status']}.")
    lines.append(f"cmark-gfm per file ran {result['cmark_per_file']['jobs']} processes at a time.")
    return lines


def evaluate_targets(results):
    """The targets of issue 5 as (target, verdict, evidence), from the stored sizes."""
    targets = []
    m = results.get("M")

    def verdict(condition):
        return "not measured" if condition is None else ("**met**" if condition else "**not met**")

    if not m:
        for target in ("engine ≥ 20× faster than the baseline on M, identical top-10", "whole site ≤ 30 s on M",
                       "peak RSS ≤ 2 GiB on M", "MD→HTML within 1.5× of the cmark-gfm command on M",
                       "pages/s above Hugo's on M"):
            targets.append((target, verdict(None), "M not run"))
    else:
        engine = engine_ratio(m)
        equal = m["equality"]["checked"] and m["equality"]["equal"] == m["equality"]["users"]
        targets.append(("engine ≥ 20× faster than the baseline on M, identical top-10",
                        verdict(None if engine is None else (engine >= 20 and equal)),
                        f"{fmt_ratio(engine)}; {equality_line(m)}"))
        targets.append(("whole site ≤ 30 s on M", verdict(m["build"]["wall"] <= 30),
                        fmt_seconds(m["build"]["wall"])))
        targets.append(("peak RSS ≤ 2 GiB on M", verdict(m["build"]["peak_rss_kib"] <= 2 * GIB),
                        fmt_kib(m["build"]["peak_rss_kib"])))
        html = phase_map(m).get("html")
        cmark = m["cmark_per_file"]["wall"]
        targets.append(("MD→HTML within 1.5× of the cmark-gfm command (a process per file) on M",
                        verdict(None if html is None else html <= 1.5 * cmark),
                        f"`html` phase {fmt_seconds(html)} vs cmark-gfm {fmt_seconds(cmark)}; "
                        f"the concatenated floor takes {fmt_seconds(m['cmark_concatenated']['wall'])}"))
        hugo = m["hugo"]["wall"]
        targets.append(("pages/s above Hugo's on M (whole build vs `hugo`)",
                        verdict(m["build"]["wall"] < hugo),
                        f"{fmt_seconds(m['build']['wall'])} vs {fmt_seconds(hugo)} "
                        f"for {m['markdown']['pages']:,} pages"))
    large = results.get("L")
    targets.append(("L peak RSS ≤ 8 GiB",
                    verdict(None if not large else large["build"]["peak_rss_kib"] <= 8 * GIB),
                    fmt_kib(large["build"]["peak_rss_kib"]) if large else "L not run"))
    fixed = growth_steps(results, FIXED_ITEMS)
    complete = len(fixed) == len(FIXED_ITEMS) - 1
    linear = all(time_ratio <= events_ratio for _, _, events_ratio, time_ratio in fixed) if complete else None
    evidence = "; ".join(growth_evidence(results, *step) for step in fixed)
    missing = [name for name in FIXED_ITEMS if name not in results]
    if missing:
        evidence += ("; " if evidence else "") + f"{', '.join(missing)} not run (make bench-large)"
    targets.append(("build time (to disk) grows no worse than linearly in events for fixed items (S2→M→L2, 2,000 items)",
                    verdict(linear), evidence))
    return targets


def growth_evidence(results, a, b, events, time_ratio):
    """`M→L2: events ×10, time to disk ×9.80 (…)` for the targets table."""
    fastest = (f"build alone {growth(results[b]['build']['wall'], results[a]['build']['wall'])}, CPU time "
               f"{growth(results[b]['build'].get('cpu'), results[a]['build'].get('cpu'))}")
    paired = paired_growth(results[b], a)
    if paired:
        return (f"{a}→{b}: events ×{events:.0f}, time to disk ×{time_ratio:.2f}, CPU time ×{paired[1]:.2f} "
                f"(mean of paired runs, see Scaling; fastest builds: to disk "
                f"{growth(to_disk(results[b]['build']), to_disk(results[a]['build']))}, {fastest})")
    return f"{a}→{b}: events ×{events:.0f}, time to disk ×{time_ratio:.2f} ({fastest})"


def growth_steps(results, series):
    """(from, to, events ratio, build time ratio) between consecutive measured
    sizes of `series`: the paired runs' mean ratio where the larger size was
    paired with the smaller, else the fastest builds' ratio."""
    names = [name for name in series if name in results]
    steps = []
    for a, b in zip(names, names[1:]):
        events = results[b]["size"]["events"] / results[a]["size"]["events"]
        paired = paired_growth(results[b], a)
        steps.append((a, b, events, paired[0] if paired
                      else to_disk(results[b]["build"]) / to_disk(results[a]["build"])))
    return steps


def paired_lines(results):
    """What the paired runs measured, as sentences for RESULTS.md."""
    lines = []
    for name, reference in PAIRED_WITH.items():
        paired = results.get(name, {}).get("build", {}).get("paired")
        if not paired or reference not in results:
            continue
        time_ratio, cpu_ratio = paired_growth(results[name], reference)
        runs = ", ".join(f"{fmt_seconds(t)} (×{r:.2f})" for t, r in zip(paired["to_disk"], paired["ratios"]))
        lines.append(
            f"{reference}→{name}, paired: each {name} build ran between two {reference} builds, which took "
            f"{', '.join(fmt_seconds(t) for t in paired['reference_to_disk'])} to disk in order; the {name} "
            f"builds took {runs} to disk, each over the mean of its neighbours. Mean: time to disk "
            f"×{time_ratio:.2f}, CPU time ×{cpu_ratio:.2f} (runs ×"
            + ", ×".join(f"{r:.2f}" for r in paired["cpu_ratios"]) + "). The verdict uses the mean time ratio; "
            "the tables above compare each size's fastest build, measured minutes or tens of minutes apart.")
    return lines


def render_growth(results):
    """The growth section: each series' builds side by side, then the fixed-items series per phase."""
    out = []
    for title, series in (("Items fixed at 2,000", FIXED_ITEMS), ("Items growing with the data", GROWING_ITEMS)):
        names = [name for name in series if name in results]
        if not names:
            continue
        out += [f"### {title} ({'→'.join(series)})", "",
                "| size | users | items | events | pages | files | build (best) | all runs | then `sync` | to disk "
                "| CPU (user+sys) | peak RSS | events × | build × | to disk × | CPU × |", "|---|" + "---:|" * 15]
        previous = None
        for name in names:
            result = results[name]
            size, build = result["size"], result["build"]
            walls = build.get("walls") or [build["wall"]]
            step = ("", "", "", "") if previous is None else (
                f"×{size['events'] / previous['size']['events']:.0f}",
                growth(build["wall"], previous["build"]["wall"]),
                growth(to_disk(build), to_disk(previous["build"])),
                growth(build.get("cpu"), previous["build"].get("cpu")))
            out.append(f"| {name} | {size['users']:,} | {size['items']:,} | {size['events']:,} "
                       f"| {result['markdown']['pages']:,} | {build.get('files') or 0:,} | {fmt_seconds(build['wall'])} "
                       f"| {', '.join(fmt_seconds(wall) for wall in walls)} | {fmt_seconds(build.get('flush'))} "
                       f"| {fmt_seconds(to_disk(build))} | {fmt_seconds(build.get('cpu'))} "
                       f"| {fmt_kib(build['peak_rss_kib'])} | {step[0]} | {step[1]} | {step[2]} | {step[3]} |")
            previous = result
        out.append("")
        if series == FIXED_ITEMS:
            out += [line + "\n" for line in paired_lines(results)]
    names = [name for name in FIXED_ITEMS if name in results and results[name]["build"].get("phases")]
    if len(names) > 1:
        phases = [phase_map(results[name]) for name in names]
        order = list(KNOWN_PHASES) + [p for p in phases[-1] if p not in KNOWN_PHASES]
        out += ["Per phase with items fixed, from each size's fastest run:", "",
                "| phase | " + " | ".join(names) + " | " + " | ".join(f"{a}→{b} ×" for a, b in zip(names, names[1:]))
                + " |", "|---|" + "---:|" * (2 * len(names) - 1)]
        for phase in order:
            values = [p.get(phase) for p in phases]
            if all(value is None for value in values):
                continue
            ratios = [fmt_ratio(ratio(b, a)) for a, b in zip(values, values[1:])]
            out.append(f"| {phase} | " + " | ".join(fmt_seconds(v) for v in values) + " | " + " | ".join(ratios)
                       + " |")
        out.append("")
    return out


def render_results_md(results, command):
    """bench/RESULTS.md from every stored size."""
    names = [name for name in SIZES if name in results]
    machine = results[names[0]]["machine"]
    out = ["# Benchmark results", "",
           "Measured by `scripts/bench.py` (issue 5): recsite side by side with the original pandas / "
           "scikit-learn stack (`bench/baseline.py`), the `cmark-gfm` command and Hugo, in one run per size. "
           "Regenerate with:", "", "```sh", command, "```", "",
           "Ratios say how many times recsite is faster (or smaller): the other figure over recsite's. "
           "MB = 10⁶ bytes of Markdown; GiB and MiB are binary. Times are wall clock. A recsite build is the "
           "fastest of its cold runs (three up to 1M events, one above: `--repeat`, `--repeat-large`; L2 two, "
           "each between two M builds: `--pairs`), as noise on a shared machine only adds time. The engine is timed the same way on its own (`recommend --all "
           "--timings`), alternating with as many runs of the baseline, and the fastest of each is compared, "
           "so both see the same machine speed. Every other figure comes from one run, so expect some noise.", "",
           "## Machine", ""]
    facts = dict(machine, ram_gib=f"{machine['ram_gib']} GiB")
    out += [f"- {label}: {facts[key]}" for label, key in (
        ("cores (`nproc`)", "cores"), ("CPU", "cpu"), ("RAM", "ram_gib"), ("OS", "os"), ("Swift", "swift"),
        ("Python", "python"), ("pandas", "pandas"), ("scikit-learn", "scikit-learn"), ("numpy", "numpy"),
        ("cmark-gfm", "cmark-gfm"), ("Hugo", "hugo"), ("recsite commit", "recsite"))]
    out += ["", "## Targets", "", "| target | verdict | measured |", "|---|---|---|"]
    out += [f"| {target} | {result} | {evidence} |" for target, result, evidence in evaluate_targets(results)]
    out += ["", "## Scaling", "", "![recsite build time and peak RSS against events](scaling.svg)", "",
            "[scaling.svg](scaling.svg): whole-build time to disk and peak RSS against events, log–log: items fixed "
            "at 2,000 (S2→M→L2) and items growing (S→M→L), with a dashed line growing linearly from S2. "
            "Time is to disk: the build's wall time plus the `sync` after it (see below). Each build is the "
            "fastest of its runs, and earlier writes are flushed before each.", "",
            "Why to disk: recsite, like other site generators, does not `fsync`; the kernel writes the files "
            "back later. M's 1.2 GB stays in the page cache and is written after the process returns, while "
            "L2's 12 GB passes the dirty-page limits and is largely written, and throttled, during the build. "
            "Process wall times alone would charge the large sizes for writing and not the small ones; both "
            "are shown.", ""]
    out += render_growth(results)
    for name in (name for name in names if not results[name].get("growth_only")):
        result = results[name]
        out += [f"## {name}: {describe_size(result)}", "", render_table(name, result), "",
                equality_line(result) + ".", ""]
        out += [line for line in notes(result)] + [""]
        if result["machine"] != machine:
            other = result["machine"]
            out += [f"{name} was measured on another machine or version: {other['cores']} cores, {other['cpu']}, "
                    f"{other['ram_gib']} GiB, recsite {other['recsite']}.", ""]
    return "\n".join(out).rstrip() + "\n"


def render_chart(results):
    """bench/scaling.svg: build time and peak RSS against events, log–log, in two panels.

    Two series per panel: items fixed at 2,000 (S2→M→L2, the growth target)
    and items growing (S→M→L); a dashed line grows linearly from the first
    fixed-items point. Hand-written SVG so the harness needs no plotting
    library; every number is rounded so the same results give the same bytes.
    """
    import math
    width, height, panel_w, panel_h, left, top, gap = 820, 380, 300, 220, 80, 50, 120
    panels = [("build time to disk (s)", lambda r: to_disk(r["build"]), lambda v: f"{v:g} s" if v >= 1 else f"{v:.2g} s"),
              ("build peak RSS (MiB)", lambda r: r["build"]["peak_rss_kib"] / MIB, lambda v: f"{v:g} MiB")]
    series = [(f"items fixed at 2,000 ({'→'.join(FIXED_ITEMS)})", FIXED_ITEMS, "#1f5fa8", ""),
              (f"items growing ({'→'.join(GROWING_ITEMS)})", GROWING_ITEMS, "#c0504d", ' stroke-dasharray="2 3"')]
    series = [(label, [n for n in names if n in results], colour, dash) for label, names, colour, dash in series]
    series = [entry for entry in series if entry[1]]
    measured = [n for n in SIZES if n in results]
    event_ticks = sorted({size.events for size in SIZES.values()})
    x_lo, x_hi = math.log10(event_ticks[0]) - 0.15, math.log10(event_ticks[-1]) + 0.15
    desc = "; ".join(f"{n} ({results[n]['size']['items']:,} items): {results[n]['size']['events']:,} events, "
                     f"build to disk {to_disk(results[n]['build']):.2f} s, peak RSS {results[n]['build']['peak_rss_kib'] / MIB:.0f} MiB"
                     for n in measured)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="title desc" '
           'font-family="sans-serif" font-size="12">',
           '<title id="title">recsite: build time and peak memory against data size</title>',
           f'<desc id="desc">Log–log plots of recsite build wall time and peak RSS against the number of '
           f'events, items fixed and items growing, with a dashed line growing linearly from the first '
           f'fixed-items size. {escape(desc)}.</desc>',
           f'<rect width="{width}" height="{height}" fill="white"/>']
    anchor = series[0][1][0] if series else measured[0]
    for index, (label, value_of, tick_label) in enumerate(panels):
        ox = left + index * (panel_w + gap)
        values = [value_of(results[n]) for n in measured]
        base, base_events = value_of(results[anchor]), results[anchor]["size"]["events"]
        reference = [base * e / base_events for e in (10 ** x_lo, 10 ** x_hi)]
        # The range covers the measured points and the linear line up to the largest measured size;
        # beyond that the dashed line is clipped.
        largest = max(results[n]["size"]["events"] for n in measured)
        shown = values + [base * largest / base_events]
        y_lo = math.floor(math.log10(max(min(shown), 1e-3)))
        y_hi = max(math.ceil(math.log10(max(shown))), y_lo + 1)

        def px(e):
            return ox + (math.log10(e) - x_lo) / (x_hi - x_lo) * panel_w

        def py(v):
            return top + panel_h - (math.log10(max(v, 1e-9)) - y_lo) / (y_hi - y_lo) * panel_h

        svg.append(f'<g aria-label="{escape(label)}">')
        svg.append(f'<rect x="{ox}" y="{top}" width="{panel_w}" height="{panel_h}" fill="none" stroke="#888"/>')
        svg.append(f'<clipPath id="clip{index}"><rect x="{ox}" y="{top}" width="{panel_w}" height="{panel_h}"/>'
                   '</clipPath>')
        for exponent in range(y_lo, y_hi + 1):
            y = py(10 ** exponent)
            svg.append(f'<line x1="{ox}" y1="{y:.1f}" x2="{ox + panel_w}" y2="{y:.1f}" stroke="#eee"/>')
            svg.append(f'<text x="{ox - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(tick_label(10 ** exponent))}'
                       '</text>')
        for events in event_ticks:
            x = px(events)
            svg.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + panel_h}" stroke="#eee"/>')
            svg.append(f'<text x="{x:.1f}" y="{top + panel_h + 16}" text-anchor="middle">{events / 1e6:g}M</text>')
        svg.append(f'<text x="{ox + panel_w / 2:.1f}" y="{top + panel_h + 36}" text-anchor="middle">'
                   'events (log scale)</text>')
        svg.append(f'<text x="{ox + panel_w / 2:.1f}" y="{top - 12}" text-anchor="middle" font-weight="bold">'
                   f'{escape(label)}, log scale</text>')
        x1, x2 = px(10 ** x_lo), px(10 ** x_hi)
        svg.append(f'<line x1="{x1:.1f}" y1="{py(reference[0]):.1f}" x2="{x2:.1f}" y2="{py(reference[1]):.1f}" '
                   f'stroke="#999" stroke-dasharray="6 4" clip-path="url(#clip{index})"/>')
        for _, names, colour, dash in series:
            points = " ".join(f"{px(results[n]['size']['events']):.1f},{py(value_of(results[n])):.1f}" for n in names)
            svg.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
            for name in names:
                e, v = results[name]["size"]["events"], value_of(results[name])
                svg.append(f'<circle cx="{px(e):.1f}" cy="{py(v):.1f}" r="4" fill="{colour}">'
                           f'<title>{name}: {escape(tick_label(round(v, 2)))}</title></circle>')
        svg.append("</g>")
    legend_y = height - 30
    for row, (label, _, colour, dash) in enumerate(series):
        x = left + row * 260
        svg.append(f'<line x1="{x}" y1="{legend_y - 4}" x2="{x + 30}" y2="{legend_y - 4}" stroke="{colour}" '
                   f'stroke-width="2"{dash}/>')
        svg.append(f'<text x="{x + 36}" y="{legend_y}">{escape(label)}</text>')
    x = left + len(series) * 260
    svg.append(f'<line x1="{x}" y1="{legend_y - 4}" x2="{x + 30}" y2="{legend_y - 4}" stroke="#999" '
               'stroke-dasharray="6 4"/>')
    svg.append(f'<text x="{x + 36}" y="{legend_y}">linear in events</text>')
    svg.append("</svg>")
    return "\n".join(svg) + "\n"


def escape(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# --------------------------------------------------------------------------
# Stored results


def load_results(path):
    """The sizes stored by earlier runs (so `make bench` keeps L's figures)."""
    try:
        stored = json.loads(path.read_text())
    except FileNotFoundError:
        return {}
    except json.JSONDecodeError as error:
        raise BenchError(f"{path} is not valid JSON ({error}); remove it to start afresh")
    return {name: stored["sizes"][name] for name in SIZES if name in stored.get("sizes", {})}


def save_results(path, results):
    document = {"format": 1, "sizes": {name: results[name] for name in SIZES if name in results}}
    path.write_text(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


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
        command = ("make bench-large  # S, S2, M, L2 and L" if "L" in results or "L2" in results
                   else "make bench  # S, S2 and M")
        results_md = args.results.parent / "RESULTS.md"
        results_md.write_text(render_results_md(results, command))
        (args.results.parent / "scaling.svg").write_text(render_chart(results))
        say(f"wrote {args.results}, {results_md} and {args.results.parent / 'scaling.svg'}")
    if mismatches:
        print(f"bench: top-10 lists differ from the baseline on {', '.join(mismatches)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
