#!/usr/bin/env python3
"""`make bench-serve`: `/recommendations` over random users on the M set
(10k users, 2k items, 1M events; bench/shared.py), served by `recsite serve`
and by the FastAPI baseline (bench/serve_baseline.py), each loaded with the
same `wrk` run on 127.0.0.1: requests per second, p50 and p99 latency, and
the server's resident memory. Before the load, the two servers' top-10
lists are compared for a sample of users (they must be equal).

Writes bench/SERVE-RESULTS.md. Python 3 standard library only; the
baseline runs in the venv of bench/serve-requirements.txt.

usage: bench/serve_bench.py --recsite BIN --server BIN --python PY [--size M] [--duration 10]
                            [--connections 32] [--threads 2]
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from run import ensure_dataset
from shared import SIZES, BenchError

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "SERVE-RESULTS.md"
TARGET_P99_MS = 5.0
TARGET_RATIO = 20.0


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recsite", required=True, help="the recsite binary (for synth)")
    parser.add_argument("--server", required=True, help="the recsite-serve binary")
    parser.add_argument("--python", required=True, help="the baseline venv's python")
    parser.add_argument("--size", default="M", choices=sorted(SIZES))
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per server")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of load before each measurement")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sample", type=int, default=200, help="users whose lists are compared")
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    return parser.parse_args(argv)


def user_ids(data):
    with open(data / "users.csv", encoding="utf-8") as handle:
        next(handle)
        return [line.split(",", 1)[0].strip() for line in handle if line.strip()]


def write_lua(ids, path):
    """A wrk script asking for a random user's top-10 per request (seeded, so runs pick alike)."""
    quoted = ",".join(json.dumps(urllib.parse.quote(i, safe="")) for i in ids)
    path.write_text(
        "-- written by bench/serve_bench.py\n"
        f"local ids = {{{quoted}}}\n"
        "math.randomseed(42)\n"
        "request = function()\n"
        "  return wrk.format(\"GET\", \"/recommendations?user_id=\" .. ids[math.random(#ids)] .. \"&k=10\")\n"
        "end\n")


def wait_ready(port, process, timeout=600):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            raise BenchError(f"the server on port {port} exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                if response.status == 200:
                    return time.monotonic() - start
        except OSError:
            time.sleep(0.2)
    raise BenchError(f"the server on port {port} did not answer /health within {timeout} s")


def top10(port, user):
    url = f"http://127.0.0.1:{port}/recommendations?user_id={urllib.parse.quote(user, safe='')}&k=10"
    with urllib.request.urlopen(url, timeout=30) as response:
        return [item["item_id"] for item in json.load(response)["items"]]


def rss_kib(pid):
    """(current, peak) resident memory of `pid` in KiB, from /proc."""
    values = {}
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0])
    return values["VmRSS"], values["VmHWM"]


def run_wrk(port, script, args, seconds):
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--latency",
               "--timeout", "10s", "-s", str(script), f"http://127.0.0.1:{port}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if result.returncode != 0:
        raise BenchError(f"wrk failed: {result.stderr.strip() or result.stdout.strip()}")
    return parse_wrk(result.stdout)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(text):
    """Requests per second, p50 and p99 in ms, requests, and non-2xx answers, from `wrk --latency`."""
    def latency(percent):
        match = re.search(rf"^\s*{percent}%\s+([0-9.]+)(us|ms|s|m)\s*$", text, re.M)
        if not match:
            raise BenchError(f"no {percent}% latency in wrk's output:\n{text}")
        return float(match.group(1)) * UNITS[match.group(2)]
    rate = re.search(r"^Requests/sec:\s+([0-9.]+)", text, re.M)
    total = re.search(r"^\s*([0-9]+) requests in", text, re.M)
    errors = re.search(r"Non-2xx or 3xx responses:\s+([0-9]+)", text)
    socket_errors = re.search(r"Socket errors:.*", text)
    if not rate or not total:
        raise BenchError(f"unexpected wrk output:\n{text}")
    return {"rps": float(rate.group(1)), "p50": latency(50), "p99": latency(99), "requests": int(total.group(1)),
            "non2xx": int(errors.group(1)) if errors else 0,
            "socket_errors": socket_errors.group(0) if socket_errors else ""}


def load(name, process, port, script, args, ready):
    """The measured wrk run against a server that is up and idle."""
    say(f"{name}: warming up {args.warmup} s")
    if args.warmup:
        run_wrk(port, script, args, args.warmup)
    say(f"{name}: {args.duration} s of wrk")
    result = run_wrk(port, script, args, args.duration)
    result["rss_kib"], result["peak_rss_kib"] = rss_kib(process.pid)
    result["ready_seconds"] = ready
    return result


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def say(message):
    print(f"bench-serve: {message}", file=sys.stderr, flush=True)


def render(args, size, ours, theirs, compared):
    ratio = ours["rps"] / theirs["rps"] if theirs["rps"] else float("inf")
    def row(name, r):
        return (f"| {name} | {r['rps']:,.0f} | {r['p50']:.2f} ms | {r['p99']:.2f} ms | "
                f"{r['rss_kib'] / 1024:,.0f} MiB | {r['ready_seconds']:.1f} s | {r['requests']:,} | {r['non2xx']} |")
    verdict_p99 = "met" if ours["p99"] < TARGET_P99_MS else "missed"
    verdict_ratio = "met" if ratio >= TARGET_RATIO else "missed"
    lines = [
        "# `make bench-serve`: the live API against the original server",
        "",
        f"`GET /recommendations?user_id=<random user>&k=10` on data set {size.name} "
        f"({size.users:,} users, {size.items:,} items, {size.events:,} events, `recsite synth` seed {size.seed}), "
        f"loaded by `wrk -t{args.threads} -c{args.connections} -d{args.duration}s` on 127.0.0.1 after a "
        f"{args.warmup} s warm-up, one server at a time, on a machine with {os.cpu_count()} cores shared by "
        "wrk and the server. Written by bench/serve_bench.py; the figures are one run's.",
        "",
        "| server | requests/s | p50 | p99 | RSS after the load | ready after | requests | non-2xx |",
        "|---|---|---|---|---|---|---|---|",
        row("`recsite serve` (Swift, Hummingbird)", ours),
        row("baseline (FastAPI + uvicorn, pandas, dense similarity)", theirs),
        "",
        f"- Throughput: **{ratio:,.1f}×** the baseline's (target ≥ {TARGET_RATIO:.0f}×: {verdict_ratio}).",
        f"- recsite's p99: **{ours['p99']:.2f} ms** (target < {TARGET_P99_MS:.0f} ms: {verdict_p99}).",
        f"- The top-10 lists of both servers were compared for {compared} random users: equal.",
        "- recsite answers with the full document of `api/recommendations/<id>.json` (reasons and "
        "explanations included) and writes an access-log line per request; the baseline returns "
        "IDs, titles and scores and logs nothing.",
        "- \"ready after\": from start to the first answered `/health` (reading, cleansing and modelling the data).",
        "",
    ]
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    size = SIZES[args.size]
    ensure_dataset(size, args)
    data = args.work / size.name
    ids = user_ids(data)
    serve_dir = args.work / "serve"
    serve_dir.mkdir(exist_ok=True)
    script = serve_dir / "recommendations.lua"
    write_lua(ids, script)
    ours_port, theirs_port = 18001, 18002
    ours_command = [args.server, "--data", str(data), "--site", str(serve_dir / "no-site"),
                    "--config", str(ROOT / "recsite.yml"), "--port", str(ours_port)]
    theirs_command = [args.python, str(ROOT / "bench" / "serve_baseline.py"), str(data), "--port", str(theirs_port)]
    processes = []
    # Both servers are up for the whole run (for the list comparison); an idle
    # one costs the other nothing, and each is loaded alone.
    with open(serve_dir / "recsite-serve.log", "w") as ours_log, open(serve_dir / "baseline.log", "w") as theirs_log:
        try:
            say("starting recsite serve and the baseline")
            processes.append(subprocess.Popen(ours_command, stdout=subprocess.DEVNULL, stderr=ours_log, cwd=ROOT))
            ours_ready = wait_ready(ours_port, processes[0])
            processes.append(subprocess.Popen(theirs_command, stdout=subprocess.DEVNULL, stderr=theirs_log, cwd=ROOT))
            theirs_ready = wait_ready(theirs_port, processes[1])
            say(f"ready after {ours_ready:.1f} s (recsite) and {theirs_ready:.1f} s (baseline)")
            sample = random.Random(7).sample(ids, min(args.sample, len(ids)))
            for user in sample:
                a, b = top10(ours_port, user), top10(theirs_port, user)
                if a != b:
                    raise BenchError(f"the top-10 lists of {user} differ: recsite {a}, baseline {b}")
            say(f"top-10 lists equal for {len(sample)} users")
            ours = load("recsite serve", processes[0], ours_port, script, args, ours_ready)
            theirs = load("baseline", processes[1], theirs_port, script, args, theirs_ready)
        finally:
            for process in processes:
                stop(process)
    text = render(args, size, ours, theirs, len(sample))
    OUT.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"bench-serve: {error}", file=sys.stderr)
        sys.exit(1)
