#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""How W1, W2, W6 and W11 grow from 1e5 to 1e8 points, Strata and matplotlib side by side.

Run through benchmarks/run --scaling (which builds the programs); writes
docs/performance/scaling.csv (workload, side, N, seconds, peak RSS MB) and renders
docs/performance/scaling_time.png and scaling_rss.png with Strata (plot_scaling).

  benchmarks/scaling.py --bindir DIR [--sizes 1e5,1e6,1e7,1e8] [--runs 3] [--out DIR]
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import DEFAULT_MPL_DIR, ROOT, run_measured  # noqa: E402

CASES = [
    # (workload, Strata program + args before/after N, matplotlib script + args)
    ("W1 line", ["w01_line"], [], ["w01_line.py"], []),
    ("W2 scatter", ["w02_scatter"], [], ["w02_scatter.py"], []),
    ("W6 hist", ["w06_hist"], [], ["w06_hist.py"], []),
    ("W11 pixels", ["w11_bigdata"], ["pixel"], ["w11_bigdata.py"], ["pixel"]),
    ("W11 pixels streamed", ["w11_bigdata"], ["stream"], None, None),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bindir", required=True, type=Path)
    ap.add_argument("--sizes", default="1e5,1e6,1e7,1e8")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "performance")
    ap.add_argument("--timeout", type=float, default=900)
    args = ap.parse_args()
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="strata-scaling-"))
    env = dict(os.environ, PERF_OUT_DIR=str(tmp), MPLBACKEND="Agg", OMP_NUM_THREADS="1")
    rows = []
    for name, prog, prog_tail, script, script_tail in CASES:
        for n in sizes:
            sides = [("Strata", [str(args.bindir / prog[0]), n, *prog_tail])]
            if script:
                sides.append(("matplotlib", ["/usr/bin/python3", str(DEFAULT_MPL_DIR / script[0]),
                                             n, *script_tail]))
            for side, cmd in sides:
                results = []
                for _ in range(args.runs):
                    try:
                        res, _wall, rss = run_measured(cmd, env, args.timeout)
                    except RuntimeError as e:
                        print(f"{name} {side} N={n}: {e}", file=sys.stderr)
                        break
                    results.append((res["seconds"], rss))
                if not results:
                    continue
                sec = statistics.median(r[0] for r in results)
                rss = statistics.median(r[1] for r in results)
                rows.append({"workload": name, "side": side, "N": int(float(n)),
                             "seconds": f"{sec:.6f}", "rss_mb": f"{rss:.1f}"})
                print(f"{name:22} {side:10} N={n:>5}  {sec:9.4f} s  {rss:8.1f} MB", flush=True)
    csv_path = args.out / "scaling.csv"
    with open(csv_path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["workload", "side", "N", "seconds", "rss_mb"])
        w.writeheader()
        w.writerows(rows)
    plot = args.bindir / "plot_scaling"
    if plot.exists():
        subprocess.run([str(plot), str(csv_path), str(args.out)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
