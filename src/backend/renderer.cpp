// SPDX-License-Identifier: MIT
// The fallbacks of the optional Renderer calls, all written in terms of draw_path.
#include "strata/backend/renderer.hpp"

#include <algorithm>
#include <cmath>

namespace strata {

void Renderer::draw_markers(const GraphicsContext& gc, const Path& marker_path,
                            const Affine2D& marker_transform, const Path& path,
                            const Affine2D& transform, const std::optional<Rgba>& fill) {
  const auto& v = path.vertices();
  for (std::size_t i = 0; i < v.size(); ++i) {
    const PathCode c = path.code(i);
    if (c == PathCode::closepoly || c == PathCode::stop) continue;
    const Point p = transform.transform(v[i]);
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    draw_path(gc, marker_path, marker_transform.then(Affine2D::from_translation(p.x, p.y)), fill);
  }
}

void Renderer::draw_path_collection(const GraphicsContext& gc, const Affine2D& master_transform,
                                    const PathCollection& pc) {
  const std::size_t np = pc.paths.size();
  const std::size_t no = pc.offsets.size();
  if (np == 0) return;
  const std::size_t n = std::max(np, no);
  GraphicsContext item = gc;
  for (std::size_t i = 0; i < n; ++i) {
    Affine2D t = pc.all_transforms.empty()
                     ? master_transform
                     : pc.all_transforms[i % pc.all_transforms.size()].then(master_transform);
    if (no != 0) {
      const Point o = pc.offset_transform.transform(pc.offsets[i % no]);
      if (!std::isfinite(o.x) || !std::isfinite(o.y)) continue;
      t = t.then(Affine2D::from_translation(o.x, o.y));
    }
    std::optional<Rgba> fill;
    if (!pc.facecolors.empty()) fill = pc.facecolors[i % pc.facecolors.size()];
    if (pc.edgecolors.empty()) {
      item.linewidth = 0;
    } else {
      item.color = pc.edgecolors[i % pc.edgecolors.size()];
      item.linewidth =
          pc.linewidths.empty() ? gc.linewidth : pc.linewidths[i % pc.linewidths.size()];
    }
    if (!pc.dashes.empty()) item.dashes = pc.dashes[i % pc.dashes.size()];
    if (!pc.antialiaseds.empty()) item.antialiased = pc.antialiaseds[i % pc.antialiaseds.size()];
    if (!fill && item.linewidth <= 0) continue;
    draw_path(item, pc.paths[i % np], t, fill);
  }
}

void Renderer::draw_quad_mesh(const GraphicsContext& gc, const Affine2D& master_transform,
                              int mesh_width, int mesh_height, std::span<const Point> coordinates,
                              std::span<const Rgba> facecolors, bool antialiased,
                              std::span<const Rgba> edgecolors) {
  if (mesh_width <= 0 || mesh_height <= 0) return;
  const auto w = static_cast<std::size_t>(mesh_width);
  const auto h = static_cast<std::size_t>(mesh_height);
  if (coordinates.size() < (w + 1) * (h + 1)) return;
  GraphicsContext item = gc;
  item.antialiased = antialiased;
  for (std::size_t i = 0; i < h; ++i) {
    for (std::size_t j = 0; j < w; ++j) {
      const std::size_t q = i * w + j;
      const Point p00 = coordinates[i * (w + 1) + j];
      const Point p01 = coordinates[i * (w + 1) + j + 1];
      const Point p11 = coordinates[(i + 1) * (w + 1) + j + 1];
      const Point p10 = coordinates[(i + 1) * (w + 1) + j];
      const Path quad({p00, p01, p11, p10, p00},
                      {PathCode::moveto, PathCode::lineto, PathCode::lineto, PathCode::lineto,
                       PathCode::closepoly});
      std::optional<Rgba> fill;
      if (!facecolors.empty())
        fill = facecolors[facecolors.size() == 1 ? 0 : q % facecolors.size()];
      if (!edgecolors.empty()) {
        item.color = edgecolors[edgecolors.size() == 1 ? 0 : q % edgecolors.size()];
      } else if (antialiased && fill) {
        item.color = *fill;  // hide the seams between neighbouring quads
      } else {
        item.linewidth = 0;
      }
      draw_path(item, quad, master_transform, fill);
    }
  }
}

void Renderer::draw_gouraud_triangles(const GraphicsContext& gc,
                                      std::span<const std::array<Point, 3>> triangles,
                                      std::span<const std::array<Rgba, 3>> colors,
                                      const Affine2D& transform) {
  GraphicsContext item = gc;
  item.linewidth = 0;
  const std::size_t n = std::min(triangles.size(), colors.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto& t = triangles[i];
    const auto& c = colors[i];
    const Rgba mean{(c[0].r + c[1].r + c[2].r) / 3, (c[0].g + c[1].g + c[2].g) / 3,
                    (c[0].b + c[1].b + c[2].b) / 3, (c[0].a + c[1].a + c[2].a) / 3};
    const Path tri({t[0], t[1], t[2], t[0]},
                   {PathCode::moveto, PathCode::lineto, PathCode::lineto, PathCode::closepoly});
    draw_path(item, tri, transform, mean);
  }
}

void Renderer::draw_glyphs(const GraphicsContext& gc, const GlyphRun& run, double x, double y,
                           double angle_deg) {
  if (!run.source) return;
  GraphicsContext item = gc;
  item.linewidth = 0;
  item.hatch.clear();
  const Affine2D place = Affine2D().rotate_deg(angle_deg).translate(x, y);
  const std::size_t n = std::min(run.glyph_ids.size(), run.positions.size());
  for (std::size_t i = 0; i < n; ++i) {
    const Path outline = run.source->glyph_outline(run.glyph_ids[i], run.size_px);
    if (outline.empty()) continue;
    const Affine2D t =
        Affine2D::from_translation(run.positions[i].x, run.positions[i].y).then(place);
    draw_path(item, outline, t, gc.color);
  }
}

bool Renderer::draw_text_element(const GraphicsContext& /*gc*/, const TextElement& /*element*/) {
  return false;
}

void Renderer::draw_text_image(const GraphicsContext& gc, const TextImage& image, double x,
                               double y) {
  if (image.width <= 0 || image.height <= 0) return;
  const auto n = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
  if (image.coverage.size() < n) return;
  const Rgba color = gc.effective_color();
  if (color.a <= 0) return;
  Image rgba{image.width, image.height, std::vector<std::uint8_t>(n * 4)};
  const auto channel = [](double v) {
    return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
  };
  const std::uint8_t r = channel(color.r), g = channel(color.g), b = channel(color.b);
  for (std::size_t i = 0; i < n; ++i) {
    rgba.rgba[i * 4 + 0] = r;
    rgba.rgba[i * 4 + 1] = g;
    rgba.rgba[i * 4 + 2] = b;
    rgba.rgba[i * 4 + 3] =
        static_cast<std::uint8_t>(std::lround(image.coverage[i] * std::clamp(color.a, 0.0, 1.0)));
  }
  GraphicsContext item = gc;
  item.alpha.reset();  // already in the image
  draw_image(item, rgba, Bbox::from_extents(x, y - image.height, x + image.width, y),
             Interpolation::nearest);
}

void Renderer::open_group(const std::string& /*name*/, const std::string& /*gid*/) {}
void Renderer::close_group(const std::string& /*name*/) {}
void Renderer::start_rasterizing() {}
void Renderer::stop_rasterizing() {}

}  // namespace strata
