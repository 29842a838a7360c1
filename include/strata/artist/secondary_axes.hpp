// SPDX-License-Identifier: MIT
#pragma once
// Secondary axes (matplotlib's axes/_secondary_axes.py): a second x or y axis on an Axes that
// shows the parent's coordinates through a function, e.g. degrees above radians or period
// below frequency. Made with Axes::secondary_xaxis / secondary_yaxis.
//
// A SecondaryAxis is an Axes of its own (its Axis draws ticks, tick labels and a label; it
// has set_xlabel, tick_params, ...) that the parent owns as a child axes and draws with its
// children. At every draw, and whenever the parent measures its decorations, it
//   - places itself on the parent: a box from 0 to 1 along the axis and of zero thickness at
//     `location` across it, in the parent's axes coordinates (matplotlib's
//     _TransformedBoundsLocator),
//   - takes the parent's scale: "function" with the roles of the functions inverted, or
//     "functionlog" when the parent is logarithmic (matplotlib's _set_scale),
//   - takes the parent's limits through `forward`, in the parent's order (_set_lims).
// Only the spine on the chosen side is drawn, the background patch is not, and the other
// axis has no ticks.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "strata/artist/axes.hpp"
#include "strata/transforms/scale.hpp"

namespace strata {

/// A function scale followed by a log scale (matplotlib's FuncScaleLog, "functionlog"):
/// forward(x), then log in `base`; log-scale limits (non-positive values become minpos).
/// A secondary axis of a log-scaled parent uses it.
///
/// **Example**
/// ```
/// strata::FuncScaleLog s([](double x) { return 2 * x; }, [](double y) { return y / 2; });
/// s.get_transform()->transform({50, 50});  // {2, 2}: log10(100)
/// ```
class STRATA_API FuncScaleLog : public LogScale {
 public:
  /// Throws strata::ValueError when a function is empty or the base is bad.
  FuncScaleLog(std::function<double(double)> forward, std::function<double(double)> inverse,
               double base = 10);
  /// "functionlog".
  [[nodiscard]] std::string_view name() const override { return "functionlog"; }
  /// FuncTransform(forward, inverse) + LogTransform(base).
  [[nodiscard]] TransformPtr get_transform() const override { return transform_; }

 private:
  TransformPtr transform_;
};

/// A second x or y axis on an Axes (matplotlib's SecondaryAxis); see the file comment.
///
/// **Example**
/// ```
/// strata::Axes& ax = fig.add_subplot();
/// ax.plot(deg, y);
/// auto deg2rad = [](double x) { return x * std::numbers::pi / 180; };
/// auto rad2deg = [](double x) { return x * 180 / std::numbers::pi; };
/// strata::SecondaryAxis& secax = ax.secondary_xaxis("top", deg2rad, rad2deg);
/// secax.set_xlabel("angle [rad]");
/// ```
class STRATA_API SecondaryAxis : public Axes {
 public:
  using Function = std::function<double(double)>;
  using Location = std::variant<std::string, double>;

  /// A secondary axis of `parent`: orientation "x" or "y"; location "top"/"bottom" (x),
  /// "left"/"right" (y) or a finite axes fraction; forward and inverse both given, or both
  /// empty (identity). Throws strata::ValueError for anything else. Use
  /// Axes::secondary_xaxis / secondary_yaxis, which make the parent own it.
  SecondaryAxis(Axes& parent, std::string_view orientation, const Location& location,
                Function forward = {}, Function inverse = {});
  ~SecondaryAxis() override;

  /// Places itself, takes the parent's scale and limits, then draws as an Axes.
  void draw(Renderer& renderer) override;

  /// The parent Axes.
  [[nodiscard]] Axes& parent() const { return *parent_; }
  /// "x" or "y".
  [[nodiscard]] std::string_view orientation() const { return orientation_; }
  /// The secondary Axis (xaxis() for "x", yaxis() for "y").
  [[nodiscard]] Axis& axis() const { return *axis_; }
  /// The location across the parent, in its axes fraction (0 bottom/left, 1 top/right).
  [[nodiscard]] double get_location() const { return pos_; }

  /// Which side of the axis line gets the spine, ticks, tick labels and label: "top" or
  /// "bottom" for x, "left" or "right" for y; ValueError otherwise.
  void set_alignment(std::string_view align);
  /// Moves the axis: "top"/"bottom" (x), "right"/"left" (y) or an axes fraction of the
  /// parent; ValueError for other names or a non-finite fraction. Keeps the alignment.
  void set_location(const Location& location);
  /// The conversion from parent to secondary coordinates and back; both empty for the
  /// identity, ValueError when only one is given.
  void set_functions(Function forward, Function inverse);
  /// Fixed tick locations (and labels) that survive later changes of the parent's scale
  /// (matplotlib's SecondaryAxis.set_ticks).
  void set_ticks(std::vector<double> ticks, std::optional<std::vector<std::string>> labels = {},
                 bool minor = false);
  /// The color of the spines, ticks, tick labels and label of the secondary axis.
  void set_color(const Color& color);
  /// Secondary axes cannot set an aspect ratio: does nothing (matplotlib warns).
  void set_aspect(std::variant<std::string, double> aspect, std::string_view adjustable = "");

 protected:
  /// Takes the parent's scale and limits and places the axes on the parent (matplotlib
  /// calls the axes locator, then SecondaryAxis.apply_aspect).
  void apply_aspect() override;

 private:
  void set_scale();
  void set_lims();

  Axes* parent_;
  std::string orientation_;
  Axis* axis_;
  std::vector<std::string> locstrings_;    // sides of the axis line: [aligned, other]
  std::vector<std::string> otherstrings_;  // the sides across
  double pos_ = 1.0;
  Function forward_{};
  Function inverse_{};
  bool ticks_set_ = false;
  std::optional<std::string> parentscale_{};  // the parent scale the scale was made for
};

}  // namespace strata
