// SPDX-License-Identifier: MIT
// W2: scatter(x, y, s=4), x and y uniform in [0, 1), one color; PNG.
#include <strata/artist/figure.hpp>

#include "workload.hpp"

int main(int argc, char** argv) {
  const std::size_t n = workload::count_arg(argc, argv, 1, 100'000);
  const auto path = workload::out_path(fmt::format("w02_scatter_{}.png", n));
  const std::vector<double> x = workload::uniforms(n, 1);
  const std::vector<double> y = workload::uniforms(n, 2);

  const workload::Timer t;
  strata::Figure fig({.figsize = {{6.4, 4.8}}, .dpi = 100});
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  ax.scatter(x, y, {.s = {4.0}});
  fig.savefig(path);
  workload::report("W2_scatter", n, t.seconds(), path);
}
