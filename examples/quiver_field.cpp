// SPDX-License-Identifier: MIT
// A vector field colored by its magnitude, with a key and a colorbar (matplotlib's quiver
// gallery: the field of two vortices on a 20 x 15 grid). Same figure in matplotlib:
// tests/fixtures/quiver/quiver_field.py.
#include <cmath>
#include <strata/artist/figure.hpp>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  const auto x = look::linspace(-2.0, 2.0, 20);
  const auto y = look::linspace(-1.5, 1.5, 15);
  std::vector<double> u, v, speed;
  for (double yy : y) {
    for (double xx : x) {
      // Two counter-rotating vortices at (-0.8, 0) and (0.8, 0).
      double uu = 0, vv = 0;
      for (const auto& [cx, sign] : {std::pair{-0.8, 1.0}, std::pair{0.8, -1.0}}) {
        const double dx = xx - cx, dy = yy;
        const double r2 = dx * dx + dy * dy + 0.15;
        uu += -sign * dy / r2;
        vv += sign * dx / r2;
      }
      u.push_back(uu);
      v.push_back(vv);
      speed.push_back(std::hypot(uu, vv));
    }
  }
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  strata::Quiver& q = ax.quiver(x, y, u, v, speed, {.pivot = "mid", .cmap = "viridis"});
  ax.quiverkey(q, 0.85, 1.04, 2.0, "2 m/s", {.labelpos = "E"});
  fig.colorbar(q, {.label = "speed [m/s]"});
  ax.set_title("Two vortices", {.loc = "left"});
  ax.set_xlabel("x [m]");
  ax.set_ylabel("y [m]");
  ax.set_aspect("equal");
  look::save_all(fig, out, "quiver_field");
}
