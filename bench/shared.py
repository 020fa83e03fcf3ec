"""What the benchmark's running (bench/run.py) and reporting (bench/report.py) share.

The size table of issue 5, the constants both sides read, the error the
harness reports as one line, the two derived build figures the running side
also needs, and the reading and writing of bench/results.json.

Python 3 standard library only.
"""
import json
from dataclasses import dataclass


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
TOP_K = 10
MIB = 1024
GIB = 1024 * 1024  # in KiB, the unit of /usr/bin/time's %M


class BenchError(Exception):
    """A failure the harness reports as one line and exit status 1."""


# --------------------------------------------------------------------------
# Derived build figures


def to_disk(build):
    """A build's wall time plus the `sync` after it: the time until its files are on disk.

    The kernel writes a build's files back after the process returns: M's
    1.2 GB stays in memory and is written after the build, while L's 12 GB
    passes the dirty-page limits and is largely written (and throttled)
    during it. Adding the flush charges every size for all of its writing.
    """
    return build["wall"] + (build.get("flush") or 0)


def paired_growth(result, earlier):
    """The paired runs' mean time-to-disk ratio and mean CPU ratio of
    `result` over size `earlier`, or None when it was not paired with it."""
    paired = result["build"].get("paired")
    if not paired or paired["reference"] != earlier:
        return None
    mean = lambda values: sum(values) / len(values)  # noqa: E731
    return mean(paired["ratios"]), mean(paired["cpu_ratios"])


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

