// SPDX-License-Identifier: MIT
// Collections and ScalarMappable (matplotlib's collections.py and cm.py).
#include "strata/artist/collections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "strata/artist/axes.hpp"
#include "strata/artist/figure.hpp"
#include "strata/artist/legend.hpp"
#include "strata/artist/linestyle.hpp"
#include "strata/artist/patches.hpp"
#include "strata/data/array_container.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Grows `b` by a finite point (both coordinates finite, as matplotlib's NaN remover keeps
// only such vertices), tracking minpos.
void grow_finite(Bbox& b, Point p) {
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
  b.x0 = std::min(b.x0, p.x);
  b.x1 = std::max(b.x1, p.x);
  b.y0 = std::min(b.y0, p.y);
  b.y1 = std::max(b.y1, p.y);
  if (p.x > 0) b.minposx = std::min(b.minposx, p.x);
  if (p.y > 0) b.minposy = std::min(b.minposy, p.y);
}

// A closed polygon: the vertices, the first again, codes MOVETO, LINETO..., CLOSEPOLY
// (matplotlib's Path._create_closed). Empty input gives an empty path.
Path closed_path(std::vector<Point> xy) {
  if (xy.empty()) return Path();
  std::vector<PathCode> codes(xy.size() + 1, PathCode::lineto);
  codes.front() = PathCode::moveto;
  codes.back() = PathCode::closepoly;
  xy.push_back(xy.front());
  return Path(std::move(xy), std::move(codes));
}

// Gathers list[kept[i]] when the list has one entry per item before masking.
template <class T>
std::vector<T> compress(const std::vector<T>& list, const std::vector<std::size_t>& kept,
                        std::size_t count_before_mask) {
  if (kept.empty() || list.size() != count_before_mask || list.empty()) return list;
  std::vector<T> out;
  out.reserve(kept.size());
  for (std::size_t i : kept) out.push_back(list[i]);
  return out;
}

std::vector<double> column_values(const QueryResult& r, const char* name) {
  auto it = r.columns.find(name);
  if (it == r.columns.end()) return {};
  return it->second.to_vector();
}

// Paths from "x", "y" and "lengths" (vertex counts per item).
std::vector<Path> paths_from_vertices(const QueryResult& r, bool closed, const char* who) {
  const std::vector<double> xs = r.at("x").to_vector();
  const std::vector<double> ys = r.at("y").to_vector();
  const std::vector<double> lengths = r.at("lengths").to_vector();
  if (xs.size() != ys.size()) {
    throw ValueError(
        fmt::format("{}: the data has {} x values and {} y values", who, xs.size(), ys.size()));
  }
  std::vector<Path> paths;
  paths.reserve(lengths.size());
  std::size_t first = 0;
  for (double lf : lengths) {
    if (!(lf >= 0) || lf != std::floor(lf)) {
      throw ValueError(fmt::format("{}: lengths must be non-negative integers, not {}", who, lf));
    }
    const auto n = static_cast<std::size_t>(lf);
    if (first + n > xs.size()) {
      throw ValueError(
          fmt::format("{}: the lengths add up to more than the {} vertices given", who, xs.size()));
    }
    std::vector<Point> pts(n);
    for (std::size_t i = 0; i < n; ++i) pts[i] = {xs[first + i], ys[first + i]};
    first += n;
    paths.push_back(closed ? closed_path(std::move(pts)) : Path(std::move(pts)));
  }
  if (first != xs.size()) {
    throw ValueError(fmt::format("{}: the lengths add up to {} but {} vertices are given", who,
                                 first, xs.size()));
  }
  return paths;
}

void require_fields(const DataContainer& data, std::initializer_list<const char*> names,
                    const char* who) {
  const auto desc = data.describe();
  for (const char* n : names) {
    if (!desc.contains(n)) {
      throw ValueError(fmt::format("{}: the data container must have a field '{}'", who, n));
    }
  }
}

// np.interp(x, xp, fp) for xp sorted ascending.
double np_interp(double x, const std::vector<double>& xp, const std::vector<double>& fp) {
  const std::size_t n = xp.size();
  if (n == 0 || std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
  if (n == 1) return fp[0];
  if (x < xp[0]) return fp[0];
  if (x > xp[n - 1]) return fp[n - 1];
  std::size_t j = static_cast<std::size_t>(std::upper_bound(xp.begin(), xp.end(), x) - xp.begin());
  j = j == 0 ? 0 : j - 1;
  if (j >= n - 1) return fp[n - 1];
  if (xp[j] == x) return fp[j];
  const double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
  double r = slope * (x - xp[j]) + fp[j];
  if (std::isnan(r)) {
    r = slope * (x - xp[j + 1]) + fp[j + 1];
    if (std::isnan(r) && fp[j] == fp[j + 1]) r = fp[j];
  }
  return r;
}

// The indices that sort `v` (two or fewer elements in practice; stable).
std::vector<std::size_t> argsort(const std::vector<double>& v) {
  std::vector<std::size_t> idx(v.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(),
                   [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  return idx;
}

}  // namespace

// ---- CmapArg ----------------------------------------------------------------------------------

CmapArg::CmapArg(const char* name) : cmap_(get_cmap(name)) {}
CmapArg::CmapArg(std::string_view name) : cmap_(get_cmap(name)) {}
CmapArg::CmapArg(const std::string& name) : cmap_(get_cmap(name)) {}
CmapArg::CmapArg(std::shared_ptr<const Colormap> cmap) : cmap_(std::move(cmap)) {
  if (!cmap_) throw ValueError("cmap must be a Colormap or a registered name, not null");
}
CmapArg::CmapArg(std::shared_ptr<Colormap> cmap)
    : CmapArg(std::shared_ptr<const Colormap>(std::move(cmap))) {}

// ---- ScalarMappable ---------------------------------------------------------------------------

ScalarMappable::ScalarMappable(std::shared_ptr<Normalize> norm,
                               std::shared_ptr<const Colormap> cmap)
    : norm_(norm ? std::move(norm) : std::make_shared<Normalize>()),
      cmap_(cmap ? std::move(cmap) : strata::get_cmap(rc().get_string("image.cmap"))),
      alive_(std::make_shared<ScalarMappable*>(this)) {}

ScalarMappable::ScalarMappable(std::shared_ptr<Normalize> norm, const CmapArg& cmap)
    : ScalarMappable(std::move(norm), cmap.get()) {}

ScalarMappable::~ScalarMappable() { *alive_ = nullptr; }

void ScalarMappable::set_array(std::span<const double> values) {
  array_ = std::vector<double>(values.begin(), values.end());
  changed();
}

void ScalarMappable::clear_array() {
  array_.reset();
  changed();
}

std::optional<std::vector<double>> ScalarMappable::get_array() const { return array_; }

void ScalarMappable::set_cmap(std::shared_ptr<const Colormap> cmap) {
  cmap_ = cmap ? std::move(cmap) : strata::get_cmap(rc().get_string("image.cmap"));
  changed();
}

void ScalarMappable::set_cmap(std::string_view name) { set_cmap(strata::get_cmap(name)); }

void ScalarMappable::set_norm(std::shared_ptr<Normalize> norm) {
  norm_ = norm ? std::move(norm) : std::make_shared<Normalize>();
  changed();
}

std::pair<std::optional<double>, std::optional<double>> ScalarMappable::get_clim() const {
  return {norm_->vmin(), norm_->vmax()};
}

void ScalarMappable::set_clim(std::optional<double> vmin, std::optional<double> vmax) {
  if (vmin && !std::isfinite(*vmin)) {
    throw ValueError(fmt::format("vmin must be finite, not {}", *vmin));
  }
  if (vmax && !std::isfinite(*vmax)) {
    throw ValueError(fmt::format("vmax must be finite, not {}", *vmax));
  }
  if (vmin) norm_->set_vmin(vmin);
  if (vmax) norm_->set_vmax(vmax);
  changed();
}

void ScalarMappable::autoscale() {
  const auto a = get_array();
  if (!a) throw ValueError("You must first set_array for mappable");
  norm_->autoscale(*a);
  changed();
}

void ScalarMappable::autoscale_None() {  // NOLINT(readability-identifier-naming)
  const auto a = get_array();
  if (!a) throw ValueError("You must first set_array for mappable");
  norm_->autoscale_None(*a);
  changed();
}

std::vector<Rgba> ScalarMappable::to_rgba(std::span<const double> values,
                                          std::optional<double> alpha, bool norm) const {
  if (alpha) check_alpha(alpha);
  std::vector<double> x(values.begin(), values.end());
  bool indices = false;
  if (norm) {
    norm_->process(values, x);
    indices = norm_->returns_indices();
  }
  std::vector<Rgba> out(x.size());
  const Colormap& cm = *cmap_;
  const Rgba bad = cm.get_bad();
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!indices) {
      out[i] = cm(x[i], alpha);
      continue;
    }
    // BoundaryNorm: colormap indices, NaN bad.
    if (std::isnan(x[i])) {
      out[i] = bad;
      if (alpha && !(bad == Rgba{0, 0, 0, 0})) out[i].a = std::clamp(*alpha, 0.0, 1.0);
      continue;
    }
    out[i] = cm.at_index(static_cast<long long>(x[i]));
    if (alpha) out[i].a = std::clamp(*alpha, 0.0, 1.0);
  }
  return out;
}

Rgba ScalarMappable::to_rgba(double value, std::optional<double> alpha) const {
  return to_rgba(std::span<const double>(&value, 1), alpha).front();
}

void ScalarMappable::changed() {
  ++changed_count_;
  on_changed();
}

// ---- ColorArray -------------------------------------------------------------------------------

ColorArray::ColorArray(std::string_view spec) {
  std::string lower(spec);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (lower == "face") {
    face_ = true;
    return;
  }
  colors_.emplace_back(spec);
}
ColorArray::ColorArray(const char* spec) : ColorArray(std::string_view(spec)) {}
ColorArray::ColorArray(const std::string& spec) : ColorArray(std::string_view(spec)) {}
ColorArray::ColorArray(Color color) : colors_{std::move(color)} {}
ColorArray::ColorArray(Rgba color) : colors_{Color(color)} {}
ColorArray::ColorArray(std::vector<Color> colors) : colors_(std::move(colors)) {}
ColorArray::ColorArray(std::initializer_list<Color> colors) : colors_(colors) {}

bool ColorArray::is_none() const { return !face_ && colors_.size() == 1 && colors_[0].is_none(); }

std::vector<Rgba> ColorArray::to_rgba_array(std::optional<double> alpha) const {
  if (face_) throw ValueError("'face' is not a color; it stands for the face colors");
  if (is_none()) return {};
  std::vector<Rgba> out;
  out.reserve(colors_.size());
  for (const Color& c : colors_) out.push_back(to_rgba(c, alpha));
  return out;
}

// ---- Collection -------------------------------------------------------------------------------

struct Collection::Resolved {
  std::vector<Rgba> face;
  std::vector<Rgba> edge;
  std::vector<double> linewidths;
  std::vector<Dashes> dashes;
  std::vector<bool> antialiaseds;
  Rgba hatch_color;
};

Collection::Collection(DataContainerPtr data, const CollectionOptions& o, Defaults defaults)
    : ScalarMappable(o.norm, o.cmap ? o.cmap->get() : nullptr),
      data_(std::move(data)),
      defaults_(defaults) {
  if (!data_) throw ValueError("Collection: data container must not be null");
  const RcParams p = rc();
  hatch_color_ = p.get_color("hatch.color");
  if (o.alpha) Artist::set_alpha(o.alpha);
  if (o.colors.is_set()) {
    face_ = o.colors;
    edge_ = o.colors;
  }
  if (o.facecolors.is_set()) face_ = o.facecolors;
  if (o.edgecolors.is_set()) edge_ = o.edgecolors;
  if (face_ && face_->is_face()) {
    throw ValueError("facecolors cannot be 'face'; 'face' is for edge colors");
  }
  if (!o.linewidths.empty()) set_linewidths(o.linewidths);
  if (!o.linestyles.empty()) set_linestyles(o.linestyles);
  if (!o.antialiaseds.empty()) antialiaseds_ = o.antialiaseds;
  if (o.capstyle) capstyle_ = parse_capstyle(*o.capstyle);
  if (o.joinstyle) joinstyle_ = parse_joinstyle(*o.joinstyle);
  if (o.hatch) hatch_ = *o.hatch;
  set_zorder(o.zorder.value_or(defaults_.zorder));
  if (o.label) set_label(*o.label);
  if (o.clip_on) set_clip_on(*o.clip_on);
  if (o.rasterized) set_rasterized(*o.rasterized);
}

Collection::~Collection() = default;

void Collection::set_data(DataContainerPtr data) {
  if (!data) throw ValueError("Collection.set_data: data container must not be null");
  check_fields(*data);
  data_ = std::move(data);
  invalidate_items();
  changed();
}

void Collection::invalidate_items() {
  cached_key_.reset();
  set_stale();
}

const Collection::Items& Collection::items() const {
  if (streaming()) {
    // An empty chunk: the items carry the paths, sizes and colors but no offsets.
    if (cached_key_) return items_;
    QueryResult empty;
    for (const auto& [name, desc] : data_->describe()) empty.columns.emplace(name, Column());
    items_ = make_items(empty);
    cached_key_ = CacheKey{};
    ++rebuilds_;
    return items_;
  }
  const Axes* ax = get_axes();
  const QueryResult r = ax ? data_->query(*ax->axes_to_data(), ax->pixel_size())
                           : data_->query(*IdentityTransform::make(), {1, 1});
  if (cached_key_ && *cached_key_ == r.key) return items_;
  items_ = make_items(r);
  cached_key_ = r.key;
  ++rebuilds_;
  return items_;
}

std::vector<Affine2D> Collection::item_transforms(const Items& /*items*/, double /*dpi*/) const {
  return {};
}

// ---- colors ----

void Collection::set_facecolor(const ColorArray& colors) {
  if (colors.is_face()) throw ValueError("facecolors cannot be 'face'; 'face' is for edge colors");
  face_ = colors;
  set_stale();
}

void Collection::set_edgecolor(const ColorArray& colors) {
  edge_ = colors;
  set_stale();
}

void Collection::set_color(const ColorArray& colors) {
  set_facecolor(colors);
  set_edgecolor(colors);
}

bool Collection::get_fill() const {
  if (face_) return !face_->is_none();
  return !defaults_.face_none;
}

void Collection::set_alpha(std::optional<double> alpha) {
  Artist::set_alpha(alpha);
  changed();
}

std::optional<std::vector<double>> Collection::get_array() const {
  if (stored_array()) return stored_array();
  const auto desc = data_->describe();
  if (!desc.contains("c")) return std::nullopt;
  return items().values;
}

bool Collection::face_mapped(const Items& it) const {
  const bool has_array = stored_array().has_value() || data_->describe().contains("c");
  (void)it;
  return has_array && get_fill();
}

bool Collection::edge_mapped(const Items& it) const {
  const bool has_array = stored_array().has_value() || data_->describe().contains("c");
  (void)it;
  if (!has_array) return false;
  if (get_fill()) return edge_ && edge_->is_face();
  return !edge_.has_value();
}

std::vector<Rgba> Collection::mapped_colors(const Items& it) const {
  if (const auto& a = stored_array()) {
    return to_rgba(compress(*a, it.kept, it.count_before_mask), get_alpha());
  }
  return to_rgba(it.values, get_alpha());
}

std::vector<Rgba> Collection::resolved_face(const Items& it) const {
  if (face_mapped(it)) return mapped_colors(it);
  if (face_) return compress(face_->to_rgba_array(get_alpha()), it.kept, it.count_before_mask);
  if (defaults_.face_none) return {};
  return {strata::to_rgba(Color(rc().get_color("patch.facecolor")), get_alpha())};
}

std::vector<Rgba> Collection::resolved_edge(const Items& it, const std::vector<Rgba>& face) const {
  if (edge_ && edge_->is_face()) return face;
  if (edge_mapped(it)) return mapped_colors(it);
  if (edge_) return compress(edge_->to_rgba_array(get_alpha()), it.kept, it.count_before_mask);
  const RcParams p = rc();
  if (p.get_bool("patch.force_edgecolor") || defaults_.edge_default || !get_fill()) {
    const Rgba d = defaults_.lines ? p.get_color("lines.color") : p.get_color("patch.edgecolor");
    return {strata::to_rgba(Color(d), get_alpha())};
  }
  return {};
}

Collection::Resolved Collection::resolve(const Items& it) const {
  Resolved r;
  const RcParams p = rc();
  r.face = resolved_face(it);
  r.edge = resolved_edge(it, r.face);
  // The hatch color: the first explicit (or default) edge color, else rcParams hatch.color
  // (matplotlib's _set_edgecolor with set_hatch_color).
  r.hatch_color = hatch_color_;
  if (edge_ && !edge_->is_face() && !edge_->is_none()) {
    const auto e = edge_->to_rgba_array(get_alpha());
    if (!e.empty()) r.hatch_color = e.front();
  } else if (!edge_ && !r.edge.empty() && !edge_mapped(it)) {
    r.hatch_color = r.edge.front();
  }
  // Widths and dash patterns broadcast to a common length, the dashes scaled by the widths
  // (matplotlib's _bcast_lwls).
  std::vector<double> lw = linewidths_;
  if (lw.empty()) {
    lw = {defaults_.lines ? p.get_double("lines.linewidth") : p.get_double("patch.linewidth")};
  }
  lw = compress(lw, it.kept, it.count_before_mask);
  std::vector<Dashes> ds = dashes_;
  if (ds.size() != lw.size() && !ds.empty() && !lw.empty()) {
    const std::size_t g = std::gcd(ds.size(), lw.size());
    const std::size_t nd = ds.size(), nl = lw.size();
    std::vector<Dashes> ds2;
    std::vector<double> lw2;
    for (std::size_t k = 0; k < nl / g; ++k) ds2.insert(ds2.end(), ds.begin(), ds.end());
    for (std::size_t k = 0; k < nd / g; ++k) lw2.insert(lw2.end(), lw.begin(), lw.end());
    ds = std::move(ds2);
    lw = std::move(lw2);
  }
  r.dashes.reserve(ds.size());
  for (std::size_t i = 0; i < ds.size(); ++i) r.dashes.push_back(scale_dashes(ds[i], lw[i]));
  r.linewidths = std::move(lw);
  r.antialiaseds = antialiaseds_;
  if (r.antialiaseds.empty()) {
    r.antialiaseds = {defaults_.lines ? p.get_bool("lines.antialiased")
                                      : p.get_bool("patch.antialiased")};
  }
  return r;
}

std::vector<Rgba> Collection::get_facecolor() const { return resolved_face(items()); }

std::vector<Rgba> Collection::get_edgecolor() const {
  const Items& it = items();
  return resolved_edge(it, resolved_face(it));
}

// ---- lines ----

void Collection::set_linewidth(double points) { set_linewidths({points}); }

void Collection::set_linewidths(std::vector<double> points) {
  for (double w : points) {
    if (!(w >= 0) || !std::isfinite(w)) {
      throw ValueError(fmt::format("linewidth must be a non-negative number, got {}", w));
    }
  }
  linewidths_ = std::move(points);
  set_stale();
}

std::vector<double> Collection::get_linewidth() const { return resolve(items()).linewidths; }

void Collection::set_linestyle(std::string_view style) { set_dashes({get_dash_pattern(style)}); }

void Collection::set_linestyles(const std::vector<std::string>& styles) {
  std::vector<Dashes> d;
  d.reserve(styles.size());
  for (const auto& s : styles) d.push_back(get_dash_pattern(s));
  set_dashes(std::move(d));
}

void Collection::set_dashes(std::vector<Dashes> dashes) {
  if (dashes.empty()) dashes = {Dashes{}};
  dashes_ = std::move(dashes);
  set_stale();
}

std::vector<Dashes> Collection::get_linestyle() const { return resolve(items()).dashes; }

void Collection::set_antialiased(bool aa) { set_antialiaseds({aa}); }

void Collection::set_antialiaseds(std::vector<bool> aa) {
  antialiaseds_ = std::move(aa);
  set_stale();
}

void Collection::set_hatch(std::string hatch) {
  hatch_ = std::move(hatch);
  set_stale();
}

// ---- geometry ----

void Collection::set_offset_transform(TransformPtr transform) {
  offset_transform_ = std::move(transform);
  set_stale();
}

TransformPtr Collection::get_offset_transform() const {
  return offset_transform_ ? offset_transform_ : IdentityTransform::make();
}

std::vector<Point> Collection::get_offsets() const { return items().offsets; }

std::vector<Path> Collection::get_paths() const { return items().paths; }

Bbox Collection::get_datalim(const TransformPtr& trans_data) const {
  if (const StreamingContainer* sc = streaming()) return streaming_datalim(*sc, trans_data);
  const bool offsets_data = offset_transform_ && offset_transform_ == trans_data;
  const bool offsets_identity =
      !offset_transform_ ||
      (offset_transform_->is_affine() && offset_transform_->get_affine().is_identity());
  if (!offsets_identity && !offsets_data) return Bbox::null();
  const Items& it = items();
  if (it.paths.empty()) return Bbox::null();
  Bbox b = Bbox::null();
  const TransformPtr transform = get_transform();
  if (transform == trans_data) {
    // Paths in data coordinates: their vertices, moved by the offsets (in data, or zero).
    std::vector<Affine2D> trans = item_transforms(it, 72.0);
    const std::size_t np = it.paths.size();
    const std::size_t no = it.offsets.size();
    const std::size_t n = std::max(np, no);
    for (std::size_t i = 0; i < n; ++i) {
      Affine2D t = trans.empty() ? Affine2D() : trans[i % trans.size()];
      if (no != 0 && offsets_data) {
        const Point o = it.offsets[i % no];
        t = t.then(Affine2D::from_translation(o.x, o.y));
      }
      for (const Point& v : it.paths[i % np].vertices()) grow_finite(b, t.transform(v));
    }
    return b;
  }
  if (it.offsets.empty()) return Bbox::null();
  if (offsets_data) {
    for (const Point& o : it.offsets) grow_finite(b, o);
  } else {
    // Offsets in display coordinates, taken back to data.
    const TransformPtr inv = trans_data->inverted();
    for (const Point& o : it.offsets) grow_finite(b, inv->transform(o));
  }
  return b;
}

Bbox Collection::get_window_extent() const {
  if (streaming()) {
    // The offsets' data limits in display space (markers' own size left out).
    const Axes* ax = get_axes();
    if (ax == nullptr) return Bbox::null();
    const Bbox d = get_datalim(ax->transData());
    return d.is_null() ? d : ax->transData()->transform_bbox(d);
  }
  const Items& it = items();
  Bbox b = Bbox::null();
  const TransformPtr transform = get_transform();
  const TransformPtr offset_trf = get_offset_transform();
  const double dpi = figure_dpi();
  const std::vector<Affine2D> trans = item_transforms(it, dpi);
  const std::size_t np = it.paths.size();
  const std::size_t no = it.offsets.size();
  if (np == 0) return b;
  const std::size_t n = std::max(np, no);
  const bool affine = transform->is_affine();
  const Affine2D master = transform->get_affine();
  // Markers (identity master, item transforms k * identity): the extents of each path once,
  // scaled per item, so that many offsets stay cheap.
  const bool scales_only =
      affine && master.is_identity() &&
      std::all_of(trans.begin(), trans.end(), [](const Affine2D& t) {
        return t.b == 0 && t.c == 0 && t.e == 0 && t.f == 0 && t.a == t.d && t.a >= 0;
      });
  std::vector<Bbox> unit_extents;
  if (scales_only) {
    for (const Path& p : it.paths) unit_extents.push_back(p.get_extents());
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Affine2D t = trans.empty() ? Affine2D() : trans[i % trans.size()];
    Bbox e;
    if (scales_only) {
      const Bbox& u = unit_extents[i % np];
      e = u.is_null() ? u : Bbox::from_extents(u.x0 * t.a, u.y0 * t.a, u.x1 * t.a, u.y1 * t.a);
    } else {
      e = affine ? it.paths[i % np].get_extents(t.then(master))
                 : transform->transform_path(it.paths[i % np].transformed(t)).get_extents();
    }
    if (e.is_null()) continue;
    if (no != 0) {
      const Point o = offset_trf->transform(it.offsets[i % no]);
      if (!std::isfinite(o.x) || !std::isfinite(o.y)) continue;
      e = Bbox::from_extents(e.x0 + o.x, e.y0 + o.y, e.x1 + o.x, e.y1 + o.y);
    }
    b = Bbox::union_of(b, e);
  }
  return b;
}

void Collection::update_from(const Collection& other) {
  const Items& it = other.items();
  const std::vector<Rgba> face = other.resolved_face(it);
  auto colors_of = [](const std::vector<Rgba>& rgba) {
    if (rgba.empty()) return ColorArray("none");
    std::vector<Color> list;
    list.reserve(rgba.size());
    for (const Rgba& c : rgba) list.emplace_back(c);
    return ColorArray(std::move(list));
  };
  face_ = colors_of(face);
  edge_ = other.edge_ && other.edge_->is_face() ? ColorArray("face")
                                                : colors_of(other.resolved_edge(it, face));
  linewidths_ = other.linewidths_;
  dashes_ = other.dashes_;
  antialiaseds_ = other.antialiaseds_;
  capstyle_ = other.capstyle_;
  joinstyle_ = other.joinstyle_;
  hatch_ = other.hatch_;
  hatch_color_ = other.resolve(it).hatch_color;
  Artist::set_alpha(other.get_alpha());
  set_stale();
}

// ---- drawing ----

void Collection::draw(Renderer& renderer) {
  if (!get_visible()) return;
  if (const StreamingContainer* sc = streaming()) {
    draw_streaming(renderer, *sc);
    return;
  }
  const Items& it = items();
  // The offsets as a Path, kept between draws of unchanged items; not for many markers,
  // which draw_items draws a block at a time instead of holding a second full-size copy.
  constexpr std::size_t kKeepPath = 65536;
  const bool keep = get_offset_transform()->is_affine() && it.offsets.size() <= kKeepPath;
  if (keep && (!offsets_path_ || offsets_path_rebuild_ != rebuilds_)) {
    offsets_path_ = Path(it.offsets);
    offsets_path_rebuild_ = rebuilds_;
  }
  renderer.open_group("collection", get_gid());
  draw_items(renderer, it, keep ? &*offsets_path_ : nullptr);
  renderer.close_group("collection");
  set_stale(false);
}

void Collection::draw_items(Renderer& renderer, const Items& it, const Path* offsets_path) {
  const Resolved r = resolve(it);

  const TransformPtr transform = get_transform();
  const TransformPtr offset_trf = get_offset_transform();
  std::vector<Path> paths = it.paths;
  if (!transform->is_affine()) {
    for (Path& p : paths) p = transform->transform_path_non_affine(p);
  }
  const Affine2D master = transform->get_affine();
  // The offsets as they are unless the offset transform has a non-affine part.
  std::vector<Point> moved;
  if (!offset_trf->is_affine()) {
    moved = it.offsets;
    offset_trf->transform_non_affine_points(moved);
  }
  const std::vector<Point>& offsets = offset_trf->is_affine() ? it.offsets : moved;
  const Affine2D offset_affine = offset_trf->get_affine();
  const std::vector<Affine2D> trans = item_transforms(it, renderer.dpi());
  // Markers without offsets (every point masked) have nothing to place.
  if (paths.empty() || (it.uses_offsets && offsets.empty())) return;

  GraphicsContext gc = new_gc();
  gc.alpha.reset();
  if (!hatch_.empty()) {
    gc.hatch = hatch_;
    gc.hatch_color = r.hatch_color;
    gc.hatch_linewidth = rc().get_double("hatch.linewidth");
  }
  if (joinstyle_) gc.joinstyle = *joinstyle_;
  if (capstyle_) gc.capstyle = *capstyle_;

  // One shape, one color, one stroke: markers (matplotlib's single path optimization).
  bool single =
      paths.size() == 1 && trans.size() <= 1 && r.face.size() == 1 && r.edge.size() == 1 &&
      r.linewidths.size() == 1 &&
      std::all_of(r.dashes.begin(), r.dashes.end(), [](const Dashes& d) { return d.solid(); }) &&
      r.antialiaseds.size() == 1 && hatch_.empty();
  Affine2D combined = trans.empty() ? master : trans[0].then(master);
  if (single) {
    const Bbox e = paths[0].get_extents(combined);
    const Figure* fig = get_figure();
    const Bbox fb = fig ? fig->get_window_extent() : Bbox::from_bounds(0, 0, kInf, kInf);
    single = e.width() < fb.width() && e.height() < fb.height();
  }
  if (single) {
    gc.color = r.edge[0];
    gc.linewidth = r.linewidths[0];
    gc.dashes = r.dashes.empty() ? Dashes{} : r.dashes[0];
    gc.antialiased = r.antialiaseds[0];
    constexpr std::size_t kBlock = 65536;
    if (offsets.empty()) {
      renderer.draw_markers(gc, paths[0], combined, Path(std::vector<Point>{{0, 0}}), Affine2D(),
                            r.face[0]);
    } else if (offsets_path != nullptr || offsets.size() <= kBlock) {
      renderer.draw_markers(gc, paths[0], combined, offsets_path ? *offsets_path : Path(offsets),
                            offset_affine, r.face[0]);
    } else {
      // Many markers: a block at a time (markers are independent and drawn in order, so the
      // pixels are the same), without a second full-size copy of the offsets.
      for (std::size_t first = 0; first < offsets.size(); first += kBlock) {
        const std::size_t m = std::min(kBlock, offsets.size() - first);
        const auto begin = offsets.begin() + static_cast<std::ptrdiff_t>(first);
        renderer.draw_markers(
            gc, paths[0], combined,
            Path(std::vector<Point>(begin, begin + static_cast<std::ptrdiff_t>(m))), offset_affine,
            r.face[0]);
      }
    }
  } else {
    const auto aa = std::make_unique<bool[]>(r.antialiaseds.size());
    for (std::size_t i = 0; i < r.antialiaseds.size(); ++i) aa[i] = r.antialiaseds[i];
    Renderer::PathCollection pc;
    pc.paths = paths;
    pc.all_transforms = trans;
    pc.offsets = offsets;
    pc.offset_transform = offset_affine;
    pc.facecolors = r.face;
    pc.edgecolors = r.edge;
    pc.linewidths = r.linewidths;
    pc.dashes = r.dashes;
    pc.antialiaseds = std::span<const bool>(aa.get(), r.antialiaseds.size());
    renderer.draw_path_collection(gc, master, pc);
  }
}

// ---- PathCollection ---------------------------------------------------------------------------

PathCollection::PathCollection(std::vector<Path> paths, DataContainerPtr data,
                               std::vector<double> sizes, const CollectionOptions& options)
    : Collection(std::move(data), options, Defaults{}), paths_(std::move(paths)) {
  check_fields(*get_data_container());
  set_sizes(std::move(sizes));
}

void PathCollection::check_fields(const DataContainer& data) const {
  require_fields(data, {"x", "y"}, "PathCollection");
}

void PathCollection::set_sizes(std::vector<double> sizes) {
  for (double s : sizes) {
    if (!(s >= 0) && !std::isnan(s)) {
      throw ValueError(fmt::format("sizes must be non-negative, got {}", s));
    }
  }
  if (sizes.empty()) {
    const double ms = rc().get_double("lines.markersize");
    sizes = {ms * ms};
  }
  sizes_ = std::move(sizes);
  invalidate_items();
}

void PathCollection::set_paths(std::vector<Path> paths) {
  paths_ = std::move(paths);
  invalidate_items();
}

void PathCollection::set_plotnonfinite(bool on) {
  plotnonfinite_ = on;
  invalidate_items();
}

std::vector<double> PathCollection::get_sizes() const { return items().sizes; }

Collection::Items PathCollection::make_items(const QueryResult& r) const {
  Items it;
  const Column& xc = r.at("x");
  const Column& yc = r.at("y");
  if (xc.size() != yc.size()) {
    throw ValueError(fmt::format("PathCollection: the data has {} x values and {} y values",
                                 xc.size(), yc.size()));
  }
  const std::size_t n = xc.size();
  std::vector<double> s = column_values(r, "s");
  const bool per_point_s = r.columns.contains("s");
  std::vector<double> c = column_values(r, "c");
  const bool has_c = r.columns.contains("c");
  if (per_point_s && s.size() != n) {
    throw ValueError(
        fmt::format("PathCollection: the data has {} sizes for {} points", s.size(), n));
  }
  if (has_c && c.size() != n) {
    throw ValueError(
        fmt::format("PathCollection: the data has {} values 'c' for {} points", c.size(), n));
  }
  // matplotlib's _combine_masks: a point with a non-finite x, y, size or (unless
  // plotnonfinite) value is left out. The columns are read a block at a time (no full-size
  // temporaries); the kept indices are recorded only once a point has been left out.
  it.count_before_mask = n;
  it.paths = paths_;
  it.offsets.reserve(n);
  std::vector<std::size_t> kept;
  bool masked = false;
  constexpr std::size_t kBlock = 4096;
  double bx[kBlock], by[kBlock];
  for (std::size_t first = 0; first < n; first += kBlock) {
    const std::size_t m = std::min(kBlock, n - first);
    xc.copy_to(std::span<double>(bx, m), first);
    yc.copy_to(std::span<double>(by, m), first);
    for (std::size_t k = 0; k < m; ++k) {
      const std::size_t i = first + k;
      bool ok = std::isfinite(bx[k]) && std::isfinite(by[k]);
      if (per_point_s) ok = ok && std::isfinite(s[i]);
      if (has_c && !plotnonfinite_) ok = ok && std::isfinite(c[i]);
      if (ok) {
        it.offsets.push_back({bx[k], by[k]});
        if (masked) kept.push_back(i);
      } else if (!masked) {
        masked = true;
        kept.reserve(n);
        for (std::size_t j = 0; j < i; ++j) kept.push_back(j);
      }
    }
  }
  auto compress_values = [&](std::vector<double>& v) {
    if (!masked) return;
    std::size_t o = 0;
    for (std::size_t i : kept) v[o++] = v[i];
    v.resize(o);
  };
  if (per_point_s) {
    compress_values(s);
    it.sizes = std::move(s);
  } else {
    it.sizes = sizes_;
  }
  if (has_c) {
    compress_values(c);
    it.values = std::move(c);
  }
  if (masked) it.kept = std::move(kept);
  it.uses_offsets = true;
  return it;
}

std::vector<Affine2D> PathCollection::item_transforms(const Items& it, double dpi) const {
  // matplotlib's _CollectionWithSizes.set_sizes: sqrt(s) * dpi / 72 on the diagonal.
  std::vector<Affine2D> t;
  t.reserve(it.sizes.size());
  for (double s : it.sizes) {
    const double k = std::sqrt(s) * dpi / 72.0;
    t.push_back(Affine2D::from_scale(k, k));
  }
  return t;
}

// ---- PolyCollection ---------------------------------------------------------------------------

PolyCollection::PolyCollection(DataContainerPtr data, bool closed, const CollectionOptions& options)
    : Collection(std::move(data), options, Defaults{}), closed_(closed) {
  check_fields(*get_data_container());
}

PolyCollection::PolyCollection(const std::vector<std::vector<Point>>& verts, bool closed,
                               const CollectionOptions& options)
    : PolyCollection(make_vertex_container(verts), closed, options) {}

PolyCollection::PolyCollection(DataContainerPtr data, PathBuilder builder,
                               const CollectionOptions& options)
    : Collection(std::move(data), options, Defaults{}), builder_(std::move(builder)) {
  if (!builder_) throw ValueError("PolyCollection: the path builder must not be empty");
}

void PolyCollection::check_fields(const DataContainer& data) const {
  if (!builder_) require_fields(data, {"x", "y", "lengths"}, "PolyCollection");
}

void PolyCollection::set_verts(const std::vector<std::vector<Point>>& verts, bool closed) {
  builder_ = nullptr;
  closed_ = closed;
  set_data(make_vertex_container(verts));
}

Collection::Items PolyCollection::make_items(const QueryResult& r) const {
  Items it;
  it.paths = builder_ ? builder_(r) : paths_from_vertices(r, closed_, "PolyCollection");
  if (r.columns.contains("c") && !builder_) it.values = r.at("c").to_vector();
  return it;
}

// ---- LineCollection ---------------------------------------------------------------------------

LineCollection::LineCollection(DataContainerPtr data, const CollectionOptions& options)
    : Collection(std::move(data), options,
                 Defaults{.edge_default = true, .lines = true, .face_none = true, .zorder = 2.0}) {
  check_fields(*get_data_container());
  if (options.colors.is_set()) {
    // matplotlib's LineCollection: colors are the edge colors; faces stay "none".
    set_facecolor(options.facecolors.is_set() ? options.facecolors : ColorArray("none"));
    set_edgecolor(options.edgecolors.is_set() ? options.edgecolors : options.colors);
  }
}

LineCollection::LineCollection(const std::vector<std::vector<Point>>& segments,
                               const CollectionOptions& options)
    : LineCollection(make_vertex_container(segments), options) {}

void LineCollection::check_fields(const DataContainer& data) const {
  require_fields(data, {"x", "y", "lengths"}, "LineCollection");
}

void LineCollection::set_segments(const std::vector<std::vector<Point>>& segments) {
  set_data(make_vertex_container(segments));
}

std::vector<std::vector<Point>> LineCollection::get_segments() const {
  std::vector<std::vector<Point>> out;
  for (const Path& p : items().paths) out.push_back(p.vertices());
  return out;
}

void LineCollection::set_color(const ColorArray& colors) { set_edgecolor(colors); }

Collection::Items LineCollection::make_items(const QueryResult& r) const {
  Items it;
  it.paths = paths_from_vertices(r, false, "LineCollection");
  if (r.columns.contains("c")) it.values = r.at("c").to_vector();
  return it;
}

DataContainerPtr make_vertex_container(const std::vector<std::vector<Point>>& items) {
  std::vector<double> xs, ys;
  std::vector<std::int64_t> lengths;
  lengths.reserve(items.size());
  for (const auto& item : items) {
    for (const Point& p : item) {
      xs.push_back(p.x);
      ys.push_back(p.y);
    }
    lengths.push_back(static_cast<std::int64_t>(item.size()));
  }
  return std::make_shared<ArrayContainer>(
      std::map<std::string, DataRef>{
          {"x", std::move(xs)}, {"y", std::move(ys)}, {"lengths", std::move(lengths)}},
      std::map<std::string, std::string>{{"lengths", "M"}});
}

// ---- fill_between -----------------------------------------------------------------------------

namespace {

// matplotlib's cbook.pts_to_prestep / poststep / midstep for an independent array and two
// dependent ones.
struct Steps {
  std::vector<double> x, a, b;
};

Steps apply_steps(std::string_view step, const std::vector<double>& x, const std::vector<double>& a,
                  const std::vector<double>& b) {
  const std::size_t n = x.size();
  Steps s;
  if (n == 0) return s;
  if (step == "pre" || step == "post") {
    const std::size_t m = 2 * n - 1;
    s.x.resize(m);
    s.a.resize(m);
    s.b.resize(m);
    for (std::size_t i = 0; i < n; ++i) {
      s.x[2 * i] = x[i];
      s.a[2 * i] = a[i];
      s.b[2 * i] = b[i];
    }
    for (std::size_t i = 0; i + 1 < n; ++i) {
      if (step == "pre") {
        s.x[2 * i + 1] = x[i];
        s.a[2 * i + 1] = a[i + 1];
        s.b[2 * i + 1] = b[i + 1];
      } else {
        s.x[2 * i + 1] = x[i + 1];
        s.a[2 * i + 1] = a[i];
        s.b[2 * i + 1] = b[i];
      }
    }
    return s;
  }
  // mid
  s.x.resize(2 * n);
  s.a.resize(2 * n);
  s.b.resize(2 * n);
  s.x[0] = x[0];
  s.x[2 * n - 1] = x[n - 1];
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double mid = (x[i] + x[i + 1]) / 2;
    s.x[2 * i + 1] = mid;
    s.x[2 * i + 2] = mid;
  }
  for (std::size_t i = 0; i < n; ++i) {
    s.a[2 * i] = s.a[2 * i + 1] = a[i];
    s.b[2 * i] = s.b[2 * i + 1] = b[i];
  }
  return s;
}

}  // namespace

std::vector<Path> fill_between_polygons(const QueryResult& r, bool interpolate,
                                        std::optional<std::string> step, bool horizontal) {
  if (step && *step != "pre" && *step != "post" && *step != "mid") {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for step; supported values are 'pre', 'post', 'mid'", *step));
  }
  const std::vector<double> ind = r.at("x").to_vector();
  const std::vector<double> dep1 = r.at("y1").to_vector();
  const std::vector<double> dep2 = r.at("y2").to_vector();
  const std::size_t n = ind.size();
  if (dep1.size() != n || dep2.size() != n) {
    throw ValueError(fmt::format("fill_between: the data has {} x, {} y1 and {} y2 values", n,
                                 dep1.size(), dep2.size()));
  }
  std::vector<double> where_col = column_values(r, "where");
  if (!where_col.empty() && where_col.size() != n) {
    throw ValueError(
        fmt::format("where size ({}) does not match x size ({})", where_col.size(), n));
  }
  auto masked = [&](std::size_t i) {
    return !std::isfinite(ind[i]) || !std::isfinite(dep1[i]) || !std::isfinite(dep2[i]);
  };
  auto dep_masked = [&](std::size_t i) {
    return !std::isfinite(dep1[i]) || !std::isfinite(dep2[i]);
  };
  std::vector<bool> where(n);
  for (std::size_t i = 0; i < n; ++i) {
    where[i] = (where_col.empty() || where_col[i] != 0) && !masked(i);
  }
  // matplotlib's get_interp_point: where dep1 - dep2 crosses zero next to index idx.
  auto interp_point = [&](std::size_t idx) -> Point {
    const std::size_t im1 = idx == 0 ? 0 : idx - 1;
    const std::size_t end = std::min(idx + 1, n);
    std::vector<double> iv, dv, d1;
    for (std::size_t k = im1; k < end; ++k) {
      iv.push_back(ind[k]);
      dv.push_back(dep1[k] - dep2[k]);
      d1.push_back(dep1[k]);
    }
    if (dv.size() == 2) {
      if (dep_masked(im1 + 1)) return {ind[im1], dep1[im1]};
      if (dep_masked(im1)) return {ind[idx], dep1[idx]};
    }
    const auto dord = argsort(dv);
    std::vector<double> xp, fp;
    for (std::size_t k : dord) {
      xp.push_back(dv[k]);
      fp.push_back(iv[k]);
    }
    const double root_ind = np_interp(0.0, xp, fp);
    const auto iord = argsort(iv);
    std::vector<double> xi, fi;
    for (std::size_t k : iord) {
      xi.push_back(iv[k]);
      fi.push_back(d1[k]);
    }
    return {root_ind, np_interp(root_ind, xi, fi)};
  };

  std::vector<Path> polys;
  std::size_t i = 0;
  while (i < n) {
    if (!where[i]) {
      ++i;
      continue;
    }
    const std::size_t idx0 = i;
    while (i < n && where[i]) ++i;
    const std::size_t idx1 = i;
    std::vector<double> xs(ind.begin() + static_cast<std::ptrdiff_t>(idx0),
                           ind.begin() + static_cast<std::ptrdiff_t>(idx1));
    std::vector<double> as(dep1.begin() + static_cast<std::ptrdiff_t>(idx0),
                           dep1.begin() + static_cast<std::ptrdiff_t>(idx1));
    std::vector<double> bs(dep2.begin() + static_cast<std::ptrdiff_t>(idx0),
                           dep2.begin() + static_cast<std::ptrdiff_t>(idx1));
    if (step) {
      Steps st = apply_steps(*step, xs, as, bs);
      xs = std::move(st.x);
      as = std::move(st.a);
      bs = std::move(st.b);
    }
    if (xs.empty()) continue;
    const std::size_t m = xs.size();
    std::vector<Point> pts(2 * m + 2);
    Point start{xs.front(), bs.front()};
    Point end{xs.back(), bs.back()};
    if (interpolate) {
      start = interp_point(idx0);
      end = interp_point(idx1);
    }
    pts[0] = start;
    pts[m + 1] = end;
    for (std::size_t k = 0; k < m; ++k) {
      pts[1 + k] = {xs[k], as[k]};
      pts[m + 2 + k] = {xs[m - 1 - k], bs[m - 1 - k]};
    }
    if (!horizontal) {
      for (Point& p : pts) std::swap(p.x, p.y);
    }
    polys.push_back(closed_path(std::move(pts)));
  }
  return polys;
}

// ---- legend handlers ----------------------------------------------------------------------------

namespace {

// matplotlib's HandlerPolyCollection: a Rectangle filling the box with the first face and
// edge colors (alpha included), width, dashes, fill and hatch of the collection.
std::vector<std::unique_ptr<Artist>> poly_collection_handle(const Legend& /*legend*/,
                                                            const Artist& orig,
                                                            const LegendHandleBox& box,
                                                            double /*fontsize*/) {
  auto rect =
      std::make_unique<Rectangle>(Point{-box.xdescent, -box.ydescent}, box.width, box.height);
  if (const auto* c = dynamic_cast<const Collection*>(&orig)) {
    const std::vector<Rgba> face = c->get_facecolor();
    const std::vector<Rgba> edge = c->get_edgecolor();
    rect->set_facecolor(face.empty() ? Color(Rgba{0, 0, 0, 0}) : Color(face.front()));
    rect->set_edgecolor(edge.empty() ? Color("none") : Color(edge.front()));
    rect->set_fill(c->get_fill());
    rect->set_hatch(c->get_hatch());
    const std::vector<double> lw = c->get_linewidth();
    if (!lw.empty()) rect->set_linewidth(lw.front());
    // matplotlib hands the scaled pattern to the patch, which scales it again.
    const std::vector<Dashes> ls = c->get_linestyle();
    if (!ls.empty() && !ls.front().solid()) rect->set_dashes(ls.front());
  }
  rect->set_transform(box.transform);
  std::vector<std::unique_ptr<Artist>> out;
  out.push_back(std::move(rect));
  return out;
}

// matplotlib's HandlerPathCollection: scatterpoints markers of the first path at the
// legend's scatter y offsets, sized from the smallest and largest sizes, in the original's
// colors.
std::vector<std::unique_ptr<Artist>> path_collection_handle(const Legend& legend,
                                                            const Artist& orig,
                                                            const LegendHandleBox& box,
                                                            double fontsize) {
  std::vector<std::unique_ptr<Artist>> out;
  const auto* pc = dynamic_cast<const PathCollection*>(&orig);
  if (!pc || pc->get_marker_paths().empty()) return out;
  const int n = std::max(1, legend.scatterpoints());
  const auto xdata = legend_npoints_xdata(n, box, fontsize).second;
  const std::vector<double>& yoff = legend.scatteryoffsets();
  std::vector<double> ys;
  for (std::size_t i = 0; i < xdata.size(); ++i) {
    ys.push_back(box.height * (yoff.empty() ? 0.375 : yoff[i % yoff.size()]));
  }
  std::vector<double> handle_sizes = pc->get_sizes();
  if (handle_sizes.empty()) handle_sizes = {1.0};
  const double ms2 = legend.markerscale() * legend.markerscale();
  const double smax = *std::max_element(handle_sizes.begin(), handle_sizes.end()) * ms2;
  const double smin = *std::min_element(handle_sizes.begin(), handle_sizes.end()) * ms2;
  std::vector<double> sizes;
  if (n < 4) {
    const double three[3] = {0.5 * (smax + smin), smax, smin};
    sizes.assign(three, three + n);
  } else {
    for (int i = 0; i < n; ++i) {
      sizes.push_back((smax - smin) * (static_cast<double>(i) / (n - 1)) + smin);
    }
  }
  auto data = std::make_shared<ArrayContainer>(
      std::map<std::string, DataRef>{{"x", std::vector<double>(xdata)}, {"y", ys}});
  auto handle = std::make_unique<PathCollection>(std::vector<Path>{pc->get_marker_paths().front()},
                                                 std::move(data), sizes);
  handle->update_from(*pc);
  handle->set_transform(IdentityTransform::make());
  handle->set_offset_transform(box.transform);
  handle->set_clip_on(false);
  out.push_back(std::move(handle));
  return out;
}

// matplotlib's HandlerLineCollection: a line across the box at mid height in the first
// color, width and (unscaled) dash pattern.
std::vector<std::unique_ptr<Artist>> line_collection_handle(const Legend& legend,
                                                            const Artist& orig,
                                                            const LegendHandleBox& box,
                                                            double fontsize) {
  std::vector<std::unique_ptr<Artist>> out;
  const auto* lc = dynamic_cast<const LineCollection*>(&orig);
  if (!lc) return out;
  const auto xdata = legend_npoints_xdata(std::max(1, legend.scatterpoints()), box, fontsize).first;
  const std::vector<double> ydata(xdata.size(), (box.height - box.ydescent) / 2);
  auto line = std::make_unique<Line2D>(xdata, ydata);
  const std::vector<Rgba> edge = lc->get_edgecolor();
  if (!edge.empty()) line->set_color(Color(edge.front()));
  const std::vector<double> lw = lc->get_linewidth();
  if (!lw.empty()) line->set_linewidth(lw.front());
  const std::vector<Dashes>& dashes = lc->get_dashes();
  if (!dashes.empty() && !dashes.front().solid()) line->set_dashes(dashes.front());
  line->set_transform(box.transform);
  out.push_back(std::move(line));
  return out;
}

void collection_best_data(const Artist& a, LegendBestData& data) {
  // matplotlib's _auto_legend_data: a collection's offsets in display coordinates (one at
  // the origin for collections without offsets).
  const auto* c = dynamic_cast<const Collection*>(&a);
  if (!c) return;
  const std::vector<Point> offsets = c->get_offsets();
  if (offsets.empty()) {
    data.offsets.push_back(c->get_offset_transform()->transform({0, 0}));
    return;
  }
  const TransformPtr t = c->get_offset_transform();
  for (const Point& o : offsets) data.offsets.push_back(t->transform(o));
}

const bool kLegendHandlersRegistered = [] {
  LegendHandlerMap map;
  map.set<PolyCollection>(
      LegendHandler{.create_artists = poly_collection_handle, .best_data = collection_best_data});
  map.set<PathCollection>(
      LegendHandler{.create_artists = path_collection_handle, .best_data = collection_best_data});
  map.set<LineCollection>(
      LegendHandler{.create_artists = line_collection_handle, .best_data = collection_best_data});
  update_default_legend_handler_map(map);
  return true;
}();

}  // namespace

}  // namespace strata
