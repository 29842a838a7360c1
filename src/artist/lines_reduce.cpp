// SPDX-License-Identifier: MIT
// Line2D over huge sorted series: one cached scan of the data (limits, whether x is sorted and
// every value finite), and, for raster output, the renderer's own column reduction done here
// first, straight from the columns (binary search of each column's range on the sorted x, then
// the first, min, max and last vertex), so that a 1e7-point line never becomes a 1e7-vertex
// Path. The vertices kept are exactly those the renderer's reduction would keep, in the same
// order, so the renderer (which then sees <= 4 vertices per column and reduces nothing) draws
// the same pixels.
#include <algorithm>
#include <cmath>
#include <limits>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "strata/artist/axes.hpp"
#include "strata/artist/lines.hpp"

namespace strata {

namespace {

constexpr std::size_t kBlock = 4096;

// Limits, minpos, sortedness and finiteness of one block of values.
struct BlockScan {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  double minpos = std::numeric_limits<double>::infinity();
  bool sorted = true;
  bool finite = true;
};

void scan_block(const double* v, std::size_t m, double& prev, BlockScan& s) {
  if (m == 0) return;
  bool sorted = !(v[0] < prev);
  bool finite = true;
  double lo = s.lo, hi = s.hi, minpos = s.minpos;
  std::size_t i = 0;
#ifdef __SSE2__
  // Two lanes at a time: x - x is 0 for finite x and NaN otherwise; order against the
  // previous element; min/max (only used when the whole block is finite).
  __m128d vlo = _mm_set1_pd(lo), vhi = _mm_set1_pd(hi), vpos = _mm_set1_pd(minpos);
  __m128d fin = _mm_castsi128_pd(_mm_set1_epi32(-1));
  __m128d ord = fin;
  const __m128d zero = _mm_setzero_pd();
  const __m128d inf = _mm_set1_pd(std::numeric_limits<double>::infinity());
  for (; i + 2 <= m; i += 2) {
    const __m128d x = _mm_loadu_pd(v + i);
    const __m128d before = i == 0 ? _mm_set_pd(v[0], prev) : _mm_loadu_pd(v + i - 1);
    fin = _mm_and_pd(fin, _mm_cmpeq_pd(_mm_sub_pd(x, x), zero));
    ord = _mm_and_pd(ord, _mm_cmpge_pd(x, before));
    vlo = _mm_min_pd(vlo, x);
    vhi = _mm_max_pd(vhi, x);
    // Positive values, others replaced by +inf.
    const __m128d pos =
        _mm_or_pd(_mm_and_pd(_mm_cmpgt_pd(x, zero), x), _mm_andnot_pd(_mm_cmpgt_pd(x, zero), inf));
    vpos = _mm_min_pd(vpos, pos);
  }
  finite = _mm_movemask_pd(fin) == 3;
  sorted = sorted && _mm_movemask_pd(ord) == 3;
  double t[2];
  _mm_storeu_pd(t, vlo);
  lo = std::min(t[0], t[1]);
  _mm_storeu_pd(t, vhi);
  hi = std::max(t[0], t[1]);
  _mm_storeu_pd(t, vpos);
  minpos = std::min(t[0], t[1]);
#endif
  for (; i < m; ++i) {
    const double x = v[i];
    finite = finite && std::isfinite(x);
    sorted = sorted && !(x < (i == 0 ? prev : v[i - 1]));
    lo = x < lo ? x : lo;
    hi = x > hi ? x : hi;
    if (x > 0 && x < minpos) minpos = x;
  }
  prev = v[m - 1];
  s.lo = lo;
  s.hi = hi;
  s.minpos = minpos;
  s.sorted = s.sorted && sorted;
  s.finite = s.finite && finite;
}

}  // namespace

const Line2D::DataScan& Line2D::scan_data(const QueryResult& r) const {
  if (scan_ && scan_->key == r.key) return *scan_;
  const Column& xc = r.at("x");
  const Column& yc = r.at("y");
  const std::size_t n = std::min(xc.size(), yc.size());
  DataScan out;
  out.key = r.key;
  out.limits = Bbox::null();
  BlockScan sx, sy;
  double px = -std::numeric_limits<double>::infinity();
  double py = -std::numeric_limits<double>::infinity();
  double bx[kBlock], by[kBlock];
  bool all_finite = true;
  for (std::size_t first = 0; first < n; first += kBlock) {
    const std::size_t m = std::min(kBlock, n - first);
    // Contiguous doubles are scanned in place; other columns through a block copy.
    const double* vx = bx;
    const double* vy = by;
    if (xc.is_contiguous_double()) {
      vx = xc.as_span().data() + first;
    } else {
      xc.copy_to(std::span<double>(bx, m), first);
    }
    if (yc.is_contiguous_double()) {
      vy = yc.as_span().data() + first;
    } else {
      yc.copy_to(std::span<double>(by, m), first);
    }
    BlockScan bsx, bsy;
    scan_block(vx, m, px, bsx);
    scan_block(vy, m, py, bsy);
    sx.sorted = sx.sorted && bsx.sorted;
    if (bsx.finite && bsy.finite) {
      sx.lo = std::min(sx.lo, bsx.lo);
      sx.hi = std::max(sx.hi, bsx.hi);
      sx.minpos = std::min(sx.minpos, bsx.minpos);
      sy.lo = std::min(sy.lo, bsy.lo);
      sy.hi = std::max(sy.hi, bsy.hi);
      sy.minpos = std::min(sy.minpos, bsy.minpos);
      continue;
    }
    // A block with non-finite values: the limits of the points whose x and y are both finite.
    all_finite = false;
    for (std::size_t i = 0; i < m; ++i) {
      const double x = vx[i], y = vy[i];
      if (!std::isfinite(x) || !std::isfinite(y)) continue;
      sx.lo = std::min(sx.lo, x);
      sx.hi = std::max(sx.hi, x);
      sy.lo = std::min(sy.lo, y);
      sy.hi = std::max(sy.hi, y);
      if (x > 0) sx.minpos = std::min(sx.minpos, x);
      if (y > 0) sy.minpos = std::min(sy.minpos, y);
    }
  }
  if (sx.lo <= sx.hi) {
    out.limits = Bbox::from_extents(sx.lo, sy.lo, sx.hi, sy.hi);
  }
  out.limits.minposx = sx.minpos;
  out.limits.minposy = sy.minpos;
  out.sorted_finite = all_finite && sx.sorted && n == xc.size() && n == yc.size();
  scan_ = std::move(out);
  return *scan_;
}

std::optional<Path> Line2D::reduced_polyline(const QueryResult& r, const Affine2D& t,
                                             double width) const {
  if (width <= 0 || !(t.b == 0 && t.c == 0 && t.a != 0)) return std::nullopt;
  const Column& xc = r.at("x");
  const Column& yc = r.at("y");
  if (!xc.is_contiguous_double() || !yc.is_contiguous_double()) return std::nullopt;
  const std::size_t n = xc.size();
  if (n < 64 || !scan_data(r).sorted_finite) return std::nullopt;
  const std::span<const double> xs = xc.as_span();
  const std::span<const double> ys = yc.as_span();
  // The renderer's device x of vertex i, computed as its pipeline does (a*x + c*y + e).
  const double a = t.a, c = t.c, e = t.e;
  auto dx = [&](std::size_t i) { return a * xs[i] + c * ys[i] + e; };
  const double span_px = std::abs(dx(n - 1) - dx(0));
  const double columns = span_px / width;
  if (!(columns > 0) || !(static_cast<double>(n) > 4.0 * columns)) return std::nullopt;

  const double inv_width = 1.0 / width;
  std::vector<Point> out;
  out.reserve(static_cast<std::size_t>(4.0 * columns) + 8);
  std::size_t i = 0;
  while (i < n) {
    // The column of vertex i, as the renderer's ColumnReducer opens it.
    const double x0 = dx(i);
    const double col_lo = std::floor(x0 * inv_width) * width;
    const double col_hi = col_lo + width;
    // Its end: the first vertex past the column (device x is monotonic in i).
    std::size_t lo = i + 1, hi = n;
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const double x = dx(mid);
      const bool inside = x >= col_lo && x < col_hi;
      // Before the end while still inside; monotonic, so "outside" only happens past it.
      if (inside) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    const std::size_t j = lo;  // [i, j) is the column
    // First index of the minimum and of the maximum (the reducer's strict comparisons).
    double mn = ys[i], mx = ys[i];
    for (std::size_t k = i + 1; k < j; ++k) {
      const double y = ys[k];
      mn = y < mn ? y : mn;
      mx = y > mx ? y : mx;
    }
    std::size_t imin = i, imax = i;
    if (mn != ys[i]) {
      imin = i + 1;
      while (ys[imin] != mn) ++imin;
    }
    if (mx != ys[i]) {
      imax = i + 1;
      while (ys[imax] != mx) ++imax;
    }
    const std::size_t last = j - 1;
    std::size_t p = imin, q = imax;
    if (p > q) std::swap(p, q);
    out.push_back({xs[i], ys[i]});
    if (p != i && p != last) out.push_back({xs[p], ys[p]});
    if (q != i && q != last && q != p) out.push_back({xs[q], ys[q]});
    if (last != i) out.push_back({xs[last], ys[last]});
    i = j;
  }
  return Path(std::move(out));
}

}  // namespace strata
