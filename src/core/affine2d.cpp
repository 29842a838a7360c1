// SPDX-License-Identifier: MIT
#include "strata/core/affine2d.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "strata/error.hpp"

namespace strata {

Affine2D Affine2D::then(const Affine2D& s) const {
  // s * this, with matrices [[a, c, e], [b, d, f], [0, 0, 1]].
  return {s.a * a + s.c * b, s.b * a + s.d * b,       s.a * c + s.c * d,
          s.b * c + s.d * d, s.a * e + s.c * f + s.e, s.b * e + s.d * f + s.f};
}

Affine2D& Affine2D::rotate(double radians) {
  const double co = std::cos(radians);
  const double si = std::sin(radians);
  *this = then({co, si, -si, co, 0, 0});
  return *this;
}

Affine2D& Affine2D::rotate_deg(double degrees) {
  return rotate(degrees * std::numbers::pi / 180.0);
}

Affine2D& Affine2D::rotate_around(double x, double y, double radians) {
  translate(-x, -y);
  rotate(radians);
  return translate(x, y);
}

Affine2D& Affine2D::scale(double sx, double sy) {
  *this = then({sx, 0, 0, sy, 0, 0});
  return *this;
}

Affine2D& Affine2D::translate(double tx, double ty) {
  e += tx;
  f += ty;
  return *this;
}

Affine2D& Affine2D::skew(double xshear, double yshear) {
  *this = then({1, std::tan(yshear), std::tan(xshear), 1, 0, 0});
  return *this;
}

Affine2D Affine2D::inverted() const {
  const double det = determinant();
  if (det == 0 || !std::isfinite(det)) {
    throw ValueError(
        fmt::format("Affine2D.inverted: the matrix [[{}, {}, {}], [{}, {}, {}]] is "
                    "singular (determinant {})",
                    a, c, e, b, d, f, det));
  }
  const double ia = d / det;
  const double ib = -b / det;
  const double ic = -c / det;
  const double id = a / det;
  return {ia, ib, ic, id, -(ia * e + ic * f), -(ib * e + id * f)};
}

void Affine2D::transform_in_place(std::span<Point> pts) const {
  for (Point& p : pts) p = transform(p);
}

}  // namespace strata
