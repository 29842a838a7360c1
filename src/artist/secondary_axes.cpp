// SPDX-License-Identifier: MIT
// SecondaryAxis and FuncScaleLog: matplotlib 3.6's axes/_secondary_axes.py and
// scale.FuncScaleLog.
#include "strata/artist/secondary_axes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "strata/artist/figure.hpp"
#include "strata/error.hpp"
#include "strata/ticker/formatter.hpp"
#include "strata/ticker/locator.hpp"

namespace strata {

// ---- FuncScaleLog -------------------------------------------------------------------------

FuncScaleLog::FuncScaleLog(std::function<double(double)> forward,
                           std::function<double(double)> inverse, double base)
    : LogScale(LogScaleOptions{.base = base}) {
  // FuncTransform::make checks the functions; the log part is the LogScale's own transform
  // (nonpositive "clip", as matplotlib's LogTransform(base)).
  transform_ =
      FuncTransform::make(std::move(forward), std::move(inverse)) + LogScale::get_transform();
}

// ---- SecondaryAxis ------------------------------------------------------------------------

namespace {

// The rectangle matplotlib's SecondaryAxis starts from before its locator places it.
Bbox initial_rect(std::string_view orientation) {
  if (orientation == "x") return Bbox::from_bounds(0, 1, 1, 0.0001);
  if (orientation == "y") return Bbox::from_bounds(0, 1, 0.0001, 1);
  throw ValueError(fmt::format(
      "'{}' is not a valid value for orientation; supported values are 'x', 'y'", orientation));
}

Figure& figure_of(Axes& parent) {
  Figure* f = parent.get_figure();
  if (!f) throw ValueError("secondary axes: the parent Axes has no figure");
  return *f;
}

double identity(double v) { return v; }

}  // namespace

SecondaryAxis::SecondaryAxis(Axes& parent, std::string_view orientation, const Location& location,
                             Function forward, Function inverse)
    : Axes(figure_of(parent), initial_rect(orientation)),
      parent_(&parent),
      orientation_(orientation),
      axis_(orientation == "x" ? &xaxis() : &yaxis()) {
  const bool is_x = orientation_ == "x";
  if (is_x) {
    locstrings_ = {"top", "bottom"};
    otherstrings_ = {"left", "right"};
  } else {
    locstrings_ = {"right", "left"};
    otherstrings_ = {"top", "bottom"};
  }
  // The limits always come from the parent (set_lims); never autoscale them. matplotlib
  // autoscales an empty Axes until the first draw, which can fail for functions undefined
  // at its default limits.
  if (is_x) {
    set_autoscalex_on(false);
  } else {
    set_autoscaley_on(false);
  }
  set_location(location);
  set_functions(std::move(forward), std::move(inverse));

  // Styling: no ticks on the other axis, one spine, no background.
  Axis& other = is_x ? yaxis() : xaxis();
  other.set_major_locator(std::make_shared<NullLocator>());
  other.set_ticks_position("none");
  for (const auto& s : otherstrings_) spines(s).set_visible(false);
  for (const auto& s : locstrings_) spines(s).set_visible(true);
  patch().set_visible(false);
  if (pos_ < 0.5) std::swap(locstrings_[0], locstrings_[1]);
  set_alignment(locstrings_[0]);
}

SecondaryAxis::~SecondaryAxis() = default;

void SecondaryAxis::set_alignment(std::string_view align) {
  if (align != locstrings_[0] && align != locstrings_[1]) {
    throw ValueError(
        fmt::format("'{}' is not a valid value for align; supported values are '{}', '{}'", align,
                    locstrings_[0], locstrings_[1]));
  }
  if (align == locstrings_[1]) std::swap(locstrings_[0], locstrings_[1]);
  spines(locstrings_[0]).set_visible(true);
  spines(locstrings_[1]).set_visible(false);
  axis_->set_ticks_position(align);
  axis_->set_label_position(align);
  if (orientation_ == "y") {
    // YAxis.set_ticks_position moves the offset text to that side (set_offset_position).
    const bool right = align == "right";
    axis_->offset_text().set_x(right ? 1.0 : 0.0);
    axis_->offset_text().set_ha(right ? HAlign::right : HAlign::left);
  }
  set_stale();
}

void SecondaryAxis::set_location(const Location& location) {
  if (const auto* name = std::get_if<std::string>(&location)) {
    if (*name == "top" || *name == "right") {
      pos_ = 1.0;
    } else if (*name == "bottom" || *name == "left") {
      pos_ = 0.0;
    } else {
      throw ValueError(fmt::format("location must be '{}', '{}', or a float, not '{}'",
                                   locstrings_[0], locstrings_[1], *name));
    }
  } else {
    const double pos = std::get<double>(location);
    if (!std::isfinite(pos)) {
      throw ValueError(fmt::format("location must be a finite axes fraction, not {}", pos));
    }
    pos_ = pos;
  }
  set_stale();
}

void SecondaryAxis::set_functions(Function forward, Function inverse) {
  if (!forward && !inverse) {
    forward = identity;
    inverse = identity;
  } else if (!forward || !inverse) {
    throw ValueError(fmt::format(
        "functions argument of secondary axes must be a two-tuple of callable functions with "
        "the first function being the transform and the second being the inverse (the {} "
        "function is empty)",
        forward ? "inverse" : "forward"));
  }
  forward_ = std::move(forward);
  inverse_ = std::move(inverse);
  // Rebuild the scale with the new functions (matplotlib keeps the old scale until the
  // parent's scale changes).
  parentscale_.reset();
  set_scale();
  set_stale();
}

void SecondaryAxis::set_ticks(std::vector<double> ticks,
                              std::optional<std::vector<std::string>> labels, bool minor) {
  axis_->set_ticks(std::move(ticks), std::move(labels), minor);
  ticks_set_ = true;
  set_stale();
}

void SecondaryAxis::set_color(const Color& color) {
  const bool is_x = orientation_ == "x";
  TickParams p;
  p.axis = is_x ? "x" : "y";
  p.colors = color;
  tick_params(p);
  for (const char* side : is_x ? std::array{"bottom", "top"} : std::array{"left", "right"}) {
    spines(side).set_edgecolor(color);
  }
  axis_->label().set_color(color);
  set_stale();
}

void SecondaryAxis::set_aspect(std::variant<std::string, double> /*aspect*/,
                               std::string_view /*adjustable*/) {}

void SecondaryAxis::set_scale() {
  const bool is_x = orientation_ == "x";
  const std::string pscale(is_x ? parent_->get_xscale() : parent_->get_yscale());
  if (parentscale_ && *parentscale_ == pscale) return;
  std::vector<double> ticks;
  if (ticks_set_) ticks = axis_->get_ticklocs();
  // The roles of the functions are inverted so that the ticks line up: the scale maps
  // secondary values back to the parent's.
  if (pscale == "log") {
    auto scale = std::make_unique<FuncScaleLog>(inverse_, forward_);
    const double base = scale->base();
    axis_->set_scale(std::move(scale));
    // LogScale's locators and formatters (subs None: 'auto' minor ticks).
    axis_->set_major_locator(std::make_shared<LogLocator>(LogLocatorOptions{.base = base}));
    axis_->set_major_formatter(
        std::make_shared<LogFormatterSciNotation>(LogFormatterOptions{.base = base}));
    axis_->set_minor_locator(
        std::make_shared<LogLocator>(LogLocatorOptions{.base = base, .subs = LogSubs::auto_}));
    axis_->set_minor_formatter(std::make_shared<LogFormatterSciNotation>(
        LogFormatterOptions{.base = base, .label_only_base = false}));
    // Axes::set_xscale only knows the registered names: update transScale here.
    auto wrapper = std::dynamic_pointer_cast<TransformWrapper>(transScale());
    if (!wrapper) throw ValueError("secondary axes: transScale is not a TransformWrapper");
    wrapper->set(blended_transform_factory(xaxis().get_scale().get_transform(),
                                           yaxis().get_scale().get_transform()));
  } else {
    ScaleOptions o;
    o.forward = inverse_;
    o.inverse = forward_;
    if (is_x) {
      set_xscale("function", o);
    } else {
      set_yscale("function", o);
    }
  }
  // set_scale installs the default locators; keep ticks set with set_ticks.
  if (ticks_set_) axis_->set_major_locator(std::make_shared<FixedLocator>(std::move(ticks)));
  parentscale_ = pscale;
  set_stale();
}

void SecondaryAxis::set_lims() {
  const bool is_x = orientation_ == "x";
  const auto [a, b] = is_x ? parent_->get_xlim() : parent_->get_ylim();
  const bool order = a < b;
  double lo = forward_(a), hi = forward_(b);
  // Flip when the function reverses the order: the scale's transform flips it back.
  if ((lo < hi) != order) std::swap(lo, hi);
  if (is_x) {
    set_xlim(lo, hi);
  } else {
    set_ylim(lo, hi);
  }
}

void SecondaryAxis::apply_aspect() {
  set_scale();
  set_lims();
  // matplotlib's _TransformedBoundsLocator: [0, pos, 1, 1e-10] (x) or [pos, 0, 1e-10, 1]
  // (y) in the parent's axes coordinates, in figure coordinates.
  const bool is_x = orientation_ == "x";
  const Bbox bounds =
      is_x ? Bbox::from_bounds(0, pos_, 1, 1e-10) : Bbox::from_bounds(pos_, 0, 1e-10, 1);
  const TransformPtr to_figure = parent_->transAxes() - get_figure()->transFigure();
  const Point p0 = to_figure->transform({bounds.x0, bounds.y0});
  const Point p1 = to_figure->transform({bounds.x1, bounds.y1});
  set_position(Bbox::from_extents(p0.x, p0.y, p1.x, p1.y));
  Axes::apply_aspect();
}

void SecondaryAxis::draw(Renderer& renderer) {
  if (!get_visible()) return;
  Axes::draw(renderer);  // calls apply_aspect: scale, limits, position
}

}  // namespace strata
