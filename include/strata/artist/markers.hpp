// SPDX-License-Identifier: MIT
#pragma once
// Markers (matplotlib's markers.py, MarkerStyle, 3.6.3) and marker subsampling (lines.py
// _mark_every_path).
//
// A MarkerStyle is the shape drawn at each vertex of a line: a path and the transform that
// takes it to a marker of size 1 (the artist then scales by the marker size in points). Paths,
// transforms, join and cap styles and the half-filled variants are matplotlib's, value for
// value.
//
// **Example**
// ```
// strata::MarkerStyle m("o", strata::FillStyle::left);
// m.get_path();            // right half of the unit circle (4 cubic arcs)
// m.get_transform();       // scale(0.5) then rotate 180 degrees
// m.get_alt_path();        // the same half, for markerfacecoloralt
// auto idx = strata::markevery_indices(5, pts, axes_box);  // 0, 5, 10, ...
// ```

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "strata/backend/graphics_context.hpp"
#include "strata/core/affine2d.hpp"
#include "strata/core/geometry.hpp"
#include "strata/core/path.hpp"
#include "strata/export.hpp"

namespace strata {

/// Which part of a filled marker is painted with markerfacecolor (matplotlib's fillstyles).
/// The other half of a half-filled marker is painted with markerfacecoloralt.
enum class FillStyle : std::uint8_t { full, left, right, bottom, top, none };

/// Parses "full", "left", "right", "bottom", "top" or "none". Throws strata::ValueError
/// ("'foo' is not a valid value for fillstyle; supported values are 'full', ...").
///
/// **Example**
/// ```
/// strata::parse_fillstyle("top");  // FillStyle::top
/// ```
[[nodiscard]] STRATA_API FillStyle parse_fillstyle(std::string_view name);

/// The matplotlib name of a fill style ("full", "left", ...).
[[nodiscard]] STRATA_API std::string_view fillstyle_name(FillStyle fs);

/// matplotlib's integer marker codes (markers.TICKLEFT .. CARETDOWNBASE), for
/// MarkerStyle(int).
namespace markers {
inline constexpr int tickleft = 0;
inline constexpr int tickright = 1;
inline constexpr int tickup = 2;
inline constexpr int tickdown = 3;
inline constexpr int caretleft = 4;
inline constexpr int caretright = 5;
inline constexpr int caretup = 6;
inline constexpr int caretdown = 7;
inline constexpr int caretleftbase = 8;
inline constexpr int caretrightbase = 9;
inline constexpr int caretupbase = 10;
inline constexpr int caretdownbase = 11;
}  // namespace markers

/// A marker shape, as matplotlib's MarkerStyle. Value type; immutable except by assignment
/// (the `with_*`, `transformed`, `rotated*` and `scaled` methods return modified copies).
///
/// Kinds of marker:
/// - a marker string: `. , o v ^ < > 1 2 3 4 8 s p P * h H + x X D d | _`, or "None", "none",
///   " ", "" for no marker;
/// - mathtext, "$...$": the text's outline (as matplotlib's TextPath at rcParams font.size,
///   in the rcParams font and mathtext.fontset), centred and scaled to a largest side of 1;
/// - an integer code 0..11 (markers::tickleft .. markers::caretdownbase);
/// - a custom Path or list of vertices, scaled so that max |x|, |y| is 0.5;
/// - a regular polygon, star or asterisk of `numsides` corners rotated by `angle` degrees
///   (matplotlib's tuple markers (numsides, style, angle) with style 0, 1, 2).
///
/// The fill style defaults to rcParams["markers.fillstyle"]. Only the markers matplotlib
/// splits (o . v ^ < > 8 s p * h H D d P X) have half-filled variants; the others ignore
/// left/right/bottom/top.
///
/// **Example**
/// ```
/// strata::MarkerStyle star("*");
/// star.get_transform();                      // scale(0.5)
/// strata::MarkerStyle tick(strata::markers::tickdown);
/// auto hexagon = strata::MarkerStyle::regular_polygon(6, 30.0);
/// auto math = strata::MarkerStyle("$\\clubsuit$");
/// strata::MarkerStyle bad("q");              // throws ValueError: Unrecognized marker style 'q'
/// ```
class STRATA_API MarkerStyle {
 public:
  /// No marker (matplotlib's MarkerStyle("")), fill style from rcParams.
  MarkerStyle();
  /// A marker string or mathtext "$...$". Throws strata::ValueError
  /// ("Unrecognized marker style 'q'") for anything else, and for mathtext the text layer's
  /// syntax errors.
  explicit MarkerStyle(std::string_view marker, std::optional<FillStyle> fillstyle = {});
  /// An integer code 0..11 (markers::tickleft ..). Throws strata::ValueError
  /// ("Unrecognized marker style 12") for other numbers.
  explicit MarkerStyle(int code, std::optional<FillStyle> fillstyle = {});

  /// A custom path, scaled by 0.5 / max(|x|, |y|) over its vertices (matplotlib's Path
  /// markers). Throws strata::ValueError when the path is empty.
  [[nodiscard]] static MarkerStyle from_path(Path path, std::optional<FillStyle> fillstyle = {});
  /// A polyline through `vertices` (matplotlib's (N, 2) array markers), scaled as from_path.
  [[nodiscard]] static MarkerStyle from_vertices(std::vector<Point> vertices,
                                                 std::optional<FillStyle> fillstyle = {});
  /// matplotlib's tuple marker (numsides, style, angle): style 0 a regular polygon, 1 a star,
  /// 2 an asterisk, rotated by `angle_deg`. Throws strata::ValueError
  /// ("Unrecognized marker style (5, 3, 0.0)") for another style and for numsides < 1.
  [[nodiscard]] static MarkerStyle from_tuple(int numsides, int style, double angle_deg = 0.0,
                                              std::optional<FillStyle> fillstyle = {});
  /// (numsides, 0, angle): a regular polygon.
  [[nodiscard]] static MarkerStyle regular_polygon(int numsides, double angle_deg = 0.0,
                                                   std::optional<FillStyle> fillstyle = {});
  /// (numsides, 1, angle): a star with inner radius 0.5.
  [[nodiscard]] static MarkerStyle star(int numsides, double angle_deg = 0.0,
                                        std::optional<FillStyle> fillstyle = {});
  /// (numsides, 2, angle): an asterisk (lines from the centre; never filled).
  [[nodiscard]] static MarkerStyle asterisk(int numsides, double angle_deg = 0.0,
                                            std::optional<FillStyle> fillstyle = {});

  /// The path of the marker; for a half-filled marker the half painted with markerfacecolor.
  /// Empty for no marker.
  [[nodiscard]] const Path& get_path() const { return path_; }
  /// The transform to apply to get_path() for a marker of size 1, followed by the user
  /// transform (transformed / rotated / scaled).
  [[nodiscard]] Affine2D get_transform() const;
  /// The other half of a half-filled marker (painted with markerfacecoloralt); nullopt for
  /// full, none and markers without halves.
  [[nodiscard]] const std::optional<Path>& get_alt_path() const { return alt_path_; }
  /// The transform of get_alt_path(), with the user transform; nullopt when it has none.
  [[nodiscard]] std::optional<Affine2D> get_alt_transform() const;
  /// Whether the marker has an inside to fill (false for lines such as "+" and "x", and for
  /// fill style none).
  [[nodiscard]] bool is_filled() const { return filled_; }
  [[nodiscard]] FillStyle get_fillstyle() const { return fillstyle_; }
  [[nodiscard]] JoinStyle get_joinstyle() const { return joinstyle_; }
  [[nodiscard]] CapStyle get_capstyle() const { return capstyle_; }
  /// The marker as given: the marker string ("o", "$x$", "None"); the code as a number
  /// ("4") for integer markers; "(5, 1, 30.0)" for tuple markers; "<path>" and "<vertices>"
  /// for custom shapes.
  [[nodiscard]] const std::string& get_marker() const { return marker_; }
  /// The integer code of a MarkerStyle(int), else nullopt.
  [[nodiscard]] std::optional<int> get_marker_code() const;
  /// Marker size in pixels below which backends snap the marker to the pixel grid
  /// (matplotlib's snap threshold); nullopt for never. +inf for circles.
  [[nodiscard]] std::optional<double> get_snap_threshold() const { return snap_threshold_; }
  /// The user part of the transform, if any.
  [[nodiscard]] const std::optional<Affine2D>& get_user_transform() const { return user_; }
  /// False for no marker (an empty path), as matplotlib's bool(MarkerStyle).
  [[nodiscard]] explicit operator bool() const { return !path_.empty(); }
  [[nodiscard]] bool empty() const { return path_.empty(); }

  /// The same marker with another fill style (as Line2D.set_fillstyle).
  [[nodiscard]] MarkerStyle with_fillstyle(FillStyle fillstyle) const;
  /// The same marker with the cap style forced (matplotlib's capstyle argument).
  [[nodiscard]] MarkerStyle with_capstyle(std::optional<CapStyle> capstyle) const;
  /// The same marker with the join style forced where matplotlib lets it be overridden
  /// (matplotlib's joinstyle argument: polygons, stars, carets, filled markers).
  [[nodiscard]] MarkerStyle with_joinstyle(std::optional<JoinStyle> joinstyle) const;
  /// The marker with `t` applied after its own transform and any user transform.
  [[nodiscard]] MarkerStyle transformed(const Affine2D& t) const;
  /// Rotated counter-clockwise by `degrees` (after any user transform).
  [[nodiscard]] MarkerStyle rotated_deg(double degrees) const;
  /// Rotated counter-clockwise by `radians` (after any user transform).
  [[nodiscard]] MarkerStyle rotated(double radians) const;
  /// Scaled by (sx, sy) (after any user transform).
  [[nodiscard]] MarkerStyle scaled(double sx, double sy) const;
  [[nodiscard]] MarkerStyle scaled(double s) const { return scaled(s, s); }

 private:
  enum class Kind : std::uint8_t { named, code, mathtext, path, tuple };
  MarkerStyle(Kind kind, std::optional<FillStyle> fillstyle);
  void recache();
  void set_named(std::string_view name);
  void set_code(int code);
  void set_mathtext();
  void set_custom();
  void set_tuple();
  [[nodiscard]] bool half_fill() const;
  // Marker functions of matplotlib's MarkerStyle (_set_circle, _set_triangle, ...).
  void set_circle(double size);
  void set_triangle(double rot, int skip);
  void set_square();
  void set_diamond();
  void set_pentagon();
  void set_star();
  void set_hexagon1();
  void set_hexagon2();
  void set_octagon();
  void set_vline();
  void set_tick(double sx, double sy, bool vertical);
  void set_tri(double rot);
  void set_caret(double rot, bool base);
  void set_plus_filled();
  void set_x_filled();
  // The half-filled variants: painted and alt halves by fill style; alt transform shared.
  void set_halves(Path top, Path bottom, Path left, Path right);
  // P and X: one half path, rotated to the fill style; the alt half rotated 180 degrees more.
  void rotate_fill_halves();

  // What was asked for.
  Kind kind_ = Kind::named;
  std::string marker_{};
  int code_ = 0;
  Path custom_{};  // path and vertex markers
  int numsides_ = 0;
  int tuple_style_ = 0;
  double angle_ = 0.0;
  FillStyle fillstyle_ = FillStyle::full;
  std::optional<Affine2D> user_{};
  std::optional<CapStyle> user_capstyle_{};
  std::optional<JoinStyle> user_joinstyle_{};

  // What it makes (matplotlib's _recache state).
  Path path_{};
  Affine2D transform_{};
  std::optional<Path> alt_path_{};
  std::optional<Affine2D> alt_transform_{};
  std::optional<double> snap_threshold_{};
  JoinStyle joinstyle_ = JoinStyle::round;
  CapStyle capstyle_ = CapStyle::butt;
  bool filled_ = false;
};

/// markevery (start, N) with integers: every N-th point from `start` (a Python slice
/// start::N, so negative values count from the end; N may be negative, not 0).
struct MarkEveryStep {
  std::ptrdiff_t start = 0;
  std::ptrdiff_t step = 1;
  friend bool operator==(const MarkEveryStep&, const MarkEveryStep&) = default;
};

/// markevery as a Python slice(start, stop, step); unset parts take Python's defaults.
struct MarkEverySlice {
  std::optional<std::ptrdiff_t> start{};
  std::optional<std::ptrdiff_t> stop{};
  std::optional<std::ptrdiff_t> step{};
  friend bool operator==(const MarkEverySlice&, const MarkEverySlice&) = default;
};

/// markevery (start, step) with floats: markers spaced `step` apart along the line in
/// display space, starting `start` along it, both as fractions of the axes diagonal.
struct MarkEveryDistance {
  double start = 0.0;
  double step = 0.1;
  friend bool operator==(const MarkEveryDistance&, const MarkEveryDistance&) = default;
};

/// Which vertices of a line get markers (matplotlib's Line2D markevery):
/// - std::monostate: every point (markevery=None);
/// - an integer N: every N-th point from the first (markevery=N);
/// - MarkEveryStep{start, N}: markevery=(start, N);
/// - MarkEverySlice: markevery=slice(start, stop, step);
/// - std::vector<std::ptrdiff_t>: these indices, in this order (negative from the end);
/// - std::vector<bool>: where true (one per point);
/// - a double f: markevery=f, i.e. MarkEveryDistance{0, f};
/// - MarkEveryDistance{start, step}: markevery=(start, step) with floats.
///
/// **Example**
/// ```
/// strata::MarkEvery every = 5;                                  // 0, 5, 10, ...
/// strata::MarkEvery sl = strata::MarkEverySlice{.start = 1, .step = 2};
/// strata::MarkEvery frac = 0.1;           // about every tenth of the axes diagonal
/// ```
using MarkEvery =
    std::variant<std::monostate, std::ptrdiff_t, MarkEveryStep, MarkEverySlice,
                 std::vector<std::ptrdiff_t>, std::vector<bool>, double, MarkEveryDistance>;

/// The indices of `display_pts` (the line's vertices in display coordinates) that get a
/// marker, as matplotlib's lines._mark_every_path. `axes_display_box` is the axes in display
/// coordinates; only the float forms use it (their distances are fractions of its diagonal,
/// and non-finite points are skipped). Throws strata::ValueError for a zero step
/// ("markevery=(0, 0): slice step cannot be zero"), for indices out of range and for a mask
/// of the wrong length ("markevery=[0, 10] is iterable but not a valid numpy fancy index").
///
/// Indices come in the order matplotlib draws the markers: slice order for the integer and
/// slice forms, the given order for index lists, increasing for masks and the float forms.
[[nodiscard]] STRATA_API std::vector<std::size_t> markevery_indices(
    const MarkEvery& every, std::span<const Point> display_pts, const Bbox& axes_display_box);

}  // namespace strata
