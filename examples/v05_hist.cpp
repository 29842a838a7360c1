// SPDX-License-Identifier: MIT
// Port of shared/look/v05_hist.py: two datasets of 1000 LCG normals (A: seed 1, z; B: seed 2,
// 1.5 + 0.7 z) in a 2x2 grid, one histtype per panel (bar, step, stepfilled with alpha 0.5,
// barstacked), 20 common bins, density, titles, legend in the first panel, tight_layout.
#include <fmt/format.h>

#include <strata/artist/figure.hpp>
#include <strata/artist/legend.hpp>
#include <string>
#include <vector>

#include "support/look.hpp"

namespace {
std::vector<double> normals(std::uint64_t seed, int n) {
  look::Lcg lcg(seed);
  std::vector<double> out(static_cast<std::size_t>(n));
  for (double& v : out) v = lcg.normal();
  return out;
}
}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  const std::vector<double> a = normals(1, 1000);
  std::vector<double> b = normals(2, 1000);
  for (double& v : b) v = 1.5 + 0.7 * v;

  strata::Figure fig;
  strata::AxesGrid axs = fig.subplots(2, 2);
  const char* types[] = {"bar", "step", "stepfilled", "barstacked"};
  for (int k = 0; k < 4; ++k) {
    strata::Axes& ax = axs(k / 2, k % 2);
    strata::HistPlotOptions o{.bins = 20,
                              .density = true,
                              .histtype = types[k],
                              .label = std::vector<std::string>{"A", "B"}};
    if (std::string(types[k]) == "stepfilled") o.alpha = 0.5;
    ax.hist(std::vector<std::vector<double>>{a, b}, o);
    ax.set_title(fmt::format("histtype='{}'", types[k]));
  }
  axs(0, 0).legend();
  fig.tight_layout();
  look::save_all(fig, out, "v05_hist");
}
