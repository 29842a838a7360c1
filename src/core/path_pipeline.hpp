// SPDX-License-Identifier: MIT
#pragma once
// The path clean-up pipeline that runs before any backend sees a path (matplotlib's
// src/path_converters.h): transform, NaN removal, clipping to the canvas, snapping,
// perpendicular-distance simplification, and a min/max-per-pixel-column reduction for long
// sorted-x series. Private to the library; unit-tested without Cairo.

#include <optional>
#include <vector>

#include "strata/core/affine2d.hpp"
#include "strata/core/geometry.hpp"
#include "strata/core/path.hpp"
#include "strata/export.hpp"

namespace strata::detail {

struct PipelineOptions {
  /// Drop non-finite vertices, starting a new sub-path at the next finite one.
  bool remove_nans = true;
  /// Clip line segments to this box (device coordinates) with Liang-Barsky. Only applied to
  /// paths without curves, and only when the caller does not fill or hatch the path.
  std::optional<Bbox> clip{};
  /// nullopt: snap when the path has <= 1024 vertices, no curves and every segment is
  /// axis-aligned; true / false force it. Snapping moves each vertex to floor(v + 0.5) + off,
  /// off = 0.5 when round(stroke_width_px) is odd, else 0.
  std::optional<bool> snap{};
  double stroke_width_px = 1.0;
  /// Perpendicular-distance simplification (threshold in pixels; matplotlib: 1/9). Only for
  /// paths of >= 128 vertices with only MOVETO/LINETO codes, and only when clipping.
  bool simplify = true;
  double simplify_threshold = 1.0 / 9.0;
  /// For a polyline whose device x is monotonic (non-decreasing or non-increasing) and which
  /// has more than 4 vertices per pixel column, keep per column only the first, min, max and
  /// last vertices (in order of appearance), which draws the same pixels.
  bool reduce_columns = true;
  /// Width of the columns of that reduction, in pixels. Narrower columns keep more vertices
  /// and follow the antialiased coverage of a full stroke more closely (see the renderer).
  double column_width = 1.0;
};

/// The result: device-space vertices with explicit codes (MOVETO, LINETO, CURVE3/4 with
/// their control points, CLOSEPOLY).
struct PipelineOutput {
  std::vector<Point> vertices;
  std::vector<PathCode> codes;
  void clear() {
    vertices.clear();
    codes.clear();
  }
};

/// Runs `path` through `transform` (to device space) and the enabled stages into `out`
/// (cleared first). Stages that do not apply (curves present, too few vertices) are skipped.
STRATA_API void run_path_pipeline(const Path& path, const Affine2D& transform,
                                  const PipelineOptions& options, PipelineOutput& out);

/// True when the snapping rules would snap this path (see PipelineOptions::snap).
STRATA_API bool should_snap(const Path& path, const Affine2D& transform);

/// matplotlib's clip box for a canvas of the given size: (-1, -1) - (w + 1, h + 1), one pixel
/// beyond each edge so that clipped line ends and their caps stay off the canvas.
/// PipelineOptions::clip uses its box as given; pass this for canvas clipping.
[[nodiscard]] Bbox canvas_clip_box(double width_px, double height_px);

}  // namespace strata::detail
