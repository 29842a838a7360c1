// SPDX-License-Identifier: MIT
// The pyplot facade: matplotlib 3.6's pyplot.py and _pylab_helpers.Gcf. The registry is an
// ordered list of managed figures whose last entry is the active one (Gcf.figs, an
// OrderedDict moved to the end on activation); each keeps its Axes in activation order
// (Figure._axstack) and the current image of each Axes (Axes._current_image).
#include "strata/pyplot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "strata/error.hpp"

namespace strata {

std::vector<double> linspace(double start, double stop, std::ptrdiff_t num) {
  if (num <= 0) return {};
  std::vector<double> v(static_cast<std::size_t>(num));
  if (num == 1) {
    v[0] = start;
    return v;
  }
  const double step = (stop - start) / static_cast<double>(num - 1);
  for (std::ptrdiff_t i = 0; i < num; ++i) {
    v[static_cast<std::size_t>(i)] = static_cast<double>(i) * step + start;
  }
  v.back() = stop;
  return v;
}

namespace plt {

namespace {

struct CurrentImage {
  Axes* ax = nullptr;
  Artist* artist = nullptr;  // the mappable as an artist of ax, to check that it still is one
  ScalarMappable* mappable = nullptr;
};

struct Managed {
  int num = 0;
  std::string label{};
  std::unique_ptr<Figure> fig{};
  std::vector<Axes*> axstack{};  // activation order, the current Axes last
  std::vector<CurrentImage> images{};
};

struct Registry {
  std::recursive_mutex mutex{};
  std::vector<std::unique_ptr<Managed>> figs{};  // activation order, the active figure last
};

// Never destroyed: figures open at exit are left to the process' end, so no figure is
// destroyed after the statics it may use (fonts, caches).
Registry& registry() {
  static auto* r = new Registry();
  return *r;
}

using Guard = std::lock_guard<std::recursive_mutex>;

Managed* active() {
  auto& figs = registry().figs;
  return figs.empty() ? nullptr : figs.back().get();
}

void set_active(Managed* m) {
  auto& figs = registry().figs;
  auto it = std::find_if(figs.begin(), figs.end(), [&](const auto& p) { return p.get() == m; });
  if (it == figs.end() || it + 1 == figs.end()) return;
  std::unique_ptr<Managed> keep = std::move(*it);
  figs.erase(it);
  figs.push_back(std::move(keep));
}

Managed* find_num(int num) {
  for (const auto& m : registry().figs) {
    if (m->num == num) return m.get();
  }
  return nullptr;
}

Managed* find_fig(const Figure* fig) {
  for (const auto& m : registry().figs) {
    if (m->fig.get() == fig) return m.get();
  }
  return nullptr;
}

// The managed figures sorted by number (get_fignums / get_figlabels order).
std::vector<Managed*> by_number() {
  std::vector<Managed*> out;
  for (const auto& m : registry().figs) out.push_back(m.get());
  std::sort(out.begin(), out.end(),
            [](const Managed* a, const Managed* b) { return a->num < b->num; });
  return out;
}

Managed* find_label(std::string_view label) {
  for (Managed* m : by_number()) {
    if (m->label == label) return m;
  }
  return nullptr;
}

int next_num() {
  int n = 0;
  bool any = false;
  for (const auto& m : registry().figs) {
    n = any ? std::max(n, m->num) : m->num;
    any = true;
  }
  return any ? n + 1 : 1;
}

Managed& make_figure(int num, std::string label, const FigureOptions& options) {
  auto m = std::make_unique<Managed>();
  m->num = num;
  m->label = std::move(label);
  m->fig = std::make_unique<Figure>(options);
  if (!m->label.empty()) m->fig->set_label(m->label);
  registry().figs.push_back(std::move(m));
  return *registry().figs.back();
}

void destroy(Managed* m) {
  auto& figs = registry().figs;
  figs.erase(std::remove_if(figs.begin(), figs.end(), [&](const auto& p) { return p.get() == m; }),
             figs.end());
}

void clear_figure(Managed& m) {
  m.fig->clear();
  m.axstack.clear();
  m.images.clear();
}

bool contains(const std::vector<Axes*>& v, const Axes* ax) {
  return std::find(v.begin(), v.end(), ax) != v.end();
}

// Brings the Axes stack up to date with the figure: Axes removed through the object API are
// dropped, Axes added through it (subplots, add_axes, twinx, ...) are pushed in the order they
// were added, on top (they become current, as matplotlib's add_axes / add_subplot) or, with
// `on_top` false, at the bottom (a colorbar's Axes).
void sync(Managed& m, bool on_top = true) {
  const std::vector<Axes*> axes = m.fig->get_axes();
  std::erase_if(m.axstack, [&](Axes* a) { return !contains(axes, a); });
  std::erase_if(m.images, [&](const CurrentImage& im) { return !contains(axes, im.ax); });
  std::vector<Axes*> added;
  for (Axes* a : axes) {
    if (!contains(m.axstack, a)) added.push_back(a);
  }
  if (on_top) {
    m.axstack.insert(m.axstack.end(), added.begin(), added.end());
  } else {
    m.axstack.insert(m.axstack.begin(), added.begin(), added.end());
  }
}

void make_current(Managed& m, Axes& ax) {
  sync(m);
  auto it = std::find(m.axstack.begin(), m.axstack.end(), &ax);
  if (it == m.axstack.end()) throw ValueError("sca: the Axes is not in the figure");
  m.axstack.erase(it);
  m.axstack.push_back(&ax);
}

Managed& current() {
  gcf();
  return *active();
}

// The current image of `ax` when it is still an artist of ax.
ScalarMappable* image_of(const Managed& m, const Axes* ax) {
  for (const CurrentImage& im : m.images) {
    if (im.ax != ax) continue;
    const std::vector<Artist*> children = ax->get_children();
    if (std::find(children.begin(), children.end(), im.artist) != children.end()) {
      return im.mappable;
    }
  }
  return nullptr;
}

void set_image(Managed& m, Axes& ax, Artist& artist, ScalarMappable& mappable) {
  for (CurrentImage& im : m.images) {
    if (im.ax == &ax) {
      im.artist = &artist;
      im.mappable = &mappable;
      return;
    }
  }
  m.images.push_back({&ax, &artist, &mappable});
}

// Makes `made` (just plotted on gca()) the current image of the current Axes (pyplot's sci).
template <class T>
T& with_image(T& made) {
  Managed& m = current();
  Axes& ax = *m.axstack.back();
  set_image(m, ax, made, made);
  return made;
}

bool is_default(const AxesOptions& o) {
  return !o.facecolor && !o.xlim && !o.ylim && !o.xscale && !o.yscale && !o.title && !o.xlabel &&
         !o.ylabel && !o.aspect && !o.frame_on && !o.label && o.sharex == nullptr &&
         o.sharey == nullptr && o.projection.empty();
}

// matplotlib's GridSpec._check_gridspec_exists: the top-level grid of that shape used by an
// Axes of the figure, else nullptr (the caller makes a new one).
std::shared_ptr<GridSpecBase> existing_gridspec(const Figure& fig, int nrows, int ncols) {
  for (Axes* ax : fig.get_axes()) {
    const auto& ss = ax->get_subplotspec();
    if (!ss) continue;
    const SubplotSpec top = ss->get_topmost_subplotspec();
    std::shared_ptr<GridSpecBase> gs = top.get_gridspec();
    if (gs && gs->nrows() == nrows && gs->ncols() == ncols) return gs;
  }
  return nullptr;
}

// pyplot.subplot: the Axes of the figure with this spec (no options), else a new one.
Axes& subplot_at(const SubplotSpec& key, const AxesOptions& options) {
  Managed& m = current();
  Axes* found = nullptr;
  if (is_default(options)) {
    for (Axes* ax : m.fig->get_axes()) {
      const auto& ss = ax->get_subplotspec();
      if (ss && *ss == key) {
        found = ax;
        break;
      }
    }
  }
  if (!found) found = &m.fig->add_subplot(key, options);
  make_current(m, *found);
  return *found;
}

std::string show_name(const Managed& m) {
  if (m.label.empty()) return fmt::format("figure_{}.png", m.num);
  std::string name = m.label;
  for (char& c : name) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) c = '_';
  }
  return name + ".png";
}

}  // namespace

std::unique_lock<std::recursive_mutex> lock() {
  return std::unique_lock<std::recursive_mutex>(registry().mutex);
}

// ---- registry ------------------------------------------------------------------------------

Figure& figure() { return figure(FigureOptions{}); }

Figure& figure(const FigureOptions& options, bool clear) {
  const Guard g(registry().mutex);
  Managed& m = make_figure(next_num(), "", options);
  if (clear) clear_figure(m);
  return *m.fig;
}

Figure& figure(int num, const FigureOptions& options, bool clear) {
  const Guard g(registry().mutex);
  Managed* m = find_num(num);
  if (m) {
    set_active(m);
  } else {
    m = &make_figure(num, "", options);
  }
  if (clear) clear_figure(*m);
  return *m->fig;
}

Figure& figure(std::string_view label, const FigureOptions& options, bool clear) {
  const Guard g(registry().mutex);
  Managed* m = find_label(label);
  if (m) {
    set_active(m);
  } else {
    m = &make_figure(next_num(), std::string(label), options);
  }
  if (clear) clear_figure(*m);
  return *m->fig;
}

Figure& figure(Figure& fig) {
  const Guard g(registry().mutex);
  Managed* m = find_fig(&fig);
  if (!m) throw ValueError("The passed figure is not managed by pyplot");
  set_active(m);
  return fig;
}

Figure& gcf() {
  const Guard g(registry().mutex);
  if (Managed* m = active()) return *m->fig;
  return figure();
}

Axes& gca() {
  const Guard g(registry().mutex);
  Managed& m = current();
  sync(m);
  if (m.axstack.empty()) {
    m.fig->add_subplot(111);
    sync(m);
  }
  return *m.axstack.back();
}

void sca(Axes& ax) {
  const Guard g(registry().mutex);
  Managed* m = find_fig(ax.get_figure());
  if (!m) throw ValueError("The passed figure is not managed by pyplot");
  set_active(m);
  make_current(*m, ax);
}

void cla() {
  const Guard g(registry().mutex);
  Axes& ax = gca();
  Managed& m = current();
  std::erase_if(m.images, [&](const CurrentImage& im) { return im.ax == &ax; });
  ax.clear();
}

void clf() {
  const Guard g(registry().mutex);
  gcf();
  clear_figure(*active());
}

void delaxes(Axes* ax) {
  const Guard g(registry().mutex);
  Axes& target = ax ? *ax : gca();
  Figure* fig = target.get_figure();
  if (!fig || !fig->delaxes(target)) throw ValueError("delaxes: the Axes is not in a figure");
  if (Managed* m = find_fig(fig)) sync(*m);
}

void close() {
  const Guard g(registry().mutex);
  if (Managed* m = active()) destroy(m);
}

void close(int num) {
  const Guard g(registry().mutex);
  if (Managed* m = find_num(num)) destroy(m);
}

void close(std::string_view label) {
  const Guard g(registry().mutex);
  if (label == "all") {
    registry().figs.clear();
    return;
  }
  if (Managed* m = find_label(label)) destroy(m);
}

void close(const Figure& fig) {
  const Guard g(registry().mutex);
  if (Managed* m = find_fig(&fig)) destroy(m);
}

bool fignum_exists(int num) {
  const Guard g(registry().mutex);
  return find_num(num) != nullptr;
}

bool fignum_exists(std::string_view label) {
  const Guard g(registry().mutex);
  return find_label(label) != nullptr;
}

std::vector<int> get_fignums() {
  const Guard g(registry().mutex);
  std::vector<int> out;
  for (const Managed* m : by_number()) out.push_back(m->num);
  return out;
}

std::vector<std::string> get_figlabels() {
  const Guard g(registry().mutex);
  std::vector<std::string> out;
  for (const Managed* m : by_number()) out.push_back(m->label);
  return out;
}

std::optional<int> fignum_of(const Figure& fig) {
  const Guard g(registry().mutex);
  if (const Managed* m = find_fig(&fig)) return m->num;
  return std::nullopt;
}

// ---- subplots -------------------------------------------------------------------------------

Axes& subplot(int nrows, int ncols, int index, const AxesOptions& options) {
  const Guard g(registry().mutex);
  const Figure& fig = gcf();
  return subplot_at(
      SubplotSpec::from_geometry(nrows, ncols, index, existing_gridspec(fig, nrows, ncols)),
      options);
}

Axes& subplot(int nrows, int ncols, std::pair<int, int> span, const AxesOptions& options) {
  const Guard g(registry().mutex);
  const Figure& fig = gcf();
  return subplot_at(
      SubplotSpec::from_geometry(nrows, ncols, span, existing_gridspec(fig, nrows, ncols)),
      options);
}

Axes& subplot(int three_digit, const AxesOptions& options) {
  const Guard g(registry().mutex);
  const Figure& fig = gcf();
  std::shared_ptr<GridSpecBase> gs;
  if (three_digit >= 100 && three_digit <= 999) {
    gs = existing_gridspec(fig, three_digit / 100, (three_digit / 10) % 10);
  }
  return subplot_at(SubplotSpec::from_three_digit(three_digit, gs), options);
}

Axes& subplot(const SubplotSpec& spec, const AxesOptions& options) {
  const Guard g(registry().mutex);
  return subplot_at(spec, options);
}

SubplotsResult subplots(int nrows, int ncols, const SubplotsOptions& options,
                        const FigureOptions& fig_kw) {
  const Guard g(registry().mutex);
  Figure& fig = figure(fig_kw);
  Managed* m = active();
  try {
    AxesGrid axs = fig.subplots(nrows, ncols, options);
    sync(*m);
    return {fig, std::move(axs)};
  } catch (...) {
    destroy(m);  // matplotlib leaves the empty figure open; an error makes none here
    throw;
  }
}

MosaicResult subplot_mosaic(std::string_view layout, const MosaicOptions& options,
                            const FigureOptions& fig_kw) {
  const Guard g(registry().mutex);
  return subplot_mosaic(detail::parse_mosaic_string(layout), options, fig_kw);
}

MosaicResult subplot_mosaic(const MosaicLayout& layout, const MosaicOptions& options,
                            const FigureOptions& fig_kw) {
  const Guard g(registry().mutex);
  Figure& fig = figure(fig_kw);
  Managed* m = active();
  try {
    Mosaic axd = fig.subplot_mosaic(layout, options);
    sync(*m);
    return {fig, std::move(axd)};
  } catch (...) {
    destroy(m);
    throw;
  }
}

Axes& subplot2grid(std::pair<int, int> shape, std::pair<int, int> loc, int rowspan, int colspan,
                   const AxesOptions& options) {
  const Guard g(registry().mutex);
  Managed& m = current();
  std::shared_ptr<GridSpecBase> gs = existing_gridspec(*m.fig, shape.first, shape.second);
  if (!gs) gs = GridSpec::make(shape.first, shape.second);
  Axes& ax = m.fig->add_subplot(gs->new_subplotspec(loc, rowspan, colspan), options);
  make_current(m, ax);
  return ax;
}

Axes& axes(std::array<double, 4> rect, const AxesOptions& options) {
  const Guard g(registry().mutex);
  Managed& m = current();
  Axes& ax = m.fig->add_axes(rect, options);
  make_current(m, ax);
  return ax;
}

namespace {
Axes& twin(Axes* ax, bool x) {
  Axes& parent = ax ? *ax : gca();
  Axes& t = x ? parent.twinx() : parent.twiny();
  if (Managed* m = find_fig(t.get_figure())) make_current(*m, t);
  return t;
}
}  // namespace

Axes& twinx(Axes* ax) {
  const Guard g(registry().mutex);
  return twin(ax, true);
}

Axes& twiny(Axes* ax) {
  const Guard g(registry().mutex);
  return twin(ax, false);
}

// ---- plotting on the current Axes -------------------------------------------------------------

Line2D& plot(std::span<const double> x, std::span<const double> y, std::string_view fmt,
             const Line2DOptions& options) {
  const Guard g(registry().mutex);
  return gca().plot(x, y, fmt, options);
}

Line2D& plot(std::span<const double> x, std::span<const double> y, const Line2DOptions& options) {
  const Guard g(registry().mutex);
  return gca().plot(x, y, options);
}

Line2D& plot(std::span<const double> y, std::string_view fmt, const Line2DOptions& options) {
  const Guard g(registry().mutex);
  return gca().plot(y, fmt, options);
}

Line2D& plot(DataContainerPtr data, std::string_view fmt, const Line2DOptions& options) {
  const Guard g(registry().mutex);
  return gca().plot(std::move(data), fmt, options);
}

Line2D& plot_units(const UnitValues& x, const UnitValues& y, std::string_view fmt,
                   const Line2DOptions& options) {
  const Guard g(registry().mutex);
  return gca().plot_units(x, y, fmt, options);
}

Line2D& step(std::span<const double> x, std::span<const double> y, std::string_view fmt,
             const StepOptions& options) {
  const Guard g(registry().mutex);
  return gca().step(x, y, fmt, options);
}

StepPatch& stairs(std::span<const double> values, const StairsOptions& options) {
  const Guard g(registry().mutex);
  return gca().stairs(values, options);
}

StepPatch& stairs(DataContainerPtr data, std::string values_field, const StairsOptions& options) {
  const Guard g(registry().mutex);
  return gca().stairs(std::move(data), std::move(values_field), options);
}

ErrorbarContainer& errorbar(std::span<const double> x, std::span<const double> y,
                            const ErrorbarOptions& options) {
  const Guard g(registry().mutex);
  return gca().errorbar(x, y, options);
}

BarContainer& bar(std::span<const double> x, std::span<const double> height,
                  const BarOptions& options) {
  const Guard g(registry().mutex);
  return gca().bar(x, height, options);
}

BarContainer& bar_units(const UnitValues& x, std::span<const double> height,
                        const BarOptions& options) {
  const Guard g(registry().mutex);
  return gca().bar_units(x, height, options);
}

BarContainer& barh(std::span<const double> y, std::span<const double> width,
                   const BarOptions& options) {
  const Guard g(registry().mutex);
  return gca().barh(y, width, options);
}

BarContainer& barh_units(const UnitValues& y, std::span<const double> width,
                         const BarOptions& options) {
  const Guard g(registry().mutex);
  return gca().barh_units(y, width, options);
}

std::vector<Text*> bar_label(const BarContainer& container, const BarLabelOptions& options) {
  const Guard g(registry().mutex);
  return gca().bar_label(container, options);
}

HistResult hist(std::span<const double> x, const HistPlotOptions& options) {
  const Guard g(registry().mutex);
  return gca().hist(x, options);
}

HistResult hist(const std::vector<std::vector<double>>& datasets, const HistPlotOptions& options) {
  const Guard g(registry().mutex);
  return gca().hist(datasets, options);
}

HistResult hist(std::span<const std::span<const double>> datasets, const HistPlotOptions& options) {
  const Guard g(registry().mutex);
  return gca().hist(datasets, options);
}

PathCollection& scatter(std::span<const double> x, std::span<const double> y,
                        const ScatterOptions& options) {
  const Guard g(registry().mutex);
  return with_image(gca().scatter(x, y, options));
}

PathCollection& scatter(DataContainerPtr data, const ScatterOptions& options) {
  const Guard g(registry().mutex);
  return with_image(gca().scatter(std::move(data), options));
}

PolyCollection& fill_between(std::span<const double> x, std::span<const double> y1,
                             const FillBetweenOptions& options) {
  const Guard g(registry().mutex);
  return gca().fill_between(x, y1, options);
}

PolyCollection& fill_between(std::span<const double> x, std::span<const double> y1, double y2,
                             const FillBetweenOptions& options) {
  const Guard g(registry().mutex);
  return gca().fill_between(x, y1, y2, options);
}

PolyCollection& fill_between(std::span<const double> x, std::span<const double> y1,
                             std::span<const double> y2, const FillBetweenOptions& options) {
  const Guard g(registry().mutex);
  return gca().fill_between(x, y1, y2, options);
}

PolyCollection& fill_between(DataContainerPtr data, const FillBetweenOptions& options) {
  const Guard g(registry().mutex);
  return gca().fill_between(std::move(data), options);
}

PolyCollection& fill_betweenx(std::span<const double> y, std::span<const double> x1,
                              const FillBetweenOptions& options) {
  const Guard g(registry().mutex);
  return gca().fill_betweenx(y, x1, options);
}

PolyCollection& fill_betweenx(std::span<const double> y, std::span<const double> x1, double x2,
                              const FillBetweenOptions& options) {
  const Guard g(registry().mutex);
  return gca().fill_betweenx(y, x1, x2, options);
}

PolyCollection& fill_betweenx(std::span<const double> y, std::span<const double> x1,
                              std::span<const double> x2, const FillBetweenOptions& options) {
  const Guard g(registry().mutex);
  return gca().fill_betweenx(y, x1, x2, options);
}

PolyCollection& fill_betweenx(DataContainerPtr data, const FillBetweenOptions& options) {
  const Guard g(registry().mutex);
  return gca().fill_betweenx(std::move(data), options);
}

Quiver& quiver(std::span<const double> x, std::span<const double> y, std::span<const double> u,
               std::span<const double> v, const QuiverOptions& options) {
  const Guard g(registry().mutex);
  return with_image(gca().quiver(x, y, u, v, options));
}

Quiver& quiver(std::span<const double> x, std::span<const double> y, std::span<const double> u,
               std::span<const double> v, std::span<const double> c, const QuiverOptions& options) {
  const Guard g(registry().mutex);
  return with_image(gca().quiver(x, y, u, v, c, options));
}

Quiver& quiver(std::span<const double> u, std::span<const double> v, const QuiverOptions& options) {
  const Guard g(registry().mutex);
  return with_image(gca().quiver(u, v, options));
}

Quiver& quiver(DataContainerPtr data, const QuiverOptions& options) {
  const Guard g(registry().mutex);
  return with_image(gca().quiver(std::move(data), options));
}

Barbs& barbs(std::span<const double> x, std::span<const double> y, std::span<const double> u,
             std::span<const double> v, const BarbsOptions& options) {
  const Guard g(registry().mutex);
  return gca().barbs(x, y, u, v, options);
}

Barbs& barbs(std::span<const double> x, std::span<const double> y, std::span<const double> u,
             std::span<const double> v, std::span<const double> c, const BarbsOptions& options) {
  const Guard g(registry().mutex);
  return gca().barbs(x, y, u, v, c, options);
}

QuiverKey& quiverkey(Quiver& q, double x, double y, double u, std::string label,
                     const QuiverKeyOptions& options) {
  const Guard g(registry().mutex);
  Axes* ax = q.get_axes();
  return (ax ? *ax : gca()).quiverkey(q, x, y, u, std::move(label), options);
}

DensityImage& density_image(DataContainerPtr data, const DensityImageOptions& options) {
  const Guard g(registry().mutex);
  return with_image(gca().density_image(std::move(data), options));
}

Line2D& axhline(double y, double xmin, double xmax, const Line2DOptions& options) {
  const Guard g(registry().mutex);
  return gca().axhline(y, xmin, xmax, options);
}

Line2D& axvline(double x, double ymin, double ymax, const Line2DOptions& options) {
  const Guard g(registry().mutex);
  return gca().axvline(x, ymin, ymax, options);
}

Patch& axhspan(double ymin, double ymax, double xmin, double xmax, const PatchOptions& options) {
  const Guard g(registry().mutex);
  return gca().axhspan(ymin, ymax, xmin, xmax, options);
}

Patch& axvspan(double xmin, double xmax, double ymin, double ymax, const PatchOptions& options) {
  const Guard g(registry().mutex);
  return gca().axvspan(xmin, xmax, ymin, ymax, options);
}

Line2D& axline(Point xy1, std::optional<Point> xy2, std::optional<double> slope,
               const Line2DOptions& options) {
  const Guard g(registry().mutex);
  return gca().axline(xy1, xy2, slope, options);
}

// ---- current image ----------------------------------------------------------------------------

ScalarMappable* gci() {
  const Guard g(registry().mutex);
  Managed& m = current();
  sync(m);
  if (m.axstack.empty()) return nullptr;
  if (ScalarMappable* im = image_of(m, m.axstack.back())) return im;
  // matplotlib's Figure._gci: then the other Axes, last added first.
  const std::vector<Axes*> axes = m.fig->get_axes();
  for (auto it = axes.rbegin(); it != axes.rend(); ++it) {
    if (ScalarMappable* im = image_of(m, *it)) return im;
  }
  return nullptr;
}

void sci(ScalarMappable& mappable) {
  const Guard g(registry().mutex);
  Axes& ax = gca();
  auto* artist = dynamic_cast<Artist*>(&mappable);
  const std::vector<Artist*> children = ax.get_children();
  if (!artist || std::find(children.begin(), children.end(), artist) == children.end()) {
    throw ValueError("Argument must be an image, collection, or ContourSet in this Axes");
  }
  set_image(current(), ax, *artist, mappable);
}

void clim(std::optional<double> vmin, std::optional<double> vmax) {
  const Guard g(registry().mutex);
  ScalarMappable* im = gci();
  if (!im) throw Error("You must first define an image, e.g., with imshow");
  im->set_clim(vmin, vmax);
}

Colorbar& colorbar(const ColorbarOptions& options) {
  const Guard g(registry().mutex);
  ScalarMappable* mappable = gci();
  if (!mappable) {
    throw Error(
        "No mappable was found to use for colorbar creation. First define a mappable such as "
        "an image (with imshow) or a contour set (with contourf).");
  }
  return colorbar(*mappable, options);
}

Colorbar& colorbar(ScalarMappable& mappable, const ColorbarOptions& options) {
  const Guard g(registry().mutex);
  Managed& m = current();
  sync(m);
  Colorbar& cb = m.fig->colorbar(mappable, options);
  sync(m, /*on_top=*/false);  // matplotlib's Figure.colorbar restores the current Axes
  return cb;
}

// ---- decorations ----------------------------------------------------------------------------

Text& title(std::string label, const TitleOptions& options) {
  const Guard g(registry().mutex);
  return gca().set_title(std::move(label), options);
}

Text& xlabel(std::string label, const LabelOptions& options) {
  const Guard g(registry().mutex);
  return gca().set_xlabel(std::move(label), options);
}

Text& ylabel(std::string label, const LabelOptions& options) {
  const Guard g(registry().mutex);
  return gca().set_ylabel(std::move(label), options);
}

Text& suptitle(std::string text, const TextOptions& options) {
  const Guard g(registry().mutex);
  return gcf().suptitle(std::move(text), options);
}

Text& supxlabel(std::string text, const TextOptions& options) {
  const Guard g(registry().mutex);
  return gcf().supxlabel(std::move(text), options);
}

Text& supylabel(std::string text, const TextOptions& options) {
  const Guard g(registry().mutex);
  return gcf().supylabel(std::move(text), options);
}

Text& text(double x, double y, std::string s, const TextOptions& options, TransformPtr transform) {
  const Guard g(registry().mutex);
  return gca().text(x, y, std::move(s), options, std::move(transform));
}

Text& figtext(double x, double y, std::string s, const TextOptions& options) {
  const Guard g(registry().mutex);
  return gcf().text(x, y, std::move(s), options);
}

std::pair<double, double> xlim() {
  const Guard g(registry().mutex);
  return gca().get_xlim();
}

std::pair<double, double> xlim(std::optional<double> left, std::optional<double> right) {
  const Guard g(registry().mutex);
  return gca().set_xlim(left, right);
}

std::pair<double, double> xlim(std::pair<double, double> limits) {
  return xlim(limits.first, limits.second);
}

std::pair<double, double> ylim() {
  const Guard g(registry().mutex);
  return gca().get_ylim();
}

std::pair<double, double> ylim(std::optional<double> bottom, std::optional<double> top) {
  const Guard g(registry().mutex);
  return gca().set_ylim(bottom, top);
}

std::pair<double, double> ylim(std::pair<double, double> limits) {
  return ylim(limits.first, limits.second);
}

void xscale(std::string_view name, const ScaleOptions& options) {
  const Guard g(registry().mutex);
  gca().set_xscale(name, options);
}

void yscale(std::string_view name, const ScaleOptions& options) {
  const Guard g(registry().mutex);
  gca().set_yscale(name, options);
}

namespace {
Ticks ticks_of(const Axes& ax, bool x, bool minor) {
  Ticks t;
  t.locs = x ? ax.get_xticks(minor) : ax.get_yticks(minor);
  for (const TickInfo& info : (x ? ax.xaxis() : ax.yaxis()).get_ticks_in_view(minor)) {
    t.labels.push_back(info.label);
  }
  return t;
}
}  // namespace

Ticks xticks(bool minor) {
  const Guard g(registry().mutex);
  return ticks_of(gca(), true, minor);
}

Ticks xticks(std::vector<double> ticks, std::optional<std::vector<std::string>> labels,
             bool minor) {
  const Guard g(registry().mutex);
  Axes& ax = gca();
  ax.set_xticks(std::move(ticks), std::move(labels), minor);
  return ticks_of(ax, true, minor);
}

Ticks yticks(bool minor) {
  const Guard g(registry().mutex);
  return ticks_of(gca(), false, minor);
}

Ticks yticks(std::vector<double> ticks, std::optional<std::vector<std::string>> labels,
             bool minor) {
  const Guard g(registry().mutex);
  Axes& ax = gca();
  ax.set_yticks(std::move(ticks), std::move(labels), minor);
  return ticks_of(ax, false, minor);
}

void tick_params(const TickParams& params) {
  const Guard g(registry().mutex);
  gca().tick_params(params);
}

void minorticks_on() {
  const Guard g(registry().mutex);
  gca().minorticks_on();
}

void minorticks_off() {
  const Guard g(registry().mutex);
  gca().minorticks_off();
}

void grid(std::optional<bool> visible, std::string_view which, std::string_view axis,
          const GridOptions& style) {
  const Guard g(registry().mutex);
  gca().grid(visible, which, axis, style);
}

Legend& legend(const LegendOptions& options) {
  const Guard g(registry().mutex);
  return gca().legend(options);
}

Legend& legend(std::vector<Artist*> handles, std::vector<std::string> labels,
               const LegendOptions& options) {
  const Guard g(registry().mutex);
  return gca().legend(std::move(handles), std::move(labels), options);
}

AxisLimits axis() {
  const Guard g(registry().mutex);
  const Axes& ax = gca();
  const auto [x0, x1] = ax.get_xlim();
  const auto [y0, y1] = ax.get_ylim();
  return {x0, x1, y0, y1};
}

AxisLimits axis(std::string_view option) {
  const Guard g(registry().mutex);
  gca().axis(option);
  return axis();
}

AxisLimits axis(const AxisLimits& limits) {
  const Guard g(registry().mutex);
  gca().axis(limits);
  return axis();
}

void margins(std::optional<double> x, std::optional<double> y) {
  const Guard g(registry().mutex);
  gca().margins(x, y);
}

void margins(double xy) {
  const Guard g(registry().mutex);
  gca().margins(xy);
}

std::pair<double, double> margins() {
  const Guard g(registry().mutex);
  return gca().get_margins();
}

void autoscale(bool enable, std::string_view axis, std::optional<bool> tight) {
  const Guard g(registry().mutex);
  gca().autoscale(enable, axis, tight);
}

// ---- layout -----------------------------------------------------------------------------------

void tight_layout(double pad, std::optional<double> h_pad, std::optional<double> w_pad,
                  std::array<double, 4> rect) {
  const Guard g(registry().mutex);
  gcf().tight_layout(pad, h_pad, w_pad, rect);
}

void subplots_adjust(const SubplotParams& params) {
  const Guard g(registry().mutex);
  gcf().subplots_adjust(params);
}

// ---- rcParams and styles ----------------------------------------------------------------------

void rc(std::string_view group, const RcPairs& values) {
  rc(std::vector<std::string>{std::string(group)}, values);
}

void rc(std::initializer_list<std::string_view> groups, const RcPairs& values) {
  std::vector<std::string> g;
  for (std::string_view s : groups) g.emplace_back(s);
  rc(g, values);
}

void rc(const std::vector<std::string>& groups, const RcPairs& values) {
  const Guard g(registry().mutex);
  static const std::vector<std::pair<std::string_view, std::string_view>> aliases = {
      {"lw", "linewidth"}, {"ls", "linestyle"},        {"c", "color"},       {"fc", "facecolor"},
      {"ec", "edgecolor"}, {"mew", "markeredgewidth"}, {"aa", "antialiased"}};
  RcPairs resolved;
  for (const std::string& group : groups) {
    for (const auto& [k, v] : values) {
      std::string name = k;
      for (const auto& [alias, full] : aliases) {
        if (k == alias) name = full;
      }
      std::string key = group + "." + name;
      if (!RcParams::contains(key)) {
        throw ValueError(fmt::format("Unrecognized key \"{}\" for group \"{}\" and name \"{}\"",
                                     key, group, name));
      }
      resolved.emplace_back(std::move(key), v);
    }
  }
  strata::rc().update(resolved);
}

RcParams rcParams() { return strata::rc(); }

void rcdefaults() { strata::rcdefaults(); }

// ---- output ---------------------------------------------------------------------------------

void savefig(const std::filesystem::path& path, const SaveOptions& options) {
  const Guard g(registry().mutex);
  gcf().savefig(path, options);
}

void draw() {
  const Guard g(registry().mutex);
  gcf().canvas().draw();
}

std::vector<std::filesystem::path> show() {
  const Guard g(registry().mutex);
  const char* env = std::getenv("STRATA_SHOW_DIR");  // NOLINT(concurrency-mt-unsafe)
  const std::filesystem::path dir =
      env && *env ? std::filesystem::path(env) : std::filesystem::current_path();
  std::vector<std::filesystem::path> written;
  for (const Managed* m : by_number()) {
    std::filesystem::path path = dir / show_name(*m);
    m->fig->savefig(path, {.format = "png"});
    std::cout << path.string() << '\n';
    written.push_back(std::move(path));
  }
  std::cout.flush();
  return written;
}

}  // namespace plt
}  // namespace strata
