// SPDX-License-Identifier: MIT
#include "strata/artist/spines.hpp"

#include <fmt/format.h>

#include "strata/artist/axes.hpp"
#include "strata/artist/figure.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

namespace {
PatchOptions spine_options() {
  const RcParams p = rc();
  PatchOptions o;
  o.facecolor = Color("none");
  o.edgecolor = Color(p.get_color("axes.edgecolor"));
  o.linewidth = p.get_double("axes.linewidth");
  o.capstyle = "projecting";
  o.zorder = 2.5;
  return o;
}
bool vertical(const std::string& t) { return t == "left" || t == "right"; }
}  // namespace

Spine::Spine(Axes& axes, std::string spine_type)
    : Patch(spine_options()), owner_(&axes), type_(std::move(spine_type)) {
  if (type_ != "left" && type_ != "right" && type_ != "bottom" && type_ != "top") {
    throw ValueError(fmt::format("unknown spine spine_type: '{}'", type_));
  }
  set_figure(axes.get_figure());
  set_axes(&axes);
}

void Spine::set_position(std::string_view kind, double amount) {
  if (kind != "outward" && kind != "axes" && kind != "data") {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for position_type; supported values are 'axes', 'outward', "
        "'data'",
        kind));
  }
  kind_ = std::string(kind);
  amount_ = amount;
  set_stale();
}

void Spine::set_position(std::string_view shorthand) {
  if (shorthand == "center") {
    set_position("axes", 0.5);
  } else if (shorthand == "zero") {
    set_position("data", 0.0);
  } else {
    throw ValueError(fmt::format("position should be 'center' or 'zero', not '{}'", shorthand));
  }
}

void Spine::set_bounds(std::optional<double> low, std::optional<double> high) {
  low_ = low;
  high_ = high;
  set_stale();
}

TransformPtr Spine::get_spine_transform() const {
  const bool v = vertical(type_);
  const TransformPtr base = v ? owner_->get_yaxis_transform() : owner_->get_xaxis_transform();
  if (kind_ == "outward") {
    if (amount_ == 0) return base;
    double ox = 0, oy = 0;
    if (type_ == "left") ox = -1;
    if (type_ == "right") ox = 1;
    if (type_ == "bottom") oy = -1;
    if (type_ == "top") oy = 1;
    return base + ScaledTranslation::make(ox * amount_ / 72.0, oy * amount_ / 72.0,
                                          owner_->get_figure()->dpi_scale_trans());
  }
  if (kind_ == "axes") {
    auto fix = v ? Affine2DNode::make(Affine2D(0, 0, 0, 1, amount_, 0))
                 : Affine2DNode::make(Affine2D(1, 0, 0, 0, 0, amount_));
    return TransformPtr(fix) + base;
  }
  double amount = amount_;
  if (type_ == "right" || type_ == "top") amount -= 1;
  const TransformPtr& td = owner_->transData();
  if (v) {
    return blended_transform_factory(
        TransformPtr(Affine2DNode::make(Affine2D().translate(amount, 0))) + td, td);
  }
  return blended_transform_factory(
      td, TransformPtr(Affine2DNode::make(Affine2D().translate(0, amount))) + td);
}

Path Spine::get_path() const {
  const Bbox view = owner_->view_lim()->get_points();
  const bool v = vertical(type_);
  double low = v ? view.y0 : view.x0;
  double high = v ? view.y1 : view.x1;
  if (low_) low = *low_;
  if (high_) high = *high_;
  const double at = (type_ == "right" || type_ == "top") ? 1.0 : 0.0;
  if (v) return Path({{at, low}, {at, high}});
  return Path({{low, at}, {high, at}});
}

void Spine::draw(Renderer& renderer) {
  set_transform(get_spine_transform());
  Patch::draw(renderer);
}

Bbox Spine::get_window_extent() const {
  const_cast<Spine*>(this)->set_transform(get_spine_transform());
  Bbox bb = Patch::get_window_extent();
  const Axis& axis = vertical(type_) ? owner_->yaxis() : owner_->xaxis();
  const TickStyle& s = axis.major_style();
  const double dpi = figure_dpi();
  double padout = 0, padin = 0;
  if (s.direction == "out") {
    padout = 1;
  } else if (s.direction == "in") {
    padin = 1;
  } else {
    padout = padin = 0.5;
  }
  padout *= s.size / 72.0 * dpi;
  padin *= s.size / 72.0 * dpi;
  const bool first = type_ == "left" || type_ == "bottom";
  const bool on = first ? s.tick1on : s.tick2on;
  if (!on) return bb;
  if (type_ == "left") {
    bb.x0 -= padout;
    bb.x1 += padin;
  } else if (type_ == "right") {
    bb.x0 -= padin;
    bb.x1 += padout;
  } else if (type_ == "bottom") {
    bb.y0 -= padout;
    bb.y1 += padin;
  } else {
    bb.y0 -= padin;
    bb.y1 += padout;
  }
  return bb;
}

}  // namespace strata
