"""Tests of bench/run.py's pure logic on small hand-made inputs: arguments
and sizes, the data set stamp, repeats, the paired growth figures, the
parsing of /usr/bin/time, --timings and the baseline's output, the top-10
comparison and which engine runs are kept.

Standard library only; runs no tool (no recsite binary, venv, Hugo or
network). `python3 -m unittest discover -s bench/tests`.
"""
import io
import json
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stderr
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from unittest import mock

BENCH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH))

import run  # noqa: E402
from shared import SIZES, BenchError, paired_growth  # noqa: E402

ENGINE = ("read", "cleanse", "model", "similarity", "recommend")


def parse(*argv):
    with mock.patch.dict(os.environ, {"BENCH_BASELINE_LARGE": ""}):
        return run.parse_args(list(argv))


class Arguments(unittest.TestCase):
    def test_defaults(self):
        args = parse()
        self.assertEqual([size.name for size in args.size_list], ["S", "S2", "M"])
        self.assertEqual((args.repeat, args.repeat_large, args.pairs), (3, 1, 2))
        self.assertEqual(args.recsite, ".build/release/recsite")
        self.assertEqual(args.python, ".bench/venv/bin/python")
        self.assertEqual(args.work, Path(".bench"))
        self.assertEqual(args.results, Path("bench/results.json"))
        self.assertFalse(args.no_write)
        self.assertFalse(args.baseline_large)

    def test_sizes_run_in_table_order_whatever_the_case_and_spacing(self):
        args = parse("--sizes", " l, s ,L2,,m")
        self.assertEqual([size.name for size in args.size_list], ["S", "M", "L2", "L"])
        self.assertEqual(args.size_list[3], SIZES["L"])

    def test_unknown_or_no_size_is_a_usage_error(self):
        for sizes, message in (("S,XL", "unknown size XL: choose from S, S2, M, L2, L"),
                               (" , ", "unknown size (none): choose from S, S2, M, L2, L")):
            with self.subTest(sizes=sizes), redirect_stderr(io.StringIO()) as stderr:
                with self.assertRaises(SystemExit) as exit:
                    parse("--sizes", sizes)
                self.assertEqual(exit.exception.code, 2)
                self.assertIn(message, stderr.getvalue())

    def test_flags(self):
        args = parse("--repeat", "5", "--repeat-large", "2", "--pairs", "0", "--recsite", "/x/recsite",
                     "--python", "/x/python", "--work", "/tmp/w", "--results", "/tmp/r.json", "--no-write",
                     "--baseline-large")
        self.assertEqual((args.repeat, args.repeat_large, args.pairs), (5, 2, 0))
        self.assertEqual((args.recsite, args.python), ("/x/recsite", "/x/python"))
        self.assertEqual((args.work, args.results), (Path("/tmp/w"), Path("/tmp/r.json")))
        self.assertTrue(args.no_write)
        self.assertTrue(args.baseline_large)

    def test_baseline_large_from_the_environment(self):
        with mock.patch.dict(os.environ, {"BENCH_BASELINE_LARGE": "1"}):
            self.assertTrue(run.parse_args([]).baseline_large)
        with mock.patch.dict(os.environ, {"BENCH_BASELINE_LARGE": "yes"}):
            self.assertFalse(run.parse_args([]).baseline_large)


class Decisions(unittest.TestCase):
    def test_build_repeats(self):
        args = SimpleNamespace(repeat=3, repeat_large=1)
        self.assertEqual(run.build_repeats(SIZES["S"], args), 3)
        self.assertEqual(run.build_repeats(SIZES["M"], args), 3)  # exactly SMALL_EVENTS: still small
        self.assertEqual(run.build_repeats(SIZES["L2"], args), 1)
        self.assertEqual(run.build_repeats(SIZES["S"], SimpleNamespace(repeat=0, repeat_large=1)), 1)
        self.assertEqual(run.build_repeats(SIZES["L"], SimpleNamespace(repeat=3, repeat_large=-2)), 1)

    def test_baseline_wanted_only_on_l_is_opt_in(self):
        self.assertTrue(run.baseline_wanted(SIZES["M"], SimpleNamespace(baseline_large=False)))
        self.assertFalse(run.baseline_wanted(SIZES["L"], SimpleNamespace(baseline_large=False)))
        self.assertTrue(run.baseline_wanted(SIZES["L"], SimpleNamespace(baseline_large=True)))

    def test_hugo_content_path(self):
        self.assertEqual(run.hugo_content_path(PurePosixPath("index.md")), PurePosixPath("_index.md"))
        self.assertEqual(run.hugo_content_path(PurePosixPath("users/index.md")), PurePosixPath("users/_index.md"))
        self.assertEqual(run.hugo_content_path(PurePosixPath("users/u1.md")), PurePosixPath("users/u1.md"))


class DataSetStamp(unittest.TestCase):
    def setUp(self):
        self.temp = tempfile.TemporaryDirectory()
        self.work = Path(self.temp.name)
        self.folder = self.work / "S"
        self.folder.mkdir()
        for name in ("users.csv", "items.csv", "events.csv"):
            (self.folder / name).write_text("id\n")

    def tearDown(self):
        self.temp.cleanup()

    def test_stamp_holds_synths_parameters(self):
        self.assertEqual(run.synth_stamp(SIZES["S"]), "users=1000 items=500 events=100000 seed=1\n")
        self.assertEqual(run.synth_stamp(SIZES["L2"]), "users=100000 items=2000 events=10000000 seed=1\n")

    def test_reused_only_with_the_same_stamp_and_all_three_files(self):
        wanted = run.synth_stamp(SIZES["S"])
        self.assertFalse(run.dataset_reusable(self.folder, wanted))  # no stamp yet
        (self.folder / ".synth-stamp").write_text(wanted)
        self.assertTrue(run.dataset_reusable(self.folder, wanted))
        self.assertFalse(run.dataset_reusable(self.folder, run.synth_stamp(SIZES["S2"])))
        (self.folder / "events.csv").unlink()
        self.assertFalse(run.dataset_reusable(self.folder, wanted))

    def test_ensure_dataset_reuses_without_running_synth(self):
        (self.folder / ".synth-stamp").write_text(run.synth_stamp(SIZES["S"]))
        args = SimpleNamespace(work=self.work, recsite="/nonexistent/recsite")
        self.assertEqual(run.ensure_dataset(SIZES["S"], args), {"reused": True, "wall": None})
        self.assertTrue((self.folder / "events.csv").is_file())


class Builds(unittest.TestCase):
    def test_time_output(self):
        self.assertEqual(run.parse_time_output("12345 1.50 0.25\n"), (12345, 1.75))
        self.assertEqual(run.parse_time_output("Command terminated by signal 9\n2048 0.10 0.00\n"), (2048, 0.1))
        self.assertEqual(run.parse_time_output("1 1.00 1.00\n 7 2.00 3.00 \n"), (7, 5.0))
        self.assertEqual(run.parse_time_output(""), (0, 0.0))

    def test_fastest_build_is_the_least_time_to_disk(self):
        first = {"wall": 10.0, "flush": 5.0}
        second = {"wall": 12.0, "flush": 1.0}
        third = {"wall": 11.0, "flush": 2.0}
        best = run.fastest_build([first, second, third])
        self.assertIs(best, second)
        self.assertEqual(best["walls"], [10.0, 12.0, 11.0])

    def test_paired_summary_divides_each_run_by_its_neighbours_mean(self):
        references = [{"wall": 9.0, "flush": 1.0, "cpu": 20.0}, {"wall": 12.0, "flush": 0.0, "cpu": 22.0},
                      {"wall": 13.0, "flush": 1.0, "cpu": 26.0}]
        runs = [{"wall": 90.0, "flush": 9.0, "cpu": 189.0}, {"wall": 100.0, "flush": 0.0, "cpu": 264.0}]
        self.assertEqual(run.paired_summary("M", references, runs), {
            "reference": "M",
            "reference_to_disk": [10.0, 12.0, 14.0],
            "reference_cpu": [20.0, 22.0, 26.0],
            "to_disk": [99.0, 100.0],
            "ratios": [9.0, 7.692],     # 99 / 11; 100 / 13 rounded to 3 places
            "cpu_ratios": [9.0, 11.0],  # 189 / 21; 264 / 24
        })

    def test_paired_growth_is_the_mean_of_the_ratios(self):
        result = {"build": {"paired": {"reference": "M", "ratios": [9.0, 7.692], "cpu_ratios": [9.0, 11.0]}}}
        time_ratio, cpu_ratio = paired_growth(result, "M")
        self.assertAlmostEqual(time_ratio, 8.346)
        self.assertAlmostEqual(cpu_ratio, 10.0)
        self.assertIsNone(paired_growth(result, "S2"))
        self.assertIsNone(paired_growth({"build": {}}, "M"))

    def test_build_timings(self):
        text = json.dumps({"phases": [{"name": "read", "seconds": 0.123456}, {"name": "write", "seconds": 2}],
                           "pages": 10, "files": 12})
        self.assertEqual(run.parse_build_timings(text),
                         ([{"name": "read", "seconds": 0.1235}, {"name": "write", "seconds": 2.0}], 10, 12))
        self.assertEqual(run.parse_build_timings('{"phases": []}'), ([], None, None))
        with self.assertRaises(json.JSONDecodeError):
            run.parse_build_timings("")

    def test_engine_timings_need_every_engine_phase(self):
        phases = [{"name": name, "seconds": 0.00004 + index} for index, name in enumerate(ENGINE)]
        self.assertEqual(run.parse_engine_timings(json.dumps({"phases": phases})),
                         {"read": 0.0, "cleanse": 1.0, "model": 2.0, "similarity": 3.0, "recommend": 4.0})
        self.assertIsNone(run.parse_engine_timings(json.dumps({"phases": phases[:-1]})))

    def test_recommend_seconds(self):
        phases = {"read": 0.5, "cleanse": 0.25, "model": 1.0, "similarity": 2.0, "recommend": 0.25, "write": 9.0}
        self.assertEqual(run.recommend_seconds({"wall": 7.0, "phases": phases}), 4.0)
        self.assertEqual(run.recommend_seconds({"wall": 7.0, "phases": None}), 7.0)


class EngineOutputs(unittest.TestCase):
    def test_baseline_timings_are_the_last_stderr_line(self):
        stderr = 'a warning\n{"total": 1.23456, "model": 0.5}\n'
        phases = run.parse_baseline_timings(stderr)
        self.assertEqual(phases, {"model": 0.5, "total": 1.2346})
        self.assertEqual(list(phases), ["model", "total"])
        self.assertIsNone(run.parse_baseline_timings(""))
        self.assertIsNone(run.parse_baseline_timings('{"total": 1}\nTraceback: boom\n'))

    def test_baseline_asks_for_huge_pages_and_keeps_the_environment(self):
        with mock.patch.dict(os.environ, {"PATH": "/opt/bin", "GLIBC_TUNABLES": "glibc.malloc.arena_max=1"}):
            environment = run.baseline_environment()
        self.assertEqual(environment["PATH"], "/opt/bin")
        self.assertEqual(environment["GLIBC_TUNABLES"], "glibc.malloc.arena_max=1:glibc.malloc.hugetlb=1")
        with mock.patch.dict(os.environ, {"PATH": "/opt/bin"}, clear=True):
            self.assertEqual(run.baseline_environment()["GLIBC_TUNABLES"], "glibc.malloc.hugetlb=1")

    def test_recsite_lists_keep_the_first_ten(self):
        lines = [json.dumps({"user_id": "u1", "items": [{"item_id": f"i{n}", "score": 1} for n in range(12)]}),
                 "\n",
                 json.dumps({"user_id": "u2", "items": [{"item_id": "i9"}]})]
        self.assertEqual(run.parse_recsite_lists(lines),
                         {"u1": [f"i{n}" for n in range(10)], "u2": ["i9"]})

    def test_baseline_lists(self):
        lines = ['{"user_id": "u1", "items": ["i2", "i1"]}\n', "   \n", '{"user_id": "u2", "items": []}\n']
        self.assertEqual(run.parse_baseline_lists(lines), {"u1": ["i2", "i1"], "u2": []})


class TopTenComparison(unittest.TestCase):
    def test_counts_equal_users_and_names_differences_in_recsites_order(self):
        ours = {"u3": ["d"], "u1": ["c"], "u2": ["a", "b"]}
        theirs = {"u5": ["f"], "u1": ["c"], "u2": ["b", "a"], "u4": ["e"]}
        equality, differences = run.compare_lists(ours, theirs)
        self.assertEqual(equality, {"checked": True, "equal": 1, "users": 5})
        self.assertEqual(differences, ["u3: recsite ['d'] vs baseline (missing)",
                                       "u2: recsite ['a', 'b'] vs baseline ['b', 'a']",
                                       "u4: recsite (missing) vs baseline ['e']",
                                       "u5: recsite (missing) vs baseline ['f']"])

    def test_differences_are_limited(self):
        ours = {f"u{n}": [n] for n in range(8)}
        equality, differences = run.compare_lists(ours, {}, limit=2)
        self.assertEqual(equality, {"checked": True, "equal": 0, "users": 8})
        self.assertEqual(differences, ["u0: recsite [0] vs baseline (missing)", "u1: recsite [1] vs baseline (missing)"])

    def test_all_equal(self):
        lists = {"u1": ["a"], "u2": ["b"]}
        self.assertEqual(run.compare_lists(lists, dict(lists)), ({"checked": True, "equal": 2, "users": 2}, []))


class EngineRunsKept(unittest.TestCase):
    @staticmethod
    def recommend(wall, engine):
        return {"wall": wall, "peak_rss_kib": 1, "phases": {name: engine / 5 for name in ENGINE}}

    def test_fastest_engine_of_each_side_is_kept(self):
        ours = [(self.recommend(5.0, 3.0), {"u": ["first"]}), (self.recommend(4.0, 3.5), {"u": ["second"]})]
        theirs = [({"status": "run", "wall": 50.0, "phases": {"total": 42.0}}, {"u": ["b1"]}),
                  ({"status": "run", "wall": 60.0, "phases": {"total": 40.0}}, {"u": ["b2"]})]
        recommend, lists, baseline, baseline_lists = run.choose_engine_runs(SIZES["M"], ours, theirs)
        self.assertIs(recommend, ours[0][0])  # by engine time, not process time
        self.assertEqual(lists, {"u": ["first"]})
        self.assertAlmostEqual(recommend["engine_runs"][0], 3.0)
        self.assertAlmostEqual(recommend["engine_runs"][1], 3.5)
        self.assertIs(baseline, theirs[1][0])
        self.assertEqual(baseline["engine_runs"], [42.0, 40.0])
        self.assertEqual(baseline_lists, {"u": ["b2"]})

    def test_baseline_without_total_is_judged_on_its_process_time(self):
        ours = [({"wall": 5.0, "peak_rss_kib": 1, "phases": None}, {})]
        theirs = [({"status": "run", "wall": 50.0, "phases": {}}, {"u": ["b1"]}),
                  ({"status": "run", "wall": 45.0, "phases": {}}, {"u": ["b2"]})]
        recommend, _, baseline, baseline_lists = run.choose_engine_runs(SIZES["S"], ours, theirs)
        self.assertEqual(recommend["engine_runs"], [5.0])
        self.assertEqual(baseline["engine_runs"], [50.0, 45.0])
        self.assertEqual(baseline_lists, {"u": ["b2"]})

    def test_no_baseline_runs(self):
        ours = [(self.recommend(5.0, 3.0), {"u": ["a"]})]
        _, lists, baseline, baseline_lists = run.choose_engine_runs(SIZES["L"], ours, [])
        self.assertEqual(lists, {"u": ["a"]})
        self.assertEqual(baseline, {"status": "not run (on L it takes minutes; BENCH_BASELINE_LARGE=1 runs it)"})
        self.assertIsNone(baseline_lists)


class EngineOnly(unittest.TestCase):
    """--engine-only replaces the engine figures and keeps the build, and the first figures it replaced."""

    def test_engine_figures_replace_and_remember(self):
        stored = {"machine": {"recsite": "old", "cpu": "CPU"}, "build": {"wall": 1.0},
                  "recommend_all": {"phases": {"recommend": 9.0}}, "baseline": {"phases": {"total": 20.0}}}
        ours = ({"wall": 1.0, "peak_rss_kib": 1, "phases": None}, {"u1": ["i1"]})
        theirs = ({"status": "run", "wall": 2.0, "peak_rss_kib": 1, "phases": {"total": 2.0}}, {"u1": ["i1"]})
        args = SimpleNamespace(work=Path("/nonexistent"), repeat=3, repeat_large=1)
        with mock.patch.object(run, "ensure_dataset"), \
                mock.patch.object(run, "run_engines", return_value=(ours[0], ours[1], theirs[0], theirs[1])), \
                redirect_stderr(io.StringIO()):
            result, differences = run.bench_engines(SIZES["M"], args, {"recsite": "new", "cpu": "CPU"}, stored)
            again, _ = run.bench_engines(SIZES["M"], args, {"recsite": "newer", "cpu": "CPU"}, result)
        self.assertEqual(differences, [])
        self.assertEqual(result["build"], {"wall": 1.0})
        self.assertEqual(result["recommend_all"], ours[0])
        self.assertEqual(result["engine_machine"]["recsite"], "new")
        self.assertEqual(result["engine_before"], {"recsite": "old", "cpu": "CPU",
                                                   "recommend_all": {"recommend": 9.0}, "baseline": {"total": 20.0}})
        self.assertEqual(again["engine_before"], result["engine_before"])  # the first figures stay

    def test_needs_a_stored_full_run(self):
        with self.assertRaises(BenchError):
            run.bench_engines(SIZES["M"], SimpleNamespace(), {}, None)


class Preflight(unittest.TestCase):
    def test_missing_tool_names_its_package(self):
        with mock.patch.object(run.shutil, "which", return_value=None):
            with self.assertRaises(BenchError) as error:
                run.require_tool("cmark-gfm")
        self.assertEqual(str(error.exception), "cmark-gfm not found: install the Debian package 'cmark-gfm' "
                                               "(apt-get install cmark-gfm, or scripts/install-deps.sh --bench)")


if __name__ == "__main__":
    unittest.main()
