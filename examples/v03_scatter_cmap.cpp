// SPDX-License-Identifier: MIT
// Port of shared/look/v03_scatter_cmap.py: 500 LCG points (seed 2024, 4 draws per point:
// x, y, size draw, value draw), s = 10 + 190 u, c = sin(3x) cos(2y) + u, viridis, alpha 0.7,
// default edge color "face", a colorbar labelled "value", title and axis labels.
#include <cmath>
#include <strata/artist/figure.hpp>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  look::Lcg lcg(2024);
  std::vector<double> xs, ys, ss, cs;
  for (int i = 0; i < 500; ++i) {
    const double px = lcg.uniform();
    const double py = lcg.uniform();
    const double us = lcg.uniform();
    const double uv = lcg.uniform();
    xs.push_back(px);
    ys.push_back(py);
    ss.push_back(10.0 + 190.0 * us);
    cs.push_back(std::sin(3.0 * px) * std::cos(2.0 * py) + uv);
  }
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  strata::PathCollection& sc =
      ax.scatter(xs, ys, {.s = ss, .c = cs, .cmap = "viridis", .alpha = 0.7});
  fig.colorbar(sc, {.ax = &ax, .label = "value"});
  ax.set_title("Scatter with colormap (500 points)");
  ax.set_xlabel("x");
  ax.set_ylabel("y");
  look::save_all(fig, out, "v03_scatter_cmap");
}
