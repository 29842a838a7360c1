// SPDX-License-Identifier: MIT
#include "strata/artist/axis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "strata/artist/axes.hpp"
#include "strata/artist/figure.hpp"
#include "strata/artist/linestyle.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"
#include "strata/ticker/dates.hpp"

namespace strata {

namespace {

constexpr double kOffsetTextPad = 3.0;  // points (matplotlib's Axis.OFFSETTEXTPAD)

// matplotlib's transforms._interval_contains_close.
bool interval_contains_close(double a, double b, double v, double rtol = 1e-10) {
  if (a > b) std::swap(a, b);
  const double tol = (b - a) * rtol;
  return a - tol <= v && v <= b + tol;
}

Rgba rc_color_or(const RcParams& p, const std::string& key, const Rgba& inherit) {
  const std::string v = p.get_string(key);
  if (v == "inherit" || v == "auto") return inherit;
  return p.get_color(key);
}

// The tick padding matplotlib adds to the label pad for a direction (Tick.get_tick_padding).
double tick_padding(const TickStyle& s) {
  if (s.direction == "out") return s.size;
  if (s.direction == "inout") return s.size / 2;
  return 0.0;
}

}  // namespace

Axis::Axis(Axes& axes, bool is_x) : owner_(&axes), is_x_(is_x) {
  set_figure(axes.get_figure());
  set_axes(&axes);
  set_zorder(1.5);
  label_position_ = is_x ? "bottom" : "left";
  apply_rc_tick_styles();
  scale_ = std::make_unique<LinearScale>();
  set_scale(std::make_unique<LinearScale>());

  const RcParams p = rc();
  TextOptions lo;
  lo.fontsize = p.get_fontsize("axes.labelsize");
  lo.fontweight = p.get_string("axes.labelweight");
  lo.color = p.get_color("axes.labelcolor");
  labelpad_ = p.get_double("axes.labelpad");
  if (is_x) {
    lo.ha = "center";
    lo.va = "top";
    label_ = std::make_unique<Text>(0.5, 0.0, "", lo);
    label_->set_transform(blended_transform_factory(axes.transAxes(), IdentityTransform::make()));
  } else {
    lo.ha = "center";
    lo.va = "bottom";
    lo.rotation = 90;
    lo.rotation_mode = "anchor";
    label_ = std::make_unique<Text>(0.0, 0.5, "", lo);
    label_->set_transform(blended_transform_factory(IdentityTransform::make(), axes.transAxes()));
  }
  label_->set_figure(axes.get_figure());

  TextOptions oo;
  const std::string prefix = is_x ? "xtick." : "ytick.";
  oo.fontsize = p.get_fontsize(prefix + "labelsize");
  oo.color = p.get_color(prefix + "color");
  if (is_x) {
    oo.ha = "right";
    oo.va = "top";
    offset_text_ = std::make_unique<Text>(1.0, 0.0, "", oo);
    offset_text_->set_transform(
        blended_transform_factory(axes.transAxes(), IdentityTransform::make()));
  } else {
    oo.ha = "left";
    oo.va = "baseline";
    offset_text_ = std::make_unique<Text>(0.0, 0.5, "", oo);
    offset_text_->set_transform(
        blended_transform_factory(axes.transAxes(), IdentityTransform::make()));
  }
  offset_text_->set_figure(axes.get_figure());
  TextOptions to;
  to.fontsize = p.get_fontsize(prefix + "labelsize");
  ticklabel_font_ = font_from_options(to);
}

Axis::~Axis() = default;

void Axis::apply_rc_tick_styles() {
  const RcParams p = rc();
  const std::string a = is_x_ ? "xtick" : "ytick";
  const Rgba color = p.get_color(a + ".color");
  const Rgba labelcolor = rc_color_or(p, a + ".labelcolor", color);
  const double labelsize = p.get_fontsize(a + ".labelsize");
  const std::string direction = p.get_string(a + ".direction");
  const bool side1 = p.get_bool(a + (is_x_ ? ".bottom" : ".left"));
  const bool side2 = p.get_bool(a + (is_x_ ? ".top" : ".right"));
  const bool label1 = p.get_bool(a + (is_x_ ? ".labelbottom" : ".labelleft"));
  const bool label2 = p.get_bool(a + (is_x_ ? ".labeltop" : ".labelright"));
  const std::string s1 = is_x_ ? ".bottom" : ".left";
  const std::string s2 = is_x_ ? ".top" : ".right";
  for (int minor = 0; minor < 2; ++minor) {
    TickStyle& s = minor ? minor_style_ : major_style_;
    const std::string w = minor ? ".minor" : ".major";
    s.size = p.get_double(a + w + ".size");
    s.width = p.get_double(a + w + ".width");
    s.pad = p.get_double(a + w + ".pad");
    s.direction = direction;
    s.color = color;
    s.labelcolor = labelcolor;
    s.labelsize = labelsize;
    s.tick1on = side1 && p.get_bool(a + w + s1);
    s.tick2on = side2 && p.get_bool(a + w + s2);
    s.label1on = label1;
    s.label2on = label2;
    s.grid_color = p.get_color("grid.color");
    s.grid_linewidth = p.get_double("grid.linewidth");
    s.grid_linestyle = p.get_string("grid.linestyle");
    s.grid_alpha = p.get_double("grid.alpha");
    const bool grid = p.get_bool("axes.grid");
    const std::string which = p.get_string("axes.grid.which");
    const std::string gaxis = p.get_string("axes.grid.axis");
    const bool axis_ok = gaxis == "both" || gaxis == (is_x_ ? "x" : "y");
    s.gridon = grid && axis_ok && (which == "both" || which == (minor ? "minor" : "major"));
  }
}

void Axis::set_scale(std::unique_ptr<ScaleBase> scale) {
  scale_ = std::move(scale);
  const std::string_view name = scale_->name();
  const RcParams p = rc();
  const bool minor_visible = p.get_bool(is_x_ ? "xtick.minor.visible" : "ytick.minor.visible");
  if (name == "log") {
    const double base = static_cast<const LogScale&>(*scale_).base();
    major_locator_ = std::make_shared<LogLocator>(LogLocatorOptions{.base = base});
    major_formatter_ = std::make_shared<LogFormatterSciNotation>(LogFormatterOptions{.base = base});
    LogLocatorOptions mo{.base = base};
    if (log_subs_.empty()) {
      mo.subs = LogSubs::auto_;
    } else {
      mo.subs = log_subs_;
    }
    minor_locator_ = std::make_shared<LogLocator>(mo);
    minor_formatter_ = std::make_shared<LogFormatterSciNotation>(
        LogFormatterOptions{.base = base, .label_only_base = !log_subs_.empty()});
  } else if (name == "symlog") {
    const auto& s = static_cast<const SymmetricalLogScale&>(*scale_);
    major_locator_ = std::make_shared<SymmetricalLogLocator>(
        SymmetricalLogLocatorOptions{.base = s.base(), .linthresh = s.linthresh()});
    major_formatter_ = std::make_shared<LogFormatterSciNotation>(
        LogFormatterOptions{.base = s.base(), .linthresh = s.linthresh()});
    SymmetricalLogLocatorOptions mo{.base = s.base(), .linthresh = s.linthresh()};
    if (!log_subs_.empty()) {
      mo.subs = log_subs_;
    } else {
      std::vector<double> subs;
      for (int i = 2; i < static_cast<int>(s.base()); ++i) subs.push_back(i);
      mo.subs = subs;
    }
    minor_locator_ = std::make_shared<SymmetricalLogLocator>(mo);
    minor_formatter_ = std::make_shared<NullFormatter>();
  } else if (name == "logit") {
    major_locator_ = std::make_shared<LogitLocator>();
    major_formatter_ = std::make_shared<LogitFormatter>();
    minor_locator_ = std::make_shared<LogitLocator>(LogitLocatorOptions{.minor = true});
    minor_formatter_ = std::make_shared<LogitFormatter>(LogitFormatterOptions{.minor = true});
  } else {
    major_locator_ = std::make_shared<AutoLocator>();
    major_formatter_ = std::make_shared<ScalarFormatter>();
    if (minor_visible) {
      minor_locator_ = std::make_shared<AutoMinorLocator>();
    } else {
      minor_locator_ = std::make_shared<NullLocator>();
    }
    minor_formatter_ = std::make_shared<NullFormatter>();
  }
  major_locator_is_default_ = minor_locator_is_default_ = true;
  major_formatter_is_default_ = minor_formatter_is_default_ = true;
  set_stale();
}

void Axis::set_major_locator(std::shared_ptr<Locator> locator) {
  if (!locator) throw ValueError("set_major_locator: locator must not be null");
  major_locator_ = std::move(locator);
  major_locator_is_default_ = false;
  set_stale();
}
void Axis::set_minor_locator(std::shared_ptr<Locator> locator) {
  if (!locator) throw ValueError("set_minor_locator: locator must not be null");
  minor_locator_ = std::move(locator);
  minor_locator_is_default_ = false;
  set_stale();
}
void Axis::set_major_formatter(std::shared_ptr<Formatter> formatter) {
  if (!formatter) throw ValueError("set_major_formatter: formatter must not be null");
  major_formatter_ = std::move(formatter);
  major_formatter_is_default_ = false;
  set_stale();
}
void Axis::set_minor_formatter(std::shared_ptr<Formatter> formatter) {
  if (!formatter) throw ValueError("set_minor_formatter: formatter must not be null");
  minor_formatter_ = std::move(formatter);
  minor_formatter_is_default_ = false;
  set_stale();
}

void Axis::minorticks_on() {
  const std::string_view name = scale_->name();
  if (name == "log" || name == "symlog" || name == "logit") {
    auto keep = std::move(scale_);
    // Reinstall the scale's default minor locator.
    std::shared_ptr<Locator> major = major_locator_;
    std::shared_ptr<Formatter> majorf = major_formatter_;
    const bool mdef = major_locator_is_default_, fdef = major_formatter_is_default_;
    set_scale(std::move(keep));
    if (!mdef) set_major_locator(major);
    if (!fdef) set_major_formatter(majorf);
  } else {
    set_minor_locator(std::make_shared<AutoMinorLocator>());
  }
}

void Axis::minorticks_off() { set_minor_locator(std::make_shared<NullLocator>()); }

void Axis::set_ticks(std::vector<double> ticks, std::optional<std::vector<std::string>> labels,
                     bool minor) {
  for (double t : ticks) {
    if (!std::isfinite(t)) throw ValueError(fmt::format("set_ticks: tick {} is not finite", t));
  }
  if (labels && labels->size() != ticks.size()) {
    throw ValueError(fmt::format(
        "The number of FixedLocator locations ({}), usually from a call to set_ticks, does not "
        "match the number of labels ({}).",
        ticks.size(), labels->size()));
  }
  // matplotlib widens the view to include the ticks when they are set on an autoscaled axis.
  if (!ticks.empty()) {
    auto [lo, hi] = get_view_interval();
    const auto [tmin, tmax] = std::minmax_element(ticks.begin(), ticks.end());
    const bool inverted = lo > hi;
    if (inverted) std::swap(lo, hi);
    const double nlo = std::min(lo, *tmin), nhi = std::max(hi, *tmax);
    if (nlo != lo || nhi != hi) {
      if (is_x_) {
        owner_->set_lim_impl(true, inverted ? nhi : nlo, inverted ? nlo : nhi, true, false);
      } else {
        owner_->set_lim_impl(false, inverted ? nhi : nlo, inverted ? nlo : nhi, true, false);
      }
    }
  }
  auto loc = std::make_shared<FixedLocator>(std::move(ticks));
  if (minor) {
    set_minor_locator(loc);
  } else {
    set_major_locator(loc);
  }
  if (labels) set_ticklabels(std::move(*labels), minor);
}

void Axis::set_ticklabels(std::vector<std::string> labels, bool minor) {
  auto f = std::make_shared<FixedFormatter>(std::move(labels));
  if (minor) {
    set_minor_formatter(f);
  } else {
    set_major_formatter(f);
  }
}

std::pair<double, double> Axis::get_view_interval() const {
  owner_->unstale_view_lim();
  const Bbox v = owner_->view_lim_->get_points();
  return is_x_ ? std::pair{v.x0, v.x1} : std::pair{v.y0, v.y1};
}

std::pair<double, double> Axis::get_data_interval() const {
  const Bbox d = owner_->data_lim_->get_points();
  return is_x_ ? std::pair{d.x0, d.x1} : std::pair{d.y0, d.y1};
}

double Axis::get_minpos() const {
  const Bbox d = owner_->data_lim_->get_points();
  const double m = is_x_ ? d.minposx : d.minposy;
  return std::isfinite(m) ? m : 0.0;
}

bool Axis::get_inverted() const {
  const auto [a, b] = get_view_interval();
  return b < a;
}

int Axis::get_tick_space() const {
  const Bbox box = owner_->bbox_->get_points();
  const double dpi = figure_dpi();
  const double length = (is_x_ ? box.width() : box.height()) / dpi * 72.0;
  const double size = major_style_.labelsize * (is_x_ ? 3.0 : 2.0);
  if (size <= 0) return 2147483647;
  return static_cast<int>(std::floor(length / size));
}

void Axis::prepare_helpers(Locator& loc, Formatter& fmt) const {
  const auto [v0, v1] = get_view_interval();
  const auto [d0, d1] = get_data_interval();
  const Bbox box = owner_->bbox_->get_points();
  const double dpi = figure_dpi();
  AxisGeometry info;
  info.length_points = std::abs(is_x_ ? box.width() : box.height()) / dpi * 72.0;
  info.label_size_points = major_style_.labelsize;
  info.is_x = is_x_;
  loc.set_autolimit_mode(rc().get_string("axes.autolimit_mode") == "round_numbers"
                             ? AutolimitMode::round_numbers
                             : AutolimitMode::data);
  for (TickHelper* h : {static_cast<TickHelper*>(&loc), static_cast<TickHelper*>(&fmt)}) {
    h->set_view_interval(v0, v1);
    h->set_data_interval(d0, d1);
    h->set_minpos(get_minpos());
    h->set_axis_info(info);
  }
}

std::vector<double> Axis::get_ticklocs(bool minor) const {
  prepare_helpers(*major_locator_, *major_formatter_);
  std::vector<double> major = (*major_locator_)();
  if (!minor) return major;
  prepare_helpers(*minor_locator_, *minor_formatter_);
  minor_locator_->set_majorticklocs(major);
  return (*minor_locator_)();
}

std::vector<TickInfo> Axis::compute_ticks(bool minor) const {
  prepare_helpers(*major_locator_, *major_formatter_);
  std::vector<double> major_locs = (*major_locator_)();
  std::vector<double> locs = major_locs;
  Formatter* fmt_ptr = major_formatter_.get();
  const TransformPtr tr = scale_->get_transform();
  // {v, v}: a scale mapping 0 to inf (1/x) must not turn the other coordinate into NaN.
  auto tr1 = [&](double v) { return is_x_ ? tr->transform({v, v}).x : tr->transform({v, v}).y; };
  auto [v0, v1] = get_view_interval();
  if (minor) {
    prepare_helpers(*minor_locator_, *minor_formatter_);
    minor_locator_->set_majorticklocs(major_locs);
    locs = (*minor_locator_)();
    // Drop minor ticks that coincide with major ones (remove_overlapping_locs).
    double lo = tr1(v0), hi = tr1(v1);
    if (lo > hi) std::swap(lo, hi);
    const double tol = (hi - lo) * 1e-5;
    std::vector<double> kept;
    for (double m : locs) {
      const double tm = tr1(m);
      bool close = false;
      for (double M : major_locs) {
        if (std::abs(tm - tr1(M)) <= tol) {
          close = true;
          break;
        }
      }
      if (!close) kept.push_back(m);
    }
    locs = std::move(kept);
    fmt_ptr = minor_formatter_.get();
  }
  fmt_ptr->set_locs(locs);
  std::vector<TickInfo> out;
  const double a = tr1(v0), b = tr1(v1);
  for (std::size_t i = 0; i < locs.size(); ++i) {
    const std::string label = (*fmt_ptr)(locs[i], i);
    const double t = tr1(locs[i]);
    if (std::isfinite(t) && interval_contains_close(a, b, t)) {
      out.push_back({locs[i], label});
    }
  }
  return out;
}

std::vector<TickInfo> Axis::get_ticks_in_view(bool minor) const { return compute_ticks(minor); }

TextLayoutOptions Axis::ticklabel_options(const TickStyle& style, bool side2) const {
  TextLayoutOptions o;
  o.rotation = style.labelrotation;
  if (is_x_) {
    o.ha = HAlign::center;
    o.va = side2 ? VAlign::bottom : VAlign::top;
  } else {
    o.ha = side2 ? HAlign::left : HAlign::right;
    o.va = VAlign::center_baseline;
  }
  if (style.label_ha) o.ha = *style.label_ha;
  if (style.label_va) o.va = *style.label_va;
  return o;
}

Point Axis::ticklabel_anchor(const TickStyle& style, double loc_display, bool side2,
                             double dpi) const {
  const double pad_px = (style.pad + tick_padding(style)) * dpi / 72.0;
  // The spine position the ticks sit on (axes edge unless the spine moved).
  const Spine& sp = owner_->spines_[is_x_ ? (side2 ? 3 : 2) : (side2 ? 1 : 0)].operator*();
  const TransformPtr st = sp.get_spine_transform();
  if (is_x_) {
    const double y = st->transform({get_view_interval().first, side2 ? 1.0 : 0.0}).y;
    return {loc_display, side2 ? y + pad_px : y - pad_px};
  }
  const double x = st->transform({side2 ? 1.0 : 0.0, get_view_interval().first}).x;
  return {side2 ? x + pad_px : x - pad_px, loc_display};
}

Axis::LabelExtents Axis::get_ticklabel_extents(double dpi) const {
  LabelExtents out;
  if (!get_visible()) return out;
  for (int minor = 0; minor < 2; ++minor) {
    const TickStyle& style = minor ? minor_style_ : major_style_;
    if (!style.label1on && !style.label2on) continue;
    const std::vector<TickInfo> ticks = compute_ticks(minor != 0);
    FontProperties font = ticklabel_font_;
    font.size = style.labelsize;
    for (const TickInfo& t : ticks) {
      if (t.label.empty()) continue;
      const Point d = owner_->trans_data_->transform(is_x_ ? Point{t.loc, 0} : Point{0, t.loc});
      const double along = is_x_ ? d.x : d.y;
      for (int side = 0; side < 2; ++side) {
        if (side == 0 ? !style.label1on : !style.label2on) continue;
        const TextLayout lay = layout_text(t.label, font, dpi, ticklabel_options(style, side == 1));
        const Point a = ticklabel_anchor(style, along, side == 1, dpi);
        const Bbox e = lay.extent;
        (side == 0 ? out.side1 : out.side2)
            .push_back(Bbox::from_extents(e.x0 + a.x, e.y0 + a.y, e.x1 + a.x, e.y1 + a.y));
      }
    }
  }
  return out;
}

void Axis::draw_ticks(Renderer& renderer, const std::vector<TickInfo>& ticks,
                      const TickStyle& style, double dpi) {
  if (ticks.empty()) return;
  const TransformPtr& td = owner_->trans_data_;
  std::vector<double> along;
  along.reserve(ticks.size());
  for (const TickInfo& t : ticks) {
    const Point d = td->transform(is_x_ ? Point{t.loc, 0} : Point{0, t.loc});
    along.push_back(is_x_ ? d.x : d.y);
  }
  const Bbox box = owner_->bbox_->get_points();
  // Grid lines, clipped to the axes box.
  if (style.gridon) {
    GraphicsContext gc = new_gc();
    gc.clip_rectangle = box;
    gc.color = style.grid_color;
    gc.alpha = style.grid_alpha;
    gc.linewidth = style.grid_linewidth;
    gc.dashes = scale_dashes(get_dash_pattern(style.grid_linestyle), style.grid_linewidth);
    gc.capstyle = parse_capstyle(rc().get_string("lines.solid_capstyle"));
    if (!gc.dashes.solid()) gc.capstyle = parse_capstyle(rc().get_string("lines.dash_capstyle"));
    if (!is_no_line(style.grid_linestyle)) {
      for (double a : along) {
        Path p = is_x_ ? Path({{a, box.y0}, {a, box.y1}}) : Path({{box.x0, a}, {box.x1, a}});
        renderer.draw_path(gc, p, Affine2D(), std::nullopt);
      }
    }
  }
  // Tick marks: one marker call per side.
  const double size_px = style.size * dpi / 72.0;
  Path marker;
  for (int side = 0; side < 2; ++side) {
    if (side == 0 ? !style.tick1on : !style.tick2on) continue;
    if (style.size <= 0 || style.width <= 0) continue;
    // Marker pointing out of the axes for "out", in for "in", both for "inout".
    const double sgn = side == 0 ? -1.0 : 1.0;  // outward direction along the normal
    double t0 = 0, t1 = 0;
    if (style.direction == "out") {
      t1 = sgn;
    } else if (style.direction == "in") {
      t1 = -sgn;
    } else {
      t0 = -0.5;
      t1 = 0.5;
    }
    marker = is_x_ ? Path({{0, t0}, {0, t1}}) : Path({{t0, 0}, {t1, 0}});
    const Spine& sp = *owner_->spines_[is_x_ ? (side ? 3 : 2) : (side ? 1 : 0)];
    const TransformPtr st = sp.get_spine_transform();
    std::vector<Point> pts;
    pts.reserve(along.size());
    if (is_x_) {
      const double y = st->transform({0.0, side ? 1.0 : 0.0}).y;
      for (double a : along) pts.push_back({a, y});
    } else {
      const double x = st->transform({side ? 1.0 : 0.0, 0.0}).x;
      for (double a : along) pts.push_back({x, a});
    }
    GraphicsContext gc = new_gc();
    gc.clip_rectangle.reset();
    gc.color = style.color;
    gc.linewidth = style.width;
    gc.capstyle = CapStyle::butt;
    gc.joinstyle = JoinStyle::miter;
    renderer.draw_markers(gc, marker, Affine2D().scale(size_px, size_px), Path(std::move(pts)),
                          Affine2D(), std::nullopt);
  }
  // Labels.
  FontProperties font = ticklabel_font_;
  font.size = style.labelsize;
  for (int side = 0; side < 2; ++side) {
    if (side == 0 ? !style.label1on : !style.label2on) continue;
    const TextLayoutOptions opts = ticklabel_options(style, side == 1);
    GraphicsContext gc = new_gc();
    gc.clip_rectangle.reset();
    gc.color = style.labelcolor;
    for (std::size_t i = 0; i < ticks.size(); ++i) {
      if (ticks[i].label.empty()) continue;
      const TextLayout lay = layout_text(ticks[i].label, font, dpi, opts);
      draw_text(renderer, lay, ticklabel_anchor(style, along[i], side == 1, dpi), gc);
    }
  }
}

void Axis::place_label(double dpi, const LabelExtents& ext) {
  const Bbox ax = owner_->bbox_->get_points();
  const bool top_or_right = label_position_ == "top" || label_position_ == "right";
  const std::vector<Bbox>& boxes = top_or_right ? ext.side2 : ext.side1;
  // The union of the tick labels on the label's side and that side's spine.
  const Spine& sp = *owner_->spines_[is_x_ ? (top_or_right ? 3 : 2) : (top_or_right ? 1 : 0)];
  Bbox u = sp.get_visible() ? sp.get_window_extent() : Bbox::null();
  if (u.is_null()) {
    u = is_x_ ? Bbox::from_extents(ax.x0, top_or_right ? ax.y1 : ax.y0, ax.x1,
                                   top_or_right ? ax.y1 : ax.y0)
              : Bbox::from_extents(top_or_right ? ax.x1 : ax.x0, ax.y0,
                                   top_or_right ? ax.x1 : ax.x0, ax.y1);
  }
  for (const Bbox& b : boxes) u = Bbox::union_of(u, b);
  const double pad = labelpad_ * dpi / 72.0;
  const Point pos = label_->get_position();
  if (is_x_) {
    label_->set_va(top_or_right ? VAlign::baseline : VAlign::top);
    label_->set_position({pos.x, top_or_right ? u.y1 + pad : u.y0 - pad});
  } else {
    label_->set_va(top_or_right ? VAlign::top : VAlign::bottom);
    label_->set_position({top_or_right ? u.x1 + pad : u.x0 - pad, pos.y});
  }
}

void Axis::place_offset_text(double dpi, const LabelExtents& ext) {
  const Bbox ax = owner_->bbox_->get_points();
  const Point pos = offset_text_->get_position();
  if (is_x_) {
    double bottom = ax.ymin();
    if (!ext.side1.empty()) {
      Bbox u = ext.side1.front();
      for (const Bbox& b : ext.side1) u = Bbox::union_of(u, b);
      bottom = u.y0;
    }
    offset_text_->set_position({pos.x, bottom - kOffsetTextPad * dpi / 72.0});
  } else {
    offset_text_->set_position({pos.x, ax.ymax() + kOffsetTextPad * dpi / 72.0});
  }
}

void Axis::draw(Renderer& renderer) {
  if (!get_visible()) return;
  const double dpi = renderer.dpi();
  renderer.open_group(is_x_ ? "matplotlib.axis_1" : "matplotlib.axis_2", get_gid());
  const std::vector<TickInfo> major = compute_ticks(false);
  // Formatter offset belongs to the major formatter as set by compute_ticks(false).
  const std::string offset = major_formatter_->get_offset();
  const std::vector<TickInfo> minor = compute_ticks(true);
  draw_ticks(renderer, major, major_style_, dpi);
  draw_ticks(renderer, minor, minor_style_, dpi);
  const LabelExtents ext = get_ticklabel_extents(dpi);
  place_label(dpi, ext);
  label_->draw(renderer);
  place_offset_text(dpi, ext);
  offset_text_->set_text(offset);
  offset_text_->draw(renderer);
  renderer.close_group(is_x_ ? "matplotlib.axis_1" : "matplotlib.axis_2");
  set_stale(false);
}

namespace {
// matplotlib keeps boxes with 0 < width < inf and 0 < height < inf.
bool positive_finite(const Bbox& b) {
  return !b.is_null() && b.width() > 0 && b.height() > 0 && std::isfinite(b.width()) &&
         std::isfinite(b.height());
}
}  // namespace

Bbox Axis::get_tightbbox() const { return get_tightbbox(false); }

Bbox Axis::get_tightbbox(bool for_layout_only) const {
  if (!get_visible()) return Bbox::null();
  const double dpi = figure_dpi();
  // Re-place the label and offset text for the current state, as draw does.
  auto* self = const_cast<Axis*>(this);
  const LabelExtents ext = get_ticklabel_extents(dpi);
  self->place_label(dpi, ext);
  self->place_offset_text(dpi, ext);
  (void)compute_ticks(false);
  self->offset_text_->set_text(major_formatter_->get_offset());
  Bbox u = Bbox::null();
  auto add = [&u](const Bbox& b) {
    if (positive_finite(b)) u = Bbox::union_of(u, b);
  };
  if (offset_text_->get_visible()) add(offset_text_->get_window_extent(dpi));
  for (const Bbox& b : ext.side1) add(b);
  for (const Bbox& b : ext.side2) add(b);
  if (label_->get_visible()) {
    Bbox lb = label_->get_window_extent(dpi);
    // Layout engines count only the label's position along the axis, not its length.
    if (for_layout_only && !lb.is_null()) {
      if (is_x_ && lb.width() > 0) {
        lb.x0 = (lb.x0 + lb.x1) / 2 - 0.5;
        lb.x1 = lb.x0 + 1.0;
      }
      if (!is_x_ && lb.height() > 0) {
        lb.y0 = (lb.y0 + lb.y1) / 2 - 0.5;
        lb.y1 = lb.y0 + 1.0;
      }
    }
    add(lb);
  }
  return u;
}

void Axis::set_tick_params(const TickParams& p) {
  const bool do_major = p.which == "major" || p.which == "both";
  const bool do_minor = p.which == "minor" || p.which == "both";
  if (!do_major && !do_minor) {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for which; supported values are 'major', 'minor', 'both'",
        p.which));
  }
  for (int minor = 0; minor < 2; ++minor) {
    if (minor ? !do_minor : !do_major) continue;
    TickStyle& s = minor ? minor_style_ : major_style_;
    if (p.direction) {
      if (*p.direction != "in" && *p.direction != "out" && *p.direction != "inout") {
        throw ValueError(fmt::format(
            "'{}' is not a valid value for direction; supported values are 'in', 'out', 'inout'",
            *p.direction));
      }
      s.direction = *p.direction;
    }
    if (p.length) s.size = *p.length;
    if (p.width) s.width = *p.width;
    if (p.pad) s.pad = *p.pad;
    if (p.labelsize) s.labelsize = *p.labelsize;
    if (p.colors) {
      s.color = to_rgba(*p.colors);
      s.labelcolor = s.color;
    }
    if (p.color) s.color = to_rgba(*p.color);
    if (p.labelcolor) s.labelcolor = to_rgba(*p.labelcolor);
    if (p.labelrotation) s.labelrotation = *p.labelrotation;
    const auto& t1 = is_x_ ? p.bottom : p.left;
    const auto& t2 = is_x_ ? p.top : p.right;
    const auto& l1 = is_x_ ? p.labelbottom : p.labelleft;
    const auto& l2 = is_x_ ? p.labeltop : p.labelright;
    if (t1) s.tick1on = *t1;
    if (t2) s.tick2on = *t2;
    if (l1) s.label1on = *l1;
    if (l2) s.label2on = *l2;
    if (p.grid_color) s.grid_color = to_rgba(*p.grid_color);
    if (p.grid_alpha) s.grid_alpha = *p.grid_alpha;
    if (p.grid_linewidth) s.grid_linewidth = *p.grid_linewidth;
    if (p.grid_linestyle) {
      (void)get_dash_pattern(*p.grid_linestyle);
      s.grid_linestyle = *p.grid_linestyle;
    }
  }
  set_stale();
}

void Axis::set_ticklabel_props(const TextOptions& props, bool minor) {
  TickStyle& s = minor ? minor_style_ : major_style_;
  if (props.rotation) s.labelrotation = *props.rotation;
  if (props.ha) s.label_ha = parse_halign(*props.ha);
  if (props.va) s.label_va = parse_valign(*props.va);
  if (props.fontsize) s.labelsize = *props.fontsize;
  if (props.fontsize_name)
    s.labelsize = font_size_from_name(*props.fontsize_name, rc().get_double("font.size"));
  if (props.color) s.labelcolor = to_rgba(*props.color);
  set_stale();
}

void Axis::grid(std::optional<bool> visible, std::string_view which, const GridOptions& style) {
  const bool do_major = which == "major" || which == "both";
  const bool do_minor = which == "minor" || which == "both";
  if (!do_major && !do_minor) {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for which; supported values are 'major', 'minor', 'both'",
        which));
  }
  const bool has_style = style.color || style.linewidth || style.linestyle || style.alpha;
  for (int minor = 0; minor < 2; ++minor) {
    if (minor ? !do_minor : !do_major) continue;
    TickStyle& s = minor ? minor_style_ : major_style_;
    // matplotlib: grid(None) toggles; giving a style turns the grid on.
    if (visible) {
      s.gridon = *visible;
    } else {
      s.gridon = has_style ? true : !s.gridon;
    }
    if (style.color) s.grid_color = to_rgba(*style.color);
    if (style.linewidth) s.grid_linewidth = *style.linewidth;
    if (style.linestyle) {
      (void)get_dash_pattern(*style.linestyle);
      s.grid_linestyle = *style.linestyle;
    }
    if (style.alpha) s.grid_alpha = *style.alpha;
  }
  set_stale();
}

void Axis::set_label_text(std::string text, const TextOptions& options) {
  label_->set_text(std::move(text));
  label_is_default_ = false;
  if (options.color) label_->set_color(*options.color);
  if (options.fontsize) label_->set_fontsize(*options.fontsize);
  if (options.fontsize_name) {
    label_->set_fontsize(font_size_from_name(*options.fontsize_name, rc().get_double("font.size")));
  }
  if (options.fontweight) label_->set_fontweight(*options.fontweight);
  if (options.fontfamily) label_->set_fontfamily(*options.fontfamily);
  if (options.rotation) label_->set_rotation(*options.rotation);
  if (options.ha) label_->set_ha(*options.ha);
  if (options.va) label_->set_va(*options.va);
  if (options.alpha) label_->set_alpha(options.alpha);
  if (options.visible) label_->set_visible(*options.visible);
  set_stale();
}

void Axis::set_label_position(std::string_view position) {
  if (is_x_ ? (position != "top" && position != "bottom")
            : (position != "left" && position != "right")) {
    throw ValueError(fmt::format("'{}' is not a valid value for position; supported values are {}",
                                 position, is_x_ ? "'top', 'bottom'" : "'left', 'right'"));
  }
  label_position_ = std::string(position);
  if (!is_x_) label_->set_rotation_mode(RotationMode::anchor_mode);
  set_stale();
}

void Axis::set_label_loc(std::string_view loc) {
  double f = 0.5;
  HAlign ha = HAlign::center;
  if (is_x_) {
    if (loc == "left") {
      f = 0;
      ha = HAlign::left;
    } else if (loc == "right") {
      f = 1;
      ha = HAlign::right;
    } else if (loc != "center") {
      throw ValueError(fmt::format(
          "'{}' is not a valid value for loc; supported values are 'left', 'center', 'right'",
          loc));
    }
    label_->set_x(f);
  } else {
    if (loc == "bottom") {
      f = 0;
      ha = HAlign::left;
    } else if (loc == "top") {
      f = 1;
      ha = HAlign::right;
    } else if (loc != "center") {
      throw ValueError(fmt::format(
          "'{}' is not a valid value for loc; supported values are 'bottom', 'center', 'top'",
          loc));
    }
    label_->set_y(f);
  }
  label_->set_ha(ha);
  label_loc_ = std::string(loc);
}

void Axis::set_ticks_position(std::string_view position) {
  const std::string_view one = is_x_ ? "bottom" : "left";
  const std::string_view two = is_x_ ? "top" : "right";
  for (TickStyle* s : {&major_style_, &minor_style_}) {
    if (position == one) {
      s->tick1on = true;
      s->tick2on = false;
      s->label1on = true;
      s->label2on = false;
    } else if (position == two) {
      s->tick1on = false;
      s->tick2on = true;
      s->label1on = false;
      s->label2on = true;
    } else if (position == "both") {
      s->tick1on = s->tick2on = true;
    } else if (position == "none") {
      s->tick1on = s->tick2on = false;
    } else if (position == "default") {
      s->tick1on = s->label1on = true;
      s->tick2on = s->label2on = false;
    } else {
      throw ValueError(fmt::format(
          "'{}' is not a valid value for position; supported values are '{}', '{}', 'both', "
          "'default', 'none'",
          position, one, two));
    }
  }
  set_stale();
}

// ---- units -------------------------------------------------------------------------------

namespace {

// matplotlib's category.StrCategoryLocator: a tick at every category's index, read live from
// the axis' UnitData (which grows as data is added).
class StrCategoryLocator final : public Locator {
 public:
  explicit StrCategoryLocator(std::shared_ptr<const UnitData> data) : data_(std::move(data)) {}
  [[nodiscard]] std::vector<double> tick_values(double, double) const override {
    std::vector<double> out(data_->size());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<double>(i);
    return out;
  }

 protected:
  [[nodiscard]] std::vector<double> call() const override { return tick_values(0, 0); }

 private:
  std::shared_ptr<const UnitData> data_;
};

// matplotlib's category.StrCategoryFormatter: the category whose index is round(x).
class StrCategoryFormatter final : public Formatter {
 public:
  explicit StrCategoryFormatter(std::shared_ptr<const UnitData> data) : data_(std::move(data)) {}

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override {
    if (!pos) return {};
    const std::vector<std::string> labels = data_->labels();
    const double r = std::nearbyint(x);
    if (r < 0 || r >= static_cast<double>(labels.size())) return {};
    return labels[static_cast<std::size_t>(r)];
  }

 private:
  std::shared_ptr<const UnitData> data_;
};

}  // namespace

void Axis::apply_axis_info(const AxisInfo& info) {
  std::shared_ptr<const UnitData> cats;
  auto category_data = [&](const TickerHint& h) {
    if (const auto* d = std::any_cast<std::shared_ptr<const UnitData>>(&h.data)) cats = *d;
    if (!cats) throw ValueError(fmt::format("{}: the converter gave no category data", h.name));
  };
  if (!info.majloc.name.empty()) {
    const std::string& n = info.majloc.name;
    if (n == "AutoDateLocator") {
      AutoDateLocatorOptions o;
      if (const auto* im = std::any_cast<bool>(&info.majloc.data)) o.interval_multiples = *im;
      set_major_locator(std::make_shared<AutoDateLocator>(o));
    } else if (n == "StrCategoryLocator") {
      category_data(info.majloc);
      set_major_locator(std::make_shared<StrCategoryLocator>(cats));
    } else {
      throw ValueError(fmt::format("unknown locator '{}' asked for by a unit converter", n));
    }
  }
  if (!info.majfmt.name.empty()) {
    const std::string& n = info.majfmt.name;
    if (n == "AutoDateFormatter") {
      set_major_formatter(std::make_shared<AutoDateFormatter>(major_locator_));
    } else if (n == "ConciseDateFormatter") {
      set_major_formatter(std::make_shared<ConciseDateFormatter>(major_locator_));
    } else if (n == "StrCategoryFormatter") {
      category_data(info.majfmt);
      set_major_formatter(std::make_shared<StrCategoryFormatter>(cats));
    } else {
      throw ValueError(fmt::format("unknown formatter '{}' asked for by a unit converter", n));
    }
  }
  if (info.label && label_is_default_) label_->set_text(*info.label);
  if (info.default_limits && owner_->data_lim_->get_points().is_null()) {
    owner_->set_lim_impl(is_x_, info.default_limits->first, info.default_limits->second, true,
                         false);
  }
}

std::vector<double> Axis::convert_units(const UnitValues& values) {
  if (units_->update_units(values)) apply_axis_info(units_->axis_info());
  return units_->convert_units(values);
}

void Axis::set_units(Units units) {
  std::vector<Axes*> group = is_x_ ? owner_->get_shared_x_axes() : owner_->get_shared_y_axes();
  if (std::find(group.begin(), group.end(), owner_) == group.end()) group.push_back(owner_);
  for (Axes* ax : group) {
    Axis& axis = is_x_ ? ax->xaxis() : ax->yaxis();
    axis.units_->set_units(units);
    axis.apply_axis_info(axis.units_->axis_info());
    // matplotlib's 'units' callback: the Axes recomputes its data limits and autoscales.
    ax->relim();
    ax->request_autoscale_view(is_x_, !is_x_);
    ax->set_stale();
  }
}

void Axis::axis_date() {
  units_->set_converter(std::make_shared<DateConverter>());
  apply_axis_info(units_->axis_info());
}

}  // namespace strata
