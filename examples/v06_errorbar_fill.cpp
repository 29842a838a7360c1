// SPDX-License-Identifier: MIT
// Port of shared/look/v06_errorbar_fill.py: the model y(x) = 2 exp(-x/4) cos(1.2 x) + 1 on
// linspace(0, 10, 200) as a line (C0), a fill_between band y +- (0.2 + 0.03 x) in C0 with
// alpha 0.25, ten measurements at x = 0.5, 1.5, ..., 9.5 (y(x) + 0.25 sin(7x)) drawn with
// errorbar (yerr 0.15 + 0.02 x, xerr 0.2, fmt "o", color C3, capsize 4), legend upper right.
#include <cmath>
#include <strata/artist/collections.hpp>
#include <strata/artist/figure.hpp>
#include <strata/artist/legend.hpp>
#include <vector>

#include "support/look.hpp"

namespace {
double model(double x) { return 2.0 * std::exp(-x / 4.0) * std::cos(1.2 * x) + 1.0; }
}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  const std::vector<double> xf = look::linspace(0.0, 10.0, 200);
  std::vector<double> yf(xf.size()), lo(xf.size()), hi(xf.size());
  for (std::size_t i = 0; i < xf.size(); ++i) {
    yf[i] = model(xf[i]);
    const double s = 0.2 + 0.03 * xf[i];
    lo[i] = yf[i] - s;
    hi[i] = yf[i] + s;
  }
  std::vector<double> x, y_obs, yerr;
  for (int i = 0; i < 10; ++i) {  // arange(0.5, 10.0, 1.0)
    const double xi = 0.5 + i * 1.0;
    x.push_back(xi);
    y_obs.push_back(model(xi) + 0.25 * std::sin(7.0 * xi));
    yerr.push_back(0.15 + 0.02 * xi);
  }

  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  ax.fill_between(xf, lo, hi, {.color = "C0", .alpha = 0.25, .label = "±1σ band"});
  ax.plot(xf, yf, {.color = "C0", .label = "model"});
  ax.errorbar(x, y_obs,
              {.yerr = yerr,
               .xerr = 0.2,
               .fmt = "o",
               .capsize = 4,
               .color = "C3",
               .label = "measurements"});
  ax.set_xlabel("time (s)");
  ax.set_ylabel("signal");
  ax.set_title("Damped oscillation with uncertainty");
  ax.legend({.loc = "upper right"});
  look::save_all(fig, out, "v06_errorbar_fill");
}
