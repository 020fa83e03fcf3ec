#!/usr/bin/env python3
"""Per-stage totals from a Spark event log, for docs/scale.md's cost model.

usage: spark/eventlog_summary.py EVENT_LOG_FILE [--min-seconds S]

Prints, per stage that took at least S seconds of executor time: tasks,
executor run time and CPU time (seconds, summed over tasks), records and
bytes read from input and shuffle, records and bytes written to shuffle,
and the stage's name (the line of the job that ran it). Run the job with
`--conf spark.eventLog.enabled=true --conf spark.eventLog.dir=DIR`; a
`.zstd` log (Spark 4's default) is read through the `zstd` command.
"""
import argparse
import json
import subprocess
from collections import defaultdict


def summarise(lines):
    stages = defaultdict(lambda: defaultdict(float))
    names = {}
    for line in lines:
        event = json.loads(line)
        kind = event.get("Event")
        if kind == "SparkListenerStageCompleted":
            info = event["Stage Info"]
            names[info["Stage ID"]] = info["Stage Name"]
        elif kind == "SparkListenerTaskEnd" and event.get("Task Metrics"):
            metrics, totals = event["Task Metrics"], stages[event["Stage ID"]]
            totals["tasks"] += 1
            totals["run_s"] += metrics["Executor Run Time"] / 1e3
            totals["cpu_s"] += metrics["Executor CPU Time"] / 1e9
            totals["input_records"] += metrics["Input Metrics"]["Records Read"]
            read, written = metrics["Shuffle Read Metrics"], metrics["Shuffle Write Metrics"]
            totals["shuffle_read_records"] += read["Total Records Read"]
            totals["shuffle_read_bytes"] += read["Remote Bytes Read"] + read["Local Bytes Read"]
            totals["shuffle_write_records"] += written["Shuffle Records Written"]
            totals["shuffle_write_bytes"] += written["Shuffle Bytes Written"]
    return stages, names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("log")
    parser.add_argument("--min-seconds", type=float, default=1.0)
    arguments = parser.parse_args()
    if arguments.log.endswith(".zstd"):
        text = subprocess.run(["zstd", "-dc", arguments.log], check=True, capture_output=True, text=True).stdout
        stages, names = summarise(text.splitlines())
    else:
        with open(arguments.log, encoding="utf-8") as handle:
            stages, names = summarise(handle)
    print("stage tasks run_s cpu_s in_records shuf_read_records shuf_read_MB shuf_write_records shuf_write_MB name")
    for stage in sorted(stages):
        t = stages[stage]
        if t["run_s"] < arguments.min_seconds:
            continue
        print(f"{stage} {int(t['tasks'])} {t['run_s']:.1f} {t['cpu_s']:.1f} {int(t['input_records'])} "
              f"{int(t['shuffle_read_records'])} {t['shuffle_read_bytes'] / 1e6:.1f} "
              f"{int(t['shuffle_write_records'])} {t['shuffle_write_bytes'] / 1e6:.1f} {names.get(stage, '?')}")
    total = lambda key: sum(t[key] for t in stages.values())
    print(f"all stages: run {total('run_s'):.1f} s, cpu {total('cpu_s'):.1f} s, "
          f"shuffle written {total('shuffle_write_bytes') / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
