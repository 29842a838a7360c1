"""Renders the figures of tests/unit/test_figure_images.cpp with matplotlib 3.6.3 into the
current directory, to review the baselines against: run it in a scratch directory with
/usr/bin/python3, then `../shared/tools/compare_images.py tests/baseline/NAME.png NAME.png`.
At commit time every baseline scored blurred RMS < 0.25 against these (plain RMS < 1).
"""
import math, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
def lin(a,b,n): return [a + i*((b-a)/(n-1)) for i in range(n)]
plt.rcdefaults()
fig, ax = plt.subplots()
x = lin(-3,3,61)
ax.plot(x, [v**3/9 for v in x])
ax.spines["left"].set_position("zero"); ax.spines["bottom"].set_position(("outward", 10))
ax.spines["right"].set_visible(False); ax.spines["top"].set_visible(False)
ax.tick_params(direction="in", length=6)
fig.savefig("spines_moved.png")
fig, axs = plt.subplots(2,2,sharex=True,sharey=True)
x = lin(0,10,50)
for k in range(4): axs.flat[k].plot(x, [math.sin(v+k)*(k+1) for v in x])
fig.suptitle("Shared axes"); fig.savefig("subplots_shared.png")
fig, ax = plt.subplots()
x = lin(1,12,12)
ax.plot(x, [10+8*math.sin(v/2) for v in x], color="tab:red"); ax.set_ylabel("temperature", color="tab:red")
ax2 = ax.twinx(); ax2.plot(x, [50+30*math.cos(v/3) for v in x], color="tab:blue"); ax2.set_ylabel("rain", color="tab:blue")
ax2.tick_params(axis="y", labelcolor="tab:blue"); fig.savefig("twinx_colored.png")
fig, ax = plt.subplots()
ax.add_patch(matplotlib.patches.Circle((0,0),1.0,facecolor="C2",edgecolor="k",hatch="//"))
ax.set_xlim(-1.5,1.5); ax.set_ylim(-1.2,1.2); ax.set_aspect("equal"); fig.savefig("aspect_equal_circle.png")
fig, ax = plt.subplots(); ax.set_xscale("log"); ax.set_yscale("log")
x=[10**e for e in lin(-1,3,60)]; ax.plot(x,[0.02*v*v for v in x], marker="."); ax.grid(True, which="both"); ax.grid(True, which="minor", linestyle=":", linewidth=0.5); fig.savefig("log_minor_grid.png")
fig, ax = plt.subplots(); x=lin(0,2*math.pi,100); ax.plot(x,[math.sin(v) for v in x]); ax.plot(x,[math.cos(v) for v in x],"--"); ax.set_title("Sine and cosine"); ax.set_xlabel("x (radians)"); ax.set_ylabel("y"); ax.grid(True); fig.savefig("line_default.png")
