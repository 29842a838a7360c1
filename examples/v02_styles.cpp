// SPDX-License-Identifier: MIT
// Port of shared/look/v02_styles.py: four lines with line styles - -- -. :, markers o s ^ x,
// markevery as an int and as (start, step), widths 1 to 3, legend upper right.
#include <fmt/format.h>

#include <cmath>
#include <strata/artist/figure.hpp>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  const auto x = look::linspace(0.0, 10.0, 51);
  struct Spec {
    const char* ls;
    const char* mk;
    double lw;
    strata::MarkEvery every;
  };
  const Spec specs[] = {{"-", "o", 1.0, std::ptrdiff_t{5}},
                        {"--", "s", 1.5, std::ptrdiff_t{5}},
                        {"-.", "^", 2.0, strata::MarkEveryStep{2, 6}},
                        {":", "x", 3.0, std::ptrdiff_t{4}}};
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  for (int k = 0; k < 4; ++k) {
    const Spec& s = specs[k];
    std::vector<double> y(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = std::sin(x[i] + 0.6 * k) + 1.2 * k;
    ax.plot(x, y,
            {.linewidth = s.lw,
             .linestyle = s.ls,
             .marker = s.mk,
             .markevery = s.every,
             .label = fmt::format("ls='{}'  marker='{}'  lw={:.1f}", s.ls, s.mk, s.lw)});
  }
  ax.set_xlim(0, 10);
  ax.set_ylim(-1.5, 8.0);
  ax.set_title("Line styles and markers");
  ax.legend({.loc = "upper right"});
  look::save_all(fig, out, "v02_styles");
}
