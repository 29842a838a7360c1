// SPDX-License-Identifier: MIT
// W5: subplots(4, 4, figsize=(12, 12)); each Axes: 3 labelled lines of 1000 points, title,
// xlabel, ylabel, legend() (loc "best"); tight_layout(); PNG.
#include <cmath>
#include <strata/artist/figure.hpp>

#include "workload.hpp"

int main(int, char**) {
  const auto path = workload::out_path("w05_grid.png");
  std::vector<double> x(1000);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = 10.0 * static_cast<double>(i) / 999.0;
  std::vector<std::vector<double>> data;
  for (int j = 0; j < 16; ++j) {
    for (int k = 0; k < 3; ++k) {
      std::vector<double> walk = workload::random_walk(1000, static_cast<std::uint64_t>(3 * j + k));
      for (std::size_t i = 0; i < x.size(); ++i) {
        walk[i] = std::sin(x[i] * (1 + 0.3 * k) + j) + 0.1 * walk[i] / 10;
      }
      data.push_back(std::move(walk));
    }
  }

  const workload::Timer t;
  strata::Figure fig({.figsize = {{12, 12}}, .dpi = 100});
  strata::AxesGrid axs = fig.subplots(4, 4);
  for (int j = 0; j < 16; ++j) {
    strata::Axes& ax = axs(j / 4, j % 4);
    for (int k = 0; k < 3; ++k) {
      ax.plot(x, data[static_cast<std::size_t>(3 * j + k)], {.label = fmt::format("series {}", k)});
    }
    ax.set_title(fmt::format("Panel {}", j));
    ax.set_xlabel("time [s]");
    ax.set_ylabel("amplitude");
    ax.legend();
  }
  fig.tight_layout();
  fig.savefig(path);
  workload::report("W5_grid", 16 * 3 * 1000, t.seconds(), path);
}
