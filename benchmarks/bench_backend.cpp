// SPDX-License-Identifier: MIT
// Backend-layer benchmarks through the public API: a Drawable printed to an RGBA buffer, so
// each number is the whole draw (surface, clear, drawing; no encoding).
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

#include "strata/backend/canvas.hpp"

namespace {

class Scene final : public strata::Drawable {
 public:
  explicit Scene(std::function<void(strata::Renderer&)> fn) : fn_(std::move(fn)) {}
  strata::Size size_inches() const override { return {6.4, 4.8}; }
  void draw(strata::Renderer& r) override { fn_(r); }

 private:
  std::function<void(strata::Renderer&)> fn_;
};

std::vector<strata::Point> random_walk(std::size_t n) {
  std::vector<strata::Point> pts(n);
  std::mt19937_64 rng(1);
  std::normal_distribution<double> step;
  double y = 0;
  for (std::size_t i = 0; i < n; ++i) {
    y += step(rng);
    pts[i] = {static_cast<double>(i), y};
  }
  return pts;
}

// 1e6-vertex random walk stroked at 640x480 (x sorted: the column reduction applies).
void BM_stroke_random_walk_1e6(benchmark::State& state) {
  const auto pts = random_walk(1'000'000);
  double lo = 1e300, hi = -1e300;
  for (const auto& p : pts) {
    lo = std::min(lo, p.y);
    hi = std::max(hi, p.y);
  }
  const strata::Path path(pts);
  const auto t = strata::Affine2D()
                     .translate(0, -lo)
                     .scale(496.0 / 1e6, 369.6 / (hi - lo))
                     .translate(80, 52.8);
  Scene scene([&](strata::Renderer& r) {
    strata::GraphicsContext gc;
    gc.linewidth = 1.5;
    gc.color = {0.12, 0.47, 0.71, 1};
    gc.capstyle = strata::CapStyle::projecting;
    r.draw_path(gc, path, t, std::nullopt);
  });
  strata::Canvas canvas(scene);
  for (auto _ : state) canvas.draw();
}
BENCHMARK(BM_stroke_random_walk_1e6)->Unit(benchmark::kMillisecond);

// The same walk with x shuffled into a random order: no column reduction, only the
// perpendicular-distance simplifier and Cairo.
void BM_stroke_unsorted_1e5(benchmark::State& state) {
  auto pts = random_walk(100'000);
  std::mt19937_64 rng(2);
  for (auto& p : pts) p.x = std::uniform_real_distribution<double>(0, 1e5)(rng);
  const strata::Path path(pts);
  Scene scene([&](strata::Renderer& r) {
    strata::GraphicsContext gc;
    r.draw_path(gc, path, strata::Affine2D().scale(640.0 / 1e5, 1).translate(0, 240), std::nullopt);
  });
  strata::Canvas canvas(scene);
  for (auto _ : state) canvas.draw();
}
BENCHMARK(BM_stroke_unsorted_1e5)->Unit(benchmark::kMillisecond);

// 1e6 circle markers of radius ~1.4 px through the public draw_markers call.
void BM_markers_circle_1e6(benchmark::State& state) {
  std::vector<strata::Point> pts(1'000'000);
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> ux(0, 640), uy(0, 480);
  for (auto& p : pts) p = {ux(rng), uy(rng)};
  const strata::Path offsets(pts);
  const strata::Path circle = strata::Path::unit_circle();
  Scene scene([&](strata::Renderer& r) {
    strata::GraphicsContext gc;
    gc.linewidth = 0;
    r.draw_markers(gc, circle, strata::Affine2D().scale(1.4), offsets, {},
                   strata::Rgba{0.12, 0.47, 0.71, 1});
  });
  strata::Canvas canvas(scene);
  for (auto _ : state) canvas.draw();
}
BENCHMARK(BM_markers_circle_1e6)->Unit(benchmark::kMillisecond);

// A 2048x2048 image drawn into the 496x369 axes box with the antialiasing filter.
void BM_image_2048(benchmark::State& state) {
  strata::Image img{2048, 2048, std::vector<std::uint8_t>(2048u * 2048u * 4u)};
  for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
    const auto k = i / 4;
    img.rgba[i] = static_cast<std::uint8_t>(k % 251);
    img.rgba[i + 1] = static_cast<std::uint8_t>((k / 2048) % 256);
    img.rgba[i + 2] = 128;
    img.rgba[i + 3] = 255;
  }
  Scene scene([&](strata::Renderer& r) {
    r.draw_image({}, img, strata::Bbox{80, 52.8, 576, 422.4}, strata::Interpolation::antialiased);
  });
  strata::Canvas canvas(scene);
  for (auto _ : state) canvas.draw();
}
BENCHMARK(BM_image_2048)->Unit(benchmark::kMillisecond);

}  // namespace
