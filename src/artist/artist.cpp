// SPDX-License-Identifier: MIT
#include "strata/artist/artist.hpp"

#include <fmt/format.h>

#include <cmath>

#include "strata/artist/figure.hpp"
#include "strata/error.hpp"

namespace strata {

void check_alpha(std::optional<double> alpha, const char* name) {
  if (alpha && !(*alpha >= 0.0 && *alpha <= 1.0)) {
    throw ValueError(fmt::format("{} ({}) is outside 0-1 range", name, *alpha));
  }
}

Artist::Artist() = default;
Artist::~Artist() = default;

void Artist::set_visible(bool visible) {
  visible_ = visible;
  set_stale();
}

void Artist::set_alpha(std::optional<double> alpha) {
  check_alpha(alpha);
  alpha_ = alpha;
  set_stale();
}

void Artist::set_zorder(double zorder) {
  zorder_ = zorder;
  set_stale();
}

void Artist::set_label(std::string label) { label_ = std::move(label); }
void Artist::set_gid(std::string gid) { gid_ = std::move(gid); }
void Artist::set_url(std::string url) { url_ = std::move(url); }

void Artist::set_clip_on(bool clip_on) {
  clip_on_ = clip_on;
  set_stale();
}

void Artist::set_clip_box(std::shared_ptr<BboxBase> box) {
  clip_box_ = std::move(box);
  set_stale();
}

void Artist::set_clip_path(std::shared_ptr<const Path> path, TransformPtr transform) {
  clip_path_ = std::move(path);
  clip_path_transform_ = std::move(transform);
  set_stale();
}

void Artist::set_rasterized(bool rasterized) { rasterized_ = rasterized; }
void Artist::set_animated(bool animated) { animated_ = animated; }

TransformPtr Artist::get_transform() const {
  if (!transform_) {
    return IdentityTransform::make();
  }
  return transform_;
}

void Artist::set_transform(TransformPtr transform) {
  transform_ = std::move(transform);
  transform_set_ = transform_ != nullptr;
  set_stale();
}

Bbox Artist::get_tightbbox() const {
  Bbox box = get_window_extent();
  if (box.is_null() || !clip_on_ || !clip_box_) {
    return box;
  }
  auto cut = Bbox::intersection(box, clip_box_->get_points());
  return cut ? *cut : Bbox::null();
}

void Artist::set_stale(bool stale) { stale_ = stale; }

GraphicsContext Artist::new_gc() const {
  GraphicsContext gc;
  gc.alpha = alpha_;
  if (clip_on_) {
    if (clip_box_) {
      gc.clip_rectangle = clip_box_->get_points();
    }
    if (clip_path_) {
      ClipPath cp;
      cp.path = clip_path_;
      cp.transform = clip_path_transform_ ? clip_path_transform_->get_affine() : Affine2D{};
      if (clip_path_transform_ && !clip_path_transform_->is_affine()) {
        cp.path =
            std::make_shared<Path>(clip_path_transform_->transform_path_non_affine(*clip_path_));
      }
      gc.clip_path = cp;
    }
  }
  gc.gid = gid_;
  gc.url = url_;
  return gc;
}

double Artist::figure_dpi() const { return figure_ ? figure_->get_dpi() : 100.0; }

}  // namespace strata
