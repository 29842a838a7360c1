// SPDX-License-Identifier: MIT
// W11: N float32 points uniform in [0, 1)^2 drawn as single pixels (marker ",", no line); PNG.
// Modes (second argument):
//   pixel   the points are arrays in memory (float32, borrowed by strata::view, not copied),
//           as matplotlib's ax.plot(X, Y, marker=',', linestyle='none')
//   stream  the same distribution from a chunk source through a StreamingContainer: never all
//           in memory (the memory row of the issue: peak RSS <= 300 MB at 1e8)
#include <strata/artist/figure.hpp>
#include <strata/data/array_container.hpp>
#include <strata/data/streaming.hpp>

#include "workload.hpp"

int main(int argc, char** argv) {
  const std::size_t n = workload::count_arg(argc, argv, 1, 1'000'000);
  const std::string mode = workload::string_arg(argc, argv, 2, "pixel");
  if (mode != "pixel" && mode != "stream") {
    fmt::print(stderr, "unknown mode '{}' (pixel, stream)\n", mode);
    return 2;
  }
  const auto path = workload::out_path(fmt::format("w11_{}_{}.png", mode, n));
  std::vector<float> xs, ys;
  if (mode == "pixel") {
    std::mt19937_64 rng(0);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    xs.resize(n);
    ys.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      xs[i] = u(rng);
      ys[i] = u(rng);
    }
  }

  const workload::Timer t;
  strata::Figure fig({.figsize = {{6.4, 4.8}}, .dpi = 100});
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  strata::DataContainerPtr data;
  if (mode == "pixel") {
    data = std::make_shared<strata::ArrayContainer>(
        std::map<std::string, strata::DataRef>{{"x", strata::view(xs)}, {"y", strata::view(ys)}});
  } else {
    data =
        std::make_shared<strata::StreamingContainer>(std::make_shared<strata::UniformPointsSource>(
            strata::UniformPointsOptions{.count = n, .seed = 0}));
  }
  ax.plot(data, ",", {.linestyle = "none"});
  fig.savefig(path);
  workload::report("W11_" + mode, n, t.seconds(), path);
}
