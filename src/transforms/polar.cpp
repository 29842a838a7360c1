// SPDX-License-Identifier: MIT
// The polar projection transform (matplotlib's projections/polar.py PolarTransform and
// InvertedPolarTransform).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "strata/error.hpp"
#include "strata/transforms/scale.hpp"

namespace strata {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kTwoPi = 2 * std::numbers::pi;
// Arcs are drawn with a vertex at least every degree: the chord of a 1-degree step departs
// from the circle by r * 3.8e-5, under 0.04 px for a 1000 px radius.
constexpr double kMaxArcStep = std::numbers::pi / 180;
constexpr double kMaxArcSegments = 65536;

void check_polar(const char* who, double r_origin, double r_sign) {
  if (!std::isfinite(r_origin))
    throw ValueError(fmt::format("{}: r_origin must be finite, got {}", who, r_origin));
  if (r_sign != 1 && r_sign != -1)
    throw ValueError(fmt::format("{}: r_sign must be 1 or -1, got {}", who, r_sign));
}

bool finite(Point p) { return std::isfinite(p.x) && std::isfinite(p.y); }

}  // namespace

// ---- PolarTransform ----

std::shared_ptr<PolarTransform> PolarTransform::make(double r_origin, double r_sign) {
  check_polar("PolarTransform", r_origin, r_sign);
  return std::shared_ptr<PolarTransform>(new PolarTransform(r_origin, r_sign));
}

void PolarTransform::set_r_origin(double r_origin) {
  check_polar("PolarTransform.set_r_origin", r_origin, r_sign_);
  if (r_origin == r_origin_) return;
  r_origin_ = r_origin;
  invalidate(false);
}

void PolarTransform::set_r_sign(double r_sign) {
  check_polar("PolarTransform.set_r_sign", r_origin_, r_sign);
  if (r_sign == r_sign_) return;
  r_sign_ = r_sign;
  invalidate(false);
}

Point PolarTransform::transform_non_affine(Point p) const {
  const double r = (p.y - r_origin_) * r_sign_;
  if (!(r >= 0)) return {kNaN, kNaN};
  return {r * std::cos(p.x), r * std::sin(p.x)};
}

void PolarTransform::transform_non_affine_points(std::span<Point> pts) const {
  for (Point& p : pts) p = transform_non_affine(p);
}

Path PolarTransform::on_transform_path_non_affine(const Path& path, int interpolation_steps) const {
  const std::vector<Point>& in = path.vertices();
  if (in.empty() || interpolation_steps <= 1) {
    std::vector<Point> v = in;
    transform_non_affine_points(v);
    return path.has_codes() ? Path(std::move(v), path.codes()) : Path(std::move(v));
  }
  std::vector<Point> out;
  std::vector<PathCode> codes;
  out.reserve(in.size() * static_cast<std::size_t>(interpolation_steps));
  codes.reserve(out.capacity());

  // A line from `from` to `to` (both (theta, r)), without the vertex at `from`.
  auto line_to = [&](Point from, Point to) {
    if (!finite(from) || !finite(to) || to.x == from.x) {
      // Unknown start, or constant theta: a straight line.
    } else if (to.y == from.y) {
      // Constant r: an arc, every vertex exactly at radius r'.
      const double r = (to.y - r_origin_) * r_sign_;
      const double dt = to.x - from.x;
      const double n = std::clamp(std::ceil(std::abs(dt) / kMaxArcStep), 1.0, kMaxArcSegments);
      const auto count = static_cast<std::size_t>(n);
      for (std::size_t i = 1; i < count; ++i) {
        const double t = from.x + dt * (static_cast<double>(i) / n);
        out.push_back(r >= 0 ? Point{r * std::cos(t), r * std::sin(t)} : Point{kNaN, kNaN});
        codes.push_back(PathCode::lineto);
      }
    } else {
      // Linear in (theta, r).
      const double n = interpolation_steps;
      for (int i = 1; i < interpolation_steps; ++i) {
        const double f = i / n;
        out.push_back(
            transform_non_affine({from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f}));
        codes.push_back(PathCode::lineto);
      }
    }
    out.push_back(transform_non_affine(to));
    codes.push_back(PathCode::lineto);
  };

  Point last{kNaN, kNaN};
  Point start{kNaN, kNaN};
  for (std::size_t i = 0; i < in.size(); ++i) {
    const PathCode c = path.code(i);
    switch (c) {
      case PathCode::lineto:
        line_to(last, in[i]);
        last = in[i];
        break;
      case PathCode::closepoly:
        // Interpolate the closing segment too, then close.
        if (finite(last) && finite(start) && !(last == start)) line_to(last, start);
        out.push_back(transform_non_affine(start));
        codes.push_back(PathCode::closepoly);
        last = start;
        break;
      case PathCode::moveto:
        start = in[i];
        [[fallthrough]];
      default:  // curve control and end points, stop
        out.push_back(transform_non_affine(in[i]));
        codes.push_back(c);
        last = in[i];
        break;
    }
  }
  return Path(std::move(out), std::move(codes));
}

TransformPtr PolarTransform::inverted() const {
  return InvertedPolarTransform::make(std::static_pointer_cast<const PolarTransform>(self()));
}

TransformPtr PolarTransform::frozen() const { return make(r_origin_, r_sign_); }

// ---- InvertedPolarTransform ----

std::shared_ptr<InvertedPolarTransform> InvertedPolarTransform::make(double r_origin,
                                                                     double r_sign) {
  check_polar("InvertedPolarTransform", r_origin, r_sign);
  return std::shared_ptr<InvertedPolarTransform>(
      new InvertedPolarTransform(r_origin, r_sign, nullptr));
}

std::shared_ptr<InvertedPolarTransform> InvertedPolarTransform::make(
    std::shared_ptr<const PolarTransform> source) {
  if (!source) throw ValueError("InvertedPolarTransform: source must not be null");
  auto node = std::shared_ptr<InvertedPolarTransform>(new InvertedPolarTransform(0, 1, source));
  node->set_children({std::const_pointer_cast<PolarTransform>(std::move(source))});
  return node;
}

Point InvertedPolarTransform::transform_non_affine(Point p) const {
  double theta = std::fmod(std::atan2(p.y, p.x) + kTwoPi, kTwoPi);
  if (theta >= kTwoPi) theta = 0;  // fmod may round up to 2 pi for tiny negative angles
  const double r = std::hypot(p.x, p.y) * r_sign() + r_origin();
  return {theta, r};
}

TransformPtr InvertedPolarTransform::inverted() const {
  if (source_) return std::const_pointer_cast<PolarTransform>(source_);
  return PolarTransform::make(r_origin_, r_sign_);
}

TransformPtr InvertedPolarTransform::frozen() const { return make(r_origin(), r_sign()); }

}  // namespace strata
