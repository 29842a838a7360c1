// SPDX-License-Identifier: MIT
// Raster marker stamps, as matplotlib's Agg draw_markers: the marker is rasterized once by
// Cairo into a small premultiplied ARGB32 image, then blended into the canvas at every
// vertex with integer placement. The blend is pixman's OVER with pixman's rounding, so a
// stamp composited here gives the bytes Cairo would give compositing the same image.
#include "marker_stamp.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace strata::cairo_backend {

namespace {

// ---------------------------------------------------------------------------------------
// make_stamp
// ---------------------------------------------------------------------------------------

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

bool finite(Point p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// matplotlib's PathSnapper::should_snap in SNAP_AUTO mode, on the device-space vertices.
bool auto_snap(const Path& path, const std::vector<Point>& dev) {
  if (path.size() > 1024) return false;
  bool have_prev = false;
  Point prev{};
  for (std::size_t i = 0; i < dev.size(); ++i) {
    const PathCode c = path.code(i);
    if (c == PathCode::stop) break;
    if (c == PathCode::curve3 || c == PathCode::curve4) return false;
    if (c == PathCode::closepoly) continue;  // its vertex is ignored
    if (!finite(dev[i])) {
      have_prev = false;
      continue;
    }
    if (c == PathCode::lineto && have_prev && std::abs(prev.x - dev[i].x) >= 1e-4 &&
        std::abs(prev.y - dev[i].y) >= 1e-4)
      return false;
    prev = dev[i];
    have_prev = true;
  }
  return true;
}

// Appends the path (vertices already in surface coordinates) to `cr`. Segments touching a
// non-finite vertex are dropped; drawing resumes with a move to the next finite end point.
void append_path(cairo_t* cr, const Path& path, const std::vector<Point>& v) {
  const std::size_t n = v.size();
  bool open = false;  // a current point exists
  Point cur{};
  for (std::size_t i = 0; i < n;) {
    const PathCode c = path.code(i);
    switch (c) {
      case PathCode::stop:
        return;
      case PathCode::moveto:
        if (finite(v[i])) {
          cairo_move_to(cr, v[i].x, v[i].y);
          cur = v[i];
          open = true;
        } else {
          open = false;
        }
        i += 1;
        break;
      case PathCode::lineto:
        if (finite(v[i])) {
          if (open)
            cairo_line_to(cr, v[i].x, v[i].y);
          else
            cairo_move_to(cr, v[i].x, v[i].y);
          cur = v[i];
          open = true;
        } else {
          open = false;
        }
        i += 1;
        break;
      case PathCode::curve3: {
        if (i + 1 >= n) return;
        const Point q = v[i], e = v[i + 1];
        if (finite(q) && finite(e)) {
          if (open) {
            cairo_curve_to(cr, cur.x + 2.0 / 3.0 * (q.x - cur.x), cur.y + 2.0 / 3.0 * (q.y - cur.y),
                           e.x + 2.0 / 3.0 * (q.x - e.x), e.y + 2.0 / 3.0 * (q.y - e.y), e.x, e.y);
          } else {
            cairo_move_to(cr, e.x, e.y);
          }
          cur = e;
          open = true;
        } else {
          open = false;
        }
        i += 2;
        break;
      }
      case PathCode::curve4: {
        if (i + 2 >= n) return;
        const Point c1 = v[i], c2 = v[i + 1], e = v[i + 2];
        if (finite(c1) && finite(c2) && finite(e)) {
          if (open)
            cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, e.x, e.y);
          else
            cairo_move_to(cr, e.x, e.y);
          cur = e;
          open = true;
        } else {
          open = false;
        }
        i += 3;
        break;
      }
      case PathCode::closepoly:
        if (open) cairo_close_path(cr);
        i += 1;
        break;
      default:
        i += 1;
        break;
    }
  }
}

void set_source(cairo_t* cr, const Rgba& c) {
  cairo_set_source_rgba(cr, std::clamp(c.r, 0.0, 1.0), std::clamp(c.g, 0.0, 1.0),
                        std::clamp(c.b, 0.0, 1.0), std::clamp(c.a, 0.0, 1.0));
}

cairo_line_cap_t to_cairo(CapStyle s) {
  switch (s) {
    case CapStyle::round:
      return CAIRO_LINE_CAP_ROUND;
    case CapStyle::projecting:
      return CAIRO_LINE_CAP_SQUARE;
    case CapStyle::butt:
    default:
      return CAIRO_LINE_CAP_BUTT;
  }
}

cairo_line_join_t to_cairo(JoinStyle s) {
  switch (s) {
    case JoinStyle::miter:
      return CAIRO_LINE_JOIN_MITER;
    case JoinStyle::bevel:
      return CAIRO_LINE_JOIN_BEVEL;
    case JoinStyle::round:
    default:
      return CAIRO_LINE_JOIN_ROUND;
  }
}

// ---------------------------------------------------------------------------------------
// Blending
// ---------------------------------------------------------------------------------------

// One pixel: dst = src + dst * (255 - src_a) / 255 per channel, with pixman's rounding
// (t = x * y + 128; (t + (t >> 8)) >> 8) and a saturating add, two channels at a time.
inline std::uint32_t over_px(std::uint32_t s, std::uint32_t d) {
  const std::uint32_t ia = 255u - (s >> 24);
  std::uint32_t rb = (d & 0x00ff00ffu) * ia + 0x00800080u;
  rb = ((rb + ((rb >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
  std::uint32_t ag = ((d >> 8) & 0x00ff00ffu) * ia + 0x00800080u;
  ag = ((ag + ((ag >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
  // Saturating adds in 16-bit lanes (sums <= 510).
  rb += s & 0x00ff00ffu;
  rb |= 0x01000100u - ((rb >> 8) & 0x00010001u);  // lanes >= 256 -> low byte all ones
  ag += (s >> 8) & 0x00ff00ffu;
  ag |= 0x01000100u - ((ag >> 8) & 0x00010001u);
  return (rb & 0x00ff00ffu) | ((ag & 0x00ff00ffu) << 8);
}

inline void blend_span_scalar(std::uint32_t* dst, const std::uint32_t* src, int n) {
  for (int i = 0; i < n; ++i) {
    const std::uint32_t s = src[i];
    if (s == 0) continue;     // fully transparent: dst unchanged
    if ((s >> 24) == 255u) {  // fully opaque: copy
      dst[i] = s;
      continue;
    }
    dst[i] = over_px(s, dst[i]);
  }
}

#ifdef __SSE2__
inline void blend_span_sse2(std::uint32_t* dst, const std::uint32_t* src, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    const __m128i s = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
    __m128i* dp = reinterpret_cast<__m128i*>(dst + i);
    _mm_storeu_si128(dp, over4(s, _mm_loadu_si128(dp)));
  }
  const int rest = n - i;
  if (rest == 0) return;
  if (rest == 1) {
    std::uint32_t d;
    std::uint32_t s;
    std::memcpy(&s, src + i, 4);
    std::memcpy(&d, dst + i, 4);
    const __m128i r =
        over4(_mm_cvtsi32_si128(static_cast<int>(s)), _mm_cvtsi32_si128(static_cast<int>(d)));
    const auto out = static_cast<std::uint32_t>(_mm_cvtsi128_si32(r));
    std::memcpy(dst + i, &out, 4);
    return;
  }
  // 2 or 3 pixels: a 64-bit load plus, for 3, one more 32-bit lane.
  __m128i s = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(src + i));
  __m128i d = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(dst + i));
  if (rest == 3) {
    std::uint32_t s2;
    std::uint32_t d2;
    std::memcpy(&s2, src + i + 2, 4);
    std::memcpy(&d2, dst + i + 2, 4);
    s = _mm_unpacklo_epi64(s, _mm_cvtsi32_si128(static_cast<int>(s2)));
    d = _mm_unpacklo_epi64(d, _mm_cvtsi32_si128(static_cast<int>(d2)));
  }
  const __m128i r = over4(s, d);
  _mm_storel_epi64(reinterpret_cast<__m128i*>(dst + i), r);
  if (rest == 3) {
    const auto out = static_cast<std::uint32_t>(_mm_cvtsi128_si32(_mm_srli_si128(r, 8)));
    std::memcpy(dst + i + 2, &out, 4);
  }
}
#endif

// Scalar blender: the stamp's non-empty span of each row, pixel by pixel.
struct ScalarBlender {
  const Stamp& st;
  explicit ScalarBlender(const Stamp& s) : st(s) {}
  [[nodiscard]] int padded_width() const { return st.width; }
  // Blends row r of a stamp whose columns are all visible; `dst` points at column 0.
  struct RowOp {
    const std::uint32_t* pixels;
    const std::int32_t* row_begin;
    const std::int32_t* row_end;
    int width;
    void operator()(std::uint32_t* dst, int r) const {
      const int cb = row_begin[r];
      const int ce = row_end[r];
      blend_span_scalar(dst + cb, pixels + static_cast<std::ptrdiff_t>(r) * width + cb, ce - cb);
    }
  };
  [[nodiscard]] RowOp row_op() const {
    return {st.pixels.data(), st.row_begin.data(), st.row_end.data(), st.width};
  }
  // Columns [c, c + n) of row r; `dst` points at the canvas pixel under column c.
  void span(std::uint32_t* dst, int r, int c, int n) const {
    blend_span_scalar(dst, st.pixels.data() + static_cast<std::ptrdiff_t>(r) * st.width + c, n);
  }
};

#ifdef __SSE2__
// SSE2 blender. Whole rows of an unclipped stamp are blended 4 pixels at a time over the
// stamp's width rounded up to a multiple of 4: the extra (and any transparent) pixels blend
// to exactly the canvas value (255 - 0 = 255 and x * 255 / 255 rounds to x), so every pixel
// gets the same bytes as the scalar path. The source pixels and their 255 - alpha, widened to
// 16-bit lanes, are prepared once per call.
class Sse2Blender {
 public:
  explicit Sse2Blender(const Stamp& s)
      : st_(s),
        full_((s.width % 4 == 3) ? s.width / 4 + 1 : s.width / 4),
        half_(s.width % 4 == 1 || s.width % 4 == 2),
        per_row_(full_ + (half_ ? 1 : 0)),
        groups_(static_cast<std::size_t>(per_row_ * s.height)) {
    const __m128i zero = _mm_setzero_si128();
    for (int r = 0; r < s.height; ++r) {
      for (int g = 0; g < per_row_; ++g) {
        alignas(16) std::uint32_t q[4] = {0, 0, 0, 0};
        for (int i = 0; i < 4; ++i) {
          const int c = g * 4 + i;
          if (c < s.width) q[i] = s.pixels[static_cast<std::size_t>(r * s.width + c)];
        }
        Group& G = groups_[static_cast<std::size_t>(r * per_row_ + g)];
        G.src = _mm_load_si128(reinterpret_cast<const __m128i*>(q));
        const __m128i ns = _mm_xor_si128(G.src, _mm_set1_epi32(-1));
        const __m128i lo = _mm_unpacklo_epi8(ns, zero);
        const __m128i hi = _mm_unpackhi_epi8(ns, zero);
        G.ia_lo = _mm_shufflehi_epi16(_mm_shufflelo_epi16(lo, _MM_SHUFFLE(3, 3, 3, 3)),
                                      _MM_SHUFFLE(3, 3, 3, 3));
        G.ia_hi = _mm_shufflehi_epi16(_mm_shufflelo_epi16(hi, _MM_SHUFFLE(3, 3, 3, 3)),
                                      _MM_SHUFFLE(3, 3, 3, 3));
      }
    }
  }
  /// Width blended per unclipped row: groups of 4 pixels, plus 2 for a width of 4k + 1 or
  /// 4k + 2 (a 4k + 3 width takes a whole extra group).
  [[nodiscard]] int padded_width() const { return full_ * 4 + (half_ ? 2 : 0); }
  // A copy of what a row needs, for the caller to keep in registers (stores to the canvas
  // could otherwise alias the blender's members and force reloads).
  struct RowOp {
    const void* groups;
    int full;
    int per_row;
    bool half;
    void operator()(std::uint32_t* dst, int r) const {
      row_impl(static_cast<const Group*>(groups) + static_cast<std::ptrdiff_t>(r) * per_row, full,
               half, dst);
    }
  };
  [[nodiscard]] RowOp row_op() const { return {groups_.data(), full_, per_row_, half_}; }
  // The same with the row shape fixed at compile time (small stamps: the loop unrolls).
  template <int Full, bool Half>
  struct FixedRowOp {
    const void* groups;
    void operator()(std::uint32_t* dst, int r) const {
      row_impl(static_cast<const Group*>(groups) +
                   static_cast<std::ptrdiff_t>(r) * (Full + (Half ? 1 : 0)),
               Full, Half, dst);
    }
  };
  template <int Full, bool Half>
  [[nodiscard]] FixedRowOp<Full, Half> fixed_row_op() const {
    return {groups_.data()};
  }
  [[nodiscard]] int full_groups() const { return full_; }
  [[nodiscard]] bool half_group() const { return half_; }
  void span(std::uint32_t* dst, int r, int c, int n) const {
    blend_span_sse2(dst, st_.pixels.data() + static_cast<std::ptrdiff_t>(r) * st_.width + c, n);
  }

 private:
  struct Group {
    __m128i src;    // 4 premultiplied pixels (zeros past the stamp's width)
    __m128i ia_lo;  // 255 - alpha of pixels 0, 1, in 16-bit lanes
    __m128i ia_hi;  // 255 - alpha of pixels 2, 3
  };
  static void row_impl(const Group* g, int full, bool half, std::uint32_t* dst) {
    const __m128i zero = _mm_setzero_si128();
    const __m128i bias = _mm_set1_epi16(128);
    const __m128i k257 = _mm_set1_epi16(257);
    for (int k = 0; k < full; ++k, ++g, dst += 4) {
      __m128i* dp = reinterpret_cast<__m128i*>(dst);
      const __m128i d = _mm_loadu_si128(dp);
      const __m128i lo = _mm_mulhi_epu16(
          _mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(d, zero), g->ia_lo), bias), k257);
      const __m128i hi = _mm_mulhi_epu16(
          _mm_add_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(d, zero), g->ia_hi), bias), k257);
      _mm_storeu_si128(dp, _mm_adds_epu8(_mm_packus_epi16(lo, hi), g->src));
    }
    if (half) {
      __m128i* dp = reinterpret_cast<__m128i*>(dst);
      const __m128i d = _mm_loadl_epi64(dp);
      const __m128i lo = _mm_mulhi_epu16(
          _mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(d, zero), g->ia_lo), bias), k257);
      _mm_storel_epi64(dp, _mm_adds_epu8(_mm_packus_epi16(lo, lo), g->src));
    }
  }
  const Stamp& st_;
  int full_;
  bool half_;
  int per_row_;
  std::vector<Group> groups_;
};
#endif

// The shared driver: culling, integer placement and per-row clipping. Positions are taken in
// small batches: stage 1 finds the stamp corners of the visible markers and prefetches their
// canvas rows, stage 2 blends them (in order, so overlapping markers compose as drawn).
// Random positions miss the caches otherwise: the loop is memory-bound on a 640x480 canvas.
// `row_op(dst, r)` blends row r of a stamp whose padded row lies inside the clip; the
// blender's `span` blends a clipped part of a row.
template <typename Blender, typename RowOp>
void blend_impl(std::uint8_t* data, int stride, const PixelClip& clip, const Stamp& stamp,
                std::span<const Point> positions, const Blender& blender, const RowOp row_op) {
  const int w = stamp.width;
  const int h = stamp.height;
  const int pw = blender.padded_width();
  // Loose bounds on x + 0.5 (and y + 0.5) outside which the stamp surely misses the clip;
  // they also keep the integer conversion in range and reject NaN.
  const double xlo = static_cast<double>(clip.x0) - stamp.ox - w - 1.0;
  const double xhi = static_cast<double>(clip.x1) - stamp.ox + 1.0;
  const double ylo = static_cast<double>(clip.y0) - stamp.oy - h - 1.0;
  const double yhi = static_cast<double>(clip.y1) - stamp.oy + 1.0;
  const std::int32_t* rb = stamp.row_begin.data();
  const std::int32_t* re = stamp.row_end.data();

  // Batches small enough that the prefetched rows stay in L1 (about 2 lines per stamp row).
  constexpr std::size_t kBatch = 64;
  const std::size_t batch = std::clamp<std::size_t>(static_cast<std::size_t>(48 / h), 4, kBatch);
  int bx[kBatch];
  int by[kBatch];
  const std::size_t n = positions.size();
  const Point* pos = positions.data();
  const auto base = reinterpret_cast<std::uintptr_t>(data);
  const auto row_bytes = static_cast<std::uintptr_t>(pw) * 4 - 1;
  for (std::size_t start = 0; start < n;) {
    // Stage 1: integer top-left corners of the stamps that touch the clip; prefetch their
    // canvas rows (random positions miss the caches otherwise) so that they have arrived
    // when stage 2 blends the batch.
    std::size_t m = 0;
    for (; start < n && m < batch; ++start) {
      const double fx = pos[start].x + 0.5;
      const double fy = pos[start].y + 0.5;
      if (!(fx > xlo && fx < xhi && fy > ylo && fy < yhi)) continue;  // culled, or NaN/inf
      int ix = static_cast<int>(fx);  // floor: truncate, then fix negative non-integers
      ix -= static_cast<int>(static_cast<double>(ix) > fx);
      int iy = static_cast<int>(fy);
      iy -= static_cast<int>(static_cast<double>(iy) > fy);
      const int px = ix + stamp.ox;
      const int py = iy + stamp.oy;
      if (px >= clip.x1 || px + w <= clip.x0 || py >= clip.y1 || py + h <= clip.y0) continue;
      bx[m] = px;
      by[m] = py;
      ++m;
#if defined(__GNUC__)
      // Addresses computed as integers: prefetching outside the buffer is harmless.
      std::uintptr_t q =
          base + static_cast<std::uintptr_t>(static_cast<std::intptr_t>(py) * stride +
                                             static_cast<std::intptr_t>(px) * 4);
      for (int y = 0; y < h;
           ++y, q += static_cast<std::uintptr_t>(static_cast<std::intptr_t>(stride))) {
        __builtin_prefetch(reinterpret_cast<const void*>(q), 1, 3);
        __builtin_prefetch(reinterpret_cast<const void*>(q + row_bytes), 1, 3);
      }
#endif
    }
    // Stage 2: blend.
    for (std::size_t k = 0; k < m; ++k) {
      const int px = bx[k];
      const int py = by[k];
      const int r0 = std::max(0, clip.y0 - py);
      const int r1 = std::min(h, clip.y1 - py);
      std::uint8_t* row = data + static_cast<std::ptrdiff_t>(py + r0) * stride;  // canvas row start
      if (px >= clip.x0 && px + pw <= clip.x1) {  // whole (padded) rows visible
        row += static_cast<std::ptrdiff_t>(px) * 4;
        for (int r = r0; r < r1; ++r, row += stride)
          row_op(reinterpret_cast<std::uint32_t*>(row), r);
      } else {
        const int cmin = clip.x0 - px;  // first visible stamp column
        const int cmax = clip.x1 - px;  // one past the last visible stamp column
        for (int r = r0; r < r1; ++r, row += stride) {
          const int cb = std::max(rb[r], cmin);
          const int ce = std::min(re[r], cmax);
          if (cb < ce)
            blender.span(reinterpret_cast<std::uint32_t*>(row) + (px + cb), r, cb, ce - cb);
        }
      }
    }
  }
}

// One-pixel stamps (the "," marker): the pixel address of each position, prefetched a batch
// ahead, then one "over" (a plain store when the stamp is opaque). Same placement and
// rounding as blend_impl.
void blend_single_pixels(std::uint8_t* data, int stride, const PixelClip& clip, const Stamp& stamp,
                         std::span<const Point> positions) {
  const std::uint32_t src = stamp.pixels[0];
  if ((src >> 24) == 0) return;
  const bool opaque = (src >> 24) == 0xff;
  // Loose bounds (as blend_impl's): reject NaN, keep the integer conversion in range.
  const double xlo = static_cast<double>(clip.x0) - stamp.ox - 2.0;
  const double xhi = static_cast<double>(clip.x1) - stamp.ox + 1.0;
  const double ylo = static_cast<double>(clip.y0) - stamp.oy - 2.0;
  const double yhi = static_cast<double>(clip.y1) - stamp.oy + 1.0;
  constexpr std::size_t kBatch = 32;
  std::uint32_t* where[kBatch];
  const std::size_t n = positions.size();
  const Point* pos = positions.data();
  for (std::size_t start = 0; start < n;) {
    std::size_t m = 0;
    for (; start < n && m < kBatch; ++start) {
      const double fx = pos[start].x + 0.5;
      const double fy = pos[start].y + 0.5;
      if (!(fx > xlo && fx < xhi && fy > ylo && fy < yhi)) continue;  // culled, or NaN/inf
      int ix = static_cast<int>(fx);
      ix -= static_cast<int>(static_cast<double>(ix) > fx);
      int iy = static_cast<int>(fy);
      iy -= static_cast<int>(static_cast<double>(iy) > fy);
      const int px = ix + stamp.ox;
      const int py = iy + stamp.oy;
      if (px < clip.x0 || px >= clip.x1 || py < clip.y0 || py >= clip.y1) continue;
      std::uint32_t* q = reinterpret_cast<std::uint32_t*>(
          data + static_cast<std::ptrdiff_t>(py) * stride + static_cast<std::ptrdiff_t>(px) * 4);
#if defined(__GNUC__)
      __builtin_prefetch(q, 1, 3);
#endif
      where[m++] = q;
    }
    if (opaque) {
      for (std::size_t k = 0; k < m; ++k) std::memcpy(where[k], &src, 4);
    } else {
      for (std::size_t k = 0; k < m; ++k) {
        std::uint32_t d;
        std::memcpy(&d, where[k], 4);
        d = over_px(src, d);
        std::memcpy(where[k], &d, 4);
      }
    }
  }
}

bool nothing_to_blend(const std::uint8_t* data, const PixelClip& clip, const Stamp& stamp,
                      std::span<const Point> positions) {
  return stamp.empty() || data == nullptr || positions.empty() || clip.x1 <= clip.x0 ||
         clip.y1 <= clip.y0 ||
         stamp.pixels.size() <
             static_cast<std::size_t>(stamp.width) * static_cast<std::size_t>(stamp.height) ||
         stamp.row_begin.size() < static_cast<std::size_t>(stamp.height) ||
         stamp.row_end.size() < static_cast<std::size_t>(stamp.height);
}

}  // namespace

Stamp make_stamp(const GraphicsContext& gc, const Path& marker_path,
                 const Affine2D& marker_transform, const std::optional<Rgba>& fill, double dpi) {
  Stamp st;
  if (marker_path.empty()) return st;

  const double lw =
      gc.linewidth > 0 && std::isfinite(gc.linewidth) ? gc.linewidth * dpi / 72.0 : 0.0;
  const Rgba edge = gc.effective_color();
  const bool do_stroke = lw > 0 && edge.a > 0;
  const std::optional<Rgba> face =
      fill ? std::optional<Rgba>(gc.effective_fill(*fill)) : std::nullopt;
  const bool do_fill = face && face->a > 0;
  if (!do_stroke && !do_fill) return st;

  // Device-space vertices relative to the integer marker position's pixel corner, y down.
  const auto& src = marker_path.vertices();
  std::vector<Point> dev(src.size());
  for (std::size_t i = 0; i < src.size(); ++i) {
    const Point q = marker_transform.transform(src[i]);
    dev[i] = {q.x, -q.y};
  }
  const bool snap = gc.snap ? *gc.snap : auto_snap(marker_path, dev);
  if (snap) {
    // PathSnapper: nearest pixel corner, plus half a pixel for odd stroke widths.
    const double sv = (static_cast<long long>(std::floor(lw + 0.5)) % 2) != 0 ? 0.5 : 0.0;
    for (auto& q : dev) q = {std::floor(q.x + 0.5) + sv, std::floor(q.y + 0.5) + sv};
  } else {
    // Agg: "make sure the marker at (0, 0) is in the center of a pixel".
    for (auto& q : dev) q = {q.x + 0.5, q.y + 0.5};
  }

  const Path placed = marker_path.has_codes() ? Path(dev, marker_path.codes()) : Path(dev);
  const Bbox ext = placed.get_extents();
  if (ext.is_null() || !std::isfinite(ext.x0) || !std::isfinite(ext.x1) || !std::isfinite(ext.y0) ||
      !std::isfinite(ext.y1))
    return st;

  // Half the stroke width, grown for miters (limit = width in px, as matplotlib's Agg) and
  // projecting caps; then 2 px of slack. The result is trimmed below, so generous is fine.
  double reach = 0.0;
  if (do_stroke) {
    const double miter_limit = lw;
    double k = gc.capstyle == CapStyle::projecting ? std::sqrt(2.0) : 1.0;
    if (gc.joinstyle == JoinStyle::miter) k = std::max(k, miter_limit);
    reach = 0.5 * lw * k;
  }
  const double pad = reach + 2.0;
  const double fx0 = std::floor(ext.x0 - pad), fx1 = std::floor(ext.x1 + pad) + 1.0;
  const double fy0 = std::floor(ext.y0 - pad), fy1 = std::floor(ext.y1 + pad) + 1.0;
  if (fx1 - fx0 > kMaxStampSide || fy1 - fy0 > kMaxStampSide || std::abs(fx0) > 1e6 ||
      std::abs(fy0) > 1e6) {
    st.oversized = true;
    return st;
  }
  const int ox = static_cast<int>(fx0);
  const int oy = static_cast<int>(fy0);
  const int w = static_cast<int>(fx1 - fx0);
  const int h = static_cast<int>(fy1 - fy0);
  for (auto& q : dev) q = {q.x - ox, q.y - oy};

  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return st;
  std::unique_ptr<cairo_t, ContextDeleter> ctx(cairo_create(surface.get()));
  cairo_t* cr = ctx.get();
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) return st;
  cairo_set_antialias(cr, gc.antialiased ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  append_path(cr, marker_path, dev);
  if (do_fill) {
    set_source(cr, *face);
    if (do_stroke)
      cairo_fill_preserve(cr);
    else
      cairo_fill(cr);
  }
  if (do_stroke) {
    set_source(cr, edge);
    cairo_set_line_width(cr, lw);
    cairo_set_line_cap(cr, to_cairo(gc.capstyle));
    cairo_set_line_join(cr, to_cairo(gc.joinstyle));
    cairo_set_miter_limit(cr, lw);
    if (!gc.dashes.solid()) {
      std::vector<double> dash;
      dash.reserve(gc.dashes.pattern.size());
      double total = 0.0;
      bool valid = true;
      for (double d : gc.dashes.pattern) {
        const double v = d * dpi / 72.0;
        if (!(v >= 0.0) || !std::isfinite(v)) valid = false;
        total += v;
        dash.push_back(v);
      }
      if (valid && total > 0.0)
        cairo_set_dash(cr, dash.data(), static_cast<int>(dash.size()),
                       gc.dashes.offset * dpi / 72.0);
    }
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
  cairo_surface_flush(surface.get());

  // Read back, find the non-empty rows and columns, trim.
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int sstride = cairo_image_surface_get_stride(surface.get());
  if (data == nullptr) return st;
  auto px_at = [&](int x, int y) {
    std::uint32_t v;
    std::memcpy(
        &v, data + static_cast<std::ptrdiff_t>(y) * sstride + static_cast<std::ptrdiff_t>(x) * 4,
        4);
    return v;
  };
  int r0 = h, r1 = -1, c0 = w, c1 = -1;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (px_at(x, y) != 0) {
        r0 = std::min(r0, y);
        r1 = std::max(r1, y);
        c0 = std::min(c0, x);
        c1 = std::max(c1, x);
      }
    }
  }
  if (r1 < 0) return st;  // nothing visible
  st.width = c1 - c0 + 1;
  st.height = r1 - r0 + 1;
  st.ox = ox + c0;
  st.oy = oy + r0;
  st.pixels.resize(static_cast<std::size_t>(st.width) * static_cast<std::size_t>(st.height));
  st.row_begin.assign(static_cast<std::size_t>(st.height), 0);
  st.row_end.assign(static_cast<std::size_t>(st.height), 0);
  for (int y = 0; y < st.height; ++y) {
    int b = -1, e = -1;
    for (int x = 0; x < st.width; ++x) {
      const std::uint32_t v = px_at(c0 + x, r0 + y);
      st.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(st.width) +
                static_cast<std::size_t>(x)] = v;
      if (v != 0) {
        if (b < 0) b = x;
        e = x + 1;
      }
    }
    if (b >= 0) {
      st.row_begin[static_cast<std::size_t>(y)] = b;
      st.row_end[static_cast<std::size_t>(y)] = e;
    }
  }
  return st;
}

void blend_stamps(std::uint8_t* data, int stride, const PixelClip& clip, const Stamp& stamp,
                  std::span<const Point> positions) {
  if (nothing_to_blend(data, clip, stamp, positions)) return;
  if (stamp.width == 1 && stamp.height == 1) {
    blend_single_pixels(data, stride, clip, stamp, positions);
    return;
  }
#ifdef __SSE2__
  const Sse2Blender b(stamp);
  const int full = b.full_groups();
  const bool half = b.half_group();
  // Common small widths get a row blender with the shape fixed at compile time.
  if (full == 1 && !half)  // widths 3, 4
    blend_impl(data, stride, clip, stamp, positions, b, b.fixed_row_op<1, false>());
  else if (full == 1 && half)  // 5, 6
    blend_impl(data, stride, clip, stamp, positions, b, b.fixed_row_op<1, true>());
  else if (full == 2 && !half)  // 7, 8
    blend_impl(data, stride, clip, stamp, positions, b, b.fixed_row_op<2, false>());
  else if (full == 2 && half)  // 9, 10
    blend_impl(data, stride, clip, stamp, positions, b, b.fixed_row_op<2, true>());
  else if (full == 3 && !half)  // 11, 12
    blend_impl(data, stride, clip, stamp, positions, b, b.fixed_row_op<3, false>());
  else
    blend_impl(data, stride, clip, stamp, positions, b, b.row_op());
#else
  const ScalarBlender b(stamp);
  blend_impl(data, stride, clip, stamp, positions, b, b.row_op());
#endif
}

namespace detail {
void blend_stamps_scalar(std::uint8_t* data, int stride, const PixelClip& clip, const Stamp& stamp,
                         std::span<const Point> positions) {
  if (nothing_to_blend(data, clip, stamp, positions)) return;
  const ScalarBlender b(stamp);
  blend_impl(data, stride, clip, stamp, positions, b, b.row_op());
}
}  // namespace detail

}  // namespace strata::cairo_backend
