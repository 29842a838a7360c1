// SPDX-License-Identifier: MIT
// Port of shared/look/v04_bar_grouped.py: 5 categories x 3 groups of bars (width 0.25, offsets
// -0.25, 0, +0.25, colors C0..C2 from the patch cycle), bar_label(padding 3) on 'Team B' only,
// categorical tick labels, legend upper left in 3 columns, ylim (0, 50), ylabel, title.
#include <array>
#include <strata/artist/figure.hpp>
#include <strata/artist/legend.hpp>
#include <string>
#include <vector>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  const std::vector<std::string> categories = {"Mon", "Tue", "Wed", "Thu", "Fri"};
  struct Group {
    const char* name;
    std::vector<double> values;
  };
  const std::array<Group, 3> groups = {Group{"Team A", {20, 34, 30, 35, 27}},
                                       Group{"Team B", {25, 32, 34, 20, 25}},
                                       Group{"Team C", {18, 22, 27, 31, 40}}};
  std::vector<double> x(categories.size());
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i);  // arange(5)
  const double width = 0.25;

  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  for (int k = 0; k < 3; ++k) {
    std::vector<double> pos(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) pos[i] = x[i] + (k - 1) * width;
    strata::BarContainer& rects =
        ax.bar(pos, groups[k].values, {.width = width, .label = groups[k].name});
    if (std::string(groups[k].name) == "Team B") ax.bar_label(rects, {.padding = 3});
  }
  ax.set_xticks(x, categories);
  ax.set_ylabel("Tickets closed");
  ax.set_title("Tickets closed per day and team");
  ax.legend({.loc = "upper left", .ncols = 3});
  ax.set_ylim(0, 50);
  look::save_all(fig, out, "v04_bar_grouped");
}
