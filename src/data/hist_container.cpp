// SPDX-License-Identifier: MIT
#include "strata/data/hist_container.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "strata/error.hpp"
#include "strata/transforms/transform.hpp"

namespace strata {

// ---- Histogram ----

namespace {

void check_edges(const char* who, const std::vector<double>& edges) {
  if (edges.size() < 2) {
    throw ValueError(fmt::format("{}: edges needs at least 2 values, got {}", who, edges.size()));
  }
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (!std::isfinite(edges[i])) {
      throw ValueError(fmt::format("{}: edges[{}] is {}, must be finite", who, i, edges[i]));
    }
    if (i > 0 && !(edges[i] > edges[i - 1])) {
      throw ValueError(
          fmt::format("{}: edges must increase monotonically, but edges[{}] = {} "
                      "after edges[{}] = {}",
                      who, i, edges[i], i - 1, edges[i - 1]));
    }
  }
}

void check_range(const char* who, double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) {
    throw ValueError(fmt::format("{}: range ({}, {}) must be finite", who, lo, hi));
  }
  if (lo > hi) {
    throw ValueError(fmt::format("{}: range ({}, {}): max must be larger than min", who, lo, hi));
  }
}

void check_bins(const char* who, std::size_t bins) {
  if (bins == 0) throw ValueError(fmt::format("{}: bins must be >= 1, got 0", who));
}

/// numpy.linspace(lo, hi, bins + 1).
std::vector<double> linspace_edges(double lo, double hi, std::size_t bins) {
  std::vector<double> e(bins + 1);
  const double step = (hi - lo) / static_cast<double>(bins);
  for (std::size_t i = 0; i < bins; ++i) e[i] = lo + static_cast<double>(i) * step;
  e[bins] = hi;
  return e;
}

}  // namespace

Histogram::Histogram(std::vector<double> edges) : edges_(std::move(edges)) {
  check_edges("Histogram", edges_);
  const std::size_t n = edges_.size() - 1;
  counts_.assign(n, 0.0);
  const double lo = edges_.front();
  const double step = (edges_.back() - lo) / static_cast<double>(n);
  uniform_ = true;
  for (std::size_t i = 0; i < n && uniform_; ++i) {
    uniform_ = std::abs(edges_[i] - (lo + static_cast<double>(i) * step)) <= 0.25 * step;
  }
}

Histogram Histogram::uniform(double lo, double hi, std::size_t bins) {
  check_bins("Histogram.uniform", bins);
  check_range("Histogram.uniform", lo, hi);
  if (lo == hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  return Histogram(linspace_edges(lo, hi, bins));
}

void Histogram::add(const Column& samples, const Column& weights) {
  if (counts_.empty()) throw ValueError("Histogram.add: the histogram has no bins");
  if (!weights.empty() && weights.size() != samples.size()) {
    throw ValueError(fmt::format("Histogram.add: weights has {} values but samples has {}",
                                 weights.size(), samples.size()));
  }
  const std::size_t n = counts_.size();
  const double lo = edges_.front();
  const double hi = edges_.back();
  const double norm = static_cast<double>(n) / (hi - lo);
  const bool weighted = !weights.empty();
  const double* e = edges_.data();

  // The bin of v (lo <= v <= hi): a first guess, then walk to the exact bin, so membership
  // depends only on the stored edges (this is numpy's uniform-bin algorithm, whose
  // correction step is a walk of at most one bin).
  auto bin_of = [&](double v) -> std::size_t {
    std::size_t i;
    if (uniform_) {
      const double f = (v - lo) * norm;
      i = f >= static_cast<double>(n) ? n - 1 : static_cast<std::size_t>(f);
      while (i > 0 && v < e[i]) --i;
      while (i + 1 < n && v >= e[i + 1]) ++i;
    } else {
      i = static_cast<std::size_t>(std::upper_bound(e, e + n + 1, v) - e);
      i = i == 0 ? 0 : i - 1;
      if (i >= n) i = n - 1;  // v == hi goes into the last bin
    }
    return i;
  };

  constexpr std::size_t block = 4096;
  std::array<double, block> vbuf{};
  std::array<double, block> wbuf{};
  for (std::size_t first = 0; first < samples.size(); first += block) {
    const std::size_t m = std::min(block, samples.size() - first);
    samples.copy_to(std::span<double>(vbuf.data(), m), first);
    if (weighted) weights.copy_to(std::span<double>(wbuf.data(), m), first);
    for (std::size_t k = 0; k < m; ++k) {
      const double v = vbuf[k];
      if (!(v >= lo && v <= hi)) continue;  // outside, or NaN
      counts_[bin_of(v)] += weighted ? wbuf[k] : 1.0;
    }
  }
}

void Histogram::merge(const Histogram& other) {
  if (other.edges_ != edges_) {
    auto describe = [](const Histogram& h) {
      return h.edges_.empty() ? std::string("no bins")
                              : fmt::format("{} bins over [{}, {}]", h.bins(), h.edges_.front(),
                                            h.edges_.back());
    };
    throw ValueError(fmt::format("Histogram.merge: bin edges differ ({} vs {})", describe(*this),
                                 describe(other)));
  }
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
}

std::vector<double> Histogram::density() const {
  double total = 0.0;
  for (double c : counts_) total += c;
  std::vector<double> d(counts_.size(), 0.0);
  if (total == 0.0) return d;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    d[i] = counts_[i] / total / (edges_[i + 1] - edges_[i]);
  }
  return d;
}

// ---- HistContainer ----

HistContainer::HistContainer(DataRef samples, HistOptions opts)
    : id_(new_container_id()),
      bins_(opts.bins),
      edges_(std::move(opts.edges)),
      range_(opts.range),
      density_(opts.density) {
  if (edges_.empty()) {
    check_bins("HistContainer", bins_);
  } else {
    check_edges("HistContainer", edges_);
  }
  if (range_) check_range("HistContainer", range_->first, range_->second);
  if (!opts.weights.empty() && opts.weights.size() != samples.size()) {
    throw ValueError(fmt::format("HistContainer: weights has {} values but samples has {}",
                                 opts.weights.size(), samples.size()));
  }
  chunks_.push_back(Chunk{samples.column(), opts.weights.column()});
}

std::map<std::string, FieldDesc> HistContainer::describe() const {
  return {{"edges", FieldDesc{DType::float64, "N+1"}}, {"counts", FieldDesc{DType::float64, "N"}}};
}

std::uint64_t HistContainer::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void HistContainer::accumulate(DataRef samples, DataRef weights) {
  if (!weights.empty() && weights.size() != samples.size()) {
    throw ValueError(
        fmt::format("HistContainer.accumulate: weights has {} values but samples has {}",
                    weights.size(), samples.size()));
  }
  std::lock_guard lock(mutex_);
  chunks_.push_back(Chunk{samples.column(), weights.column()});
  ++generation_;
}

void HistContainer::set_bins(std::size_t bins) {
  check_bins("HistContainer.set_bins", bins);
  std::lock_guard lock(mutex_);
  bins_ = bins;
  edges_.clear();
  ++generation_;
}

void HistContainer::set_edges(std::vector<double> edges) {
  check_edges("HistContainer.set_edges", edges);
  std::lock_guard lock(mutex_);
  edges_ = std::move(edges);
  ++generation_;
}

void HistContainer::set_range(std::optional<std::pair<double, double>> range) {
  if (range) check_range("HistContainer.set_range", range->first, range->second);
  std::lock_guard lock(mutex_);
  range_ = range;
  ++generation_;
}

void HistContainer::set_density(bool density) {
  std::lock_guard lock(mutex_);
  density_ = density;
  ++generation_;
}

std::pair<std::vector<double>, CacheKey> HistContainer::edges_for(
    const Transform& axes_to_data) const {
  if (!edges_.empty()) return {edges_, CacheKey{{id_, generation_, 1}}};
  if (range_) {
    double lo = range_->first;
    double hi = range_->second;
    CacheKey key{{id_, generation_, 2, bins_, key_bits(lo), key_bits(hi)}};
    return {Histogram::uniform(lo, hi, bins_).edges(), std::move(key)};
  }
  const double x0 = axes_to_data.transform(Point{0.0, 0.5}).x;
  const double x1 = axes_to_data.transform(Point{1.0, 0.5}).x;
  if (!std::isfinite(x0) || !std::isfinite(x1)) {
    throw ValueError(
        fmt::format("HistContainer.query: the visible x range ({}, {}) is not finite", x0, x1));
  }
  const double lo = std::min(x0, x1);
  const double hi = std::max(x0, x1);
  CacheKey key{{id_, generation_, 3, bins_, key_bits(lo), key_bits(hi), axes_to_data.id(),
                axes_to_data.version()}};
  std::vector<double> edges = Histogram::uniform(lo, hi, bins_).edges();
  if (!axes_to_data.is_affine() && lo < hi) {
    // Equal steps in axes fraction: log-spaced bins on a log axis.
    std::vector<Point> pts(bins_ + 1);
    for (std::size_t i = 0; i <= bins_; ++i) {
      pts[i] = Point{static_cast<double>(i) / static_cast<double>(bins_), 0.5};
    }
    axes_to_data.transform_points(pts);
    std::vector<double> e(bins_ + 1);
    for (std::size_t i = 0; i <= bins_; ++i) e[i] = pts[i].x;
    if (x1 < x0) std::reverse(e.begin(), e.end());
    e.front() = lo;
    e.back() = hi;
    bool ok = true;
    for (std::size_t i = 1; i <= bins_ && ok; ++i) ok = std::isfinite(e[i]) && e[i] > e[i - 1];
    if (ok) edges = std::move(e);  // otherwise keep the linear edges
  }
  return {std::move(edges), std::move(key)};
}

const Histogram& HistContainer::binned(const std::vector<double>& edges) const {
  if (cache_hist_.edges() != edges) {
    cache_hist_ = Histogram(edges);
    cache_chunks_ = 0;
  }
  for (; cache_chunks_ < chunks_.size(); ++cache_chunks_) {
    const Chunk& c = chunks_[cache_chunks_];
    cache_hist_.add(c.samples, c.weights);
  }
  return cache_hist_;
}

Histogram HistContainer::histogram(const Transform& axes_to_data) const {
  std::lock_guard lock(mutex_);
  return binned(edges_for(axes_to_data).first);
}

QueryResult HistContainer::query(const Transform& axes_to_data, Size /*pixels*/) const {
  std::lock_guard lock(mutex_);
  auto [edges, key] = edges_for(axes_to_data);
  if (last_ && last_->key == key) return *last_;
  const Histogram& h = binned(edges);
  QueryResult r;
  r.columns.emplace("edges", Column::from_vector(h.edges()));
  r.columns.emplace("counts", Column::from_vector(density_ ? h.density() : h.counts()));
  r.key = std::move(key);
  last_ = r;
  return r;
}

}  // namespace strata
