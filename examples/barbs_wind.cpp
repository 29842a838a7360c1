// SPDX-License-Identifier: MIT
// Wind barbs on a grid (matplotlib's barbs demo): speeds from calm to 65 knots, one panel
// plain, one with colored flags and flipped barbs. matplotlib's version:
// tests/fixtures/quiver/barbs_wind.py.
#include <cmath>
#include <strata/artist/figure.hpp>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  const auto xs = look::linspace(-5.0, 5.0, 6);
  std::vector<double> x, y, u, v;
  for (double yy : xs) {
    for (double xx : xs) {
      x.push_back(xx);
      y.push_back(yy);
      u.push_back(12 * xx);
      v.push_back(12 * yy);
    }
  }
  strata::Figure fig({.figsize = {{8, 4}}});
  auto axs = fig.subplots(1, 2);
  axs(0, 0).barbs(x, y, u, v, {.length = 7});
  axs(0, 0).set_title("barbs");
  axs(0, 1).barbs(x, y, u, v,
                  {.pivot = std::string("middle"),
                   .barbcolor = strata::Color("C0"),
                   .flagcolor = strata::Color("C3"),
                   .fill_empty = true,
                   .flip_barb = {true}});
  axs(0, 1).set_title("colored, flipped, pivot middle");
  look::save_all(fig, out, "barbs_wind");
}
