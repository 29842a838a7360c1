// SPDX-License-Identifier: MIT
#pragma once
// XAxis and YAxis (matplotlib's axis.py): the scale, the major and minor locators and
// formatters, tick marks, tick labels, grid lines, the axis label and the offset text of one
// direction of an Axes.
//
// Ticks are not artists of their own here: each draw asks the locator for the locations in
// view and draws all tick marks of one kind with a single draw_markers call, the grid lines as
// one path each and the labels as text, with the styles of TickStyle. The geometry equals
// matplotlib's Tick artists (tick marks are markers TICKDOWN/TICKLEFT... of `size` points,
// labels `pad` points beyond the tick mark).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "strata/artist/artist.hpp"
#include "strata/artist/text.hpp"
#include "strata/colors/color.hpp"
#include "strata/data/units.hpp"
#include "strata/ticker/formatter.hpp"
#include "strata/ticker/locator.hpp"
#include "strata/transforms/scale.hpp"

namespace strata {

/// The look of one kind of tick (major or minor) of one axis: matplotlib's Tick properties,
/// set with tick_params. Defaults come from rcParams xtick.* / ytick.*.
struct TickStyle {
  double size = 3.5;              ///< tick mark length, points
  double width = 0.8;             ///< tick mark line width, points
  double pad = 3.5;               ///< tick mark to label, points
  std::string direction = "out";  ///< "in", "out" or "inout"
  Rgba color{0, 0, 0, 1};
  Rgba labelcolor{0, 0, 0, 1};
  double labelsize = 10.0;  ///< points
  double labelrotation = 0.0;
  std::optional<HAlign> label_ha{};  ///< nullopt: center (x) / right or left (y)
  std::optional<VAlign> label_va{};  ///< nullopt: top or bottom (x) / center_baseline (y)
  bool tick1on = true;               ///< bottom / left tick marks
  bool tick2on = false;              ///< top / right tick marks
  bool label1on = true;
  bool label2on = false;
  bool gridon = false;
  Rgba grid_color{0.6901960784313725, 0.6901960784313725, 0.6901960784313725, 1};
  double grid_linewidth = 0.8;
  std::optional<double> grid_alpha{};
  std::string grid_linestyle = "-";
  double zorder = 0.0;
};

/// Options of tick_params; unset fields keep their value.
///
/// **Example**
/// ```
/// ax.tick_params({.axis = "x", .which = "both", .direction = "in", .length = 6});
/// ```
struct TickParams {
  std::string axis = "both";    ///< "x", "y" or "both" (Axes::tick_params)
  std::string which = "major";  ///< "major", "minor" or "both"
  std::optional<std::string> direction{};
  std::optional<double> length{};
  std::optional<double> width{};
  std::optional<Color> color{};
  std::optional<double> pad{};
  std::optional<double> labelsize{};
  std::optional<Color> labelcolor{};
  std::optional<Color> colors{};  ///< tick and label color
  std::optional<double> labelrotation{};
  std::optional<bool> bottom{}, top{}, left{}, right{};
  std::optional<bool> labelbottom{}, labeltop{}, labelleft{}, labelright{};
  std::optional<Color> grid_color{};
  std::optional<double> grid_alpha{};
  std::optional<double> grid_linewidth{};
  std::optional<std::string> grid_linestyle{};
};

/// Options of Axes::grid.
struct GridOptions {
  std::optional<Color> color{};
  std::optional<double> linewidth{};
  std::optional<std::string> linestyle{};
  std::optional<double> alpha{};
};

/// One tick as drawn: location (data) and label.
struct TickInfo {
  double loc = 0.0;
  std::string label{};
};

class Axes;

/// One axis of an Axes (matplotlib's Axis). Owned by its Axes.
class STRATA_API Axis : public Artist {
 public:
  Axis(Axes& axes, bool is_x);
  ~Axis() override;

  void draw(Renderer& renderer) override;
  /// The union of the tick labels, the axis label and the offset text, at the figure dpi.
  [[nodiscard]] Bbox get_tightbbox() const override;
  /// With `for_layout_only`, the axis label counts 1 px along the axis (matplotlib's
  /// _get_tightbbox_for_layout_only), so a long label makes no room sideways.
  [[nodiscard]] Bbox get_tightbbox(bool for_layout_only) const;
  [[nodiscard]] Bbox get_window_extent() const override { return get_tightbbox(); }

  [[nodiscard]] bool is_x() const { return is_x_; }
  [[nodiscard]] Axes& axes() const { return *owner_; }

  /// The scale; set through Axes::set_xscale / set_yscale.
  [[nodiscard]] const ScaleBase& get_scale() const { return *scale_; }
  /// Replaces the scale and installs its default locators and formatters.
  void set_scale(std::unique_ptr<ScaleBase> scale);
  /// The minor tick multiples of a log or symlog scale (empty: matplotlib's "auto"); takes
  /// effect at the next set_scale.
  void set_log_subs(std::vector<double> subs) { log_subs_ = std::move(subs); }

  [[nodiscard]] Locator& get_major_locator() const { return *major_locator_; }
  [[nodiscard]] Locator& get_minor_locator() const { return *minor_locator_; }
  [[nodiscard]] Formatter& get_major_formatter() const { return *major_formatter_; }
  [[nodiscard]] Formatter& get_minor_formatter() const { return *minor_formatter_; }
  void set_major_locator(std::shared_ptr<Locator> locator);
  void set_minor_locator(std::shared_ptr<Locator> locator);
  void set_major_formatter(std::shared_ptr<Formatter> formatter);
  void set_minor_formatter(std::shared_ptr<Formatter> formatter);
  /// Turns minor ticks on (AutoMinorLocator on linear axes) or off (NullLocator).
  void minorticks_on();
  void minorticks_off();

  /// Fixed tick locations (and labels when given), as matplotlib's Axis.set_ticks.
  void set_ticks(std::vector<double> ticks, std::optional<std::vector<std::string>> labels = {},
                 bool minor = false);
  /// Fixed labels for the current fixed locations (FixedFormatter).
  void set_ticklabels(std::vector<std::string> labels, bool minor = false);
  /// The tick locations the locator gives for the current view (may lie outside it).
  [[nodiscard]] std::vector<double> get_ticklocs(bool minor = false) const;
  /// The ticks drawn: locations inside the view interval with their labels.
  [[nodiscard]] std::vector<TickInfo> get_ticks_in_view(bool minor = false) const;

  [[nodiscard]] TickStyle& major_style() { return major_style_; }
  [[nodiscard]] TickStyle& minor_style() { return minor_style_; }
  [[nodiscard]] const TickStyle& major_style() const { return major_style_; }
  [[nodiscard]] const TickStyle& minor_style() const { return minor_style_; }
  /// matplotlib's Axis.set_tick_params for this axis.
  void set_tick_params(const TickParams& params);
  /// Text properties of every tick label of one kind (matplotlib's
  /// `plt.setp(ax.get_xticklabels(), rotation=45, ha="right")`): rotation, ha, va, fontsize,
  /// color; other fields are ignored.
  void set_ticklabel_props(const TextOptions& props, bool minor = false);
  /// Grid lines on or off for `which` ("major", "minor", "both"), with a style.
  void grid(std::optional<bool> visible, std::string_view which, const GridOptions& style);

  /// The axis label.
  [[nodiscard]] Text& label() { return *label_; }
  [[nodiscard]] const Text& label() const { return *label_; }
  void set_label_text(std::string text, const TextOptions& options = {});
  /// Points between the tick labels and the axis label (rcParams axes.labelpad).
  [[nodiscard]] double get_labelpad() const { return labelpad_; }
  void set_labelpad(double points) { labelpad_ = points; }
  /// "bottom"/"top" for x, "left"/"right" for y.
  void set_label_position(std::string_view position);
  [[nodiscard]] const std::string& get_label_position() const { return label_position_; }
  /// Where the label sits along the axis: "left"/"center"/"right" (x) or
  /// "bottom"/"center"/"top" (y).
  void set_label_loc(std::string_view loc);
  /// Which side gets the tick marks and labels: "bottom", "top", "both", "default", "none"
  /// for x; "left", "right", ... for y (matplotlib's set_ticks_position).
  void set_ticks_position(std::string_view position);
  /// The offset text (ScalarFormatter's "1e5" or "+1e3").
  [[nodiscard]] Text& offset_text() { return *offset_text_; }

  /// The view interval (the axes' view limits in this direction).
  [[nodiscard]] std::pair<double, double> get_view_interval() const;
  /// The data interval and the smallest positive data value.
  [[nodiscard]] std::pair<double, double> get_data_interval() const;
  [[nodiscard]] double get_minpos() const;
  [[nodiscard]] bool get_inverted() const;

  /// The tick label boxes (label1 side and label2 side) of the major and minor ticks in view,
  /// at `dpi` (what layout engines and the axis label placement use).
  struct LabelExtents {
    std::vector<Bbox> side1{};
    std::vector<Bbox> side2{};
  };
  [[nodiscard]] LabelExtents get_ticklabel_extents(double dpi) const;

  /// The axis' units and converter (matplotlib's Axis.converter / units).
  [[nodiscard]] AxisUnits& units() { return *units_; }
  [[nodiscard]] const AxisUnits& units() const { return *units_; }
  /// The same, shared: series plotted with units hold it (UnitContainer) and convert with the
  /// units current at each draw.
  [[nodiscard]] const std::shared_ptr<AxisUnits>& shared_units() const { return units_; }
  /// Sets the axis' units (matplotlib's Axis.set_units) on this axis and the axes sharing it:
  /// their converter's locator, formatter and label (unless set by the user) follow, every
  /// line plotted with units is converted again at the next draw, and the data limits are
  /// recomputed (relim + autoscale).
  void set_units(Units units);
  /// Converts `values` to floats with this axis' converter (matplotlib's update_units followed
  /// by convert_units): the first unit-full values choose the converter, and the axis takes
  /// its default locator, formatter, label and limits. Numbers pass through.
  [[nodiscard]] std::vector<double> convert_units(const UnitValues& values);
  /// A date axis without date data yet (matplotlib's axis_date): the date converter's
  /// locator and formatter.
  void axis_date();

  /// The number of tick label widths that fit (for MaxNLocator's nbins="auto").
  [[nodiscard]] int get_tick_space() const;

 private:
  friend class Axes;
  struct Prepared;
  void prepare_helpers(Locator& loc, Formatter& fmt) const;
  [[nodiscard]] std::vector<TickInfo> compute_ticks(bool minor) const;
  void draw_ticks(Renderer& renderer, const std::vector<TickInfo>& ticks, const TickStyle& style,
                  double dpi);
  void place_label(double dpi, const LabelExtents& extents);
  void place_offset_text(double dpi, const LabelExtents& extents);
  [[nodiscard]] TextLayoutOptions ticklabel_options(const TickStyle& style, bool side2) const;
  [[nodiscard]] Point ticklabel_anchor(const TickStyle& style, double loc_display, bool side2,
                                       double dpi) const;
  void apply_rc_tick_styles();
  void apply_axis_info(const AxisInfo& info);

  Axes* owner_;
  bool is_x_;
  std::unique_ptr<ScaleBase> scale_;
  std::shared_ptr<Locator> major_locator_;
  std::shared_ptr<Locator> minor_locator_;
  std::shared_ptr<Formatter> major_formatter_;
  std::shared_ptr<Formatter> minor_formatter_;
  bool major_locator_is_default_ = true;
  bool minor_locator_is_default_ = true;
  bool major_formatter_is_default_ = true;
  bool minor_formatter_is_default_ = true;
  TickStyle major_style_{};
  TickStyle minor_style_{};
  std::unique_ptr<Text> label_;
  std::unique_ptr<Text> offset_text_;
  double labelpad_ = 4.0;
  std::string label_position_;
  std::string label_loc_ = "center";
  FontProperties ticklabel_font_{};
  std::vector<double> log_subs_{};
  std::shared_ptr<AxisUnits> units_ = std::make_shared<AxisUnits>();
  bool label_is_default_ = true;  // matplotlib's isDefault_label
};

}  // namespace strata
