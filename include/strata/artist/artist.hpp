// SPDX-License-Identifier: MIT
#pragma once
// The artist layer's base class (matplotlib's Artist): everything drawn in a Figure.
//
// An artist knows only the abstract Renderer. It belongs to at most one Figure and one Axes
// (plain back pointers, set by the container that owns it); containers own their artists
// through std::unique_ptr and hand out references that stay valid until the artist is removed
// or the figure destroyed.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "strata/backend/graphics_context.hpp"
#include "strata/backend/renderer.hpp"
#include "strata/core/geometry.hpp"
#include "strata/core/path.hpp"
#include "strata/export.hpp"
#include "strata/transforms/transforms.hpp"

namespace strata {

class Figure;
class Axes;

/// Values that autoscaling must not pass with its margins (matplotlib's sticky_edges): a bar
/// chart's 0, an image's extent.
struct StickyEdges {
  std::vector<double> x{};
  std::vector<double> y{};
};

/// The base of everything drawn (matplotlib's Artist).
///
/// **Example**
/// ```
/// strata::Line2D& line = ax.plot(x, y);
/// line.set_alpha(0.5);
/// line.set_zorder(3);
/// line.set_label("measured");
/// ```
class STRATA_API Artist {
 public:
  Artist();
  virtual ~Artist();
  Artist(const Artist&) = delete;
  Artist& operator=(const Artist&) = delete;

  /// Draws the artist (nothing when invisible).
  virtual void draw(Renderer& renderer) = 0;

  [[nodiscard]] bool get_visible() const { return visible_; }
  void set_visible(bool visible);
  /// nullopt: each color keeps its own alpha. Throws ValueError outside [0, 1].
  [[nodiscard]] std::optional<double> get_alpha() const { return alpha_; }
  virtual void set_alpha(std::optional<double> alpha);
  [[nodiscard]] double get_zorder() const { return zorder_; }
  void set_zorder(double zorder);
  [[nodiscard]] const std::string& get_label() const { return label_; }
  void set_label(std::string label);
  [[nodiscard]] const std::string& get_gid() const { return gid_; }
  void set_gid(std::string gid);
  [[nodiscard]] const std::string& get_url() const { return url_; }
  void set_url(std::string url);

  /// Whether the clip box / clip path apply (matplotlib's clip_on, default true).
  [[nodiscard]] bool get_clip_on() const { return clip_on_; }
  void set_clip_on(bool clip_on);
  /// The clip box in display coordinates, as a live node (an Axes sets its bbox).
  [[nodiscard]] const std::shared_ptr<BboxBase>& get_clip_box() const { return clip_box_; }
  void set_clip_box(std::shared_ptr<BboxBase> box);
  /// A clip path in the coordinates of `transform` (nullptr: none).
  void set_clip_path(std::shared_ptr<const Path> path, TransformPtr transform);
  [[nodiscard]] const std::shared_ptr<const Path>& get_clip_path() const { return clip_path_; }

  /// Vector output draws this artist as an embedded image (mixed-mode rendering).
  [[nodiscard]] bool get_rasterized() const { return rasterized_; }
  void set_rasterized(bool rasterized);
  /// Animated artists are skipped by Figure::draw and drawn with Axes::draw_artist (blitting).
  [[nodiscard]] bool get_animated() const { return animated_; }
  void set_animated(bool animated);
  /// Whether layout engines take this artist into account (default true).
  [[nodiscard]] bool get_in_layout() const { return in_layout_; }
  void set_in_layout(bool in_layout) { in_layout_ = in_layout; }

  /// The transform from the artist's coordinates to display; identity until set.
  [[nodiscard]] TransformPtr get_transform() const;
  virtual void set_transform(TransformPtr transform);
  [[nodiscard]] bool is_transform_set() const { return transform_set_; }

  [[nodiscard]] Figure* get_figure() const { return figure_; }
  virtual void set_figure(Figure* figure) { figure_ = figure; }
  [[nodiscard]] Axes* get_axes() const { return axes_; }
  virtual void set_axes(Axes* axes) { axes_ = axes; }

  /// The bounding box in display coordinates at the figure's current dpi (null when the
  /// artist has no extent).
  [[nodiscard]] virtual Bbox get_window_extent() const { return Bbox::null(); }
  /// The extent that counts for bbox_inches="tight" and layout engines: the window extent,
  /// cut to the clip box when clipping applies.
  [[nodiscard]] virtual Bbox get_tightbbox() const;

  [[nodiscard]] StickyEdges& sticky_edges() { return sticky_edges_; }
  [[nodiscard]] const StickyEdges& sticky_edges() const { return sticky_edges_; }

  /// True when a property changed since the last draw.
  [[nodiscard]] bool stale() const { return stale_; }
  void set_stale(bool stale = true);

 protected:
  /// A graphics context with this artist's alpha, clipping, gid and url.
  [[nodiscard]] GraphicsContext new_gc() const;
  /// The figure's dpi (100 without a figure).
  [[nodiscard]] double figure_dpi() const;

 private:
  bool visible_ = true;
  std::optional<double> alpha_{};
  double zorder_ = 0.0;
  std::string label_{};
  std::string gid_{};
  std::string url_{};
  bool clip_on_ = true;
  std::shared_ptr<BboxBase> clip_box_{};
  std::shared_ptr<const Path> clip_path_{};
  TransformPtr clip_path_transform_{};
  bool rasterized_ = false;
  bool animated_ = false;
  bool in_layout_ = true;
  TransformPtr transform_{};
  bool transform_set_ = false;
  Figure* figure_ = nullptr;
  Axes* axes_ = nullptr;
  StickyEdges sticky_edges_{};
  bool stale_ = true;
};

/// Throws ValueError "alpha (1.5) is outside 0-1 range" (matplotlib's message).
STRATA_API void check_alpha(std::optional<double> alpha, const char* name = "alpha");

}  // namespace strata
