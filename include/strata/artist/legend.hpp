// SPDX-License-Identifier: MIT
#pragma once
// Legends (matplotlib's legend.py and legend_handler.py, with the offsetbox packing they use):
// a box of entries, each a small drawing of a plotted artist (its "handle") next to its label,
// packed in columns under an optional title, framed by a FancyBboxPatch and placed at one of
// the location codes of its parent Axes or Figure, or at the least crowded of nine ("best").
//
// The layout is matplotlib's step for step: every entry is an HPacker of a DrawingArea
// (handlelength x handleheight font sizes, with the handle drawn in points from the entry's
// baseline) and a TextArea (baseline aligned; multi-line labels centred on the "lp" line);
// entries stack in VPackers (one per column), the columns in an HPacker, and the title and
// the columns in the outer VPacker whose pad is borderpad. Lengths are font-size fractions
// and scale with the renderer's dpi, so the legend lands on matplotlib's pixels.
//
// Which artist gets which drawing is decided by a handler map (matplotlib's legend handler
// map): a table from artist type to a function that makes the legend artists. Line2D
// (matplotlib's HandlerLine2D) and Patch (HandlerPatch) are registered by default; other
// artist kinds (collections, error bars) register theirs with update_default_legend_handler_map
// or per legend through LegendOptions::handler_map.
//
// **Example**
// ```
// ax.plot(x, s, {.label = "sin(x)"});
// ax.plot(x, c, {.label = "cos(x)"});
// strata::Legend& leg = ax.legend({.loc = "upper right", .ncols = 2, .title = "curves"});
// leg.get_window_extent();  // display box of the legend, as matplotlib's
// ```
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <variant>
#include <vector>

#include "strata/artist/artist.hpp"
#include "strata/artist/lines.hpp"
#include "strata/artist/patches.hpp"
#include "strata/artist/text.hpp"
#include "strata/colors/color.hpp"
#include "strata/text/boxstyle.hpp"
#include "strata/text/font.hpp"

namespace strata {

class Axes;
class Figure;
class Legend;

// ---- FancyBboxPatch ----------------------------------------------------------------------

/// A rectangle outlined with a box style (matplotlib's FancyBboxPatch): the legend frame.
/// The box (x, y, width, height) is in the coordinates of the artist transform; the style's
/// lengths are fractions of `mutation_scale` (the legend's font size in pixels).
///
/// **Example**
/// ```
/// strata::FancyBboxPatch p({10, 10}, 100, 40,
///                          strata::parse_boxstyle("round,pad=0,rounding_size=0.2"), 13.9);
/// p.get_path();  // the rounded outline, corners of radius 0.2 * 13.9
/// ```
class STRATA_API FancyBboxPatch : public Patch {
 public:
  FancyBboxPatch(Point xy, double width, double height, BoxStyle boxstyle = {},
                 double mutation_scale = 1.0, const PatchOptions& options = {});

  /// The box style's outline around the box (matplotlib's get_path).
  [[nodiscard]] Path get_path() const override;
  /// Draws as Patch::draw, snapped when get_snap() is true (as matplotlib's snap=True).
  void draw(Renderer& renderer) override;

  void set_bounds(double x, double y, double width, double height);
  /// The box before the style is applied (x0, y0) - (x0 + width, y0 + height).
  [[nodiscard]] Bbox get_bbox() const { return Bbox::from_bounds(x_, y_, width_, height_); }
  [[nodiscard]] const BoxStyle& get_boxstyle() const { return boxstyle_; }
  void set_boxstyle(BoxStyle style);
  [[nodiscard]] double get_mutation_scale() const { return mutation_scale_; }
  void set_mutation_scale(double scale);
  /// nullopt: snap when the outline is axis-aligned (matplotlib's snap=None).
  [[nodiscard]] std::optional<bool> get_snap() const { return snap_; }
  void set_snap(std::optional<bool> snap) { snap_ = snap; }

 private:
  double x_;
  double y_;
  double width_;
  double height_;
  BoxStyle boxstyle_;
  double mutation_scale_;
  std::optional<bool> snap_{};
};

// ---- the handler map ---------------------------------------------------------------------

/// The box a legend handler draws into (matplotlib's DrawingArea of an entry), in points:
/// the handle occupies x in [-xdescent, -xdescent + width] and y in [-ydescent,
/// -ydescent + height], y = 0 being the baseline of the entry's label.
struct LegendHandleBox {
  double xdescent = 0.0;
  double ydescent = 0.0;
  double width = 0.0;
  double height = 0.0;
  /// Box coordinates (points) to display; live: the legend updates it at every layout.
  /// Artists whose transform is not set get it when they are added.
  TransformPtr transform{};
};

/// What loc="best" avoids, in display coordinates (matplotlib's _auto_legend_data).
struct LegendBestData {
  std::vector<Bbox> bboxes{};    ///< patches: each overlapping candidate box counts once
  std::vector<Path> lines{};     ///< lines: each vertex inside and each crossing count
  std::vector<Point> offsets{};  ///< collection offsets: each point inside counts
};

/// How much a candidate legend box (display coordinates) covers: matplotlib's badness in
/// _find_best_position, the line vertices strictly inside, plus the offsets strictly inside,
/// plus the bboxes overlapping its interior, plus one per line that crosses or touches it
/// (Path.intersects_bbox with filled=False; non-finite vertices are skipped).
///
/// **Example**
/// ```
/// strata::LegendBestData d;
/// d.lines.push_back(strata::Path({{-1, 0.5}, {3, 0.5}}));
/// strata::legend_badness(d, strata::Bbox::from_extents(0, 0, 2, 1));  // 1 (a crossing)
/// ```
[[nodiscard]] STRATA_API int legend_badness(const LegendBestData& data, const Bbox& box);

/// A legend handler (matplotlib's HandlerBase subclasses).
///
/// **Example**
/// ```
/// strata::LegendHandler h;
/// h.create_artists = [](const strata::Legend& leg, const strata::Artist& orig,
///                       const strata::LegendHandleBox& box, double fontsize) {
///   std::vector<std::unique_ptr<strata::Artist>> out;
///   out.push_back(std::make_unique<strata::Rectangle>(
///       strata::Point{-box.xdescent, -box.ydescent}, box.width, box.height));
///   return out;
/// };
/// ```
struct LegendHandler {
  /// Makes the legend artists for `orig` in box coordinates (points; see LegendHandleBox),
  /// `fontsize` being the legend's font size in points. The first artist is the legend
  /// handle (Legend::legend_handles()); all are drawn in order.
  std::function<std::vector<std::unique_ptr<Artist>>(const Legend& legend, const Artist& orig,
                                                     const LegendHandleBox& box, double fontsize)>
      create_artists{};
  /// Optional: adds what an Axes child of this kind covers to the data loc="best" avoids.
  std::function<void(const Artist& artist, LegendBestData& data)> best_data{};
};

/// A table from artist type to LegendHandler (matplotlib's handler_map). An artist takes the
/// entry of its exact type if there is one, else the most recently set entry for a base of
/// its type.
///
/// **Example**
/// ```
/// strata::LegendHandlerMap map;
/// map.set<strata::Line2D>(strata::legend_handler_line2d(2));  // two markers per line
/// ax.legend({.handler_map = map});
/// ```
class STRATA_API LegendHandlerMap {
 public:
  /// Sets the handler for artists of type T and its subclasses (replacing one for T).
  template <class T>
  void set(LegendHandler handler) {
    set(
        std::type_index(typeid(T)),
        [](const Artist& a) { return dynamic_cast<const T*>(&a) != nullptr; }, std::move(handler));
  }
  /// Sets the handler for `type`; `matches` tells whether an artist is a `type`.
  void set(std::type_index type, std::function<bool(const Artist&)> matches, LegendHandler handler);
  /// The handler for `artist`, or nullptr.
  [[nodiscard]] const LegendHandler* find(const Artist& artist) const;
  /// Sets every entry of `other` (matplotlib's dict update).
  void update(const LegendHandlerMap& other);
  [[nodiscard]] bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::type_index type;
    std::function<bool(const Artist&)> matches;
    LegendHandler handler;
  };
  std::vector<Entry> entries_{};
};

/// A copy of the process-wide default handler map: Line2D -> legend_handler_line2d(),
/// Patch -> legend_handler_patch(), plus whatever was added. Thread-safe.
[[nodiscard]] STRATA_API LegendHandlerMap default_legend_handler_map();
/// Adds entries to the default map (matplotlib's Legend.update_default_handler_map), e.g.
/// the collections' handlers. Thread-safe.
STRATA_API void update_default_legend_handler_map(const LegendHandlerMap& extra);

/// matplotlib's HandlerLine2D: a line across the box at its middle height with the style of
/// the original line, and markers at the middle (numpoints 1) or at numpoints positions
/// inset by marker_pad font sizes; marker size times the legend's markerscale.
/// `numpoints` nullopt: the legend's.
[[nodiscard]] STRATA_API LegendHandler legend_handler_line2d(std::optional<int> numpoints = {},
                                                             double marker_pad = 0.3);
/// matplotlib's HandlerPatch: a Rectangle filling the box with the original's look.
[[nodiscard]] STRATA_API LegendHandler legend_handler_patch();

/// The x positions of a numpoints handler (matplotlib's HandlerNpoints.get_xdata): the line's
/// and the markers', in box coordinates.
[[nodiscard]] STRATA_API std::pair<std::vector<double>, std::vector<double>> legend_npoints_xdata(
    int numpoints, const LegendHandleBox& box, double fontsize, double marker_pad = 0.3);

/// Copies the look of `src` to `dst` (matplotlib's Line2D.update_from): color, width, style
/// and dashes, marker with its fill style, size, edge width and colors, draw style, alpha,
/// visibility and label. Cap and join styles, antialiasing and the alternate face color are
/// not readable from a Line2D and keep dst's.
STRATA_API void copy_line_properties(Line2D& dst, const Line2D& src);
/// Copies the look of `src` to `dst` (matplotlib's Patch.update_from): face and edge colors,
/// fill, hatch, line width, alpha, visibility and label. The line style, cap and join styles
/// and antialiasing are not readable from a Patch and keep dst's.
STRATA_API void copy_patch_properties(Patch& dst, const Patch& src);

// ---- options -----------------------------------------------------------------------------

/// A legend location: a name ("best", "upper right", "upper left", "lower left",
/// "lower right", "right", "center left", "center right", "lower center", "upper center",
/// "center"), its code 0-10, or the lower-left corner of the legend in axes (figure)
/// fractions.
using LegendLoc = std::variant<std::string, int, Point>;

/// Options of a legend (matplotlib's legend keywords); unset fields take rcParams legend.*.
/// Lengths (pads, spacings, handle sizes) are fractions of the legend font size.
///
/// **Example**
/// ```
/// ax.legend({.loc = "upper center", .bbox_to_anchor = {0.5, -0.1}, .ncols = 3,
///            .fancybox = false, .shadow = true});
/// ```
struct LegendOptions {
  /// Default rcParams legend.loc ("best"; "upper right" for figure legends).
  std::optional<LegendLoc> loc{};
  /// The box the location refers to: empty (the parent's box), 2 numbers (a point) or 4
  /// (x, y, width, height), in the coordinates of bbox_transform.
  std::vector<double> bbox_to_anchor{};
  /// Default: the parent's box (axes or figure fractions).
  TransformPtr bbox_transform{};
  int ncols = 1;                               ///< columns; 1 when there are fewer than 2 entries
  std::optional<double> fontsize{};            ///< points; default rcParams legend.fontsize
  std::optional<std::string> fontsize_name{};  ///< "small", "large", ... (relative to font.size)
  /// The label font (family, weight, style, size); overrides fontsize.
  std::optional<FontProperties> prop{};
  /// A color for every label, "linecolor" (the handle's color), "markerfacecolor" / "mfc",
  /// "markeredgecolor" / "mec", or "none"; default rcParams legend.labelcolor (text.color).
  std::optional<std::string> labelcolor{};
  /// One color per label, cycled; overrides labelcolor when not empty.
  std::vector<Color> labelcolors{};
  std::string title{};
  std::optional<double> title_fontsize{};  ///< points; default rcParams legend.title_fontsize
  std::optional<std::string> title_fontsize_name{};
  std::optional<bool> frameon{};
  std::optional<bool> fancybox{};  ///< rounded frame (round,pad=0,rounding_size=0.2)
  std::optional<bool> shadow{};
  std::optional<double> framealpha{};  ///< default rcParams legend.framealpha (1 with a shadow)
  std::optional<Color> facecolor{};    ///< default rcParams legend.facecolor ("inherit": axes')
  std::optional<Color> edgecolor{};    ///< default rcParams legend.edgecolor
  std::optional<double> markerscale{};
  std::optional<int> numpoints{};
  std::optional<int> scatterpoints{};
  std::vector<double> scatteryoffsets{};  ///< default {3/8, 4/8, 2.5/8}
  bool markerfirst = true;                ///< handle left of the label
  std::optional<double> borderpad{};
  std::optional<double> labelspacing{};
  std::optional<double> handlelength{};
  std::optional<double> handleheight{};
  std::optional<double> handletextpad{};
  std::optional<double> borderaxespad{};
  std::optional<double> columnspacing{};
  std::string mode{};                ///< "" or "expand" (columns spread over the anchor box)
  std::string alignment = "center";  ///< title and entries: "center", "left", "right"
  bool reverse = false;              ///< entries in reverse order (matplotlib 3.7's reverse)
  LegendHandlerMap handler_map{};    ///< entries added to the default map for this legend
};

// ---- Legend ------------------------------------------------------------------------------

/// A legend (matplotlib's Legend), made by Axes::legend or Figure::legend. Drawn in display
/// coordinates at zorder 5; its frame, texts and handles are its own artists.
///
/// **Example**
/// ```
/// ax.plot(x, y, {.label = "data", .marker = "o"});
/// strata::Legend& leg = ax.legend({.loc = "best", .title = "Runs"});
/// leg.get_texts()[0]->set_color("red");
/// leg.get_frame().set_facecolor("0.9");
/// strata::Bbox box = leg.get_window_extent();
/// ```
class STRATA_API Legend : public Artist {
 public:
  /// A legend of `handles` with `labels` (pairs beyond the shorter list are dropped, and so
  /// are labels starting with '_') in `parent`. Throws ValueError for bad options.
  Legend(Axes& parent, std::vector<Artist*> handles, std::vector<std::string> labels,
         const LegendOptions& options = {});
  Legend(Figure& parent, std::vector<Artist*> handles, std::vector<std::string> labels,
         const LegendOptions& options = {});
  ~Legend() override;

  /// Lays the legend out at the renderer's dpi, then draws the shadow, frame, title, handles
  /// and labels. An empty legend (no entries, no title) draws nothing.
  void draw(Renderer& renderer) override;
  /// The legend box in display coordinates at the figure's dpi (null when empty).
  [[nodiscard]] Bbox get_window_extent() const override;
  /// The legend box at `dpi`.
  [[nodiscard]] Bbox get_window_extent(double dpi) const;
  /// The legend box (not cut by any clip box).
  [[nodiscard]] Bbox get_tightbbox() const override;
  void set_figure(Figure* figure) override;

  /// The label texts, in entry order.
  [[nodiscard]] std::vector<Text*> get_texts() const;
  /// The legend handles that are lines / patches.
  [[nodiscard]] std::vector<Line2D*> get_lines() const;
  [[nodiscard]] std::vector<Patch*> get_patches() const;
  /// One legend handle per entry (nullptr where no handler knew the artist).
  [[nodiscard]] const std::vector<Artist*>& legend_handles() const { return legend_handles_; }
  /// The frame.
  [[nodiscard]] FancyBboxPatch& get_frame() { return *frame_; }
  [[nodiscard]] const FancyBboxPatch& get_frame() const { return *frame_; }
  [[nodiscard]] bool get_frame_on() const { return frame_->get_visible(); }
  void set_frame_on(bool on);
  /// The title text (empty and invisible when there is no title).
  [[nodiscard]] Text& get_title() { return *title_; }
  /// Sets the title and, when given, its font.
  void set_title(std::string title, std::optional<FontProperties> prop = {});

  /// The location: a code 0-10 (0: best) or a point in anchor-box fractions.
  [[nodiscard]] std::variant<int, Point> get_loc() const { return loc_; }
  /// Sets the location (as LegendOptions::loc); ValueError for unknown names and codes.
  void set_loc(const LegendLoc& loc);
  /// The box the location refers to, in display coordinates.
  [[nodiscard]] Bbox get_bbox_to_anchor() const;
  /// As LegendOptions::bbox_to_anchor / bbox_transform; an empty vector restores the parent's.
  void set_bbox_to_anchor(std::vector<double> bbox, TransformPtr transform = nullptr);
  void set_ncols(int ncols);
  [[nodiscard]] const std::string& get_alignment() const { return alignment_; }
  void set_alignment(std::string_view alignment);

  /// Legend parameters as resolved (handlers read them).
  [[nodiscard]] double fontsize() const { return fontsize_; }  ///< points
  [[nodiscard]] int numpoints() const { return numpoints_; }
  [[nodiscard]] int scatterpoints() const { return scatterpoints_; }
  [[nodiscard]] const std::vector<double>& scatteryoffsets() const { return scatteryoffsets_; }
  [[nodiscard]] double markerscale() const { return markerscale_; }
  /// True for a legend of an Axes, false for a figure legend.
  [[nodiscard]] bool is_axes_legend() const { return parent_axes_ != nullptr; }

 private:
  struct Box;  // the offsetbox tree (legend.cpp)
  void init(std::vector<Artist*> handles, std::vector<std::string> labels,
            const LegendOptions& options);
  void build_legend_box();
  /// Lays out at `dpi`: returns the legend box and places texts and handles.
  Bbox layout(double dpi) const;
  [[nodiscard]] Point find_best_position(double width, double height, double dpi) const;
  [[nodiscard]] Point anchored_position(int code, double width, double height, double dpi) const;
  [[nodiscard]] LegendBestData auto_legend_data() const;
  [[nodiscard]] const std::shared_ptr<BboxBase>& parent_bbox() const;
  [[nodiscard]] bool empty_legend() const;

  Axes* parent_axes_ = nullptr;
  Figure* parent_figure_ = nullptr;
  LegendHandlerMap handler_map_{};

  FontProperties prop_{};
  double fontsize_ = 10.0;
  int numpoints_ = 1;
  int scatterpoints_ = 1;
  std::vector<double> scatteryoffsets_{};
  double markerscale_ = 1.0;
  double borderpad_ = 0.4;
  double labelspacing_ = 0.5;
  double handlelength_ = 2.0;
  double handleheight_ = 0.7;
  double handletextpad_ = 0.8;
  double borderaxespad_ = 0.5;
  double columnspacing_ = 2.0;
  int ncols_ = 1;
  bool expand_ = false;
  bool markerfirst_ = true;
  bool shadow_ = false;
  std::string alignment_ = "center";
  std::variant<int, Point> loc_{0};
  std::shared_ptr<BboxBase> bbox_to_anchor_{};  // nullptr: the parent's box

  std::unique_ptr<FancyBboxPatch> frame_;
  std::unique_ptr<Text> title_;
  std::vector<std::unique_ptr<Text>> texts_{};
  std::vector<std::unique_ptr<Artist>> handle_artists_{};  // every artist of every entry
  std::vector<Artist*> legend_handles_{};
  // One (handle artists, text) per entry, in entry order.
  struct Entry {
    std::vector<Artist*> artists;
    std::shared_ptr<Affine2DNode> transform;
    LegendHandleBox box;
    Text* text;
  };
  std::vector<Entry> entries_{};
  std::unique_ptr<Box> legend_box_;
};

}  // namespace strata
