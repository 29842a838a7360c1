// SPDX-License-Identifier: MIT
// Big-data containers (W11 and issue 3's targets).
//
// ResamplingContainer over a memory-mapped float32 series of 1e8 samples (400 MB, written to
// /tmp on first use and removed at exit; skipped with a message when /tmp is short of space),
// reduced for an 800 px wide axes:
//   FirstQuery            new container (mmap) + query of the whole series: reads all 1e8
//                         samples once (page cache warm: the file was just written)
//   PanAfterFirst         after a first query of the whole series (untimed), pan by 10 % of
//                         the view: the redraw after a pan (target < 50 ms)
//   PanZoomed             view of 1e7 samples; after a first query (untimed) pan by 10 %
//   PanSteady             pans by 10 % over already summarized data (cache disabled, so
//                         every query is recomputed)
//   PanBack               return to the previous view: an LRU hit
// DensityContainer binning 1e8 streamed uniform points (UniformPointsSource, 64 Ki points per
// chunk) to 800 x 600 per-pixel counts; counter peak_rss_MB is the process's peak RSS during
// the run (VmHWM after resetting it; target < 300 MB).
// ScatterStream1e8: the same 1e8 points drawn as pixel markers by Axes::scatter over a
// StreamingContainer and saved as PNG bytes (peak RSS target < 300 MB).
// Counters: scanned_M = millions of y samples read by the reduction per iteration.

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "strata/artist/axes.hpp"
#include "strata/artist/figure.hpp"
#include "strata/data/density_container.hpp"
#include "strata/data/resampling_container.hpp"
#include "strata/data/streaming.hpp"
#include "strata/transforms/transform.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kSamples = 100'000'000;
constexpr double kWidthPx = 800;
constexpr double kHeightPx = 600;

/// Axes fraction -> data with settable limits (the axes' view, linear scales).
class ViewTransform final : public strata::Transform {
 public:
  static std::shared_ptr<ViewTransform> make(double x0, double x1, double y0, double y1) {
    auto t = std::make_shared<ViewTransform>();
    t->x0_ = x0;
    t->x1_ = x1;
    t->y0_ = y0;
    t->y1_ = y1;
    return t;
  }
  void set_xlim(double a, double b) {
    x0_ = a;
    x1_ = b;
    invalidate();
  }
  [[nodiscard]] strata::Point transform_non_affine(strata::Point p) const override {
    return {x0_ + p.x * (x1_ - x0_), y0_ + p.y * (y1_ - y0_)};
  }

 private:
  double x0_ = 0, x1_ = 1, y0_ = 0, y1_ = 1;
};

/// The 1e8-sample float32 series file (a random walk), written once; removed at exit.
class SeriesFile {
 public:
  SeriesFile() : path_(fs::temp_directory_path() / "strata_bench_data_series_1e8.f32") {
    const std::uintmax_t bytes = kSamples * sizeof(float);
    std::error_code ec;
    const auto space = fs::space(path_.parent_path(), ec);
    if (ec || space.available < bytes + (std::uintmax_t{200} << 20)) {
      error_ =
          "not enough free space in " + path_.parent_path().string() + " for the 400 MB series";
      return;
    }
    std::FILE* f = std::fopen(path_.c_str(), "wb");
    if (f == nullptr) {
      error_ = "cannot create " + path_.string();
      return;
    }
    std::vector<float> buf(std::size_t{1} << 20);
    std::uint64_t s = 12345;
    double y = 0;
    for (std::size_t done = 0; done < kSamples && error_.empty(); done += buf.size()) {
      for (float& v : buf) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        y += static_cast<double>(static_cast<std::int64_t>(s >> 33) - (std::int64_t{1} << 30)) *
             1e-9;
        v = static_cast<float>(y);
      }
      if (std::fwrite(buf.data(), sizeof(float), buf.size(), f) != buf.size()) {
        error_ = "cannot write " + path_.string();
      }
    }
    if (std::fclose(f) != 0 && error_.empty()) error_ = "cannot write " + path_.string();
    if (!error_.empty()) fs::remove(path_, ec);
  }
  ~SeriesFile() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  SeriesFile(const SeriesFile&) = delete;
  SeriesFile& operator=(const SeriesFile&) = delete;

  [[nodiscard]] const fs::path& path() const { return path_; }
  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  fs::path path_;
  std::string error_;
};

const SeriesFile& series_file() {
  static const SeriesFile file;
  return file;
}

std::shared_ptr<strata::ResamplingContainer> open_series(benchmark::State& state,
                                                         std::size_t cache_size = 4) {
  const SeriesFile& f = series_file();
  if (!f.error().empty()) {
    state.SkipWithError(f.error().c_str());
    return nullptr;
  }
  return strata::ResamplingContainer::from_file(
      f.path(), {.dtype = strata::DType::float32, .resampling = {.cache_size = cache_size}});
}

long vm_hwm_kb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

void reset_peak_rss() {
  std::ofstream f("/proc/self/clear_refs");
  f << "5";
}

void BM_ResampleMmap_FirstQuery(benchmark::State& state) {
  const double n = static_cast<double>(kSamples);
  auto t = ViewTransform::make(0, n, -1, 1);
  if (!open_series(state)) return;  // writes the file before the timing starts
  double scanned = 0;
  for (auto _ : state) {
    auto c = open_series(state);
    auto r = c->query(*t, {kWidthPx, kHeightPx});
    benchmark::DoNotOptimize(r);
    scanned = static_cast<double>(c->samples_scanned());
  }
  state.counters["scanned_M"] = scanned / 1e6;
}

/// A first query of a view of `fraction` of the series (untimed), then a pan by 10 % of it.
void pan_after_first(benchmark::State& state, double fraction) {
  const double n = static_cast<double>(kSamples);
  const double width = fraction * n;
  const double start = 0.3 * n * (1.0 - fraction);
  auto t = ViewTransform::make(start, start + width, -1, 1);
  double scanned = 0;
  std::size_t points = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto c = open_series(state);
    if (!c) return;
    t->set_xlim(start, start + width);
    (void)c->query(*t, {kWidthPx, kHeightPx});
    const auto before = c->samples_scanned();
    t->set_xlim(start + 0.1 * width, start + 1.1 * width);
    state.ResumeTiming();
    auto r = c->query(*t, {kWidthPx, kHeightPx});
    benchmark::DoNotOptimize(r);
    scanned = static_cast<double>(c->samples_scanned() - before);
    points = r.at("x").size();
  }
  state.counters["scanned_M"] = scanned / 1e6;
  state.counters["points_out"] = static_cast<double>(points);
}

void BM_ResampleMmap_PanAfterFirst(benchmark::State& state) { pan_after_first(state, 1.0); }
void BM_ResampleMmap_PanZoomed(benchmark::State& state) { pan_after_first(state, 0.1); }

void BM_ResampleMmap_PanSteady(benchmark::State& state) {
  auto c = open_series(state, 0);
  if (!c) return;
  const double n = static_cast<double>(kSamples);
  auto t = ViewTransform::make(0, n, -1, 1);
  (void)c->query(*t, {kWidthPx, kHeightPx});  // summarizes every block
  int k = 0;
  for (auto _ : state) {
    const double x0 = (k++ % 2 == 0) ? 0.1 * n : 0.0;  // alternate between two views
    t->set_xlim(x0, x0 + n);
    auto r = c->query(*t, {kWidthPx, kHeightPx});
    benchmark::DoNotOptimize(r);
  }
}

void BM_ResampleMmap_PanBack(benchmark::State& state) {
  auto c = open_series(state);
  if (!c) return;
  const double n = static_cast<double>(kSamples);
  auto t = ViewTransform::make(0, n, -1, 1);
  (void)c->query(*t, {kWidthPx, kHeightPx});
  t->set_xlim(0.1 * n, 0.1 * n + n);
  (void)c->query(*t, {kWidthPx, kHeightPx});
  const auto before = c->samples_scanned();
  int k = 0;
  for (auto _ : state) {
    const double x0 = (k++ % 2 == 0) ? 0.0 : 0.1 * n;
    t->set_xlim(x0, x0 + n);
    auto r = c->query(*t, {kWidthPx, kHeightPx});
    benchmark::DoNotOptimize(r);
  }
  state.counters["scanned_M"] = static_cast<double>(c->samples_scanned() - before) / 1e6;
}

void BM_DensityStream1e8(benchmark::State& state) {
  auto t = ViewTransform::make(0, 1, 0, 1);
  reset_peak_rss();
  const long base = vm_hwm_kb();
  double binned = 0;
  for (auto _ : state) {
    strata::DensityContainer d(std::make_shared<strata::UniformPointsSource>(
        strata::UniformPointsOptions{.count = kSamples, .seed = 1}));
    auto r = d.query(*t, {kWidthPx, kHeightPx});
    benchmark::DoNotOptimize(r);
    binned = static_cast<double>(d.points_binned());
  }
  state.counters["points_M"] = binned / 1e6;
  state.counters["peak_rss_MB"] = static_cast<double>(vm_hwm_kb()) / 1024.0;
  state.counters["rss_growth_MB"] = static_cast<double>(vm_hwm_kb() - base) / 1024.0;
}

/// Streaming alone (generation + a callback touching every chunk), for comparison.
void BM_StreamOnly1e8(benchmark::State& state) {
  auto t = ViewTransform::make(0, 1, 0, 1);
  for (auto _ : state) {
    strata::StreamingContainer c(std::make_shared<strata::UniformPointsSource>(
        strata::UniformPointsOptions{.count = kSamples, .seed = 1}));
    double sum = 0;
    (void)c.for_each_chunk(*t, {kWidthPx, kHeightPx},
                           [&](const strata::QueryResult& chunk) { sum += chunk.at("x")[0]; });
    benchmark::DoNotOptimize(sum);
  }
}

/// 1e8 streamed points drawn as pixel markers through the public API (Axes::scatter over a
/// StreamingContainer, marker ",", fixed limits) and rendered to PNG bytes at 800 x 600:
/// the figure's draw goes chunk by chunk; peak_rss_MB is the process's peak during it.
void BM_ScatterStream1e8(benchmark::State& state) {
  reset_peak_rss();
  const long base = vm_hwm_kb();
  std::size_t bytes = 0;
  for (auto _ : state) {
    strata::Figure fig({.figsize = {{8, 6}}, .dpi = 100});
    strata::Axes& ax = fig.add_subplot(1, 1, 1);
    auto src = std::make_shared<strata::UniformPointsSource>(
        strata::UniformPointsOptions{.count = kSamples, .seed = 1});
    ax.scatter(std::make_shared<strata::StreamingContainer>(src),
               {.s = {1.0}, .marker = ",", .alpha = 0.05});
    ax.set_xlim(0, 1);
    ax.set_ylim(0, 1);
    bytes = fig.to_bytes("png").size();
  }
  state.counters["png_kB"] = static_cast<double>(bytes) / 1024.0;
  state.counters["peak_rss_MB"] = static_cast<double>(vm_hwm_kb()) / 1024.0;
  state.counters["rss_growth_MB"] = static_cast<double>(vm_hwm_kb() - base) / 1024.0;
}

}  // namespace

BENCHMARK(BM_ScatterStream1e8)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_ResampleMmap_FirstQuery)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ResampleMmap_PanAfterFirst)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ResampleMmap_PanZoomed)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_ResampleMmap_PanSteady)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ResampleMmap_PanBack)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DensityStream1e8)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_StreamOnly1e8)->Unit(benchmark::kMillisecond)->Iterations(2);
