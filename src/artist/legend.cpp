// SPDX-License-Identifier: MIT
// Legends: matplotlib 3.6.3's legend.py (Legend), legend_handler.py (HandlerLine2D,
// HandlerPatch) and the parts of offsetbox.py they use (HPacker, VPacker, DrawingArea,
// TextArea, _get_packed_offsets, _get_aligned_offsets, _get_anchored_bbox), plus
// Axes::legend / Figure::legend (_parse_legend_args with no positional arguments).
#include "strata/artist/legend.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <span>
#include <tuple>

#include "strata/artist/axes.hpp"
#include "strata/artist/figure.hpp"
#include "strata/artist/linestyle.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

// ---- FancyBboxPatch ----------------------------------------------------------------------

namespace {

// Forwards everything to another renderer, forcing gc.snap on paths (matplotlib's snap=True
// of an artist, which Patch::draw does not carry).
class SnapRenderer final : public Renderer {
 public:
  SnapRenderer(Renderer& inner, bool snap)
      : Renderer(inner.width(), inner.height(), inner.dpi()), inner_(inner), snap_(snap) {}
  void draw_path(const GraphicsContext& gc, const Path& path, const Affine2D& transform,
                 const std::optional<Rgba>& fill) override {
    GraphicsContext g = gc;
    g.snap = snap_;
    inner_.draw_path(g, path, transform, fill);
  }
  void draw_markers(const GraphicsContext& gc, const Path& marker_path,
                    const Affine2D& marker_transform, const Path& path, const Affine2D& transform,
                    const std::optional<Rgba>& fill) override {
    inner_.draw_markers(gc, marker_path, marker_transform, path, transform, fill);
  }
  void draw_path_collection(const GraphicsContext& gc, const Affine2D& master_transform,
                            const PathCollection& collection) override {
    inner_.draw_path_collection(gc, master_transform, collection);
  }
  void draw_quad_mesh(const GraphicsContext& gc, const Affine2D& master_transform, int mesh_width,
                      int mesh_height, std::span<const Point> coordinates,
                      std::span<const Rgba> facecolors, bool antialiased,
                      std::span<const Rgba> edgecolors) override {
    inner_.draw_quad_mesh(gc, master_transform, mesh_width, mesh_height, coordinates, facecolors,
                          antialiased, edgecolors);
  }
  void draw_gouraud_triangles(const GraphicsContext& gc,
                              std::span<const std::array<Point, 3>> triangles,
                              std::span<const std::array<Rgba, 3>> colors,
                              const Affine2D& transform) override {
    inner_.draw_gouraud_triangles(gc, triangles, colors, transform);
  }
  void draw_image(const GraphicsContext& gc, const Image& image, const Bbox& dest,
                  Interpolation interpolation) override {
    inner_.draw_image(gc, image, dest, interpolation);
  }
  void draw_glyphs(const GraphicsContext& gc, const GlyphRun& run, double x, double y,
                   double angle_deg) override {
    inner_.draw_glyphs(gc, run, x, y, angle_deg);
  }
  void open_group(const std::string& name, const std::string& gid) override {
    inner_.open_group(name, gid);
  }
  void close_group(const std::string& name) override { inner_.close_group(name); }
  void start_rasterizing() override { inner_.start_rasterizing(); }
  void stop_rasterizing() override { inner_.stop_rasterizing(); }

 private:
  Renderer& inner_;
  bool snap_;
};

}  // namespace

FancyBboxPatch::FancyBboxPatch(Point xy, double width, double height, BoxStyle boxstyle,
                               double mutation_scale, const PatchOptions& options)
    : Patch(options),
      x_(xy.x),
      y_(xy.y),
      width_(width),
      height_(height),
      boxstyle_(boxstyle),
      mutation_scale_(mutation_scale) {}

Path FancyBboxPatch::get_path() const {
  return boxstyle_path(boxstyle_, get_bbox(), mutation_scale_);
}

void FancyBboxPatch::draw(Renderer& renderer) {
  if (!snap_) {
    Patch::draw(renderer);
    return;
  }
  SnapRenderer snapped(renderer, *snap_);
  Patch::draw(snapped);
}

void FancyBboxPatch::set_bounds(double x, double y, double width, double height) {
  x_ = x;
  y_ = y;
  width_ = width;
  height_ = height;
  set_stale();
}

void FancyBboxPatch::set_boxstyle(BoxStyle style) {
  boxstyle_ = style;
  set_stale();
}

void FancyBboxPatch::set_mutation_scale(double scale) {
  if (!(scale > 0) || !std::isfinite(scale)) {
    throw ValueError(fmt::format("mutation_scale must be a positive number, got {}", scale));
  }
  mutation_scale_ = scale;
  set_stale();
}

// ---- property copies ---------------------------------------------------------------------

void copy_line_properties(Line2D& dst, const Line2D& src) {
  dst.set_color(src.get_color());
  dst.set_linewidth(src.get_linewidth());
  dst.set_linestyle(src.get_linestyle());
  // Explicit dashes show only through the scaled pattern; undo the width scaling.
  const Dashes want = src.get_scaled_dashes();
  if (dst.get_scaled_dashes() != want && !want.solid()) {
    const Dashes unit = scale_dashes(Dashes{0.0, {1.0}}, 2.0);
    const double factor = unit.pattern[0] == 2.0 ? src.get_linewidth() : 1.0;
    Dashes d = want;
    if (factor > 0) {
      d.offset /= factor;
      for (double& v : d.pattern) v /= factor;
    }
    dst.set_dashes(d);
  }
  dst.set_marker(src.get_marker());
  dst.set_markersize(src.get_markersize());
  dst.set_markeredgewidth(src.get_markeredgewidth());
  // Marker colors stay automatic (following the line color) unless the source's differ.
  const Rgba auto_face =
      src.get_marker().get_fillstyle() == FillStyle::none ? Rgba{0, 0, 0, 0} : src.get_color();
  if (src.get_markerfacecolor() != auto_face) dst.set_markerfacecolor(src.get_markerfacecolor());
  if (src.get_markeredgecolor() != src.get_color()) {
    dst.set_markeredgecolor(src.get_markeredgecolor());
  }
  dst.set_drawstyle(drawstyle_name(src.get_drawstyle()));
  dst.set_alpha(src.get_alpha());
  dst.set_visible(src.get_visible());
  dst.set_label(src.get_label());
}

void copy_patch_properties(Patch& dst, const Patch& src) {
  dst.set_fill(src.get_fill());
  dst.set_alpha(src.get_alpha());
  dst.set_facecolor(src.get_facecolor());
  const Rgba edge = src.get_edgecolor();
  // A transparent edge is "none", which keeps the hatch color (rcParams hatch.color).
  if (edge.a == 0) {
    dst.set_edgecolor(Color("none"));
  } else {
    dst.set_edgecolor(edge);
  }
  dst.set_linewidth(src.get_linewidth());
  dst.set_hatch(src.get_hatch());
  dst.set_visible(src.get_visible());
  dst.set_label(src.get_label());
}

// ---- the handler map ---------------------------------------------------------------------

void LegendHandlerMap::set(std::type_index type, std::function<bool(const Artist&)> matches,
                           LegendHandler handler) {
  std::erase_if(entries_, [&](const Entry& e) { return e.type == type; });
  entries_.push_back(Entry{type, std::move(matches), std::move(handler)});
}

const LegendHandler* LegendHandlerMap::find(const Artist& artist) const {
  const std::type_index exact(typeid(artist));
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    if (it->type == exact) return &it->handler;
  }
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    if (it->matches && it->matches(artist)) return &it->handler;
  }
  return nullptr;
}

void LegendHandlerMap::update(const LegendHandlerMap& other) {
  for (const Entry& e : other.entries_) set(e.type, e.matches, e.handler);
}

std::pair<std::vector<double>, std::vector<double>> legend_npoints_xdata(int numpoints,
                                                                         const LegendHandleBox& box,
                                                                         double fontsize,
                                                                         double marker_pad) {
  std::vector<double> xdata;
  if (numpoints > 1) {
    // Padded so that the outer markers stay inside the box.
    const double pad = marker_pad * fontsize;
    const double a = -box.xdescent + pad;
    const double b = -box.xdescent + box.width - pad;
    xdata.resize(static_cast<std::size_t>(numpoints));
    const double step = (b - a) / (numpoints - 1);
    for (int i = 0; i < numpoints; ++i) xdata[static_cast<std::size_t>(i)] = a + i * step;
    xdata.back() = b;
    return {xdata, xdata};
  }
  xdata = {-box.xdescent, -box.xdescent + box.width};
  return {xdata, {-box.xdescent + 0.5 * box.width}};
}

namespace {

void line_best_data(const Artist& a, LegendBestData& data) {
  const auto& line = static_cast<const Line2D&>(a);
  const std::vector<double> xs = line.get_xdata();
  const std::vector<double> ys = line.get_ydata();
  std::vector<Point> pts(std::min(xs.size(), ys.size()));
  for (std::size_t i = 0; i < pts.size(); ++i) pts[i] = {xs[i], ys[i]};
  data.lines.push_back(line.get_transform()->transform_path(Path(std::move(pts))));
}

void patch_best_data(const Artist& a, LegendBestData& data) {
  if (const auto* r = dynamic_cast<const Rectangle*>(&a)) {
    // matplotlib: get_bbox().transformed(get_data_transform()) - three corners through the
    // artist transform (the angle is ignored, as there).
    const Bbox b = r->get_bbox();
    const TransformPtr t = r->get_transform();
    const Point ll = t->transform({b.x0, b.y0});
    const Point ul = t->transform({b.x0, b.y1});
    const Point lr = t->transform({b.x1, b.y0});
    data.bboxes.push_back(Bbox::from_extents(ll.x, ll.y, lr.x, ul.y));
    return;
  }
  const auto& p = static_cast<const Patch&>(a);
  data.bboxes.push_back(p.get_full_transform()->transform_path(p.get_path()).get_extents());
}

LegendHandlerMap builtin_handler_map() {
  LegendHandlerMap m;
  m.set<Line2D>(legend_handler_line2d());
  m.set<Patch>(legend_handler_patch());
  return m;
}

std::mutex& default_map_mutex() {
  static std::mutex m;
  return m;
}

LegendHandlerMap& default_map_unlocked() {
  static LegendHandlerMap m = builtin_handler_map();
  return m;
}

}  // namespace

LegendHandler legend_handler_line2d(std::optional<int> numpoints, double marker_pad) {
  LegendHandler h;
  h.create_artists = [numpoints, marker_pad](const Legend& legend, const Artist& orig,
                                             const LegendHandleBox& box, double fontsize) {
    const int n = numpoints.value_or(legend.numpoints());
    auto [xdata, xmarker] = legend_npoints_xdata(n, box, fontsize, marker_pad);
    (void)xmarker;
    MarkEvery markevery{};
    if (n == 1) {
      // One marker in the middle of a line spanning the box: a 3-point line marked at 1.
      const double a = xdata.front();
      const double b = xdata.back();
      xdata = {a, a + (b - a) / 2, b};
      markevery = std::vector<std::ptrdiff_t>{1};
    }
    const std::vector<double> ydata(xdata.size(), (box.height - box.ydescent) / 2);
    auto line = std::make_unique<Line2D>(xdata, ydata);
    if (const auto* src = dynamic_cast<const Line2D*>(&orig)) copy_line_properties(*line, *src);
    if (n == 1) line->set_markevery(markevery);
    if (legend.markerscale() != 1) {
      line->set_markersize(line->get_markersize() * legend.markerscale());
    }
    line->set_transform(box.transform);
    std::vector<std::unique_ptr<Artist>> out;
    out.push_back(std::move(line));
    return out;
  };
  h.best_data = line_best_data;
  return h;
}

LegendHandler legend_handler_patch() {
  LegendHandler h;
  h.create_artists = [](const Legend&, const Artist& orig, const LegendHandleBox& box, double) {
    auto rect =
        std::make_unique<Rectangle>(Point{-box.xdescent, -box.ydescent}, box.width, box.height);
    if (const auto* src = dynamic_cast<const Patch*>(&orig)) copy_patch_properties(*rect, *src);
    rect->set_transform(box.transform);
    std::vector<std::unique_ptr<Artist>> out;
    out.push_back(std::move(rect));
    return out;
  };
  h.best_data = patch_best_data;
  return h;
}

LegendHandlerMap default_legend_handler_map() {
  std::lock_guard lock(default_map_mutex());
  return default_map_unlocked();
}

void update_default_legend_handler_map(const LegendHandlerMap& extra) {
  std::lock_guard lock(default_map_mutex());
  default_map_unlocked().update(extra);
}

// ---- the offsetbox tree ------------------------------------------------------------------

namespace {

enum class Align { baseline, left, top, right, bottom, center };

// width, height, xdescent, ydescent of a box in pixels (offsetbox's get_extent).
struct Extent {
  double w = 0, h = 0, xd = 0, yd = 0;
};

class OBox {
 public:
  OBox() = default;
  virtual ~OBox() = default;
  OBox(const OBox&) = delete;
  OBox& operator=(const OBox&) = delete;
  [[nodiscard]] virtual bool visible() const { return visible_; }
  void set_visible(bool v) { visible_ = v; }
  virtual Extent extent(double dpi) = 0;
  /// Puts the box's origin (offset) at `offset` in display coordinates.
  virtual void place(Point offset, double dpi) = 0;
  virtual void draw(Renderer& renderer) = 0;

 private:
  bool visible_ = true;
};

// offsetbox.DrawingArea: a fixed box in points whose children are drawn through
// scale(dpi / 72) + translate(offset).
class DrawingAreaBox final : public OBox {
 public:
  DrawingAreaBox(double width, double height, double xdescent, double ydescent,
                 std::shared_ptr<Affine2DNode> transform)
      : width_(width),
        height_(height),
        xdescent_(xdescent),
        ydescent_(ydescent),
        transform_(std::move(transform)) {}
  void add(Artist* a) { children_.push_back(a); }
  Extent extent(double dpi) override {
    const double c = dpi / 72.0;
    return {width_ * c, height_ * c, xdescent_ * c, ydescent_ * c};
  }
  void place(Point offset, double dpi) override {
    const double c = dpi / 72.0;
    transform_->set_matrix(Affine2D().scale(c, c).translate(offset.x, offset.y));
  }
  void draw(Renderer& renderer) override {
    for (Artist* a : children_) {
      if (a->get_visible()) a->draw(renderer);
    }
  }

 private:
  double width_, height_, xdescent_, ydescent_;
  std::shared_ptr<Affine2DNode> transform_;
  std::vector<Artist*> children_{};
};

// offsetbox.TextArea around a baseline/left aligned Text in display coordinates.
class TextAreaBox final : public OBox {
 public:
  TextAreaBox(Text* text, bool multilinebaseline)
      : text_(text), multilinebaseline_(multilinebaseline) {}
  [[nodiscard]] bool visible() const override { return OBox::visible(); }
  Extent extent(double dpi) override {
    const TextMetrics lp = measure("lp", text_->get_fontproperties(), dpi);
    const TextLayout& lay = text_->layout(dpi);
    const double w = lay.extent.width();
    double h = lay.extent.height();
    double yd = lay.descent;
    shift_ = 0.0;
    if (lay.lines.size() > 1 && multilinebaseline_) {
      const double yd_new = 0.5 * h - 0.5 * (lp.height - lp.descent);
      shift_ = yd - yd_new;
      yd = yd_new;
    } else {
      const double h_d = std::max(lp.height - lp.descent, h - yd);
      h = h_d + yd;
    }
    double xd = 0.0;
    if (text_->get_ha() == HAlign::center) xd = w / 2;
    if (text_->get_ha() == HAlign::right) xd = w;
    return {w, h, xd, yd};
  }
  void place(Point offset, double dpi) override {
    (void)extent(dpi);  // the baseline shift of this dpi
    text_->set_position({offset.x, offset.y + shift_});
  }
  void draw(Renderer& renderer) override { text_->draw(renderer); }

 private:
  Text* text_;
  bool multilinebaseline_;
  double shift_ = 0.0;
};

// offsetbox._get_packed_offsets: (total, left offsets) of boxes given as (width, descent).
std::pair<double, std::vector<double>> packed_offsets(const std::vector<double>& widths,
                                                      std::optional<double> total, double sep,
                                                      bool expand) {
  std::vector<double> offsets(widths.size());
  if (!expand) {
    double acc = 0.0;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      offsets[i] = acc;
      acc += widths[i] + sep;
    }
    return {total ? *total : acc - sep, offsets};
  }
  const double t = total.value_or(1.0);
  const double sum = std::accumulate(widths.begin(), widths.end(), 0.0);
  const double s = widths.size() > 1 ? (t - sum) / static_cast<double>(widths.size() - 1) : 0.0;
  double acc = 0.0;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    offsets[i] = acc;
    acc += widths[i] + s;
  }
  return {t, offsets};
}

// offsetbox._get_aligned_offsets: (total height, descent, bottom offsets) of boxes given as
// (height, descent).
std::tuple<double, double, std::vector<double>> aligned_offsets(
    const std::vector<std::pair<double, double>>& hd, std::optional<double> height, Align align) {
  double total = 0.0;
  if (height) {
    total = *height;
  } else {
    for (const auto& [h, d] : hd) total = std::max(total, h);
  }
  std::vector<double> offsets(hd.size(), 0.0);
  double descent = 0.0;
  switch (align) {
    case Align::baseline: {
      double hmd = -std::numeric_limits<double>::infinity();
      double dmax = -std::numeric_limits<double>::infinity();
      for (const auto& [h, d] : hd) {
        hmd = std::max(hmd, h - d);
        dmax = std::max(dmax, d);
      }
      descent = dmax;
      total = hmd + dmax;
      break;
    }
    case Align::left:
    case Align::top:
      for (std::size_t i = 0; i < hd.size(); ++i) offsets[i] = hd[i].second;
      break;
    case Align::right:
    case Align::bottom:
      for (std::size_t i = 0; i < hd.size(); ++i) {
        offsets[i] = total - hd[i].first + hd[i].second;
      }
      break;
    case Align::center:
      for (std::size_t i = 0; i < hd.size(); ++i) {
        offsets[i] = (total - hd[i].first) * 0.5 + hd[i].second;
      }
      break;
  }
  return {total, descent, offsets};
}

// offsetbox.HPacker / VPacker.
class PackerBox final : public OBox {
 public:
  PackerBox(bool vertical, double pad, double sep, Align align, bool expand = false)
      : vertical_(vertical), pad_(pad), sep_(sep), align_(align), expand_(expand) {}
  OBox& add(std::unique_ptr<OBox> child) {
    children_.push_back(std::move(child));
    return *children_.back();
  }
  void set_width(std::optional<double> width) { width_ = width; }
  void set_align(Align align) { align_ = align; }
  [[nodiscard]] bool expand() const { return expand_; }

  struct Layout {
    Extent extent;
    std::vector<OBox*> kids;
    std::vector<Point> offsets;
  };

  Layout extent_offsets(double dpi) {
    const double c = dpi / 72.0;
    const double pad = pad_ * c;
    const double sep = sep_ * c;
    Layout out;
    for (auto& ch : children_) {
      if (ch->visible()) out.kids.push_back(ch.get());
    }
    if (vertical_) {
      if (width_) {
        for (OBox* k : out.kids) {
          if (auto* p = dynamic_cast<PackerBox*>(k); p && p->expand()) p->set_width(width_);
        }
      }
      std::vector<Extent> whd;
      for (OBox* k : out.kids) {
        Extent e = k->extent(dpi);
        e.yd = e.h - e.yd;
        whd.push_back(e);
      }
      if (whd.empty()) {
        out.extent = {2 * pad, 2 * pad, pad, pad};
        return out;
      }
      std::vector<std::pair<double, double>> wd;
      std::vector<double> heights;
      for (const Extent& e : whd) {
        wd.emplace_back(e.w, e.xd);
        heights.push_back(e.h);
      }
      auto [width, xdescent, xoffsets] = aligned_offsets(wd, width_, align_);
      auto [height, yoff] = packed_offsets(heights, std::nullopt, sep, expand_);
      for (std::size_t i = 0; i < yoff.size(); ++i) yoff[i] += whd[i].yd;
      const double ydescent = height - yoff[0];
      for (std::size_t i = 0; i < yoff.size(); ++i) {
        out.offsets.push_back({xoffsets[i], height - yoff[i] - ydescent});
      }
      out.extent = {width + 2 * pad, height + 2 * pad, xdescent + pad, ydescent + pad};
      return out;
    }
    std::vector<Extent> whd;
    for (OBox* k : out.kids) whd.push_back(k->extent(dpi));
    if (whd.empty()) {
      out.extent = {2 * pad, 2 * pad, pad, pad};
      return out;
    }
    std::vector<std::pair<double, double>> hd;
    std::vector<double> widths;
    for (const Extent& e : whd) {
      hd.emplace_back(e.h, e.yd);
      widths.push_back(e.w);
    }
    auto [height, ydescent, yoffsets] = aligned_offsets(hd, std::nullopt, align_);
    auto [width, xoff] = packed_offsets(widths, width_, sep, expand_);
    const double xdescent = whd[0].xd;
    for (std::size_t i = 0; i < xoff.size(); ++i) {
      out.offsets.push_back({xoff[i] + whd[i].xd - xdescent, yoffsets[i]});
    }
    out.extent = {width + 2 * pad, height + 2 * pad, xdescent + pad, ydescent + pad};
    return out;
  }

  Extent extent(double dpi) override { return extent_offsets(dpi).extent; }
  void place(Point offset, double dpi) override {
    const Layout l = extent_offsets(dpi);
    for (std::size_t i = 0; i < l.kids.size(); ++i) {
      l.kids[i]->place({offset.x + l.offsets[i].x, offset.y + l.offsets[i].y}, dpi);
    }
  }
  void draw(Renderer& renderer) override {
    for (auto& ch : children_) {
      if (ch->visible()) ch->draw(renderer);
    }
  }

 private:
  bool vertical_;
  double pad_;  // points
  double sep_;  // points
  Align align_;
  bool expand_;
  std::optional<double> width_{};  // pixels
  std::vector<std::unique_ptr<OBox>> children_{};
};

Align parse_alignment(std::string_view a) {
  if (a == "center") return Align::center;
  if (a == "left") return Align::left;
  if (a == "right") return Align::right;
  throw ValueError(
      fmt::format("'{}' is not a valid value for alignment; supported values are 'center', 'left', "
                  "'right'",
                  a));
}

constexpr std::array<std::string_view, 11> kLocNames = {
    "best",        "upper right",  "upper left",   "lower left",   "lower right", "right",
    "center left", "center right", "lower center", "upper center", "center"};

std::variant<int, Point> parse_loc(const LegendLoc& loc) {
  if (const auto* s = std::get_if<std::string>(&loc)) {
    for (std::size_t i = 0; i < kLocNames.size(); ++i) {
      if (*s == kLocNames[i]) return static_cast<int>(i);
    }
    std::string names;
    for (std::size_t i = 0; i < kLocNames.size(); ++i) {
      names += fmt::format("{}'{}'", i ? ", " : "", kLocNames[i]);
    }
    throw ValueError(
        fmt::format("'{}' is not a valid value for loc; supported values are {}", *s, names));
  }
  if (const auto* i = std::get_if<int>(&loc)) {
    if (*i < 0 || *i > 10) {
      throw ValueError(fmt::format("loc must be a location code 0-10, got {}", *i));
    }
    return *i;
  }
  const Point p = std::get<Point>(loc);
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
    throw ValueError(fmt::format("loc must be a finite point, got ({}, {})", p.x, p.y));
  }
  return p;
}

// Python's np.array_split sizes: the first n % k parts get one more.
std::vector<std::size_t> split_sizes(std::size_t n, std::size_t k) {
  std::vector<std::size_t> sizes(k, n / k);
  for (std::size_t i = 0; i < n % k; ++i) ++sizes[i];
  return sizes;
}

// Bbox.count_contains: vertices strictly inside.
int count_contains(const Bbox& box, std::span<const Point> pts) {
  const double x0 = box.xmin(), x1 = box.xmax(), y0 = box.ymin(), y1 = box.ymax();
  int n = 0;
  for (const Point& p : pts) {
    if (x0 < p.x && p.x < x1 && y0 < p.y && p.y < y1) ++n;
  }
  return n;
}

// Bbox.count_overlaps (_path.h count_bboxes_overlapping_bbox): open-interior overlaps.
int count_overlaps(const Bbox& box, const std::vector<Bbox>& boxes) {
  const double ax0 = box.xmin(), ax1 = box.xmax(), ay0 = box.ymin(), ay1 = box.ymax();
  int n = 0;
  for (const Bbox& b : boxes) {
    const double bx0 = b.xmin(), bx1 = b.xmax(), by0 = b.ymin(), by1 = b.ymax();
    if (!(bx1 <= ax0 || by1 <= ay0 || bx0 >= ax1 || by0 >= ay1)) ++n;
  }
  return n;
}

// _path.h segment_intersects_rectangle (center cx, cy, full width w, height h).
bool segment_intersects_rectangle(Point a, Point b, double cx, double cy, double w, double h) {
  return std::abs(a.x + b.x - 2.0 * cx) < w + std::abs(a.x - b.x) &&
         std::abs(a.y + b.y - 2.0 * cy) < h + std::abs(a.y - b.y) &&
         2.0 * std::abs((a.x - cx) * (a.y - b.y) - (a.y - cy) * (a.x - b.x)) <
             w * std::abs(a.y - b.y) + h * std::abs(a.x - b.x);
}

// Path.intersects_bbox(bbox, filled=False) for a polyline: non-finite vertices are skipped
// and the remaining ones joined, as matplotlib's NaN remover feeds the test.
bool intersects_bbox(std::span<const Point> pts, const Bbox& box) {
  const double cx = (box.x0 + box.x1) * 0.5, cy = (box.y0 + box.y1) * 0.5;
  const double w = std::abs(box.x0 - box.x1), h = std::abs(box.y0 - box.y1);
  auto finite = [](Point v) { return std::isfinite(v.x) && std::isfinite(v.y); };
  std::size_t i = 0;
  while (i < pts.size() && !finite(pts[i])) ++i;
  if (i == pts.size()) return false;
  Point p = pts[i];
  if (2.0 * std::abs(p.x - cx) <= w && 2.0 * std::abs(p.y - cy) <= h) return true;
  for (++i; i < pts.size(); ++i) {
    if (!finite(pts[i])) continue;
    if (segment_intersects_rectangle(p, pts[i], cx, cy, w, h)) return true;
    p = pts[i];
  }
  return false;
}

}  // namespace

struct Legend::Box {
  std::unique_ptr<PackerBox> root;
  TextAreaBox* title = nullptr;
  PackerBox* handle_box = nullptr;
};

// ---- Legend ------------------------------------------------------------------------------

Legend::Legend(Axes& parent, std::vector<Artist*> handles, std::vector<std::string> labels,
               const LegendOptions& options)
    : parent_axes_(&parent) {
  Artist::set_figure(parent.get_figure());
  set_axes(&parent);
  init(std::move(handles), std::move(labels), options);
}

Legend::Legend(Figure& parent, std::vector<Artist*> handles, std::vector<std::string> labels,
               const LegendOptions& options)
    : parent_figure_(&parent) {
  Artist::set_figure(&parent);
  init(std::move(handles), std::move(labels), options);
}

Legend::~Legend() = default;

void Legend::init(std::vector<Artist*> handles, std::vector<std::string> labels,
                  const LegendOptions& o) {
  const RcParams p = rc();
  set_zorder(5.0);
  set_transform(IdentityTransform::make());

  // Fonts.
  if (o.prop) {
    prop_ = *o.prop;
  } else {
    prop_ = font_from_options({});
    if (o.fontsize) {
      if (!(*o.fontsize > 0)) {
        throw ValueError(fmt::format("fontsize must be positive, got {}", *o.fontsize));
      }
      prop_.size = *o.fontsize;
    } else if (o.fontsize_name) {
      prop_.size = font_size_from_name(*o.fontsize_name, p.get_double("font.size"));
    } else {
      prop_.size = p.get_fontsize("legend.fontsize");
    }
  }
  fontsize_ = prop_.size;

  numpoints_ = o.numpoints.value_or(p.get_int("legend.numpoints"));
  markerscale_ = o.markerscale.value_or(p.get_double("legend.markerscale"));
  scatterpoints_ = o.scatterpoints.value_or(p.get_int("legend.scatterpoints"));
  borderpad_ = o.borderpad.value_or(p.get_double("legend.borderpad"));
  labelspacing_ = o.labelspacing.value_or(p.get_double("legend.labelspacing"));
  handlelength_ = o.handlelength.value_or(p.get_double("legend.handlelength"));
  handleheight_ = o.handleheight.value_or(p.get_double("legend.handleheight"));
  handletextpad_ = o.handletextpad.value_or(p.get_double("legend.handletextpad"));
  borderaxespad_ = o.borderaxespad.value_or(p.get_double("legend.borderaxespad"));
  columnspacing_ = o.columnspacing.value_or(p.get_double("legend.columnspacing"));
  shadow_ = o.shadow.value_or(p.get_bool("legend.shadow"));
  markerfirst_ = o.markerfirst;
  if (numpoints_ <= 0) {
    throw ValueError(fmt::format("numpoints must be > 0; it was {}", numpoints_));
  }
  if (scatterpoints_ <= 0) {
    throw ValueError(fmt::format("scatterpoints must be > 0; it was {}", scatterpoints_));
  }
  if (o.ncols < 1) throw ValueError(fmt::format("ncols must be >= 1, got {}", o.ncols));
  if (!o.mode.empty() && o.mode != "expand") {
    throw ValueError(fmt::format("mode must be 'expand' or empty, got '{}'", o.mode));
  }
  expand_ = o.mode == "expand";
  (void)parse_alignment(o.alignment);
  alignment_ = o.alignment;

  // Scatter y offsets, tiled to scatterpoints.
  std::vector<double> yoff = o.scatteryoffsets;
  if (yoff.empty()) yoff = {3.0 / 8.0, 4.0 / 8.0, 2.5 / 8.0};
  scatteryoffsets_.clear();
  for (int i = 0; i < scatterpoints_; ++i) {
    scatteryoffsets_.push_back(yoff[static_cast<std::size_t>(i) % yoff.size()]);
  }

  handler_map_ = default_legend_handler_map();
  handler_map_.update(o.handler_map);

  // Handles and labels: pairs up to the shorter list, optionally reversed, '_' labels out.
  const std::size_t n = std::min(handles.size(), labels.size());
  handles.resize(n);
  labels.resize(n);
  if (o.reverse) {
    std::reverse(handles.begin(), handles.end());
    std::reverse(labels.begin(), labels.end());
  }
  std::vector<Artist*> hs;
  std::vector<std::string> ls;
  for (std::size_t i = 0; i < n; ++i) {
    if (!labels[i].empty() && labels[i][0] == '_') continue;
    if (!handles[i]) throw ValueError(fmt::format("legend handle {} is null", i));
    hs.push_back(handles[i]);
    ls.push_back(labels[i]);
  }
  ncols_ = hs.size() < 2 ? 1 : o.ncols;

  // Location.
  LegendLoc loc = o.loc ? *o.loc : LegendLoc(p.get_string("legend.loc"));
  if (!is_axes_legend()) {
    if (!o.loc) {
      const auto parsed = parse_loc(loc);
      if (std::holds_alternative<int>(parsed) && std::get<int>(parsed) == 0) {
        loc = std::string("upper right");
      }
    }
  }
  set_loc(loc);
  bbox_to_anchor_ = nullptr;
  if (!o.bbox_to_anchor.empty()) set_bbox_to_anchor(o.bbox_to_anchor, o.bbox_transform);

  // The frame.
  Rgba face, edge;
  if (o.facecolor) {
    face = to_rgba(*o.facecolor);
  } else {
    const std::string fc = p.get_string("legend.facecolor");
    face = fc == "inherit" ? p.get_color("axes.facecolor") : p.get_color("legend.facecolor");
  }
  if (o.edgecolor) {
    edge = to_rgba(*o.edgecolor);
  } else {
    const std::string ec = p.get_string("legend.edgecolor");
    edge = ec == "inherit" ? p.get_color("axes.edgecolor") : p.get_color("legend.edgecolor");
  }
  const bool fancybox = o.fancybox.value_or(p.get_bool("legend.fancybox"));
  std::optional<double> alpha;
  if (o.framealpha) {
    alpha = *o.framealpha;
  } else if (shadow_) {
    alpha = 1.0;
  } else if (!p.is_none("legend.framealpha")) {
    alpha = p.get_double("legend.framealpha");
  }
  check_alpha(alpha, "framealpha");
  const BoxStyle style = fancybox ? BoxStyle{BoxStyleName::round, 0.0, 0.2}
                                  : BoxStyle{BoxStyleName::square, 0.0, std::nullopt};
  frame_ = std::make_unique<FancyBboxPatch>(
      Point{0, 0}, 1.0, 1.0, style, fontsize_,
      PatchOptions{.facecolor = Color(face), .edgecolor = Color(edge), .alpha = alpha});
  frame_->set_snap(true);
  frame_->set_visible(o.frameon.value_or(p.get_bool("legend.frameon")));
  frame_->set_transform(get_transform());
  frame_->set_figure(get_figure());

  // Title (font.size unless title_fontsize or rcParams legend.title_fontsize).
  FontProperties title_prop = font_from_options({});
  if (o.title_fontsize) {
    if (!(*o.title_fontsize > 0)) {
      throw ValueError(fmt::format("title_fontsize must be positive, got {}", *o.title_fontsize));
    }
    title_prop.size = *o.title_fontsize;
  } else if (o.title_fontsize_name) {
    title_prop.size = font_size_from_name(*o.title_fontsize_name, p.get_double("font.size"));
  } else if (!p.is_none("legend.title_fontsize")) {
    title_prop.size = p.get_fontsize("legend.title_fontsize");
  }
  title_ = std::make_unique<Text>(0.0, 0.0, std::string());
  title_->set_transform(get_transform());
  title_->set_figure(get_figure());
  title_->set_fontproperties(title_prop);

  // Entries.
  const double fs = fontsize_;
  const double descent = 0.35 * fs * (handleheight_ - 0.7);  // matplotlib's heuristic
  const double height = fs * handleheight_ - descent;
  for (std::size_t i = 0; i < hs.size(); ++i) {
    const LegendHandler* handler = handler_map_.find(*hs[i]);
    if (!handler || !handler->create_artists) {
      legend_handles_.push_back(nullptr);
      continue;
    }
    auto text = std::make_unique<Text>(0.0, 0.0, ls[i]);
    text->set_fontproperties(prop_);
    text->set_va(VAlign::baseline);
    text->set_ha(HAlign::left);
    text->set_transform(get_transform());
    text->set_figure(get_figure());
    Entry e;
    e.transform = Affine2DNode::make();
    e.box = LegendHandleBox{0.0, descent, handlelength_ * fs, height, e.transform};
    auto artists = handler->create_artists(*this, *hs[i], e.box, fs);
    for (auto& a : artists) {
      if (!a) continue;
      if (!a->is_transform_set()) a->set_transform(e.transform);
      a->set_figure(get_figure());
      a->set_clip_box(nullptr);
      a->set_clip_path(nullptr, nullptr);
      e.artists.push_back(a.get());
      handle_artists_.push_back(std::move(a));
    }
    legend_handles_.push_back(e.artists.empty() ? nullptr : e.artists.front());
    e.text = text.get();
    texts_.push_back(std::move(text));
    entries_.push_back(std::move(e));
  }

  // Label colors.
  static const std::map<std::string, int, std::less<>> getters = {
      {"linecolor", 0}, {"markerfacecolor", 1}, {"mfc", 1}, {"markeredgecolor", 2}, {"mec", 2}};
  std::vector<Color> cycle = o.labelcolors;
  if (cycle.empty()) {
    std::string lc = o.labelcolor ? *o.labelcolor : std::string();
    if (!o.labelcolor) {
      lc = p.is_none("legend.labelcolor") ? p.get_string("text.color")
                                          : p.get_string("legend.labelcolor");
    }
    if (auto it = getters.find(lc); it != getters.end()) {
      for (std::size_t i = 0; i < entries_.size(); ++i) {
        const Artist* h = entries_[i].artists.empty() ? nullptr : entries_[i].artists.front();
        if (const auto* line = dynamic_cast<const Line2D*>(h)) {
          const Rgba c = it->second == 0   ? line->get_color()
                         : it->second == 1 ? line->get_markerfacecolor()
                                           : line->get_markeredgecolor();
          entries_[i].text->set_color(c);
        } else if (const auto* patch = dynamic_cast<const Patch*>(h)) {
          entries_[i].text->set_color(it->second == 2 ? patch->get_edgecolor()
                                                      : patch->get_facecolor());
        }
      }
    } else {
      cycle.emplace_back(lc);
    }
  }
  if (!cycle.empty()) {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      entries_[i].text->set_color(cycle[i % cycle.size()]);
    }
  }

  build_legend_box();
  set_title(o.title);
}

void Legend::build_legend_box() {
  const double fs = fontsize_;
  auto box = std::make_unique<Box>();
  auto handle_box =
      std::make_unique<PackerBox>(false, 0.0, columnspacing_ * fs, Align::baseline, expand_);
  const auto sizes = split_sizes(entries_.size(), static_cast<std::size_t>(ncols_));
  std::size_t next = 0;
  for (std::size_t count : sizes) {
    if (count == 0) continue;
    auto column = std::make_unique<PackerBox>(true, 0.0, labelspacing_ * fs,
                                              markerfirst_ ? Align::baseline : Align::right);
    for (std::size_t k = 0; k < count; ++k, ++next) {
      Entry& e = entries_[next];
      auto item = std::make_unique<PackerBox>(false, 0.0, handletextpad_ * fs, Align::baseline);
      auto area = std::make_unique<DrawingAreaBox>(e.box.width, e.box.height, e.box.xdescent,
                                                   e.box.ydescent, e.transform);
      for (Artist* a : e.artists) area->add(a);
      auto text = std::make_unique<TextAreaBox>(e.text, true);
      if (markerfirst_) {
        item->add(std::move(area));
        item->add(std::move(text));
      } else {
        item->add(std::move(text));
        item->add(std::move(area));
      }
      column->add(std::move(item));
    }
    handle_box->add(std::move(column));
  }
  box->handle_box = handle_box.get();
  auto title = std::make_unique<TextAreaBox>(title_.get(), false);
  box->title = title.get();
  box->root = std::make_unique<PackerBox>(true, borderpad_ * fs, labelspacing_ * fs,
                                          parse_alignment(alignment_));
  box->root->add(std::move(title));
  box->root->add(std::move(handle_box));
  legend_box_ = std::move(box);
}

void Legend::set_figure(Figure* figure) {
  Artist::set_figure(figure);
  if (frame_) frame_->set_figure(figure);
  if (title_) title_->set_figure(figure);
  for (auto& t : texts_) t->set_figure(figure);
  for (auto& a : handle_artists_) a->set_figure(figure);
}

std::vector<Text*> Legend::get_texts() const {
  std::vector<Text*> out;
  for (const auto& t : texts_) out.push_back(t.get());
  return out;
}

std::vector<Line2D*> Legend::get_lines() const {
  std::vector<Line2D*> out;
  for (Artist* a : legend_handles_) {
    if (auto* l = dynamic_cast<Line2D*>(a)) out.push_back(l);
  }
  return out;
}

std::vector<Patch*> Legend::get_patches() const {
  std::vector<Patch*> out;
  for (Artist* a : legend_handles_) {
    if (auto* l = dynamic_cast<Patch*>(a)) out.push_back(l);
  }
  return out;
}

void Legend::set_frame_on(bool on) {
  frame_->set_visible(on);
  set_stale();
}

void Legend::set_title(std::string title, std::optional<FontProperties> prop) {
  const bool visible = !title.empty();
  title_->set_text(std::move(title));
  title_->set_visible(visible);
  legend_box_->title->set_visible(visible);
  if (prop) title_->set_fontproperties(*prop);
  set_stale();
}

void Legend::set_loc(const LegendLoc& loc) {
  const auto parsed = parse_loc(loc);
  if (!is_axes_legend() && std::holds_alternative<int>(parsed) && std::get<int>(parsed) == 0) {
    throw ValueError("Automatic legend placement (loc='best') not implemented for figure legend");
  }
  loc_ = parsed;
  set_stale();
}

const std::shared_ptr<BboxBase>& Legend::parent_bbox() const {
  return parent_axes_ ? parent_axes_->bbox() : parent_figure_->bbox();
}

Bbox Legend::get_bbox_to_anchor() const {
  return bbox_to_anchor_ ? bbox_to_anchor_->get_points() : parent_bbox()->get_points();
}

void Legend::set_bbox_to_anchor(std::vector<double> bbox, TransformPtr transform) {
  if (bbox.empty()) {
    bbox_to_anchor_ = nullptr;
    set_stale();
    return;
  }
  if (bbox.size() != 2 && bbox.size() != 4) {
    throw ValueError(fmt::format("Invalid bbox: [{}] (bbox_to_anchor takes 2 or 4 numbers)",
                                 fmt::join(bbox, ", ")));
  }
  for (double v : bbox) {
    if (!std::isfinite(v)) {
      throw ValueError(fmt::format("Invalid bbox: [{}]", fmt::join(bbox, ", ")));
    }
  }
  if (bbox.size() == 2) bbox = {bbox[0], bbox[1], 0.0, 0.0};
  if (!transform) transform = BboxTransformTo::make(parent_bbox());
  bbox_to_anchor_ = TransformedBbox::make(
      BboxNode::make(Bbox::from_bounds(bbox[0], bbox[1], bbox[2], bbox[3])), transform);
  set_stale();
}

void Legend::set_ncols(int ncols) {
  if (ncols < 1) throw ValueError(fmt::format("ncols must be >= 1, got {}", ncols));
  ncols_ = ncols;
  build_legend_box();
  legend_box_->title->set_visible(!title_->get_text().empty());
  set_stale();
}

void Legend::set_alignment(std::string_view alignment) {
  legend_box_->root->set_align(parse_alignment(alignment));
  alignment_ = std::string(alignment);
  set_stale();
}

bool Legend::empty_legend() const { return entries_.empty() && title_->get_text().empty(); }

Point Legend::anchored_position(int code, double width, double height, double dpi) const {
  // offsetbox._get_anchored_bbox: the parent box shrunk by borderaxespad, then
  // Bbox.anchored with the compass point of the code.
  static constexpr std::array<std::array<double, 2>, 11> kCoefs = {{{0.0, 0.0},
                                                                    {1.0, 1.0},    // NE
                                                                    {0.0, 1.0},    // NW
                                                                    {0.0, 0.0},    // SW
                                                                    {1.0, 0.0},    // SE
                                                                    {1.0, 0.5},    // E
                                                                    {0.0, 0.5},    // W
                                                                    {1.0, 0.5},    // E
                                                                    {0.5, 0.0},    // S
                                                                    {0.5, 1.0},    // N
                                                                    {0.5, 0.5}}};  // C
  const double pad = borderaxespad_ * fontsize_ * dpi / 72.0;
  const Bbox parent = get_bbox_to_anchor();
  const double l = parent.x0 + pad;
  const double b = parent.y0 + pad;
  const double w = (parent.x1 - pad) - l;
  const double h = (parent.y1 - pad) - b;
  const auto& c = kCoefs[static_cast<std::size_t>(code)];
  return {l + c[0] * (w - width), b + c[1] * (h - height)};
}

LegendBestData Legend::auto_legend_data() const {
  LegendBestData data;
  if (!parent_axes_) return data;
  for (Artist* a : parent_axes_->get_children()) {
    const LegendHandler* h = handler_map_.find(*a);
    if (h && h->best_data) h->best_data(*a, data);
  }
  return data;
}

int legend_badness(const LegendBestData& data, const Bbox& box) {
  int badness = 0;
  for (const Path& p : data.lines) {
    badness += count_contains(box, p.vertices());
    badness += intersects_bbox(p.vertices(), box) ? 1 : 0;
  }
  badness += count_contains(box, data.offsets);
  badness += count_overlaps(box, data.bboxes);
  return badness;
}

Point Legend::find_best_position(double width, double height, double dpi) const {
  const LegendBestData data = auto_legend_data();
  int best = std::numeric_limits<int>::max();
  Point best_pos{};
  for (int code = 1; code <= 10; ++code) {
    const Point lb = anchored_position(code, width, height, dpi);
    const int badness = legend_badness(data, Bbox::from_bounds(lb.x, lb.y, width, height));
    if (badness == 0) return lb;
    if (badness < best) {  // ties keep the lower code
      best = badness;
      best_pos = lb;
    }
  }
  return best_pos;
}

Bbox Legend::layout(double dpi) const {
  if (empty_legend()) return Bbox::null();
  PackerBox& root = *legend_box_->root;
  const double fontsize_px = fontsize_ * dpi / 72.0;
  if (expand_) {
    const double pad = 2 * (borderaxespad_ + borderpad_) * fontsize_px;
    root.set_width(get_bbox_to_anchor().width() - pad);
  } else {
    root.set_width(std::nullopt);
  }
  const Extent e = root.extent(dpi);
  Point ll;
  if (const auto* code = std::get_if<int>(&loc_)) {
    if (*code == 0) {
      if (parent_axes_) parent_axes_->unstale_view_lim();
      ll = find_best_position(e.w, e.h, dpi);
    } else {
      ll = anchored_position(*code, e.w, e.h, dpi);
    }
  } else {
    const Point f = std::get<Point>(loc_);
    const Bbox b = get_bbox_to_anchor();
    ll = {b.x0 + b.width() * f.x, b.y0 + b.height() * f.y};
  }
  root.place({ll.x + e.xd, ll.y + e.yd}, dpi);
  frame_->set_bounds(ll.x, ll.y, e.w, e.h);
  frame_->set_mutation_scale(fontsize_px);
  return Bbox::from_bounds(ll.x, ll.y, e.w, e.h);
}

Bbox Legend::get_window_extent(double dpi) const { return layout(dpi); }

Bbox Legend::get_window_extent() const { return layout(figure_dpi()); }

Bbox Legend::get_tightbbox() const {
  if (!get_visible()) return Bbox::null();
  return get_window_extent();
}

void Legend::draw(Renderer& renderer) {
  if (!get_visible() || empty_legend()) return;
  renderer.open_group("legend", get_gid());
  const Bbox box = layout(renderer.dpi());
  if (shadow_ && frame_->get_visible()) {
    // matplotlib's Shadow(legendPatch, 2, -2): the frame moved by (2, -2) points in 0.3 times
    // the frame's face color, alpha 0.5.
    const double ox = renderer.points_to_pixels(2.0);
    const double oy = renderer.points_to_pixels(-2.0);
    const Rgba f = frame_->get_facecolor();
    const Rgba c{0.3 * f.r, 0.3 * f.g, 0.3 * f.b, 1.0};
    FancyBboxPatch shadow({box.x0 + ox, box.y0 + oy}, box.width(), box.height(),
                          frame_->get_boxstyle(), frame_->get_mutation_scale(),
                          PatchOptions{.facecolor = Color(c),
                                       .edgecolor = Color(c),
                                       .linewidth = frame_->get_linewidth(),
                                       .alpha = 0.5});
    shadow.set_transform(get_transform());
    shadow.set_figure(get_figure());
    shadow.draw(renderer);
  }
  frame_->draw(renderer);
  legend_box_->root->draw(renderer);
  renderer.close_group("legend");
  set_stale(false);
}

// ---- Axes::legend and Figure::legend ----------------------------------------------------

namespace {

// _get_legend_handles_labels over some Axes: children with a handler and a label that is
// neither empty nor starting with '_'.
void gather_handles(const std::vector<Axes*>& axes, const LegendHandlerMap& extra,
                    std::vector<Artist*>& handles, std::vector<std::string>& labels) {
  LegendHandlerMap map = default_legend_handler_map();
  map.update(extra);
  for (const Axes* ax : axes) {
    for (Artist* a : ax->get_children()) {
      const std::string& label = a->get_label();
      if (label.empty() || label[0] == '_') continue;
      if (!map.find(*a)) continue;
      handles.push_back(a);
      labels.push_back(label);
    }
  }
}

std::vector<std::string> labels_of(const std::vector<Artist*>& handles) {
  std::vector<std::string> out;
  for (const Artist* h : handles) out.push_back(h ? h->get_label() : std::string());
  return out;
}

}  // namespace

Legend& Axes::legend(const LegendOptions& options) {
  std::vector<Artist*> handles;
  std::vector<std::string> labels;
  gather_handles({this}, options.handler_map, handles, labels);
  return legend(std::move(handles), std::move(labels), options);
}

Legend& Axes::legend(std::vector<Artist*> handles, std::vector<std::string> labels,
                     const LegendOptions& options) {
  if (labels.empty()) labels = labels_of(handles);
  auto leg = std::make_unique<Legend>(*this, std::move(handles), std::move(labels), options);
  std::erase_if(extra_artists_,
                [](const auto& a) { return dynamic_cast<const Legend*>(a.get()) != nullptr; });
  Legend& ref = *leg;
  extra_artists_.push_back(std::move(leg));
  set_stale();
  return ref;
}

Legend* Axes::get_legend() const {
  for (const auto& a : extra_artists_) {
    if (auto* l = dynamic_cast<Legend*>(a.get())) return l;
  }
  return nullptr;
}

Legend& Figure::legend(const LegendOptions& options) {
  std::vector<Artist*> handles;
  std::vector<std::string> labels;
  gather_handles(get_axes(), options.handler_map, handles, labels);
  return legend(std::move(handles), std::move(labels), options);
}

Legend& Figure::legend(std::vector<Artist*> handles, std::vector<std::string> labels,
                       const LegendOptions& options) {
  if (labels.empty()) labels = labels_of(handles);
  auto leg = std::make_unique<Legend>(*this, std::move(handles), std::move(labels), options);
  return static_cast<Legend&>(add_artist(std::move(leg)));
}

Legend* Figure::get_legend() const {
  for (auto it = artists_.rbegin(); it != artists_.rend(); ++it) {
    if (auto* l = dynamic_cast<Legend*>(it->get())) return l;
  }
  return nullptr;
}

}  // namespace strata
