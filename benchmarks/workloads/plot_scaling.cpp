// SPDX-License-Identifier: MIT
// Plots benchmarks/scaling.py's CSV (workload, side, N, seconds, rss_mb) with Strata: time
// and peak RSS against N on log-log axes, one color per workload, Strata solid, matplotlib
// dashed. Usage: plot_scaling scaling.csv OUTDIR (writes scaling_time.png, scaling_rss.png).
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <strata/artist/figure.hpp>
#include <string>
#include <vector>

namespace {

struct Series {
  std::vector<double> n, seconds, rss;
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, ',')) out.push_back(cell);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: plot_scaling scaling.csv OUTDIR\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    fmt::print(stderr, "plot_scaling: cannot read {}\n", argv[1]);
    return 1;
  }
  const std::filesystem::path out = argv[2];
  std::map<std::pair<std::string, std::string>, Series> data;
  std::vector<std::string> workloads;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto c = split(line);
    if (c.size() < 5) continue;
    Series& s = data[{c[0], c[1]}];
    s.n.push_back(std::stod(c[2]));
    s.seconds.push_back(std::stod(c[3]));
    s.rss.push_back(std::stod(c[4]));
    if (std::find(workloads.begin(), workloads.end(), c[0]) == workloads.end()) {
      workloads.push_back(c[0]);
    }
  }
  for (const bool time : {true, false}) {
    strata::Figure fig({.figsize = {{7.0, 4.8}}, .dpi = 100});
    strata::Axes& ax = fig.add_subplot(1, 1, 1);
    for (const auto& [key, s] : data) {
      const auto idx = std::find(workloads.begin(), workloads.end(), key.first) - workloads.begin();
      const std::string color = fmt::format("C{}", idx % 10);
      const bool strata_side = key.second == "Strata";
      ax.plot(s.n, time ? s.seconds : s.rss, strata_side ? "o-" : "s--",
              {.color = strata::Color(color), .label = key.first + " (" + key.second + ")"});
    }
    ax.set_xscale("log");
    ax.set_yscale("log");
    ax.set_xlabel("points N");
    ax.set_ylabel(time ? "time, figure created to file written [s]" : "peak RSS [MB]");
    ax.set_title(time ? "Time against N: Strata (solid) and matplotlib 3.6 (dashed)"
                      : "Peak memory against N: Strata (solid) and matplotlib 3.6 (dashed)");
    ax.grid(true, "both", "both", {.alpha = 0.3});
    ax.legend({.fontsize = 8});
    fig.tight_layout();
    fig.savefig(out / (time ? "scaling_time.png" : "scaling_rss.png"));
  }
  return 0;
}
