// SPDX-License-Identifier: MIT
// W10: F figures (default 200), each a 100-point line with title and labels, saved as PNG and
// closed; figures per second. Arguments: F, then the number of threads (default 1). With T > 1
// threads, figure i is rendered by thread i % T, each figure independent (no shared mutable
// state but the library's locked caches); benchmarks/run compares the files with the serial
// run's byte for byte.
#include <strata/artist/figure.hpp>
#include <thread>

#include "workload.hpp"

int main(int argc, char** argv) {
  const std::size_t figures = workload::count_arg(argc, argv, 1, 200);
  const std::size_t threads = std::max<std::size_t>(1, workload::count_arg(argc, argv, 2, 1));
  const auto dir = workload::out_path(threads == 1 ? "w10_batch" : "w10_batch_threads");
  std::filesystem::create_directories(dir);
  const std::vector<double> x = workload::arange(100);
  std::vector<std::vector<double>> ys;
  for (std::size_t i = 0; i < figures; ++i) ys.push_back(workload::random_walk(100, i));

  auto render = [&](std::size_t i) {
    strata::Figure fig({.figsize = {{6.4, 4.8}}, .dpi = 100});
    strata::Axes& ax = fig.add_subplot(1, 1, 1);
    ax.plot(x, ys[i]);
    ax.set_title(fmt::format("Figure {}", i));
    ax.set_xlabel("x");
    ax.set_ylabel("y");
    fig.savefig(dir / fmt::format("fig_{:04d}.png", i));
  };

  const workload::Timer t;
  if (threads == 1) {
    for (std::size_t i = 0; i < figures; ++i) render(i);
  } else {
    std::vector<std::thread> pool;
    for (std::size_t k = 0; k < threads; ++k) {
      pool.emplace_back([&, k] {
        for (std::size_t i = k; i < figures; i += threads) render(i);
      });
    }
    for (auto& th : pool) th.join();
  }
  const double s = t.seconds();
  workload::report(threads == 1 ? "W10_batch" : fmt::format("W10_batch_{}threads", threads),
                   figures, s, dir,
                   fmt::format(R"(, "figs_per_s": {:.3f}, "threads": {})",
                               static_cast<double>(figures) / s, threads));
}
