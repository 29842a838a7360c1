// SPDX-License-Identifier: MIT
#pragma once
// The pyplot facade (matplotlib's pyplot.py): a registry of numbered figures with a current
// figure and, per figure, a current Axes; plotting functions that draw on the current Axes;
// decorations; savefig and show. It is the only global state of Strata: the object API
// (Figure, Axes, ...) never touches it.
//
// Semantics follow matplotlib 3.6:
// - figure() makes a new figure numbered max(existing numbers) + 1 (1 when there is none);
//   figure(num) / figure("label") activate an existing figure or make it; close() closes the
//   current figure, close(num), close("label"), close(fig) or close("all").
// - gcf() makes a figure when there is none, gca() an Axes (add_subplot(111)) when the
//   current figure has none. An Axes added through any path (subplot, subplots, add_axes,
//   twinx, ...) becomes the current one; sca(ax) activates ax and its figure. Colorbar Axes
//   made by plt::colorbar do not become current, as matplotlib.
// - subplot(...) returns an existing Axes of the same SubplotSpec instead of adding one (when
//   no Axes options are given). Unlike matplotlib 3.6 (a deprecated behaviour), Axes that the
//   new subplot overlaps are NOT removed: references to them stay valid.
// - close() destroys the figure: references to it and its artists are invalid afterwards.
// - show() draws every open figure and writes it as PNG into $STRATA_SHOW_DIR (default: the
//   current directory), named figure_<num>.png or <label>.png (the label with every character
//   outside [A-Za-z0-9._-] replaced by '_'); it prints the paths, one per line, and returns at
//   once. The figures stay open (as with matplotlib's non-interactive Agg backend, where show
//   is a no-op), so show() twice writes the files twice.
//
// Threads: every facade call holds one process-wide recursive mutex, so the registry is never
// corrupted. The current figure and Axes are shared by all threads; a thread that needs
// several calls to act on one figure holds plt::lock() around them.
//
// **Example**
// ```
// namespace plt = strata::plt;
// plt::plot(x, y, "r--", {.linewidth = 2, .label = "sin"});
// plt::title("A sine");
// plt::legend();
// plt::savefig("sine.png");
// auto [fig, axs] = plt::subplots(2, 1, {.sharex = true});
// axs[0].plot(x, y);
// plt::figure("scatter");
// plt::scatter(x, y, {.c = y});
// plt::colorbar();
// plt::show();  // writes figure_1.png, figure_2.png and scatter.png
// ```
#include <array>
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "strata/artist/axes.hpp"
#include "strata/artist/colorbar.hpp"
#include "strata/artist/figure.hpp"
#include "strata/artist/gridspec.hpp"
#include "strata/artist/mosaic.hpp"
#include "strata/export.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

/// numpy.linspace(start, stop, num): num values from start to stop inclusive (stop exactly
/// when num > 1); empty for num <= 0, {start} for num == 1.
[[nodiscard]] STRATA_API std::vector<double> linspace(double start, double stop,
                                                      std::ptrdiff_t num = 50);

namespace plt {

// ---- registry ------------------------------------------------------------------------------

/// The facade's process-wide recursive mutex, locked: hold it around several calls that must
/// act on the same current figure while other threads use the facade.
///
/// **Example**
/// ```
/// {
///   auto guard = plt::lock();
///   plt::figure(7);
///   plt::plot(y);
///   plt::savefig("seven.png");
///   plt::close(7);
/// }
/// ```
[[nodiscard]] STRATA_API std::unique_lock<std::recursive_mutex> lock();

/// A new figure, numbered max(get_fignums()) + 1, made current.
STRATA_API Figure& figure();
/// A new figure with these options, numbered as figure().
STRATA_API Figure& figure(const FigureOptions& options, bool clear = false);
/// Figure `num`: activated when it exists (options are then ignored; `clear` clears it), else
/// made with `options` and number `num`.
STRATA_API Figure& figure(int num, const FigureOptions& options = {}, bool clear = false);
/// The figure labelled `label`: activated when it exists, else made with the next number and
/// this label.
STRATA_API Figure& figure(std::string_view label, const FigureOptions& options = {},
                          bool clear = false);
/// Activates a figure of the registry; ValueError "The passed figure is not managed by
/// pyplot" for another one.
STRATA_API Figure& figure(Figure& fig);

/// The current figure; a new one (figure()) when there is none.
STRATA_API Figure& gcf();
/// The current Axes of the current figure; add_subplot(111) when it has none.
STRATA_API Axes& gca();
/// Makes `ax` the current Axes and its figure the current figure; ValueError "The passed
/// figure is not managed by pyplot" when its figure is not in the registry.
STRATA_API void sca(Axes& ax);
/// Clears the current Axes (matplotlib's cla).
STRATA_API void cla();
/// Clears the current figure (matplotlib's clf).
STRATA_API void clf();
/// Removes an Axes from the current figure (matplotlib's delaxes; default the current Axes).
/// ValueError when `ax` is not in the current figure.
STRATA_API void delaxes(Axes* ax = nullptr);

/// Closes (destroys) the current figure; nothing when there is none.
STRATA_API void close();
/// Closes figure `num` (nothing when there is none).
STRATA_API void close(int num);
/// Closes the figure labelled `label`, or every figure for "all".
STRATA_API void close(std::string_view label);
/// Closes `fig` when it is in the registry.
STRATA_API void close(const Figure& fig);

/// Whether a figure with this number exists.
[[nodiscard]] STRATA_API bool fignum_exists(int num);
/// Whether a figure with this label exists.
[[nodiscard]] STRATA_API bool fignum_exists(std::string_view label);
/// The numbers of the open figures, sorted.
[[nodiscard]] STRATA_API std::vector<int> get_fignums();
/// The labels of the open figures ("" for none), in the order of their numbers.
[[nodiscard]] STRATA_API std::vector<std::string> get_figlabels();
/// The number of a figure of the registry (matplotlib's fig.number); nullopt for another.
[[nodiscard]] STRATA_API std::optional<int> fignum_of(const Figure& fig);

// ---- subplots -----------------------------------------------------------------------------

/// subplot(nrows, ncols, index) of the current figure (index 1-based): the existing Axes of
/// that spec when options are not given, else a new one; made current. ValueError as
/// Figure::add_subplot.
STRATA_API Axes& subplot(int nrows, int ncols, int index, const AxesOptions& options = {});
/// subplot(nrows, ncols, (first, last)).
STRATA_API Axes& subplot(int nrows, int ncols, std::pair<int, int> span,
                         const AxesOptions& options = {});
/// subplot(221).
STRATA_API Axes& subplot(int three_digit = 111, const AxesOptions& options = {});
STRATA_API Axes& subplot(const SubplotSpec& spec, const AxesOptions& options = {});

/// A new figure and its grid of Axes (matplotlib's subplots): `auto [fig, axs] = ...`.
struct SubplotsResult {
  Figure& fig;
  AxesGrid axs;
};
/// A new figure (fig_kw) with nrows x ncols Axes; the last one is current. On an error (bad
/// share mode, ratios) no figure is left behind (matplotlib leaves the empty figure open).
STRATA_API SubplotsResult subplots(int nrows = 1, int ncols = 1,
                                   const SubplotsOptions& options = {},
                                   const FigureOptions& fig_kw = {});

/// A new figure and the Axes of a mosaic (matplotlib's subplot_mosaic).
struct MosaicResult {
  Figure& fig;
  Mosaic axd;
};
STRATA_API MosaicResult subplot_mosaic(std::string_view layout, const MosaicOptions& options = {},
                                       const FigureOptions& fig_kw = {});
STRATA_API MosaicResult subplot_mosaic(const MosaicLayout& layout,
                                       const MosaicOptions& options = {},
                                       const FigureOptions& fig_kw = {});

/// An Axes at gs[row:row + rowspan, col:col + colspan] of a shape grid in the current figure
/// (reusing a grid of that shape, as matplotlib).
STRATA_API Axes& subplot2grid(std::pair<int, int> shape, std::pair<int, int> loc, int rowspan = 1,
                              int colspan = 1, const AxesOptions& options = {});
/// An Axes at rect (left, bottom, width, height in figure fractions) of the current figure.
STRATA_API Axes& axes(std::array<double, 4> rect, const AxesOptions& options = {});

/// A twin of `ax` (default the current Axes) sharing x; it becomes the current Axes.
STRATA_API Axes& twinx(Axes* ax = nullptr);
STRATA_API Axes& twiny(Axes* ax = nullptr);

// ---- plotting on the current Axes -----------------------------------------------------------

STRATA_API Line2D& plot(std::span<const double> x, std::span<const double> y,
                        std::string_view fmt = "", const Line2DOptions& options = {});
STRATA_API Line2D& plot(std::span<const double> x, std::span<const double> y,
                        const Line2DOptions& options);
STRATA_API Line2D& plot(std::span<const double> y, std::string_view fmt = "",
                        const Line2DOptions& options = {});
STRATA_API Line2D& plot(DataContainerPtr data, std::string_view fmt = "",
                        const Line2DOptions& options = {});
STRATA_API Line2D& plot_units(const UnitValues& x, const UnitValues& y, std::string_view fmt = "",
                              const Line2DOptions& options = {});
/// Dates, categories or user units on either axis (see Axes::plot).
template <class X, class Y>
requires((!std::is_convertible_v<const X&, std::span<const double>> ||
          !std::is_convertible_v<
              const Y&, std::span<const double>>)&&std::is_constructible_v<UnitValues, const X&>&&
             std::is_constructible_v<UnitValues, const Y&>)
    Line2D& plot(const X& x, const Y& y, std::string_view fmt = "",
                 const Line2DOptions& options = {}) {
  return plot_units(UnitValues(x), UnitValues(y), fmt, options);
}

STRATA_API Line2D& step(std::span<const double> x, std::span<const double> y,
                        std::string_view fmt = "", const StepOptions& options = {});
STRATA_API StepPatch& stairs(std::span<const double> values, const StairsOptions& options = {});
STRATA_API StepPatch& stairs(DataContainerPtr data, std::string values_field = "values",
                             const StairsOptions& options = {});
STRATA_API ErrorbarContainer& errorbar(std::span<const double> x, std::span<const double> y,
                                       const ErrorbarOptions& options = {});

STRATA_API BarContainer& bar(std::span<const double> x, std::span<const double> height,
                             const BarOptions& options = {});
STRATA_API BarContainer& bar_units(const UnitValues& x, std::span<const double> height,
                                   const BarOptions& options = {});
template <class X>
requires(!std::is_convertible_v<const X&, std::span<const double>> &&
         std::is_constructible_v<UnitValues, const X&>)
    BarContainer& bar(const X& x, std::span<const double> height, const BarOptions& options = {}) {
  return bar_units(UnitValues(x), height, options);
}
STRATA_API BarContainer& barh(std::span<const double> y, std::span<const double> width,
                              const BarOptions& options = {});
STRATA_API BarContainer& barh_units(const UnitValues& y, std::span<const double> width,
                                    const BarOptions& options = {});
template <class Y>
requires(!std::is_convertible_v<const Y&, std::span<const double>> &&
         std::is_constructible_v<UnitValues, const Y&>)
    BarContainer& barh(const Y& y, std::span<const double> width, const BarOptions& options = {}) {
  return barh_units(UnitValues(y), width, options);
}
STRATA_API std::vector<Text*> bar_label(const BarContainer& container,
                                        const BarLabelOptions& options = {});

STRATA_API HistResult hist(std::span<const double> x, const HistPlotOptions& options = {});
STRATA_API HistResult hist(const std::vector<std::vector<double>>& datasets,
                           const HistPlotOptions& options = {});
STRATA_API HistResult hist(std::span<const std::span<const double>> datasets,
                           const HistPlotOptions& options = {});

/// Markers (see Axes::scatter); the collection becomes the current image (gci()).
STRATA_API PathCollection& scatter(std::span<const double> x, std::span<const double> y,
                                   const ScatterOptions& options = {});
STRATA_API PathCollection& scatter(DataContainerPtr data, const ScatterOptions& options = {});

STRATA_API PolyCollection& fill_between(std::span<const double> x, std::span<const double> y1,
                                        const FillBetweenOptions& options = {});
STRATA_API PolyCollection& fill_between(std::span<const double> x, std::span<const double> y1,
                                        double y2, const FillBetweenOptions& options = {});
STRATA_API PolyCollection& fill_between(std::span<const double> x, std::span<const double> y1,
                                        std::span<const double> y2,
                                        const FillBetweenOptions& options = {});
STRATA_API PolyCollection& fill_between(DataContainerPtr data,
                                        const FillBetweenOptions& options = {});
STRATA_API PolyCollection& fill_betweenx(std::span<const double> y, std::span<const double> x1,
                                         const FillBetweenOptions& options = {});
STRATA_API PolyCollection& fill_betweenx(std::span<const double> y, std::span<const double> x1,
                                         double x2, const FillBetweenOptions& options = {});
STRATA_API PolyCollection& fill_betweenx(std::span<const double> y, std::span<const double> x1,
                                         std::span<const double> x2,
                                         const FillBetweenOptions& options = {});
STRATA_API PolyCollection& fill_betweenx(DataContainerPtr data,
                                         const FillBetweenOptions& options = {});

/// Arrows (see Axes::quiver); the Quiver becomes the current image (gci()), as matplotlib.
STRATA_API Quiver& quiver(std::span<const double> x, std::span<const double> y,
                          std::span<const double> u, std::span<const double> v,
                          const QuiverOptions& options = {});
STRATA_API Quiver& quiver(std::span<const double> x, std::span<const double> y,
                          std::span<const double> u, std::span<const double> v,
                          std::span<const double> c, const QuiverOptions& options = {});
STRATA_API Quiver& quiver(std::span<const double> u, std::span<const double> v,
                          const QuiverOptions& options = {});
STRATA_API Quiver& quiver(DataContainerPtr data, const QuiverOptions& options = {});
STRATA_API Barbs& barbs(std::span<const double> x, std::span<const double> y,
                        std::span<const double> u, std::span<const double> v,
                        const BarbsOptions& options = {});
STRATA_API Barbs& barbs(std::span<const double> x, std::span<const double> y,
                        std::span<const double> u, std::span<const double> v,
                        std::span<const double> c, const BarbsOptions& options = {});
STRATA_API QuiverKey& quiverkey(Quiver& q, double x, double y, double u, std::string label,
                                const QuiverKeyOptions& options = {});
/// A density image (see Axes::density_image); it becomes the current image.
STRATA_API DensityImage& density_image(DataContainerPtr data,
                                       const DensityImageOptions& options = {});

STRATA_API Line2D& axhline(double y = 0, double xmin = 0, double xmax = 1,
                           const Line2DOptions& options = {});
STRATA_API Line2D& axvline(double x = 0, double ymin = 0, double ymax = 1,
                           const Line2DOptions& options = {});
STRATA_API Patch& axhspan(double ymin, double ymax, double xmin = 0, double xmax = 1,
                          const PatchOptions& options = {});
STRATA_API Patch& axvspan(double xmin, double xmax, double ymin = 0, double ymax = 1,
                          const PatchOptions& options = {});
STRATA_API Line2D& axline(Point xy1, std::optional<Point> xy2, std::optional<double> slope = {},
                          const Line2DOptions& options = {});

// ---- forwarded plot types added later ------------------------------------------------------
// (imshow, annotate, boxplot, violinplot, pie, stem, eventplot, stackplot, vlines/hlines,
// hist2d, hexbin, loglog/semilogx/semilogy: forward them to gca() here; the ones that make a
// ScalarMappable (imshow, hexbin, hist2d's image) call sci() on it, as matplotlib.)

// ---- current image ---------------------------------------------------------------------------

/// The current image (matplotlib's gci): the ScalarMappable last made by scatter, quiver,
/// density_image or set by sci() on the current Axes, else on the other Axes of the current
/// figure (last added first); nullptr when there is none (or no figure).
[[nodiscard]] STRATA_API ScalarMappable* gci();
/// Makes `mappable` the current image of the current Axes; ValueError "Argument must be an
/// image, collection, or ContourSet in this Axes" when it is not an artist of that Axes.
STRATA_API void sci(ScalarMappable& mappable);
/// Sets the color limits of the current image (matplotlib's clim); strata::Error "You must
/// first define an image, e.g., with imshow" when there is none.
STRATA_API void clim(std::optional<double> vmin = {}, std::optional<double> vmax = {});
/// A colorbar of the current image (gci()) in the current figure. strata::Error "No mappable
/// was found to use for colorbar creation. First define a mappable such as an image (with
/// imshow) or a contour set (with contourf)." when there is none. The colorbar Axes does
/// not become the current Axes.
STRATA_API Colorbar& colorbar(const ColorbarOptions& options = {});
/// A colorbar of `mappable` in the current figure (see Figure::colorbar).
STRATA_API Colorbar& colorbar(ScalarMappable& mappable, const ColorbarOptions& options = {});

// ---- decorations ----------------------------------------------------------------------------

STRATA_API Text& title(std::string label, const TitleOptions& options = {});
STRATA_API Text& xlabel(std::string label, const LabelOptions& options = {});
STRATA_API Text& ylabel(std::string label, const LabelOptions& options = {});
STRATA_API Text& suptitle(std::string text, const TextOptions& options = {});
STRATA_API Text& supxlabel(std::string text, const TextOptions& options = {});
STRATA_API Text& supylabel(std::string text, const TextOptions& options = {});
/// A text at (x, y) in data coordinates of the current Axes (or `transform`).
STRATA_API Text& text(double x, double y, std::string s, const TextOptions& options = {},
                      TransformPtr transform = nullptr);
/// A text at (x, y) in figure fractions of the current figure.
STRATA_API Text& figtext(double x, double y, std::string s, const TextOptions& options = {});

/// The x limits of the current Axes.
[[nodiscard]] STRATA_API std::pair<double, double> xlim();
/// Sets either end or both and returns the new limits.
STRATA_API std::pair<double, double> xlim(std::optional<double> left, std::optional<double> right);
STRATA_API std::pair<double, double> xlim(std::pair<double, double> limits);
[[nodiscard]] STRATA_API std::pair<double, double> ylim();
STRATA_API std::pair<double, double> ylim(std::optional<double> bottom, std::optional<double> top);
STRATA_API std::pair<double, double> ylim(std::pair<double, double> limits);
STRATA_API void xscale(std::string_view name, const ScaleOptions& options = {});
STRATA_API void yscale(std::string_view name, const ScaleOptions& options = {});

/// What xticks() / yticks() return: the tick locations (get_xticks) and the labels of the
/// ticks in view.
struct Ticks {
  std::vector<double> locs{};
  std::vector<std::string> labels{};
};
/// The ticks of the current Axes (matplotlib's xticks() with no argument).
[[nodiscard]] STRATA_API Ticks xticks(bool minor = false);
/// Sets the tick locations and optionally their labels.
STRATA_API Ticks xticks(std::vector<double> ticks,
                        std::optional<std::vector<std::string>> labels = {}, bool minor = false);
[[nodiscard]] STRATA_API Ticks yticks(bool minor = false);
STRATA_API Ticks yticks(std::vector<double> ticks,
                        std::optional<std::vector<std::string>> labels = {}, bool minor = false);
STRATA_API void tick_params(const TickParams& params);
STRATA_API void minorticks_on();
STRATA_API void minorticks_off();
STRATA_API void grid(std::optional<bool> visible = true, std::string_view which = "major",
                     std::string_view axis = "both", const GridOptions& style = {});
STRATA_API Legend& legend(const LegendOptions& options = {});
STRATA_API Legend& legend(std::vector<Artist*> handles, std::vector<std::string> labels,
                          const LegendOptions& options = {});
/// The limits (xmin, xmax, ymin, ymax) of the current Axes (matplotlib's axis()).
STRATA_API AxisLimits axis();
/// axis("off"), axis("equal"), ...; returns the limits afterwards.
STRATA_API AxisLimits axis(std::string_view option);
STRATA_API AxisLimits axis(const AxisLimits& limits);
STRATA_API void margins(std::optional<double> x, std::optional<double> y);
STRATA_API void margins(double xy);
[[nodiscard]] STRATA_API std::pair<double, double> margins();
STRATA_API void autoscale(bool enable = true, std::string_view axis = "both",
                          std::optional<bool> tight = {});

// ---- layout -----------------------------------------------------------------------------------

STRATA_API void tight_layout(double pad = 1.08, std::optional<double> h_pad = {},
                             std::optional<double> w_pad = {},
                             std::array<double, 4> rect = {0, 0, 1, 1});
STRATA_API void subplots_adjust(const SubplotParams& params);

// ---- rcParams and styles ------------------------------------------------------------------------

/// matplotlib's rc(group, **kwargs): sets group.name for every name (aliases lw, ls, c, fc,
/// ec, mew, aa). ValueError 'Unrecognized key "lines.foo" for group "lines" and name "foo"'.
///
/// **Example**
/// ```
/// plt::rc("lines", {{"lw", "2"}, {"color", "r"}});
/// plt::rc({"xtick", "ytick"}, {{"labelsize", "8"}});
/// ```
STRATA_API void rc(std::string_view group, const RcPairs& values);
STRATA_API void rc(const std::vector<std::string>& groups, const RcPairs& values);
/// rc({"xtick", "ytick"}, ...) (a brace list of groups).
STRATA_API void rc(std::initializer_list<std::string_view> groups, const RcPairs& values);
/// The rcParams (strata::rc()).
[[nodiscard]] STRATA_API RcParams rcParams();  // NOLINT(readability-identifier-naming)
/// Restores matplotlib's defaults (strata::rcdefaults()).
STRATA_API void rcdefaults();
using strata::rc_context;
namespace style = strata::style;

// ---- output -------------------------------------------------------------------------------------

/// Saves the current figure (gcf()).
STRATA_API void savefig(const std::filesystem::path& path, const SaveOptions& options = {});
/// Draws the current figure on its canvas.
STRATA_API void draw();
/// Draws every open figure and writes it as PNG into $STRATA_SHOW_DIR (default: the current
/// directory); prints and returns the paths. Never blocks; the figures stay open.
STRATA_API std::vector<std::filesystem::path> show();

}  // namespace plt
}  // namespace strata
