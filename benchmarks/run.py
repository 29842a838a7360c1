#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Side-by-side benchmark of Strata and matplotlib 3.6 on the workloads W1-W12.

Run through benchmarks/run (which installs what is missing and builds the workload programs).
Each workload row runs the Strata program (benchmarks/workloads/wNN_*.cpp) and the matplotlib
script (benchmarks/matplotlib/wNN_*.py, the team's reference scripts) alternately, A B A B ..., and reports medians of the
in-process time (figure creation to file written, printed by both programs as JSON), the
whole-process wall time and peak RSS (from wait4), and the output size; the ratio is
matplotlib / Strata of the in-process medians (wall_ratio: of the whole-process medians).

  benchmarks/run [--quick] [--only W1,W5] [--runs N] [--json FILE] [--callgrind]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MPL_DIR = ROOT / "benchmarks" / "matplotlib"  # copies of shared/bench/matplotlib


class Row:
    """One line of the table: a Strata command and the matplotlib command it is compared to."""

    def __init__(self, key, workload, strata, mpl, quick=False, note="", mpl_key=None,
                 compare_dirs=None):
        self.key = key              # e.g. "W1_1e6"
        self.workload = workload    # "W1"
        self.strata = strata        # [program, args...]
        self.mpl = mpl              # [script, args...] or None (reuse mpl_key's runs)
        self.quick = quick
        self.note = note
        self.mpl_key = mpl_key      # take the matplotlib column from this row
        self.compare_dirs = compare_dirs  # (strata dir, serial strata dir) to compare bytes


def rows():
    r = []
    add = r.append
    add(Row("W1_1e6", "W1", ["w01_line", "1e6"], ["w01_line.py", "1e6"], quick=True))
    add(Row("W1_1e7", "W1", ["w01_line", "1e7"], ["w01_line.py", "1e7"]))
    add(Row("W1_1e7_view", "W1", ["w01_line", "1e7", "view"], None, mpl_key="W1_1e7",
            note="Strata borrowing the arrays (strata::view) vs matplotlib"))
    add(Row("W2_1e5", "W2", ["w02_scatter", "1e5"], ["w02_scatter.py", "1e5"], quick=True))
    add(Row("W2_1e6", "W2", ["w02_scatter", "1e6"], ["w02_scatter.py", "1e6"]))
    add(Row("W3_1e5", "W3", ["w03_scatter_cmap", "1e5"], ["w03_scatter_cmap.py", "1e5"],
            quick=True))
    add(Row("W4_2048", "W4", ["w04_imshow", "2048"], ["w04_imshow.py", "2048"], quick=True))
    add(Row("W5", "W5", ["w05_grid"], ["w05_grid.py"], quick=True))
    add(Row("W6_1e7", "W6", ["w06_hist", "1e7"], ["w06_hist.py", "1e7"]))
    for f in ("pdf", "svg", "eps"):
        add(Row(f"W7_{f}", "W7", ["w07_vector", f], ["w07_vector.py", f], quick=True))
    add(Row("W8_500", "W8", ["w08_contourf", "500"], ["w08_contourf.py", "500"], quick=True))
    add(Row("W9", "W9", ["w09_tiny"], ["w09_tiny.py"], quick=True,
            note="figure of merit: whole process (wall_ratio)"))
    add(Row("W10_200", "W10", ["w10_batch", "200"], ["w10_batch.py", "200"]))
    add(Row("W10_200_2threads", "W10", ["w10_batch", "200", "2"], None, mpl_key="W10_200",
            note="Strata on 2 threads vs matplotlib serial; files byte-identical to serial",
            compare_dirs=("w10_batch_threads", "w10_batch")))
    add(Row("W11_1e7", "W11", ["w11_bigdata", "1e7", "pixel"], ["w11_bigdata.py", "1e7", "pixel"]))
    add(Row("W11_1e7_stream", "W11", ["w11_bigdata", "1e7", "stream"], None, mpl_key="W11_1e7",
            note="Strata streamed (never all in memory) vs matplotlib from arrays"))
    add(Row("W11_1e8", "W11", ["w11_bigdata", "1e8", "pixel"], ["w11_bigdata.py", "1e8", "pixel"]))
    add(Row("W11_1e8_stream", "W11", ["w11_bigdata", "1e8", "stream"], None, mpl_key="W11_1e8",
            note="Strata streamed vs matplotlib from arrays"))
    add(Row("W12_png", "W12", ["w12_combo", "png"], ["w12_combo.py", "png"], quick=True))
    add(Row("W12_pdf", "W12", ["w12_combo", "pdf"], ["w12_combo.py", "pdf"], quick=True))
    return r


def run_measured(cmd, env, timeout):
    """Runs cmd with wait4 to get its own peak RSS; returns (result, wall s, rss MB)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid != 0:
                break
            if time.perf_counter() > deadline:
                p.kill()
                os.wait4(p.pid, 0)
                raise RuntimeError(f"timed out after {timeout} s: {' '.join(map(str, cmd))}")
            time.sleep(0.002)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode()
        if p.returncode != 0:
            raise RuntimeError(f"exit {p.returncode}: {' '.join(map(str, cmd))}\n"
                               f"{err.read().decode()[-2000:]}")
    lines = [ln for ln in text.splitlines() if ln.startswith("{")]
    if not lines:
        raise RuntimeError(f"no JSON result from {' '.join(map(str, cmd))}")
    return json.loads(lines[-1]), wall, usage.ru_maxrss / 1024.0


def same_files(a: Path, b: Path):
    fa = sorted(p.name for p in a.iterdir())
    fb = sorted(p.name for p in b.iterdir())
    if fa != fb:
        return False
    return all((a / n).read_bytes() == (b / n).read_bytes() for n in fa)


def callgrind(args, bindir, outdir):
    """Instruction counts of the single-threaded workloads at small sizes (valgrind)."""
    cases = [["w01_line", "1e5"], ["w02_scatter", "1e5"], ["w03_scatter_cmap", "1e4"],
             ["w04_imshow", "512"], ["w05_grid"], ["w06_hist", "1e6"], ["w07_vector", "pdf"],
             ["w07_vector", "svg"], ["w07_vector", "eps"], ["w08_contourf", "200"],
             ["w09_tiny"], ["w10_batch", "20"], ["w11_bigdata", "1e6", "stream"],
             ["w12_combo", "png"], ["w12_combo", "pdf"]]
    env = dict(os.environ, PERF_OUT_DIR=str(outdir))
    results = []
    print(f"{'program':36} {'instructions':>16}")
    for case in cases:
        exe = bindir / case[0]
        if not exe.exists():
            continue
        cg = outdir / f"callgrind.{'_'.join(case)}.out"
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={cg}", str(exe), *case[1:]]
        p = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if p.returncode != 0:
            print(f"{' '.join(case):36} failed: {p.stderr[-300:]}")
            continue
        total = None
        for line in cg.read_text().splitlines():
            if line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
        results.append({"program": " ".join(case), "instructions": total})
        print(f"{' '.join(case):36} {total:>16,}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bindir", required=True, type=Path, help="the workload programs")
    ap.add_argument("--mpl-dir", type=Path, default=DEFAULT_MPL_DIR)
    ap.add_argument("--quick", action="store_true", help="a smaller set, 3 runs each")
    ap.add_argument("--only", default="", help="comma-separated workloads (W1,W5) or row keys")
    ap.add_argument("--runs", type=int, default=None, help="runs per side (default 5; quick 3)")
    ap.add_argument("--json", default="", help="write the rows as JSON to this file")
    ap.add_argument("--callgrind", action="store_true", help="instruction counts (Strata only)")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()

    outdir = Path(tempfile.mkdtemp(prefix="strata-bench-"))
    if args.callgrind:
        return callgrind(args, args.bindir, outdir)

    runs = args.runs or (3 if args.quick else 5)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    selected = [r for r in rows()
                if (not only or r.workload in only or r.key in only)
                and (not args.quick or r.quick)]
    # Each side writes into its own directory (W10's scripts both write <dir>/w10_batch).
    strata_out, mpl_out = outdir / "strata", outdir / "matplotlib"
    env = dict(os.environ, PERF_OUT_DIR=str(strata_out), MPLBACKEND="Agg", OMP_NUM_THREADS="1")
    mpl_env = dict(env, PERF_OUT_DIR=str(mpl_out))

    results = {}
    table = []
    for row in selected:
        exe = args.bindir / row.strata[0]
        if not exe.exists():
            print(f"{row.key}: no Strata program {row.strata[0]} (not built yet); skipped",
                  file=sys.stderr)
            continue
        s_runs, m_runs = [], []
        err = None
        for _ in range(runs):
            try:
                s_runs.append(run_measured([str(exe), *row.strata[1:]], env, args.timeout))
                if row.mpl:
                    m_runs.append(run_measured(
                        ["/usr/bin/python3", str(args.mpl_dir / row.mpl[0]), *row.mpl[1:]],
                        mpl_env, args.timeout))
            except RuntimeError as e:
                err = str(e)
                break
        if err:
            print(f"{row.key}: {err}", file=sys.stderr)
            continue
        if not row.mpl:
            m_runs = results.get(row.mpl_key, {}).get("_m_runs", [])
        identical = None
        if row.compare_dirs:
            identical = same_files(strata_out / row.compare_dirs[0],
                                   strata_out / row.compare_dirs[1])

        def med(rs, i, key=None):
            if not rs:
                return None
            return statistics.median(r[i][key] if key else r[i] for r in rs)

        rec = {
            "workload": row.key,
            "strata_s": med(s_runs, 0, "seconds"),
            "matplotlib_s": med(m_runs, 0, "seconds"),
            "strata_wall_s": med(s_runs, 1),
            "matplotlib_wall_s": med(m_runs, 1),
            "strata_rss_mb": med(s_runs, 2),
            "matplotlib_rss_mb": med(m_runs, 2),
            "strata_bytes": int(med(s_runs, 0, "bytes")),
            "matplotlib_bytes": int(med(m_runs, 0, "bytes")) if m_runs else None,
        }
        rec["ratio"] = (rec["matplotlib_s"] / rec["strata_s"]
                        if rec["matplotlib_s"] and rec["strata_s"] else None)
        rec["wall_ratio"] = (rec["matplotlib_wall_s"] / rec["strata_wall_s"]
                             if rec["matplotlib_wall_s"] and rec["strata_wall_s"] else None)
        rec["runs"] = runs
        if identical is not None:
            rec["identical_to_serial"] = identical
        if row.note:
            rec["note"] = row.note
        results[row.key] = dict(rec, _m_runs=m_runs)
        table.append(rec)
        print_row(rec, header=len(table) == 1)

    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1) + "\n")
    return 0


def fmt_num(v, spec):
    return format(v, spec) if v is not None else "-"


def print_row(r, header):
    if header:
        print(f"{'workload':18} {'strata s':>9} {'mpl s':>8} {'ratio':>7} {'wall S':>7} "
              f"{'wall M':>7} {'w.ratio':>7} {'rss S MB':>9} {'rss M MB':>9} {'bytes S':>9} "
              f"{'bytes M':>9}")
    extra = ""
    if "identical_to_serial" in r:
        extra = "  identical" if r["identical_to_serial"] else "  DIFFERENT FROM SERIAL"
    print(f"{r['workload']:18} {fmt_num(r['strata_s'], '9.4f')} {fmt_num(r['matplotlib_s'], '8.4f')} "
          f"{fmt_num(r['ratio'], '7.1f')} {fmt_num(r['strata_wall_s'], '7.3f')} "
          f"{fmt_num(r['matplotlib_wall_s'], '7.3f')} {fmt_num(r['wall_ratio'], '7.1f')} "
          f"{fmt_num(r['strata_rss_mb'], '9.1f')} {fmt_num(r['matplotlib_rss_mb'], '9.1f')} "
          f"{fmt_num(r['strata_bytes'], '9d')} {fmt_num(r['matplotlib_bytes'], '9d')}{extra}",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
