#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Dump matplotlib's figure geometry and ticks for one look script (shared/look/NAME.py).

Usage: /usr/bin/python3 tests/look/mpl_dump.py NAME.py OUT.json

Runs a copy of NAME.py in a scratch directory with Figure.savefig replaced by a dump, so
nothing is written next to the script. At each savefig the figure is drawn
(fig.canvas.draw()) and OUT.json is written as

    {"figure": {"width": W, "height": H},
     "axes": [{"bbox": [x0, y0, x1, y1],
               "xticks": [...], "xticklabels": [...],
               "yticks": [...], "yticklabels": [...]}, ...]}

with one entry per Axes in fig.axes order (colorbars and twins included). bbox is
ax.get_window_extent().extents in display pixels, y up. The ticks are the MAJOR ticks
matplotlib draws: those of Axis._update_ticks() (ticks inside the view interval), location
tick.get_loc(), label label1's text if label1 is visible, else label2's if visible, else "".
An invisible Axis (e.g. the x axis of a twinx() Axes) or an Axes with axison False draws no
ticks and gives empty lists. scripts/look compares this file with the sidecar
out/gallery/NAME.look.json that the Strata gallery program writes in the same format.

Needs Debian's matplotlib 3.6.3 (/usr/bin/python3). MPLCONFIGDIR defaults to a scratch
directory, so $HOME is not touched.
"""
import json
import os
import runpy
import shutil
import sys
import tempfile


def axis_ticks(ax, axis):
    """Locations and label texts of the major ticks of `axis` that matplotlib draws."""
    if not ax.axison or not axis.get_visible():
        return [], []
    majors = {id(t) for t in axis.majorTicks}
    locs, labels = [], []
    for tick in axis._update_ticks():
        if id(tick) not in majors:
            continue
        locs.append(float(tick.get_loc()))
        if tick.label1.get_visible():
            labels.append(tick.label1.get_text())
        elif tick.label2.get_visible():
            labels.append(tick.label2.get_text())
        else:
            labels.append("")
    return locs, labels


def describe(fig):
    """The dump of a drawn figure, as a JSON-ready dict."""
    axes = []
    for ax in fig.axes:
        xticks, xticklabels = axis_ticks(ax, ax.xaxis)
        yticks, yticklabels = axis_ticks(ax, ax.yaxis)
        axes.append({
            "bbox": [float(v) for v in ax.get_window_extent().extents],
            "xticks": xticks,
            "xticklabels": xticklabels,
            "yticks": yticks,
            "yticklabels": yticklabels,
        })
    return {
        "figure": {"width": float(fig.bbox.width), "height": float(fig.bbox.height)},
        "axes": axes,
    }


def to_json(data):
    """JSON text with one line per figure and per Axes key, so files diff well."""
    def dumps(v):
        return json.dumps(v, ensure_ascii=False)

    axes = []
    for ax in data["axes"]:
        keys = ",\n   ".join(f"{dumps(k)}: {dumps(v)}" for k, v in ax.items())
        axes.append("  {" + keys + "}")
    return ("{\n"
            f' "figure": {dumps(data["figure"])},\n'
            ' "axes": [\n' + ",\n".join(axes) + "\n ]\n}\n")


def write_json(path, data):
    """Write atomically: a crash never leaves a partial (and newer-looking) cache file."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".mpl_dump.", suffix=".json", dir=directory)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the usual mode
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(to_json(data))
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    script = os.path.abspath(argv[1])
    out = os.path.abspath(argv[2])
    if not os.path.isfile(script):
        print(f"mpl_dump: script {script!r} does not exist", file=sys.stderr)
        return 2

    scratch = tempfile.mkdtemp(prefix="strata-look-")
    try:
        os.environ.setdefault("MPLCONFIGDIR", os.path.join(scratch, "mplconfig"))
        os.environ["MPLBACKEND"] = "Agg"
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.figure

        saved = []

        def dump_instead_of_savefig(fig, fname=None, *args, **kwargs):
            if kwargs.get("bbox_inches") is not None:
                raise RuntimeError("mpl_dump: savefig(bbox_inches=...) is not supported")
            dpi = kwargs.get("dpi")
            if dpi is None:
                dpi = matplotlib.rcParams["savefig.dpi"]
            old_dpi = fig.dpi
            if dpi is not None and dpi != "figure":
                fig.dpi = dpi
            try:
                fig.canvas.draw()
                write_json(out, describe(fig))
            finally:
                fig.dpi = old_dpi
            saved.append(fname)

        matplotlib.figure.Figure.savefig = dump_instead_of_savefig

        # Run a copy from the scratch directory: __file__-relative paths land there too.
        copy = os.path.join(scratch, os.path.basename(script))
        shutil.copyfile(script, copy)
        os.chdir(scratch)
        sys.argv = [copy]
        runpy.run_path(copy, run_name="__main__")
        if not saved:
            print(f"mpl_dump: {script} never called savefig", file=sys.stderr)
            return 1
        if len(saved) > 1:
            print(f"mpl_dump: {script} called savefig {len(saved)} times; kept the last",
                  file=sys.stderr)
        return 0
    finally:
        os.chdir("/")
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
