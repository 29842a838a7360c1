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
