// SPDX-License-Identifier: MIT
#pragma once
// Bar charts, histograms, steps, stairs and error bars (matplotlib's Axes.bar, barh, bar_label,
// hist, step, stairs and errorbar): their option structs, the containers they return
// (BarContainer, ErrorbarContainer) and the StepPatch artist of stairs. The Axes methods are
// declared in axes.hpp and defined in src/artist/axes_bars.cpp.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "strata/artist/artist.hpp"
#include "strata/artist/lines.hpp"
#include "strata/artist/patches.hpp"
#include "strata/artist/text.hpp"
#include "strata/colors/color.hpp"
#include "strata/data/container.hpp"

namespace strata {

class Axes;
class LineCollection;

/// A number for every item, or one per item: matplotlib's "float or array-like" arguments,
/// broadcast as numpy broadcasts a 0-d or 1-d array against the other arguments.
///
/// **Example**
/// ```
/// strata::ScalarOrArray<double> w = 0.25;                          // every bar
/// strata::ScalarOrArray<double> b = std::vector<double>{1, 2, 3};  // one per bar
/// w.at(7);                                                         // 0.25
/// ```
template <class T>
class ScalarOrArray {
 public:
  /// One value for every item.
  ScalarOrArray(T value) : values_{value}, scalar_(true) {}  // NOLINT: implicit by design
  /// One value per item (an array of one value is broadcast like a scalar).
  ScalarOrArray(std::vector<T> values) : values_(std::move(values)) {}  // NOLINT
  ScalarOrArray(std::initializer_list<T> values) : values_(values) {}   // NOLINT
  template <class U = T>
  requires(!std::is_same_v<U, bool>) ScalarOrArray(std::span<const U> values)  // NOLINT
      : values_(values.begin(), values.end()) {}

  /// True when given as a scalar (numpy's 0-d array).
  [[nodiscard]] bool is_scalar() const { return scalar_; }
  /// The number of values (1 for a scalar).
  [[nodiscard]] std::size_t size() const { return values_.size(); }
  /// Value i, broadcast: a scalar or a one-value array gives its value for every i.
  [[nodiscard]] T at(std::size_t i) const { return values_.size() == 1 ? values_[0] : values_[i]; }
  [[nodiscard]] const std::vector<T>& values() const { return values_; }

 private:
  std::vector<T> values_;
  bool scalar_ = false;
};

/// A float or one per item.
using FloatOrArray = ScalarOrArray<double>;
/// A bool or one per item (errorbar's lolims/uplims).
using BoolOrArray = ScalarOrArray<bool>;

/// Error bar sizes (matplotlib's xerr / yerr): one size for every point, one per point, or
/// asymmetric (one lower and one upper size per point, numpy's 2xN array). Sizes must not be
/// negative (NaN sizes draw no bar).
///
/// **Example**
/// ```
/// strata::ErrorSpec a = 0.2;                                  // +/- 0.2 everywhere
/// strata::ErrorSpec b = std::vector<double>{0.1, 0.2, 0.3};   // per point
/// auto c = strata::ErrorSpec::asymmetric({0.1, 0.1, 0.1}, {0.5, 0.4, 0.3});
/// ```
class STRATA_API ErrorSpec {
 public:
  ErrorSpec(double size) : lower_{size}, upper_{size}, scalar_(true) {}              // NOLINT
  ErrorSpec(std::vector<double> sizes) : lower_(sizes), upper_(std::move(sizes)) {}  // NOLINT
  ErrorSpec(std::span<const double> sizes)                                           // NOLINT
      : lower_(sizes.begin(), sizes.end()), upper_(sizes.begin(), sizes.end()) {}
  ErrorSpec(std::initializer_list<double> sizes) : lower_(sizes), upper_(sizes) {}  // NOLINT
  /// Lower and upper sizes (numpy's [lower, upper] 2xN array).
  static ErrorSpec asymmetric(std::vector<double> lower, std::vector<double> upper);

  [[nodiscard]] bool is_scalar() const { return scalar_; }
  [[nodiscard]] bool is_asymmetric() const { return asymmetric_; }
  [[nodiscard]] const std::vector<double>& lower() const { return lower_; }
  [[nodiscard]] const std::vector<double>& upper() const { return upper_; }

 private:
  ErrorSpec() = default;
  std::vector<double> lower_;
  std::vector<double> upper_;
  bool scalar_ = false;
  bool asymmetric_ = false;
};

/// Which points get error bars (matplotlib's errorevery): every `step`-th point from `start`,
/// or the points where `mask` is true (one flag per point).
///
/// **Example**
/// ```
/// ax.errorbar(x, y, {.yerr = e, .errorevery = 3});                        // 0, 3, 6, ...
/// ax.errorbar(x, y, {.yerr = e, .errorevery = strata::ErrorEvery{1, 2}});  // 1, 3, 5, ...
/// ```
struct ErrorEvery {
  ErrorEvery(std::size_t every_step) : step(every_step) {}  // NOLINT: implicit by design
  ErrorEvery(std::size_t first, std::size_t every_step) : start(first), step(every_step) {}
  ErrorEvery(std::vector<bool> flags) : mask(std::move(flags)) {}  // NOLINT
  std::size_t start = 0;
  std::size_t step = 1;
  std::vector<bool> mask{};  ///< when not empty: one flag per point, start/step ignored
};

/// Keyword options of Axes::errorbar (matplotlib's errorbar arguments and the Line2D keywords it
/// passes on). Unset fields take matplotlib's defaults and rcParams.
///
/// **Example**
/// ```
/// ax.errorbar(x, y, {.yerr = yerr, .xerr = 0.2, .fmt = "o", .color = "C3", .capsize = 4,
///                    .label = "measurements"});
/// ```
struct ErrorbarOptions {
  std::optional<ErrorSpec> yerr{};
  std::optional<ErrorSpec> xerr{};
  /// Plot format of the data line ("o", "r--", ...); "none" draws no data line. Default "".
  std::optional<std::string> fmt{};
  /// Color of the bars and caps; default the data line's color.
  std::optional<Color> ecolor{};
  /// Width of the bars, points; default `linewidth`, else rcParams lines.linewidth.
  std::optional<double> elinewidth{};
  /// Cap length (each side), points; default rcParams errorbar.capsize.
  std::optional<double> capsize{};
  /// Cap line width, points; default `markeredgewidth`, else rcParams lines.markeredgewidth.
  std::optional<double> capthick{};
  std::optional<bool> barsabove{};       ///< draw the data line below the bars; default false
  std::optional<BoolOrArray> lolims{};   ///< y only goes up from the point (arrow marker)
  std::optional<BoolOrArray> uplims{};   ///< y only goes down
  std::optional<BoolOrArray> xlolims{};  ///< x only goes right
  std::optional<BoolOrArray> xuplims{};  ///< x only goes left
  std::optional<ErrorEvery> errorevery{};
  // Line2D keywords of the data line (some also style the bars and caps, as matplotlib's).
  std::optional<Color> color{};
  std::optional<double> linewidth{};
  std::optional<std::string> linestyle{};
  std::optional<std::string> marker{};
  std::optional<double> markersize{};
  std::optional<double> markeredgewidth{};
  std::optional<Color> markeredgecolor{};
  std::optional<Color> markerfacecolor{};
  std::optional<double> alpha{};
  std::optional<double> zorder{};      ///< default 2 (the data line gets zorder +- 0.1)
  std::optional<std::string> label{};  ///< the container's label (legend entry)
};

class ErrorbarContainer;

/// Keyword options of Axes::bar and Axes::barh. Unset fields take matplotlib's defaults.
///
/// **Example**
/// ```
/// ax.bar(x, heights, {.width = 0.25, .label = "Team A"});
/// ax.barh(y, widths, {.height = 0.5, .color = {{"C1"}}, .xerr = 2.0, .capsize = 3});
/// ```
struct BarOptions {
  std::optional<FloatOrArray> width{};   ///< bar: widths (default 0.8); barh: ignored
  std::optional<FloatOrArray> bottom{};  ///< bar: baselines (default 0); barh: ignored
  std::optional<FloatOrArray> height{};  ///< barh: heights (default 0.8); bar: ignored
  std::optional<FloatOrArray> left{};    ///< barh: baselines (default 0); bar: ignored
  std::optional<std::string> align{};    ///< "center" (default) or "edge"
  /// Face colors, cycled over the bars; default the next color of the patch cycle.
  std::optional<std::vector<Color>> color{};
  /// Edge colors, cycled; default none (rcParams patch.force_edgecolor: patch.edgecolor).
  std::optional<std::vector<Color>> edgecolor{};
  std::optional<FloatOrArray> linewidth{};  ///< edge widths, cycled; default patch.linewidth
  std::optional<std::vector<std::string>> hatch{};  ///< hatches, cycled
  /// Tick labels at the bar positions (one, broadcast, or one per bar).
  std::optional<std::vector<std::string>> tick_label{};
  std::optional<ErrorSpec> xerr{};
  std::optional<ErrorSpec> yerr{};
  std::optional<Color> ecolor{};              ///< error bar color; default black
  std::optional<double> capsize{};            ///< default rcParams errorbar.capsize
  std::optional<ErrorbarOptions> error_kw{};  ///< more errorbar options (ecolor/capsize win)
  std::optional<bool> log{};                  ///< log scale on the value axis; default false
  std::optional<std::string> label{};         ///< the container's label (legend entry)
  /// One label per bar (then the container has none), matplotlib's list-valued label.
  std::optional<std::vector<std::string>> labels{};
  std::optional<std::string> linestyle{};
  std::optional<bool> fill{};
  std::optional<double> alpha{};
  std::optional<double> zorder{};
  std::optional<bool> antialiased{};
};

/// Keyword options of Axes::bar_label.
///
/// **Example**
/// ```
/// auto& bars = ax.bar(x, h);
/// ax.bar_label(bars, {.fmt = "%.1f", .padding = 3});
/// ```
struct BarLabelOptions {
  /// The texts, one per bar; default the values formatted with `fmt`.
  std::optional<std::vector<std::string>> labels{};
  std::optional<std::string> fmt{};         ///< printf-style (Python %); default "%g"
  std::optional<std::string> label_type{};  ///< "edge" (default) or "center"
  std::optional<double> padding{};          ///< points from the bar end; default 0
  TextOptions text{};  ///< font, color, rotation, ... (ha and va are set by bar_label)
};

/// The bins of a histogram (numpy.histogram's bins): a count of equal bins over the range,
/// explicit edges, or the name of a strategy of numpy.histogram_bin_edges ("auto", "fd",
/// "doane", "scott", "stone" is not supported, "rice", "sturges", "sqrt").
///
/// **Example**
/// ```
/// ax.hist(x, {.bins = 20});
/// ax.hist(x, {.bins = std::vector<double>{0, 1, 2, 5}});
/// ax.hist(x, {.bins = "fd"});
/// ```
class STRATA_API BinSpec {
 public:
  BinSpec(int count);                      // NOLINT: implicit by design
  BinSpec(std::vector<double> edges);      // NOLINT
  BinSpec(std::span<const double> edges);  // NOLINT
  BinSpec(std::string_view strategy);      // NOLINT
  BinSpec(const char* strategy);           // NOLINT
  BinSpec(const std::string& strategy);    // NOLINT

  [[nodiscard]] bool is_count() const { return std::holds_alternative<int>(spec_); }
  [[nodiscard]] bool is_edges() const { return std::holds_alternative<std::vector<double>>(spec_); }
  [[nodiscard]] bool is_strategy() const { return std::holds_alternative<std::string>(spec_); }
  [[nodiscard]] int count() const { return std::get<int>(spec_); }
  [[nodiscard]] const std::vector<double>& edges() const {
    return std::get<std::vector<double>>(spec_);
  }
  [[nodiscard]] const std::string& strategy() const { return std::get<std::string>(spec_); }

 private:
  std::variant<int, std::vector<double>, std::string> spec_;
};

/// numpy.histogram_bin_edges (numpy 1.24): the edges for `bins` over `range` (default the
/// data's min and max; equal ends widen to +-0.5). Strategies ignore values outside the range
/// and refuse weights (ValueError), as numpy. Throws ValueError for a non-finite autodetected
/// range, a range with max < min, fewer than 1 bin, edges that are not increasing, or an
/// unknown strategy.
///
/// **Example**
/// ```
/// auto e = strata::histogram_bin_edges(x, 10);       // numpy.histogram_bin_edges(x, 10)
/// auto f = strata::histogram_bin_edges(x, "auto");   // numpy's "auto" estimator
/// ```
[[nodiscard]] STRATA_API std::vector<double> histogram_bin_edges(
    std::span<const double> a, const BinSpec& bins,
    std::optional<std::pair<double, double>> range = {}, std::span<const double> weights = {});

/// Keyword options of Axes::hist (matplotlib's hist arguments). Unset fields take matplotlib's
/// defaults and rcParams.
///
/// **Example**
/// ```
/// ax.hist(std::vector<std::vector<double>>{a, b},
///         {.bins = 20, .density = true, .histtype = "step", .label = {{"A", "B"}}});
/// ```
struct HistPlotOptions {
  std::optional<BinSpec> bins{};                     ///< default rcParams hist.bins (10)
  std::optional<std::pair<double, double>> range{};  ///< default the data's min and max
  std::optional<bool> density{};                     ///< default false
  /// One weight per sample, per dataset (same shape as the data).
  std::optional<std::vector<std::vector<double>>> weights{};
  /// 0 (default), 1 (cumulative) or -1 (cumulative from the right).
  std::optional<int> cumulative{};
  std::optional<FloatOrArray> bottom{};   ///< baseline of the bars (per bin or one)
  std::optional<std::string> histtype{};  ///< "bar" (default), "barstacked", "step", "stepfilled"
  std::optional<std::string> align{};     ///< "left", "mid" (default), "right"
  std::optional<std::string> orientation{};  ///< "vertical" (default) or "horizontal"
  std::optional<double> rwidth{};            ///< relative bar width (bar types); default 0.8 or 1
  std::optional<bool> log{};
  std::optional<bool> stacked{};
  std::optional<std::vector<Color>> color{};        ///< one per dataset; default the line cycle
  std::optional<std::vector<std::string>> label{};  ///< one per dataset (first patch of each)
  // Patch keywords applied to every patch.
  std::optional<Color> edgecolor{};
  std::optional<Color> facecolor{};
  std::optional<double> linewidth{};
  std::optional<std::string> linestyle{};
  std::optional<std::string> hatch{};
  std::optional<bool> fill{};
  std::optional<double> alpha{};
  std::optional<double> zorder{};
};

class BarContainer;

/// What Axes::hist returns: the counts (one row per dataset, cumulated when stacked), the
/// bin edges, and the patches of each dataset (its bars, or its one step polygon).
struct HistResult {
  std::vector<std::vector<double>> n{};
  std::vector<double> bins{};
  std::vector<std::vector<Patch*>> patches{};
  /// Bar types: the BarContainer of each dataset (empty for step types).
  std::vector<BarContainer*> containers{};
};

/// Keyword options of Axes::step.
///
/// **Example**
/// ```
/// ax.step(x, y, "", {.where = "mid", .line = {.color = "C2", .label = "mid"}});
/// ```
struct StepOptions {
  std::optional<std::string> where{};  ///< "pre" (default), "post" or "mid"
  Line2DOptions line{};
};

/// The baseline of a StepPatch: one value, one value per step, or none (the outline then
/// starts and ends at the first and last values).
using StairsBaseline = std::variant<double, std::vector<double>, std::nullopt_t>;

/// Keyword options of Axes::stairs and StepPatch. Unset fields take matplotlib's defaults.
///
/// **Example**
/// ```
/// ax.stairs(counts, {.edges = edges, .fill = true, .color = "C1"});
/// ```
struct StairsOptions {
  /// N + 1 edges for N values; default 0, 1, ..., N.
  std::optional<std::vector<double>> edges{};
  std::optional<std::string> orientation{};  ///< "vertical" (default) or "horizontal"
  StairsBaseline baseline = 0.0;
  std::optional<bool> fill{};  ///< default false: an outline
  /// Default the next line color: the edge, or the face when filled.
  std::optional<Color> color{};
  std::optional<Color> facecolor{};
  std::optional<Color> edgecolor{};
  std::optional<double> linewidth{};  ///< default patch.linewidth (0 when filled)
  std::optional<std::string> linestyle{};
  std::optional<std::string> hatch{};
  std::optional<double> alpha{};
  std::optional<double> zorder{};
  std::optional<std::string> label{};
};

/// A stepwise constant function as a patch (matplotlib's StepPatch): an outline along the
/// values between the edges, closed to the baseline. Its data comes from a DataContainer
/// queried at draw time: the field `values_field` (N values; default "values"), "edges"
/// (N + 1) and, for a per-step baseline, "baseline" (N). A HistContainer works as it is
/// (values_field "counts"): the stairs then follow its binning of the view.
///
/// NaN values (and NaN baselines) split the outline as matplotlib's contiguous regions.
///
/// **Example**
/// ```
/// auto hist = std::make_shared<strata::HistContainer>(samples, strata::HistOptions{.bins = 40});
/// ax.add_patch(std::make_unique<strata::StepPatch>(hist, "counts"));
/// ```
class STRATA_API StepPatch : public Patch {
 public:
  /// Copies of `values` and `edges` (ValueError unless edges has one more value, or when an
  /// edge is NaN, or a baseline array has another length than the values).
  StepPatch(std::span<const double> values, std::span<const double> edges,
            StairsBaseline baseline = 0.0, std::string_view orientation = "vertical",
            const PatchOptions& options = {});
  /// Over a container (see the class comment).
  StepPatch(DataContainerPtr data, std::string values_field = "values",
            StairsBaseline baseline = 0.0, std::string_view orientation = "vertical",
            const PatchOptions& options = {});

  void draw(Renderer& renderer) override;
  /// The outline from the current query (the axes' view, or the identity without axes).
  [[nodiscard]] Path get_path() const override;

  /// Replaces values and/or edges and/or the baseline (matplotlib's set_data); ValueError
  /// when none is given or the lengths disagree.
  void set_data(std::optional<std::vector<double>> values,
                std::optional<std::vector<double>> edges = {},
                std::optional<StairsBaseline> baseline = {});
  [[nodiscard]] const DataContainerPtr& get_data_container() const { return data_; }
  [[nodiscard]] std::vector<double> get_values() const;
  [[nodiscard]] std::vector<double> get_edges() const;
  [[nodiscard]] const StairsBaseline& get_baseline() const { return baseline_; }
  [[nodiscard]] const std::string& get_orientation() const { return orientation_; }
  /// How many times the outline was rebuilt from a query (cache misses), for tests.
  [[nodiscard]] std::uint64_t rebuild_count() const { return rebuilds_; }

 private:
  [[nodiscard]] QueryResult query() const;
  void refresh(const QueryResult& r) const;

  DataContainerPtr data_;
  std::string values_field_;
  StairsBaseline baseline_;
  std::string orientation_;
  mutable std::optional<CacheKey> key_{};
  mutable Path path_{};
  mutable std::uint64_t rebuilds_ = 0;
};

/// The artists made by one call of a plotting function, under one label (matplotlib's
/// Container). It is added to the Axes as a child that draws nothing, so that a legend finds
/// it by its label; the artists it lists are children of the Axes of their own.
class STRATA_API Container : public Artist {
 public:
  /// Registers the legend handlers of the containers and StepPatch (matplotlib's default
  /// handler map entries) the first time; not in layout.
  Container();
  void draw(Renderer& /*renderer*/) override {}
  /// The artists of the container (null entries left out).
  [[nodiscard]] virtual std::vector<Artist*> get_children() const = 0;
  /// Removes the artists and then the container itself from their Axes. The container is
  /// destroyed: do not use it afterwards.
  void remove();
};

/// What Axes::errorbar returns (matplotlib's ErrorbarContainer, whose lines are
/// (data_line, caplines, barlinecols)).
class STRATA_API ErrorbarContainer : public Container {
 public:
  /// The data line (null for fmt "none").
  Line2D* data_line = nullptr;
  /// Cap and limit-arrow markers, in matplotlib's order.
  std::vector<Line2D*> caplines{};
  /// The error bars: one LineCollection of segments {low end, high end} per direction with
  /// errors, x first (matplotlib's hlines / vlines).
  std::vector<LineCollection*> barlinecols{};
  bool has_xerr = false;
  bool has_yerr = false;

  [[nodiscard]] std::vector<Artist*> get_children() const override;
};

/// What Axes::bar and barh return (matplotlib's BarContainer).
class STRATA_API BarContainer : public Container {
 public:
  std::vector<Rectangle*> patches{};
  /// The error bars (null without xerr / yerr).
  ErrorbarContainer* errorbar = nullptr;
  /// The heights (bar) or widths (barh) as given.
  std::vector<double> datavalues{};
  std::string orientation = "vertical";  ///< "vertical" (bar) or "horizontal" (barh)

  [[nodiscard]] std::vector<Artist*> get_children() const override;
};

}  // namespace strata
