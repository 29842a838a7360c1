// SPDX-License-Identifier: MIT
#pragma once
// Quiver (matplotlib's quiver.py): arrows at positions (x, y) for vectors (u, v), as a
// collection of 8-vertex polygons in arrow-width units placed at their offsets in data
// coordinates; and QuiverKey, a labelled arrow giving the scale.
//
// As matplotlib, the arrow width (default 0.06 * span / clip(sqrt(N), 8, 25), span being the
// axes width in `units`) and the scale (default: mean length * max(10, sqrt(N)) * 1.8 /
// span, "crude auto-scaling") are fixed at the first draw; the arrows are rebuilt at every
// draw, so angles "xy" and scale_units "xy" follow the view.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "strata/artist/collections.hpp"
#include "strata/artist/text.hpp"

namespace strata {

class Axes;

/// Options of Axes::quiver (matplotlib's Quiver keywords).
///
/// **Example**
/// ```
/// ax.quiver(x, y, u, v, {.color = "C0", .pivot = "mid", .scale = 20});
/// auto& q = ax.quiver(x, y, u, v, speed, {.cmap = "viridis"});   // colored by speed
/// ax.quiverkey(q, 0.9, 1.02, 1.0, "1 m/s", {.labelpos = "E"});
/// ```
struct QuiverOptions {
  /// Data units per arrow length unit (smaller: longer arrows); default automatic.
  std::optional<double> scale{};
  /// Units of the arrow length: "width", "height", "dots", "inches", "x", "y", "xy"; default:
  /// those of `units`.
  std::optional<std::string> scale_units{};
  /// Units of the arrow dimensions (except length): "width" (default), "height", "dots",
  /// "inches", "x", "y", "xy".
  std::string units = "width";
  /// "uv" (default: the arrow's direction in screen space is (u, v)), "xy" (from (x, y) to
  /// (x + u, y + v) in data space), or one angle in degrees per arrow.
  std::variant<std::string, std::vector<double>> angles = std::string("uv");
  std::optional<double> width{};  ///< shaft width in `units`; default automatic
  double headwidth = 3;           ///< multiples of the shaft width
  double headlength = 5;
  double headaxislength = 4.5;
  double minshaft = 1;               ///< below this length (in head lengths) the arrow shrinks
  double minlength = 1;              ///< below this length (in widths) a hexagon is drawn
  std::string pivot = "tail";        ///< "tail", "mid"/"middle", "tip"
  ColorArray color{};                ///< face colors (default "k"); ignored when values are given
  ColorArray edgecolors{};           ///< default none
  std::vector<double> linewidths{};  ///< default 0
  std::optional<CmapArg> cmap{};
  std::shared_ptr<Normalize> norm{};
  std::optional<double> vmin{};
  std::optional<double> vmax{};
  std::optional<double> alpha{};
  std::optional<double> zorder{};
  std::optional<std::string> label{};
};

/// Arrows (matplotlib's Quiver, a PolyCollection). Data: fields "x", "y", "u", "v" and
/// optionally "c" (colormapped); arrows whose u, v (or c) are not finite are not drawn.
class STRATA_API Quiver : public Collection {
 public:
  /// Arrows of `data` on `ax` (the Axes its transforms and sizes come from). ValueError for
  /// unknown units, scale_units, angles or pivot names, a non-positive scale or width, and
  /// an angle list whose length differs from the number of arrows.
  Quiver(Axes& ax, DataContainerPtr data, const QuiverOptions& options);

  void draw(Renderer& renderer) override;
  /// The positions' bounding box (matplotlib: the arrows do not count).
  [[nodiscard]] Bbox get_datalim(const TransformPtr& trans_data) const override;

  /// The scale (automatic until the first draw: nullopt before it).
  [[nodiscard]] std::optional<double> get_scale() const { return scale_; }
  /// The shaft width in `units` (automatic until the first draw: nullopt before it).
  [[nodiscard]] std::optional<double> get_width() const { return width_; }
  /// Arrow outlines for these vectors in arrow-width units times the width (matplotlib's
  /// _make_verts), with angles as given ("uv"/"xy" strings or per-arrow degrees); needs a
  /// drawn (or measured) Axes for "xy".
  [[nodiscard]] std::vector<Path> make_verts(
      std::span<const double> u, std::span<const double> v,
      const std::variant<std::string, std::vector<double>>& angles,
      std::optional<std::string> pivot = std::nullopt) const;
  /// Pixels per arrow-width unit (the collection's transform), as of the last draw.
  [[nodiscard]] double trans_scale() const { return trans_scale_; }
  /// The options (QuiverKey copies the arrow style).
  [[nodiscard]] const QuiverOptions& options() const { return options_; }
  /// Sets up width, scale and transform as matplotlib's _init (called by draw).
  void init_geometry() const;

 protected:
  [[nodiscard]] Items make_items(const QueryResult& result) const override;
  void check_fields(const DataContainer& data) const override;

 private:
  [[nodiscard]] double dots_per_unit(const std::string& units) const;
  [[nodiscard]] std::vector<std::array<Point, 8>> h_arrows(std::span<const double> length,
                                                           const std::string& pivot) const;

  Axes* ax_;
  QuiverOptions options_;
  std::size_t n_ = 0;
  std::vector<double> x_, y_;  // positions (data)
  mutable std::optional<double> scale_{};
  mutable std::optional<double> width_{};
  mutable double span_ = 1;
  mutable double trans_scale_ = 1;
};

/// Options of Axes::barbs (matplotlib's Barbs keywords).
///
/// **Example**
/// ```
/// ax.barbs(x, y, u, v, {.length = 6, .barbcolor = "C0", .flagcolor = "C1"});
/// ```
struct BarbsOptions {
  double length = 7;  ///< staff length in points (sizes scale with it, as matplotlib's)
  /// "tip" (default), "middle", or an offset of the staff start in points.
  std::variant<std::string, double> pivot = std::string("tip");
  std::optional<Color> barbcolor{};  ///< edges; both unset: edges as faces
  std::optional<Color> flagcolor{};  ///< faces
  double spacing = 0.125;            ///< sizes: feature spacing, fraction of length
  double height = 0.4;               ///< sizes: flag and barb height
  double width = 0.25;               ///< sizes: flag width
  double emptybarb = 0.15;           ///< sizes: radius of the circle for calm
  bool fill_empty = false;
  double half = 5, full = 10, flag = 50;  ///< barb_increments
  bool rounding = true;
  std::vector<bool> flip_barb{};     ///< one for all or one per barb (southern hemisphere)
  std::vector<double> linewidths{};  ///< default 1
  std::optional<CmapArg> cmap{};
  std::shared_ptr<Normalize> norm{};
  std::optional<double> vmin{};
  std::optional<double> vmax{};
  std::optional<double> alpha{};
  std::optional<double> zorder{};
  std::optional<std::string> label{};
};

/// Wind barbs (matplotlib's Barbs): per point a staff with flags (50), full barbs (10) and a
/// half barb (5) for the magnitude of (u, v) (rounded to the nearest half), or a circle for
/// calm. Fields "x", "y", "u", "v" and optionally "c"; non-finite points are left out.
class STRATA_API Barbs : public Collection {
 public:
  /// ValueError for an unknown pivot name, non-positive length, or a flip_barb list whose
  /// length is neither 1 nor the number of barbs.
  Barbs(Axes& ax, DataContainerPtr data, const BarbsOptions& options);
  /// The number of flags, full barbs, half barb and calm for a magnitude (matplotlib's
  /// _find_tails).
  struct Tails {
    int flags = 0, barbs = 0;
    bool half = false, empty = false;
  };
  [[nodiscard]] Tails find_tails(double magnitude) const;

 protected:
  [[nodiscard]] Items make_items(const QueryResult& result) const override;
  void check_fields(const DataContainer& data) const override;
  [[nodiscard]] std::vector<Affine2D> item_transforms(const Items& items,
                                                      double dpi) const override;

 private:
  [[nodiscard]] std::vector<Point> make_barb(double u, double v, bool flip) const;
  BarbsOptions options_;
  double pivot_y_ = 0;
};

/// Options of Axes::quiverkey.
struct QuiverKeyOptions {
  double angle = 0;                   ///< degrees anticlockwise from x
  std::string coordinates = "axes";   ///< "axes", "figure", "data", "inches"
  std::optional<Color> color{};       ///< overrides the arrow's face and edge colors
  double labelsep = 0.1;              ///< inches between arrow and label
  std::string labelpos = "N";         ///< "N", "S", "E", "W"
  std::optional<Color> labelcolor{};  ///< default rcParams text.color
  std::optional<double> fontsize{};   ///< default rcParams font.size
};

/// A labelled arrow giving the scale of a Quiver (matplotlib's QuiverKey).
class STRATA_API QuiverKey : public Artist {
 public:
  /// The arrow of length `u` (in the quiver's units) at (x, y) in `coordinates`, labelled.
  /// ValueError for unknown labelpos or coordinates.
  QuiverKey(Quiver& q, double x, double y, double u, std::string label,
            const QuiverKeyOptions& options);
  void draw(Renderer& renderer) override;
  [[nodiscard]] Text& text() { return *text_; }

 private:
  [[nodiscard]] TransformPtr key_transform() const;
  Quiver* q_;
  double x_, y_, u_;
  QuiverKeyOptions options_;
  std::unique_ptr<Text> text_;
  std::unique_ptr<PolyCollection> vector_;
};

}  // namespace strata
