// SPDX-License-Identifier: MIT
// Legends: loc "best" on sin/cos, a titled legend of styled lines with markers (numpoints 2),
// patch handles with a square frame and a shadow in two columns, a legend above the axes in
// "expand" mode, labels colored as their lines with the handles on the right, and a figure
// legend. tests/fixtures/legend/make_gallery.py draws the same figure with matplotlib.
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
  strata::Figure fig({.figsize = strata::Size{12, 8}});
  auto axs = fig.subplots(2, 3);
  fig.subplots_adjust(
      {.left = 0.05, .right = 0.86, .bottom = 0.06, .top = 0.9, .wspace = 0.3, .hspace = 0.35});

  // 1. loc "best" (lower left here).
  {
    strata::Axes& ax = axs(0, 0);
    ax.plot(x, s, {.label = "sin(x)"});
    ax.plot(x, c, {.label = "cos(x)"});
    ax.set_title("loc='best'");
    ax.legend();
  }
  // 2. Styled lines, markers, numpoints 2, a title.
  {
    strata::Axes& ax = axs(0, 1);
    const auto t = look::linspace(0.0, 1.0, 11);
    std::vector<double> sq(t.size()), rt(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
      sq[i] = t[i] * t[i];
      rt[i] = std::sqrt(t[i]);
    }
    ax.plot(t, t, "--o", {.label = "linear"});
    ax.plot(t, sq, ":s", {.label = "square"});
    ax.plot(t, rt, "-.^", {.label = "root"});
    ax.set_title("title, numpoints=2");
    ax.legend({.loc = "upper left", .title = "Functions", .numpoints = 2});
  }
  // 3. Patch handles, two columns, square frame with a shadow.
  {
    strata::Axes& ax = axs(0, 2);
    ax.add_patch(std::make_unique<strata::Rectangle>(
        strata::Point{0.1, 0.1}, 0.2, 0.3,
        strata::PatchOptions{.facecolor = "C0", .label = "first"}));
    ax.add_patch(std::make_unique<strata::Rectangle>(
        strata::Point{0.4, 0.2}, 0.2, 0.5,
        strata::PatchOptions{
            .facecolor = "C1", .edgecolor = "k", .hatch = "//", .label = "second"}));
    ax.plot(std::vector<double>{0, 1}, std::vector<double>{0.9, 0.8}, "C2",
            {.linewidth = 3, .label = "a line"});
    ax.set_xlim(0, 1);
    ax.set_ylim(0, 1);
    ax.set_title("patches, ncols=2, shadow");
    ax.legend({.loc = "lower right", .ncols = 2, .fancybox = false, .shadow = true});
  }
  // 4. Above the axes, spread over its width.
  {
    strata::Axes& ax = axs(1, 0);
    ax.plot(x, s, {.label = "sin(x)"});
    ax.plot(x, c, {.label = "cos(x)"});
    ax.legend({.loc = "lower left",
               .bbox_to_anchor = {0, 1.02, 1, 0.2},
               .ncols = 2,
               .borderaxespad = 0.0,
               .mode = "expand"});
  }
  // 5. Label colors from the lines, handles on the right, a two-line label, left aligned.
  {
    strata::Axes& ax = axs(1, 1);
    ax.plot(x, s, "C3", {.linewidth = 2, .label = "sin(x)\nred, wide"});
    ax.plot(x, c, "C4", {.marker = "D", .markevery = std::ptrdiff_t{10}, .label = "cos(x)"});
    ax.set_title("labelcolor, markerfirst=False");
    ax.legend({.loc = "center",
               .labelcolor = "linecolor",
               .title = "Colored",
               .frameon = true,
               .framealpha = 1.0,
               .edgecolor = "k",
               .markerfirst = false,
               .alignment = "left"});
  }
  // 6. Lines for the figure legend.
  {
    strata::Axes& ax = axs(1, 2);
    ax.plot(x, s, "k", {.linestyle = "--", .label = "dashed black"});
    ax.plot(x, c, "C5", {.marker = "o", .markersize = 4, .label = "brown dots"});
    ax.set_title("figure legend ->");
  }
  fig.legend({.loc = "center right", .fontsize = 9, .title = "Figure"});
  fig.suptitle("Strata legends");
  look::save_all(fig, out, "legend_gallery");
}
