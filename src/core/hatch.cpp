// SPDX-License-Identifier: MIT
// Hatch patterns in the unit square, following matplotlib's hatch.py: each pattern family
// counts its characters in the hatch string, and the families are appended in a fixed order
// (horizontal, vertical, north-east, south-east, small circles, large circles, small filled
// circles, stars) whatever the order of the characters.
#include "core/hatch.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "strata/error.hpp"

namespace strata::detail {

namespace {

constexpr std::string_view kValidChars = "/\\|-+xXoO.*";

/// Printable ASCII as is, anything else as \xNN (for error messages).
std::string escape(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  for (const char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    if (u >= 0x20 && u < 0x7f) {
      r.push_back(ch);
    } else {
      r += fmt::format("\\x{:02x}", u);
    }
  }
  return r;
}

/// numpy.linspace(start, stop, num, endpoint): start + i * step, the last value exactly `stop`
/// when endpoint is true.
double linspace_at(double start, double stop, std::size_t num, bool endpoint, std::size_t i) {
  const std::size_t div = endpoint ? num - 1 : num;
  if (div == 0) return start;
  if (endpoint && i == num - 1) return stop;
  const double step = (stop - start) / static_cast<double>(div);
  return static_cast<double>(i) * step + start;
}

struct Builder {
  std::vector<Point> vertices;
  std::vector<PathCode> codes;
  void add(double x, double y, PathCode code) {
    vertices.push_back({x, y});
    codes.push_back(code);
  }
};

/// num_lines horizontal (or vertical) lines across the square, centred in equal bands.
void add_straight_lines(Builder& b, std::size_t num_lines, bool vertical) {
  if (num_lines == 0) return;
  const double stepsize = 1.0 / static_cast<double>(num_lines);
  for (std::size_t i = 0; i < num_lines; ++i) {
    const double s = linspace_at(0.0, 1.0, num_lines, false, i) + stepsize / 2.0;
    if (vertical) {
      b.add(s, 0.0, PathCode::moveto);
      b.add(s, 1.0, PathCode::lineto);
    } else {
      b.add(0.0, s, PathCode::moveto);
      b.add(1.0, s, PathCode::lineto);
    }
  }
}

/// num_lines + 1 diagonals (the square's own diagonal shifted by -0.5 .. 0.5), so that the
/// pattern tiles seamlessly; they overshoot the square by up to 0.5.
void add_diagonals(Builder& b, std::size_t num_lines, bool north_east) {
  if (num_lines == 0) return;
  for (std::size_t i = 0; i <= num_lines; ++i) {
    const double s = linspace_at(-0.5, 0.5, num_lines + 1, true, i);
    if (north_east) {
      b.add(0.0 + s, 0.0 - s, PathCode::moveto);
      b.add(1.0 + s, 1.0 - s, PathCode::lineto);
    } else {
      b.add(0.0 + s, 1.0 + s, PathCode::moveto);
      b.add(1.0 + s, 0.0 + s, PathCode::lineto);
    }
  }
}

/// A closed shape centred at the origin, with codes that draw it (circle: MOVETO, CURVE4...,
/// CLOSEPOLY; star: MOVETO, LINETO...). The CLOSEPOLY vertex is set to the first vertex so
/// that the reversed copy used for rings starts where the shape closes.
struct Shape {
  std::vector<Point> vertices;
  std::vector<PathCode> codes;
};

Shape circle_shape() {
  const Path c = Path::unit_circle();
  Shape s{c.vertices(), c.codes()};
  if (s.codes.empty()) {
    s.codes.assign(s.vertices.size(), PathCode::lineto);
    if (!s.codes.empty()) s.codes.front() = PathCode::moveto;
  }
  if (!s.vertices.empty() && s.codes.back() == PathCode::closepoly) {
    s.vertices.back() = s.vertices.front();
  }
  return s;
}

Shape star_shape() {
  // matplotlib's Stars hatch draws the 5-pointed star with MOVETO then only LINETOs, the last
  // vertex returning (up to rounding) to the first.
  const Path p = Path::unit_regular_star(5);
  Shape s{p.vertices(), {}};
  if (!s.vertices.empty() && p.has_codes() && p.codes().back() == PathCode::closepoly) {
    const Point f = s.vertices.front();
    const Point l = s.vertices.back();
    if (!(std::fabs(f.x - l.x) < 1e-9 && std::fabs(f.y - l.y) < 1e-9)) s.vertices.back() = f;
  }
  s.codes.assign(s.vertices.size(), PathCode::lineto);
  if (!s.codes.empty()) s.codes.front() = PathCode::moveto;
  return s;
}

/// Staggered rows of shapes (matplotlib's Shapes): num_rows + 1 rows; even rows hold
/// num_rows + 1 shapes from x = 0 to 1, odd rows num_rows shapes in between. Unfilled shapes
/// are rings: the outline forward, then backward scaled by 0.9.
void add_shapes(Builder& b, std::size_t num_rows, const Shape& base, double size, bool filled) {
  if (num_rows == 0 || base.vertices.empty()) return;
  const double offset = 1.0 / static_cast<double>(num_rows);
  std::vector<Point> shape;
  shape.reserve(base.vertices.size() * 2);
  for (const Point& p : base.vertices) shape.push_back({p.x * offset * size, p.y * offset * size});
  std::vector<PathCode> codes = base.codes;
  if (!filled) {
    const std::size_t m = shape.size();
    for (std::size_t k = m; k-- > 0;) shape.push_back({shape[k].x * 0.9, shape[k].y * 0.9});
    codes.insert(codes.end(), base.codes.begin(), base.codes.end());
  }
  const std::size_t num_shapes = (num_rows / 2 + 1) * (num_rows + 1) + (num_rows / 2) * num_rows;
  b.vertices.reserve(b.vertices.size() + num_shapes * shape.size());
  b.codes.reserve(b.codes.size() + num_shapes * shape.size());
  for (std::size_t row = 0; row <= num_rows; ++row) {
    const double row_pos = static_cast<double>(row) * offset;
    const bool even = row % 2 == 0;
    const std::size_t ncols = even ? num_rows + 1 : num_rows;
    for (std::size_t col = 0; col < ncols; ++col) {
      const double col_pos = even ? linspace_at(0.0, 1.0, num_rows + 1, true, col)
                                  : linspace_at(offset / 2, 1 - offset / 2, num_rows, true, col);
      for (std::size_t k = 0; k < shape.size(); ++k) {
        b.add(shape[k].x + col_pos, shape[k].y + row_pos, codes[k]);
      }
    }
  }
}

}  // namespace

Path hatch_path(std::string_view hatch, int density) {
  std::size_t count[256] = {};
  for (const char ch : hatch) {
    if (kValidChars.find(ch) == std::string_view::npos) {
      throw ValueError(fmt::format(
          "hatch: unknown pattern character '{}' in \"{}\"; expected one of / \\ | - + x o O . *",
          escape(std::string_view(&ch, 1)), escape(hatch)));
    }
    ++count[static_cast<unsigned char>(ch)];
  }
  if (density < 0) {
    throw ValueError(fmt::format("hatch: density must be >= 0, got {}", density));
  }
  const auto n = [&](char ch) { return count[static_cast<unsigned char>(ch)]; };
  const auto d = static_cast<std::size_t>(density);

  Builder b;
  add_straight_lines(b, (n('-') + n('+')) * d, false);
  add_straight_lines(b, (n('|') + n('+')) * d, true);
  // 'X' is accepted as matplotlib does, as a synonym of 'x'.
  add_diagonals(b, (n('/') + n('x') + n('X')) * d, true);
  add_diagonals(b, (n('\\') + n('x') + n('X')) * d, false);
  const std::size_t small_circles = n('o') * d;
  const std::size_t large_circles = n('O') * d;
  const std::size_t filled_circles = n('.') * d;
  if (small_circles + large_circles + filled_circles > 0) {
    const Shape circle = circle_shape();
    add_shapes(b, small_circles, circle, 0.2, false);
    add_shapes(b, large_circles, circle, 0.35, false);
    add_shapes(b, filled_circles, circle, 0.1, true);
  }
  if (const std::size_t stars = n('*') * d; stars > 0) {
    add_shapes(b, stars, star_shape(), 1.0 / 3.0, true);
  }
  if (b.vertices.empty()) return Path{};
  return Path(std::move(b.vertices), std::move(b.codes));
}

}  // namespace strata::detail
