// SPDX-License-Identifier: MIT
#include "strata/artist/plot_types.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <numbers>

#include "strata/artist/axes.hpp"
#include "strata/artist/collections.hpp"
#include "strata/artist/legend.hpp"
#include "strata/data/array_container.hpp"
#include "strata/data/hist_container.hpp"
#include "strata/error.hpp"
#include "strata/transforms/transform.hpp"

namespace strata {

// ---- ErrorSpec, BinSpec ---------------------------------------------------------------------

ErrorSpec ErrorSpec::asymmetric(std::vector<double> lower, std::vector<double> upper) {
  if (lower.size() != upper.size()) {
    throw ValueError(
        fmt::format("ErrorSpec.asymmetric: lower has {} values but upper has {} (the shape must "
                    "be (2, n))",
                    lower.size(), upper.size()));
  }
  ErrorSpec e;
  e.lower_ = std::move(lower);
  e.upper_ = std::move(upper);
  e.asymmetric_ = true;
  return e;
}

BinSpec::BinSpec(int count) : spec_(count) {}
BinSpec::BinSpec(std::vector<double> edges) : spec_(std::move(edges)) {}
BinSpec::BinSpec(std::span<const double> edges)
    : spec_(std::vector<double>(edges.begin(), edges.end())) {}
BinSpec::BinSpec(std::string_view strategy) : spec_(std::string(strategy)) {}
BinSpec::BinSpec(const char* strategy) : spec_(std::string(strategy ? strategy : "")) {}
BinSpec::BinSpec(const std::string& strategy) : spec_(strategy) {}

// ---- numpy.histogram_bin_edges --------------------------------------------------------------

namespace {

// numpy's pairwise summation of a contiguous float64 block (loops_utils.h: 8 accumulators,
// blocks of 128, halves rounded to multiples of 8).
double pairwise_sum(const double* a, std::size_t n) {
  if (n < 8) {
    double r = 0.0;
    for (std::size_t i = 0; i < n; ++i) r += a[i];
    return r;
  }
  if (n <= 128) {
    double r[8];
    for (int j = 0; j < 8; ++j) r[j] = a[j];
    std::size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (std::size_t j = 0; j < 8; ++j) r[j] += a[i + j];
    }
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += a[i];
    return res;
  }
  std::size_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise_sum(a, n2) + pairwise_sum(a + n2, n - n2);
}

// np.sum of a float64 array: the reduction hands the loop buffers of 8192 values, each summed
// pairwise and accumulated in order.
double np_sum(const std::vector<double>& a) {
  double r = 0.0;
  constexpr std::size_t kBuffer = 8192;
  for (std::size_t first = 0; first < a.size(); first += kBuffer) {
    r += pairwise_sum(a.data() + first, std::min(kBuffer, a.size() - first));
  }
  return r;
}

double np_mean(const std::vector<double>& a) { return np_sum(a) / static_cast<double>(a.size()); }

// np.std (ddof 0): sqrt(mean(|x - mean(x)|^2)).
double np_std(const std::vector<double>& a) {
  const double m = np_mean(a);
  std::vector<double> d(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double v = a[i] - m;
    d[i] = v * v;
  }
  return std::sqrt(np_sum(d) / static_cast<double>(a.size()));
}

// np.percentile(a, q) with the default "linear" method, `sorted` ascending.
double np_percentile(const std::vector<double>& sorted, double q) {
  const double quantile = q / 100.0;
  const std::size_t n = sorted.size();
  const double virt = static_cast<double>(n - 1) * quantile;
  double prev_i = std::floor(virt);
  std::size_t prev = static_cast<std::size_t>(prev_i);
  std::size_t next = prev + 1;
  if (virt >= static_cast<double>(n - 1)) prev = next = n - 1;
  if (virt < 0) prev = next = 0;
  const double gamma = virt - prev_i;
  const double a = sorted[prev], b = sorted[next];
  const double diff = b - a;
  if (gamma >= 0.5) return b - diff * (1 - gamma);
  return a + diff * gamma;
}

double ptp(const std::vector<double>& x) {
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  return *hi - *lo;
}

double bin_sqrt(const std::vector<double>& x) {
  return ptp(x) / std::sqrt(static_cast<double>(x.size()));
}

double bin_sturges(const std::vector<double>& x) {
  return ptp(x) / (std::log2(static_cast<double>(x.size())) + 1.0);
}

double bin_rice(const std::vector<double>& x) {
  return ptp(x) / (2.0 * std::pow(static_cast<double>(x.size()), 1.0 / 3));
}

double bin_scott(const std::vector<double>& x) {
  return std::pow(24.0 * std::pow(std::numbers::pi, 0.5) / static_cast<double>(x.size()),
                  1.0 / 3.0) *
         np_std(x);
}

double bin_doane(const std::vector<double>& x) {
  const double n = static_cast<double>(x.size());
  if (x.size() > 2) {
    const double sg1 = std::sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)));
    const double sigma = np_std(x);
    if (sigma > 0.0) {
      const double m = np_mean(x);
      std::vector<double> t(x.size());
      for (std::size_t i = 0; i < x.size(); ++i) t[i] = std::pow((x[i] - m) / sigma, 3.0);
      const double g1 = np_mean(t);
      return ptp(x) / (1.0 + std::log2(n) + std::log2(1.0 + std::abs(g1) / sg1));
    }
  }
  return 0.0;
}

double bin_fd(const std::vector<double>& x) {
  std::vector<double> s = x;
  std::sort(s.begin(), s.end());
  const double iqr = np_percentile(s, 75) - np_percentile(s, 25);
  return 2.0 * iqr * std::pow(static_cast<double>(x.size()), -1.0 / 3.0);
}

double bin_auto(const std::vector<double>& x) {
  const double fd = bin_fd(x);
  const double sturges = bin_sturges(x);
  return fd != 0.0 ? std::min(fd, sturges) : sturges;
}

std::vector<double> linspace(double lo, double hi, std::size_t bins) {
  std::vector<double> e(bins + 1);
  const double step = (hi - lo) / static_cast<double>(bins);
  for (std::size_t i = 0; i < bins; ++i) e[i] = static_cast<double>(i) * step + lo;
  e[bins] = hi;
  return e;
}

double bin_stone(const std::vector<double>& x, double lo, double hi) {
  const std::size_t n = x.size();
  const double ptp_x = ptp(x);
  if (n <= 1 || ptp_x == 0) return 0;
  const Column samples = Column::from_vector(x);
  const std::size_t upper =
      std::max<std::size_t>(100, static_cast<std::size_t>(std::sqrt(static_cast<double>(n))));
  double best = std::numeric_limits<double>::infinity();
  std::size_t best_bins = 1;
  for (std::size_t nb = 1; nb <= upper; ++nb) {
    const double hh = ptp_x / static_cast<double>(nb);
    Histogram h(linspace(lo, hi, nb));
    h.add(samples);
    double dot = 0.0;
    for (double c : h.counts()) {
      const double p = c / static_cast<double>(n);
      dot += p * p;
    }
    const double j = (2 - static_cast<double>(n + 1) * dot) / hh;
    if (j < best) {
      best = j;
      best_bins = nb;
    }
  }
  return ptp_x / static_cast<double>(best_bins);
}

std::pair<double, double> outer_edges(std::span<const double> a,
                                      std::optional<std::pair<double, double>> range) {
  double first = 0, last = 1;
  if (range) {
    std::tie(first, last) = *range;
    if (first > last) {
      throw ValueError(fmt::format(
          "max must be larger than min in range parameter (range = ({}, {}))", first, last));
    }
    if (!std::isfinite(first) || !std::isfinite(last)) {
      throw ValueError(fmt::format("supplied range of [{}, {}] is not finite", first, last));
    }
  } else if (!a.empty()) {
    // numpy's a.min() / a.max(): NaN propagates.
    first = std::numeric_limits<double>::infinity();
    last = -first;
    bool nan = false;
    for (double v : a) {
      if (std::isnan(v)) nan = true;
      first = std::min(first, v);
      last = std::max(last, v);
    }
    if (nan) first = last = std::numeric_limits<double>::quiet_NaN();
    if (!std::isfinite(first) || !std::isfinite(last)) {
      throw ValueError(fmt::format("autodetected range of [{}, {}] is not finite", first, last));
    }
  }
  if (first == last) {
    first -= 0.5;
    last += 0.5;
  }
  return {first, last};
}

}  // namespace

std::vector<double> histogram_bin_edges(std::span<const double> a, const BinSpec& bins,
                                        std::optional<std::pair<double, double>> range,
                                        std::span<const double> weights) {
  if (!weights.empty() && weights.size() != a.size()) {
    throw ValueError(fmt::format("weights should have the same shape as a ({} vs {} values)",
                                 weights.size(), a.size()));
  }
  if (bins.is_edges()) {
    const std::vector<double>& e = bins.edges();
    for (std::size_t i = 1; i < e.size(); ++i) {
      if (e[i - 1] > e[i]) {
        throw ValueError(
            fmt::format("`bins` must increase monotonically, when an array (bins[{}] = {} after "
                        "bins[{}] = {})",
                        i, e[i], i - 1, e[i - 1]));
      }
    }
    return e;
  }
  std::size_t n_equal = 0;
  double first = 0, last = 1;
  if (bins.is_count()) {
    if (bins.count() < 1) {
      throw ValueError(
          fmt::format("`bins` must be positive, when an integer (bins = {})", bins.count()));
    }
    n_equal = static_cast<std::size_t>(bins.count());
    std::tie(first, last) = outer_edges(a, range);
  } else {
    const std::string& name = bins.strategy();
    static constexpr std::string_view kNames[] = {"stone", "auto",  "doane", "fd",
                                                  "rice",  "scott", "sqrt",  "sturges"};
    if (std::find(std::begin(kNames), std::end(kNames), name) == std::end(kNames)) {
      throw ValueError(fmt::format(
          "'{}' is not a valid estimator for `bins`; supported values are 'auto', 'fd', "
          "'doane', 'scott', 'stone', 'rice', 'sturges', 'sqrt'",
          name));
    }
    if (!weights.empty()) {
      throw ValueError(fmt::format(
          "Automated estimation of the number of bins is not supported for weighted data "
          "(bins = '{}')",
          name));
    }
    std::tie(first, last) = outer_edges(a, range);
    std::vector<double> x;
    x.reserve(a.size());
    for (double v : a) {
      if (!range || (v >= first && v <= last)) x.push_back(v);
    }
    if (x.empty()) {
      n_equal = 1;
    } else {
      double width = 0;
      if (name == "auto") width = bin_auto(x);
      if (name == "fd") width = bin_fd(x);
      if (name == "doane") width = bin_doane(x);
      if (name == "rice") width = bin_rice(x);
      if (name == "scott") width = bin_scott(x);
      if (name == "sqrt") width = bin_sqrt(x);
      if (name == "sturges") width = bin_sturges(x);
      if (name == "stone") width = bin_stone(x, first, last);
      n_equal = width != 0.0 ? static_cast<std::size_t>(std::ceil((last - first) / width)) : 1;
    }
  }
  return linspace(first, last, n_equal);
}

// ---- StepPatch --------------------------------------------------------------------------------

namespace {

void register_legend_handlers();  // below, with the handlers

void check_orientation(std::string_view o) {
  if (o != "vertical" && o != "horizontal") {
    throw ValueError(
        fmt::format("'{}' is not a valid value for orientation; supported values are 'vertical', "
                    "'horizontal'",
                    o));
  }
}

DataContainerPtr stairs_container(std::span<const double> values, std::span<const double> edges,
                                  const StairsBaseline& baseline) {
  std::map<std::string, DataRef> fields{{"values", values}, {"edges", edges}};
  std::map<std::string, std::string> shapes{{"edges", "N+1"}};
  if (const auto* b = std::get_if<std::vector<double>>(&baseline)) {
    if (b->size() != values.size()) {
      throw ValueError(
          fmt::format("StepPatch: the baseline array has {} values but there are {} values",
                      b->size(), values.size()));
    }
  }
  if (edges.size() != values.size() + 1) {
    throw ValueError(
        fmt::format("Size mismatch between \"values\" and \"edges\". Expected `len(values) + 1 == "
                    "len(edges)`, but `len(values) = {}` and `len(edges) = {}`.",
                    values.size(), edges.size()));
  }
  return std::make_shared<ArrayContainer>(std::move(fields), std::move(shapes));
}

}  // namespace

StepPatch::StepPatch(std::span<const double> values, std::span<const double> edges,
                     StairsBaseline baseline, std::string_view orientation,
                     const PatchOptions& options)
    : StepPatch(stairs_container(values, edges, baseline), "values", baseline, orientation,
                options) {}

StepPatch::StepPatch(DataContainerPtr data, std::string values_field, StairsBaseline baseline,
                     std::string_view orientation, const PatchOptions& options)
    : Patch(options),
      data_(std::move(data)),
      values_field_(std::move(values_field)),
      baseline_(std::move(baseline)),
      orientation_(orientation) {
  if (!data_) throw ValueError("StepPatch: data container must not be null");
  check_orientation(orientation);
  const auto desc = data_->describe();
  if (!desc.contains(values_field_) || !desc.contains("edges")) {
    throw ValueError(fmt::format("StepPatch: the data container must have fields '{}' and 'edges'",
                                 values_field_));
  }
  // StepPatch's _edge_default is False: the edge is black only when not filled (Patch's rule).
  register_legend_handlers();
  refresh(query());
}

QueryResult StepPatch::query() const {
  const Axes* ax = get_axes();
  return ax ? data_->query(*ax->axes_to_data(), ax->pixel_size())
            : data_->query(*IdentityTransform::make(), {1, 1});
}

void StepPatch::refresh(const QueryResult& r) const {
  if (key_ && *key_ == r.key) return;
  const std::vector<double> values = r.at(values_field_).to_vector();
  const std::vector<double> edges = r.at("edges").to_vector();
  if (edges.size() != values.size() + 1) {
    throw ValueError(
        fmt::format("Size mismatch between \"values\" and \"edges\". Expected `len(values) + 1 == "
                    "len(edges)`, but `len(values) = {}` and `len(edges) = {}`.",
                    values.size(), edges.size()));
  }
  for (double e : edges) {
    if (std::isnan(e)) throw ValueError("Nan values in \"edges\" are disallowed");
  }
  std::vector<double> base_arr;
  const double* base_scalar = std::get_if<double>(&baseline_);
  const bool base_none = std::holds_alternative<std::nullopt_t>(baseline_);
  if (const auto* b = std::get_if<std::vector<double>>(&baseline_)) {
    base_arr = *b;
  } else if (r.columns.contains("baseline")) {
    base_arr = r.at("baseline").to_vector();
  }
  if (!base_arr.empty() && base_arr.size() != values.size()) {
    throw ValueError(
        fmt::format("StepPatch: the baseline array has {} values but there are {} values",
                    base_arr.size(), values.size()));
  }
  const bool vertical = orientation_ == "vertical";
  std::vector<Point> verts;
  std::vector<PathCode> codes;
  auto push = [&](double x, double y, bool move) {
    verts.push_back(vertical ? Point{x, y} : Point{y, x});
    codes.push_back(move ? PathCode::moveto : PathCode::lineto);
  };
  const std::size_t n = values.size();
  auto valid = [&](std::size_t i) {
    return !std::isnan(values[i]) && (base_arr.empty() || !std::isnan(base_arr[i]));
  };
  // Contiguous regions of valid values (cbook.contiguous_regions).
  std::size_t i = 0;
  while (i < n) {
    if (!valid(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && valid(j)) ++j;
    // x = repeat(edges[i..j], 2), y = repeat(values[i..j), 2)
    std::vector<double> xs, ys;
    for (std::size_t k = i; k <= j; ++k) {
      xs.push_back(edges[k]);
      xs.push_back(edges[k]);
    }
    for (std::size_t k = i; k < j; ++k) {
      ys.push_back(values[k]);
      ys.push_back(values[k]);
    }
    std::vector<double> yfull;
    if (!base_arr.empty()) {
      std::vector<double> base;  // repeat(baseline[i..j), 2)[::-1]
      for (std::size_t k = j; k-- > i;) {
        base.push_back(base_arr[k]);
        base.push_back(base_arr[k]);
      }
      std::vector<double> xr(xs.rbegin(), xs.rend());
      xs.insert(xs.end(), xr.begin(), xr.end());
      yfull.push_back(base.back());
      yfull.insert(yfull.end(), ys.begin(), ys.end());
      yfull.push_back(base.front());
      yfull.push_back(base.front());
      yfull.insert(yfull.end(), base.begin(), base.end());
      yfull.push_back(base.back());
    } else if (base_none) {
      yfull.push_back(ys.front());
      yfull.insert(yfull.end(), ys.begin(), ys.end());
      yfull.push_back(ys.back());
    } else {
      const double b = base_scalar ? *base_scalar : 0.0;
      yfull.push_back(b);
      yfull.insert(yfull.end(), ys.begin(), ys.end());
      yfull.push_back(b);
    }
    for (std::size_t k = 0; k < xs.size(); ++k) push(xs[k], yfull[k], k == 0);
    i = j;
  }
  path_ = Path(std::move(verts), std::move(codes));
  key_ = r.key;
  ++rebuilds_;
}

Path StepPatch::get_path() const {
  refresh(query());
  return path_;
}

void StepPatch::draw(Renderer& renderer) {
  if (!get_visible()) return;
  refresh(query());
  Patch::draw(renderer);
}

void StepPatch::set_data(std::optional<std::vector<double>> values,
                         std::optional<std::vector<double>> edges,
                         std::optional<StairsBaseline> baseline) {
  if (!values && !edges && !baseline) {
    throw ValueError("Must set *values*, *edges* or *baseline*.");
  }
  if (values || edges) {
    const std::vector<double> v = values ? *values : get_values();
    const std::vector<double> e = edges ? *edges : get_edges();
    const StairsBaseline b = baseline ? *baseline : baseline_;
    data_ = stairs_container(v, e, b);
    values_field_ = "values";
  }
  if (baseline) baseline_ = *baseline;
  key_.reset();
  refresh(query());
  set_stale();
}

std::vector<double> StepPatch::get_values() const {
  return data_->query(*IdentityTransform::make(), {1, 1}).at(values_field_).to_vector();
}

std::vector<double> StepPatch::get_edges() const {
  return data_->query(*IdentityTransform::make(), {1, 1}).at("edges").to_vector();
}

// ---- legend handlers ----------------------------------------------------------------------

namespace {

// matplotlib's HandlerPatch(update_func=update_from_first_child) for BarContainer: a
// rectangle filling the box with the look of the first bar.
LegendHandler bar_container_handler() {
  LegendHandler h;
  const LegendHandler patch = legend_handler_patch();
  h.create_artists = [patch](const Legend& legend, const Artist& orig, const LegendHandleBox& box,
                             double fontsize) {
    const auto& bars = static_cast<const BarContainer&>(orig);
    if (!bars.patches.empty())
      return patch.create_artists(legend, *bars.patches.front(), box, fontsize);
    auto rect =
        std::make_unique<Rectangle>(Point{-box.xdescent, -box.ydescent}, box.width, box.height);
    rect->set_transform(box.transform);
    std::vector<std::unique_ptr<Artist>> out;
    out.push_back(std::move(rect));
    return out;
  };
  return h;
}

// matplotlib's HandlerErrorbar (xerr_size 0.5 font sizes, yerr_size the same): the data line's
// marker at the middle (numpoints 1), the bars +-0.5 font sizes around it with caps like the
// first capline, and the data line (hidden for fmt "none").
LegendHandler errorbar_container_handler() {
  LegendHandler h;
  h.create_artists = [](const Legend& legend, const Artist& orig, const LegendHandleBox& box,
                        double fontsize) {
    const auto& eb = static_cast<const ErrorbarContainer&>(orig);
    auto [xdata, xmarker] = legend_npoints_xdata(legend.numpoints(), box, fontsize);
    const double y = (box.height - box.ydescent) / 2;
    const std::vector<double> ydata(xdata.size(), y);
    const std::vector<double> ymarker(xmarker.size(), y);
    auto legline = std::make_unique<Line2D>(xdata, ydata);
    auto legline_marker = std::make_unique<Line2D>(xmarker, ymarker);
    if (!eb.data_line) {
      legline->set_visible(false);
      legline_marker->set_visible(false);
    } else {
      copy_line_properties(*legline, *eb.data_line);
      legline->set_drawstyle("default");
      legline->set_marker("none");
      copy_line_properties(*legline_marker, *eb.data_line);
      legline_marker->set_linestyle("None");
      if (legend.markerscale() != 1) {
        legline_marker->set_markersize(legline_marker->get_markersize() * legend.markerscale());
      }
    }
    const double err = 0.5 * fontsize;
    std::vector<std::unique_ptr<Artist>> bars, caps;
    auto add_dir = [&](bool is_x) {
      std::vector<std::vector<Point>> verts;
      for (std::size_t i = 0; i < xmarker.size(); ++i) {
        const double mx = xmarker[i], my = ymarker[i];
        verts.push_back(is_x ? std::vector<Point>{{mx - err, my}, {mx + err, my}}
                             : std::vector<Point>{{mx, my - err}, {mx, my + err}});
      }
      // matplotlib's update_prop(coll, barlinecols[0]): the first bars' colors and widths.
      CollectionOptions co;
      if (!eb.barlinecols.empty()) {
        const LineCollection& src = *eb.barlinecols.front();
        std::vector<Color> colors;
        for (const Rgba& c : src.get_edgecolor()) colors.emplace_back(c);
        co.colors = ColorArray(std::move(colors));
        co.linewidths = src.get_linewidth();
      }
      bars.push_back(std::make_unique<LineCollection>(verts, co));
      if (!eb.caplines.empty()) {
        for (double sgn : {-1.0, 1.0}) {
          std::vector<double> cx = xmarker, cy = ymarker;
          for (std::size_t i = 0; i < cx.size(); ++i) {
            if (is_x) {
              cx[i] += sgn * err;
            } else {
              cy[i] += sgn * err;
            }
          }
          auto cap = std::make_unique<Line2D>(cx, cy);
          copy_line_properties(*cap, *eb.caplines.front());
          cap->set_marker(is_x ? "|" : "_");
          caps.push_back(std::move(cap));
        }
      }
    };
    if (eb.has_xerr) add_dir(true);
    if (eb.has_yerr) add_dir(false);
    std::vector<std::unique_ptr<Artist>> out;
    for (auto& a : bars) out.push_back(std::move(a));
    for (auto& a : caps) out.push_back(std::move(a));
    out.push_back(std::move(legline));
    out.push_back(std::move(legline_marker));
    for (auto& a : out) a->set_transform(box.transform);
    return out;
  };
  return h;
}

// matplotlib's HandlerStepPatch: a filled (or hatched) StepPatch shows as a rectangle, an
// outline as a line across the box.
LegendHandler step_patch_handler() {
  LegendHandler h;
  const LegendHandler patch = legend_handler_patch();
  h.create_artists = [patch](const Legend& legend, const Artist& orig, const LegendHandleBox& box,
                             double fontsize) {
    const auto& sp = static_cast<const StepPatch&>(orig);
    if (sp.get_fill() || !sp.get_hatch().empty()) {
      return patch.create_artists(legend, orig, box, fontsize);
    }
    const std::vector<double> xs{0.0, box.width};
    const std::vector<double> ys{box.height / 2, box.height / 2};
    auto line = std::make_unique<Line2D>(xs, ys);
    line->set_color(sp.get_edgecolor());
    line->set_linewidth(sp.get_linewidth());
    line->set_transform(box.transform);
    std::vector<std::unique_ptr<Artist>> out;
    out.push_back(std::move(line));
    return out;
  };
  h.best_data = legend_handler_patch().best_data;
  return h;
}

void register_legend_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    LegendHandlerMap m;
    m.set<BarContainer>(bar_container_handler());
    m.set<ErrorbarContainer>(errorbar_container_handler());
    m.set<StepPatch>(step_patch_handler());
    update_default_legend_handler_map(m);
  });
}

}  // namespace

// ---- containers ---------------------------------------------------------------------------

Container::Container() {
  register_legend_handlers();
  set_in_layout(false);
}

void Container::remove() {
  Axes* ax = get_axes();
  if (!ax) return;
  for (Artist* a : get_children()) {
    if (auto* c = dynamic_cast<Container*>(a)) {
      c->remove();
    } else {
      ax->remove(*a);
    }
  }
  ax->remove(*this);  // destroys this container
}

std::vector<Artist*> ErrorbarContainer::get_children() const {
  std::vector<Artist*> out;
  if (data_line) out.push_back(data_line);
  for (Line2D* l : caplines) out.push_back(l);
  for (LineCollection* l : barlinecols) out.push_back(l);
  return out;
}

std::vector<Artist*> BarContainer::get_children() const {
  std::vector<Artist*> out(patches.begin(), patches.end());
  if (errorbar) out.push_back(errorbar);
  return out;
}

}  // namespace strata
