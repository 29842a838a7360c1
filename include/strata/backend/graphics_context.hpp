// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "strata/core/affine2d.hpp"
#include "strata/core/color.hpp"
#include "strata/core/geometry.hpp"
#include "strata/core/path.hpp"

namespace strata {

/// Stroke end style (matplotlib's CapStyle).
enum class CapStyle : std::uint8_t { butt, round, projecting };
/// Stroke corner style (matplotlib's JoinStyle).
enum class JoinStyle : std::uint8_t { miter, round, bevel };

/// A dash pattern: on/off lengths in points, starting `offset` points into the pattern.
/// An empty pattern is a solid line.
struct Dashes {
  double offset = 0.0;
  std::vector<double> pattern{};
  [[nodiscard]] bool solid() const { return pattern.empty(); }
  friend bool operator==(const Dashes&, const Dashes&) = default;
};

/// A clip path with the transform that takes it to display coordinates.
struct ClipPath {
  std::shared_ptr<const Path> path{};
  Affine2D transform{};
};

/// How a stroke or fill is drawn: a value type handed to every Renderer call
/// (matplotlib's GraphicsContextBase). Coordinates are display units: pixels for raster
/// output, points for vector output, origin at the bottom left, y up.
struct GraphicsContext {
  Rgba color = colors::black;     ///< stroke color (edge color)
  std::optional<double> alpha{};  ///< when set, replaces the alpha of stroke and fill
  double linewidth = 1.0;         ///< points; 0 draws no stroke
  Dashes dashes{};                ///< points
  CapStyle capstyle = CapStyle::butt;
  JoinStyle joinstyle = JoinStyle::round;
  bool antialiased = true;
  std::optional<Bbox> clip_rectangle{};  ///< display coordinates
  std::optional<ClipPath> clip_path{};
  std::string hatch{};  ///< matplotlib hatch string, e.g. "//", "x", "o."
  Rgba hatch_color = colors::black;
  double hatch_linewidth = 1.0;  ///< points
  std::optional<bool> snap{};    ///< nullopt: snap when the path is all axis-aligned
  std::string gid{};             ///< id of the group in SVG output
  std::string url{};             ///< link target in SVG/PDF output

  /// The stroke color with `alpha` applied.
  [[nodiscard]] Rgba effective_color() const { return alpha ? color.with_alpha(*alpha) : color; }
  /// A fill color with `alpha` applied.
  [[nodiscard]] Rgba effective_fill(const Rgba& fill) const {
    return alpha ? fill.with_alpha(*alpha) : fill;
  }
};

}  // namespace strata
