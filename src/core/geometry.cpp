// SPDX-License-Identifier: MIT
#include "strata/core/geometry.hpp"

namespace strata {

Bbox Bbox::union_of(const Bbox& a, const Bbox& b) {
  if (a.is_null()) return b;
  if (b.is_null()) return a;
  Bbox r{std::min(a.xmin(), b.xmin()), std::min(a.ymin(), b.ymin()), std::max(a.xmax(), b.xmax()),
         std::max(a.ymax(), b.ymax())};
  r.minposx = std::min(a.minposx, b.minposx);
  r.minposy = std::min(a.minposy, b.minposy);
  return r;
}

std::optional<Bbox> Bbox::intersection(const Bbox& a, const Bbox& b) {
  const double x0 = std::max(a.xmin(), b.xmin());
  const double x1 = std::min(a.xmax(), b.xmax());
  const double y0 = std::max(a.ymin(), b.ymin());
  const double y1 = std::min(a.ymax(), b.ymax());
  if (x0 > x1 || y0 > y1) return std::nullopt;
  return Bbox{x0, y0, x1, y1};
}

namespace {
void grow(Bbox& b, double x, double y) {
  if (std::isfinite(x)) {
    b.x0 = std::min(b.x0, x);
    b.x1 = std::max(b.x1, x);
    if (x > 0) b.minposx = std::min(b.minposx, x);
  }
  if (std::isfinite(y)) {
    b.y0 = std::min(b.y0, y);
    b.y1 = std::max(b.y1, y);
    if (y > 0) b.minposy = std::min(b.minposy, y);
  }
}
void start(Bbox& b, bool ignore) {
  if (ignore) {
    b = Bbox::null();
  } else if (!b.is_null()) {
    // Keep the corners ordered so that min/max updates are simple.
    b = Bbox{b.xmin(), b.ymin(), b.xmax(), b.ymax(), b.minposx, b.minposy};
  }
}
}  // namespace

void Bbox::update_from_data(std::span<const double> xs, std::span<const double> ys, bool ignore) {
  start(*this, ignore);
  const std::size_t n = std::min(xs.size(), ys.size());
  for (std::size_t i = 0; i < n; ++i) grow(*this, xs[i], ys[i]);
}

void Bbox::update_from_points(std::span<const Point> pts, bool ignore) {
  start(*this, ignore);
  for (const Point& p : pts) grow(*this, p.x, p.y);
}

}  // namespace strata
