// SPDX-License-Identifier: MIT
#pragma once
// ResamplingContainer: a huge series with sorted x (1e8 samples and more, in memory or
// memory-mapped from a file) reduced at draw time to at most four points per pixel column of
// the visible window (first, min, max, last), which draws the same pixels as every sample.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "strata/core/geometry.hpp"
#include "strata/data/container.hpp"
#include "strata/data/data_ref.hpp"
#include "strata/export.hpp"

namespace strata {

/// Evenly spaced x: sample i is at x0 + i * dx (no x array is stored).
struct UniformX {
  /// x of sample 0, data units; default 0. Must be finite.
  double x0 = 0.0;
  /// Spacing, data units; default 1. Must be finite and > 0.
  double dx = 1.0;
};

/// Options of a ResamplingContainer.
struct ResamplingOptions {
  /// Number of recent query results kept (an LRU), so that returning to an earlier view
  /// (pan back, undo a zoom) costs no data access; default 4, 0 disables the cache.
  std::size_t cache_size = 4;
  /// Check at construction that x is sorted (non-decreasing) and has no NaN: one pass over
  /// x. Default true; set false only for data known to be sorted (unsorted x then gives
  /// wrong, though memory-safe, results).
  bool check_sorted = true;
  /// Columns per pixel of the reduction; default 2: the half-pixel columns the raster
  /// renderer reduces polylines into, so that the reduced series draws the same pixels as
  /// every sample (a 4e5-point walk: plain RMS 0.2 against drawing every point, where whole
  /// pixel columns gave 4.5). Must be at least 1.
  int columns_per_pixel = 2;
};

/// How a series file stores x (ResamplingContainer::from_file()).
enum class XLayout : std::uint8_t {
  /// No x in the file: x = x0 + i * dx (SeriesFileOptions::x0, dx); the file holds y only.
  implicit,
  /// The file holds (x, y) records: x of `x_dtype`, then y of `dtype`, packed.
  interleaved,
  /// x is in another file (SeriesFileOptions::x_path, elements of `x_dtype`), y in `path`.
  separate,
};

/// Options of ResamplingContainer::from_file().
struct SeriesFileOptions {
  /// Element type of y (and of x unless `x_dtype` is set); default float32. Native byte
  /// order, no padding.
  DType dtype = DType::float32;
  /// Where x comes from; default implicit.
  XLayout x_layout = XLayout::implicit;
  /// implicit: x of sample 0, data units; default 0.
  double x0 = 0.0;
  /// implicit: spacing, data units; default 1 (finite, > 0).
  double dx = 1.0;
  /// separate: the file of x values (required then; must be empty otherwise).
  std::filesystem::path x_path{};
  /// interleaved and separate: element type of x; nullopt (default): `dtype`.
  std::optional<DType> x_dtype{};
  /// Bytes skipped at the start of each file (a header); default 0.
  std::size_t header_bytes = 0;
  /// Cache and validation options of the container.
  ResamplingOptions resampling{};
};

/// A long series with sorted x, reduced per pixel column at draw time (the "M4" reduction).
///
/// query() maps axes fraction 0 and 1 (at height 0.5) through `axes_to_data` to find the
/// visible x range, splits it into W = columns_per_pixel * ceil(pixels.width) columns (default
/// two per pixel: the raster renderer's half-pixel columns) equally wide in **axes
/// fraction** (so a log x axis works: the column edges are axes_to_data(k / W, 0.5).x), finds
/// each column's samples by binary search on x, and returns, per column, the first, the
/// minimum, the maximum and the last sample (each once, in the order they appear), plus the
/// one sample just outside each side of the window so lines reach the edges. Column k holds
/// the samples with edge_k <= x < edge_k+1 (the last column also x == its right edge). The
/// points are real samples (x and y as stored), so drawn as a line they light exactly the
/// pixel columns, and in each the same vertical extent, as drawing every sample; a view
/// with at most four samples per column returns every visible sample.
///
/// Fields: "x" and "y", float64, shape "N", x non-decreasing.
///
/// NaN y: ignored by min and max. A column whose first or last sample is NaN returns it as
/// it is; a column with NaN only inside gets one NaN point (x and y NaN) before its last
/// point. Either way the line breaks in that column (several gaps within one pixel column
/// merge into one).
///
/// Cost: proportional to the visible samples at most, never a full scan. The y values are
/// summarized lazily in blocks of 1024 samples (min, max and their positions: 24 bytes per
/// block, 0.6 % of a float32 series; a block is summarized when a query first covers it
/// whole), so a column reads at most two partial blocks plus one summary per whole block:
/// after the first query of a region, pans and zooms over it cost O(W * (1024 + blocks per
/// column)). Contiguous float32 and float64 are scanned with SSE2.
///
/// Cache: the last `cache_size` results are kept, looked up by the exact column edges and
/// width, so returning to an earlier view is a hit without any data access (samples_scanned()
/// does not change). Key of a result: {id(), generation(), W, then the W + 1 column split
/// indices (the first sample of each column; split 0 is the window start, split W the window
/// end)}: equal keys mean the same samples in the same columns, hence the same output.
///
/// Memory: x and y are Columns (owned, borrowed through strata::view, or memory-mapped by
/// from_file(), which the container then owns).
///
/// Thread safety: queries are serialized by a mutex (they fill the cache and summaries).
///
/// **Example**
/// ```
/// std::vector<float> y = ...;  // 1e8 samples
/// auto c = std::make_shared<strata::ResamplingContainer>(strata::UniformX{.x0 = 0, .dx = 1e-3},
///                                                        strata::view(y));
/// auto big = strata::ResamplingContainer::from_file(
///     "/data/signal.f32", {.dtype = strata::DType::float32, .dx = 1e-6});
/// ```
class STRATA_API ResamplingContainer final : public DataContainer {
 public:
  /// Samples (x_i, y_i) with x sorted. Columns are copied unless made by strata::view.
  /// Throws strata::ValueError when the lengths differ or (with check_sorted) x is not
  /// sorted or has NaN, naming the first offending index and values.
  ResamplingContainer(DataRef x, DataRef y, const ResamplingOptions& opts = {});
  /// Samples (x0 + i * dx, y_i). Throws strata::ValueError for a non-finite x0 or dx <= 0.
  ResamplingContainer(UniformX x, DataRef y, const ResamplingOptions& opts = {});
  /// Releases the cache, summaries and any file mapping (columns already returned keep their own
  /// storage alive).
  ~ResamplingContainer() override;
  /// Not copyable: it owns a mutex-guarded cache; share it through a shared_ptr.
  ResamplingContainer(const ResamplingContainer&) = delete;
  /// Not copyable.
  ResamplingContainer& operator=(const ResamplingContainer&) = delete;

  /// A series memory-mapped read-only from `path` (y, or (x, y) records; see XLayout). The
  /// sample count is (file size - header_bytes) / record size; a trailing partial record
  /// is an error. Throws strata::IOError naming the path when a file cannot be opened,
  /// measured or mapped, and strata::ValueError for inconsistent options, sizes (naming
  /// both files and counts) or unsorted x. The mapping lives as long as the container and
  /// every column it returned.
  [[nodiscard]] static std::shared_ptr<ResamplingContainer> from_file(
      const std::filesystem::path& path, const SeriesFileOptions& opts = {});

  /// The reduced series for this view (see the class comment). Throws strata::ValueError
  /// when pixels are negative or not finite, or when the visible x range is not finite.
  [[nodiscard]] QueryResult query(const Transform& axes_to_data, Size pixels) const override;
  /// {"x": float64 "N", "y": float64 "N"}.
  [[nodiscard]] std::map<std::string, FieldDesc> describe() const override;

  /// Drops cached results and summaries and renews the keys: call it after changing memory
  /// that a strata::view (or a mapped file) holds.
  void mark_changed();

  /// Number of samples.
  [[nodiscard]] std::size_t size() const;
  /// The process-unique id of this container (first part of its keys).
  [[nodiscard]] std::uint64_t id() const;
  /// Starts at 0; +1 at every mark_changed().
  [[nodiscard]] std::uint64_t generation() const;
  /// Reduction columns per pixel (ResamplingOptions::columns_per_pixel).
  [[nodiscard]] int columns_per_pixel() const;
  /// Total y values read so far by the reductions (partial blocks plus blocks summarized),
  /// for tests and benchmarks; a cached query adds 0.
  [[nodiscard]] std::uint64_t samples_scanned() const;
  /// Number of queries answered from the cache so far.
  [[nodiscard]] std::uint64_t cache_hits() const;

 private:
  struct Impl;
  explicit ResamplingContainer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace strata
