// SPDX-License-Identifier: MIT
// matplotlib's BoxStyle outlines (patches.py BoxStyle.Square, Round, Round4, Circle, LArrow,
// RArrow, DArrow), vertex for vertex.
#include "strata/text/boxstyle.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "strata/error.hpp"

namespace strata {
namespace {

constexpr std::array<std::string_view, 7> kNames{"square", "round",  "round4", "circle",
                                                 "larrow", "rarrow", "darrow"};

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

double parse_number(std::string_view spec, std::string_view key, const std::string& value) {
  double v = 0.0;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, v);
  if (ec != std::errc{} || ptr != end || !std::isfinite(v)) {
    throw ValueError(fmt::format("boxstyle {:?}: {} must be a number, got {:?}", spec, key, value));
  }
  return v;
}

/// Path._create_closed: the vertices, then the first again with CLOSEPOLY.
Path closed_polygon(std::vector<Point> v) {
  std::vector<PathCode> codes(v.size() + 1, PathCode::lineto);
  codes.front() = PathCode::moveto;
  codes.back() = PathCode::closepoly;
  v.push_back(v.front());
  return Path(std::move(v), std::move(codes));
}

/// Path.circle(center, radius): matplotlib's 8-segment cubic circle starting at the bottom.
Path mpl_circle(Point c, double r) {
  constexpr double magic = 0.2652031;
  const double sh = std::sqrt(0.5);
  const double m45 = sh * magic;
  const std::array<Point, 26> unit{{{0.0, -1.0},
                                    {magic, -1.0},
                                    {sh - m45, -sh - m45},
                                    {sh, -sh},
                                    {sh + m45, -sh + m45},
                                    {1.0, -magic},
                                    {1.0, 0.0},
                                    {1.0, magic},
                                    {sh + m45, sh - m45},
                                    {sh, sh},
                                    {sh - m45, sh + m45},
                                    {magic, 1.0},
                                    {0.0, 1.0},
                                    {-magic, 1.0},
                                    {-sh + m45, sh + m45},
                                    {-sh, sh},
                                    {-sh - m45, sh - m45},
                                    {-1.0, magic},
                                    {-1.0, 0.0},
                                    {-1.0, -magic},
                                    {-sh - m45, -sh + m45},
                                    {-sh, -sh},
                                    {-sh + m45, -sh - m45},
                                    {-magic, -1.0},
                                    {0.0, -1.0},
                                    {0.0, -1.0}}};
  std::vector<Point> v;
  v.reserve(unit.size());
  for (const Point& p : unit) v.push_back({c.x + r * p.x, c.y + r * p.y});
  std::vector<PathCode> codes(unit.size(), PathCode::curve4);
  codes.front() = PathCode::moveto;
  codes.back() = PathCode::closepoly;
  return Path(std::move(v), std::move(codes));
}

/// BoxStyle.LArrow.__call__.
std::vector<Point> larrow_vertices(double x0, double y0, double width, double height, double pad) {
  width += 2 * pad;
  height += 2 * pad;
  x0 -= pad;
  y0 -= pad;
  const double x1 = x0 + width, y1 = y0 + height;
  const double dx = (y1 - y0) / 2;
  const double dxx = dx / 2;
  x0 += pad / 1.4;  // matplotlib: "adjust by ~sqrt(2)"
  return {{x0 + dxx, y0},
          {x1, y0},
          {x1, y1},
          {x0 + dxx, y1},
          {x0 + dxx, y1 + dxx},
          {x0 - dx, y0 + dx},
          {x0 + dxx, y0 - dxx},
          {x0 + dxx, y0}};
}

}  // namespace

std::string_view boxstyle_name(BoxStyleName name) {
  return kNames.at(static_cast<std::size_t>(name));
}

BoxStyle parse_boxstyle(std::string_view spec) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = spec.find(',', start);
    parts.push_back(lower_trimmed(spec.substr(start, comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  BoxStyle style;
  const auto it = std::find(kNames.begin(), kNames.end(), parts.front());
  if (it == kNames.end()) {
    throw ValueError(
        fmt::format("boxstyle {:?} is not a valid value for boxstyle; supported "
                    "values are 'square', 'round', 'round4', 'circle', 'larrow', "
                    "'rarrow', 'darrow'",
                    spec));
  }
  style.name = static_cast<BoxStyleName>(it - kNames.begin());
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::size_t eq = parts[i].find('=');
    const std::string key = lower_trimmed(std::string_view(parts[i]).substr(0, eq));
    if (eq == std::string::npos) {
      throw ValueError(fmt::format("boxstyle {:?}: expected key=value, got {:?}", spec, parts[i]));
    }
    const std::string value = lower_trimmed(std::string_view(parts[i]).substr(eq + 1));
    if (key == "pad") {
      style.pad = parse_number(spec, key, value);
    } else if (key == "rounding_size" &&
               (style.name == BoxStyleName::round || style.name == BoxStyleName::round4)) {
      style.rounding_size = parse_number(spec, key, value);
    } else {
      throw ValueError(fmt::format("boxstyle {:?}: unknown parameter {:?} for {:?}", spec, key,
                                   boxstyle_name(style.name)));
    }
  }
  return style;
}

Path boxstyle_path(const BoxStyle& style, const Bbox& box, double mutation_scale) {
  const double pad = mutation_scale * style.pad.value_or(0.3);
  const double bx0 = box.x0, by0 = box.y0;
  const double bw = box.x1 - box.x0, bh = box.y1 - box.y0;
  // matplotlib tests `if self.rounding_size:`, so 0 means "the default" too.
  const bool has_rounding = style.rounding_size && *style.rounding_size != 0.0;
  switch (style.name) {
    case BoxStyleName::square: {
      const double x0 = bx0 - pad, y0 = by0 - pad;
      const double x1 = x0 + bw + 2 * pad, y1 = y0 + bh + 2 * pad;
      return closed_polygon({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}});
    }
    case BoxStyleName::circle: {
      const double w = bw + 2 * pad, h = bh + 2 * pad;
      const double x0 = bx0 - pad, y0 = by0 - pad;
      return mpl_circle({x0 + w / 2, y0 + h / 2}, std::max(w, h) / 2);
    }
    case BoxStyleName::larrow:
      return closed_polygon(larrow_vertices(bx0, by0, bw, bh, pad));
    case BoxStyleName::rarrow: {
      // matplotlib mirrors LArrow about the centre of the unpadded box.
      std::vector<Point> v = larrow_vertices(bx0, by0, bw, bh, pad);
      for (Point& p : v) p.x = 2 * bx0 + bw - p.x;
      return closed_polygon(std::move(v));
    }
    case BoxStyleName::darrow: {
      const double h = bh + 2 * pad;
      double x0 = bx0 - pad;
      const double y0 = by0 - pad;
      const double x1 = x0 + bw, y1 = y0 + h;
      const double dx = (y1 - y0) / 2, dxx = dx / 2;
      x0 += pad / 1.4;
      return closed_polygon({{x0 + dxx, y0},
                             {x1, y0},
                             {x1, y0 - dxx},
                             {x1 + dx + dxx, y0 + dx},
                             {x1, y1 + dxx},
                             {x1, y1},
                             {x0 + dxx, y1},
                             {x0 + dxx, y1 + dxx},
                             {x0 - dx, y0 + dx},
                             {x0 + dxx, y0 - dxx},
                             {x0 + dxx, y0}});
    }
    case BoxStyleName::round: {
      const double dr = has_rounding ? mutation_scale * *style.rounding_size : pad;
      const double x0 = bx0 - pad, y0 = by0 - pad;
      const double x1 = x0 + bw + 2 * pad, y1 = y0 + bh + 2 * pad;
      using enum PathCode;
      return Path({{x0 + dr, y0},
                   {x1 - dr, y0},
                   {x1, y0},
                   {x1, y0 + dr},
                   {x1, y1 - dr},
                   {x1, y1},
                   {x1 - dr, y1},
                   {x0 + dr, y1},
                   {x0, y1},
                   {x0, y1 - dr},
                   {x0, y0 + dr},
                   {x0, y0},
                   {x0 + dr, y0},
                   {x0 + dr, y0}},
                  {moveto, lineto, curve3, curve3, lineto, curve3, curve3, lineto, curve3, curve3,
                   lineto, curve3, curve3, closepoly});
    }
    case BoxStyleName::round4: {
      const double dr = has_rounding ? mutation_scale * *style.rounding_size : pad / 2.0;
      const double w = bw + 2 * pad - 2 * dr, h = bh + 2 * pad - 2 * dr;
      const double x0 = bx0 - pad + dr, y0 = by0 - pad + dr;
      const double x1 = x0 + w, y1 = y0 + h;
      using enum PathCode;
      return Path({{x0, y0},
                   {x0 + dr, y0 - dr},
                   {x1 - dr, y0 - dr},
                   {x1, y0},
                   {x1 + dr, y0 + dr},
                   {x1 + dr, y1 - dr},
                   {x1, y1},
                   {x1 - dr, y1 + dr},
                   {x0 + dr, y1 + dr},
                   {x0, y1},
                   {x0 - dr, y1 - dr},
                   {x0 - dr, y0 + dr},
                   {x0, y0},
                   {x0, y0}},
                  {moveto, curve4, curve4, curve4, curve4, curve4, curve4, curve4, curve4, curve4,
                   curve4, curve4, curve4, closepoly});
    }
  }
  return {};
}

}  // namespace strata
