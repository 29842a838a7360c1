// SPDX-License-Identifier: MIT
#pragma once

#include <span>

#include "strata/core/geometry.hpp"
#include "strata/export.hpp"

namespace strata {

/// A 2-D affine transform as a value: the matrix [[a, c, e], [b, d, f], [0, 0, 1]],
/// matplotlib's Affine2D layout. `x' = a x + c y + e`, `y' = b x + d y + f`.
/// The builder methods apply a further step *after* the current one, as matplotlib's do.
///
/// **Example**
/// ```
/// auto t = strata::Affine2D().scale(2).translate(10, 0);  // first scale, then move
/// t.transform({1, 1});  // {12, 2}
/// ```
class STRATA_API Affine2D {
 public:
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

  constexpr Affine2D() = default;
  constexpr Affine2D(double a_, double b_, double c_, double d_, double e_, double f_)
      : a(a_), b(b_), c(c_), d(d_), e(e_), f(f_) {}

  [[nodiscard]] static constexpr Affine2D identity() { return {}; }
  [[nodiscard]] static Affine2D from_translation(double tx, double ty) {
    return {1, 0, 0, 1, tx, ty};
  }
  [[nodiscard]] static Affine2D from_scale(double sx, double sy) { return {sx, 0, 0, sy, 0, 0}; }

  /// Then rotate by `radians` counter-clockwise about the origin.
  Affine2D& rotate(double radians);
  Affine2D& rotate_deg(double degrees);
  Affine2D& rotate_around(double x, double y, double radians);
  Affine2D& scale(double sx, double sy);
  Affine2D& scale(double s) { return scale(s, s); }
  Affine2D& translate(double tx, double ty);
  Affine2D& skew(double xshear_radians, double yshear_radians);

  /// `first.then(second)`: apply `first`, then `second` (matplotlib's `first + second`).
  [[nodiscard]] Affine2D then(const Affine2D& second) const;
  friend Affine2D operator+(const Affine2D& first, const Affine2D& second) {
    return first.then(second);
  }
  /// The inverse; throws strata::ValueError when the matrix is singular.
  [[nodiscard]] Affine2D inverted() const;
  [[nodiscard]] double determinant() const { return a * d - b * c; }
  [[nodiscard]] bool is_identity() const {
    return a == 1 && b == 0 && c == 0 && d == 1 && e == 0 && f == 0;
  }
  /// True when the transform only scales and translates (no rotation or skew).
  [[nodiscard]] bool is_separable() const { return b == 0 && c == 0; }

  [[nodiscard]] Point transform(Point p) const {
    return {a * p.x + c * p.y + e, b * p.x + d * p.y + f};
  }
  void transform_in_place(std::span<Point> pts) const;

  friend bool operator==(const Affine2D&, const Affine2D&) = default;
};

}  // namespace strata
