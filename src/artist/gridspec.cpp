// SPDX-License-Identifier: MIT
// Subplot geometry: matplotlib 3.6's gridspec.py and figure.SubplotParams, step for step, so
// that cell edges match matplotlib's to the last bit.
#include "strata/artist/gridspec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

namespace {

constexpr std::array<std::string_view, 6> kParamNames = {"left", "right",  "bottom",
                                                         "top",  "wspace", "hspace"};

// The fields of SubplotParams in the order of kParamNames.
std::array<std::optional<double>*, 6> fields(SubplotParams& p) {
  return {&p.left, &p.right, &p.bottom, &p.top, &p.wspace, &p.hspace};
}
std::array<const std::optional<double>*, 6> fields(const SubplotParams& p) {
  return {&p.left, &p.right, &p.bottom, &p.top, &p.wspace, &p.hspace};
}

// Python's slice.indices(size) for step 1: the clipped [start, stop).
std::pair<int, int> slice_indices(const Slice& s, int size) {
  const auto clip = [size](std::optional<int> v, int dflt) {
    if (!v) return dflt;
    int i = *v;
    if (i < 0) i += size;
    return std::clamp(i, 0, size);
  };
  return {clip(s.start, 0), clip(s.stop, size)};
}

void check_size(int n, const char* what) {
  if (n <= 0) {
    throw ValueError(fmt::format("Number of {} must be a positive integer, not {}", what, n));
  }
}

std::vector<double> checked_ratios(std::vector<double> ratios, int n, const char* which,
                                   const char* per) {
  if (ratios.empty()) return std::vector<double>(static_cast<std::size_t>(n), 1.0);
  if (ratios.size() != static_cast<std::size_t>(n)) {
    throw ValueError(fmt::format(
        "Expected the given number of {} ratios to match the number of {} of the grid ({} {} "
        "ratios for {} {})",
        which, per, ratios.size(), which, n, per));
  }
  return ratios;
}

// matplotlib's get_grid_positions along one axis: the accumulated [separator, cell, separator,
// cell, ...] sizes from the start edge (np.cumsum is a sequential sum).
std::vector<double> accumulated_cells(const std::vector<double>& ratios, double total,
                                      double space) {
  const auto n = static_cast<int>(ratios.size());
  const double cell = total / (n + space * (n - 1));
  const double sep = space * cell;
  double sum = 0;
  for (double r : ratios) sum += r;
  const double norm = cell * n / sum;
  std::vector<double> acc;
  acc.reserve(2 * ratios.size());
  double run = 0;
  for (std::size_t i = 0; i < ratios.size(); ++i) {
    run += i == 0 ? 0.0 : sep;
    acc.push_back(run);
    run += ratios[i] * norm;
    acc.push_back(run);
  }
  return acc;
}

std::shared_ptr<GridSpecBase> grid_for(int nrows, int ncols,
                                       std::shared_ptr<GridSpecBase> gridspec) {
  if (!gridspec) return GridSpec::make(nrows, ncols);
  if (gridspec->get_geometry() != std::pair{nrows, ncols}) {
    throw ValueError(fmt::format("gridspec: a {}x{} grid was given for a {}x{} subplot",
                                 gridspec->nrows(), gridspec->ncols(), nrows, ncols));
  }
  return gridspec;
}

}  // namespace

// ---- SubplotParams ---------------------------------------------------------------------------

SubplotParams SubplotParams::resolved() const {
  SubplotParams out = *this;
  const RcParams params = rc();
  auto out_fields = fields(out);
  for (std::size_t i = 0; i < kParamNames.size(); ++i) {
    if (!*out_fields[i]) {
      *out_fields[i] = params.get_double(fmt::format("figure.subplot.{}", kParamNames[i]));
    }
  }
  if (*out.left >= *out.right) {
    throw ValueError(
        fmt::format("left cannot be >= right (left = {}, right = {})", *out.left, *out.right));
  }
  if (*out.bottom >= *out.top) {
    throw ValueError(
        fmt::format("bottom cannot be >= top (bottom = {}, top = {})", *out.bottom, *out.top));
  }
  return out;
}

void SubplotParams::update(const SubplotParams& other) {
  SubplotParams merged = *this;
  auto to = fields(merged);
  const auto from = fields(other);
  for (std::size_t i = 0; i < to.size(); ++i) {
    if (*from[i]) *to[i] = *from[i];
  }
  (void)merged.resolved();  // validates, with rcParams for fields set nowhere
  *this = merged;
}

// ---- GridKey ---------------------------------------------------------------------------------

std::pair<int, int> GridKey::normalize(int size, int axis) const {
  if (const auto* slice = std::get_if<Slice>(&key_)) {
    const auto [start, stop] = slice_indices(*slice, size);
    if (stop > start) return {start, stop - 1};
    throw ValueError("GridSpec slice would result in no space allocated for subplot");
  }
  const int orig = std::get<int>(key_);
  const int key = orig < 0 ? orig + size : orig;
  if (key >= 0 && key < size) return {key, key};
  if (axis >= 0) {
    throw ValueError(
        fmt::format("index {} is out of bounds for axis {} with size {}", orig, axis, size));
  }
  throw ValueError(fmt::format("index {} is out of bounds for GridSpec with size {}", orig, size));
}

// ---- GridSpecBase ----------------------------------------------------------------------------

GridSpecBase::GridSpecBase(int nrows, int ncols, std::vector<double> height_ratios,
                           std::vector<double> width_ratios)
    : nrows_(nrows), ncols_(ncols) {
  check_size(nrows, "rows");
  check_size(ncols, "columns");
  set_height_ratios(std::move(height_ratios));
  set_width_ratios(std::move(width_ratios));
}

void GridSpecBase::set_width_ratios(std::vector<double> ratios) {
  width_ratios_ = checked_ratios(std::move(ratios), ncols_, "width", "columns");
}

void GridSpecBase::set_height_ratios(std::vector<double> ratios) {
  height_ratios_ = checked_ratios(std::move(ratios), nrows_, "height", "rows");
}

GridPositions GridSpecBase::get_grid_positions(const SubplotParams& figure_params) const {
  const SubplotParams p = get_subplot_params(figure_params);
  const double left = *p.left;
  const double top = *p.top;
  const std::vector<double> hs = accumulated_cells(height_ratios_, top - *p.bottom, *p.hspace);
  const std::vector<double> ws = accumulated_cells(width_ratios_, *p.right - left, *p.wspace);
  GridPositions out;
  for (std::size_t i = 0; i < hs.size(); i += 2) {
    out.tops.push_back(top - hs[i]);
    out.bottoms.push_back(top - hs[i + 1]);
  }
  for (std::size_t i = 0; i < ws.size(); i += 2) {
    out.lefts.push_back(left + ws[i]);
    out.rights.push_back(left + ws[i + 1]);
  }
  return out;
}

SubplotSpec GridSpecBase::operator()(GridKey rows, GridKey cols) const {
  const auto [r1, r2] = rows.normalize(nrows_, 0);
  const auto [c1, c2] = cols.normalize(ncols_, 1);
  // Grids are only made by make(), as non-const objects owned by a shared_ptr.
  return {std::const_pointer_cast<GridSpecBase>(shared_from_this()), r1 * ncols_ + c1,
          r2 * ncols_ + c2};
}

SubplotSpec GridSpecBase::operator[](GridKey num) const {
  const auto [n1, n2] = num.normalize(nrows_ * ncols_, -1);
  return {std::const_pointer_cast<GridSpecBase>(shared_from_this()), n1, n2};
}

SubplotSpec GridSpecBase::new_subplotspec(std::pair<int, int> loc, int rowspan, int colspan) const {
  const auto [row, col] = loc;
  return (*this)(Slice{row, row + rowspan}, Slice{col, col + colspan});
}

// ---- GridSpec --------------------------------------------------------------------------------

GridSpec::GridSpec(int nrows, int ncols, const GridSpecOptions& options)
    : GridSpecBase(nrows, ncols, options.height_ratios, options.width_ratios),
      params_{options.left, options.right,  options.bottom,
              options.top,  options.wspace, options.hspace} {}

std::shared_ptr<GridSpec> GridSpec::make(int nrows, int ncols, const GridSpecOptions& options) {
  return std::shared_ptr<GridSpec>(new GridSpec(nrows, ncols, options));
}

void GridSpec::update(const SubplotParams& params) {
  auto to = fields(params_);
  const auto from = fields(params);
  for (std::size_t i = 0; i < to.size(); ++i) {
    if (*from[i]) *to[i] = *from[i];
  }
}

SubplotParams GridSpec::get_subplot_params(const SubplotParams& figure_params) const {
  SubplotParams p = figure_params.resolved();
  p.update(params_);
  return p;
}

std::vector<std::string> GridSpec::locally_modified_subplot_params() const {
  std::vector<std::string> out;
  const auto own = fields(params_);
  for (std::size_t i = 0; i < own.size(); ++i) {
    // matplotlib tests the values' truth, so 0 does not count.
    if (*own[i] && **own[i] != 0) out.emplace_back(kParamNames[i]);
  }
  return out;
}

// ---- GridSpecFromSubplotSpec -----------------------------------------------------------------

GridSpecFromSubplotSpec::GridSpecFromSubplotSpec(int nrows, int ncols, SubplotSpec subplot_spec,
                                                 const GridSpecFromSubplotSpecOptions& options)
    : GridSpecBase(nrows, ncols, options.height_ratios, options.width_ratios),
      subplot_spec_(std::move(subplot_spec)),
      wspace_(options.wspace),
      hspace_(options.hspace) {}

std::shared_ptr<GridSpecFromSubplotSpec> GridSpecFromSubplotSpec::make(
    int nrows, int ncols, SubplotSpec subplot_spec, const GridSpecFromSubplotSpecOptions& options) {
  return std::shared_ptr<GridSpecFromSubplotSpec>(
      new GridSpecFromSubplotSpec(nrows, ncols, std::move(subplot_spec), options));
}

SubplotParams GridSpecFromSubplotSpec::get_subplot_params(
    const SubplotParams& figure_params) const {
  const RcParams params = rc();
  const double hspace = hspace_                ? *hspace_
                        : figure_params.hspace ? *figure_params.hspace
                                               : params.get_double("figure.subplot.hspace");
  const double wspace = wspace_                ? *wspace_
                        : figure_params.wspace ? *figure_params.wspace
                                               : params.get_double("figure.subplot.wspace");
  const Bbox box = subplot_spec_.get_position(figure_params);
  return SubplotParams{box.x0, box.x1, box.y0, box.y1, wspace, hspace}.resolved();
}

SubplotSpec GridSpecFromSubplotSpec::get_topmost_subplotspec() const {
  return subplot_spec_.get_topmost_subplotspec();
}

// ---- SubplotSpec -----------------------------------------------------------------------------

SubplotSpec::SubplotSpec(std::shared_ptr<GridSpecBase> gridspec, int num1, std::optional<int> num2)
    : gridspec_(std::move(gridspec)), num1_(num1), num2_(num2.value_or(num1)) {
  if (!gridspec_) throw ValueError("SubplotSpec: gridspec must not be null");
  const int size = gridspec_->nrows() * gridspec_->ncols();
  for (const int n : {num1_, num2_}) {
    if (n < 0 || n >= size) {
      throw ValueError(
          fmt::format("SubplotSpec: index {} is out of bounds for GridSpec with size {}", n, size));
    }
  }
}

SubplotSpec SubplotSpec::from_geometry(int nrows, int ncols, int index,
                                       std::shared_ptr<GridSpecBase> gridspec) {
  const auto gs = grid_for(nrows, ncols, std::move(gridspec));
  if (index < 1 || index > nrows * ncols) {
    throw ValueError(fmt::format("num must be 1 <= num <= {}, not {}", nrows * ncols, index));
  }
  return (*gs)[Slice{index - 1, index}];
}

SubplotSpec SubplotSpec::from_geometry(int nrows, int ncols, std::pair<int, int> span,
                                       std::shared_ptr<GridSpecBase> gridspec) {
  const auto gs = grid_for(nrows, ncols, std::move(gridspec));
  return (*gs)[Slice{span.first - 1, span.second}];
}

SubplotSpec SubplotSpec::from_three_digit(int arg, std::shared_ptr<GridSpecBase> gridspec) {
  // matplotlib: rows, cols, num = map(int, str(arg)); so exactly three digits, no sign.
  if (arg < 100 || arg > 999) {
    throw ValueError(
        fmt::format("Single argument to subplot must be a three-digit integer, not {}", arg));
  }
  return from_geometry(arg / 100, arg / 10 % 10, arg % 10, std::move(gridspec));
}

SubplotGeometry SubplotSpec::get_geometry() const {
  return {gridspec_->nrows(), gridspec_->ncols(), num1_, num2_};
}

GridRange SubplotSpec::rowspan() const {
  const int ncols = gridspec_->ncols();
  return {num1_ / ncols, num2_ / ncols + 1};
}

GridRange SubplotSpec::colspan() const {
  const int ncols = gridspec_->ncols();
  const int c1 = num1_ % ncols;
  const int c2 = num2_ % ncols;
  return {std::min(c1, c2), std::max(c1, c2) + 1};
}

bool SubplotSpec::is_last_row() const { return rowspan().stop == gridspec_->nrows(); }

bool SubplotSpec::is_last_col() const { return colspan().stop == gridspec_->ncols(); }

Bbox SubplotSpec::get_position(const SubplotParams& figure_params) const {
  const int ncols = gridspec_->ncols();
  const auto r =
      std::array{static_cast<std::size_t>(num1_ / ncols), static_cast<std::size_t>(num2_ / ncols)};
  const auto c =
      std::array{static_cast<std::size_t>(num1_ % ncols), static_cast<std::size_t>(num2_ % ncols)};
  const GridPositions g = gridspec_->get_grid_positions(figure_params);
  return Bbox::from_extents(
      std::min(g.lefts[c[0]], g.lefts[c[1]]), std::min(g.bottoms[r[0]], g.bottoms[r[1]]),
      std::max(g.rights[c[0]], g.rights[c[1]]), std::max(g.tops[r[0]], g.tops[r[1]]));
}

SubplotSpec SubplotSpec::get_topmost_subplotspec() const {
  if (const auto* nested = dynamic_cast<const GridSpecFromSubplotSpec*>(gridspec_.get())) {
    return nested->get_topmost_subplotspec();
  }
  return *this;
}

std::shared_ptr<GridSpecFromSubplotSpec> SubplotSpec::subgridspec(
    int nrows, int ncols, const GridSpecFromSubplotSpecOptions& options) const {
  return GridSpecFromSubplotSpec::make(nrows, ncols, *this, options);
}

// ---- subplot2grid ----------------------------------------------------------------------------

SubplotSpec subplot2grid(std::pair<int, int> shape, std::pair<int, int> loc, int rowspan,
                         int colspan, std::shared_ptr<GridSpecBase> gridspec) {
  const auto gs = grid_for(shape.first, shape.second, std::move(gridspec));
  return gs->new_subplotspec(loc, rowspan, colspan);
}

}  // namespace strata
