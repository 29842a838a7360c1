// SPDX-License-Identifier: MIT
#include "marker_disks.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <vector>

namespace strata::cairo_backend {

std::optional<double> circle_radius(const Path& path) {
  if (!path.has_codes() || path.size() < 13) return std::nullopt;
  const auto& v = path.vertices();
  double r = -1;
  std::size_t arcs = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const PathCode c = path.code(i);
    if (c == PathCode::closepoly) {
      if (i + 1 != v.size()) return std::nullopt;
      continue;
    }
    if (c == PathCode::moveto) {
      if (i != 0) return std::nullopt;
    } else if (c == PathCode::curve4) {
      // Curve vertices come in threes; the third is on the circle.
      if (i + 2 >= v.size() || path.code(i + 1) != PathCode::curve4 ||
          path.code(i + 2) != PathCode::curve4) {
        return std::nullopt;
      }
      i += 2;
      ++arcs;
    } else {
      return std::nullopt;
    }
    const double d = std::hypot(v[i].x, v[i].y);
    if (r < 0) {
      r = d;
    } else if (std::abs(d - r) > 1e-9 * std::max(1.0, r)) {
      return std::nullopt;
    }
  }
  if (arcs < 4 || !(r > 0)) return std::nullopt;
  return r;
}

namespace {

// Coverage of the pixel whose centre is at distance d by a disk of radius R (unnormalised).
inline float disk_cov(float radius, float d) { return std::clamp(radius + 0.5f - d, 0.0f, 1.0f); }

// Premultiplied "over" of color (r, g, b) with alpha `sa` onto one ARGB32 pixel.
inline std::uint32_t over(std::uint32_t px, float r, float g, float b, float sa) {
  const float keep = 1.0f - sa;
  const float s255 = sa * 255.0f;
  auto chan = [&](float src, std::uint32_t dst) {
    const float v = src * s255 + static_cast<float>(dst) * keep + 0.5f;
    return static_cast<std::uint32_t>(std::min(v, 255.0f));
  };
  return (chan(1.0f, px >> 24) << 24) | (chan(r, (px >> 16) & 0xffu) << 16) |
         (chan(g, (px >> 8) & 0xffu) << 8) | chan(b, px & 0xffu);
}

#ifdef __SSE2__
// 4 premultiplied ARGB32 pixels of color (r, g, b) with alphas `sa`.
inline __m128i premul4(__m128 sa, float r, float g, float b) {
  const __m128 half = _mm_set1_ps(0.5f);
  const __m128 a255 = _mm_mul_ps(sa, _mm_set1_ps(255.0f));
  const __m128i A = _mm_cvttps_epi32(_mm_add_ps(a255, half));
  const __m128i R = _mm_cvttps_epi32(_mm_add_ps(_mm_mul_ps(a255, _mm_set1_ps(r)), half));
  const __m128i G = _mm_cvttps_epi32(_mm_add_ps(_mm_mul_ps(a255, _mm_set1_ps(g)), half));
  const __m128i B = _mm_cvttps_epi32(_mm_add_ps(_mm_mul_ps(a255, _mm_set1_ps(b)), half));
  return _mm_or_si128(_mm_or_si128(_mm_slli_epi32(A, 24), _mm_slli_epi32(R, 16)),
                      _mm_or_si128(_mm_slli_epi32(G, 8), B));
}

inline __m128 cov4(__m128 radius_plus_half, __m128 d) {
  return _mm_min_ps(_mm_max_ps(_mm_sub_ps(radius_plus_half, d), _mm_setzero_ps()),
                    _mm_set1_ps(1.0f));
}
#endif

}  // namespace

void blend_disks(std::uint8_t* data, int stride, const PixelClip& clip,
                 std::span<const DiskItem> items) {
  if (clip.x0 >= clip.x1 || clip.y0 >= clip.y1) return;
  std::vector<float> fill_cov, ring_cov;
  constexpr float kPi = std::numbers::pi_v<float>;
  for (const DiskItem& it : items) {
    if (!std::isfinite(it.cx) || !std::isfinite(it.cy) || !(it.radius >= 0)) continue;
    const bool has_fill = it.fill.has_value() && it.fill->a > 0 && it.radius > 0;
    const bool has_edge = it.edge_width > 0 && it.edge.a > 0;
    if (!has_fill && !has_edge) continue;
    const auto radius = static_cast<float>(it.radius);
    const float r_out = has_edge ? radius + static_cast<float>(it.edge_width) / 2 : radius;
    const float r_in = std::max(0.0f, radius - static_cast<float>(it.edge_width) / 2);
    // The pixels the disk can touch (coverage is 0 beyond r_out + 0.5 from the centre),
    // whole (for the area normalisation) and clipped.
    const int bx0 = static_cast<int>(std::floor(it.cx - r_out - 0.5));
    const int bx1 = static_cast<int>(std::ceil(it.cx + r_out + 0.5));
    const int by0 = static_cast<int>(std::floor(it.cy - r_out - 0.5));
    const int by1 = static_cast<int>(std::ceil(it.cy + r_out + 0.5));
    if (bx1 <= clip.x0 || bx0 >= clip.x1 || by1 <= clip.y0 || by0 >= clip.y1) continue;
    const float fa = has_fill ? static_cast<float>(it.fill->a) : 0.0f;
    const float ea = has_edge ? static_cast<float>(it.edge.a) : 0.0f;
    // The same color for face and edge (scatter's edgecolors "face"): one "over" with the
    // combined alpha 1 - (1 - a k_fill)(1 - a k_ring), which is what the two give in turn.
    const bool same = has_fill && has_edge && *it.fill == it.edge;
    const Rgba& col = has_fill ? *it.fill : it.edge;
    const auto cr = static_cast<float>(col.r), cg = static_cast<float>(col.g),
               cb = static_cast<float>(col.b);
    const auto er = static_cast<float>(it.edge.r), eg = static_cast<float>(it.edge.g),
               eb = static_cast<float>(it.edge.b);
    auto blend = [&](std::uint32_t* px_ptr, float sf, float se) {
      if (sf <= 0.0f && se <= 0.0f) return;
      std::uint32_t px;
      std::memcpy(&px, px_ptr, sizeof px);
      if (same) {
        px = over(px, cr, cg, cb, 1.0f - (1.0f - sf) * (1.0f - se));
      } else {
        if (sf > 0.0f) px = over(px, cr, cg, cb, sf);
        if (se > 0.0f) px = over(px, er, eg, eb, se);
      }
      std::memcpy(px_ptr, &px, sizeof px);
    };
    const int x0 = std::max(bx0, clip.x0), x1 = std::min(bx1, clip.x1);
    const int y0 = std::max(by0, clip.y0), y1 = std::min(by1, clip.y1);
    // Shapes of 0.75 px radius and more: the clamp formula with the radius shrunk to
    // sqrt(R^2 - 1/12) (the pixel box's variance) has the exact area on average over
    // sub-pixel positions (within 5 % for R >= 1, 9 % at 0.75), so each pixel is blended
    // as computed, in one pass over the pixels within reach of the centre (found per row).
    if ((!has_fill || radius >= 0.75f) && r_out >= 0.75f) {
      auto shrink = [](float r) { return std::sqrt(std::max(r * r - 1.0f / 12.0f, 0.0f)); };
      const float rf = shrink(radius), ro = shrink(r_out), ri = r_in > 0 ? shrink(r_in) : 0.0f;
      const float reach = r_out + 0.5f;
      const auto fcx = static_cast<float>(it.cx);
      for (int y = y0; y < y1; ++y) {
        const float dy = static_cast<float>(y) + 0.5f - static_cast<float>(it.cy);
        const float span2 = reach * reach - dy * dy;
        if (span2 <= 0.0f) continue;
        const float half = std::sqrt(span2);
        const int xa = std::max(x0, static_cast<int>(std::floor(fcx - half - 0.5f)));
        const int xb = std::min(x1, static_cast<int>(std::ceil(fcx - 0.5f + half)) + 1);
        auto* row =
            reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        const float dy2 = dy * dy;
        int x = xa;
#ifdef __SSE2__
        {
          const __m128 vdy2 = _mm_set1_ps(dy2);
          const __m128 rfh = _mm_set1_ps(rf + 0.5f), roh = _mm_set1_ps(ro + 0.5f),
                       rih = _mm_set1_ps(ri + 0.5f);
          const __m128 vfa = _mm_set1_ps(has_fill ? fa : 0.0f);
          const __m128 vea = _mm_set1_ps(has_edge ? ea : 0.0f);
          const __m128 one = _mm_set1_ps(1.0f);
          // Whole groups of 4 (pixels beyond the disk get coverage 0, which leaves them
          // unchanged), as far as the clip allows; the scalar loop does the rest.
          const int xb4 = std::min(xa + (xb - xa + 3) / 4 * 4, x1);
          for (; x + 4 <= xb4; x += 4) {
            const __m128 dx = _mm_sub_ps(
                _mm_add_ps(_mm_set1_ps(static_cast<float>(x)), _mm_setr_ps(0.5f, 1.5f, 2.5f, 3.5f)),
                _mm_set1_ps(fcx));
            const __m128 d = _mm_sqrt_ps(_mm_add_ps(_mm_mul_ps(dx, dx), vdy2));
            const __m128 sf = _mm_mul_ps(vfa, cov4(rfh, d));
            __m128 ring = cov4(roh, d);
            if (ri > 0) ring = _mm_sub_ps(ring, cov4(rih, d));
            const __m128 se = _mm_mul_ps(vea, ring);
            __m128i* dp = reinterpret_cast<__m128i*>(row + x);
            __m128i dst = _mm_loadu_si128(dp);
            if (same) {
              const __m128 sa =
                  _mm_sub_ps(one, _mm_mul_ps(_mm_sub_ps(one, sf), _mm_sub_ps(one, se)));
              dst = over4(premul4(sa, cr, cg, cb), dst);
            } else {
              if (has_fill) dst = over4(premul4(sf, cr, cg, cb), dst);
              if (has_edge) dst = over4(premul4(se, er, eg, eb), dst);
            }
            _mm_storeu_si128(dp, dst);
          }
        }
#endif
        for (; x < xb; ++x) {
          const float dx = static_cast<float>(x) + 0.5f - fcx;
          const float d = std::sqrt(dx * dx + dy2);
          const float sf = has_fill ? fa * disk_cov(rf, d) : 0.0f;
          const float se =
              has_edge ? ea * (disk_cov(ro, d) - (ri > 0 ? disk_cov(ri, d) : 0.0f)) : 0.0f;
          blend(row + x, sf, se);
        }
      }
      continue;
    }
    const int w = bx1 - bx0;
    const int h = by1 - by0;
    const auto cells = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    fill_cov.resize(cells);
    ring_cov.resize(cells);
    float fill_sum = 0, ring_sum = 0;
    const auto fcx = static_cast<float>(it.cx - bx0);
    const auto fcy = static_cast<float>(it.cy - by0);
    for (int y = 0; y < h; ++y) {
      const float dy = static_cast<float>(y) + 0.5f - fcy;
      float* fc = fill_cov.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(w);
      float* rc = ring_cov.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(w);
      for (int x = 0; x < w; ++x) {
        const float dx = static_cast<float>(x) + 0.5f - fcx;
        const float d = std::sqrt(dx * dx + dy * dy);
        const float f = has_fill ? disk_cov(radius, d) : 0.0f;
        const float rr =
            has_edge ? disk_cov(r_out, d) - (r_in > 0 ? disk_cov(r_in, d) : 0.0f) : 0.0f;
        fc[x] = f;
        rc[x] = rr;
        fill_sum += f;
        ring_sum += rr;
      }
    }
    // Each shape's total coverage made equal to its exact area.
    const float fill_scale = fill_sum > 0 ? kPi * radius * radius / fill_sum : 0.0f;
    const float ring_scale = ring_sum > 0 ? kPi * (r_out * r_out - r_in * r_in) / ring_sum : 0.0f;
    for (int y = y0; y < y1; ++y) {
      auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
      const std::size_t base = static_cast<std::size_t>(y - by0) * static_cast<std::size_t>(w);
      for (int x = x0; x < x1; ++x) {
        const std::size_t k = base + static_cast<std::size_t>(x - bx0);
        blend(row + x, fa * std::min(fill_cov[k] * fill_scale, 1.0f),
              ea * std::min(ring_cov[k] * ring_scale, 1.0f));
      }
    }
  }
}

}  // namespace strata::cairo_backend
