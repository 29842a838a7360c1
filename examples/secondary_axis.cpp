// SPDX-License-Identifier: MIT
// Secondary axes: radians above a sine plotted over degrees, a percent axis on the right in
// red, and beside it a log parent with metres on the right and a floating minutes axis across
// the middle. The same figure in matplotlib: tests/fixtures/secondary/make_expected.py
// --example OUT.png.
#include <cmath>
#include <numbers>
#include <strata/artist/figure.hpp>
#include <strata/artist/secondary_axes.hpp>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  auto deg2rad = [](double x) { return x * std::numbers::pi / 180; };
  auto rad2deg = [](double x) { return x * 180 / std::numbers::pi; };

  strata::Figure fig({.figsize = strata::Size{9.6, 4.8}});
  fig.subplots_adjust({.left = 0.08, .right = 0.9, .top = 0.82, .wspace = 0.5});
  auto axs = fig.subplots(1, 2);

  strata::Axes& ax = axs[0];
  const auto x = look::linspace(0, 360, 121);
  std::vector<double> y;
  for (double v : x) y.push_back(std::sin(deg2rad(v)));
  ax.plot(x, y);
  ax.set_xlabel("angle [deg]");
  ax.set_ylabel("signal");
  ax.set_title("Sine with radians on top");
  ax.secondary_xaxis("top", deg2rad, rad2deg).set_xlabel("angle [rad]");
  strata::SecondaryAxis& pct = ax.secondary_yaxis(
      "right", [](double v) { return v * 100; }, [](double p) { return p / 100; });
  pct.set_ylabel("signal [%]");
  pct.set_color("C3");

  strata::Axes& ax2 = axs[1];
  const auto t = look::linspace(0, 4, 81);
  std::vector<double> h;
  for (double v : t) h.push_back(std::pow(10.0, v));
  ax2.plot(t, h, "C1", {.linewidth = 3});
  ax2.set_yscale("log");
  ax2.set_xlabel("time [s]");
  ax2.set_ylabel("height [km]");
  ax2.set_title("Log parent, floating axis");
  ax2.secondary_yaxis(
         "right", [](double km) { return km * 1000; }, [](double m) { return m / 1000; })
      .set_ylabel("height [m]");
  ax2.secondary_xaxis(
      0.5, [](double s) { return s * 60; }, [](double m) { return m / 60; });

  look::save_all(fig, out, "secondary_axis");
}
