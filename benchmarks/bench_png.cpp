// SPDX-License-Identifier: MIT
// PNG encoding of a 640x480 plot-like Cairo canvas (white background, antialiased lines,
// gray text-like blocks) at the default level 1 (unfiltered) and at level 6 (all filters,
// matplotlib's level). Counter "bytes" is the PNG size.

#include <benchmark/benchmark.h>
#include <cairo.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "../backends/cairo/src/png_encoder.hpp"

namespace {

using strata::cairo_backend::encode_png_argb32;
using strata::cairo_backend::PngOptions;

struct VectorSink final : strata::ByteSink {
  std::vector<std::uint8_t> bytes;
  void write(const std::uint8_t* data, std::size_t size) override {
    bytes.insert(bytes.end(), data, data + size);
  }
};

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

/// A line plot as matplotlib would draw it: white figure, axes frame with ticks, three
/// antialiased curves, light grid and dark blocks standing in for tick labels and a title.
/// `background_alpha` < 1 gives a translucent canvas (savefig(transparent=True)-like).
SurfacePtr draw_plot(int width, int height, double background_alpha = 1.0) {
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
  cairo_t* cr = cairo_create(surface.get());
  cairo_set_source_rgba(cr, 1, 1, 1, background_alpha);
  cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint(cr);
  cairo_set_operator(cr, CAIRO_OPERATOR_OVER);

  const double left = 80;
  const double right = width - 64;
  const double top = 58;
  const double bottom = height - 53;
  // grid
  cairo_set_source_rgb(cr, 0.69, 0.69, 0.69);
  cairo_set_line_width(cr, 0.8);
  for (int i = 1; i < 8; ++i) {
    const double x = std::round(left + (right - left) * i / 8.0) + 0.5;
    cairo_move_to(cr, x, top);
    cairo_line_to(cr, x, bottom);
  }
  for (int i = 1; i < 6; ++i) {
    const double y = std::round(top + (bottom - top) * i / 6.0) + 0.5;
    cairo_move_to(cr, left, y);
    cairo_line_to(cr, right, y);
  }
  cairo_stroke(cr);
  // curves
  const double colors[3][3] = {{0.12, 0.47, 0.71}, {1.0, 0.5, 0.05}, {0.17, 0.63, 0.17}};
  cairo_set_line_width(cr, 1.5);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (int k = 0; k < 3; ++k) {
    cairo_set_source_rgb(cr, colors[k][0], colors[k][1], colors[k][2]);
    for (int i = 0; i <= 400; ++i) {
      const double t = i / 400.0;
      const double x = left + (right - left) * t;
      const double y = (top + bottom) / 2 - (bottom - top) * 0.4 *
                                                std::sin(2 * std::numbers::pi * (2 * t + k / 3.0)) *
                                                std::exp(-0.8 * k * t);
      if (i == 0) {
        cairo_move_to(cr, x, y);
      } else {
        cairo_line_to(cr, x, y);
      }
    }
    cairo_stroke(cr);
  }
  // frame and ticks
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1.0);
  cairo_rectangle(cr, left + 0.5, top + 0.5, right - left, bottom - top);
  for (int i = 0; i <= 8; ++i) {
    const double x = std::round(left + (right - left) * i / 8.0) + 0.5;
    cairo_move_to(cr, x, bottom);
    cairo_line_to(cr, x, bottom + 4.9);
  }
  cairo_stroke(cr);
  // text-like blocks: tick labels and a title
  cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
  for (int i = 0; i <= 8; ++i) {
    const double x = left + (right - left) * i / 8.0;
    for (int c = 0; c < 3; ++c) cairo_rectangle(cr, x - 10.3 + c * 7.1, bottom + 9.4, 5.2, 9.3);
  }
  for (int c = 0; c < 12; ++c) cairo_rectangle(cr, width / 2.0 - 60 + c * 10.2, 24.6, 7.7, 12.4);
  cairo_fill(cr);
  cairo_destroy(cr);
  cairo_surface_flush(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error("cairo failed to draw the benchmark picture");
  }
  return surface;
}

void run(benchmark::State& state, cairo_surface_t* surface, const PngOptions& options) {
  const std::uint8_t* data = cairo_image_surface_get_data(surface);
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  VectorSink sink;
  sink.bytes.reserve(std::size_t{1} << 20U);
  for (auto _ : state) {
    sink.bytes.clear();
    encode_png_argb32(data, width, height, stride, options, sink);
    benchmark::DoNotOptimize(sink.bytes.data());
    benchmark::ClobberMemory();
  }
  state.counters["bytes"] = static_cast<double>(sink.bytes.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * width * height * 4);
}

void BM_PngEncodeOpaque(benchmark::State& state) {
  static const SurfacePtr surface = draw_plot(640, 480);
  PngOptions options;
  options.compression = static_cast<int>(state.range(0));
  run(state, surface.get(), options);
}
BENCHMARK(BM_PngEncodeOpaque)->ArgName("level")->Arg(1)->Arg(6)->Unit(benchmark::kMillisecond);

/// Transparent background: RGBA output through the un-premultiply path.
void BM_PngEncodeTranslucent(benchmark::State& state) {
  static const SurfacePtr surface = draw_plot(640, 480, 0.0);
  PngOptions options;
  options.compression = static_cast<int>(state.range(0));
  run(state, surface.get(), options);
}
BENCHMARK(BM_PngEncodeTranslucent)->ArgName("level")->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
