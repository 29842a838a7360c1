// SPDX-License-Identifier: MIT
// Port of shared/look/v12_twinx.py: a temperature line (red, left axis) over precipitation
// bars (blue, right axis via twinx), coloured labels, ticks and spines, month letters,
// title, tight_layout.
#include <strata/artist/figure.hpp>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  std::vector<double> months;
  for (int m = 1; m <= 12; ++m) months.push_back(m);
  const std::vector<double> temp{1.5, 2.8, 6.4, 10.2, 14.6, 17.9, 20.1, 19.6, 15.8, 11.0, 5.9, 2.4};
  const std::vector<double> rain{48, 41, 45, 42, 58, 66, 71, 64, 50, 55, 60, 57};

  strata::Figure fig;
  strata::Axes& ax1 = fig.add_subplot();
  strata::Axes& ax2 = ax1.twinx();
  ax2.bar(months, rain,
          {.width = 0.6, .color = std::vector<strata::Color>{"tab:blue"}, .alpha = 0.4});
  ax1.plot(months, temp, {.color = "tab:red", .marker = "o"});
  ax1.set_zorder(2);
  ax1.patch().set_visible(false);

  ax1.set_xticks(
      months, std::vector<std::string>{"J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"});
  ax1.set_xlabel("Month");
  ax1.set_ylabel("Temperature (°C)", {.text = {.color = "tab:red"}});
  ax1.tick_params({.axis = "y", .color = "tab:red", .labelcolor = "tab:red"});
  ax1.spines("left").set_color("tab:red");
  ax1.spines("right").set_visible(false);
  ax1.set_ylim(0, 25);
  ax2.set_ylabel("Precipitation (mm)", {.text = {.color = "tab:blue"}});
  ax2.tick_params({.axis = "y", .color = "tab:blue", .labelcolor = "tab:blue"});
  ax2.spines("right").set_color("tab:blue");
  ax2.spines("left").set_visible(false);
  ax2.set_ylim(0, 100);
  ax1.set_title("Climate: temperature and precipitation");
  fig.tight_layout();
  look::save_all(fig, out, "v12_twinx");
}
