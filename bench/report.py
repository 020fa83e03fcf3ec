#!/usr/bin/env python3
"""The benchmark's report: bench/RESULTS.md and bench/scaling.svg from bench/results.json.

Every function here is a pure function of the stored results (no tool is
run, nothing is timed), so the report can be re-rendered at any time:

    python3 bench/report.py [--results bench/results.json]

writes RESULTS.md and scaling.svg beside the results file. bench/run.py
calls the same functions after a run, and prints the per-size tables with
them.

Python 3 standard library only.
"""
import argparse
import math
import sys
from pathlib import Path

from shared import (BASELINE_PHASES, ENGINE_PHASES, FIXED_ITEMS, GIB, GROWING_ITEMS, KNOWN_PHASES, MIB,
                    PAIRED_WITH, SIZES, BenchError, load_results, paired_growth, to_disk)

ROOT = Path(__file__).resolve().parent.parent


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
            per_user = (baseline.get("per_user") or {}).get("phases") or {}
            if per_user:
                rows.append(("recommend, baseline scoring one user at a time", fmt_seconds(phases.get(phase)),
                             fmt_seconds(per_user.get(phase)), fmt_ratio(ratio(per_user.get(phase), phases.get(phase)))))
                rows.append(("engine total, baseline scoring one user at a time", fmt_seconds(ours),
                             fmt_seconds(per_user.get("total")), fmt_ratio(ratio(per_user.get("total"), ours))))
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
    per_user = baseline.get("per_user")
    if per_user and per_user.get("engine_runs"):
        equality = per_user["equality"]
        lines.append(f"The baseline scoring one user at a time (`baseline.py --per-user`, as the original served) "
                     f"ran {len(per_user['engine_runs'])} times in the same alternation (engine "
                     f"{', '.join(fmt_seconds(run) for run in per_user['engine_runs'])}); its top-10 lists equal "
                     f"recsite's for {equality['equal']} of {equality['users']} users.")
    before = result.get("engine_before")
    if before:
        lines.append(f"Before (recsite {before['recsite']}, {before['cpu']}, its own run): "
                     f"{phase_list(before.get('recommend_all'))}; the baseline then (Python's csv reader row by "
                     f"row, dense matrices): {phase_list(before.get('baseline'))}.")
    for pair in result.get("engine_pairs") or []:
        lines.append(f"Same machine, one after the other ({pair['how']}): recsite {pair['before']['recsite']} "
                     f"{phase_list(pair['before']['phases'])}; recsite {pair['after']['recsite']} "
                     f"{phase_list(pair['after']['phases'])}.")
    engine_machine = result.get("engine_machine")
    if engine_machine and engine_machine != result["machine"]:
        load = engine_machine.get("load")
        lines.append(f"The engine rows (read … **engine total**, the baseline rows and the engine process) were "
                     f"measured later by `bench/run.py --engine-only` (`make bench-engine`), at recsite "
                     f"{engine_machine['recsite']}"
                     + (f", with a load average of {load[0]} before and {load[1]} after on {engine_machine['cores']} "
                        f"cores" + (" (other jobs were running)" if max(load) > engine_machine["cores"] else "")
                        if load else "")
                     + f"; the build, HTML and Hugo rows at recsite {result['machine']['recsite']}.")
    hugo = result["hugo"]
    if "html_files" in hugo:
        lines.append(f"Hugo wrote {hugo['html_files']:,} HTML files, peak RSS {fmt_kib(hugo['peak_rss_kib'])}.")
    else:
        lines.append(f"Hugo {hugo['status']}.")
    lines.append(f"cmark-gfm per file ran {result['cmark_per_file']['jobs']} processes at a time.")
    return lines


def phase_list(phases):
    """`name s, …` in the engine's order, or "not run"."""
    if not phases:
        return "not run"
    order = [name for name in ENGINE_PHASES + ("read+cleanse", "total") if name in phases]
    return ", ".join(f"{name} {fmt_seconds(phases[name])}" for name in order)


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
    large_recommend = engine_phase_map(large).get("recommend") if large else None
    targets.append(("recommend step on L < 5 s (issue 21)",
                    verdict(None if large_recommend is None else large_recommend < 5),
                    fmt_seconds(large_recommend) if large_recommend is not None else "L not run"))
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
           "Measured by `bench/run.py` (issue 5): recsite side by side with the original pandas / "
           "scikit-learn stack (`bench/baseline.py`), the `cmark-gfm` command and Hugo, in one run per size. "
           "Regenerate with:", "", "```sh", command, "```", "",
           "Ratios say how many times recsite is faster (or smaller): the other figure over recsite's. "
           "MB = 10⁶ bytes of Markdown; GiB and MiB are binary. Times are wall clock. A recsite build is the "
           "fastest of its cold runs (three up to 1M events, one above: `--repeat`, `--repeat-large`; L2 two, "
           "each between two M builds: `--pairs`), as noise on a shared machine only adds time. The engine is timed the same way on its own (`recommend --all "
           "--timings`), alternating with as many runs of the baseline, and the fastest of each is compared, "
           "so both see the same machine speed. Both allocate in transparent huge pages: recsite through "
           "jemalloc's `thp:always`, the baseline with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` (NumPy asks "
           "for them for its large arrays itself). Every other figure comes from one run, so expect some noise.", "",
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
# Writing the report


def regenerate_command(results):
    """The make command RESULTS.md names: bench-large once L or L2 is stored."""
    return ("make bench-large  # S, S2, M, L2 and L" if "L" in results or "L2" in results
            else "make bench  # S, S2 and M")


def write_report(results, folder):
    """Writes RESULTS.md and scaling.svg into `folder`; returns their paths."""
    results_md, chart = folder / "RESULTS.md", folder / "scaling.svg"
    results_md.write_text(render_results_md(results, regenerate_command(results)))
    chart.write_text(render_chart(results))
    return results_md, chart


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", default=str(ROOT / "bench" / "results.json"),
                        help="stored results; RESULTS.md and scaling.svg are written beside them "
                             "(default: bench/results.json)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    path = Path(args.results)
    try:
        if not path.is_file():
            raise BenchError(f"{path} not found: run `make bench` first")
        results = load_results(path)
        if not results:
            raise BenchError(f"{path} holds no sizes: run `make bench` first")
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    results_md, chart = write_report(results, path.parent)
    print(f"bench: wrote {results_md} and {chart}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
