// SPDX-License-Identifier: MIT
#include "strata/artist/axes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "strata/artist/figure.hpp"
#include "strata/artist/gridspec.hpp"
#include "strata/data/array_container.hpp"
#include "strata/data/unit_container.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

struct Axes::SharedGroup {
  std::vector<Axes*> members;
};

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Grows `cur` by `add` along the chosen directions, keeping minpos (Bbox.update_from_data_xy).
Bbox merge_limits(const Bbox& cur, const Bbox& add, bool ignore, bool ux, bool uy) {
  Bbox out = ignore ? Bbox::null() : cur;
  if (ignore) {
    if (!ux) {
      out.x0 = cur.x0;
      out.x1 = cur.x1;
      out.minposx = cur.minposx;
    }
    if (!uy) {
      out.y0 = cur.y0;
      out.y1 = cur.y1;
      out.minposy = cur.minposy;
    }
  }
  if (ux && std::isfinite(add.x0) && std::isfinite(add.x1)) {
    out.x0 = std::min({out.x0, add.x0, add.x1});
    out.x1 = std::max({out.x1, add.x0, add.x1});
    out.minposx = std::min(out.minposx, add.minposx);
  }
  if (uy && std::isfinite(add.y0) && std::isfinite(add.y1)) {
    out.y0 = std::min({out.y0, add.y0, add.y1});
    out.y1 = std::max({out.y1, add.y0, add.y1});
    out.minposy = std::min(out.minposy, add.minposy);
  }
  return out;
}

double check_limit(std::optional<double> v, const char* name) {
  if (v && !std::isfinite(*v)) {
    throw ValueError(fmt::format("Axis limits cannot be NaN or Inf ({} = {})", name, *v));
  }
  return v.value_or(0.0);
}

std::unique_ptr<ScaleBase> make_scale(std::string_view name, const ScaleOptions& o) {
  if (name == "linear") return std::make_unique<LinearScale>();
  if (name == "log") {
    if (o.nonpositive != "clip" && o.nonpositive != "mask") {
      throw ValueError(fmt::format(
          "'{}' is not a valid value for nonpositive; supported values are 'clip', 'mask'",
          o.nonpositive));
    }
    return std::make_unique<LogScale>(
        LogScaleOptions{.base = o.base, .nonpositive = o.nonpositive});
  }
  if (name == "symlog") {
    return std::make_unique<SymmetricalLogScale>(SymmetricalLogScaleOptions{
        .base = o.base, .linthresh = o.linthresh, .linscale = o.linscale});
  }
  if (name == "logit") {
    return std::make_unique<LogitScale>(
        LogitScaleOptions{.nonpositive = o.nonpositive == "clip" ? "clip" : "mask"});
  }
  if (name == "function") {
    if (!o.forward || !o.inverse) {
      throw ValueError("scale 'function' needs both forward and inverse functions");
    }
    return std::make_unique<FuncScale>(o.forward, o.inverse);
  }
  throw ValueError(fmt::format(
      "'{}' is not a valid value for scale; supported values are 'function', 'linear', 'log', "
      "'logit', 'symlog'",
      name));
}

TextOptions title_text_options(HAlign ha) {
  const RcParams p = rc();
  TextOptions o;
  o.fontsize = p.get_fontsize("axes.titlesize");
  o.fontweight = p.get_string("axes.titleweight");
  const std::string tc = p.get_string("axes.titlecolor");
  o.color = tc == "auto" ? p.get_color("text.color") : p.get_color("axes.titlecolor");
  o.va = "baseline";
  o.ha = ha == HAlign::left ? "left" : (ha == HAlign::right ? "right" : "center");
  return o;
}

}  // namespace

Axes::Axes(Figure& figure, const Bbox& rect) : figure_(&figure) {
  if (!std::isfinite(rect.x0) || !std::isfinite(rect.y0) || !std::isfinite(rect.x1) ||
      !std::isfinite(rect.y1) || rect.width() < 0 || rect.height() < 0) {
    throw ValueError(
        fmt::format("Axes rect must have finite values and non-negative width and "
                    "height, got ({}, {}, {}, {})",
                    rect.x0, rect.y0, rect.width(), rect.height()));
  }
  set_figure(&figure);
  set_axes(this);
  position_ = BboxNode::make(rect);
  original_position_ = BboxNode::make(rect);
  init_transforms();

  const RcParams p = rc();
  xmargin_ = p.get_double("axes.xmargin");
  ymargin_ = p.get_double("axes.ymargin");
  const std::string below = p.get_string("axes.axisbelow");
  if (below == "line") {
    axisbelow_ = std::string("line");
  } else {
    axisbelow_ = p.get_bool("axes.axisbelow");
  }

  patch_ =
      std::make_unique<Rectangle>(Point{0, 0}, 1.0, 1.0,
                                  PatchOptions{.facecolor = Color(p.get_color("axes.facecolor")),
                                               .edgecolor = Color("none"),
                                               .linewidth = 0.0});
  patch_->set_figure(&figure);
  patch_->set_transform(trans_axes_);
  patch_->set_clip_on(false);

  const char* names[4] = {"left", "right", "bottom", "top"};
  for (int i = 0; i < 4; ++i) {
    spines_[i] = std::make_unique<Spine>(*this, names[i]);
    spines_[i]->set_visible(p.get_bool(std::string("axes.spines.") + names[i]));
  }
  xaxis_ = std::make_unique<Axis>(*this, true);
  yaxis_ = std::make_unique<Axis>(*this, false);
  set_axisbelow(axisbelow_);

  title_offset_points_ = p.get_double("axes.titlepad");
  if (!p.is_none("axes.titley")) title_y_ = p.get_double("axes.titley");
  const HAlign has[3] = {HAlign::left, HAlign::center, HAlign::right};
  const double xs[3] = {0.0, 0.5, 1.0};
  for (int i = 0; i < 3; ++i) {
    titles_[i] =
        std::make_unique<Text>(xs[i], title_y_.value_or(1.0), "", title_text_options(has[i]));
    titles_[i]->set_figure(&figure);
    titles_[i]->set_transform(trans_axes_ + ScaledTranslation::make(0, title_offset_points_ / 72.0,
                                                                    figure.dpi_scale_trans()));
  }
  sharex_group_ = std::make_shared<SharedGroup>(SharedGroup{{this}});
  sharey_group_ = std::make_shared<SharedGroup>(SharedGroup{{this}});
  set_zorder(0);
}

Axes::~Axes() {
  for (auto* g : {sharex_group_.get(), sharey_group_.get()}) {
    if (!g) continue;
    auto& m = g->members;
    m.erase(std::remove(m.begin(), m.end(), this), m.end());
  }
}

void Axes::init_transforms() {
  bbox_ = TransformedBbox::make(position_, figure_->transFigure());
  trans_axes_ = BboxTransformTo::make(bbox_);
  view_lim_ = BboxNode::make(Bbox::unit());
  data_lim_ = BboxNode::make(Bbox::null());
  trans_scale_wrapper_ = TransformWrapper::make(
      blended_transform_factory(IdentityTransform::make(), IdentityTransform::make()));
  trans_scale_ = trans_scale_wrapper_;
  trans_limits_ = BboxTransformFrom::make(TransformedBbox::make(view_lim_, trans_scale_));
  trans_data_ = trans_scale_ + (trans_limits_ + trans_axes_);
  xaxis_transform_ = blended_transform_factory(trans_data_, trans_axes_);
  yaxis_transform_ = blended_transform_factory(trans_axes_, trans_data_);
}

// ---- position -------------------------------------------------------------------------

Bbox Axes::get_position(bool original) const {
  return original ? original_position_->get_points() : position_->get_points();
}

void Axes::set_position(const Bbox& rect, std::string_view which) {
  if (which == "both" || which == "original") original_position_->set_points(rect);
  if (which == "both" || which == "active") position_->set_points(rect);
  if (which != "both" && which != "original" && which != "active") {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for which; supported values are 'both', 'active', 'original'",
        which));
  }
  set_stale();
}

void Axes::set_subplotspec(std::shared_ptr<const SubplotSpec> spec) {
  subplotspec_ = std::move(spec);
}

Bbox Axes::get_window_extent() const { return bbox_->get_points(); }

Size Axes::pixel_size() const {
  const Bbox b = bbox_->get_points();
  return {std::abs(b.width()), std::abs(b.height())};
}

TransformPtr Axes::axes_to_data() const {
  // One live node per Axes (made on first use): containers key their caches on its id and
  // version, so a new node per call would make every query a cache miss.
  if (!axes_to_data_) axes_to_data_ = trans_axes_ - trans_data_;
  return axes_to_data_;
}

// ---- children -------------------------------------------------------------------------

Spine& Axes::spines(std::string_view name) {
  const char* names[4] = {"left", "right", "bottom", "top"};
  for (int i = 0; i < 4; ++i) {
    if (name == names[i]) return *spines_[i];
  }
  throw ValueError(
      fmt::format("'{}' is not a spine; the spines are 'left', 'right', 'bottom', "
                  "'top'",
                  name));
}

std::vector<Artist*> Axes::get_children() const {
  std::vector<Artist*> out;
  for (const auto& c : children_) out.push_back(c.get());
  return out;
}

std::vector<Line2D*> Axes::get_lines() const {
  std::vector<Line2D*> out;
  for (const auto& c : children_) {
    if (auto* l = dynamic_cast<Line2D*>(c.get())) out.push_back(l);
  }
  return out;
}

std::vector<Patch*> Axes::get_patches() const {
  std::vector<Patch*> out;
  for (const auto& c : children_) {
    if (auto* l = dynamic_cast<Patch*>(c.get())) out.push_back(l);
  }
  return out;
}

std::vector<Text*> Axes::get_texts() const {
  std::vector<Text*> out;
  for (const auto& c : children_) {
    if (auto* l = dynamic_cast<Text*>(c.get())) out.push_back(l);
  }
  return out;
}

Artist& Axes::adopt(std::unique_ptr<Artist> artist) {
  if (!artist) throw ValueError("Axes: cannot add a null artist");
  artist->set_figure(figure_);
  artist->set_axes(this);
  if (!artist->is_transform_set()) artist->set_transform(trans_data_);
  children_.push_back(std::move(artist));
  set_stale();
  return *children_.back();
}

Artist& Axes::add_artist(std::unique_ptr<Artist> artist) {
  Artist& a = adopt(std::move(artist));
  if (!a.get_clip_box()) a.set_clip_box(bbox_);
  return a;
}

Line2D& Axes::add_line(std::unique_ptr<Line2D> line) {
  Line2D& l = static_cast<Line2D&>(adopt(std::move(line)));
  if (!l.get_clip_box()) l.set_clip_box(bbox_);
  if (l.get_label().empty()) l.set_label(fmt::format("_child{}", children_.size() - 1));
  update_datalim_from(l);
  request_autoscale_view();
  return l;
}

Patch& Axes::add_patch(std::unique_ptr<Patch> patch) {
  Patch& p = static_cast<Patch&>(adopt(std::move(patch)));
  if (!p.get_clip_box()) p.set_clip_box(bbox_);
  update_datalim_from(p);
  request_autoscale_view();
  return p;
}

bool Axes::remove(const Artist& artist) {
  auto ca = std::find_if(child_axes_.begin(), child_axes_.end(),
                         [&](const auto& c) { return c.get() == &artist; });
  if (ca != child_axes_.end()) {
    child_axes_.erase(ca);
    set_stale();
    return true;
  }
  auto it = std::find_if(children_.begin(), children_.end(),
                         [&](const auto& c) { return c.get() == &artist; });
  if (it == children_.end()) return false;
  children_.erase(it);
  set_stale();
  return true;
}

void Axes::clear() {
  children_.clear();
  extra_artists_.clear();  // the legend, as matplotlib's cla()
  child_axes_.clear();
  data_lim_->set_points(Bbox::null());
  view_lim_->set_points(Bbox::unit());
  ignore_datalim_ = true;
  autoscalex_ = autoscaley_ = true;
  line_cycle_ = patch_cycle_ = 0;
  for (auto& t : titles_) t->set_text("");
  xaxis_->label().set_text("");
  yaxis_->label().set_text("");
  set_stale();
}

void Axes::update_datalim_from(const Artist& artist) {
  Bbox lim = Bbox::null();
  if (const auto* line = dynamic_cast<const Line2D*>(&artist)) {
    lim = line->get_data_limits();
  } else if (const auto* patch = dynamic_cast<const Patch*>(&artist)) {
    if (const auto* r = dynamic_cast<const Rectangle*>(patch)) {
      if (r->get_width() == 0 && r->get_height() == 0) return;
    }
    const Path p = patch->get_data_path();
    if (p.empty()) return;
    std::vector<double> xs, ys;
    const Path flat = p.has_curves() ? p.flattened() : p;
    for (const Point& v : flat.vertices()) {
      xs.push_back(v.x);
      ys.push_back(v.y);
    }
    lim.update_from_data(xs, ys, true);
  } else {
    return;
  }
  const TransformPtr t = artist.get_transform();
  const bool ux = t == trans_data_ || t == xaxis_transform_;
  const bool uy = t == trans_data_ || t == yaxis_transform_;
  if (!ux && !uy) return;
  if (lim.is_null() && !(ux && std::isfinite(lim.x0)) && !(uy && std::isfinite(lim.y0))) return;
  data_lim_->set_points(merge_limits(data_lim_->get_points(), lim, ignore_datalim_, ux, uy));
  ignore_datalim_ = false;
}

void Axes::update_datalim(std::span<const Point> xys, bool updatex, bool updatey) {
  if (xys.empty()) return;
  Bbox lim = Bbox::null();
  lim.update_from_points(xys, true);
  data_lim_->set_points(
      merge_limits(data_lim_->get_points(), lim, ignore_datalim_, updatex, updatey));
  ignore_datalim_ = false;
}

void Axes::relim() {
  data_lim_->set_points(Bbox::null());
  ignore_datalim_ = true;
  for (const auto& c : children_) {
    if (c->get_visible()) update_datalim_from(*c);
  }
}

// ---- colors -----------------------------------------------------------------------------

Rgba Axes::next_line_color() {
  const std::vector<Rgba> cycle = rc().get_color_cycle();
  return cycle[line_cycle_++ % cycle.size()];
}

// matplotlib 3.6 keeps a second cycle for patches (_get_patches_for_fill): bar, fill and
// fill_between take colors from it, independently of the line cycle.
Rgba Axes::next_patch_color() {
  const std::vector<Rgba> cycle = rc().get_color_cycle();
  return cycle[patch_cycle_++ % cycle.size()];
}

// ---- plotting ---------------------------------------------------------------------------

Line2D& Axes::plot(std::span<const double> x, std::span<const double> y, std::string_view fmt,
                   const Line2DOptions& options) {
  if (x.size() != y.size()) {
    throw ValueError(
        fmt::format("x and y must have same first dimension, but have shapes ({},) "
                    "and ({},)",
                    x.size(), y.size()));
  }
  return plot(std::make_shared<ArrayContainer>(std::map<std::string, DataRef>{{"x", x}, {"y", y}}),
              fmt, options);
}

Line2D& Axes::plot(std::span<const double> x, std::span<const double> y,
                   const Line2DOptions& options) {
  return plot(x, y, "", options);
}

Line2D& Axes::plot(std::span<const double> y, std::string_view fmt, const Line2DOptions& options) {
  std::vector<double> x(y.size());
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i);
  return plot(x, y, fmt, options);
}

Line2D& Axes::plot(DataContainerPtr data, std::string_view fmt, const Line2DOptions& options) {
  Line2DOptions o = options;
  if (!fmt.empty()) {
    const PlotFormat f = parse_plot_format(fmt);
    if (f.color && !o.color) o.color = Color(*f.color);
    if (f.marker && !o.marker) o.marker = f.marker;
    if (f.linestyle && !o.linestyle) o.linestyle = f.linestyle;
    // A format with a marker and no line style draws no line (matplotlib's rule).
    if (f.marker && !f.linestyle && !options.linestyle) o.linestyle = "None";
  }
  if (!o.color) o.color = Color(next_line_color());
  auto line = std::make_unique<Line2D>(std::move(data), o);
  return add_line(std::move(line));
}

Line2D& Axes::plot_units(const UnitValues& x, const UnitValues& y, std::string_view fmt,
                         const Line2DOptions& options) {
  if (x.size() != y.size()) {
    throw ValueError(
        fmt::format("x and y must have same first dimension, but have shapes ({},) "
                    "and ({},)",
                    x.size(), y.size()));
  }
  // Converting here picks each axis' converter and checks the values; the line keeps the
  // values themselves so that a later Axis::set_units converts them again (matplotlib's
  // Line2D recaches on the axis' 'units' callback).
  std::vector<double> xs = xaxis_->convert_units(x);
  std::vector<double> ys = yaxis_->convert_units(y);
  if (x.kind() == UnitKind::numbers && y.kind() == UnitKind::numbers) {
    return plot(xs, ys, fmt, options);
  }
  auto data = std::make_shared<UnitContainer>();
  data->add_field("x", x, xaxis_->shared_units());
  data->add_field("y", y, yaxis_->shared_units());
  return plot(std::move(data), fmt, options);
}

Text& Axes::text(double x, double y, std::string s, const TextOptions& options,
                 TransformPtr transform) {
  TextOptions o = options;
  if (!o.clip_on) o.clip_on = false;
  auto t = std::make_unique<Text>(x, y, std::move(s), o);
  if (transform) t->set_transform(std::move(transform));
  t->set_clip_box(bbox_);
  return static_cast<Text&>(adopt(std::move(t)));
}

Line2D& Axes::axhline(double y, double xmin, double xmax, const Line2DOptions& options) {
  Line2DOptions o = options;
  if (!o.color) o.color = Color(next_line_color());
  const double xs[2] = {xmin, xmax};
  const double ys[2] = {y, y};
  auto line = std::make_unique<Line2D>(xs, ys, o);
  // x in axes fractions, y in data: matplotlib's get_yaxis_transform(which="grid").
  line->set_transform(yaxis_transform_);
  return add_line(std::move(line));
}

Line2D& Axes::axvline(double x, double ymin, double ymax, const Line2DOptions& options) {
  Line2DOptions o = options;
  if (!o.color) o.color = Color(next_line_color());
  const double xs[2] = {x, x};
  const double ys[2] = {ymin, ymax};
  auto line = std::make_unique<Line2D>(xs, ys, o);
  line->set_transform(xaxis_transform_);
  return add_line(std::move(line));
}

Patch& Axes::axhspan(double ymin, double ymax, double xmin, double xmax,
                     const PatchOptions& options) {
  auto p = std::make_unique<Polygon>(
      std::vector<Point>{{xmin, ymin}, {xmin, ymax}, {xmax, ymax}, {xmax, ymin}}, true, options);
  p->set_transform(yaxis_transform_);
  return add_patch(std::move(p));
}

Patch& Axes::axvspan(double xmin, double xmax, double ymin, double ymax,
                     const PatchOptions& options) {
  auto p = std::make_unique<Polygon>(
      std::vector<Point>{{xmin, ymin}, {xmin, ymax}, {xmax, ymax}, {xmax, ymin}}, true, options);
  p->set_transform(xaxis_transform_);
  return add_patch(std::move(p));
}

Line2D& Axes::axline(Point xy1, std::optional<Point> xy2, std::optional<double> slope,
                     const Line2DOptions& options) {
  Line2DOptions o = options;
  if (!o.color) o.color = Color(next_line_color());
  auto line = std::make_unique<AxLine>(xy1, xy2, slope, o);
  line->set_axes(this);
  line->set_transform(trans_data_);
  // matplotlib: the points count for autoscaling only with a data transform.
  std::vector<Point> pts{xy1};
  if (xy2) pts.push_back(*xy2);
  Line2D& l = static_cast<Line2D&>(adopt(std::move(line)));
  l.set_clip_box(bbox_);
  if (l.get_label().empty()) l.set_label(fmt::format("_child{}", children_.size() - 1));
  update_datalim(pts);
  request_autoscale_view();
  return l;
}

// ---- titles and labels ------------------------------------------------------------------

Text& Axes::title(std::string_view loc) {
  if (loc == "left") return *titles_[0];
  if (loc == "center") return *titles_[1];
  if (loc == "right") return *titles_[2];
  throw ValueError(fmt::format(
      "'{}' is not a valid value for loc; supported values are 'left', 'center', 'right'", loc));
}

Text& Axes::set_title(std::string label, const TitleOptions& options) {
  Text& t = title(options.loc);
  t.set_text(std::move(label));
  const TextOptions& o = options.text;
  if (o.color) t.set_color(*o.color);
  if (o.fontsize) t.set_fontsize(*o.fontsize);
  if (o.fontsize_name) {
    t.set_fontsize(font_size_from_name(*o.fontsize_name, rc().get_double("font.size")));
  }
  if (o.fontweight) t.set_fontweight(*o.fontweight);
  if (o.fontfamily) t.set_fontfamily(*o.fontfamily);
  if (o.ha) t.set_ha(*o.ha);
  if (o.va) t.set_va(*o.va);
  if (o.rotation) t.set_rotation(*o.rotation);
  if (o.bbox) t.set_bbox(o.bbox);
  if (options.pad) {
    title_offset_points_ = *options.pad;
    for (auto& tt : titles_) {
      tt->set_transform(trans_axes_ + ScaledTranslation::make(0, title_offset_points_ / 72.0,
                                                              figure_->dpi_scale_trans()));
    }
  }
  if (options.y) {
    title_y_ = *options.y;
    t.set_y(*options.y);
  }
  return t;
}

Text& Axes::set_xlabel(std::string label, const LabelOptions& options) {
  if (options.labelpad) xaxis_->set_labelpad(*options.labelpad);
  xaxis_->set_label_text(std::move(label), options.text);
  const std::string loc = options.loc.value_or(rc().get_string("xaxis.labellocation"));
  xaxis_->set_label_loc(loc);
  return xaxis_->label();
}

Text& Axes::set_ylabel(std::string label, const LabelOptions& options) {
  if (options.labelpad) yaxis_->set_labelpad(*options.labelpad);
  yaxis_->set_label_text(std::move(label), options.text);
  const std::string loc = options.loc.value_or(rc().get_string("yaxis.labellocation"));
  yaxis_->set_label_loc(loc);
  return yaxis_->label();
}

std::string Axes::get_xlabel() const { return xaxis_->label().get_text(); }
std::string Axes::get_ylabel() const { return yaxis_->label().get_text(); }

// ---- limits -----------------------------------------------------------------------------

void Axes::request_autoscale_view(bool x, bool y) {
  if (x) {
    for (Axes* a : sharex_group_->members) a->stale_viewlim_x_ = true;
  }
  if (y) {
    for (Axes* a : sharey_group_->members) a->stale_viewlim_y_ = true;
  }
  set_stale();
}

void Axes::unstale_view_lim() const {
  bool need_x = false, need_y = false;
  for (Axes* a : sharex_group_->members) need_x = need_x || a->stale_viewlim_x_;
  for (Axes* a : sharey_group_->members) need_y = need_y || a->stale_viewlim_y_;
  if (!need_x && !need_y) return;
  if (need_x) {
    for (Axes* a : sharex_group_->members) a->stale_viewlim_x_ = false;
  }
  if (need_y) {
    for (Axes* a : sharey_group_->members) a->stale_viewlim_y_ = false;
  }
  const_cast<Axes*>(this)->autoscale_view(std::nullopt, need_x, need_y);
}

std::pair<double, double> Axes::get_xlim() const {
  unstale_view_lim();
  const Bbox v = view_lim_->get_points();
  return {v.x0, v.x1};
}

std::pair<double, double> Axes::get_ylim() const {
  unstale_view_lim();
  const Bbox v = view_lim_->get_points();
  return {v.y0, v.y1};
}

void Axes::set_lim_impl(bool x, std::optional<double> lo, std::optional<double> hi, bool emit,
                        bool auto_off) {
  check_limit(lo, x ? "left" : "bottom");
  check_limit(hi, x ? "right" : "top");
  const Axis& axis = x ? *xaxis_ : *yaxis_;
  if (!lo || !hi) {
    const auto [old_lo, old_hi] = x ? get_xlim() : get_ylim();
    if (!lo) lo = old_lo;
    if (!hi) hi = old_hi;
  }
  double a = *lo, b = *hi;
  if (axis.get_scale().name() == "log" && (a <= 0 || b <= 0)) {
    const auto [old_lo, old_hi] = x ? get_xlim() : get_ylim();
    if (a <= 0) a = old_lo;
    if (b <= 0) b = old_hi;
  }
  const bool reverse = a > b;
  std::tie(a, b) = axis.get_major_locator().nonsingular(a, b);
  std::tie(a, b) = axis.get_scale().limit_range_for_scale(
      a, b, axis.get_minpos() > 0 ? axis.get_minpos() : kInf);
  if ((a > b) != reverse) std::swap(a, b);
  if (x) {
    view_lim_->set_intervalx(a, b);
    for (Axes* s : sharex_group_->members) s->stale_viewlim_x_ = false;
    if (auto_off) autoscalex_ = false;
  } else {
    view_lim_->set_intervaly(a, b);
    for (Axes* s : sharey_group_->members) s->stale_viewlim_y_ = false;
    if (auto_off) autoscaley_ = false;
  }
  if (emit) {
    for (Axes* s : (x ? sharex_group_ : sharey_group_)->members) {
      if (s == this) continue;
      s->set_lim_impl(x, a, b, false, auto_off);
    }
  }
  set_stale();
}

std::pair<double, double> Axes::set_xlim(std::optional<double> left, std::optional<double> right) {
  set_lim_impl(true, left, right, true, true);
  return get_xlim();
}

std::pair<double, double> Axes::set_ylim(std::optional<double> bottom, std::optional<double> top) {
  set_lim_impl(false, bottom, top, true, true);
  return get_ylim();
}

void Axes::set_xbound(std::optional<double> lower, std::optional<double> upper) {
  auto [old0, old1] = get_xlim();
  const bool inv = old0 > old1;
  const double lo = std::min(old0, old1), hi = std::max(old0, old1);
  const double l = lower.value_or(lo), u = upper.value_or(hi);
  if (inv) {
    set_lim_impl(true, u, l, true, false);
  } else {
    set_lim_impl(true, l, u, true, false);
  }
}

void Axes::set_ybound(std::optional<double> lower, std::optional<double> upper) {
  auto [old0, old1] = get_ylim();
  const bool inv = old0 > old1;
  const double lo = std::min(old0, old1), hi = std::max(old0, old1);
  const double l = lower.value_or(lo), u = upper.value_or(hi);
  if (inv) {
    set_lim_impl(false, u, l, true, false);
  } else {
    set_lim_impl(false, l, u, true, false);
  }
}

void Axes::set_scale_impl(bool x, std::string_view name, const ScaleOptions& options) {
  for (Axes* a : (x ? sharex_group_ : sharey_group_)->members) {
    a->scale_options_[x ? 0 : 1] = options;
    Axis& axis = x ? *a->xaxis_ : *a->yaxis_;
    axis.set_log_subs(options.subs);
    axis.set_scale(make_scale(name, options));
    a->trans_scale_wrapper_->set(blended_transform_factory(a->xaxis_->get_scale().get_transform(),
                                                           a->yaxis_->get_scale().get_transform()));
    a->request_autoscale_view(x, !x);
  }
}

void Axes::set_xscale(std::string_view name, const ScaleOptions& options) {
  set_scale_impl(true, name, options);
}
void Axes::set_yscale(std::string_view name, const ScaleOptions& options) {
  set_scale_impl(false, name, options);
}
std::string_view Axes::get_xscale() const { return xaxis_->get_scale().name(); }
std::string_view Axes::get_yscale() const { return yaxis_->get_scale().name(); }

void Axes::invert_xaxis() {
  const auto [a, b] = get_xlim();
  set_lim_impl(true, b, a, true, false);
}
void Axes::invert_yaxis() {
  const auto [a, b] = get_ylim();
  set_lim_impl(false, b, a, true, false);
}
bool Axes::xaxis_inverted() const { return xaxis_->get_inverted(); }
bool Axes::yaxis_inverted() const { return yaxis_->get_inverted(); }

void Axes::margins(std::optional<double> x, std::optional<double> y) {
  for (auto [v, name] : {std::pair{x, "x"}, std::pair{y, "y"}}) {
    if (v && !(*v > -0.5)) {
      throw ValueError(fmt::format("margin must be greater than -0.5, got {} = {}", name, *v));
    }
  }
  if (x) xmargin_ = *x;
  if (y) ymargin_ = *y;
  request_autoscale_view(x.has_value(), y.has_value());
}

void Axes::autoscale(bool enable, std::string_view axis, std::optional<bool> tight) {
  const bool sx = axis == "x" || axis == "both";
  const bool sy = axis == "y" || axis == "both";
  if (!sx && !sy) {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for axis; supported values are 'both', 'x', 'y'", axis));
  }
  if (sx) autoscalex_ = enable;
  if (sy) autoscaley_ = enable;
  if (tight) {
    tight_ = *tight;
    if (*tight && sx) xmargin_ = 0;
    if (*tight && sy) ymargin_ = 0;
  }
  if (enable) request_autoscale_view(sx, sy);
}

void Axes::autoscale_view(std::optional<bool> tight, bool scalex, bool scaley) {
  if (tight) tight_ = *tight;
  auto handle = [&](bool x) {
    const bool on = x ? autoscalex_ : autoscaley_;
    if (!(x ? scalex : scaley) || !on) return;
    const SharedGroup& group = x ? *sharex_group_ : *sharey_group_;
    Axis& axis = x ? *xaxis_ : *yaxis_;
    const double margin = x ? xmargin_ : ymargin_;
    // Sticky edges of every child of the shared axes.
    std::vector<double> stickies;
    if (use_sticky_edges_ && margin != 0) {
      for (Axes* a : group.members) {
        for (const auto& c : a->children_) {
          const auto& s = x ? c->sticky_edges().x : c->sticky_edges().y;
          stickies.insert(stickies.end(), s.begin(), s.end());
        }
      }
      std::sort(stickies.begin(), stickies.end());
    }
    if (axis.get_scale().name() == "log") {
      std::erase_if(stickies, [](double v) { return !(v > 0); });
    }
    double x0 = kInf, x1 = -kInf, minpos = kInf;
    bool any = false;
    for (Axes* a : group.members) {
      const Bbox d = a->data_lim_->get_points();
      for (double v : x ? std::array{d.x0, d.x1} : std::array{d.y0, d.y1}) {
        if (std::isfinite(v)) {
          x0 = std::min(x0, v);
          x1 = std::max(x1, v);
          any = true;
        }
      }
      minpos = std::min(minpos, x ? d.minposx : d.minposy);
    }
    if (!any) {
      x0 = -kInf;
      x1 = kInf;
    }
    std::tie(x0, x1) = axis.get_major_locator().nonsingular(x0, x1);
    const double tol = 1e-5 * std::max({std::abs(x0), std::abs(x1), std::abs(x1 - x0)});
    std::optional<double> x0bound, x1bound;
    {
      auto it0 = std::lower_bound(stickies.begin(), stickies.end(), x0 + tol);
      if (it0 != stickies.begin()) x0bound = *(it0 - 1);
      auto it1 = std::lower_bound(stickies.begin(), stickies.end(), x1 - tol);
      if (it1 != stickies.end()) x1bound = *it1;
    }
    std::tie(x0, x1) = axis.get_scale().limit_range_for_scale(x0, x1, minpos);
    const TransformPtr tr = axis.get_scale().get_transform();
    const TransformPtr inv = tr->inverted();
    const double x0t = tr->transform({x0, x0}).x, x1t = tr->transform({x1, x1}).x;
    double delta = (x1t - x0t) * margin;
    if (!std::isfinite(delta)) delta = 0;
    x0 = inv->transform({x0t - delta, x0t - delta}).x;
    x1 = inv->transform({x1t + delta, x1t + delta}).x;
    if (x0bound) x0 = std::max(x0, *x0bound);
    if (x1bound) x1 = std::min(x1, *x1bound);
    if (!tight_) std::tie(x0, x1) = axis.get_major_locator().view_limits(x0, x1);
    if (x) {
      set_xbound(x0, x1);
    } else {
      set_ybound(x0, x1);
    }
  };
  handle(true);
  handle(false);
}

// ---- aspect -----------------------------------------------------------------------------

void Axes::set_aspect(std::variant<std::string, double> aspect, std::string_view adjustable) {
  if (const auto* s = std::get_if<std::string>(&aspect)) {
    if (*s == "auto") {
      aspect_.reset();
    } else if (*s == "equal") {
      aspect_ = 1.0;
    } else {
      throw ValueError(fmt::format("aspect must be 'auto', 'equal' or a number, not '{}'", *s));
    }
  } else {
    const double a = std::get<double>(aspect);
    if (!(a > 0) || !std::isfinite(a)) {
      throw ValueError(fmt::format("aspect must be finite and positive, not {}", a));
    }
    aspect_ = a;
  }
  if (!adjustable.empty()) set_adjustable(adjustable);
  set_stale();
}

void Axes::set_adjustable(std::string_view adjustable) {
  if (adjustable != "box" && adjustable != "datalim") {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for adjustable; supported values are 'box', 'datalim'",
        adjustable));
  }
  adjustable_ = std::string(adjustable);
}

void Axes::apply_aspect() {
  // The box to work in: the axes locator's (a colorbar's), else the original position.
  const Bbox pb = axes_locator_ ? axes_locator_(*this) : original_position_->get_points();
  if (!aspect_ && !box_aspect_) {
    position_->set_points(pb);
    return;
  }
  const Size fs = figure_->get_size_inches();
  const double fig_aspect = fs.height / fs.width;
  // pb shrunk to a physical height / width and placed by the anchor (matplotlib's
  // Bbox.shrunk_to_aspect(box_aspect, pb, fig_aspect).anchored(anchor, pb)).
  auto shrunk_anchored = [&](double box_aspect) {
    const double w = pb.width(), h = pb.height();
    double H = w * box_aspect / fig_aspect, W = w;
    if (H > h) {
      W = h * fig_aspect / box_aspect;
      H = h;
    }
    return Bbox::from_bounds(pb.x0 + anchor_.first * (w - W), pb.y0 + anchor_.second * (h - H), W,
                             H);
  };
  if (!aspect_) {  // a box aspect alone (set_box_aspect makes the adjustable "datalim")
    position_->set_points(shrunk_anchored(*box_aspect_));
    return;
  }
  const double aspect = *aspect_;
  auto tr_x = xaxis_->get_scale().get_transform();
  auto tr_y = yaxis_->get_scale().get_transform();
  auto [x0, x1] = get_xlim();
  auto [y0, y1] = get_ylim();
  auto tx = [&](double v) { return tr_x->transform({v, v}).x; };
  auto ty = [&](double v) { return tr_y->transform({v, v}).y; };
  const double xsize = std::max(std::abs(tx(x1) - tx(x0)), 1e-30);
  const double ysize = std::max(std::abs(ty(y1) - ty(y0)), 1e-30);
  if (adjustable_ == "box") {
    position_->set_points(shrunk_anchored(aspect * (ysize / xsize)));
    return;
  }
  // adjustable "datalim": change the limits so the box keeps its shape (matplotlib's
  // apply_aspect, step for step).
  const Bbox pos = box_aspect_ ? shrunk_anchored(*box_aspect_) : pb;
  position_->set_points(pos);
  const double xmin = std::min(tx(x0), tx(x1)), xmax = std::max(tx(x0), tx(x1));
  const double ymin = std::min(ty(y0), ty(y1)), ymax = std::max(ty(y0), ty(y1));
  const double box_aspect = fig_aspect * (pos.height() / pos.width());
  const double data_ratio = box_aspect / aspect;
  const double y_expander = data_ratio * xsize / ysize - 1;
  if (std::abs(y_expander) < 0.005) return;
  const Bbox dl = data_lim_->get_points();
  const double xr = 1.05 * (tx(dl.x1) - tx(dl.x0));
  const double yr = 1.05 * (ty(dl.y1) - ty(dl.y0));
  const double xmarg = xsize - xr, ymarg = ysize - yr;
  const double Ysize = data_ratio * xsize, Xsize = ysize / data_ratio;
  const double Xmarg = Xsize - xr, Ymarg = Ysize - yr;
  const bool shared_x = sharex_group_->members.size() > 1;
  const bool shared_y = sharey_group_->members.size() > 1;
  if (shared_x && shared_y) {
    throw ValueError(
        "set_aspect(..., adjustable='datalim') or axis('equal') are not allowed when both axes "
        "are shared.  Try set_aspect(..., adjustable='box').");
  }
  bool adjust_y = false;
  if (!shared_y) {
    bool adjy = y_expander > 0;
    if (xmarg > 0 && ymarg > 0) {
      adjy = (Ymarg > 0 && y_expander < 0) || (Xmarg < 0 && y_expander > 0);
    }
    adjust_y = shared_x || adjy;
  }
  if (adjust_y) {
    const double yc = 0.5 * (ymin + ymax);
    const double ny0 = yc - Ysize / 2.0, ny1 = yc + Ysize / 2.0;
    auto inv = tr_y->inverted();
    set_ybound(inv->transform({ny0, ny0}).y, inv->transform({ny1, ny1}).y);
  } else {
    const double xc = 0.5 * (xmin + xmax);
    const double nx0 = xc - Xsize / 2.0, nx1 = xc + Xsize / 2.0;
    auto inv = tr_x->inverted();
    set_xbound(inv->transform({nx0, nx0}).x, inv->transform({nx1, nx1}).x);
  }
}

void Axes::axis(std::string_view option) {
  if (option == "on") {
    axison_ = true;
  } else if (option == "off") {
    axison_ = false;
  } else if (option == "equal" || option == "tight" || option == "scaled" || option == "auto" ||
             option == "image" || option == "square") {
    autoscalex_ = autoscaley_ = true;
    aspect_.reset();
    autoscale_view(false);
    if (option == "equal") {
      set_aspect("equal", "datalim");
    } else if (option == "scaled") {
      set_aspect("equal", "box");
      autoscalex_ = autoscaley_ = false;
    } else if (option == "tight") {
      autoscale_view(true);
      autoscalex_ = autoscaley_ = false;
    } else if (option == "image") {
      autoscale_view(true);
      autoscalex_ = autoscaley_ = false;
      set_aspect("equal", "box");
    } else if (option == "square") {
      set_aspect("equal", "box");
      autoscalex_ = autoscaley_ = false;
      const auto [xa, xb] = get_xlim();
      const auto [ya, yb] = get_ylim();
      const double edge = std::max(xb - xa, yb - ya);
      set_xlim(xa, xa + edge);
      set_ylim(ya, ya + edge);
    }
  } else {
    throw ValueError(fmt::format("Unrecognized string '{}' to axis; try 'on' or 'off'", option));
  }
  set_stale();
}

void Axes::axis(const AxisLimits& l) {
  set_xlim(l.xmin, l.xmax);
  set_ylim(l.ymin, l.ymax);
}

// ---- ticks ------------------------------------------------------------------------------

void Axes::set_xticks(std::vector<double> ticks, std::optional<std::vector<std::string>> labels,
                      bool minor) {
  xaxis_->set_ticks(std::move(ticks), std::move(labels), minor);
}
void Axes::set_yticks(std::vector<double> ticks, std::optional<std::vector<std::string>> labels,
                      bool minor) {
  yaxis_->set_ticks(std::move(ticks), std::move(labels), minor);
}

void Axes::set_xticklabels(std::vector<std::string> labels, const TextOptions& options) {
  xaxis_->set_ticklabels(std::move(labels));
  xaxis_->set_ticklabel_props(options);
}
void Axes::set_yticklabels(std::vector<std::string> labels, const TextOptions& options) {
  yaxis_->set_ticklabels(std::move(labels));
  yaxis_->set_ticklabel_props(options);
}

void Axes::apply_options(const AxesOptions& o) {
  if (!o.projection.empty() && o.projection != "rectilinear") {
    throw ValueError(fmt::format("Unknown projection '{}'", o.projection));
  }
  if (o.sharex) sharex(*o.sharex);
  if (o.sharey) sharey(*o.sharey);
  if (o.facecolor) set_facecolor(*o.facecolor);
  if (o.xscale) set_xscale(*o.xscale);
  if (o.yscale) set_yscale(*o.yscale);
  if (o.xlim) set_xlim(o.xlim->first, o.xlim->second);
  if (o.ylim) set_ylim(o.ylim->first, o.ylim->second);
  if (o.title) set_title(*o.title);
  if (o.xlabel) set_xlabel(*o.xlabel);
  if (o.ylabel) set_ylabel(*o.ylabel);
  if (o.aspect) set_aspect(*o.aspect);
  if (o.frame_on) set_frame_on(*o.frame_on);
  if (o.label) set_label(*o.label);
}
std::vector<double> Axes::get_xticks(bool minor) const { return xaxis_->get_ticklocs(minor); }
std::vector<double> Axes::get_yticks(bool minor) const { return yaxis_->get_ticklocs(minor); }

void Axes::tick_params(const TickParams& params) {
  if (params.axis != "x" && params.axis != "y" && params.axis != "both") {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for axis; supported values are 'x', 'y', 'both'", params.axis));
  }
  if (params.axis != "y") xaxis_->set_tick_params(params);
  if (params.axis != "x") yaxis_->set_tick_params(params);
}

void Axes::grid(std::optional<bool> visible, std::string_view which, std::string_view axis,
                const GridOptions& style) {
  if (axis != "x" && axis != "y" && axis != "both") {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for axis; supported values are 'both', 'x', 'y'", axis));
  }
  if (axis != "y") xaxis_->grid(visible, which, style);
  if (axis != "x") yaxis_->grid(visible, which, style);
}

void Axes::minorticks_on() {
  xaxis_->minorticks_on();
  yaxis_->minorticks_on();
}
void Axes::minorticks_off() {
  xaxis_->minorticks_off();
  yaxis_->minorticks_off();
}

void Axes::set_axisbelow(std::variant<bool, std::string> below) {
  double z = 1.5;
  if (const auto* s = std::get_if<std::string>(&below)) {
    if (*s != "line") {
      throw ValueError(fmt::format("axisbelow must be True, False or 'line', not '{}'", *s));
    }
  } else {
    z = std::get<bool>(below) ? 0.5 : 2.5;
  }
  axisbelow_ = below;
  xaxis_->set_zorder(z);
  yaxis_->set_zorder(z);
}

void Axes::label_outer() {
  if (!subplotspec_) return;
  const SubplotSpec& ss = *subplotspec_;
  if (!ss.is_first_row()) {
    if (xaxis_->get_label_position() == "top") xaxis_->label().set_text("");
    xaxis_->set_tick_params({.which = "both", .labeltop = false});
  }
  if (!ss.is_last_row()) {
    if (xaxis_->get_label_position() == "bottom") xaxis_->label().set_text("");
    xaxis_->set_tick_params({.which = "both", .labelbottom = false});
    xaxis_->offset_text().set_visible(false);
  }
  if (!ss.is_first_col()) {
    if (yaxis_->get_label_position() == "left") yaxis_->label().set_text("");
    yaxis_->set_tick_params({.which = "both", .labelleft = false});
    yaxis_->offset_text().set_visible(false);
  }
  if (!ss.is_last_col()) {
    if (yaxis_->get_label_position() == "right") yaxis_->label().set_text("");
    yaxis_->set_tick_params({.which = "both", .labelright = false});
  }
}

void Axes::set_facecolor(const Color& color) { patch_->set_facecolor(color); }
void Axes::set_frame_on(bool on) { frameon_ = on; }

// ---- sharing ----------------------------------------------------------------------------

void Axes::share_impl(bool x, Axes& other) {
  std::shared_ptr<SharedGroup>& group = x ? sharex_group_ : sharey_group_;
  if (group->members.size() > 1) {
    throw ValueError(x ? "x-axis is already shared" : "y-axis is already shared");
  }
  group = x ? other.sharex_group_ : other.sharey_group_;
  group->members.push_back(this);
  // Take the other's scale (with its options), limits, autoscaling and tickers.
  Axis& mine = x ? *xaxis_ : *yaxis_;
  const Axis& theirs = x ? *other.xaxis_ : *other.yaxis_;
  const ScaleOptions& so = other.scale_options_[x ? 0 : 1];
  scale_options_[x ? 0 : 1] = so;
  mine.set_log_subs(so.subs);
  mine.set_scale(make_scale(theirs.get_scale().name(), so));
  const auto [a, b] = x ? other.get_xlim() : other.get_ylim();
  if (x) {
    view_lim_->set_intervalx(a, b);
    autoscalex_ = other.autoscalex_;
  } else {
    view_lim_->set_intervaly(a, b);
    autoscaley_ = other.autoscaley_;
  }
  mine.set_major_locator(theirs.major_locator_);
  mine.set_major_formatter(theirs.major_formatter_);
  mine.set_minor_locator(theirs.minor_locator_);
  mine.set_minor_formatter(theirs.minor_formatter_);
  trans_scale_wrapper_->set(blended_transform_factory(xaxis_->get_scale().get_transform(),
                                                      yaxis_->get_scale().get_transform()));
}

void Axes::sharex(Axes& other) { share_impl(true, other); }
void Axes::sharey(Axes& other) { share_impl(false, other); }

std::vector<Axes*> Axes::get_shared_x_axes() const { return sharex_group_->members; }
std::vector<Axes*> Axes::get_shared_y_axes() const { return sharey_group_->members; }

Axes& Axes::twinx() {
  const Bbox pos = get_position(true);
  Axes& ax2 = figure_->add_axes({pos.x0, pos.y0, pos.width(), pos.height()});
  ax2.subplotspec_ = subplotspec_;
  ax2.sharex(*this);
  ax2.yaxis_->set_ticks_position("right");
  ax2.yaxis_->set_label_position("right");
  ax2.yaxis_->offset_text().set_x(1.0);
  ax2.yaxis_->offset_text().set_ha(HAlign::right);
  yaxis_->set_ticks_position("left");
  ax2.xaxis_->set_visible(false);
  ax2.patch_->set_visible(false);
  ax2.line_cycle_ = 0;
  return ax2;
}

Axes& Axes::twiny() {
  const Bbox pos = get_position(true);
  Axes& ax2 = figure_->add_axes({pos.x0, pos.y0, pos.width(), pos.height()});
  ax2.subplotspec_ = subplotspec_;
  ax2.sharey(*this);
  ax2.xaxis_->set_ticks_position("top");
  ax2.xaxis_->set_label_position("top");
  xaxis_->set_ticks_position("bottom");
  ax2.yaxis_->set_visible(false);
  ax2.patch_->set_visible(false);
  return ax2;
}

// ---- drawing ----------------------------------------------------------------------------

void Axes::update_title_position(double dpi) {
  if (title_y_) return;
  // Titles sit above the axes, or above top tick labels / an x label at the top.
  double top = -kInf;
  std::vector<Axes*> axs{this};
  for (auto& c : child_axes_) {  // child positions must be updated first
    c->apply_aspect();
    axs.push_back(c.get());
  }
  for (Axes* a : axs) {
    Bbox bb = Bbox::null();
    const TickStyle& s = a->xaxis_->major_style();
    if ((s.tick2on && s.label2on) || a->xaxis_->get_label_position() == "top") {
      bb = a->xaxis_->get_tightbbox();
    }
    if (bb.is_null()) bb = a->bbox_->get_points();
    top = std::max(top, bb.ymax());
  }
  const Bbox ax = bbox_->get_points();
  for (auto& t : titles_) {
    double y = 1.0;
    if (top > ax.ymax()) {
      // The title's offset transform adds the pad; place the anchor at `top` in axes units.
      y = (top - ax.y0) / (ax.y1 - ax.y0);
    }
    t->set_y(y);
  }
  (void)dpi;
}

void Axes::draw_children(Renderer& renderer) {
  std::vector<Artist*> artists;
  for (auto& c : children_) {
    if (c->get_animated()) continue;
    artists.push_back(c.get());
  }
  if (axison_ && frameon_) {
    for (auto& s : spines_) artists.push_back(s.get());
  }
  if (axison_) {
    artists.push_back(xaxis_.get());
    artists.push_back(yaxis_.get());
  }
  for (auto& t : titles_) artists.push_back(t.get());
  for (auto& c : child_axes_) artists.push_back(c.get());
  for (auto& a : extra_artists_) artists.push_back(a.get());
  std::stable_sort(artists.begin(), artists.end(), [](const Artist* a, const Artist* b) {
    return a->get_zorder() < b->get_zorder();
  });
  if (axison_ && frameon_ && patch_->get_visible()) patch_->draw(renderer);
  for (Artist* a : artists) {
    if (!a->get_visible()) continue;
    if (a->get_rasterized()) renderer.start_rasterizing();
    a->draw(renderer);
    if (a->get_rasterized()) renderer.stop_rasterizing();
  }
}

void Axes::draw(Renderer& renderer) {
  if (!get_visible()) return;
  unstale_view_lim();
  renderer.open_group("axes", get_gid());
  apply_aspect();
  update_title_position(renderer.dpi());
  draw_children(renderer);
  renderer.close_group("axes");
  set_stale(false);
}

Bbox Axes::get_tightbbox() const { return get_tightbbox(false); }

Bbox Axes::get_tightbbox(bool for_layout_only) const {
  // matplotlib's Axes.get_tightbbox: the axes box, the axes' Axis in layout-only mode, the
  // titles (1 px wide for layout engines), and the extra artists: spines with their tick
  // marks, and the visible children in the layout. Boxes empty or infinite are skipped.
  if (!get_visible()) return Bbox::null();
  unstale_view_lim();
  const_cast<Axes*>(this)->apply_aspect();
  const_cast<Axes*>(this)->update_title_position(figure_dpi());
  auto positive_finite = [](const Bbox& b) {
    return !b.is_null() && b.width() > 0 && b.height() > 0 && std::isfinite(b.width()) &&
           std::isfinite(b.height());
  };
  Bbox u = Bbox::null();
  auto add_unless_empty = [&u](const Bbox& b) {
    if (b.is_null() || (b.width() == 0 && b.height() == 0)) return;
    u = Bbox::union_of(u, b);
  };
  if (axison_) {
    add_unless_empty(xaxis_->get_tightbbox(true));
    add_unless_empty(yaxis_->get_tightbbox(true));
  }
  add_unless_empty(bbox_->get_points());
  for (const auto& t : titles_) {
    if (!t->get_visible()) continue;
    Bbox bt = t->get_window_extent();
    if (bt.is_null()) continue;
    if (for_layout_only && bt.width() > 0) {
      bt.x0 = (bt.x0 + bt.x1) / 2 - 0.5;
      bt.x1 = bt.x0 + 1.0;
    }
    add_unless_empty(bt);
  }
  auto add_extra = [&](const Artist& a) {
    if (!a.get_visible() || !a.get_in_layout()) return;
    const Bbox b = a.get_tightbbox();
    if (positive_finite(b)) u = Bbox::union_of(u, b);
  };
  if (axison_ && frameon_) {
    for (const auto& s : spines_) add_extra(*s);
  }
  for (const auto& c : children_) add_extra(*c);
  for (const auto& c : extra_artists_) add_extra(*c);
  for (const auto& c : child_axes_) add_extra(*c);
  return u;
}

void Axes::draw_artist(Artist& artist) {
  // The canvas' raster surface as it stands (drawn once first if it never was).
  Renderer& r = figure_->canvas().renderer();
  unstale_view_lim();
  artist.draw(r);
}

}  // namespace strata
