// SPDX-License-Identifier: MIT
// Port of shared/look/v08_subplots_share.py: a 2x2 grid sharing x and y (plot, scatter,
// step where="mid", bar), inner tick labels hidden, axis labels on the outer Axes, suptitle.
#include <cmath>
#include <strata/artist/figure.hpp>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  const auto x = look::linspace(0.0, 4.0, 41);
  const auto xs = look::linspace(0.0, 4.0, 21);
  std::vector<double> xt;
  for (int i = 0; i <= 8; ++i) xt.push_back(0.5 * i);
  std::vector<double> y0, y1, y2;
  for (double v : x) y0.push_back(std::sin(2 * v));
  for (double v : xs) y1.push_back(std::cos(3 * v));
  for (double v : xt) y2.push_back(0.2 * v - 0.8);

  strata::Figure fig;
  auto axs = fig.subplots(2, 2, {.sharex = true, .sharey = true});
  axs(0, 0).plot(x, y0, {.color = "C0"});
  axs(0, 0).set_title("plot");
  axs(0, 1).scatter(xs, y1, {.color = {"C1"}});
  axs(0, 1).set_title("scatter");
  axs(1, 0).step(xt, y2, "", {.where = "mid", .line = {.color = "C2"}});
  axs(1, 0).set_title("step (where='mid')");
  axs(1, 1).bar(std::vector<double>{0.5, 1.5, 2.5, 3.5}, std::vector<double>{0.9, -0.4, 0.6, -0.8},
                {.width = 0.6, .color = std::vector<strata::Color>{"C3"}});
  axs(1, 1).set_title("bar");
  for (int c = 0; c < 2; ++c) axs(1, c).set_xlabel("x");
  for (int r = 0; r < 2; ++r) axs(r, 0).set_ylabel("y");
  fig.suptitle("Shared axes: four simple plots");
  look::save_all(fig, out, "v08_subplots_share");
}
