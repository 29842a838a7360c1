// SPDX-License-Identifier: MIT
#pragma once
// Histograms: the Histogram value (numpy.histogram's binning, mergeable across chunks) and
// HistContainer, which bins raw samples at draw time, by default over the visible x range
// (matplotlib data-prototype's HistContainer).

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "strata/data/container.hpp"
#include "strata/data/data_ref.hpp"
#include "strata/export.hpp"

namespace strata {

/// Counts of samples per bin, numpy.histogram's rule: bin i holds edges[i] <= v < edges[i+1],
/// the last bin also holds v == edges.back(); values outside the edges and NaN are dropped.
/// Counts are raw (weighted sums with weights); density() normalizes.
///
/// Binning is exact against the stored edges, so binning chunks separately and merging gives
/// exactly the counts of binning all samples at once (unweighted counts are integers held in
/// doubles, exact up to 2^53; weighted sums may differ in the last bits by summation order).
///
/// **Example**
/// ```
/// auto h = strata::Histogram::uniform(0.0, 1.0, 10);   // numpy.histogram(a, 10, (0, 1))
/// h.add(chunk1);
/// auto h2 = strata::Histogram::uniform(0.0, 1.0, 10);
/// h2.add(chunk2);
/// h.merge(h2);                                          // == binning chunk1 + chunk2
/// ```
class STRATA_API Histogram {
 public:
  /// No bins (edges and counts empty).
  Histogram() = default;
  /// Zero counts over explicit edges: at least 2, finite, strictly increasing; otherwise
  /// throws strata::ValueError ("Histogram: edges must increase monotonically, ...").
  explicit Histogram(std::vector<double> edges);
  /// `bins` equal bins over [lo, hi], with numpy.linspace's edges (lo + i * (hi - lo) / bins,
  /// the last exactly hi). lo == hi becomes [lo - 0.5, hi + 0.5] as in numpy. Throws
  /// strata::ValueError for bins == 0, non-finite bounds or lo > hi.
  [[nodiscard]] static Histogram uniform(double lo, double hi, std::size_t bins);

  /// Adds samples (optionally weighted: one weight per sample, empty for 1 each). Throws
  /// strata::ValueError when the lengths differ or the histogram has no bins.
  void add(const Column& samples, const Column& weights = {});
  /// Adds the counts of `other`, which must have identical edges (else strata::ValueError).
  void merge(const Histogram& other);

  /// Number of bins (edges().size() - 1, or 0).
  [[nodiscard]] std::size_t bins() const { return counts_.size(); }
  /// The N + 1 bin edges, increasing.
  [[nodiscard]] const std::vector<double>& edges() const { return edges_; }
  /// The N raw counts (or weight sums).
  [[nodiscard]] const std::vector<double>& counts() const { return counts_; }
  /// counts / (sum(counts) * bin width): sum(density * widths) == 1. All zeros when the
  /// histogram is empty (numpy gives NaN there).
  [[nodiscard]] std::vector<double> density() const;

 private:
  std::vector<double> edges_;
  std::vector<double> counts_;
  bool uniform_ = false;  ///< Edges are (nearly) equally spaced: index by arithmetic first.
};

/// Options of a HistContainer (numpy.histogram / matplotlib hist arguments).
struct HistOptions {
  /// Number of equal-width bins; default 10 (rcParams hist.bins). Ignored when `edges` is set.
  std::size_t bins = 10;
  /// Explicit bin edges (N + 1, finite, strictly increasing); empty (default): `bins` equal
  /// bins over `range`.
  std::vector<double> edges{};
  /// Fixed (lo, hi) of the equal bins, data units; nullopt (default): the visible x range at
  /// query time (as matplotlib's data-prototype), e.g. `.range = std::pair{0.0, 1.0}`.
  std::optional<std::pair<double, double>> range{};
  /// Return densities (sum(counts * widths) == 1) instead of counts; default false.
  bool density = false;
  /// One weight per initial sample; empty (default): 1 each.
  DataRef weights{};
};

/// Raw samples binned at draw time. query() returns "edges" (float64, shape "N+1") and
/// "counts" (float64, shape "N"; densities when `density`).
///
/// Bins: explicit `edges`; else `bins` equal bins over the fixed `range`; else over the
/// visible x range, found by mapping axes fraction (0, 0.5) and (1, 0.5) through
/// `axes_to_data`. On an affine (linear) view the edges are numpy.linspace over that range;
/// on a non-affine one (log x) they are equally spaced in axes fraction (log-spaced), so the
/// bars look equally wide.
///
/// Samples can arrive in chunks (accumulate()); the counts are exactly those of binning all
/// samples at once, and a query after accumulate() bins only the new chunks when the edges
/// did not change.
///
/// Keys: {id, generation, 1} for explicit edges; {id, generation, 2, bins, bits of lo and
/// hi} for a fixed range; {id, generation, 3, bins, bits of lo and hi, axes_to_data.id(),
/// axes_to_data.version()} for the visible range. The generation grows with accumulate()
/// and every setter.
///
/// Thread safety: every member is guarded by a mutex, so queries and accumulate() may run
/// on different threads.
///
/// **Example**
/// ```
/// auto h = std::make_shared<strata::HistContainer>(samples,
///     strata::HistOptions{.bins = 50, .range = std::pair{-4.0, 4.0}, .density = true});
/// ```
class STRATA_API HistContainer final : public DataContainer {
 public:
  /// Samples (copied unless a strata::view) and options; throws strata::ValueError for bad
  /// options (bins == 0, bad edges, bad range, weights of another length).
  explicit HistContainer(DataRef samples, HistOptions opts = {});

  /// The histogram for this view (see the class comment for bins and keys). Throws
  /// strata::ValueError when the visible x range is not finite.
  [[nodiscard]] QueryResult query(const Transform& axes_to_data, Size pixels) const override;
  /// {"edges": float64 "N+1", "counts": float64 "N"}.
  [[nodiscard]] std::map<std::string, FieldDesc> describe() const override;

  /// Adds a chunk of samples (and optional weights of the same length; empty: 1 each) and
  /// renews the key. Throws strata::ValueError on a length mismatch (nothing changes).
  void accumulate(DataRef samples, DataRef weights = {});
  /// Sets the number of equal bins and clears explicit edges; throws for 0.
  void set_bins(std::size_t bins);
  /// Sets explicit edges (validated as in Histogram(edges)).
  void set_edges(std::vector<double> edges);
  /// Sets or clears (nullopt: visible x range) the fixed range; validated.
  void set_range(std::optional<std::pair<double, double>> range);
  /// Switches between counts and densities.
  void set_density(bool density);

  /// The raw (not normalized) histogram for this view: what query() returns before density.
  [[nodiscard]] Histogram histogram(const Transform& axes_to_data) const;
  /// The process-unique id of this container (first part of its keys).
  [[nodiscard]] std::uint64_t id() const { return id_; }
  /// Starts at 0; +1 at every accumulate() and setter call.
  [[nodiscard]] std::uint64_t generation() const;

 private:
  struct Chunk {
    Column samples;
    Column weights;
  };
  /// Edges for this view and the key; mutex_ held.
  [[nodiscard]] std::pair<std::vector<double>, CacheKey> edges_for(
      const Transform& axes_to_data) const;
  /// The raw histogram over `edges`, incremental when possible; mutex_ held.
  [[nodiscard]] const Histogram& binned(const std::vector<double>& edges) const;

  std::uint64_t id_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::vector<Chunk> chunks_;
  std::size_t bins_ = 10;
  std::vector<double> edges_;
  std::optional<std::pair<double, double>> range_;
  bool density_ = false;
  // Cache: the raw histogram over cache_hist_.edges() of chunks_[0, cache_chunks_), and the
  // last result.
  mutable Histogram cache_hist_;
  mutable std::size_t cache_chunks_ = 0;
  mutable std::optional<QueryResult> last_;
};

}  // namespace strata
