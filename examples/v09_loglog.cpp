// SPDX-License-Identifier: MIT
// Port of shared/look/v09_loglog.py: three power laws on log-log axes, minor ticks, grid on
// both tick kinds with the minor grid restyled, mathtext legend labels.
#include <cmath>
#include <strata/artist/figure.hpp>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  std::vector<double> x;
  for (double e : look::linspace(-1, 3, 60)) x.push_back(std::pow(10.0, e));
  std::vector<double> a, b, c;
  for (double v : x) {
    a.push_back(5.0 * std::pow(v, -0.5));
    b.push_back(0.3 * v);
    c.push_back(0.02 * v * v);
  }
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  ax.set_xscale("log");
  ax.set_yscale("log");
  ax.plot(x, a, {.label = R"($5\,x^{-1/2}$)"});
  ax.plot(x, b, {.label = R"($0.3\,x$)"});
  ax.plot(x, c, {.marker = ".", .markevery = std::ptrdiff_t{4}, .label = R"($0.02\,x^{2}$)"});
  ax.grid(true, "both");
  ax.grid(true, "minor", "both", {.linewidth = 0.5, .linestyle = ":"});
  ax.set_xlabel("x");
  ax.set_ylabel("y");
  ax.set_title("Power laws on log-log axes");
  ax.legend({.loc = "upper left"});
  look::save_all(fig, out, "v09_loglog");
}
