// SPDX-License-Identifier: MIT
#pragma once
// Axes (matplotlib's axes/_base.py and parts of _axes.py): the data area of a figure with its
// two Axis, four spines, title texts, background patch and the artists plotted into it.
//
// Transform chain, as matplotlib's:
//   transScale  = blended(xscale, yscale)                      (non-affine)
//   transLimits = BboxTransformFrom(TransformedBbox(viewLim, transScale))
//   transAxes   = BboxTransformTo(bbox)   with bbox = TransformedBbox(position, transFigure)
//   transData   = transScale + (transLimits + transAxes)
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "strata/artist/artist.hpp"
#include "strata/artist/axis.hpp"
#include "strata/artist/collections.hpp"
#include "strata/artist/density_image.hpp"
#include "strata/artist/legend.hpp"
#include "strata/artist/lines.hpp"
#include "strata/artist/patches.hpp"
#include "strata/artist/plot_types.hpp"
#include "strata/artist/quiver.hpp"
#include "strata/artist/spines.hpp"
#include "strata/artist/text.hpp"

namespace strata {

class Figure;
class SubplotSpec;
class SecondaryAxis;

/// Options of set_xscale / set_yscale.
struct ScaleOptions {
  double base = 10;                         ///< log, symlog
  std::string nonpositive = "clip";         ///< log: "clip" or "mask"; logit: "mask" or "clip"
  double linthresh = 2;                     ///< symlog
  double linscale = 1;                      ///< symlog
  std::vector<double> subs{};               ///< log, symlog: minor tick multiples (empty: auto)
  std::function<double(double)> forward{};  ///< "function"
  std::function<double(double)> inverse{};  ///< "function"
};

/// Options of set_title.
struct TitleOptions {
  std::string loc = "center";   ///< "left", "center", "right"
  std::optional<double> pad{};  ///< points; default rcParams axes.titlepad
  std::optional<double> y{};    ///< axes fraction; default rcParams axes.titley (auto)
  TextOptions text{};
};

/// Options of set_xlabel / set_ylabel.
struct LabelOptions {
  std::optional<double> labelpad{};
  std::optional<std::string> loc{};  ///< x: left/center/right; y: bottom/center/top
  TextOptions text{};
};

/// Axes properties given when an Axes is made (matplotlib's add_subplot / add_axes keyword
/// arguments and subplots' subplot_kw).
///
/// **Example**
/// ```
/// fig.add_subplot(1, 1, 1, {.facecolor = "0.9", .yscale = "log", .title = "growth"});
/// ```
struct AxesOptions {
  std::optional<Color> facecolor{};
  std::optional<std::pair<double, double>> xlim{};
  std::optional<std::pair<double, double>> ylim{};
  std::optional<std::string> xscale{};
  std::optional<std::string> yscale{};
  std::optional<std::string> title{};
  std::optional<std::string> xlabel{};
  std::optional<std::string> ylabel{};
  std::optional<std::variant<std::string, double>> aspect{};
  std::optional<bool> frame_on{};
  std::optional<std::string> label{};
  Axes* sharex = nullptr;
  Axes* sharey = nullptr;
  /// "" or "rectilinear"; other projections are not available yet (ValueError).
  std::string projection{};
};

/// Axis limits for axis({x0, x1, y0, y1}).
struct AxisLimits {
  double xmin, xmax, ymin, ymax;
};

/// A plotting area.
///
/// **Example**
/// ```
/// strata::Figure fig;
/// strata::Axes& ax = fig.add_subplot(1, 1, 1);
/// ax.plot(x, y, "r--", {.label = "data"});
/// ax.set_xlabel("time [s]");
/// ax.set_xlim(0, 10);
/// ```
class STRATA_API Axes : public Artist {
 public:
  /// An Axes at `rect` (left, bottom, width, height in figure fractions) of `figure`.
  Axes(Figure& figure, const Bbox& rect);
  ~Axes() override;

  void draw(Renderer& renderer) override;
  /// The axes box in display coordinates.
  [[nodiscard]] Bbox get_window_extent() const override;
  /// Everything drawn by this Axes (axis labels, tick labels, titles, ...) at the figure dpi.
  [[nodiscard]] Bbox get_tightbbox() const override;
  /// With `for_layout_only` (the layout engines), axis labels and titles count 1 px wide, as
  /// matplotlib's.
  [[nodiscard]] Bbox get_tightbbox(bool for_layout_only) const;

  /// Applies the properties of `options` (add_subplot / subplot_kw keywords).
  void apply_options(const AxesOptions& options);

  // ---- position and transforms -------------------------------------------------------
  /// The position in figure fractions (the active position when an aspect shrinks it).
  [[nodiscard]] Bbox get_position(bool original = false) const;
  void set_position(const Bbox& rect, std::string_view which = "both");
  [[nodiscard]] const std::shared_ptr<BboxBase>& bbox() const { return bbox_; }
  [[nodiscard]] const TransformPtr& transData() const { return trans_data_; }      // NOLINT
  [[nodiscard]] const TransformPtr& transAxes() const { return trans_axes_; }      // NOLINT
  [[nodiscard]] const TransformPtr& transScale() const { return trans_scale_; }    // NOLINT
  [[nodiscard]] const TransformPtr& transLimits() const { return trans_limits_; }  // NOLINT
  /// x in data, y in axes coordinates ("grid" and "tick1"); matplotlib's
  /// get_xaxis_transform.
  [[nodiscard]] const TransformPtr& get_xaxis_transform() const { return xaxis_transform_; }
  [[nodiscard]] const TransformPtr& get_yaxis_transform() const { return yaxis_transform_; }
  [[nodiscard]] const std::shared_ptr<BboxNode>& view_lim() const { return view_lim_; }
  [[nodiscard]] const std::shared_ptr<BboxNode>& data_lim() const { return data_lim_; }
  /// The subplot spec this Axes was made from, if any.
  [[nodiscard]] const std::shared_ptr<const SubplotSpec>& get_subplotspec() const {
    return subplotspec_;
  }
  void set_subplotspec(std::shared_ptr<const SubplotSpec> spec);

  // ---- children ------------------------------------------------------------------------
  [[nodiscard]] Axis& xaxis() { return *xaxis_; }
  [[nodiscard]] Axis& yaxis() { return *yaxis_; }
  [[nodiscard]] const Axis& xaxis() const { return *xaxis_; }
  [[nodiscard]] const Axis& yaxis() const { return *yaxis_; }
  /// A spine by name ("left", "right", "bottom", "top"); ValueError otherwise.
  [[nodiscard]] Spine& spines(std::string_view name);
  /// The background patch.
  [[nodiscard]] Rectangle& patch() { return *patch_; }
  /// The artists added to this Axes, in insertion order.
  [[nodiscard]] std::vector<Artist*> get_children() const;
  [[nodiscard]] std::vector<Line2D*> get_lines() const;
  [[nodiscard]] std::vector<Patch*> get_patches() const;
  [[nodiscard]] std::vector<Text*> get_texts() const;

  /// Adds any artist (sets its figure, axes, transform if unset, clip box).
  Artist& add_artist(std::unique_ptr<Artist> artist);
  /// Adds a line and updates the data limits from it.
  Line2D& add_line(std::unique_ptr<Line2D> line);
  /// Adds a patch and updates the data limits from it.
  Patch& add_patch(std::unique_ptr<Patch> patch);
  /// Removes an artist added to this Axes; false when it is not a child.
  bool remove(const Artist& artist);
  /// Removes every artist; keeps the axis settings (matplotlib's cla is clear()).
  void clear();

  // ---- plotting ------------------------------------------------------------------------
  /// y against x with a format string ("r--o", "C1:", "k.", "") and options; ValueError
  /// when the lengths differ. Color from the cycle unless the format or options give one.
  Line2D& plot(std::span<const double> x, std::span<const double> y, std::string_view fmt = "",
               const Line2DOptions& options = {});
  Line2D& plot(std::span<const double> x, std::span<const double> y, const Line2DOptions& options);
  /// y against 0..N-1.
  Line2D& plot(std::span<const double> y, std::string_view fmt = "",
               const Line2DOptions& options = {});
  /// A line over a DataContainer with fields "x" and "y".
  Line2D& plot(DataContainerPtr data, std::string_view fmt = "", const Line2DOptions& options = {});
  /// y against x where either holds unit-full values (dates as std::chrono time points,
  /// categories as strings, registered user types): converted by the x and y axes' converters
  /// (the first such data picks the converter and its ticks), as matplotlib's plot.
  template <class X, class Y>
  requires((!std::is_convertible_v<const X&, std::span<const double>> ||
            !std::is_convertible_v<
                const Y&, std::span<const double>>)&&std::is_constructible_v<UnitValues, const X&>&&
               std::is_constructible_v<UnitValues, const Y&>)
      Line2D& plot(const X& x, const Y& y, std::string_view fmt = "",
                   const Line2DOptions& options = {}) {
    return plot_units(UnitValues(x), UnitValues(y), fmt, options);
  }
  Line2D& plot_units(const UnitValues& x, const UnitValues& y, std::string_view fmt = "",
                     const Line2DOptions& options = {});
  /// Date axes without date data (matplotlib's xaxis_date / yaxis_date).
  void xaxis_date() { xaxis_->axis_date(); }
  void yaxis_date() { yaxis_->axis_date(); }

  /// A text at (x, y) in data coordinates (or `transform` when given); clip_on false.
  Text& text(double x, double y, std::string s, const TextOptions& options = {},
             TransformPtr transform = nullptr);
  /// Horizontal line across the axes at data y, from xmin to xmax in axes fractions.
  Line2D& axhline(double y = 0, double xmin = 0, double xmax = 1,
                  const Line2DOptions& options = {});
  Line2D& axvline(double x = 0, double ymin = 0, double ymax = 1,
                  const Line2DOptions& options = {});
  /// A band between data ymin and ymax across axes fractions xmin..xmax.
  Patch& axhspan(double ymin, double ymax, double xmin = 0, double xmax = 1,
                 const PatchOptions& options = {});
  Patch& axvspan(double xmin, double xmax, double ymin = 0, double ymax = 1,
                 const PatchOptions& options = {});
  /// An infinite line through two data points (or one point and a slope).
  Line2D& axline(Point xy1, std::optional<Point> xy2, std::optional<double> slope = {},
                 const Line2DOptions& options = {});

  /// The next color of this Axes' line color cycle (matplotlib's _get_lines.get_next_color).
  [[nodiscard]] Rgba next_line_color();
  /// The next color of the patch cycle (bar, fill, fill_between): a cycle of its own, as
  /// matplotlib's _get_patches_for_fill.
  [[nodiscard]] Rgba next_patch_color();

  // ---- labels and titles ---------------------------------------------------------------
  Text& set_title(std::string label, const TitleOptions& options = {});
  [[nodiscard]] Text& title(std::string_view loc = "center");
  Text& set_xlabel(std::string label, const LabelOptions& options = {});
  Text& set_ylabel(std::string label, const LabelOptions& options = {});
  [[nodiscard]] std::string get_xlabel() const;
  [[nodiscard]] std::string get_ylabel() const;

  // ---- limits and scales ---------------------------------------------------------------
  /// Sets either end or both; turns x autoscaling off. ValueError for NaN/inf.
  std::pair<double, double> set_xlim(std::optional<double> left, std::optional<double> right);
  std::pair<double, double> set_ylim(std::optional<double> bottom, std::optional<double> top);
  [[nodiscard]] std::pair<double, double> get_xlim() const;
  [[nodiscard]] std::pair<double, double> get_ylim() const;
  void set_xbound(std::optional<double> lower, std::optional<double> upper);
  void set_ybound(std::optional<double> lower, std::optional<double> upper);
  /// "linear", "log", "symlog", "logit", "function"; ValueError for other names.
  void set_xscale(std::string_view name, const ScaleOptions& options = {});
  void set_yscale(std::string_view name, const ScaleOptions& options = {});
  [[nodiscard]] std::string_view get_xscale() const;
  [[nodiscard]] std::string_view get_yscale() const;
  void invert_xaxis();
  void invert_yaxis();
  [[nodiscard]] bool xaxis_inverted() const;
  [[nodiscard]] bool yaxis_inverted() const;

  /// Margins in fractions of the data interval (default rcParams axes.xmargin/ymargin).
  void margins(std::optional<double> x, std::optional<double> y);
  void margins(double xy) { margins(xy, xy); }
  [[nodiscard]] std::pair<double, double> get_margins() const { return {xmargin_, ymargin_}; }
  /// Turns autoscaling on/off for "x", "y" or "both"; `tight` drops the margins.
  void autoscale(bool enable = true, std::string_view axis = "both",
                 std::optional<bool> tight = {});
  [[nodiscard]] bool get_autoscalex_on() const { return autoscalex_; }
  [[nodiscard]] bool get_autoscaley_on() const { return autoscaley_; }
  void set_autoscalex_on(bool on) { autoscalex_ = on; }
  void set_autoscaley_on(bool on) { autoscaley_ = on; }
  /// Recomputes the view limits from the data limits (matplotlib's autoscale_view).
  void autoscale_view(std::optional<bool> tight = {}, bool scalex = true, bool scaley = true);
  /// Recomputes the data limits from the children (matplotlib's relim).
  void relim();
  /// Grows the data limits by these points (matplotlib's update_datalim).
  void update_datalim(std::span<const Point> xys, bool updatex = true, bool updatey = true);
  /// Turns off the sticky edges of the children during autoscaling (use_sticky_edges).
  void set_use_sticky_edges(bool on) { use_sticky_edges_ = on; }

  /// "auto", "equal" or a number (height / width of one data unit); adjustable "box" or
  /// "datalim".
  void set_aspect(std::variant<std::string, double> aspect, std::string_view adjustable = "");
  [[nodiscard]] std::optional<double> get_aspect() const { return aspect_; }
  void set_adjustable(std::string_view adjustable);
  /// matplotlib's axis(): "off", "on", "equal", "scaled", "tight", "auto", "image",
  /// "square".
  void axis(std::string_view option);
  void axis(const AxisLimits& limits);
  /// Whether the axis lines, ticks, labels and spines are drawn.
  [[nodiscard]] bool axison() const { return axison_; }

  // ---- ticks and grid ------------------------------------------------------------------
  void set_xticks(std::vector<double> ticks, std::optional<std::vector<std::string>> labels = {},
                  bool minor = false);
  void set_yticks(std::vector<double> ticks, std::optional<std::vector<std::string>> labels = {},
                  bool minor = false);
  void set_xticklabels(std::vector<std::string> labels, const TextOptions& options = {});
  void set_yticklabels(std::vector<std::string> labels, const TextOptions& options = {});
  [[nodiscard]] std::vector<double> get_xticks(bool minor = false) const;
  [[nodiscard]] std::vector<double> get_yticks(bool minor = false) const;
  void tick_params(const TickParams& params);
  /// Grid lines: visible nullopt toggles (matplotlib's grid() with no argument).
  void grid(std::optional<bool> visible = true, std::string_view which = "major",
            std::string_view axis = "both", const GridOptions& style = {});
  void minorticks_on();
  void minorticks_off();
  /// Draw ticks and grid lines below the data (true), below lines but above patches ("line",
  /// the default) or above everything (false).
  void set_axisbelow(std::variant<bool, std::string> below);
  /// Hides the inner tick labels and axis labels of a grid of subplots.
  void label_outer();
  void set_facecolor(const Color& color);
  void set_frame_on(bool on);

  // ---- shared and twin axes ------------------------------------------------------------
  /// Shares the x axis with `other` (limits, scale and autoscaling).
  void sharex(Axes& other);
  void sharey(Axes& other);
  [[nodiscard]] std::vector<Axes*> get_shared_x_axes() const;
  [[nodiscard]] std::vector<Axes*> get_shared_y_axes() const;
  /// A new Axes sharing the x axis, with its y axis on the right and no background.
  Axes& twinx();
  Axes& twiny();

  // ---- bars, histograms, steps, error bars (src/artist/axes_bars.cpp) -----------------
  /// Bars at x with heights `height` (matplotlib's bar): x, height and the options' width and
  /// bottom broadcast against each other (length 1 or N). Each bar is a Rectangle with a
  /// sticky y edge at its baseline; yerr/xerr add an ErrorbarContainer. ValueError for an
  /// align other than "center"/"edge", lengths that do not broadcast, or a label list of
  /// another length.
  BarContainer& bar(std::span<const double> x, std::span<const double> height,
                    const BarOptions& options = {});
  /// Bars at category names (or dates, or user units): x converted by the x axis' units, which
  /// then show the categories as tick labels.
  template <class X>
  requires(!std::is_convertible_v<const X&, std::span<const double>> &&
           std::is_constructible_v<UnitValues, const X&>)
      BarContainer& bar(const X& x, std::span<const double> height,
                        const BarOptions& options = {}) {
    return bar_units(UnitValues(x), height, options);
  }
  BarContainer& bar_units(const UnitValues& x, std::span<const double> height,
                          const BarOptions& options = {});
  /// Horizontal bars at y with widths `width` (matplotlib's barh; options height and left).
  BarContainer& barh(std::span<const double> y, std::span<const double> width,
                     const BarOptions& options = {});
  template <class Y>
  requires(!std::is_convertible_v<const Y&, std::span<const double>> &&
           std::is_constructible_v<UnitValues, const Y&>)
      BarContainer& barh(const Y& y, std::span<const double> width,
                         const BarOptions& options = {}) {
    return barh_units(UnitValues(y), width, options);
  }
  BarContainer& barh_units(const UnitValues& y, std::span<const double> width,
                           const BarOptions& options = {});
  /// Labels at the ends (or centers) of the bars of `container`, offset by `padding` points
  /// (matplotlib's bar_label). ValueError for a label_type other than "edge"/"center" or
  /// text.ha / text.va given.
  std::vector<Text*> bar_label(const BarContainer& container, const BarLabelOptions& options = {});
  /// A histogram of `x` (matplotlib's hist): counts binned through the data layer's
  /// Histogram with numpy.histogram's rules.
  HistResult hist(std::span<const double> x, const HistPlotOptions& options = {});
  /// Histograms of several datasets over common bins (side by side, stacked or overlaid).
  HistResult hist(const std::vector<std::vector<double>>& datasets,
                  const HistPlotOptions& options = {});
  /// The same over borrowed datasets (no copy of the samples is made: they are binned where
  /// they are, during the call).
  HistResult hist(std::span<const std::span<const double>> datasets,
                  const HistPlotOptions& options = {});
  /// A step line (matplotlib's step: plot with drawstyle steps-pre/mid/post).
  Line2D& step(std::span<const double> x, std::span<const double> y, std::string_view fmt = "",
               const StepOptions& options = {});
  /// A stepwise constant function between edges (matplotlib's stairs): a StepPatch.
  StepPatch& stairs(std::span<const double> values, const StairsOptions& options = {});
  /// Stairs over a DataContainer with fields `values_field` and "edges" (e.g. a HistContainer
  /// with "counts"), queried at draw time.
  StepPatch& stairs(DataContainerPtr data, std::string values_field = "values",
                    const StairsOptions& options = {});
  /// y against x with error bars (matplotlib's errorbar): data line (unless fmt "none"),
  /// error bar lines, caps and limit arrows. ValueError for lengths that differ, error sizes
  /// of the wrong shape or negative.
  ErrorbarContainer& errorbar(std::span<const double> x, std::span<const double> y,
                              const ErrorbarOptions& options = {});

  // ---- legend (src/artist/legend.cpp)
  /// A legend of the children whose label does not start with '_' (matplotlib's
  /// ax.legend()); replaces the previous legend. With no such child the legend is empty
  /// and draws nothing.
  Legend& legend(const LegendOptions& options = {});
  /// A legend of these handles and labels (empty labels: the handles' labels).
  Legend& legend(std::vector<Artist*> handles, std::vector<std::string> labels,
                 const LegendOptions& options = {});
  /// The legend, or nullptr.
  [[nodiscard]] Legend* get_legend() const;

  // ---- secondary axes (src/artist/axes_secondary.cpp) ---------------------------------
  /// A second x axis showing forward(x) of this Axes' x (matplotlib's secondary_xaxis), at
  /// "top" or "bottom" or at an axes fraction (0 bottom, 1 top; outside the box too).
  /// `forward` and `inverse` convert parent to secondary values and back; give both or
  /// neither (identity). ValueError for another location name, a non-finite fraction or one
  /// function alone. The returned axis is an Axes (set_xlabel, tick_params, ...) owned by
  /// this Axes and drawn with its children; it follows this Axes' position, limits and scale
  /// at every draw.
  ///
  /// **Example**
  /// ```
  /// auto deg2rad = [](double d) { return d * std::numbers::pi / 180; };
  /// auto rad2deg = [](double r) { return r * 180 / std::numbers::pi; };
  /// ax.secondary_xaxis("top", deg2rad, rad2deg).set_xlabel("angle [rad]");
  /// ax.secondary_yaxis(1.2).set_ylabel("same, further right");
  /// ```
  SecondaryAxis& secondary_xaxis(std::string_view location,
                                 std::function<double(double)> forward = {},
                                 std::function<double(double)> inverse = {});
  SecondaryAxis& secondary_xaxis(double location, std::function<double(double)> forward = {},
                                 std::function<double(double)> inverse = {});
  /// A second y axis at "left", "right" or an axes fraction (0 left, 1 right); as
  /// secondary_xaxis.
  SecondaryAxis& secondary_yaxis(std::string_view location,
                                 std::function<double(double)> forward = {},
                                 std::function<double(double)> inverse = {});
  SecondaryAxis& secondary_yaxis(double location, std::function<double(double)> forward = {},
                                 std::function<double(double)> inverse = {});
  /// The child axes (secondary axes) in the order they were added (matplotlib's
  /// child_axes).
  [[nodiscard]] std::vector<Axes*> get_child_axes() const;

  // ---- collections (src/artist/axes_collections.cpp) ----------------------------------
  /// Adds a collection (matplotlib's add_collection): sets its figure, axes, transform (when
  /// unset) and clip box, labels it "_childN" when it has no label, and with `autolim` grows
  /// the data limits by its get_datalim(transData) (no autoscaling is requested, as in
  /// matplotlib; plotting methods request it). As in matplotlib 3.6, relim() does not see
  /// collections.
  Collection& add_collection(std::unique_ptr<Collection> collection, bool autolim = true);
  /// The collections added to this Axes, in insertion order.
  [[nodiscard]] std::vector<Collection*> get_collections() const;
  /// Markers at (x, y) (matplotlib's scatter): sizes s in points^2, colors mapped from c
  /// through cmap/norm (vmin/vmax) or given by color/facecolors; edges "face" by default.
  /// Points with a non-finite x, y, s or c are left out (c: unless plotnonfinite). ValueError
  /// when the sizes of x, y, s or c disagree ("'c' argument has 3 elements, which is
  /// inconsistent with 'x' and 'y' with size 4."), for c together with color, and for
  /// vmin/vmax together with a norm.
  ///
  /// **Example**
  /// ```
  /// auto& sc = ax.scatter(x, y, {.s = sizes, .c = values, .cmap = "viridis", .alpha = 0.7});
  /// fig.colorbar(sc, {.label = "value"});
  /// ```
  PathCollection& scatter(std::span<const double> x, std::span<const double> y,
                          const ScatterOptions& options = {});
  /// Markers over a DataContainer with fields "x", "y" and optionally "s" and "c" (queried
  /// at draw time); options.c must then be empty, options.s gives fixed sizes.
  PathCollection& scatter(DataContainerPtr data, const ScatterOptions& options = {});
  /// The area between y1 and y2 (default 0) over x (matplotlib's fill_between): one polygon
  /// per run of points where `where` holds and the values are finite; color from the cycle
  /// unless given. ValueError when the lengths differ or `step` is not pre/post/mid.
  ///
  /// **Example**
  /// ```
  /// ax.fill_between(x, lower, upper, {.alpha = 0.2, .label = "1 sigma"});
  /// ax.fill_between(x, y, 0.0, {.where = positive, .interpolate = true});
  /// ```
  PolyCollection& fill_between(std::span<const double> x, std::span<const double> y1,
                               const FillBetweenOptions& options = {});
  PolyCollection& fill_between(std::span<const double> x, std::span<const double> y1, double y2,
                               const FillBetweenOptions& options = {});
  PolyCollection& fill_between(std::span<const double> x, std::span<const double> y1,
                               std::span<const double> y2, const FillBetweenOptions& options = {});
  /// fill_between over a DataContainer with fields "x", "y1", "y2" and optionally "where"
  /// (non-zero: fill); the polygons are built at draw time.
  PolyCollection& fill_between(DataContainerPtr data, const FillBetweenOptions& options = {});
  /// The area between x1 and x2 (default 0) over y (matplotlib's fill_betweenx).
  PolyCollection& fill_betweenx(std::span<const double> y, std::span<const double> x1,
                                const FillBetweenOptions& options = {});
  PolyCollection& fill_betweenx(std::span<const double> y, std::span<const double> x1, double x2,
                                const FillBetweenOptions& options = {});
  PolyCollection& fill_betweenx(std::span<const double> y, std::span<const double> x1,
                                std::span<const double> x2, const FillBetweenOptions& options = {});
  /// fill_betweenx over a DataContainer with fields "x" (the independent y values), "y1",
  /// "y2" and optionally "where", as for fill_between.
  PolyCollection& fill_betweenx(DataContainerPtr data, const FillBetweenOptions& options = {});
  /// The box's aspect, height / width in physical units (matplotlib's set_box_aspect): the
  /// active position is the largest box of that aspect inside the original position, placed
  /// by the anchor. Sets the adjustable to "datalim" when given. nullopt: none.
  /// ValueError for a non-positive or non-finite aspect.
  void set_box_aspect(std::optional<double> aspect);
  [[nodiscard]] std::optional<double> get_box_aspect() const { return box_aspect_; }
  /// Where a box shrunk by the aspect sits: "C", "SW", "S", "SE", "E", "NE", "N", "NW", "W"
  /// or (x, y) fractions (matplotlib's set_anchor). ValueError for other names.
  void set_anchor(std::string_view anchor);
  void set_anchor(double x, double y);
  [[nodiscard]] std::pair<double, double> get_anchor() const { return anchor_; }
  /// A function giving the position (figure fractions) to use instead of the original one at
  /// every draw (matplotlib's set_axes_locator; a colorbar's with extensions). Empty: none.
  void set_axes_locator(std::function<Bbox(Axes&)> locator);

  // ---- quiver (src/artist/axes_quiver.cpp) --------------------------------------------
  /// Arrows for vectors (u, v) at (x, y) (matplotlib's quiver): x, y, u, v of one length, or
  /// x of nc and y of nr values with u, v of nr * nc row-major values (a grid, rows along y).
  /// ValueError for other sizes ("X and Y must be the same size, but X.size is 3 and Y.size
  /// is 4.") and for bad options (see QuiverOptions).
  ///
  /// **Example**
  /// ```
  /// auto& q = ax.quiver(x, y, u, v, {.color = "C0"});
  /// ax.quiverkey(q, 0.9, 1.05, 2.0, "2 m/s", {.labelpos = "E"});
  /// ```
  Quiver& quiver(std::span<const double> x, std::span<const double> y, std::span<const double> u,
                 std::span<const double> v, const QuiverOptions& options = {});
  /// The same, colored by c through the colormap (colorbar-ready).
  Quiver& quiver(std::span<const double> x, std::span<const double> y, std::span<const double> u,
                 std::span<const double> v, std::span<const double> c,
                 const QuiverOptions& options = {});
  /// Arrows at x = 0, 1, ..., N-1 on y = 0.
  Quiver& quiver(std::span<const double> u, std::span<const double> v,
                 const QuiverOptions& options = {});
  /// Arrows over a DataContainer with fields "x", "y", "u", "v" and optionally "c".
  Quiver& quiver(DataContainerPtr data, const QuiverOptions& options = {});
  /// Wind barbs at (x, y) for (u, v) (matplotlib's barbs); the same shapes of x, y, u, v as
  /// quiver (pairs or a grid).
  Barbs& barbs(std::span<const double> x, std::span<const double> y, std::span<const double> u,
               std::span<const double> v, const BarbsOptions& options = {});
  /// The same, colored by c.
  Barbs& barbs(std::span<const double> x, std::span<const double> y, std::span<const double> u,
               std::span<const double> v, std::span<const double> c,
               const BarbsOptions& options = {});
  /// A labelled key arrow of length `u` at (x, y) in options.coordinates (matplotlib's
  /// quiverkey).
  QuiverKey& quiverkey(Quiver& q, double x, double y, double u, std::string label,
                       const QuiverKeyOptions& options = {});

  // ---- density images (src/artist/axes_quiver.cpp) ---------------------------------------
  /// The per-pixel counts of a DensityContainer (or any container with a "counts" field of
  /// the axes' pixel size), colormapped over the axes box at every draw: huge point sets in
  /// constant memory. Does not change the data limits (set the limits, as for streamed
  /// data). ValueError for a container without "counts".
  DensityImage& density_image(DataContainerPtr data, const DensityImageOptions& options = {});

  // ---- incremental drawing -------------------------------------------------------------
  /// Draws one artist of this Axes onto the figure's canvas as it stands (no full redraw);
  /// the canvas can then be saved with Canvas::print_raster_as_is. Draws the whole figure
  /// first when the canvas has not been drawn yet.
  void draw_artist(Artist& artist);

  /// The pixel size of the axes box (the pixel argument of DataContainer::query).
  [[nodiscard]] Size pixel_size() const;
  /// axes fraction -> data (the first argument of DataContainer::query).
  [[nodiscard]] TransformPtr axes_to_data() const;

  /// Applies the autoscaling that is pending (matplotlib's _unstale_viewLim); called by
  /// draw and by every getter of limits or ticks.
  void unstale_view_lim() const;
  /// Marks the view limits for recomputation at the next draw.
  void request_autoscale_view(bool x = true, bool y = true);

 protected:
  /// Sets the active position for the aspect ratio before a draw or a measurement
  /// (matplotlib's apply_aspect); a SecondaryAxis places itself on its parent here.
  virtual void apply_aspect();

 private:
  friend class Axis;
  friend class Figure;
  struct SharedGroup;
  void init_transforms();
  void set_scale_impl(bool x, std::string_view name, const ScaleOptions& options);
  void share_impl(bool x, Axes& other);
  void set_lim_impl(bool x, std::optional<double> lo, std::optional<double> hi, bool emit,
                    bool auto_off);
  void update_datalim_from(const Artist& artist);
  Artist& adopt(std::unique_ptr<Artist> artist);
  void draw_children(Renderer& renderer);
  void update_title_position(double dpi);

  Figure* figure_;
  std::shared_ptr<BboxNode> position_;           // active position, figure fraction
  std::shared_ptr<BboxNode> original_position_;  // as set
  std::shared_ptr<BboxBase> bbox_;
  std::shared_ptr<BboxNode> view_lim_;
  std::shared_ptr<BboxNode> data_lim_;
  std::shared_ptr<TransformWrapper> trans_scale_wrapper_;
  TransformPtr trans_scale_;
  TransformPtr trans_limits_;
  TransformPtr trans_axes_;
  TransformPtr trans_data_;
  TransformPtr xaxis_transform_;
  TransformPtr yaxis_transform_;
  mutable TransformPtr axes_to_data_{};
  std::array<ScaleOptions, 2> scale_options_{};  // as last given to set_xscale / set_yscale
  std::shared_ptr<const SubplotSpec> subplotspec_{};

  std::unique_ptr<Rectangle> patch_;
  std::unique_ptr<Axis> xaxis_;
  std::unique_ptr<Axis> yaxis_;
  std::array<std::unique_ptr<Spine>, 4> spines_;  // left, right, bottom, top
  std::array<std::unique_ptr<Text>, 3> titles_;   // left, center, right
  std::optional<double> title_y_{};
  double title_offset_points_ = 6.0;
  std::vector<std::unique_ptr<Artist>> children_;
  // Artists drawn with the axes but not part of the data (the legend).
  std::vector<std::unique_ptr<Artist>> extra_artists_;
  // Axes drawn as children of this one, sorted by zorder with the other children; the
  // titles go above their decorations (matplotlib's child_axes: secondary axes).
  std::vector<std::unique_ptr<Axes>> child_axes_;

  bool axison_ = true;
  bool frameon_ = true;
  double xmargin_ = 0.05;
  double ymargin_ = 0.05;
  bool autoscalex_ = true;
  bool autoscaley_ = true;
  bool tight_ = false;
  bool use_sticky_edges_ = true;
  mutable bool stale_viewlim_x_ = false;
  mutable bool stale_viewlim_y_ = false;
  bool ignore_datalim_ = true;
  std::optional<double> aspect_{};
  std::string adjustable_ = "box";
  std::variant<bool, std::string> axisbelow_ = std::string("line");
  std::size_t line_cycle_ = 0;
  std::size_t patch_cycle_ = 0;
  std::shared_ptr<SharedGroup> sharex_group_;
  std::shared_ptr<SharedGroup> sharey_group_;
  // Box aspect, anchor and locator (src/artist/axes_collections.cpp; used by apply_aspect).
  std::optional<double> box_aspect_{};
  std::pair<double, double> anchor_{0.5, 0.5};
  std::function<Bbox(Axes&)> axes_locator_{};
};

}  // namespace strata
