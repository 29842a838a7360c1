// SPDX-License-Identifier: MIT
// Axes::bar, barh, bar_label, hist, step, stairs and errorbar: matplotlib 3.6.3's
// axes/_axes.py, step for step (the arithmetic in the order numpy evaluates it, so bar
// positions and histogram tops are the same doubles).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>

#include "strata/artist/axes.hpp"
#include "strata/artist/collections.hpp"
#include "strata/artist/figure.hpp"
#include "strata/data/array_container.hpp"
#include "strata/data/hist_container.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"
#include "strata/ticker/formatter.hpp"

namespace strata {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string quoted_list(std::initializer_list<std::string_view> values) {
  std::string out;
  for (std::string_view v : values) {
    if (!out.empty()) out += ", ";
    out += fmt::format("'{}'", v);
  }
  return out;
}

// matplotlib's _api.check_in_list message.
void check_in_list(std::string_view name, std::string_view value,
                   std::initializer_list<std::string_view> allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  throw ValueError(fmt::format("'{}' is not a valid value for {}; supported values are {}", value,
                               name, quoted_list(allowed)));
}

// The common length of arguments that numpy broadcasts (each of length 1 or N).
std::size_t broadcast_size(const char* who,
                           std::initializer_list<std::pair<const char*, std::size_t>> args) {
  std::size_t n = 1;
  const char* first = nullptr;
  for (const auto& [name, size] : args) {
    if (size == 1) continue;
    if (n == 1) {
      n = size;
      first = name;
    } else if (size != n) {
      throw ValueError(
          fmt::format("{}: shape mismatch: objects cannot be broadcast to a single shape ({} has "
                      "{} values but {} has {})",
                      who, first, n, name, size));
    }
  }
  for (const auto& [name, size] : args) {
    if (size == 0) return 0;
  }
  return n;
}

// ---- annotations of bar_label ----------------------------------------------------------------

// A text at a data point shifted by an offset in points, drawn only while the point lies inside
// the axes (matplotlib's Annotation with xycoords "data" and annotation_clip None).
class OffsetAnnotation final : public Text {
 public:
  OffsetAnnotation(Point xy, std::string text, const TextOptions& options)
      : Text(xy.x, xy.y, std::move(text), options), xy_(xy) {}

  using Text::get_window_extent;
  void draw(Renderer& renderer) override {
    if (!point_inside()) return;
    Text::draw(renderer);
  }
  [[nodiscard]] Bbox get_window_extent() const override {
    if (!point_inside()) return Bbox::null();
    return Text::get_window_extent();
  }

 private:
  [[nodiscard]] bool point_inside() const {
    const Axes* ax = get_axes();
    if (!ax) return true;
    const Point p = ax->transData()->transform(xy_);
    const Bbox b = ax->get_window_extent();
    return p.x >= std::min(b.x0, b.x1) && p.x <= std::max(b.x0, b.x1) &&
           p.y >= std::min(b.y0, b.y1) && p.y <= std::max(b.y0, b.y1);
  }
  Point xy_;
};

// ---- errorbar ---------------------------------------------------------------------------------

std::vector<bool> errorevery_mask(std::size_t n, const std::optional<ErrorEvery>& every) {
  std::vector<bool> mask(n, false);
  if (!every) {
    mask.assign(n, true);
    return mask;
  }
  if (!every->mask.empty()) {
    if (every->mask.size() != n) {
      throw ValueError(
          fmt::format("errorevery has {} flags but there are {} points (it must match "
                      "'xerr'/'yerr')",
                      every->mask.size(), n));
    }
    return every->mask;
  }
  if (every->step < 1) {
    throw ValueError(
        fmt::format("errorevery=({}, {}) is not a recognized value: the step must be at least 1",
                    every->start, every->step));
  }
  for (std::size_t i = every->start; i < n; i += every->step) mask[i] = true;
  return mask;
}

std::vector<bool> broadcast_bools(const char* name, const std::optional<BoolOrArray>& v,
                                  std::size_t n) {
  std::vector<bool> out(n, false);
  if (!v) return out;
  if (v->size() != 1 && v->size() != n) {
    throw ValueError(fmt::format("{} has {} values but there are {} points", name, v->size(), n));
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = v->at(i);
  return out;
}

std::string shape_of(const ErrorSpec& e) {
  if (e.is_scalar()) return "()";
  if (e.is_asymmetric()) return fmt::format("(2, {})", e.lower().size());
  return fmt::format("({},)", e.lower().size());
}

// err broadcast to (2, n): rows lower and upper.
std::pair<std::vector<double>, std::vector<double>> broadcast_err(char axis, const ErrorSpec& e,
                                                                  std::size_t n) {
  const std::size_t m = e.lower().size();
  if (m != 1 && m != n) {
    throw ValueError(
        fmt::format("'{}err' (shape: {}) must be a scalar or a 1D or (2, n) array-like whose "
                    "shape matches '{}' (shape: ({},))",
                    axis, shape_of(e), axis, n));
  }
  std::vector<double> lo(n), hi(n);
  for (std::size_t i = 0; i < n; ++i) {
    lo[i] = e.lower()[m == 1 ? 0 : i];
    hi[i] = e.upper()[m == 1 ? 0 : i];
    if (lo[i] < -lo[i] || hi[i] < -hi[i]) {
      throw ValueError(fmt::format("'{}err' must not contain negative values", axis));
    }
  }
  return {std::move(lo), std::move(hi)};
}

// ---- bar --------------------------------------------------------------------------------------

// matplotlib's Axes._convert_dx for unit-less data: a width is converted as
// (x0 + dx) - x0 with x0 the first finite position, so 0.3 at x = 0.5 becomes
// 0.30000000000000004 as in matplotlib. Positions with units (categories) keep dx as is.
double first_finite(const std::vector<double>& v) {
  for (double a : v) {
    if (std::isfinite(a)) return a;
  }
  return v.front();
}

std::vector<double> convert_dx(std::vector<double> dx, const std::vector<double>& x0,
                               bool has_units) {
  if (has_units || x0.empty()) return dx;
  const double f = first_finite(x0);
  for (double& d : dx) d = (f + d) - f;
  return dx;
}

ErrorSpec convert_err(const ErrorSpec& e, const std::vector<double>& x0, bool has_units) {
  if (e.is_scalar()) return ErrorSpec(convert_dx({e.lower().front()}, x0, has_units).front());
  if (e.is_asymmetric()) {
    return ErrorSpec::asymmetric(convert_dx(e.lower(), x0, has_units),
                                 convert_dx(e.upper(), x0, has_units));
  }
  return ErrorSpec(convert_dx(e.lower(), x0, has_units));
}

// matplotlib's bar with orientation: for "vertical" `pos` are the x, `value` the heights; for
// "horizontal" `pos` are the y, `value` the widths.
BarContainer& bar_impl(Axes& ax, bool vertical, std::vector<double> pos, std::vector<double> value,
                       const BarOptions& o, bool pos_has_units = false) {
  const char* who = vertical ? "bar" : "barh";
  const RcParams p = rc();
  // The bar thickness and the baselines, as given.
  const FloatOrArray thick0 = vertical ? o.width.value_or(0.8) : o.height.value_or(0.8);
  const FloatOrArray base = vertical ? o.bottom.value_or(0.0) : o.left.value_or(0.0);
  // x and y in matplotlib's bar terms (x: positions or left; y: bottom or positions), and
  // the widths / heights converted against them (_convert_dx).
  const std::vector<double>& xarr = vertical ? pos : base.values();
  const std::vector<double>& yarr = vertical ? base.values() : pos;
  const bool x_units = vertical && pos_has_units;
  const bool y_units = !vertical && pos_has_units;
  const FloatOrArray thick = [&]() -> FloatOrArray {
    std::vector<double> t =
        convert_dx(thick0.values(), vertical ? xarr : yarr, vertical ? x_units : y_units);
    if (thick0.is_scalar()) return t.front();
    return t;
  }();
  value = convert_dx(std::move(value), vertical ? yarr : xarr, vertical ? y_units : x_units);
  std::optional<ErrorSpec> xerr, yerr;
  if (o.xerr) xerr = convert_err(*o.xerr, xarr, x_units);
  if (o.yerr) yerr = convert_err(*o.yerr, yarr, y_units);
  const std::string align = o.align.value_or("center");
  check_in_list("align", align, {"center", "edge"});

  // The color is taken before anything else, as matplotlib's (the patch cycle advances even
  // when the call fails later).
  std::vector<Color> colors;
  if (o.color) {
    colors = *o.color;
  } else {
    colors.emplace_back(ax.next_patch_color());
  }

  if (o.log.value_or(false)) {
    ScaleOptions so;
    so.nonpositive = "clip";
    if (vertical) {
      ax.set_yscale("log", so);
    } else {
      ax.set_xscale("log", so);
    }
  }

  const std::size_t lw_size = o.linewidth ? o.linewidth->size() : 1;
  const std::size_t hatch_size = o.hatch ? o.hatch->size() : 1;
  const std::size_t n = broadcast_size(who, {{vertical ? "x" : "y", pos.size()},
                                             {vertical ? "height" : "width", value.size()},
                                             {vertical ? "width" : "height", thick.size()},
                                             {vertical ? "bottom" : "left", base.size()},
                                             {"linewidth", lw_size},
                                             {"hatch", hatch_size}});

  std::vector<std::string> patch_labels(n, "_nolegend_");
  std::string container_label = o.label.value_or("");
  if (o.labels) {
    if (o.labels->size() != n) {
      throw ValueError(fmt::format("number of labels ({}) does not match number of bars ({}).",
                                   o.labels->size(), n));
    }
    patch_labels = *o.labels;
    container_label = "_nolegend_";
  }
  if (o.tick_label && o.tick_label->size() != 1 && o.tick_label->size() != n) {
    throw ValueError(fmt::format("{}: tick_label has {} labels but there are {} bars", who,
                                 o.tick_label->size(), n));
  }

  auto at = [](const std::vector<double>& v, std::size_t i) { return v[v.size() == 1 ? 0 : i]; };
  // x, y (the baseline), width, height of each bar in matplotlib's terms.
  std::vector<double> xs(n), ys(n), ws(n), hs(n), left(n), bottom(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (vertical) {
      xs[i] = at(pos, i);
      hs[i] = at(value, i);
      ws[i] = thick.at(i);
      ys[i] = base.at(i);
    } else {
      ys[i] = at(pos, i);
      ws[i] = at(value, i);
      hs[i] = thick.at(i);
      xs[i] = base.at(i);
    }
    if (align == "center") {
      if (vertical) {
        left[i] = xs[i] - ws[i] / 2;
        bottom[i] = ys[i];
      } else {
        bottom[i] = ys[i] - hs[i] / 2;
        left[i] = xs[i];
      }
    } else {
      left[i] = xs[i];
      bottom[i] = ys[i];
    }
  }

  auto container = std::make_unique<BarContainer>();
  container->orientation = vertical ? "vertical" : "horizontal";
  for (std::size_t i = 0; i < n; ++i) {
    PatchOptions po;
    // Colors cycle; an empty list gives "none" (matplotlib's fallback).
    po.facecolor = colors.empty() ? Color("none") : colors[i % colors.size()];
    if (o.edgecolor) {
      po.edgecolor = o.edgecolor->empty() ? Color("none") : (*o.edgecolor)[i % o.edgecolor->size()];
    }
    if (o.linewidth) po.linewidth = o.linewidth->values()[i % o.linewidth->size()];
    if (o.hatch && !o.hatch->empty()) po.hatch = (*o.hatch)[i % o.hatch->size()];
    po.label = patch_labels[i];
    po.linestyle = o.linestyle;
    po.fill = o.fill;
    po.alpha = o.alpha;
    po.zorder = o.zorder;
    po.antialiased = o.antialiased;
    auto r = std::make_unique<Rectangle>(Point{left[i], bottom[i]}, ws[i], hs[i], po);
    if (vertical) {
      r->sticky_edges().y.push_back(bottom[i]);
    } else {
      r->sticky_edges().x.push_back(left[i]);
    }
    container->patches.push_back(static_cast<Rectangle*>(&ax.add_patch(std::move(r))));
  }

  if (xerr || yerr) {
    std::vector<double> ex(n), ey(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (vertical) {
        ex[i] = left[i] + 0.5 * ws[i];
        ey[i] = bottom[i] + hs[i];
      } else {
        ex[i] = left[i] + ws[i];
        ey[i] = bottom[i] + 0.5 * hs[i];
      }
    }
    ErrorbarOptions eo = o.error_kw.value_or(ErrorbarOptions{});
    if (!eo.zorder && o.zorder) eo.zorder = *o.zorder + 0.01;
    if (!eo.ecolor) eo.ecolor = o.ecolor.value_or(Color("k"));
    if (!eo.capsize) eo.capsize = o.capsize.value_or(p.get_double("errorbar.capsize"));
    if (!eo.label) eo.label = "_nolegend_";
    eo.fmt = "none";
    eo.xerr = xerr;
    eo.yerr = yerr;
    container->errorbar = &ax.errorbar(ex, ey, eo);
  }
  ax.request_autoscale_view();

  container->datavalues.resize(n);
  for (std::size_t i = 0; i < n; ++i) container->datavalues[i] = vertical ? hs[i] : ws[i];
  container->set_label(container_label);

  if (o.tick_label) {
    std::vector<std::string> labels(n);
    for (std::size_t i = 0; i < n; ++i) {
      labels[i] = (*o.tick_label)[o.tick_label->size() == 1 ? 0 : i];
    }
    Axis& axis = vertical ? ax.xaxis() : ax.yaxis();
    axis.set_ticks(vertical ? xs : ys, std::move(labels));
  }
  return static_cast<BarContainer&>(ax.add_artist(std::move(container)));
}

// ---- hist -------------------------------------------------------------------------------------

// numpy's pairwise summation of a contiguous float64 block (loops_utils.h).
double pairwise_sum(const double* v, std::size_t k) {
  if (k < 8) {
    double s = 0.0;
    for (std::size_t i = 0; i < k; ++i) s += v[i];
    return s;
  }
  if (k <= 128) {
    double acc[8];
    for (std::size_t j = 0; j < 8; ++j) acc[j] = v[j];
    std::size_t i = 8;
    for (; i < k - (k % 8); i += 8) {
      for (std::size_t j = 0; j < 8; ++j) acc[j] += v[i + j];
    }
    double s = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for (; i < k; ++i) s += v[i];
    return s;
  }
  std::size_t k2 = k / 2;
  k2 -= k2 % 8;
  return pairwise_sum(v, k2) + pairwise_sum(v + k2, k - k2);
}

// np.sum of a float64 row: buffers of 8192 values, each summed pairwise, accumulated in order
// (for the integer counts of an unweighted histogram any order gives the same exact sum).
double row_sum(const std::vector<double>& a) {
  double r = 0.0;
  constexpr std::size_t kBuffer = 8192;
  for (std::size_t first = 0; first < a.size(); first += kBuffer) {
    r += pairwise_sum(a.data() + first, std::min(kBuffer, a.size() - first));
  }
  return r;
}

}  // namespace

// ---- Axes: bar, barh --------------------------------------------------------------------------

BarContainer& Axes::bar(std::span<const double> x, std::span<const double> height,
                        const BarOptions& options) {
  return bar_impl(*this, true, {x.begin(), x.end()}, {height.begin(), height.end()}, options);
}

BarContainer& Axes::bar_units(const UnitValues& x, std::span<const double> height,
                              const BarOptions& options) {
  std::vector<double> xs = xaxis_->convert_units(x);
  return bar_impl(*this, true, std::move(xs), {height.begin(), height.end()}, options,
                  x.kind() != UnitKind::numbers);
}

BarContainer& Axes::barh(std::span<const double> y, std::span<const double> width,
                         const BarOptions& options) {
  return bar_impl(*this, false, {y.begin(), y.end()}, {width.begin(), width.end()}, options);
}

BarContainer& Axes::barh_units(const UnitValues& y, std::span<const double> width,
                               const BarOptions& options) {
  std::vector<double> ys = yaxis_->convert_units(y);
  return bar_impl(*this, false, std::move(ys), {width.begin(), width.end()}, options,
                  y.kind() != UnitKind::numbers);
}

// ---- bar_label --------------------------------------------------------------------------------

std::vector<Text*> Axes::bar_label(const BarContainer& container, const BarLabelOptions& options) {
  if (options.text.ha) throw ValueError("Passing 'ha' to bar_label() is not supported.");
  if (options.text.va) throw ValueError("Passing 'va' to bar_label() is not supported.");
  const std::string label_type = options.label_type.value_or("edge");
  check_in_list("label_type", label_type, {"edge", "center"});
  const std::string fmt_str = options.fmt.value_or("%g");
  std::optional<FormatStrFormatter> formatter;
  try {
    formatter.emplace(fmt_str);
  } catch (const ValueError& e) {
    throw ValueError(
        fmt::format("bar_label: fmt '{}' is not a valid format ({})", fmt_str, e.what()));
  }
  const double padding = options.padding.value_or(0.0);
  const auto [ya, yb] = get_ylim();
  const bool y_inverted = ya > yb;
  const auto [xa, xb] = get_xlim();
  const bool x_inverted = xa > xb;
  auto sign = [](double v) { return v >= 0 ? 1.0 : -1.0; };

  const auto& bars = container.patches;
  const std::vector<double>& datavalues = container.datavalues;
  const std::vector<std::string> labels = options.labels.value_or(std::vector<std::string>{});
  if (labels.size() > bars.size()) {
    throw ValueError(
        fmt::format("bar_label: {} labels given for {} bars", labels.size(), bars.size()));
  }
  // The segments of the first error bar collection (x errors when there are both, as
  // matplotlib's lines[2][0]).
  std::vector<std::vector<Point>> errs;
  if (container.errorbar && !container.errorbar->barlinecols.empty()) {
    errs = container.errorbar->barlinecols.front()->get_segments();
  }
  const bool vertical = container.orientation == "vertical";

  std::vector<Text*> out;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Rectangle& bar = *bars[i];
    const Bbox bb = bar.get_bbox();
    const double x0 = bb.x0, y0 = bb.y0, x1 = bb.x1, y1 = bb.y1;
    const double xc = (x0 + x1) / 2, yc = (y0 + y1) / 2;
    const double dat = i < datavalues.size() ? datavalues[i] : kNaN;
    double extrema = 0, length = 0;
    if (vertical) {
      extrema = dat >= 0 ? std::max(y0, y1) : std::min(y0, y1);
      length = std::abs(y0 - y1);
    } else {
      extrema = dat >= 0 ? std::max(x0, x1) : std::min(x0, x1);
      length = std::abs(x0 - x1);
    }
    double endpt = extrema;
    if (i < errs.size() && !errs[i].empty()) {
      double lo = std::numeric_limits<double>::infinity(), hi = -lo;
      for (const Point& q : errs[i]) {
        const double v = vertical ? q.y : q.x;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
      endpt = dat >= 0 ? hi : lo;
    }
    const bool center = label_type == "center";
    const double value = center ? sign(dat) * length : extrema;
    Point xy = center ? Point{xc, yc} : (vertical ? Point{xc, endpt} : Point{endpt, yc});
    Point xytext{0, 0};
    if (vertical) {
      xytext.y = (y_inverted ? -1.0 : 1.0) * sign(dat) * padding;
    } else {
      xytext.x = (x_inverted ? -1.0 : 1.0) * sign(dat) * padding;
    }
    std::string ha = "center", va = "center";
    if (!center) {
      if (vertical) {
        ha = "center";
        if (y_inverted) {
          va = dat > 0 ? "top" : "bottom";
        } else {
          va = dat < 0 ? "top" : "bottom";
        }
      } else {
        if (x_inverted) {
          ha = dat > 0 ? "right" : "left";
        } else {
          ha = dat < 0 ? "right" : "left";
        }
        va = "center";
      }
    }
    std::string text = i < labels.size() ? labels[i] : (*formatter)(value);
    if (std::isnan(dat)) text.clear();
    TextOptions to = options.text;
    to.ha = ha;
    to.va = va;
    if (!to.clip_on) to.clip_on = false;
    auto t = std::make_unique<OffsetAnnotation>(xy, std::move(text), to);
    t->set_transform(trans_data_ + ScaledTranslation::make(xytext.x / 72.0, xytext.y / 72.0,
                                                           figure_->dpi_scale_trans()));
    out.push_back(static_cast<Text*>(&add_artist(std::move(t))));
  }
  return out;
}

// ---- hist -------------------------------------------------------------------------------------

HistResult Axes::hist(std::span<const double> x, const HistPlotOptions& options) {
  const std::span<const double> one[] = {x};
  return hist(std::span<const std::span<const double>>(one), options);
}

HistResult Axes::hist(const std::vector<std::vector<double>>& datasets,
                      const HistPlotOptions& options) {
  std::vector<std::span<const double>> spans(datasets.begin(), datasets.end());
  return hist(std::span<const std::span<const double>>(spans), options);
}

HistResult Axes::hist(std::span<const std::span<const double>> x, const HistPlotOptions& o) {
  const RcParams p = rc();
  const std::string histtype = o.histtype.value_or("bar");
  const std::string align = o.align.value_or("mid");
  const std::string orientation = o.orientation.value_or("vertical");
  check_in_list("histtype", histtype, {"bar", "barstacked", "step", "stepfilled"});
  check_in_list("align", align, {"left", "mid", "right"});
  check_in_list("orientation", orientation, {"horizontal", "vertical"});
  const bool vertical = orientation == "vertical";
  bool stacked = o.stacked.value_or(false);
  if (histtype == "barstacked") stacked = true;
  const std::size_t nx = x.size();
  if (nx == 0) throw ValueError("hist: x must hold at least one dataset");

  BinSpec bins = o.bins ? *o.bins : BinSpec(10);
  if (!o.bins) {
    const std::string b = p.get_string("hist.bins");
    char* end = nullptr;
    const long v = std::strtol(b.c_str(), &end, 10);
    bins = (end && *end == '\0' && !b.empty()) ? BinSpec(static_cast<int>(v)) : BinSpec(b);
  }

  std::vector<std::vector<double>> w(nx);
  if (o.weights) {
    if (o.weights->size() != nx) {
      throw ValueError(
          fmt::format("weights should have the same shape as x ({} datasets but {} "
                      "weight arrays)",
                      nx, o.weights->size()));
    }
    w = *o.weights;
  }
  bool input_empty = true;
  for (std::size_t i = 0; i < nx; ++i) {
    if (o.weights && w[i].size() != x[i].size()) {
      throw ValueError(fmt::format(
          "weights should have the same shape as x (dataset {} has {} values and {} weights)", i,
          x[i].size(), w[i].size()));
    }
    if (!x[i].empty()) input_empty = false;
  }

  std::vector<Color> color;
  if (!o.color) {
    for (std::size_t i = 0; i < nx; ++i) color.emplace_back(next_line_color());
  } else {
    color = *o.color;
    if (color.size() != nx) {
      throw ValueError(
          fmt::format("The 'color' keyword argument must have one color per dataset, but {} "
                      "datasets and {} colors were provided",
                      nx, color.size()));
    }
  }

  // The range over all datasets, ignoring NaN (python's min/max of np.nanmin/np.nanmax).
  std::optional<std::pair<double, double>> bin_range = o.range;
  if (!bin_range) {
    double xmin = std::numeric_limits<double>::infinity(), xmax = -xmin;
    for (const auto& xi : x) {
      // NaN compares false, so it never replaces a bound (no branch per value).
      for (double v : xi) {
        xmin = v < xmin ? v : xmin;
        xmax = v > xmax ? v : xmax;
      }
    }
    if (xmin <= xmax) bin_range = std::pair{xmin, xmax};
  }
  // Several datasets: common edges from all of them (concatenated only then); empty input:
  // numpy's default (0, 1).
  std::vector<double> all, all_w;
  std::span<const double> all_x = x[0];
  std::span<const double> all_wx =
      o.weights ? std::span<const double>(w[0]) : std::span<const double>();
  if (nx > 1) {
    for (std::size_t i = 0; i < nx; ++i) {
      all.insert(all.end(), x[i].begin(), x[i].end());
      if (o.weights) all_w.insert(all_w.end(), w[i].begin(), w[i].end());
    }
    all_x = all;
    all_wx = all_w;
  }
  const std::vector<double> edges =
      histogram_bin_edges(all_x, bins, (input_empty && nx > 1) ? std::nullopt : bin_range, all_wx);
  const std::size_t nb = edges.size() - 1;

  const bool density = o.density.value_or(false);
  std::vector<double> db(nb);
  for (std::size_t i = 0; i < nb; ++i) db[i] = edges[i + 1] - edges[i];

  // Counts through the data layer: a HistContainer over the fixed edges.
  std::vector<std::vector<double>> tops(nx);
  for (std::size_t i = 0; i < nx; ++i) {
    HistOptions ho;
    ho.edges = edges;
    if (o.weights) ho.weights = DataRef(w[i]);
    // Borrowed: the container lives only for this query, within the call.
    const HistContainer hc{strata::view(x[i]), ho};
    tops[i] = hc.query(*IdentityTransform::make(), {1, 1}).at("counts").to_vector();
    if (density && !stacked) {
      // numpy.histogram: n / db / n.sum()
      const double s = row_sum(tops[i]);
      for (std::size_t k = 0; k < nb; ++k) tops[i][k] = tops[i][k] / db[k] / s;
    }
  }
  if (stacked) {
    for (std::size_t i = 1; i < nx; ++i) {
      for (std::size_t k = 0; k < nb; ++k) tops[i][k] += tops[i - 1][k];
    }
    if (density) {
      const double s = row_sum(tops.back());
      for (auto& t : tops) {
        for (std::size_t k = 0; k < nb; ++k) t[k] = (t[k] / db[k]) / s;
      }
    }
  }
  const int cumulative = o.cumulative.value_or(0);
  if (cumulative != 0) {
    for (auto& t : tops) {
      if (density) {
        for (std::size_t k = 0; k < nb; ++k) t[k] = t[k] * db[k];
      }
      if (cumulative < 0) {
        for (std::size_t k = nb - 1; k-- > 0;) t[k] += t[k + 1];
      } else {
        for (std::size_t k = 1; k < nb; ++k) t[k] += t[k - 1];
      }
    }
  }

  HistResult result;
  result.n = tops;
  result.bins = edges;
  std::vector<std::vector<Patch*>> patches;
  const bool log = o.log.value_or(false);

  if (histtype.starts_with("bar")) {
    double dr = 1.0;
    if (o.rwidth) {
      dr = std::clamp(*o.rwidth, 0.0, 1.0);
    } else if (tops.size() > 1 && !stacked) {
      dr = 0.8;
    }
    std::vector<double> width(nb), boffset(nb, 0.0);
    bool side_by_side = false;  // dw = width: each dataset shifted by one bar width
    if (histtype == "bar" && !stacked) {
      for (std::size_t k = 0; k < nb; ++k) {
        width[k] = dr * db[k] / static_cast<double>(nx);
        boffset[k] = -0.5 * dr * db[k] * (1 - 1 / static_cast<double>(nx));
      }
      side_by_side = true;
    } else {
      for (std::size_t k = 0; k < nb; ++k) width[k] = dr * db[k];
    }
    for (std::size_t k = 0; k < nb; ++k) {
      if (align == "mid") boffset[k] += 0.5 * db[k];
      if (align == "right") boffset[k] += db[k];
    }
    std::optional<std::vector<double>> bottom;
    if (o.bottom) {
      bottom = std::vector<double>(nb);
      if (o.bottom->size() != 1 && o.bottom->size() != nb) {
        throw ValueError(
            fmt::format("hist: bottom has {} values but there are {} bins", o.bottom->size(), nb));
      }
      for (std::size_t k = 0; k < nb; ++k) (*bottom)[k] = o.bottom->at(k);
    }
    for (std::size_t i = 0; i < nx; ++i) {
      const std::vector<double>& m = tops[i];
      if (!bottom) bottom = std::vector<double>(nb, 0.0);
      std::vector<double> height(nb), posv(nb);
      for (std::size_t k = 0; k < nb; ++k) {
        height[k] = stacked ? m[k] - (*bottom)[k] : m[k];
        posv[k] = edges[k] + boffset[k];
      }
      BarOptions bo;
      bo.align = "center";
      bo.log = log;
      bo.color = std::vector<Color>{color[i]};
      if (vertical) {
        bo.width = width;
        bo.bottom = *bottom;
      } else {
        bo.height = width;
        bo.left = *bottom;
      }
      BarContainer& bars = bar_impl(*this, vertical, posv, height, bo);
      result.containers.push_back(&bars);
      patches.emplace_back(bars.patches.begin(), bars.patches.end());
      if (stacked) bottom = m;
      if (side_by_side) {
        for (std::size_t k = 0; k < nb; ++k) boffset[k] += width[k];
      }
    }
    // Only the lowest bars keep their sticky edges, so that the margins can cross the others.
    for (std::size_t i = 1; i < patches.size(); ++i) {
      for (Patch* pa : patches[i]) {
        pa->sticky_edges().x.clear();
        pa->sticky_edges().y.clear();
      }
    }
  } else {
    // The outline of the polygons: 4 * len(bins) - 3 points.
    const std::size_t ne = edges.size();
    const std::size_t np = 4 * ne - 3;
    std::vector<double> xv(np, 0.0), yv(np, 0.0);
    for (std::size_t k = 0; k < ne; ++k) xv[2 * k] = edges[k];
    for (std::size_t k = 0; k + 1 < ne; ++k) xv[2 * k + 1] = edges[k];
    for (std::size_t k = 0; k < 2 * ne - 2; ++k) xv[2 * ne - 1 + k] = xv[2 * ne - 2 - k];
    std::vector<double> bottom(nb, 0.0);
    if (o.bottom) {
      if (o.bottom->size() != 1 && o.bottom->size() != nb) {
        throw ValueError(
            fmt::format("hist: bottom has {} values but there are {} bins", o.bottom->size(), nb));
      }
      for (std::size_t k = 0; k < nb; ++k) bottom[k] = o.bottom->at(k);
    }
    // y[1:2nb-1:2] = y[2:2nb:2] = bottom (per bin)
    for (std::size_t k = 0; k < nb; ++k) {
      yv[2 * k + 1] = bottom[k];
      yv[2 * k + 2] = bottom[k];
    }
    auto mirror = [&] {
      for (std::size_t k = 0; k < 2 * ne - 2; ++k) yv[2 * ne - 1 + k] = yv[2 * ne - 2 - k];
    };
    mirror();
    if (log) {
      ScaleOptions so;
      so.nonpositive = "clip";
      if (vertical) {
        set_yscale("log", so);
      } else {
        set_xscale("log", so);
      }
    }
    if (align == "left") {
      for (double& v : xv) v -= 0.5 * (edges[1] - edges[0]);
    } else if (align == "right") {
      for (double& v : xv) v += 0.5 * (edges[1] - edges[0]);
    }
    const bool fill = histtype == "stepfilled";
    std::vector<std::vector<Point>> polys;
    for (std::size_t i = 0; i < nx; ++i) {
      if (stacked) mirror();
      for (std::size_t k = 0; k < nb; ++k) {
        yv[2 * k + 1] = tops[i][k] + bottom[k];
        yv[2 * k + 2] = tops[i][k] + bottom[k];
      }
      yv[0] = yv[np - 1];
      const std::size_t split = fill ? np - 1 : 2 * ne;
      std::vector<Point> pts(split);
      for (std::size_t k = 0; k < split; ++k) {
        pts[k] = vertical ? Point{xv[k], yv[k]} : Point{yv[k], xv[k]};
      }
      polys.push_back(std::move(pts));
    }
    // Added in reverse order, so that lower items of a stack are drawn on top.
    patches.resize(nx);
    for (std::size_t i = nx; i-- > 0;) {
      (void)next_patch_color();  // fill() takes (and discards) a color of the patch cycle
      PatchOptions po;
      po.facecolor = color[i];
      if (!fill) {
        po.edgecolor = color[i];
        po.fill = false;
        po.zorder = 2.0;  // Line2D.zorder
      }
      auto poly = std::make_unique<Polygon>(std::move(polys[i]), fill, po);
      if (vertical) {
        poly->sticky_edges().y.push_back(0);
      } else {
        poly->sticky_edges().x.push_back(0);
      }
      patches[i].push_back(&add_patch(std::move(poly)));
    }
    request_autoscale_view();
  }

  // Labels on the first patch of each dataset; hist's Patch keywords on every patch.
  const std::vector<std::string> labels = o.label.value_or(std::vector<std::string>{});
  for (std::size_t i = 0; i < patches.size(); ++i) {
    for (std::size_t k = 0; k < patches[i].size(); ++k) {
      Patch& pa = *patches[i][k];
      if (o.facecolor) pa.set_facecolor(*o.facecolor);
      if (o.edgecolor) pa.set_edgecolor(*o.edgecolor);
      if (o.linewidth) pa.set_linewidth(*o.linewidth);
      if (o.linestyle) pa.set_linestyle(*o.linestyle);
      if (o.hatch) pa.set_hatch(*o.hatch);
      if (o.fill) pa.set_fill(*o.fill);
      if (o.alpha) pa.set_alpha(*o.alpha);
      if (o.zorder) pa.set_zorder(*o.zorder);
      if (k == 0) {
        if (i < labels.size()) pa.set_label(labels[i]);
      } else {
        pa.set_label("_nolegend_");
      }
    }
  }
  result.patches = std::move(patches);
  return result;
}

// ---- step, stairs ------------------------------------------------------------------------------

Line2D& Axes::step(std::span<const double> x, std::span<const double> y, std::string_view fmt,
                   const StepOptions& options) {
  const std::string where = options.where.value_or("pre");
  check_in_list("where", where, {"pre", "post", "mid"});
  Line2DOptions lo = options.line;
  lo.drawstyle = "steps-" + where;
  return plot(x, y, fmt, lo);
}

StepPatch& Axes::stairs(std::span<const double> values, const StairsOptions& options) {
  std::vector<double> edges;
  if (options.edges) {
    edges = *options.edges;
  } else {
    edges.resize(values.size() + 1);
    for (std::size_t i = 0; i < edges.size(); ++i) edges[i] = static_cast<double>(i);
  }
  if (edges.size() != values.size() + 1) {
    throw ValueError(
        fmt::format("Size mismatch between \"values\" and \"edges\". Expected `len(values) + 1 == "
                    "len(edges)`, but `len(values) = {}` and `len(edges) = {}`.",
                    values.size(), edges.size()));
  }
  auto data = std::make_shared<ArrayContainer>(
      std::map<std::string, DataRef>{{"values", values}, {"edges", DataRef(edges)}},
      std::map<std::string, std::string>{{"edges", "N+1"}});
  return stairs(std::move(data), "values", options);
}

StepPatch& Axes::stairs(DataContainerPtr data, std::string values_field,
                        const StairsOptions& options) {
  if (!data) throw ValueError("stairs: data container must not be null");
  const std::string orientation = options.orientation.value_or("vertical");
  check_in_list("orientation", orientation, {"vertical", "horizontal"});
  const Color color = options.color ? *options.color : Color(next_line_color());
  const bool fill = options.fill.value_or(false);
  PatchOptions po;
  po.fill = fill;
  po.facecolor = options.facecolor;
  po.edgecolor = options.edgecolor;
  po.linewidth = options.linewidth;
  if (fill) {
    if (!po.linewidth) po.linewidth = 0.0;
    if (!po.facecolor) po.facecolor = color;
  } else if (!po.edgecolor) {
    po.edgecolor = color;
  }
  po.linestyle = options.linestyle;
  po.hatch = options.hatch;
  po.alpha = options.alpha;
  po.zorder = options.zorder;
  po.label = options.label;
  auto patch =
      std::make_unique<StepPatch>(data, std::move(values_field), options.baseline, orientation, po);
  StepPatch& sp = static_cast<StepPatch&>(add_patch(std::move(patch)));
  double base = 0.0;
  if (const auto* b = std::get_if<double>(&options.baseline)) base = *b;
  if (const auto* b = std::get_if<std::vector<double>>(&options.baseline)) {
    if (!b->empty()) base = *std::min_element(b->begin(), b->end());
  }
  const std::vector<double> edges = sp.get_edges();
  const double e0 = edges.empty() ? 0.0 : edges.front();
  if (orientation == "vertical") {
    sp.sticky_edges().y.push_back(base);
    const Point pt{e0, base};
    update_datalim(std::span<const Point>(&pt, 1));
  } else {
    sp.sticky_edges().x.push_back(base);
    const Point pt{base, e0};
    update_datalim(std::span<const Point>(&pt, 1));
  }
  request_autoscale_view();
  return sp;
}

// ---- errorbar -----------------------------------------------------------------------------------

ErrorbarContainer& Axes::errorbar(std::span<const double> x, std::span<const double> y,
                                  const ErrorbarOptions& o) {
  const RcParams p = rc();
  if (x.size() != y.size()) {
    throw ValueError(
        fmt::format("'x' and 'y' must have the same size ({} and {} values)", x.size(), y.size()));
  }
  const std::size_t n = x.size();
  const std::vector<bool> everymask = errorevery_mask(n, o.errorevery);
  const double zorder = o.zorder.value_or(2.0);
  const std::string fmt_str = o.fmt.value_or("");
  std::string fmt_lower = fmt_str;
  std::transform(fmt_lower.begin(), fmt_lower.end(), fmt_lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool no_line = fmt_lower == "none";

  // Validate the error arrays before anything is added.
  std::optional<std::pair<std::vector<double>, std::vector<double>>> xe, ye;
  if (o.xerr) xe = broadcast_err('x', *o.xerr, n);
  if (o.yerr) ye = broadcast_err('y', *o.yerr, n);
  const std::vector<bool> xlolims = broadcast_bools("xlolims", o.xlolims, n);
  const std::vector<bool> xuplims = broadcast_bools("xuplims", o.xuplims, n);
  const std::vector<bool> lolims = broadcast_bools("lolims", o.lolims, n);
  const std::vector<bool> uplims = broadcast_bools("uplims", o.uplims, n);

  auto container = std::make_unique<ErrorbarContainer>();
  container->has_xerr = o.xerr.has_value();
  container->has_yerr = o.yerr.has_value();

  // The data line and the base style (matplotlib's _plot_args with return_kwargs).
  Rgba base_color;
  if (!no_line) {
    Line2DOptions lo;
    if (!fmt_str.empty()) {
      const PlotFormat f = parse_plot_format(fmt_str);
      if (f.color) lo.color = Color(*f.color);
      if (f.marker) lo.marker = f.marker;
      if (f.linestyle) lo.linestyle = f.linestyle;
    }
    if (o.color) lo.color = *o.color;
    if (o.linestyle) lo.linestyle = *o.linestyle;
    if (o.marker) lo.marker = *o.marker;
    if (!lo.color) lo.color = Color(next_line_color());
    lo.linewidth = o.linewidth;
    lo.markersize = o.markersize;
    lo.markeredgewidth = o.markeredgewidth;
    lo.markeredgecolor = o.markeredgecolor;
    lo.markerfacecolor = o.markerfacecolor;
    lo.alpha = o.alpha;
    lo.zorder = zorder;
    lo.label = "_nolegend_";
    auto line = std::make_unique<Line2D>(x, y, lo);
    line->set_zorder(o.barsabove.value_or(false) ? zorder - 0.1 : zorder + 0.1);
    base_color = line->get_color();
    container->data_line = &add_line(std::move(line));
  } else {
    base_color = to_rgba(o.color.value_or(Color("C0")));
  }
  const Rgba ecolor = o.ecolor ? to_rgba(*o.ecolor) : base_color;
  const double capsize = o.capsize.value_or(p.get_double("errorbar.capsize"));

  // Styles of the bars (a LineCollection per direction) and caps.
  CollectionOptions bar_style;
  bar_style.colors = ColorArray(ecolor);
  if (o.elinewidth) {
    bar_style.linewidths = {*o.elinewidth};
  } else if (o.linewidth) {
    bar_style.linewidths = {*o.linewidth};
  }
  bar_style.alpha = o.alpha;
  bar_style.zorder = zorder;
  bar_style.label = "_nolegend_";
  Line2DOptions cap_style;
  cap_style.color = Color(ecolor);
  cap_style.linestyle = "none";
  cap_style.linewidth = o.linewidth;
  if (capsize > 0) cap_style.markersize = 2.0 * capsize;
  if (o.capthick) cap_style.markeredgewidth = *o.capthick;
  if (o.markeredgewidth) cap_style.markeredgewidth = *o.markeredgewidth;
  cap_style.alpha = o.alpha;
  cap_style.zorder = zorder;
  cap_style.label = "_nolegend_";

  std::vector<std::unique_ptr<Line2D>> caplines;
  const std::vector<double> xs(x.begin(), x.end()), ys(y.begin(), y.end());
  struct Dir {
    char axis;
    const std::vector<double>& dep;
    const std::optional<std::pair<std::vector<double>, std::vector<double>>>& err;
    const std::vector<bool>& lolims;
    const std::vector<bool>& uplims;
    const std::vector<double>& indep;
    const char* marker;
    int lomarker;
    int himarker;
  };
  const Dir dirs[2] = {
      {'x', xs, xe, xlolims, xuplims, ys, "|", markers::caretrightbase, markers::caretleftbase},
      {'y', ys, ye, lolims, uplims, xs, "_", markers::caretupbase, markers::caretdownbase}};
  for (const Dir& d : dirs) {
    if (!d.err) continue;
    const bool is_x = d.axis == 'x';
    std::vector<double> low(n), high(n);
    for (std::size_t i = 0; i < n; ++i) {
      low[i] = d.dep[i] + (-(1.0 - (d.lolims[i] ? 1.0 : 0.0))) * d.err->first[i];
      high[i] = d.dep[i] + (1.0 - (d.uplims[i] ? 1.0 : 0.0)) * d.err->second[i];
    }
    // The bars: hlines / vlines, a LineCollection added without autolim, then the data
    // limits grown by the corners of its segments.
    std::vector<std::vector<Point>> segs;
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!everymask[i]) continue;
      const Point a = is_x ? Point{low[i], d.indep[i]} : Point{d.indep[i], low[i]};
      const Point b = is_x ? Point{high[i], d.indep[i]} : Point{d.indep[i], high[i]};
      segs.push_back({a, b});
      for (const Point& q : {a, b}) {
        if (!std::isnan(q.x)) {
          x0 = std::min(x0, q.x);
          x1 = std::max(x1, q.x);
        }
        if (!std::isnan(q.y)) {
          y0 = std::min(y0, q.y);
          y1 = std::max(y1, q.y);
        }
      }
    }
    auto bars = std::make_unique<LineCollection>(segs, bar_style);
    container->barlinecols.push_back(
        static_cast<LineCollection*>(&add_collection(std::move(bars), false)));
    if (!segs.empty() && x0 <= x1 && y0 <= y1) {
      const Point corners[2] = {{x0, y0}, {x1, y1}};
      update_datalim(corners);
    }
    request_autoscale_view();

    auto masked = [&](const std::vector<double>& v, const std::vector<bool>& m) {
      std::vector<double> out;
      for (std::size_t i = 0; i < n; ++i) {
        if (m[i]) out.push_back(v[i]);
      }
      return out;
    };
    std::vector<bool> nolims(n);
    bool any_nolims = false;
    for (std::size_t i = 0; i < n; ++i) {
      nolims[i] = !(d.lolims[i] || d.uplims[i]) && everymask[i];
      any_nolims = any_nolims || !(d.lolims[i] || d.uplims[i]);
    }
    if (any_nolims && capsize > 0) {
      const std::vector<double> indep_m = masked(d.indep, nolims);
      for (const auto* lh : {&low, &high}) {
        const std::vector<double> lh_m = masked(*lh, nolims);
        Line2DOptions cs = cap_style;
        cs.marker = d.marker;
        caplines.push_back(is_x ? std::make_unique<Line2D>(lh_m, indep_m, cs)
                                : std::make_unique<Line2D>(indep_m, lh_m, cs));
      }
    }
    const Axis& axis = is_x ? *xaxis_ : *yaxis_;
    const std::pair<const std::vector<bool>*, const std::vector<double>*> lims[2] = {
        {&d.lolims, &high}, {&d.uplims, &low}};
    for (int idx = 0; idx < 2; ++idx) {
      const std::vector<bool>& lm = *lims[idx].first;
      if (std::none_of(lm.begin(), lm.end(), [](bool b) { return b; })) continue;
      const int hlmarker = (axis.get_inverted() != (idx == 1)) ? d.himarker : d.lomarker;
      std::vector<bool> sel(n);
      for (std::size_t i = 0; i < n; ++i) sel[i] = lm[i] && everymask[i];
      const std::vector<double> x_m = masked(xs, sel), y_m = masked(ys, sel);
      const std::vector<double> hl_m = masked(*lims[idx].second, sel);
      auto arrow = is_x ? std::make_unique<Line2D>(hl_m, y_m, cap_style)
                        : std::make_unique<Line2D>(x_m, hl_m, cap_style);
      arrow->set_marker(MarkerStyle(hlmarker));
      caplines.push_back(std::move(arrow));
      if (capsize > 0) {
        Line2DOptions cs = cap_style;
        cs.marker = d.marker;
        caplines.push_back(std::make_unique<Line2D>(x_m, y_m, cs));
      }
    }
  }
  for (auto& l : caplines) container->caplines.push_back(&add_line(std::move(l)));
  request_autoscale_view();
  container->set_label(o.label.value_or(""));
  return static_cast<ErrorbarContainer&>(add_artist(std::move(container)));
}

}  // namespace strata
