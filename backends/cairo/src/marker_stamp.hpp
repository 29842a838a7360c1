// SPDX-License-Identifier: MIT
#pragma once
// Raster markers: a marker is rasterized once into a premultiplied ARGB32 stamp, then
// blended ("over") straight into the canvas pixel buffer at every vertex. No Cairo call per
// marker. matplotlib's rule: every stamp is identical; vertex (x, y) in device space (y down)
// is placed at the integer pixel floor(x + 0.5), floor(y + 0.5) (the stamp's own origin
// offset is accounted for in `Stamp::ox/oy`).

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "strata/backend/graphics_context.hpp"
#include "strata/core/affine2d.hpp"
#include "strata/core/geometry.hpp"
#include "strata/core/path.hpp"

namespace strata::cairo_backend {

/// A premultiplied ARGB32 marker image (Cairo's pixel layout, native endian uint32).
struct Stamp {
  int width = 0;
  int height = 0;
  /// Pixel offset of the stamp's top-left corner from the integer marker position.
  int ox = 0;
  int oy = 0;
  std::vector<std::uint32_t> pixels{};  ///< width * height, premultiplied ARGB
  /// Rows' non-empty column span [begin, end), to skip transparent pixels quickly.
  std::vector<std::int32_t> row_begin{};
  std::vector<std::int32_t> row_end{};
  /// True when make_stamp refused to rasterize because the stamp would exceed
  /// kMaxStampSide pixels per side (draw such markers with Cairo directly).
  bool oversized = false;
  [[nodiscard]] bool empty() const { return width == 0 || height == 0; }
};

/// Largest stamp side make_stamp rasterizes (pixels).
inline constexpr int kMaxStampSide = 4096;

/// Rasterizes `marker_path` after `marker_transform` (device units, y up as in the Renderer
/// API; the function flips it) with an optional fill and the stroke of `gc` (color, alpha,
/// linewidth in points converted with `dpi`, joins, caps, dashes), antialiased as gc says,
/// into a Stamp. The marker's origin maps to the pixel centre of the integer position.
///
/// As matplotlib's Agg draw_markers: the fill is `gc.effective_fill(*fill)`, drawn first,
/// then the stroke in `gc.effective_color()` (width gc.linewidth * dpi / 72 px, miter limit
/// equal to that width). When the marker path is snapped (gc.snap true, or unset and the
/// path has <= 1024 vertices, no curves and only axis-aligned segments), its vertices are
/// rounded to floor(v + 0.5) + (0.5 if round(width px) is odd else 0) relative to the
/// integer position's pixel corner instead of being centred on the pixel. Returns an empty
/// stamp when nothing would be drawn, and an empty stamp with `oversized` set when a side
/// would exceed kMaxStampSide pixels.
STRATA_API Stamp make_stamp(const GraphicsContext& gc, const Path& marker_path,
                            const Affine2D& marker_transform, const std::optional<Rgba>& fill,
                            double dpi);

/// The integer pixel rectangle markers may touch: [x0, x1) x [y0, y1) in device pixels,
/// rows from the top.
struct PixelClip {
  int x0 = 0;
  int y0 = 0;
  int x1 = 0;
  int y1 = 0;
};

/// Blends `stamp` over the ARGB32 buffer at each position (device coordinates, y down,
/// already transformed; non-finite positions skipped). Stamps are clipped to `clip`, which
/// must lie inside the buffer (`data` rows of `stride` bytes, premultiplied ARGB32 as
/// Cairo's image surfaces). Per channel: dst = src + dst * (255 - src_alpha) / 255, rounded
/// as pixman rounds. Uses SSE2 where available.
STRATA_API void blend_stamps(std::uint8_t* data, int stride, const PixelClip& clip,
                             const Stamp& stamp, std::span<const Point> positions);

#ifdef __SSE2__
/// Premultiplied "over" of 4 ARGB32 source pixels onto 4 destination pixels, per channel
/// d = s + d * (255 - s_alpha) / 255 with pixman's rounding (shared by the blenders).
inline __m128i over4(__m128i s, __m128i d) {
  const __m128i zero = _mm_setzero_si128();
  const __m128i bias = _mm_set1_epi16(128);
  const __m128i ns = _mm_xor_si128(s, _mm_set1_epi32(-1));  // 255 - x per byte
  __m128i ia_lo = _mm_unpacklo_epi8(ns, zero);
  __m128i ia_hi = _mm_unpackhi_epi8(ns, zero);
  ia_lo = _mm_shufflehi_epi16(_mm_shufflelo_epi16(ia_lo, _MM_SHUFFLE(3, 3, 3, 3)),
                              _MM_SHUFFLE(3, 3, 3, 3));
  ia_hi = _mm_shufflehi_epi16(_mm_shufflelo_epi16(ia_hi, _MM_SHUFFLE(3, 3, 3, 3)),
                              _MM_SHUFFLE(3, 3, 3, 3));
  // (t + (t >> 8)) >> 8 == (t * 257) >> 16 for 0 <= t < 65536: one mulhi instead of 4 ops.
  const __m128i k257 = _mm_set1_epi16(257);
  const __m128i lo = _mm_mulhi_epu16(
      _mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(d, zero), ia_lo), bias), k257);
  const __m128i hi = _mm_mulhi_epu16(
      _mm_add_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(d, zero), ia_hi), bias), k257);
  return _mm_adds_epu8(_mm_packus_epi16(lo, hi), s);
}

#endif

namespace detail {
/// The portable per-pixel version of blend_stamps; bit-identical to the SSE2 path
/// (exposed for the tests).
STRATA_API void blend_stamps_scalar(std::uint8_t* data, int stride, const PixelClip& clip,
                                    const Stamp& stamp, std::span<const Point> positions);
}  // namespace detail

}  // namespace strata::cairo_backend
