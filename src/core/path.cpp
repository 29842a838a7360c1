// SPDX-License-Identifier: MIT
#include "strata/core/path.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "strata/error.hpp"

namespace strata {

namespace {

constexpr double kPi = std::numbers::pi;

int code_vertices(PathCode c) {
  switch (c) {
    case PathCode::curve3:
      return 2;
    case PathCode::curve4:
      return 3;
    default:
      return 1;
  }
}

Point quad_at(Point p0, Point p1, Point p2, double t) {
  const double u = 1 - t;
  return {u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x,
          u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y};
}

Point cubic_at(Point p0, Point p1, Point p2, Point p3, double t) {
  const double u = 1 - t;
  const double b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;
  return {b0 * p0.x + b1 * p1.x + b2 * p2.x + b3 * p3.x,
          b0 * p0.y + b1 * p1.y + b2 * p2.y + b3 * p3.y};
}

// Roots in (0, 1) of the derivative of a cubic Bezier in one coordinate.
int cubic_extrema(double p0, double p1, double p2, double p3, double out[2]) {
  const double a = -p0 + 3 * p1 - 3 * p2 + p3;
  const double b = 2 * (p0 - 2 * p1 + p2);
  const double c = p1 - p0;
  int n = 0;
  auto push = [&](double t) {
    if (t > 0 && t < 1) out[n++] = t;
  };
  if (std::abs(a) < 1e-12) {
    if (std::abs(b) > 1e-12) push(-c / b);
    return n;
  }
  const double disc = b * b - 4 * a * c;
  if (disc < 0) return 0;
  const double s = std::sqrt(disc);
  push((-b + s) / (2 * a));
  push((-b - s) / (2 * a));
  return n;
}

bool finite(Point p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Calls fn(code, points...) for every segment with its absolute points after t.
template <typename Fn>
void for_each_segment(const Path& path, const Affine2D& t, Fn&& fn) {
  const auto& v = path.vertices();
  const std::size_t n = v.size();
  Point start{0, 0};
  Point last{0, 0};
  bool have_last = false;
  for (std::size_t i = 0; i < n;) {
    const PathCode c = path.code(i);
    switch (c) {
      case PathCode::stop:
        return;
      case PathCode::moveto: {
        last = start = t.transform(v[i]);
        have_last = true;
        fn(PathCode::moveto, last, last, last, last);
        i += 1;
        break;
      }
      case PathCode::lineto: {
        const Point p = t.transform(v[i]);
        if (!have_last) {
          start = p;
          fn(PathCode::moveto, p, p, p, p);
        } else {
          fn(PathCode::lineto, last, p, p, p);
        }
        last = p;
        have_last = true;
        i += 1;
        break;
      }
      case PathCode::curve3: {
        if (i + 1 >= n) return;
        const Point c1 = t.transform(v[i]);
        const Point p = t.transform(v[i + 1]);
        fn(PathCode::curve3, last, c1, p, p);
        last = p;
        i += 2;
        break;
      }
      case PathCode::curve4: {
        if (i + 2 >= n) return;
        const Point c1 = t.transform(v[i]);
        const Point c2 = t.transform(v[i + 1]);
        const Point p = t.transform(v[i + 2]);
        fn(PathCode::curve4, last, c1, c2, p);
        last = p;
        i += 3;
        break;
      }
      case PathCode::closepoly: {
        fn(PathCode::closepoly, last, start, start, start);
        last = start;
        i += 1;
        break;
      }
    }
  }
}

}  // namespace

Path::Path(std::vector<Point> vertices, std::vector<PathCode> codes)
    : vertices_(std::move(vertices)), codes_(std::move(codes)) {
  if (!codes_.empty() && codes_.size() != vertices_.size()) {
    throw ValueError(fmt::format("Path: codes has {} entries but vertices has {}; they must match",
                                 codes_.size(), vertices_.size()));
  }
  for (std::size_t i = 0; i < codes_.size();) {
    const PathCode c = codes_[i];
    const int k = code_vertices(c);
    if (c != PathCode::moveto && c != PathCode::lineto && c != PathCode::curve3 &&
        c != PathCode::curve4 && c != PathCode::closepoly && c != PathCode::stop) {
      throw ValueError(
          fmt::format("Path: codes[{}] = {} is not a path code", i, static_cast<int>(c)));
    }
    for (int j = 1; j < k; ++j) {
      if (i + static_cast<std::size_t>(j) >= codes_.size() ||
          codes_[i + static_cast<std::size_t>(j)] != c) {
        throw ValueError(fmt::format(
            "Path: the curve at codes[{}] needs {} vertices with code {}; the path ends or "
            "changes code first",
            i, k, static_cast<int>(c)));
      }
    }
    i += static_cast<std::size_t>(k);
  }
}

bool Path::has_curves() const {
  return std::any_of(codes_.begin(), codes_.end(),
                     [](PathCode c) { return c == PathCode::curve3 || c == PathCode::curve4; });
}

Bbox Path::get_extents(const Affine2D& t) const {
  Bbox b = Bbox::null();
  auto add = [&](Point p) {
    if (!finite(p)) return;
    b.x0 = std::min(b.x0, p.x);
    b.y0 = std::min(b.y0, p.y);
    b.x1 = std::max(b.x1, p.x);
    b.y1 = std::max(b.y1, p.y);
  };
  for_each_segment(*this, t, [&](PathCode c, Point p0, Point p1, Point p2, Point p3) {
    switch (c) {
      case PathCode::moveto:
        add(p0);
        break;
      case PathCode::lineto:
        add(p1);
        break;
      case PathCode::curve3: {
        add(p2);
        for (int axis = 0; axis < 2; ++axis) {
          const double a0 = axis ? p0.y : p0.x, a1 = axis ? p1.y : p1.x, a2 = axis ? p2.y : p2.x;
          const double den = a0 - 2 * a1 + a2;
          if (std::abs(den) > 1e-300) {
            const double tt = (a0 - a1) / den;
            if (tt > 0 && tt < 1) add(quad_at(p0, p1, p2, tt));
          }
        }
        break;
      }
      case PathCode::curve4: {
        add(p3);
        for (int axis = 0; axis < 2; ++axis) {
          double roots[2];
          const int nr = axis ? cubic_extrema(p0.y, p1.y, p2.y, p3.y, roots)
                              : cubic_extrema(p0.x, p1.x, p2.x, p3.x, roots);
          for (int k = 0; k < nr; ++k) add(cubic_at(p0, p1, p2, p3, roots[k]));
        }
        break;
      }
      default:
        break;
    }
  });
  return b;
}

Path Path::transformed(const Affine2D& t) const {
  Path p = *this;
  t.transform_in_place(p.vertices_);
  return p;
}

Path Path::flattened(const Affine2D& t, double tolerance) const {
  std::vector<Point> verts;
  std::vector<PathCode> codes;
  verts.reserve(vertices_.size());
  codes.reserve(vertices_.size());
  const double tol = std::max(tolerance, 1e-9);
  auto emit = [&](Point p, PathCode c) {
    verts.push_back(p);
    codes.push_back(c);
  };
  for_each_segment(*this, t, [&](PathCode c, Point p0, Point p1, Point p2, Point p3) {
    switch (c) {
      case PathCode::moveto:
        emit(p0, PathCode::moveto);
        break;
      case PathCode::lineto:
        emit(p1, PathCode::lineto);
        break;
      case PathCode::curve3: {
        const double dd = std::hypot(p0.x - 2 * p1.x + p2.x, p0.y - 2 * p1.y + p2.y);
        const int n = std::clamp(static_cast<int>(std::ceil(std::sqrt(dd / (4 * tol)))), 1, 1000);
        for (int k = 1; k <= n; ++k)
          emit(quad_at(p0, p1, p2, static_cast<double>(k) / n), PathCode::lineto);
        break;
      }
      case PathCode::curve4: {
        const double d1 = std::hypot(p0.x - 2 * p1.x + p2.x, p0.y - 2 * p1.y + p2.y);
        const double d2 = std::hypot(p1.x - 2 * p2.x + p3.x, p1.y - 2 * p2.y + p3.y);
        const double dd = 0.75 * std::max(d1, d2) * 2;
        const int n = std::clamp(static_cast<int>(std::ceil(std::sqrt(dd / (2 * tol)))), 1, 1000);
        for (int k = 1; k <= n; ++k) {
          emit(cubic_at(p0, p1, p2, p3, static_cast<double>(k) / n), PathCode::lineto);
        }
        break;
      }
      case PathCode::closepoly:
        emit(p1, PathCode::closepoly);
        break;
      default:
        break;
    }
  });
  return Path(std::move(verts), std::move(codes));
}

namespace {
double segment_distance(Point p, Point a, Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
}  // namespace

bool Path::contains_point(Point p, const Affine2D& t, double radius) const {
  const Path flat = flattened(t, 0.01);
  int winding = 0;
  double min_dist = std::numeric_limits<double>::infinity();
  Point start{}, last{};
  bool open = false;
  auto edge = [&](Point a, Point b) {
    if (!finite(a) || !finite(b)) return;
    min_dist = std::min(min_dist, segment_distance(p, a, b));
    if (a.y <= p.y) {
      if (b.y > p.y && (b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y) > 0) ++winding;
    } else if (b.y <= p.y && (b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y) < 0) {
      --winding;
    }
  };
  const auto& v = flat.vertices();
  for (std::size_t i = 0; i < v.size(); ++i) {
    const PathCode c = flat.code(i);
    if (c == PathCode::moveto) {
      if (open) edge(last, start);  // implicitly close for the fill test
      start = last = v[i];
      open = true;
    } else if (c == PathCode::lineto) {
      edge(last, v[i]);
      last = v[i];
    } else if (c == PathCode::closepoly) {
      edge(last, start);
      last = start;
      open = false;
    }
  }
  if (open) edge(last, start);
  return winding != 0 || (radius > 0 && min_dist <= radius);
}

Path Path::unit_rectangle() {
  return Path({{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}},
              {PathCode::moveto, PathCode::lineto, PathCode::lineto, PathCode::lineto,
               PathCode::closepoly});
}

namespace {
// Cubic Bezier arcs of the unit circle from t1 to t2 (radians), each spanning at most
// 45 degrees, appended to verts/codes (the first point only with `move`).
void append_arc(std::vector<Point>& verts, std::vector<PathCode>& codes, double t1, double t2,
                bool move) {
  const int n = std::max(1, static_cast<int>(std::ceil(std::abs(t2 - t1) / (kPi / 4) - 1e-9)));
  const double eta = (t2 - t1) / n;
  const double k = 4.0 / 3.0 * std::tan(eta / 4);
  Point p{std::cos(t1), std::sin(t1)};
  if (move) {
    verts.push_back(p);
    codes.push_back(PathCode::moveto);
  } else {
    verts.push_back(p);
    codes.push_back(PathCode::lineto);
  }
  for (int i = 0; i < n; ++i) {
    const double a = t1 + eta * i;
    const double b = a + eta;
    const Point q{std::cos(b), std::sin(b)};
    verts.push_back({p.x - k * std::sin(a), p.y + k * std::cos(a)});
    verts.push_back({q.x + k * std::sin(b), q.y - k * std::cos(b)});
    verts.push_back(q);
    codes.insert(codes.end(), 3, PathCode::curve4);
    p = q;
  }
}
}  // namespace

Path Path::unit_circle() {
  std::vector<Point> verts;
  std::vector<PathCode> codes;
  append_arc(verts, codes, 0, 2 * kPi, true);
  verts.push_back(verts.front());
  codes.push_back(PathCode::closepoly);
  return Path(std::move(verts), std::move(codes));
}

Path Path::circle(Point center, double radius) {
  return unit_circle().transformed(Affine2D().scale(radius).translate(center.x, center.y));
}

Path Path::ellipse(Point center, double width, double height, double angle_deg) {
  return unit_circle().transformed(
      Affine2D().scale(width / 2, height / 2).rotate_deg(angle_deg).translate(center.x, center.y));
}

Path Path::unit_regular_polygon(int num_vertices) {
  if (num_vertices < 3) {
    throw ValueError(
        fmt::format("unit_regular_polygon: num_vertices must be >= 3, got {}", num_vertices));
  }
  std::vector<Point> verts;
  std::vector<PathCode> codes;
  for (int i = 0; i <= num_vertices; ++i) {
    const double th = 2 * kPi / num_vertices * i + kPi / 2;
    verts.push_back({std::cos(th), std::sin(th)});
    codes.push_back(i == 0 ? PathCode::moveto
                           : (i == num_vertices ? PathCode::closepoly : PathCode::lineto));
  }
  return Path(std::move(verts), std::move(codes));
}

Path Path::unit_regular_star(int num_vertices, double inner_circle_radius) {
  if (num_vertices < 2) {
    throw ValueError(
        fmt::format("unit_regular_star: num_vertices must be >= 2, got {}", num_vertices));
  }
  const int ns2 = num_vertices * 2;
  std::vector<Point> verts;
  std::vector<PathCode> codes;
  for (int i = 0; i <= ns2; ++i) {
    const double th = 2 * kPi / ns2 * i + kPi / 2;
    const double r = (i % 2) ? inner_circle_radius : 1.0;
    verts.push_back({r * std::cos(th), r * std::sin(th)});
    codes.push_back(i == 0 ? PathCode::moveto
                           : (i == ns2 ? PathCode::closepoly : PathCode::lineto));
  }
  return Path(std::move(verts), std::move(codes));
}

Path Path::arc(double theta1_deg, double theta2_deg) {
  double t1 = theta1_deg * kPi / 180;
  double t2 = theta2_deg * kPi / 180;
  // As matplotlib: theta2 is taken to be within 360 degrees after theta1.
  while (t2 <= t1) t2 += 2 * kPi;
  if (t2 - t1 > 2 * kPi) t2 = t1 + 2 * kPi;
  std::vector<Point> verts;
  std::vector<PathCode> codes;
  append_arc(verts, codes, t1, t2, true);
  return Path(std::move(verts), std::move(codes));
}

Path Path::wedge(double theta1_deg, double theta2_deg) {
  double t1 = theta1_deg * kPi / 180;
  double t2 = theta2_deg * kPi / 180;
  while (t2 <= t1) t2 += 2 * kPi;
  if (t2 - t1 > 2 * kPi) t2 = t1 + 2 * kPi;
  std::vector<Point> verts{{0, 0}};
  std::vector<PathCode> codes{PathCode::moveto};
  append_arc(verts, codes, t1, t2, false);
  verts.push_back({0, 0});
  codes.push_back(PathCode::lineto);
  verts.push_back({0, 0});
  codes.push_back(PathCode::closepoly);
  return Path(std::move(verts), std::move(codes));
}

}  // namespace strata
