// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <span>

#include "strata/export.hpp"

namespace strata {

/// A 2-D point or vector. Units depend on the coordinate system it lives in.
struct Point {
  double x = 0.0;
  double y = 0.0;
  friend bool operator==(const Point&, const Point&) = default;
};

/// A width and height (inches for figure sizes, pixels for canvases).
struct Size {
  double width = 0.0;
  double height = 0.0;
  friend bool operator==(const Size&, const Size&) = default;
};

/// An axis-aligned box given by two corners (x0, y0) and (x1, y1), as matplotlib's Bbox.
/// The corners are kept as given, so a box may be "inverted" (x1 < x0).
/// `Bbox::null()` is the empty box that any union replaces.
///
/// **Example**
/// ```
/// auto b = strata::Bbox::from_bounds(0, 0, 10, 5);  // x0, y0, width, height
/// b.width();  // 10
/// ```
struct STRATA_API Bbox {
  double x0 = 0.0;
  double y0 = 0.0;
  double x1 = 0.0;
  double y1 = 0.0;
  /// Smallest strictly positive x and y seen by update_from_data (for log axes); +inf if none.
  double minposx = std::numeric_limits<double>::infinity();
  double minposy = std::numeric_limits<double>::infinity();

  [[nodiscard]] static Bbox from_extents(double x0, double y0, double x1, double y1) {
    return Bbox{x0, y0, x1, y1};
  }
  [[nodiscard]] static Bbox from_bounds(double x, double y, double w, double h) {
    return Bbox{x, y, x + w, y + h};
  }
  [[nodiscard]] static Bbox unit() { return Bbox{0, 0, 1, 1}; }
  /// The null box: x0 = y0 = +inf, x1 = y1 = -inf. Unions with it return the other box.
  [[nodiscard]] static Bbox null() {
    constexpr double inf = std::numeric_limits<double>::infinity();
    return Bbox{inf, inf, -inf, -inf};
  }

  [[nodiscard]] double width() const { return x1 - x0; }
  [[nodiscard]] double height() const { return y1 - y0; }
  [[nodiscard]] double xmin() const { return std::min(x0, x1); }
  [[nodiscard]] double xmax() const { return std::max(x0, x1); }
  [[nodiscard]] double ymin() const { return std::min(y0, y1); }
  [[nodiscard]] double ymax() const { return std::max(y0, y1); }
  [[nodiscard]] bool is_null() const { return !(x0 <= x1) || !(y0 <= y1); }
  [[nodiscard]] bool contains(double x, double y) const {
    return x >= xmin() && x <= xmax() && y >= ymin() && y <= ymax();
  }
  [[nodiscard]] bool overlaps(const Bbox& o) const {
    return xmin() < o.xmax() && o.xmin() < xmax() && ymin() < o.ymax() && o.ymin() < ymax();
  }

  /// The smallest box holding both (null boxes are ignored).
  [[nodiscard]] static Bbox union_of(const Bbox& a, const Bbox& b);
  /// The common part, or nullopt if the boxes do not meet.
  [[nodiscard]] static std::optional<Bbox> intersection(const Bbox& a, const Bbox& b);
  /// Grows the box (or, with ignore = true, replaces it) to hold the finite points given,
  /// and tracks minposx / minposy.
  void update_from_data(std::span<const double> xs, std::span<const double> ys, bool ignore);
  void update_from_points(std::span<const Point> pts, bool ignore);

  friend bool operator==(const Bbox& a, const Bbox& b) {
    return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1;
  }
};

}  // namespace strata
