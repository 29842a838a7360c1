// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "strata/backend/graphics_context.hpp"
#include "strata/core/affine2d.hpp"
#include "strata/core/path.hpp"
#include "strata/export.hpp"

namespace strata {

/// A straight-alpha RGBA8 image, rows top to bottom, 4 bytes a pixel, no padding.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba{};  ///< width * height * 4 bytes
};

/// How draw_image resamples.
enum class Interpolation : std::uint8_t {
  nearest,      ///< each output pixel takes the nearest input pixel
  bilinear,     ///< linear in x and y
  antialiased,  ///< box-filtered when shrinking, bilinear when enlarging
};

/// A glyph's anti-aliased coverage, rendered as matplotlib's Agg renders it (reference §7).
/// Pixel rows run top to bottom; `left`/`top` are FreeType's bitmap_left/bitmap_top: the
/// column of the first coverage column and the row of the first coverage row counted up
/// from the baseline, in whole pixels, relative to the run origin.
struct GlyphBitmap {
  int left = 0;
  int top = 0;
  int width = 0;
  int rows = 0;
  std::vector<std::uint8_t> coverage{};  ///< width * rows bytes, 0-255
  /// The glyph's outline box at its pen position in 1/64 pixel, y up, not grid-fitted
  /// (FreeType's FT_GLYPH_BBOX_SUBPIXELS); all zero for a glyph without ink.
  std::int64_t xmin = 0, ymin = 0, xmax = 0, ymax = 0;
};

/// Text the text layer rendered to coverage itself, as matplotlib's mathtext renders math for
/// Agg (one FT2Image for the whole expression). Rows run top to bottom, one byte a pixel.
///
/// **Example**
/// ```
/// strata::TextImage img{.width = 2, .height = 1, .coverage = {255, 128}};
/// renderer.draw_text_image(gc, img, 10, 20);  // top-left corner at display (10, 20)
/// ```
struct TextImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> coverage{};  ///< width * height bytes, 0-255
};

/// The bytes of a font file and the face index inside it, for backends that embed fonts.
/// `data` stays valid as long as the GlyphSource lives.
struct FontFile {
  std::span<const std::uint8_t> data{};
  int face_index = 0;
};

/// The source of glyph outlines for a GlyphRun (a font face at a size). Implemented by the
/// text layer; backends only ask it for outlines, so they never see FreeType or HarfBuzz.
class STRATA_API GlyphSource {
 public:
  virtual ~GlyphSource() = default;
  /// The outline of `glyph_id` at `size_px` pixels per em, origin at the pen position,
  /// y up. Empty for a glyph with no ink (a space).
  [[nodiscard]] virtual Path glyph_outline(std::uint32_t glyph_id, double size_px) const = 0;
  /// A stable name for the face, used for font resources in vector output.
  [[nodiscard]] virtual std::string face_name() const = 0;
  /// The coverage of `glyph_id` at `size_px` with its pen at `pen` (pixels from the run
  /// origin, y up; used to 1/64 pixel), hinted and rendered as matplotlib's Agg does.
  /// Default: an empty bitmap, and backends fill glyph_outline() instead.
  [[nodiscard]] virtual GlyphBitmap glyph_bitmap(std::uint32_t /*glyph_id*/, double /*size_px*/,
                                                 Point /*pen*/) const {
    return {};
  }
  /// True when glyph_bitmap() renders real coverage. Default false.
  [[nodiscard]] virtual bool has_bitmaps() const { return false; }
  /// The font file, for embedding in vector output; empty data when there is none (then
  /// backends draw outlines). Default: none.
  [[nodiscard]] virtual FontFile font_file() const { return {}; }
};

/// A shaped run of glyphs in one face and size, ready to draw. Positions are in pixels at the
/// renderer's dpi (display units), relative to the run's origin, y up.
struct GlyphRun {
  std::shared_ptr<const GlyphSource> source{};
  double size_px = 0.0;  ///< em size in display units
  std::vector<std::uint32_t> glyph_ids{};
  std::vector<Point> positions{};         ///< one per glyph
  std::vector<std::uint32_t> clusters{};  ///< index into the source text of each glyph
  /// The UTF-8 text the run shows (may be empty, e.g. for mathtext). When set, `clusters`
  /// are byte offsets into it, and vector backends attach it to the glyphs so that the
  /// text can be selected and extracted.
  std::string text{};
};

/// One line of text as matplotlib's RendererBase.draw_text receives it, for backends that
/// write text as text (SVG with rcParams svg.fonttype 'none'). Names are matplotlib's.
///
/// **Example**
/// ```
/// strata::TextElement e{.text = "Sine", .origin = {72, 72}, .families = {"DejaVu Sans"}};
/// if (!renderer.draw_text_element(gc, e)) { /* draw the glyph runs instead */ }
/// ```
struct TextElement {
  std::string text{};    ///< the line, UTF-8; a math line with its dollars
  bool is_math = false;  ///< true: math_glyphs and math_rects are set
  Point origin{};        ///< the line's origin (baseline left), display units, y up
  double angle = 0.0;    ///< degrees counter-clockwise
  /// The font's family list with each generic name ("sans-serif", ...) preceded by the
  /// families it expands to (FontManager._expand_aliases), as matplotlib's SVG writer lists it.
  std::vector<std::string> families{};
  std::string style = "normal";    ///< "normal", "italic", "oblique"
  std::string variant = "normal";  ///< "normal", "small-caps"
  int weight = 400;
  std::string stretch = "normal";  ///< a stretch name or number
  double size = 10.0;              ///< points
  /// The anchor of a one-line Text (matplotlib passes `mtext` then): display point, y up,
  /// its horizontal alignment ("left", "center", "right") and whether rotation_mode is
  /// "anchor".
  std::optional<Point> anchor{};
  std::string ha = "left";
  bool rotation_mode_anchor = false;
  /// A math glyph as matplotlib's vector mathtext gives it (relative to the origin, y up).
  struct MathGlyph {
    std::string family{};  ///< the face's family name
    std::string style = "normal";
    std::string variant = "normal";
    int weight = 400;
    std::string stretch = "normal";
    double size = 10.0;  ///< points
    char32_t codepoint = 0;
    double x = 0.0, y = 0.0;
  };
  std::vector<MathGlyph> math_glyphs{};
  /// Math rectangles (x, y, width, height), lower-left corner relative to the origin, y up.
  std::vector<std::array<double, 4>> math_rects{};
};

/// Drawing primitives, modelled on matplotlib's RendererBase. Coordinates after each call's
/// transform are display units (pixels for raster output, points for vector output), origin
/// bottom left, y up. `draw_path` and `draw_image` are required; every other call has a
/// fallback written in terms of them, which backends override when they can do better.
class STRATA_API Renderer {
 public:
  Renderer(double width, double height, double dpi) : width_(width), height_(height), dpi_(dpi) {}
  virtual ~Renderer() = default;
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  /// Canvas width and height in display units.
  [[nodiscard]] double width() const { return width_; }
  [[nodiscard]] double height() const { return height_; }
  /// Dots per inch of the display units (72 for vector output).
  [[nodiscard]] double dpi() const { return dpi_; }
  /// Points (1/72 inch) to display units.
  [[nodiscard]] double points_to_pixels(double points) const { return points * dpi_ / 72.0; }

  /// Strokes `path` after `transform` with gc's color, width and dashes, filling it first
  /// with `fill` when given, then hatching it when gc.hatch is set.
  virtual void draw_path(const GraphicsContext& gc, const Path& path, const Affine2D& transform,
                         const std::optional<Rgba>& fill) = 0;

  /// Draws `marker_path` (in points, after `marker_transform`) at every vertex of `path`
  /// after `transform`. Fallback: one draw_path per vertex.
  virtual void draw_markers(const GraphicsContext& gc, const Path& marker_path,
                            const Affine2D& marker_transform, const Path& path,
                            const Affine2D& transform, const std::optional<Rgba>& fill);

  /// Item i uses paths[i % P] after all_transforms[i % T] (then master_transform when
  /// all_transforms is empty), moved by offsets[i % O] after offset_transform, with
  /// facecolors[i % F], edgecolors[i % E], linewidths[i % L], dashes[i % D] and
  /// antialiaseds[i % A]. The count is max(P, O) (0 if either is empty). Empty color lists
  /// mean no fill / no stroke. gc supplies everything else (clip, hatch, alpha).
  struct PathCollection {
    std::span<const Path> paths{};
    std::span<const Affine2D> all_transforms{};
    std::span<const Point> offsets{};
    Affine2D offset_transform{};
    std::span<const Rgba> facecolors{};
    std::span<const Rgba> edgecolors{};
    std::span<const double> linewidths{};  ///< points
    std::span<const Dashes> dashes{};
    std::span<const bool> antialiaseds{};
  };
  virtual void draw_path_collection(const GraphicsContext& gc, const Affine2D& master_transform,
                                    const PathCollection& collection);

  /// A quadrilateral mesh of (mesh_height + 1) x (mesh_width + 1) vertices, row major;
  /// quad (i, j) takes facecolors[i * mesh_width + j] (or facecolors[0] if only one).
  /// Empty edgecolors: no edges (seams hidden by stroking in the face color when
  /// antialiased, as matplotlib does).
  virtual void draw_quad_mesh(const GraphicsContext& gc, const Affine2D& master_transform,
                              int mesh_width, int mesh_height, std::span<const Point> coordinates,
                              std::span<const Rgba> facecolors, bool antialiased,
                              std::span<const Rgba> edgecolors);

  /// Triangles with a color at each corner, linearly interpolated inside.
  /// Fallback: each triangle filled with its mean color.
  virtual void draw_gouraud_triangles(const GraphicsContext& gc,
                                      std::span<const std::array<Point, 3>> triangles,
                                      std::span<const std::array<Rgba, 3>> colors,
                                      const Affine2D& transform);

  /// Draws `image` into the display-space box `dest` (its top row at dest's top), resampled
  /// with `interpolation`, times gc.alpha, clipped by gc.
  virtual void draw_image(const GraphicsContext& gc, const Image& image, const Bbox& dest,
                          Interpolation interpolation) = 0;

  /// Draws a shaped glyph run with its origin at display point (x, y), rotated by
  /// `angle_deg` counter-clockwise about the origin, filled with gc's color.
  /// Fallback: each glyph outline filled through draw_path.
  virtual void draw_glyphs(const GraphicsContext& gc, const GlyphRun& run, double x, double y,
                           double angle_deg);

  /// True when this renderer writes text as text (SVG with svg.fonttype 'none'): callers then
  /// hand it each line as a TextElement (draw_text_element) instead of glyph runs. Default
  /// false.
  [[nodiscard]] virtual bool draws_text_elements() const { return false; }
  /// Writes `element` as text and returns true, or returns false (the default) and the caller
  /// draws the line's glyph runs instead. Called only when draws_text_elements() is true.
  virtual bool draw_text_element(const GraphicsContext& gc, const TextElement& element);

  /// True when this renderer takes mathtext as a TextImage (draw_text_image), rendered as
  /// matplotlib's Agg renders it; false (the default) for vector output, which gets the glyph
  /// runs (draw_glyphs) and rectangles (draw_path) instead.
  [[nodiscard]] virtual bool prefers_text_images() const { return false; }

  /// The width (device units) of the columns into which this renderer reduces a solid,
  /// unfilled polyline whose device x is monotonic and which has more than 4 vertices per
  /// column (keeping each column's first, min, max and last vertex, in order); 0 when it draws
  /// every vertex. An artist holding a huge sorted series may reduce it the same way before
  /// draw_path (Line2D does): the pixels stay the same, the copies and passes shrink.
  [[nodiscard]] virtual double polyline_column_width() const { return 0.0; }

  /// Fills `image`'s coverage with gc's color, unrotated, its top-left corner at display
  /// point (x, y) (pixel corners for raster output: callers round first, as matplotlib's
  /// RendererAgg.draw_text_image takes integers). Clipped by gc.
  /// Fallback: draw_image of gc's color with the coverage as alpha, nearest-neighbour.
  virtual void draw_text_image(const GraphicsContext& gc, const TextImage& image, double x,
                               double y);

  /// Groups for structured vector output (an SVG <g id>); no-ops by default.
  virtual void open_group(const std::string& name, const std::string& gid);
  virtual void close_group(const std::string& name);

  /// Between these calls, vector renderers draw into an image at `dpi()` of the figure
  /// and embed it (mixed-mode output). Raster renderers ignore them.
  virtual void start_rasterizing();
  virtual void stop_rasterizing();

 private:
  double width_;
  double height_;
  double dpi_;
};

}  // namespace strata
