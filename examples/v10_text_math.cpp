// SPDX-License-Identifier: MIT
// Port of shared/look/v10_text_math.py: text alignments and rotations, mathtext lines and a
// text with a round box; default style, 640x480 at dpi 100.
#include <strata/artist/figure.hpp>
#include <strata/colors/color.hpp>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  ax.set_xlim(0, 10);
  ax.set_ylim(0, 10);
  struct Plain {
    double x, y;
    const char* s;
    strata::TextOptions kw;
  };
  const Plain plain[] = {
      {1, 9, "ha=left, va=top", {.ha = "left", .va = "top"}},
      {5, 8, "ha=center, va=center", {.ha = "center", .va = "center"}},
      {9, 9, "ha=right, va=bottom", {.ha = "right", .va = "bottom"}},
      {1, 6, "rotation=45", {.ha = "left", .va = "bottom", .rotation = 45}},
      {9, 6, "rotation=90, ha=right", {.ha = "right", .va = "center", .rotation = 90}},
      {5, 6, "rotation=-30 center", {.ha = "center", .va = "center", .rotation = -30}},
  };
  const strata::Line2DOptions cross{.markersize = 10};
  for (const Plain& p : plain) {
    ax.plot(std::vector<double>{p.x}, std::vector<double>{p.y}, "r+", cross);
    ax.text(p.x, p.y, p.s, p.kw);
  }
  const std::pair<double, const char*> math_lines[] = {
      {4.2, R"($\alpha + \beta = \gamma$,  $x^2 + y_i^2$)"},
      {2.9, R"($\frac{a}{b} = \sqrt{x}$,  $\sum_{i=0}^{n} x_i$)"},
      {1.6, R"($E = mc^2$,  $\mathrm{H_2O}$,  $\int_0^\infty e^{-t}\,dt$)"},
  };
  for (const auto& [y, s] : math_lines) {
    ax.plot(std::vector<double>{1}, std::vector<double>{y}, "r+", cross);
    ax.text(1, y, s, {.fontsize = 14, .ha = "left", .va = "baseline"});
  }
  ax.text(7.5, 2.5, "round box",
          {.fontsize = 12,
           .ha = "center",
           .va = "center",
           .bbox = strata::TextBoxOptions{.boxstyle = strata::parse_boxstyle("round,pad=0.5"),
                                          .facecolor = strata::to_rgba("lightyellow"),
                                          .edgecolor = strata::to_rgba("C0"),
                                          .linewidth = 1.5}});
  ax.set_title(R"(Text and mathtext: $\alpha^2_i$)");
  look::save_all(fig, out, "v10_text_math");
}
