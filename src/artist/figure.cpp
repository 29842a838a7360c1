// SPDX-License-Identifier: MIT
#include "strata/artist/figure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"
#include "strata/text/font.hpp"

namespace strata {

// ---- AxesGrid -----------------------------------------------------------------------------

AxesGrid::AxesGrid(std::vector<Axes*> axes, int nrows, int ncols)
    : axes_(std::move(axes)), nrows_(nrows), ncols_(ncols) {}

Axes& AxesGrid::operator()(int row, int col) const {
  if (row < 0) row += nrows_;
  if (col < 0) col += ncols_;
  if (row < 0 || row >= nrows_) {
    throw ValueError(fmt::format("index {} is out of bounds for axis 0 with size {}", row, nrows_));
  }
  if (col < 0 || col >= ncols_) {
    throw ValueError(fmt::format("index {} is out of bounds for axis 1 with size {}", col, ncols_));
  }
  return *axes_[static_cast<std::size_t>(row * ncols_ + col)];
}

Axes& AxesGrid::operator[](int k) const {
  const int n = static_cast<int>(axes_.size());
  if (k < 0) k += n;
  if (k < 0 || k >= n) {
    throw ValueError(fmt::format("index {} is out of bounds for size {}", k, n));
  }
  return *axes_[static_cast<std::size_t>(k)];
}

Axes& AxesGrid::only() const {
  if (axes_.size() != 1) {
    throw ValueError(fmt::format("only(): the grid has {} Axes, not 1", axes_.size()));
  }
  return *axes_.front();
}

// ---- Figure -------------------------------------------------------------------------------

Figure::Figure(const FigureOptions& options) {
  const RcParams p = rc();
  const std::vector<double> fs = p.get_doubles("figure.figsize");
  size_inches_ = options.figsize ? *options.figsize : Size{fs.at(0), fs.at(1)};
  dpi_ = options.dpi.value_or(p.get_double("figure.dpi"));
  if (!(size_inches_.width > 0) || !(size_inches_.height > 0) ||
      !std::isfinite(size_inches_.width) || !std::isfinite(size_inches_.height)) {
    throw ValueError(fmt::format("figure size must be positive finite not ({}, {})",
                                 size_inches_.width, size_inches_.height));
  }
  if (!(dpi_ > 0) || !std::isfinite(dpi_)) {
    throw ValueError(fmt::format("dpi must be positive and finite, not {}", dpi_));
  }
  facecolor_ = options.facecolor ? to_rgba(*options.facecolor) : p.get_color("figure.facecolor");
  edgecolor_ = options.edgecolor ? to_rgba(*options.edgecolor) : p.get_color("figure.edgecolor");
  linewidth_ = options.linewidth.value_or(0.0);
  frameon_ = options.frameon.value_or(p.get_bool("figure.frameon"));
  if (options.layout) {
    set_layout_engine(*options.layout);
  } else if (p.get_bool("figure.constrained_layout.use")) {
    layout_ = "constrained";
  } else if (p.get_bool("figure.autolayout")) {
    layout_ = "tight";
  }
  dpi_scale_trans_node_ = Affine2DNode::make(Affine2D().scale(dpi_, dpi_));
  dpi_scale_trans_ = dpi_scale_trans_node_;
  bbox_inches_ = BboxNode::make(Bbox::from_bounds(0, 0, size_inches_.width, size_inches_.height));
  figure_box_inches_ =
      BboxNode::make(Bbox::from_bounds(0, 0, size_inches_.width, size_inches_.height));
  bbox_ = TransformedBbox::make(bbox_inches_, dpi_scale_trans_);
  trans_figure_ =
      BboxTransformTo::make(TransformedBbox::make(figure_box_inches_, dpi_scale_trans_));
  set_figure(this);
  set_transform(trans_figure_);
  canvas_ = std::make_unique<Canvas>(*this);
}

Figure::~Figure() = default;

void Figure::set_size_inches(double width, double height) {
  if (!(width > 0) || !(height > 0) || !std::isfinite(width) || !std::isfinite(height)) {
    throw ValueError(
        fmt::format("figure size must be positive finite not ({}, {})", width, height));
  }
  size_inches_ = {width, height};
  bbox_inches_->set_points(Bbox::from_bounds(0, 0, width, height));
  figure_box_inches_->set_points(Bbox::from_bounds(0, 0, width, height));
  set_stale();
}

void Figure::set_dpi(double dpi) {
  if (!(dpi > 0) || !std::isfinite(dpi)) {
    throw ValueError(fmt::format("dpi must be positive and finite, not {}", dpi));
  }
  dpi_ = dpi;
  dpi_scale_trans_node_->set_matrix(Affine2D().scale(dpi, dpi));
  set_stale();
}

void Figure::set_facecolor(const Color& color) { facecolor_ = to_rgba(color); }
void Figure::set_edgecolor(const Color& color) { edgecolor_ = to_rgba(color); }

Bbox Figure::get_window_extent() const { return bbox_->get_points(); }

// ---- axes ---------------------------------------------------------------------------------

Axes& Figure::adopt_axes(std::unique_ptr<Axes> ax) {
  axes_.push_back(std::move(ax));
  set_stale();
  return *axes_.back();
}

Axes& Figure::add_axes(std::array<double, 4> rect, const AxesOptions& options) {
  for (double v : rect) {
    if (!std::isfinite(v)) {
      throw ValueError(fmt::format("add_axes: rect values must be finite, got ({}, {}, {}, {})",
                                   rect[0], rect[1], rect[2], rect[3]));
    }
  }
  if (rect[2] < 0 || rect[3] < 0) {
    throw ValueError(
        fmt::format("add_axes: width and height must be non-negative, got ({}, {}, "
                    "{}, {})",
                    rect[0], rect[1], rect[2], rect[3]));
  }
  auto ax = std::make_unique<Axes>(*this, Bbox::from_bounds(rect[0], rect[1], rect[2], rect[3]));
  ax->apply_options(options);
  return adopt_axes(std::move(ax));
}

Axes& Figure::add_subplot(const SubplotSpec& spec, const AxesOptions& options) {
  auto ax = std::make_unique<Axes>(*this, spec.get_position(subplotpars_));
  ax->set_subplotspec(std::make_shared<const SubplotSpec>(spec));
  ax->apply_options(options);
  return adopt_axes(std::move(ax));
}

std::shared_ptr<GridSpecBase> Figure::existing_gridspec(int nrows, int ncols) const {
  // matplotlib's GridSpec._check_gridspec_exists: reuse the top-level grid of that shape.
  for (const auto& ax : axes_) {
    const auto& ss = ax->get_subplotspec();
    if (!ss) continue;
    const SubplotSpec top = ss->get_topmost_subplotspec();
    const auto& gs = top.get_gridspec();
    if (gs && gs->nrows() == nrows && gs->ncols() == ncols) return gs;
  }
  return nullptr;
}

Axes& Figure::add_subplot(int nrows, int ncols, int index, const AxesOptions& options) {
  return add_subplot(
      SubplotSpec::from_geometry(nrows, ncols, index, existing_gridspec(nrows, ncols)), options);
}

Axes& Figure::add_subplot(int nrows, int ncols, std::pair<int, int> span,
                          const AxesOptions& options) {
  return add_subplot(
      SubplotSpec::from_geometry(nrows, ncols, span, existing_gridspec(nrows, ncols)), options);
}

Axes& Figure::add_subplot(int three_digit, const AxesOptions& options) {
  if (three_digit >= 100 && three_digit <= 999) {
    const int nrows = three_digit / 100, ncols = (three_digit / 10) % 10;
    return add_subplot(SubplotSpec::from_three_digit(three_digit, existing_gridspec(nrows, ncols)),
                       options);
  }
  return add_subplot(SubplotSpec::from_three_digit(three_digit), options);
}

std::shared_ptr<GridSpec> Figure::add_gridspec(int nrows, int ncols,
                                               const GridSpecOptions& options) {
  return GridSpec::make(nrows, ncols, options);
}

AxesGrid Figure::subplots(int nrows, int ncols, const SubplotsOptions& options) {
  GridSpecOptions gk = options.gridspec_kw;
  if (!options.width_ratios.empty()) gk.width_ratios = options.width_ratios;
  if (!options.height_ratios.empty()) gk.height_ratios = options.height_ratios;
  auto gs = GridSpec::make(nrows, ncols, gk);
  auto mode = [](bool flag, const std::string& m) -> std::string {
    if (!m.empty()) {
      if (m != "all" && m != "row" && m != "col" && m != "none") {
        throw ValueError(fmt::format(
            "'{}' is not a valid value for sharex/sharey; supported values are 'all', 'row', "
            "'col', 'none'",
            m));
      }
      return m;
    }
    return flag ? "all" : "none";
  };
  const std::string sx = mode(options.sharex, options.sharex_mode);
  const std::string sy = mode(options.sharey, options.sharey_mode);
  std::vector<Axes*> grid(static_cast<std::size_t>(nrows * ncols), nullptr);
  for (int r = 0; r < nrows; ++r) {
    for (int c = 0; c < ncols; ++c) {
      Axes& ax = add_subplot((*gs)(r, c), options.subplot_kw);
      grid[static_cast<std::size_t>(r * ncols + c)] = &ax;
      Axes* sharex_with = nullptr;
      Axes* sharey_with = nullptr;
      if (sx == "all" && (r || c)) sharex_with = grid[0];
      if (sx == "row" && c) sharex_with = grid[static_cast<std::size_t>(r * ncols)];
      if (sx == "col" && r) sharex_with = grid[static_cast<std::size_t>(c)];
      if (sy == "all" && (r || c)) sharey_with = grid[0];
      if (sy == "row" && c) sharey_with = grid[static_cast<std::size_t>(r * ncols)];
      if (sy == "col" && r) sharey_with = grid[static_cast<std::size_t>(c)];
      if (sharex_with) ax.sharex(*sharex_with);
      if (sharey_with) ax.sharey(*sharey_with);
    }
  }
  // Inner tick labels off for shared axes (matplotlib's _label_outer_xaxis/yaxis).
  for (Axes* ax : grid) {
    const SubplotSpec& ss = *ax->get_subplotspec();
    if (sx == "all" || sx == "col") {
      if (!ss.is_last_row()) {
        ax->xaxis().set_tick_params({.which = "both", .labelbottom = false});
        ax->xaxis().offset_text().set_visible(false);
      }
      if (!ss.is_first_row()) ax->xaxis().set_tick_params({.which = "both", .labeltop = false});
    }
    if (sy == "all" || sy == "row") {
      if (!ss.is_first_col()) {
        ax->yaxis().set_tick_params({.which = "both", .labelleft = false});
        ax->yaxis().offset_text().set_visible(false);
      }
      if (!ss.is_last_col()) ax->yaxis().set_tick_params({.which = "both", .labelright = false});
    }
  }
  return AxesGrid(std::move(grid), nrows, ncols);
}

std::vector<Axes*> Figure::get_axes() const {
  std::vector<Axes*> out;
  for (const auto& a : axes_) out.push_back(a.get());
  return out;
}

bool Figure::delaxes(const Axes& ax) {
  auto it = std::find_if(axes_.begin(), axes_.end(), [&](const auto& a) { return a.get() == &ax; });
  if (it == axes_.end()) return false;
  axes_.erase(it);
  set_stale();
  return true;
}

void Figure::clear() {
  axes_.clear();
  artists_.clear();
  for (auto& t : sup_texts_) t.reset();
  set_stale();
}

void Figure::subplots_adjust(const SubplotParams& params) {
  subplotpars_.update(params);
  for (const auto& ax : axes_) {
    if (const auto& ss = ax->get_subplotspec()) ax->set_position(ss->get_position(subplotpars_));
  }
  set_stale();
}

// ---- figure-level artists -----------------------------------------------------------------

Text& Figure::sup_text(int which, std::string text, const TextOptions& options) {
  const RcParams p = rc();
  TextOptions o = options;
  const char* size_key[3] = {"figure.titlesize", "figure.labelsize", "figure.labelsize"};
  const char* weight_key[3] = {"figure.titleweight", "figure.labelweight", "figure.labelweight"};
  if (!o.fontsize && !o.fontsize_name) o.fontsize = p.get_fontsize(size_key[which]);
  if (!o.fontweight) o.fontweight = p.get_string(weight_key[which]);
  double x = 0.5, y = 0.98;
  if (which == 0) {
    if (!o.ha) o.ha = "center";
    if (!o.va) o.va = "top";
  } else if (which == 1) {
    y = 0.01;
    if (!o.ha) o.ha = "center";
    if (!o.va) o.va = "bottom";
  } else {
    x = 0.02;
    y = 0.5;
    if (!o.ha) o.ha = "left";
    if (!o.va) o.va = "center";
    if (!o.rotation) o.rotation = 90;
    if (!o.rotation_mode) o.rotation_mode = "anchor";
  }
  auto t = std::make_unique<Text>(x, y, std::move(text), o);
  t->set_figure(this);
  t->set_transform(trans_figure_);
  sup_texts_[static_cast<std::size_t>(which)] = std::move(t);
  set_stale();
  return *sup_texts_[static_cast<std::size_t>(which)];
}

Text& Figure::suptitle(std::string text, const TextOptions& options) {
  return sup_text(0, std::move(text), options);
}
Text& Figure::supxlabel(std::string text, const TextOptions& options) {
  return sup_text(1, std::move(text), options);
}
Text& Figure::supylabel(std::string text, const TextOptions& options) {
  return sup_text(2, std::move(text), options);
}

Text& Figure::text(double x, double y, std::string s, const TextOptions& options) {
  auto t = std::make_unique<Text>(x, y, std::move(s), options);
  t->set_transform(trans_figure_);
  return static_cast<Text&>(add_artist(std::move(t)));
}

Artist& Figure::add_artist(std::unique_ptr<Artist> artist) {
  if (!artist) throw ValueError("Figure.add_artist: artist must not be null");
  artist->set_figure(this);
  if (!artist->is_transform_set()) artist->set_transform(trans_figure_);
  artists_.push_back(std::move(artist));
  set_stale();
  return *artists_.back();
}

std::vector<Artist*> Figure::get_children() const {
  std::vector<Artist*> out;
  for (const auto& a : axes_) out.push_back(a.get());
  for (const auto& a : artists_) out.push_back(a.get());
  for (const auto& t : sup_texts_) {
    if (t) out.push_back(t.get());
  }
  return out;
}

// ---- drawing ------------------------------------------------------------------------------

void Figure::draw(Renderer& renderer) {
  // Draw at the renderer's dpi (72 for vector output, the savefig dpi for raster): every
  // transform follows dpi_scale_trans, so positions and sizes scale together.
  const double saved_dpi = dpi_;
  const bool change = renderer.dpi() != dpi_;
  if (change) set_dpi(renderer.dpi());
  try {
    if (!layout_suspended_) execute_layout();
    renderer.open_group("figure", get_gid());
    if (frameon_ && linewidth_ > 0 && edgecolor_.a > 0) {
      GraphicsContext gc = new_gc();
      gc.color = edgecolor_;
      gc.linewidth = linewidth_;
      renderer.draw_path(gc, Path::unit_rectangle(), trans_figure_->get_affine(), std::nullopt);
    }
    std::vector<Artist*> artists = get_children();
    std::stable_sort(artists.begin(), artists.end(), [](const Artist* a, const Artist* b) {
      return a->get_zorder() < b->get_zorder();
    });
    for (Artist* a : artists) {
      if (!a->get_visible() || a->get_animated()) continue;
      if (a->get_rasterized()) renderer.start_rasterizing();
      a->draw(renderer);
      if (a->get_rasterized()) renderer.stop_rasterizing();
    }
    renderer.close_group("figure");
  } catch (...) {
    if (change) set_dpi(saved_dpi);
    throw;
  }
  if (change) set_dpi(saved_dpi);
  ++draw_count_;
  set_stale(false);
}

Bbox Figure::get_tightbbox() const {
  Bbox u = Bbox::null();
  for (const Artist* a : get_children()) {
    if (!a->get_visible() || !a->get_in_layout()) continue;
    const Bbox b = a->get_tightbbox();
    if (b.is_null() || !std::isfinite(b.x0) || !std::isfinite(b.y0) || !std::isfinite(b.x1) ||
        !std::isfinite(b.y1)) {
      continue;
    }
    if (b.width() == 0 && b.height() == 0) continue;
    u = Bbox::union_of(u, b);
  }
  return u.is_null() ? bbox_->get_points() : u;
}

// ---- output -------------------------------------------------------------------------------

PrintOptions Figure::print_options(const SaveOptions& options, std::string_view format) const {
  const RcParams p = rc();
  PrintOptions po;
  if (!format.empty()) po.format = std::string(format);
  if (options.dpi) {
    po.dpi = *options.dpi;
  } else if (p.get_string("savefig.dpi") != "figure") {
    po.dpi = p.get_double("savefig.dpi");
  }
  const bool transparent = options.transparent || p.get_bool("savefig.transparent");
  po.transparent = transparent;
  if (options.facecolor) {
    po.facecolor = to_rgba(*options.facecolor);
  } else if (p.get_string("savefig.facecolor") != "auto") {
    po.facecolor = p.get_color("savefig.facecolor");
  }
  po.metadata = options.metadata;
  return po;
}

namespace {

// While saving with bbox_inches="tight": the figure reports the tight size, and its figure
// box is moved so that the tight box's corner lands at the origin (matplotlib's adjust_bbox).
struct TightGuard {
  Figure& fig;
  Size saved;
  std::shared_ptr<BboxNode> box;
  bool& suspended;
  TightGuard(Figure& f, const Bbox& inches, Size s, std::shared_ptr<BboxNode> b, bool& susp)
      : fig(f), saved(s), box(std::move(b)), suspended(susp) {
    box->set_points(Bbox::from_bounds(-inches.x0, -inches.y0, saved.width, saved.height));
    suspended = true;
  }
  ~TightGuard() {
    box->set_points(Bbox::from_bounds(0, 0, saved.width, saved.height));
    suspended = false;
  }
  TightGuard(const TightGuard&) = delete;
  TightGuard& operator=(const TightGuard&) = delete;
};

}  // namespace

std::optional<Bbox> Figure::tight_inches(const SaveOptions& options, std::string_view format) {
  if (options.bbox_inches.empty()) return std::nullopt;
  if (options.bbox_inches != "tight") {
    throw ValueError(
        fmt::format("bbox_inches must be 'tight' or empty, not '{}'", options.bbox_inches));
  }
  // matplotlib measures the tight box with the figure at the output's dpi (72 for vector
  // formats): text extents depend on it.
  const FormatBackend backend = FormatRegistry::global().find(std::string(format));
  double save_dpi = 72.0;
  if (backend.encode_image) {
    const PrintOptions po = print_options(options, format);
    save_dpi = po.dpi.value_or(dpi_);
  }
  const double saved_dpi = dpi_;
  set_dpi(save_dpi);
  // Text measured as the output format will draw it: hinted for raster output, unhinted at
  // 72 dpi for PDF/PS, at 100 pt scaled for SVG (as matplotlib's backends).
  const TextMetricsMode mode = backend.encode_image ? TextMetricsMode::raster
                               : format == "svg"    ? TextMetricsMode::text_path
                                                    : TextMetricsMode::vector;
  const ScopedTextMetrics metrics(mode);
  Bbox px;
  try {
    execute_layout();
    px = get_tightbbox();
  } catch (...) {
    set_dpi(saved_dpi);
    throw;
  }
  set_dpi(saved_dpi);
  const double pad = options.pad_inches.value_or(rc().get_double("savefig.pad_inches"));
  return Bbox::from_extents(px.x0 / save_dpi - pad, px.y0 / save_dpi - pad, px.x1 / save_dpi + pad,
                            px.y1 / save_dpi + pad);
}

void Figure::savefig(const std::filesystem::path& path, const SaveOptions& options) {
  PrintOptions po = print_options(options, options.format);
  std::string format = options.format;
  if (format.empty()) {
    const std::string ext = path.extension().string();
    format = ext.size() > 1 ? FormatRegistry::global().find_by_extension(ext.substr(1)).name
                            : rc().get_string("savefig.format");
    if (ext.size() <= 1) po.format = format;
  }
  const auto tight = tight_inches(options, format);
  if (!tight) {
    canvas_->print(path, po);
    return;
  }
  const Size saved = size_inches_;
  TightGuard guard(*this, *tight, saved, figure_box_inches_, layout_suspended_);
  size_inches_ = {tight->width(), tight->height()};
  try {
    canvas_->print(path, po);
  } catch (...) {
    size_inches_ = saved;
    throw;
  }
  size_inches_ = saved;
}

void Figure::savefig(std::ostream& out, const SaveOptions& options) {
  std::string format = options.format;
  if (format.empty()) format = rc().get_string("savefig.format");
  PrintOptions po = print_options(options, format);
  const auto tight = tight_inches(options, format);
  if (!tight) {
    canvas_->print(out, po);
    return;
  }
  const Size saved = size_inches_;
  TightGuard guard(*this, *tight, saved, figure_box_inches_, layout_suspended_);
  size_inches_ = {tight->width(), tight->height()};
  try {
    canvas_->print(out, po);
  } catch (...) {
    size_inches_ = saved;
    throw;
  }
  size_inches_ = saved;
}

std::vector<std::uint8_t> Figure::to_bytes(std::string_view format, const SaveOptions& options) {
  PrintOptions po = print_options(options, format);
  const auto tight = tight_inches(options, format);
  if (!tight) return canvas_->print_to_bytes(po);
  const Size saved = size_inches_;
  TightGuard guard(*this, *tight, saved, figure_box_inches_, layout_suspended_);
  size_inches_ = {tight->width(), tight->height()};
  std::vector<std::uint8_t> out;
  try {
    out = canvas_->print_to_bytes(po);
  } catch (...) {
    size_inches_ = saved;
    throw;
  }
  size_inches_ = saved;
  return out;
}

}  // namespace strata
