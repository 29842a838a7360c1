// SPDX-License-Identifier: MIT
// Marker shapes as matplotlib 3.6.3's markers.py, and lines._mark_every_path.
#include "strata/artist/markers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

#include "colors/pyfmt.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"
#include "strata/text/font.hpp"
#include "strata/text/mathtext.hpp"

namespace strata {

namespace {

constexpr double kPi = std::numbers::pi;
using PC = PathCode;

// Python's math.radians multiplies by pi / 180 (one rounding), so rotate as matplotlib does.
Affine2D& rotate_deg(Affine2D& t, double degrees) { return t.rotate(degrees * (kPi / 180.0)); }

Affine2D scale(double s) { return Affine2D::from_scale(s, s); }

// Path._create_closed: the vertices, the first again, codes MOVETO, LINETO.., CLOSEPOLY.
Path create_closed(std::vector<Point> v) {
  v.push_back(v.front());
  std::vector<PathCode> codes(v.size(), PC::lineto);
  codes.front() = PC::moveto;
  codes.back() = PC::closepoly;
  return Path(std::move(v), std::move(codes));
}

// Path(verts, closed=True): the vertices as given, the last code CLOSEPOLY.
Path closed_path(std::vector<Point> v) {
  std::vector<PathCode> codes(v.size(), PC::lineto);
  codes.front() = PC::moveto;
  codes.back() = PC::closepoly;
  return Path(std::move(v), std::move(codes));
}

// matplotlib's Path.unit_circle: 8 cubic arcs from (0, -1), counter-clockwise, with Lancaster's
// constant (Strata's Path::unit_circle starts at (1, 0), so markers build their own).
constexpr double kMagic = 0.2652031;
constexpr double kSqrtHalf = 0.70710678118654752440;  // np.sqrt(0.5), correctly rounded
constexpr double kMagic45 = kSqrtHalf * kMagic;

Path mpl_unit_circle() {
  const double m = kMagic, s = kSqrtHalf, m45 = kMagic45;
  std::vector<Point> v{
      {0.0, -1.0}, {m, -1.0},  {s - m45, -s - m45},  {s, -s},  {s + m45, -s + m45},  {1.0, -m},
      {1.0, 0.0},  {1.0, m},   {s + m45, s - m45},   {s, s},   {s - m45, s + m45},   {m, 1.0},
      {0.0, 1.0},  {-m, 1.0},  {-s + m45, s + m45},  {-s, s},  {-s - m45, s - m45},  {-1.0, m},
      {-1.0, 0.0}, {-1.0, -m}, {-s - m45, -s + m45}, {-s, -s}, {-s + m45, -s - m45}, {-m, -1.0},
      {0.0, -1.0}, {0.0, -1.0}};
  std::vector<PathCode> codes(v.size(), PC::curve4);
  codes.front() = PC::moveto;
  codes.back() = PC::closepoly;
  return Path(std::move(v), std::move(codes));
}

Path unit_circle_righthalf() {
  const double m = kMagic, s = kSqrtHalf, m45 = kMagic45;
  std::vector<Point> v{{0.0, -1.0},         {m, -1.0},  {s - m45, -s - m45}, {s, -s},
                       {s + m45, -s + m45}, {1.0, -m},  {1.0, 0.0},          {1.0, m},
                       {s + m45, s - m45},  {s, s},     {s - m45, s + m45},  {m, 1.0},
                       {0.0, 1.0},          {0.0, -1.0}};
  std::vector<PathCode> codes(v.size(), PC::curve4);
  codes.front() = PC::moveto;
  codes.back() = PC::closepoly;
  return Path(std::move(v), std::move(codes));
}

// Path.unit_regular_polygon / unit_regular_star with matplotlib's arithmetic (any n >= 1).
std::vector<Point> regular_polygon_vertices(int n) {
  std::vector<Point> v;
  v.reserve(static_cast<std::size_t>(n) + 1);
  const double d = 2 * kPi / n;
  for (int i = 0; i <= n; ++i) {
    const double th = d * i + kPi / 2;
    v.push_back({std::cos(th), std::sin(th)});
  }
  return v;
}

std::vector<Point> regular_star_vertices(int n, double inner) {
  const int ns2 = 2 * n;
  std::vector<Point> v;
  v.reserve(static_cast<std::size_t>(ns2) + 1);
  const double d = 2 * kPi / ns2;
  for (int i = 0; i <= ns2; ++i) {
    const double th = d * i + kPi / 2;
    const double r = (i % 2 == 1) ? inner : 1.0;
    v.push_back({r * std::cos(th), r * std::sin(th)});
  }
  return v;
}

// Picks vertices by index (NumPy's verts[[i, j, ...]]).
std::vector<Point> pick(const std::vector<Point>& v, std::initializer_list<int> idx) {
  std::vector<Point> out;
  out.reserve(idx.size());
  for (int i : idx) out.push_back(v[static_cast<std::size_t>(i)]);
  return out;
}

std::string tuple_repr(int numsides, int style, double angle) {
  return fmt::format("({}, {}, {})", numsides, style, detail::py_float_repr(angle));
}

MathFontset rc_math_fontset() {
  return rc().get_string("mathtext.fontset") == "dejavuserif" ? MathFontset::dejavuserif
                                                              : MathFontset::dejavusans;
}

}  // namespace

FillStyle parse_fillstyle(std::string_view name) {
  if (name == "full") return FillStyle::full;
  if (name == "left") return FillStyle::left;
  if (name == "right") return FillStyle::right;
  if (name == "bottom") return FillStyle::bottom;
  if (name == "top") return FillStyle::top;
  if (name == "none") return FillStyle::none;
  throw ValueError(fmt::format(
      "{} is not a valid value for fillstyle; supported values are 'full', 'left', 'right', "
      "'bottom', 'top', 'none'",
      detail::py_repr(name)));
}

std::string_view fillstyle_name(FillStyle fs) {
  switch (fs) {
    case FillStyle::full:
      return "full";
    case FillStyle::left:
      return "left";
    case FillStyle::right:
      return "right";
    case FillStyle::bottom:
      return "bottom";
    case FillStyle::top:
      return "top";
    case FillStyle::none:
      break;
  }
  return "none";
}

// ---- construction ----

MarkerStyle::MarkerStyle(Kind kind, std::optional<FillStyle> fillstyle)
    : kind_(kind),
      fillstyle_(fillstyle ? *fillstyle : parse_fillstyle(rc().get_string("markers.fillstyle"))) {}

MarkerStyle::MarkerStyle() : MarkerStyle(Kind::named, std::nullopt) { recache(); }

MarkerStyle::MarkerStyle(std::string_view marker, std::optional<FillStyle> fillstyle)
    : MarkerStyle(Kind::named, fillstyle) {
  marker_ = std::string(marker);
  if (is_math_text(marker)) {
    kind_ = Kind::mathtext;
  } else {
    static constexpr std::string_view kNames[] = {
        ".", ",", "o", "v", "^", "<", ">", "1", "2", "3", "4",    "8",    "s", "p", "*",
        "h", "H", "+", "x", "D", "d", "|", "_", "P", "X", "None", "none", " ", ""};
    if (std::find(std::begin(kNames), std::end(kNames), marker) == std::end(kNames)) {
      throw ValueError(fmt::format("Unrecognized marker style {}", detail::py_repr(marker)));
    }
  }
  recache();
}

MarkerStyle::MarkerStyle(int code, std::optional<FillStyle> fillstyle)
    : MarkerStyle(Kind::code, fillstyle) {
  if (code < markers::tickleft || code > markers::caretdownbase) {
    throw ValueError(fmt::format("Unrecognized marker style {}", code));
  }
  code_ = code;
  marker_ = std::to_string(code);
  recache();
}

MarkerStyle MarkerStyle::from_path(Path path, std::optional<FillStyle> fillstyle) {
  if (path.empty()) {
    throw ValueError("Unrecognized marker style: a marker path needs at least one vertex");
  }
  MarkerStyle m(Kind::path, fillstyle);
  m.custom_ = std::move(path);
  m.marker_ = "<path>";
  m.recache();
  return m;
}

MarkerStyle MarkerStyle::from_vertices(std::vector<Point> vertices,
                                       std::optional<FillStyle> fillstyle) {
  if (vertices.empty()) {
    throw ValueError("Unrecognized marker style: a vertex marker needs at least one vertex");
  }
  MarkerStyle m = from_path(Path(std::move(vertices)), fillstyle);
  m.marker_ = "<vertices>";
  return m;
}

MarkerStyle MarkerStyle::from_tuple(int numsides, int style, double angle_deg,
                                    std::optional<FillStyle> fillstyle) {
  if (style < 0 || style > 2 || numsides < 1) {
    throw ValueError(
        fmt::format("Unrecognized marker style {}", tuple_repr(numsides, style, angle_deg)));
  }
  MarkerStyle m(Kind::tuple, fillstyle);
  m.numsides_ = numsides;
  m.tuple_style_ = style;
  m.angle_ = angle_deg;
  m.marker_ = tuple_repr(numsides, style, angle_deg);
  m.recache();
  return m;
}

MarkerStyle MarkerStyle::regular_polygon(int numsides, double angle_deg,
                                         std::optional<FillStyle> fillstyle) {
  return from_tuple(numsides, 0, angle_deg, fillstyle);
}
MarkerStyle MarkerStyle::star(int numsides, double angle_deg, std::optional<FillStyle> fillstyle) {
  return from_tuple(numsides, 1, angle_deg, fillstyle);
}
MarkerStyle MarkerStyle::asterisk(int numsides, double angle_deg,
                                  std::optional<FillStyle> fillstyle) {
  return from_tuple(numsides, 2, angle_deg, fillstyle);
}

// ---- accessors and copies ----

Affine2D MarkerStyle::get_transform() const { return user_ ? transform_.then(*user_) : transform_; }

std::optional<Affine2D> MarkerStyle::get_alt_transform() const {
  if (!alt_transform_) return std::nullopt;
  return user_ ? alt_transform_->then(*user_) : *alt_transform_;
}

std::optional<int> MarkerStyle::get_marker_code() const {
  if (kind_ == Kind::code) return code_;
  return std::nullopt;
}

MarkerStyle MarkerStyle::with_fillstyle(FillStyle fillstyle) const {
  MarkerStyle m = *this;
  m.fillstyle_ = fillstyle;
  m.recache();
  return m;
}

MarkerStyle MarkerStyle::with_capstyle(std::optional<CapStyle> capstyle) const {
  MarkerStyle m = *this;
  m.user_capstyle_ = capstyle;
  m.recache();
  return m;
}

MarkerStyle MarkerStyle::with_joinstyle(std::optional<JoinStyle> joinstyle) const {
  MarkerStyle m = *this;
  m.user_joinstyle_ = joinstyle;
  m.recache();
  return m;
}

MarkerStyle MarkerStyle::transformed(const Affine2D& t) const {
  MarkerStyle m = *this;
  m.user_ = m.user_ ? m.user_->then(t) : t;
  return m;
}

MarkerStyle MarkerStyle::rotated_deg(double degrees) const {
  MarkerStyle m = *this;
  Affine2D u = m.user_.value_or(Affine2D{});
  rotate_deg(u, degrees);
  m.user_ = u;
  return m;
}

MarkerStyle MarkerStyle::rotated(double radians) const {
  MarkerStyle m = *this;
  Affine2D u = m.user_.value_or(Affine2D{});
  u.rotate(radians);
  m.user_ = u;
  return m;
}

MarkerStyle MarkerStyle::scaled(double sx, double sy) const {
  MarkerStyle m = *this;
  Affine2D u = m.user_.value_or(Affine2D{});
  u.scale(sx, sy);
  m.user_ = u;
  return m;
}

// ---- matplotlib's _recache and the marker functions ----

void MarkerStyle::recache() {
  path_ = Path();
  transform_ = Affine2D();
  alt_path_.reset();
  alt_transform_.reset();
  snap_threshold_.reset();
  joinstyle_ = JoinStyle::round;
  capstyle_ = user_capstyle_.value_or(CapStyle::butt);
  // Filled unless the fill style is none; the line-like markers say otherwise.
  filled_ = fillstyle_ != FillStyle::none;
  switch (kind_) {
    case Kind::named:
      set_named(marker_);
      break;
    case Kind::code:
      set_code(code_);
      break;
    case Kind::mathtext:
      set_mathtext();
      break;
    case Kind::path:
      set_custom();
      break;
    case Kind::tuple:
      set_tuple();
      break;
  }
}

bool MarkerStyle::half_fill() const {
  return fillstyle_ == FillStyle::left || fillstyle_ == FillStyle::right ||
         fillstyle_ == FillStyle::bottom || fillstyle_ == FillStyle::top;
}

void MarkerStyle::set_named(std::string_view n) {
  if (n == "None" || n == "none" || n == " " || n.empty()) {
    filled_ = false;  // _set_nothing
  } else if (n == ".") {
    set_circle(0.5);
  } else if (n == ",") {
    // _set_pixel: offset so that Agg's snapping makes it exactly one pixel.
    path_ = Path::unit_rectangle();
    transform_ = Affine2D::from_translation(-0.49999, -0.49999);
  } else if (n == "o") {
    set_circle(1.0);
  } else if (n == "v") {
    set_triangle(180.0, 2);
  } else if (n == "^") {
    set_triangle(0.0, 0);
  } else if (n == "<") {
    set_triangle(90.0, 3);
  } else if (n == ">") {
    set_triangle(270.0, 1);
  } else if (n == "1") {
    set_tri(0.0);
  } else if (n == "2") {
    set_tri(180.0);
  } else if (n == "3") {
    set_tri(270.0);
  } else if (n == "4") {
    set_tri(90.0);
  } else if (n == "8") {
    set_octagon();
  } else if (n == "s") {
    set_square();
  } else if (n == "p") {
    set_pentagon();
  } else if (n == "*") {
    set_star();
  } else if (n == "h") {
    set_hexagon1();
  } else if (n == "H") {
    set_hexagon2();
  } else if (n == "+" || n == "x") {
    // _set_plus / _set_x
    transform_ = scale(0.5);
    snap_threshold_ = n == "+" ? 1.0 : 3.0;
    filled_ = false;
    if (n == "+") {
      path_ = Path({{-1.0, 0.0}, {1.0, 0.0}, {0.0, -1.0}, {0.0, 1.0}},
                   {PC::moveto, PC::lineto, PC::moveto, PC::lineto});
    } else {
      path_ = Path({{-1.0, -1.0}, {1.0, 1.0}, {-1.0, 1.0}, {1.0, -1.0}},
                   {PC::moveto, PC::lineto, PC::moveto, PC::lineto});
    }
  } else if (n == "D") {
    set_diamond();
  } else if (n == "d") {
    // _set_thin_diamond: the diamond, squeezed. matplotlib scales the transform object that
    // the alt transform shares, so the alt transform is squeezed too.
    set_diamond();
    transform_.scale(0.6, 1.0);
    if (alt_transform_) alt_transform_ = transform_;
  } else if (n == "|") {
    set_vline();
  } else if (n == "_") {
    set_vline();
    rotate_deg(transform_, 90);
  } else if (n == "P") {
    set_plus_filled();
  } else if (n == "X") {
    set_x_filled();
  }
}

void MarkerStyle::set_code(int code) {
  switch (code) {
    case markers::tickleft:
      set_tick(-1.0, 1.0, false);
      break;
    case markers::tickright:
      set_tick(1.0, 1.0, false);
      break;
    case markers::tickup:
      set_tick(1.0, 1.0, true);
      break;
    case markers::tickdown:
      set_tick(1.0, -1.0, true);
      break;
    case markers::caretleft:
      set_caret(270, false);
      break;
    case markers::caretright:
      set_caret(90, false);
      break;
    case markers::caretup:
      set_caret(180, false);
      break;
    case markers::caretdown:
      set_caret(0, false);
      break;
    case markers::caretleftbase:
      set_caret(270, true);
      break;
    case markers::caretrightbase:
      set_caret(90, true);
      break;
    case markers::caretupbase:
      set_caret(180, true);
      break;
    default:  // caretdownbase (validated by the constructor)
      set_caret(0, true);
      break;
  }
}

void MarkerStyle::set_circle(double size) {
  transform_ = scale(0.5 * size);
  snap_threshold_ = std::numeric_limits<double>::infinity();
  if (!half_fill()) {
    path_ = mpl_unit_circle();
    return;
  }
  path_ = unit_circle_righthalf();
  alt_path_ = path_;
  double rot = 0;  // right
  if (fillstyle_ == FillStyle::top) rot = 90;
  if (fillstyle_ == FillStyle::left) rot = 180;
  if (fillstyle_ == FillStyle::bottom) rot = 270;
  rotate_deg(transform_, rot);
  Affine2D alt = transform_;
  alt_transform_ = rotate_deg(alt, 180.0);
}

void MarkerStyle::set_triangle(double rot, int skip) {
  transform_ = scale(0.5);
  rotate_deg(transform_, rot);
  snap_threshold_ = 5.0;
  if (!half_fill()) {
    path_ = create_closed({{0, 1}, {-1, -1}, {1, -1}});
  } else {
    // Up, left, down and right halves (down is the base strip, "up" the rest).
    const Path paths[4] = {
        create_closed({{0, 1}, {-3.0 / 5, -1.0 / 5}, {3.0 / 5, -1.0 / 5}}),
        create_closed({{0, 1}, {0, -1}, {-1, -1}}),
        create_closed({{-3.0 / 5, -1.0 / 5}, {3.0 / 5, -1.0 / 5}, {1, -1}, {-1, -1}}),
        create_closed({{0, 1}, {0, -1}, {1, -1}}),
    };
    int main = 3, alt = 1;  // right
    if (fillstyle_ == FillStyle::top) {
      main = 0;
      alt = 2;
    } else if (fillstyle_ == FillStyle::bottom) {
      main = 2;
      alt = 0;
    } else if (fillstyle_ == FillStyle::left) {
      main = 1;
      alt = 3;
    }
    path_ = paths[(main + skip) % 4];
    alt_path_ = paths[(alt + skip) % 4];
    alt_transform_ = transform_;
  }
  joinstyle_ = user_joinstyle_.value_or(JoinStyle::miter);
}

void MarkerStyle::set_square() {
  transform_ = Affine2D::from_translation(-0.5, -0.5);
  snap_threshold_ = 2.0;
  if (!half_fill()) {
    path_ = Path::unit_rectangle();
  } else {
    path_ = Path({{0.0, 0.0}, {1.0, 0.0}, {1.0, 0.5}, {0.0, 0.5}, {0.0, 0.0}});
    alt_path_ = Path({{0.0, 0.5}, {1.0, 0.5}, {1.0, 1.0}, {0.0, 1.0}, {0.0, 0.5}});
    double rot = 0;  // bottom
    if (fillstyle_ == FillStyle::right) rot = 90;
    if (fillstyle_ == FillStyle::top) rot = 180;
    if (fillstyle_ == FillStyle::left) rot = 270;
    rotate_deg(transform_, rot);
    alt_transform_ = transform_;
  }
  joinstyle_ = user_joinstyle_.value_or(JoinStyle::miter);
}

void MarkerStyle::set_diamond() {
  transform_ = Affine2D::from_translation(-0.5, -0.5);
  rotate_deg(transform_, 45);
  snap_threshold_ = 5.0;
  if (!half_fill()) {
    path_ = Path::unit_rectangle();
  } else {
    path_ = Path({{0, 0}, {1, 0}, {1, 1}, {0, 0}});
    alt_path_ = Path({{0, 0}, {0, 1}, {1, 1}, {0, 0}});
    double rot = 0;  // right
    if (fillstyle_ == FillStyle::top) rot = 90;
    if (fillstyle_ == FillStyle::left) rot = 180;
    if (fillstyle_ == FillStyle::bottom) rot = 270;
    rotate_deg(transform_, rot);
    alt_transform_ = transform_;
  }
  joinstyle_ = user_joinstyle_.value_or(JoinStyle::miter);
}

void MarkerStyle::set_halves(Path top, Path bottom, Path left, Path right) {
  switch (fillstyle_) {
    case FillStyle::top:
      path_ = std::move(top);
      alt_path_ = std::move(bottom);
      break;
    case FillStyle::bottom:
      path_ = std::move(bottom);
      alt_path_ = std::move(top);
      break;
    case FillStyle::left:
      path_ = std::move(left);
      alt_path_ = std::move(right);
      break;
    default:
      path_ = std::move(right);
      alt_path_ = std::move(left);
      break;
  }
  alt_transform_ = transform_;
}

void MarkerStyle::rotate_fill_halves() {
  double rot = 0;  // top
  if (fillstyle_ == FillStyle::left) rot = 90;
  if (fillstyle_ == FillStyle::bottom) rot = 180;
  if (fillstyle_ == FillStyle::right) rot = 270;
  rotate_deg(transform_, rot);
  Affine2D alt = transform_;
  alt_transform_ = rotate_deg(alt, 180.0);
}

void MarkerStyle::set_pentagon() {
  transform_ = scale(0.5);
  snap_threshold_ = 5.0;
  const std::vector<Point> v = regular_polygon_vertices(5);
  if (!half_fill()) {
    path_ = closed_path(v);
  } else {
    const double y = (1 + std::sqrt(5.0)) / 4.0;
    Path top(pick(v, {0, 1, 4, 0}));
    Path bottom(pick(v, {1, 2, 3, 4, 1}));
    Path left({v[0], v[1], v[2], {0, -y}, v[0]});
    Path right({v[0], v[4], v[3], {0, -y}, v[0]});
    set_halves(std::move(top), std::move(bottom), std::move(left), std::move(right));
  }
  joinstyle_ = user_joinstyle_.value_or(JoinStyle::miter);
}

void MarkerStyle::set_star() {
  transform_ = scale(0.5);
  snap_threshold_ = 5.0;
  const std::vector<Point> v = regular_star_vertices(5, 0.381966);
  if (!half_fill()) {
    path_ = closed_path(v);
  } else {
    Path top(pick(v, {0, 1, 2, 3, 7, 8, 9, 0}));
    Path bottom(pick(v, {3, 4, 5, 6, 7, 3}));
    Path left(pick(v, {0, 1, 2, 3, 4, 5, 0}));
    Path right(pick(v, {0, 5, 6, 7, 8, 9, 0}));
    set_halves(std::move(top), std::move(bottom), std::move(left), std::move(right));
  }
  joinstyle_ = user_joinstyle_.value_or(JoinStyle::bevel);
}

void MarkerStyle::set_hexagon1() {
  transform_ = scale(0.5);
  const std::vector<Point> v = regular_polygon_vertices(6);
  if (!half_fill()) {
    path_ = closed_path(v);
  } else {
    const double x = std::abs(std::cos(5 * kPi / 6.0));
    Path top({{-x, 0}, v[1], v[0], v[5], {x, 0}});
    Path bottom({{-x, 0}, v[2], v[3], v[4], {x, 0}});
    Path left(pick(v, {0, 1, 2, 3}));
    Path right(pick(v, {0, 5, 4, 3}));
    set_halves(std::move(top), std::move(bottom), std::move(left), std::move(right));
  }
  joinstyle_ = user_joinstyle_.value_or(JoinStyle::miter);
}

void MarkerStyle::set_hexagon2() {
  transform_ = scale(0.5);
  rotate_deg(transform_, 30);
  const std::vector<Point> v = regular_polygon_vertices(6);
  if (!half_fill()) {
    path_ = closed_path(v);
  } else {
    const double x = std::sqrt(3.0) / 4, y = 3 / 4.0;
    Path top(pick(v, {1, 0, 5, 4, 1}));
    Path bottom(pick(v, {1, 2, 3, 4}));
    Path left({{x, y}, v[0], v[1], v[2], {-x, -y}, {x, y}});
    Path right({{x, y}, v[5], v[4], v[3], {-x, -y}});
    set_halves(std::move(top), std::move(bottom), std::move(left), std::move(right));
  }
  joinstyle_ = user_joinstyle_.value_or(JoinStyle::miter);
}

void MarkerStyle::set_octagon() {
  transform_ = scale(0.5);
  snap_threshold_ = 5.0;
  if (!half_fill()) {
    rotate_deg(transform_, 22.5);
    path_ = closed_path(regular_polygon_vertices(8));
  } else {
    const double x = std::sqrt(2.0) / 4.0;
    path_ = Path({{0, -1}, {0, 1}, {-x, 1}, {-1, x}, {-1, -x}, {-x, -1}, {0, -1}});
    alt_path_ = path_;
    double rot = 0;  // left
    if (fillstyle_ == FillStyle::bottom) rot = 90;
    if (fillstyle_ == FillStyle::right) rot = 180;
    if (fillstyle_ == FillStyle::top) rot = 270;
    rotate_deg(transform_, rot);
    Affine2D alt = transform_;
    alt_transform_ = rotate_deg(alt, 180.0);
  }
  joinstyle_ = user_joinstyle_.value_or(JoinStyle::miter);
}

void MarkerStyle::set_vline() {
  transform_ = scale(0.5);
  snap_threshold_ = 1.0;
  filled_ = false;
  path_ = Path({{0.0, -1.0}, {0.0, 1.0}});
}

void MarkerStyle::set_tick(double sx, double sy, bool vertical) {
  transform_ = Affine2D::from_scale(sx, sy);
  snap_threshold_ = 1.0;
  filled_ = false;
  path_ = vertical ? Path({{-0.0, 0.0}, {-0.0, 1.0}}) : Path({{0.0, 0.0}, {1.0, 0.0}});
}

void MarkerStyle::set_tri(double rot) {
  transform_ = scale(0.5);
  if (rot != 0) rotate_deg(transform_, rot);
  snap_threshold_ = 5.0;
  filled_ = false;
  path_ = Path({{0.0, 0.0}, {0.0, -1.0}, {0.0, 0.0}, {0.8, 0.5}, {0.0, 0.0}, {-0.8, 0.5}},
               {PC::moveto, PC::lineto, PC::moveto, PC::lineto, PC::moveto, PC::lineto});
}

void MarkerStyle::set_caret(double rot, bool base) {
  transform_ = scale(0.5);
  if (rot != 0) rotate_deg(transform_, rot);
  snap_threshold_ = 3.0;
  filled_ = false;
  path_ = base ? Path({{-1.0, 0.0}, {0.0, -1.5}, {1.0, 0}})
               : Path({{-1.0, 1.5}, {0.0, 0.0}, {1.0, 1.5}});
  joinstyle_ = user_joinstyle_.value_or(JoinStyle::miter);
}

void MarkerStyle::set_plus_filled() {
  transform_ = Affine2D();
  snap_threshold_ = 5.0;
  joinstyle_ = user_joinstyle_.value_or(JoinStyle::miter);
  auto sixths = [](std::initializer_list<Point> pts) {
    std::vector<Point> v;
    for (Point p : pts) v.push_back({p.x / 6, p.y / 6});
    return create_closed(std::move(v));
  };
  if (!half_fill()) {
    path_ = sixths({{-1, -3},
                    {+1, -3},
                    {+1, -1},
                    {+3, -1},
                    {+3, +1},
                    {+1, +1},
                    {+1, +3},
                    {-1, +3},
                    {-1, +1},
                    {-3, +1},
                    {-3, -1},
                    {-1, -1}});
  } else {
    path_ = sixths({{+3, 0}, {+3, +1}, {+1, +1}, {+1, +3}, {-1, +3}, {-1, +1}, {-3, +1}, {-3, 0}});
    alt_path_ = path_;
    rotate_fill_halves();
  }
}

void MarkerStyle::set_x_filled() {
  transform_ = Affine2D();
  snap_threshold_ = 5.0;
  joinstyle_ = user_joinstyle_.value_or(JoinStyle::miter);
  auto quarters = [](std::initializer_list<Point> pts) {
    std::vector<Point> v;
    for (Point p : pts) v.push_back({p.x / 4, p.y / 4});
    return create_closed(std::move(v));
  };
  if (!half_fill()) {
    path_ = quarters({{-1, -2},
                      {0, -1},
                      {+1, -2},
                      {+2, -1},
                      {+1, 0},
                      {+2, +1},
                      {+1, +2},
                      {0, +1},
                      {-1, +2},
                      {-2, +1},
                      {-1, 0},
                      {-2, -1}});
  } else {
    path_ = quarters({{+1, 0}, {+2, +1}, {+1, +2}, {0, +1}, {-1, +2}, {-2, +1}, {-1, 0}});
    alt_path_ = path_;
    rotate_fill_halves();
  }
}

void MarkerStyle::set_custom() {
  // _set_custom_marker: scale so that the largest |x| or |y| becomes 0.5.
  double rescale = 0;
  for (const Point& p : custom_.vertices()) {
    rescale = std::max({rescale, std::abs(p.x), std::abs(p.y)});
  }
  transform_ = scale(0.5 / rescale);
  path_ = custom_;
}

void MarkerStyle::set_tuple() {
  switch (tuple_style_) {
    case 0:
      path_ = closed_path(regular_polygon_vertices(numsides_));
      joinstyle_ = user_joinstyle_.value_or(JoinStyle::miter);
      break;
    case 1:
      path_ = closed_path(regular_star_vertices(numsides_, 0.5));
      joinstyle_ = user_joinstyle_.value_or(JoinStyle::bevel);
      break;
    default:
      path_ = closed_path(regular_star_vertices(numsides_, 0.0));
      filled_ = false;
      joinstyle_ = user_joinstyle_.value_or(JoinStyle::bevel);
      break;
  }
  transform_ = scale(0.5);
  rotate_deg(transform_, angle_);
}

void MarkerStyle::set_mathtext() {
  // matplotlib's TextPath((0, 0), s): the text laid out at 100 px per em (TextToPath's
  // FONT_SCALE at 72 dpi) with unhinted glyph outlines, then scaled to rcParams font.size.
  const RcParams p = rc();
  FontProperties props;
  props.family = p.get_list("font.family");
  props.style = font_style_from_name(p.get_string("font.style"));
  props.weight = font_weight_from_name(p.get_string("font.weight"));
  props.stretch = font_stretch_from_name(p.get_string("font.stretch"));
  props.size = 100.0;
  const MathLayout layout = parse_and_layout_math(marker_, props, 72.0, rc_math_fontset());
  const double size = p.get_double("font.size") / 100.0;
  // matplotlib's vector mathtext output puts x = 0 at the left of the box and y = 0 at
  // ceil(height) - height below the baseline.
  const double dx = -layout.box_x;
  const double dy = std::ceil(layout.box_height) - layout.box_height;
  std::vector<Point> verts;
  std::vector<PathCode> codes;
  for (const MathGlyph& g : layout.glyphs) {
    if (!g.font) continue;
    const Path outline = g.font->glyph_outline(g.glyph_id, g.size_px);
    for (std::size_t i = 0; i < outline.size(); ++i) {
      const Point v = outline.vertices()[i];
      verts.push_back({(v.x + g.x + dx) * size, (v.y + g.y + dy) * size});
      codes.push_back(outline.code(i));
    }
  }
  for (const MathRect& r : layout.rects) {
    const double x = r.x + dx, y = r.y + dy;
    // TextToPath's rectangles close with the vertex (0, 0).
    for (Point v : {Point{x, y}, Point{x, y + r.h}, Point{x + r.w, y + r.h}, Point{x + r.w, y},
                    Point{x, y}, Point{0, 0}}) {
      verts.push_back({v.x * size, v.y * size});
    }
    codes.insert(codes.end(),
                 {PC::moveto, PC::lineto, PC::lineto, PC::lineto, PC::lineto, PC::closepoly});
  }
  if (verts.empty()) return;
  // _set_mathtext_path: centred on the vertices' box (control points included), the larger
  // side scaled to 1.
  double xmin = verts[0].x, xmax = verts[0].x, ymin = verts[0].y, ymax = verts[0].y;
  for (const Point& v : verts) {
    xmin = std::min(xmin, v.x);
    xmax = std::max(xmax, v.x);
    ymin = std::min(ymin, v.y);
    ymax = std::max(ymax, v.y);
  }
  const double width = xmax - xmin, height = ymax - ymin;
  const double max_dim = std::max(width, height);
  transform_ = Affine2D::from_translation(-xmin + 0.5 * -width, -ymin + 0.5 * -height);
  transform_.scale(1.0 / max_dim);
  path_ = Path(std::move(verts), std::move(codes));
}

// ---- markevery ----

namespace {

std::string list_repr(const std::vector<std::ptrdiff_t>& v) {
  return fmt::format("[{}]", fmt::join(v, ", "));
}

std::string list_repr(const std::vector<bool>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) s += ", ";
    s += v[i] ? "True" : "False";
  }
  return s + "]";
}

std::string opt_repr(const std::optional<std::ptrdiff_t>& v) {
  return v ? std::to_string(*v) : std::string("None");
}

// Python's slice(start, stop, step) applied to a sequence of length n.
std::vector<std::size_t> slice_indices(std::optional<std::ptrdiff_t> start_opt,
                                       std::optional<std::ptrdiff_t> stop_opt,
                                       std::optional<std::ptrdiff_t> step_opt, std::size_t n_,
                                       const std::string& what) {
  const std::ptrdiff_t step = step_opt.value_or(1);
  if (step == 0) throw ValueError(fmt::format("markevery={}: slice step cannot be zero", what));
  const auto n = static_cast<std::ptrdiff_t>(n_);
  const std::ptrdiff_t lower = step < 0 ? -1 : 0;
  const std::ptrdiff_t upper = step < 0 ? n - 1 : n;
  auto clamp = [&](std::optional<std::ptrdiff_t> v, std::ptrdiff_t dflt) {
    if (!v) return dflt;
    std::ptrdiff_t i = *v;
    if (i < 0) {
      i += n;
      if (i < lower) i = lower;
    } else if (i > upper) {
      i = upper;
    }
    return i;
  };
  const std::ptrdiff_t start = clamp(start_opt, step < 0 ? upper : lower);
  const std::ptrdiff_t stop = clamp(stop_opt, step < 0 ? lower : upper);
  std::vector<std::size_t> out;
  for (std::ptrdiff_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    out.push_back(static_cast<std::size_t>(i));
  }
  return out;
}

// The float forms: markers at display distances start, start + step, ... along the line (as
// fractions of the axes diagonal), each at the finite vertex closest along the line.
std::vector<std::size_t> every_distance(double start, double step, std::span<const Point> pts,
                                        const Bbox& axes) {
  if (step == 0 || !std::isfinite(step) || !std::isfinite(start)) {
    throw ValueError(fmt::format("markevery=({}, {}): the step must be finite and not zero",
                                 detail::py_float_repr(start), detail::py_float_repr(step)));
  }
  std::vector<std::size_t> finite;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    if (std::isfinite(pts[i].x) && std::isfinite(pts[i].y)) finite.push_back(i);
  }
  if (finite.empty()) return {};
  // Cumulative distance along the finite vertices (NumPy's sequential cumsum).
  std::vector<double> along(finite.size());
  double acc = 0;
  along[0] = 0;
  for (std::size_t k = 1; k < finite.size(); ++k) {
    const Point a = pts[finite[k - 1]], b = pts[finite[k]];
    acc += std::hypot(b.x - a.x, b.y - a.y);
    along[k] = acc;
  }
  const double scale = std::hypot(axes.x1 - axes.x0, axes.y1 - axes.y0);
  // A degenerate axes box would make np.arange fail; there is nowhere to put markers.
  if (!(scale > 0) || !std::isfinite(scale)) return {};
  // np.arange(start * scale, along[-1], step * scale): the length is
  // ceil((stop - start) / step); values are start + i * (first step as rounded).
  const double a0 = start * scale;
  const double stop = along.back();
  const double dstep = step * scale;
  const double len_f = std::ceil((stop - a0) / dstep);
  if (!(len_f > 0)) return {};
  if (len_f > 1e9) {
    throw ValueError(fmt::format("markevery=({}, {}): too many markers",
                                 detail::py_float_repr(start), detail::py_float_repr(step)));
  }
  const auto count = static_cast<std::size_t>(len_f);
  const double delta = (a0 + dstep) - a0;
  std::vector<std::size_t> picked;
  picked.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    double target = a0 + static_cast<double>(i) * delta;  // NumPy's fill from the first two
    if (i == 0) target = a0;
    if (i == 1) target = a0 + dstep;
    // NumPy's argmin |along - target|, the first index on ties. `along` never decreases, so
    // the nearest value is the first one >= target or the one before it (at its first index).
    const auto it = std::lower_bound(along.begin(), along.end(), target);
    std::size_t best = 0;
    if (it == along.end()) {
      best = static_cast<std::size_t>(std::lower_bound(along.begin(), along.end(), along.back()) -
                                      along.begin());
    } else if (it == along.begin()) {
      best = 0;
    } else {
      const double left = *(it - 1);
      if (std::abs(left - target) <= std::abs(*it - target)) {
        best = static_cast<std::size_t>(std::lower_bound(along.begin(), along.end(), left) -
                                        along.begin());
      } else {
        best = static_cast<std::size_t>(it - along.begin());
      }
    }
    picked.push_back(best);
  }
  std::sort(picked.begin(), picked.end());
  picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
  for (std::size_t& k : picked) k = finite[k];
  return picked;
}

}  // namespace

std::vector<std::size_t> markevery_indices(const MarkEvery& every,
                                           std::span<const Point> display_pts,
                                           const Bbox& axes_display_box) {
  const std::size_t n = display_pts.size();
  struct Visitor {
    std::span<const Point> pts;
    const Bbox& axes;
    std::size_t n;

    std::vector<std::size_t> operator()(std::monostate) const {
      std::vector<std::size_t> all(n);
      for (std::size_t i = 0; i < n; ++i) all[i] = i;
      return all;
    }
    std::vector<std::size_t> operator()(std::ptrdiff_t step) const {
      return slice_indices(0, std::nullopt, step, n, std::to_string(step));
    }
    std::vector<std::size_t> operator()(const MarkEveryStep& s) const {
      return slice_indices(s.start, std::nullopt, s.step, n,
                           fmt::format("({}, {})", s.start, s.step));
    }
    std::vector<std::size_t> operator()(const MarkEverySlice& s) const {
      return slice_indices(
          s.start, s.stop, s.step, n,
          fmt::format("slice({}, {}, {})", opt_repr(s.start), opt_repr(s.stop), opt_repr(s.step)));
    }
    std::vector<std::size_t> operator()(const std::vector<std::ptrdiff_t>& idx) const {
      std::vector<std::size_t> out;
      out.reserve(idx.size());
      const auto sn = static_cast<std::ptrdiff_t>(n);
      for (std::ptrdiff_t i : idx) {
        if (i < -sn || i >= sn) {
          throw ValueError(fmt::format("markevery={} is iterable but not a valid numpy fancy index",
                                       list_repr(idx)));
        }
        out.push_back(static_cast<std::size_t>(i < 0 ? i + sn : i));
      }
      return out;
    }
    std::vector<std::size_t> operator()(const std::vector<bool>& mask) const {
      if (mask.size() != n) {
        throw ValueError(fmt::format("markevery={} is iterable but not a valid numpy fancy index",
                                     list_repr(mask)));
      }
      std::vector<std::size_t> out;
      for (std::size_t i = 0; i < n; ++i) {
        if (mask[i]) out.push_back(i);
      }
      return out;
    }
    std::vector<std::size_t> operator()(double step) const {
      return every_distance(0.0, step, pts, axes);
    }
    std::vector<std::size_t> operator()(const MarkEveryDistance& d) const {
      return every_distance(d.start, d.step, pts, axes);
    }
  };
  return std::visit(Visitor{display_pts, axes_display_box, n}, every);
}

}  // namespace strata
