// SPDX-License-Identifier: MIT
#pragma once
// Figure (matplotlib's figure.py): the top-level artist. It owns its Axes and figure-level
// artists, draws them through a Canvas, and saves itself to files, streams or bytes.
#include <array>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "strata/artist/artist.hpp"
#include "strata/artist/axes.hpp"
#include "strata/artist/colorbar.hpp"
#include "strata/artist/gridspec.hpp"
#include "strata/artist/mosaic.hpp"
#include "strata/artist/text.hpp"
#include "strata/backend/canvas.hpp"
#include "strata/colors/color.hpp"

namespace strata {

/// Options of a Figure; unset fields take rcParams figure.*.
///
/// **Example**
/// ```
/// strata::Figure fig({.figsize = strata::Size{8, 6}, .dpi = 150});
/// ```
struct FigureOptions {
  std::optional<Size> figsize{};  ///< inches
  std::optional<double> dpi{};
  std::optional<Color> facecolor{};
  std::optional<Color> edgecolor{};
  std::optional<double> linewidth{};
  std::optional<bool> frameon{};
  /// "tight", "constrained" or "none"/"" (default: rcParams figure.autolayout /
  /// figure.constrained_layout.use).
  std::optional<std::string> layout{};
};

/// Options of savefig (matplotlib's savefig keywords).
struct SaveOptions {
  std::string format{};         ///< default: from the file extension, else rcParams savefig.format
  std::optional<double> dpi{};  ///< default rcParams savefig.dpi ("figure": the figure's dpi)
  std::optional<Color> facecolor{};  ///< default rcParams savefig.facecolor ("auto": the figure's)
  std::optional<Color> edgecolor{};
  bool transparent = false;
  std::string bbox_inches{};           ///< "tight" or empty (the whole figure)
  std::optional<double> pad_inches{};  ///< default rcParams savefig.pad_inches (0.1)
  std::map<std::string, std::string> metadata{};
};

/// Options of Figure::subplots.
struct SubplotsOptions {
  bool sharex = false;
  bool sharey = false;
  /// matplotlib's "row"/"col" sharing: set share*_mode to "row" or "col" (overrides the bool).
  std::string sharex_mode{};
  std::string sharey_mode{};
  std::vector<double> width_ratios{};
  std::vector<double> height_ratios{};
  GridSpecOptions gridspec_kw{};
  /// Properties of every Axes (matplotlib's subplot_kw).
  AxesOptions subplot_kw{};
};

/// The Axes of a subplots() grid, indexable as matplotlib's array of Axes.
class STRATA_API AxesGrid {
 public:
  AxesGrid(std::vector<Axes*> axes, int nrows, int ncols);
  /// Row-major access; ValueError (IndexError text) when out of range.
  [[nodiscard]] Axes& operator()(int row, int col) const;
  /// Flat index (row-major), as axs.flat[k]; negative indices count from the end.
  [[nodiscard]] Axes& operator[](int k) const;
  [[nodiscard]] int nrows() const { return nrows_; }
  [[nodiscard]] int ncols() const { return ncols_; }
  [[nodiscard]] std::size_t size() const { return axes_.size(); }
  [[nodiscard]] auto begin() const { return axes_.begin(); }
  [[nodiscard]] auto end() const { return axes_.end(); }
  /// The single Axes of a 1x1 grid (matplotlib's squeeze).
  [[nodiscard]] Axes& only() const;

 private:
  std::vector<Axes*> axes_;
  int nrows_;
  int ncols_;
};

/// A figure.
///
/// **Example**
/// ```
/// strata::Figure fig;
/// auto axs = fig.subplots(2, 2, {.sharex = true});
/// axs(0, 0).plot(x, y);
/// fig.savefig("grid.png");
/// std::vector<std::uint8_t> pdf = fig.to_bytes("pdf");
/// ```
class STRATA_API Figure : public Artist, public Drawable {
 public:
  explicit Figure(const FigureOptions& options = {});
  ~Figure() override;

  // Drawable
  [[nodiscard]] Size size_inches() const override { return size_inches_; }
  [[nodiscard]] double dpi() const override { return dpi_; }
  [[nodiscard]] Rgba facecolor() const override { return facecolor_; }
  /// Draws the figure at the renderer's dpi (72 for vector output).
  void draw(Renderer& renderer) override;

  [[nodiscard]] Bbox get_window_extent() const override;
  /// The box of everything drawn (axes, labels, titles, legends) at the figure dpi.
  [[nodiscard]] Bbox get_tightbbox() const override;

  // ---- size and look -------------------------------------------------------------------
  [[nodiscard]] Size get_size_inches() const { return size_inches_; }
  /// ValueError for non-positive or non-finite sizes.
  void set_size_inches(double width, double height);
  [[nodiscard]] double get_dpi() const { return dpi_; }
  void set_dpi(double dpi);
  void set_facecolor(const Color& color);
  void set_edgecolor(const Color& color);
  void set_linewidth(double points) { linewidth_ = points; }
  void set_frameon(bool on) { frameon_ = on; }

  // ---- transforms ----------------------------------------------------------------------
  /// Figure fraction -> display.
  [[nodiscard]] const TransformPtr& transFigure() const { return trans_figure_; }  // NOLINT
  /// Inches -> display.
  [[nodiscard]] const TransformPtr& dpi_scale_trans() const { return dpi_scale_trans_; }
  /// The figure box in display coordinates (live).
  [[nodiscard]] const std::shared_ptr<BboxBase>& bbox() const { return bbox_; }

  // ---- axes ----------------------------------------------------------------------------
  /// An Axes at (left, bottom, width, height) in figure fractions; ValueError when the
  /// width or height is negative or a value is not finite.
  Axes& add_axes(std::array<double, 4> rect, const AxesOptions& options = {});
  /// matplotlib's add_subplot(nrows, ncols, index) (index 1-based); ValueError with
  /// matplotlib's messages for bad arguments.
  Axes& add_subplot(int nrows, int ncols, int index, const AxesOptions& options = {});
  /// add_subplot(nrows, ncols, (first, last)): a span.
  Axes& add_subplot(int nrows, int ncols, std::pair<int, int> span,
                    const AxesOptions& options = {});
  /// add_subplot(223).
  Axes& add_subplot(int three_digit = 111, const AxesOptions& options = {});
  Axes& add_subplot(const SubplotSpec& spec, const AxesOptions& options = {});
  /// A grid of subplots, row major.
  AxesGrid subplots(int nrows = 1, int ncols = 1, const SubplotsOptions& options = {});
  /// A GridSpec bound to this figure's subplot parameters.
  [[nodiscard]] std::shared_ptr<GridSpec> add_gridspec(int nrows, int ncols,
                                                       const GridSpecOptions& options = {});
  /// The Axes in the order they were added.
  [[nodiscard]] std::vector<Axes*> get_axes() const;
  /// Removes an Axes; false when it is not in this figure.
  bool delaxes(const Axes& ax);
  /// Removes every Axes and figure-level artist.
  void clear();
  /// The figure's subplot parameters (rcParams figure.subplot.* unless adjusted).
  [[nodiscard]] const SubplotParams& subplotpars() const { return subplotpars_; }
  /// Moves every subplot (matplotlib's subplots_adjust); ValueError as SubplotParams.
  void subplots_adjust(const SubplotParams& params);

  // ---- figure-level artists ------------------------------------------------------------
  Text& suptitle(std::string text, const TextOptions& options = {});
  Text& supxlabel(std::string text, const TextOptions& options = {});
  Text& supylabel(std::string text, const TextOptions& options = {});
  /// A text at (x, y) in figure fractions.
  Text& text(double x, double y, std::string s, const TextOptions& options = {});
  /// Adds any artist drawn in figure coordinates.
  Artist& add_artist(std::unique_ptr<Artist> artist);
  [[nodiscard]] std::vector<Artist*> get_children() const;
  /// A figure legend of the labelled artists of every Axes (matplotlib's fig.legend());
  /// loc "best" is not available (default "upper right"). Figure legends add up.
  Legend& legend(const LegendOptions& options = {});
  /// A figure legend of these handles and labels (empty labels: the handles' labels).
  Legend& legend(std::vector<Artist*> handles, std::vector<std::string> labels,
                 const LegendOptions& options = {});
  /// The most recently added figure legend, or nullptr.
  [[nodiscard]] Legend* get_legend() const;

  // ---- colorbar (src/artist/colorbar.cpp) -----------------------------------------------
  /// A colorbar for `mappable` (matplotlib's Figure.colorbar): in options.cax, or in a new
  /// Axes that takes room from options.ax / options.axs (default: the mappable's Axes) as
  /// matplotlib's make_axes_gridspec (a single subplot, use_gridspec, no constrained layout)
  /// or make_axes. The new Axes is listed by get_axes() after the others. ValueError when no
  /// Axes can be found, for a bad location / orientation pair, fraction, shrink, aspect or
  /// pad, and for parents of another figure.
  ///
  /// **Example**
  /// ```
  /// auto& sc = ax.scatter(x, y, {.c = v});
  /// strata::Colorbar& cb = fig.colorbar(sc, {.label = "value"});
  /// fig.colorbar(sc, {.location = "bottom", .shrink = 0.6});
  /// ```
  Colorbar& colorbar(ScalarMappable& mappable, const ColorbarOptions& options = {});

  // ---- layout --------------------------------------------------------------------------
  /// Adjusts the subplot parameters so that labels do not overlap (matplotlib's
  /// tight_layout); pads in font-size fractions, rect (left, bottom, right, top) in figure
  /// fractions. Axes without a subplot spec are left alone; when the decorations cannot fit,
  /// nothing changes (matplotlib warns). ValueError for non-finite pads or a bad rect. As in
  /// matplotlib, the layout engine is reset afterwards to the rcParams default
  /// (figure.autolayout / figure.constrained_layout.use, else none).
  ///
  /// **Example**
  /// ```
  /// auto axs = fig.subplots(2, 2);
  /// fig.tight_layout(1.08, 2.0);           // more room between rows
  /// fig.tight_layout(1.08, {}, {}, {0, 0, 1, 0.9});  // keep the top 10% free
  /// ```
  void tight_layout(double pad = 1.08, std::optional<double> h_pad = {},
                    std::optional<double> w_pad = {}, std::array<double, 4> rect = {0, 0, 1, 1});
  /// "tight", "constrained" or "none": applied at every draw. "constrained" uses rcParams
  /// figure.constrained_layout.{h_pad,w_pad,hspace,wspace}.
  void set_layout_engine(std::string_view layout);
  [[nodiscard]] const std::string& get_layout_engine() const { return layout_; }

  // ---- mosaic (src/artist/mosaic.cpp) ---------------------------------------------------
  /// Axes laid out by a mosaic (matplotlib's subplot_mosaic): "AB;CC" or a multi-line string
  /// (one character per cell), or a list of rows whose cells are labels or nested layouts.
  /// The empty sentinel ('.') leaves a cell empty. ValueError with matplotlib's messages for
  /// rows of different lengths, a label covering a non-rectangular or non-contiguous area,
  /// duplicate labels between a layout and a nested one, and ratios given twice.
  ///
  /// **Example**
  /// ```
  /// strata::Mosaic axd = fig.subplot_mosaic("AB;CC", {.sharex = true});
  /// axd["C"].plot(x, y);
  /// fig.subplot_mosaic({{"A", "."}, {"B", strata::MosaicLayout{{"x"}, {"y"}}}});
  /// ```
  Mosaic subplot_mosaic(std::string_view layout, const MosaicOptions& options = {});
  Mosaic subplot_mosaic(const MosaicLayout& layout, const MosaicOptions& options = {});

 private:
  /// The tight_layout algorithm alone (the "tight" engine runs it at draw;
  /// src/artist/tight_layout.cpp).
  void do_tight_layout(double pad, std::optional<double> h_pad, std::optional<double> w_pad,
                       std::array<double, 4> rect);
  /// matplotlib's do_constrained_layout with rcParams figure.constrained_layout.* (moves
  /// the Axes of every grid and the sup-titles; src/artist/constrained_layout.cpp).
  void do_constrained_layout();

 public:
  // ---- output --------------------------------------------------------------------------
  /// The canvas that draws this figure (created with it).
  [[nodiscard]] Canvas& canvas() { return *canvas_; }
  /// Saves to a file (written to a temporary file and renamed into place).
  void savefig(const std::filesystem::path& path, const SaveOptions& options = {});
  /// Writes to a stream; options.format is required (or rcParams savefig.format).
  void savefig(std::ostream& out, const SaveOptions& options);
  /// The encoded file in memory ("png", "pdf", "svg", "ps", "eps", "rgba").
  [[nodiscard]] std::vector<std::uint8_t> to_bytes(std::string_view format,
                                                   const SaveOptions& options = {});

  /// Called by layout engines and by draw; applies the layout engine, if any.
  void execute_layout();
  /// A serial number that changes whenever the figure is drawn (for caches of extents).
  [[nodiscard]] std::uint64_t draw_count() const { return draw_count_; }

 private:
  PrintOptions print_options(const SaveOptions& options, std::string_view format) const;
  std::optional<Bbox> tight_inches(const SaveOptions& options, std::string_view format);
  Axes& adopt_axes(std::unique_ptr<Axes> ax);
  [[nodiscard]] std::shared_ptr<GridSpecBase> existing_gridspec(int nrows, int ncols) const;
  Text& sup_text(int which, std::string text, const TextOptions& options);

  Size size_inches_;
  double dpi_;
  Rgba facecolor_;
  Rgba edgecolor_;
  double linewidth_;
  bool frameon_ = true;
  std::string layout_{};
  SubplotParams subplotpars_{SubplotParams{}.resolved()};
  std::shared_ptr<Affine2DNode> dpi_scale_trans_node_;
  TransformPtr dpi_scale_trans_;
  std::shared_ptr<BboxNode> bbox_inches_;
  std::shared_ptr<BboxNode> figure_box_inches_;  // transFigure's target box, in inches
  bool layout_suspended_ = false;
  std::shared_ptr<BboxBase> bbox_;
  TransformPtr trans_figure_;
  std::vector<std::unique_ptr<Axes>> axes_;
  std::vector<std::unique_ptr<Artist>> artists_;
  std::array<std::unique_ptr<Text>, 3> sup_texts_;  // suptitle, supxlabel, supylabel
  std::unique_ptr<Canvas> canvas_;
  std::uint64_t draw_count_ = 0;
  std::shared_ptr<GridSpec> default_gridspec_{};
};

}  // namespace strata
