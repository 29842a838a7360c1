// SPDX-License-Identifier: MIT
#pragma once
// DensityContainer: 2-D binning of huge point sets to per-pixel counts over the visible
// window (datashader / mpl-scatter-density style), from columns or from a chunk source.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "strata/core/geometry.hpp"
#include "strata/data/container.hpp"
#include "strata/data/data_ref.hpp"
#include "strata/data/streaming.hpp"
#include "strata/export.hpp"

namespace strata {

/// Options of a DensityContainer.
struct DensityOptions {
  /// Number of recent results kept (an LRU keyed by the exact bin edges), so that returning
  /// to an earlier view does not re-bin; default 2, 0 disables the cache.
  std::size_t cache_size = 2;
};

/// Points binned at draw time into one bin per pixel of the visible window: W =
/// ceil(pixels.width) columns by H = ceil(pixels.height) rows (at least 1 each).
///
/// Fields:
/// - "counts": float64, shape "H,W", row-major; **row 0 is the bottom** of the axes (axes
///   fraction y = 0, like imshow's origin="lower") and column 0 the left (axes fraction
///   x = 0). Counts are exact integers (up to 2^53).
/// - "x_edges": float64, shape "W+1": axes_to_data(j / W, 0.5).x for j = 0..W.
/// - "y_edges": float64, shape "H+1": axes_to_data(0.5, i / H).y for i = 0..H.
///
/// Bins are equally wide in axes fraction (log-spaced on a log axis). Edges are listed in
/// axes-fraction order, so they decrease on an inverted axis. A point is counted in the bin
/// whose returned edges enclose it, numpy.histogram2d's rule with each bin's edges taken in
/// increasing order: the lower edge is inclusive, the upper exclusive, and the bin at the
/// largest value also holds that outer edge. Points outside the window and points with NaN
/// are not counted.
///
/// Every query reads all points once (linear time, single-threaded; points are converted to
/// double in blocks of 4096). A source-backed container rewinds the source and bins chunk by
/// chunk, so memory is one chunk plus the W x H counts, whatever the number of points.
///
/// Key: {id(), generation(), W, H, then the bit patterns of the W + 1 x edges and H + 1 y
/// edges}. Equal edges give equal counts, so the LRU looks results up by edges: panning
/// back is a hit without reading any point (points_binned() does not change).
///
/// Thread safety: queries are serialized by a mutex (they read the source and fill the
/// cache).
///
/// **Example**
/// ```
/// auto d =
/// std::make_shared<strata::DensityContainer>(std::make_shared<strata::UniformPointsSource>(
///     strata::UniformPointsOptions{.count = 100'000'000, .seed = 1}));
/// auto r = d->query(axes_to_data, {800, 600});  // r.at("counts"): 600 x 800
/// ```
class STRATA_API DensityContainer final : public DataContainer {
 public:
  /// Points (x_i, y_i), copied unless made by strata::view. Throws strata::ValueError when
  /// the lengths differ.
  DensityContainer(DataRef x, DataRef y, const DensityOptions& opts = {});
  /// Points read from `source` at every query; its chunks must have fields "x" and "y"
  /// (other fields are ignored). Throws strata::ValueError for a null source or one that
  /// does not describe "x" and "y".
  explicit DensityContainer(ChunkSourcePtr source, const DensityOptions& opts = {});
  /// Releases the cache (columns already returned keep their own storage alive).
  ~DensityContainer() override;
  /// Not copyable: it owns a mutex-guarded cache; share it through a shared_ptr.
  DensityContainer(const DensityContainer&) = delete;
  /// Not copyable.
  DensityContainer& operator=(const DensityContainer&) = delete;

  /// The counts for this view (see the class comment). Throws strata::ValueError when pixels
  /// are negative or not finite, or the visible range is not finite or not monotonic.
  [[nodiscard]] QueryResult query(const Transform& axes_to_data, Size pixels) const override;
  /// {"counts": float64 "H,W", "x_edges": float64 "W+1", "y_edges": float64 "H+1"}.
  [[nodiscard]] std::map<std::string, FieldDesc> describe() const override;

  /// Drops cached results and renews the keys: call it when the points changed (memory a
  /// strata::view borrows, or the data behind the source).
  void mark_changed();
  /// The process-unique id of this container (first part of its keys).
  [[nodiscard]] std::uint64_t id() const;
  /// Starts at 0; +1 at every mark_changed().
  [[nodiscard]] std::uint64_t generation() const;
  /// Total points read by queries so far (inside the window or not); a cached query adds 0.
  [[nodiscard]] std::uint64_t points_binned() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace strata
