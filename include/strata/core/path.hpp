// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "strata/core/affine2d.hpp"
#include "strata/core/geometry.hpp"
#include "strata/export.hpp"

namespace strata {

/// Vertex codes, with matplotlib's numeric values.
enum class PathCode : std::uint8_t {
  stop = 0,
  moveto = 1,
  lineto = 2,
  curve3 = 3,     ///< quadratic Bezier: one control point, then the end point (2 vertices)
  curve4 = 4,     ///< cubic Bezier: two control points, then the end point (3 vertices)
  closepoly = 79  ///< closes the current sub-path; its vertex is ignored
};

/// A series of vertices with codes, as matplotlib's Path. With no codes, the vertices are one
/// polyline (MOVETO then LINETO). Value type; a default Path is empty and allocates nothing.
///
/// **Example**
/// ```
/// strata::Path tri({{0, 0}, {1, 0}, {0, 1}, {0, 0}}, {moveto, lineto, lineto, closepoly});
/// tri.get_extents();  // (0, 0) - (1, 1)
/// ```
class STRATA_API Path {
 public:
  Path() = default;
  explicit Path(std::vector<Point> vertices) : vertices_(std::move(vertices)) {}
  /// Throws strata::ValueError when `codes` is not empty and its length differs from the
  /// vertices', or when a curve lacks its control points.
  Path(std::vector<Point> vertices, std::vector<PathCode> codes);

  [[nodiscard]] const std::vector<Point>& vertices() const { return vertices_; }
  [[nodiscard]] const std::vector<PathCode>& codes() const { return codes_; }
  [[nodiscard]] std::size_t size() const { return vertices_.size(); }
  [[nodiscard]] bool empty() const { return vertices_.empty(); }
  [[nodiscard]] bool has_codes() const { return !codes_.empty(); }
  /// The code of vertex i (implied codes when the path has none).
  [[nodiscard]] PathCode code(std::size_t i) const {
    return codes_.empty() ? (i == 0 ? PathCode::moveto : PathCode::lineto) : codes_[i];
  }
  /// True when any code is curve3 or curve4.
  [[nodiscard]] bool has_curves() const;

  /// Extents of the shape drawn, Bezier curves included (not their control points),
  /// after `t`. Non-finite vertices are skipped. Null box for an empty path.
  [[nodiscard]] Bbox get_extents(const Affine2D& t = {}) const;
  /// A copy with every vertex transformed.
  [[nodiscard]] Path transformed(const Affine2D& t) const;
  /// A copy with curves replaced by line segments no farther than `tolerance` from the curve
  /// (in the units of the vertices after `t`).
  [[nodiscard]] Path flattened(const Affine2D& t = {}, double tolerance = 0.1) const;
  /// Non-zero winding test of point p (after `t`), curves flattened. `radius` > 0 grows the
  /// shape by that distance (for picking on outlines).
  [[nodiscard]] bool contains_point(Point p, const Affine2D& t = {}, double radius = 0.0) const;

  // Unit shapes (matplotlib's Path.unit_* and friends).
  [[nodiscard]] static Path unit_rectangle();
  /// Circle of radius 1 about the origin, 8 cubic Bezier arcs.
  [[nodiscard]] static Path unit_circle();
  [[nodiscard]] static Path circle(Point center, double radius);
  [[nodiscard]] static Path ellipse(Point center, double width, double height,
                                    double angle_deg = 0);
  /// Regular polygon with `num_vertices` corners on the unit circle, first at the top.
  [[nodiscard]] static Path unit_regular_polygon(int num_vertices);
  /// Star with `num_vertices` points; inner radius `inner_circle_radius`.
  [[nodiscard]] static Path unit_regular_star(int num_vertices, double inner_circle_radius = 0.5);
  /// Arc of the unit circle from theta1 to theta2 (degrees, counter-clockwise), open.
  [[nodiscard]] static Path arc(double theta1_deg, double theta2_deg);
  /// Closed pie slice of the unit circle from theta1 to theta2 (degrees).
  [[nodiscard]] static Path wedge(double theta1_deg, double theta2_deg);

 private:
  std::vector<Point> vertices_;
  std::vector<PathCode> codes_;
};

}  // namespace strata
