// SPDX-License-Identifier: MIT
// W3: scatter(x, y, c=v, s=sizes, cmap="viridis") + colorbar; v uniform, sizes uniform in
// [1, 20) pt^2; PNG.
#include <strata/artist/figure.hpp>

#include "workload.hpp"

int main(int argc, char** argv) {
  const std::size_t n = workload::count_arg(argc, argv, 1, 100'000);
  const auto path = workload::out_path(fmt::format("w03_scatter_cmap_{}.png", n));
  const std::vector<double> x = workload::uniforms(n, 1);
  const std::vector<double> y = workload::uniforms(n, 2);
  const std::vector<double> v = workload::uniforms(n, 3);
  const std::vector<double> s = workload::uniforms(n, 4, 1.0, 20.0);

  const workload::Timer t;
  strata::Figure fig({.figsize = {{6.4, 4.8}}, .dpi = 100});
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  strata::PathCollection& sc = ax.scatter(x, y, {.s = s, .c = v, .cmap = "viridis"});
  fig.colorbar(sc, {.ax = &ax});
  fig.savefig(path);
  workload::report("W3_scatter_cmap", n, t.seconds(), path);
}
