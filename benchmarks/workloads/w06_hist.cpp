// SPDX-License-Identifier: MIT
// W6: hist(samples, bins=100) of standard normal samples, binned inside the timed region; PNG.
#include <strata/artist/figure.hpp>

#include "workload.hpp"

int main(int argc, char** argv) {
  const std::size_t n = workload::count_arg(argc, argv, 1, 10'000'000);
  const auto path = workload::out_path(fmt::format("w06_hist_{}.png", n));
  const std::vector<double> d = workload::normals(n, 0);

  const workload::Timer t;
  strata::Figure fig({.figsize = {{6.4, 4.8}}, .dpi = 100});
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  ax.hist(d, {.bins = 100});
  fig.savefig(path);
  workload::report("W6_hist", n, t.seconds(), path);
}
