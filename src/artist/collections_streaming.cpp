// SPDX-License-Identifier: MIT
// Collections over a StreamingContainer (scatter of any number of points): drawn chunk by
// chunk, so memory stays bounded by one chunk plus the canvas. Colors mapped from "c" use a
// norm scaled over the whole stream first (one extra pass over "c" when the norm has no
// limits yet), so every chunk maps values the same way.
#include <algorithm>
#include <cmath>
#include <limits>

#include "strata/artist/axes.hpp"
#include "strata/artist/collections.hpp"
#include "strata/data/streaming.hpp"

namespace strata {

namespace {

constexpr std::size_t kBlock = 4096;

template <class F>
void for_each_value(const Column& c, F&& f) {
  double buf[kBlock];
  const std::size_t n = c.size();
  for (std::size_t first = 0; first < n; first += kBlock) {
    const std::size_t m = std::min(kBlock, n - first);
    c.copy_to(std::span<double>(buf, m), first);
    for (std::size_t i = 0; i < m; ++i) f(buf[i]);
  }
}

}  // namespace

const StreamingContainer* Collection::streaming() const {
  return dynamic_cast<const StreamingContainer*>(data_.get());
}

Bbox Collection::streaming_datalim(const StreamingContainer& data,
                                   const TransformPtr& trans_data) const {
  // As get_datalim: offsets in data coordinates (scatter) give the limits; the markers' own
  // extent (in points) does not count.
  if (!offset_transform_ || offset_transform_ != trans_data) return Bbox::null();
  if (!data.describe().contains("x") || !data.describe().contains("y")) return Bbox::null();
  const std::pair<std::uint64_t, std::uint64_t> key{data.id(), data.generation()};
  if (stream_lim_key_ == key) return stream_lim_;
  const Axes* ax = get_axes();
  const TransformPtr axes_to_data = ax ? ax->axes_to_data() : IdentityTransform::make();
  const Size px = ax ? ax->pixel_size() : Size{1, 1};
  const Bbox b = data.xy_limits(*axes_to_data, px);
  stream_lim_ = b;
  stream_lim_key_ = key;
  return b;
}

void Collection::draw_streaming(Renderer& renderer, const StreamingContainer& data) {
  const Axes* ax = get_axes();
  const TransformPtr axes_to_data = ax ? ax->axes_to_data() : IdentityTransform::make();
  const Size px = ax ? ax->pixel_size() : Size{1, 1};
  const bool has_c = data.describe().contains("c");
  if (has_c && !stored_array() && !get_norm()->scaled()) {
    // The norm's limits from the whole stream: min, smallest positive (log norms) and max.
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    double minpos = lo;
    data.for_each_chunk(*axes_to_data, px, [&](const QueryResult& r) {
      for_each_value(r.at("c"), [&](double v) {
        if (!std::isfinite(v)) return;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        if (v > 0) minpos = std::min(minpos, v);
      });
    });
    if (lo <= hi) {
      std::vector<double> ends{lo, hi};
      if (std::isfinite(minpos) && minpos != lo) ends.push_back(minpos);
      get_norm()->autoscale_None(ends);
      changed();
    }
  }
  renderer.open_group("collection", get_gid());
  data.for_each_chunk(*axes_to_data, px, [&](const QueryResult& r) {
    const Items chunk = make_items(r);
    draw_items(renderer, chunk);
  });
  renderer.close_group("collection");
  set_stale(false);
}

}  // namespace strata
