// SPDX-License-Identifier: MIT
// Raster marker stamping: 1,000,000 circle markers at random positions of a 640x480 ARGB32
// canvas. make_stamp once (outside the timed loop; timed separately), then blend_stamps.
// Time per iteration in ms = ns per marker (1e6 markers); counter "per_marker" says the same.
//   radius 1.39 px fill only    matplotlib scatter s=4 (markersize 2 pt at 100 dpi), no edge
//   radius 1.39 px fill + edge  the same with scatter's default 1.5 pt edge
//   radius 4.17 px fill + edge  plot(..., "o"): markersize 6 pt, edge 1 pt
// The /scalar variants run the portable blender for comparison with the SSE2 one.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "../backends/cairo/src/marker_stamp.hpp"

namespace {

using strata::Affine2D;
using strata::GraphicsContext;
using strata::Path;
using strata::Point;
using strata::Rgba;
using strata::cairo_backend::blend_stamps;
using strata::cairo_backend::make_stamp;
using strata::cairo_backend::PixelClip;
using strata::cairo_backend::Stamp;

constexpr int kWidth = 640;
constexpr int kHeight = 480;
constexpr std::size_t kMarkers = 1'000'000;
constexpr double kDpi = 100.0;
constexpr Rgba kBlue{0.122, 0.467, 0.706, 1.0};  // matplotlib's C0

const std::vector<Point>& positions() {
  static const std::vector<Point> pts = [] {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> ux(0.0, kWidth), uy(0.0, kHeight);
    std::vector<Point> v(kMarkers);
    for (auto& p : v) p = {ux(rng), uy(rng)};
    return v;
  }();
  return pts;
}

Stamp circle_stamp(double radius_px, double edge_pt) {
  GraphicsContext gc;
  gc.color = kBlue;
  gc.linewidth = edge_pt;
  return make_stamp(gc, Path::unit_circle(), Affine2D().scale(radius_px), kBlue, kDpi);
}

// args: radius in 1/100 px, edge width in 1/10 pt, scalar (0/1)
void BM_BlendCircles(benchmark::State& state) {
  const double radius = static_cast<double>(state.range(0)) / 100.0;
  const double edge = static_cast<double>(state.range(1)) / 10.0;
  const bool scalar = state.range(2) != 0;
  const Stamp stamp = circle_stamp(radius, edge);
  const auto& pts = positions();
  std::vector<std::uint32_t> canvas(static_cast<std::size_t>(kWidth * kHeight), 0xffffffffu);
  auto* data = reinterpret_cast<std::uint8_t*>(canvas.data());
  const PixelClip clip{0, 0, kWidth, kHeight};
  for (auto _ : state) {
    if (scalar)
      strata::cairo_backend::detail::blend_stamps_scalar(data, kWidth * 4, clip, stamp, pts);
    else
      blend_stamps(data, kWidth * 4, clip, stamp, pts);
    benchmark::DoNotOptimize(canvas.data());
    benchmark::ClobberMemory();
  }
  state.counters["per_marker"] = benchmark::Counter(
      static_cast<double>(kMarkers),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["stamp_w"] = stamp.width;
  state.counters["stamp_h"] = stamp.height;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(kMarkers));
  state.SetLabel(scalar ? "scalar" : "simd");
}
BENCHMARK(BM_BlendCircles)
    ->ArgNames({"r_centipx", "edge_decipt", "scalar"})
    ->Args({139, 0, 0})
    ->Args({139, 15, 0})
    ->Args({417, 10, 0})
    ->Args({139, 0, 1})
    ->Args({139, 15, 1})
    ->Args({417, 10, 1})
    ->Unit(benchmark::kMillisecond);

// The one-off cost: rasterizing the stamp with Cairo.
void BM_MakeStamp(benchmark::State& state) {
  const double radius = static_cast<double>(state.range(0)) / 100.0;
  const double edge = static_cast<double>(state.range(1)) / 10.0;
  for (auto _ : state) {
    Stamp s = circle_stamp(radius, edge);
    benchmark::DoNotOptimize(s.pixels.data());
  }
}
BENCHMARK(BM_MakeStamp)
    ->ArgNames({"r_centipx", "edge_decipt"})
    ->Args({139, 15})
    ->Args({417, 10})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
