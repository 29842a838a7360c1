// SPDX-License-Identifier: MIT
// Port of shared/look/v01_line.py: sin and cos over 0..2pi (100 points), title, axis labels,
// legend (loc best) and grid, default style, 640x480 at dpi 100.
#include <cmath>
#include <numbers>
#include <strata/artist/figure.hpp>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  const auto x = look::linspace(0.0, 2.0 * std::numbers::pi, 100);
  std::vector<double> s(x.size()), c(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    s[i] = std::sin(x[i]);
    c[i] = std::cos(x[i]);
  }
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  ax.plot(x, s, {.label = "sin(x)"});
  ax.plot(x, c, {.label = "cos(x)"});
  ax.set_title("Sine and cosine");
  ax.set_xlabel("x (radians)");
  ax.set_ylabel("y");
  ax.legend();
  ax.grid(true);
  look::save_all(fig, out, "v01_line");
}
