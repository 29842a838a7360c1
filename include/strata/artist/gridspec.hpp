// SPDX-License-Identifier: MIT
#pragma once
// Subplot geometry (matplotlib's gridspec.py and figure.SubplotParams): where the cells of a grid
// of subplots sit, in figure fractions. Pure geometry: no Figure is involved. Where matplotlib
// asks the figure for its subplot parameters, the caller passes them (a Figure passes its
// subplotpars(); `{}` stands for "no figure": rcParams figure.subplot.*).
//
// Grids are shared objects (SubplotSpecs refer to theirs), so they are made with `make` and held
// by std::shared_ptr. Indexing follows Python: `gs(1, Slice{.stop = 2})` is `gs[1, :2]`,
// `gs(-1, -1)` is `gs[-1, -1]`, `gs[3]` is the flat `gs[3]`. matplotlib's IndexErrors are
// strata::ValueError with the same text.
//
// **Example**
// ```
// auto gs = strata::GridSpec::make(2, 3, {.wspace = 0.5, .width_ratios = {1, 2, 1}});
// strata::SubplotSpec ss = (*gs)(1, strata::Slice{.stop = 2});  // gs[1, :2]
// strata::Bbox box = ss.get_position({});   // figure fractions, rcParams margins
// auto inner = (*gs)(0, 2).subgridspec(2, 1);
// strata::Bbox top = (*inner)(0, 0).get_position({});
// strata::SubplotSpec third = strata::SubplotSpec::from_three_digit(223);
// ```

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "strata/core/geometry.hpp"
#include "strata/export.hpp"

namespace strata {

/// The margins and spacing of subplots (matplotlib's figure.SubplotParams): left, right, bottom
/// and top as figure fractions, wspace and hspace as fractions of the average subplot width and
/// height. Unset fields mean rcParams figure.subplot.*.
///
/// **Example**
/// ```
/// strata::SubplotParams p{.left = 0.2};
/// p.update({.top = 0.8, .wspace = 0.5});       // as Figure.subplots_adjust
/// strata::SubplotParams all = p.resolved();    // left 0.2, right 0.9, ..., top 0.8
/// ```
struct STRATA_API SubplotParams {
  std::optional<double> left{};
  std::optional<double> right{};
  std::optional<double> bottom{};
  std::optional<double> top{};
  std::optional<double> wspace{};
  std::optional<double> hspace{};

  /// All six set: unset fields from rcParams figure.subplot.*. Throws strata::ValueError
  /// "left cannot be >= right" or "bottom cannot be >= top" (matplotlib's messages, followed
  /// by the values).
  [[nodiscard]] SubplotParams resolved() const;
  /// Sets the fields that `other` sets and keeps the rest (matplotlib's SubplotParams.update).
  /// Validates like resolved() first; on error nothing changes.
  void update(const SubplotParams& other);

  friend bool operator==(const SubplotParams&, const SubplotParams&) = default;
};

/// Python's slice with step 1: `Slice{1, 3}` is `1:3`, `Slice{.stop = 2}` is `:2`,
/// `Slice{}` is `:`. Negative values count from the end; values past either end are clipped.
struct Slice {
  std::optional<int> start{};
  std::optional<int> stop{};
  friend bool operator==(const Slice&, const Slice&) = default;
};

/// One index of GridSpec indexing: an integer (negative counts from the end) or a Slice.
class STRATA_API GridKey {
 public:
  GridKey(int index) : key_(index) {}    // NOLINT(google-explicit-constructor): gs(0, 1)
  GridKey(Slice slice) : key_(slice) {}  // NOLINT(google-explicit-constructor): gs(Slice{}, 0)
  /// The first and last (inclusive) index selected in an axis of `size` cells. `axis` names
  /// the axis in errors (0 rows, 1 columns, -1 the flat index).
  [[nodiscard]] std::pair<int, int> normalize(int size, int axis) const;

 private:
  std::variant<int, Slice> key_;
};

/// A half-open range of rows or columns, [start, stop) (Python's range).
struct GridRange {
  int start = 0;
  int stop = 0;
  [[nodiscard]] int size() const { return stop - start; }
  friend bool operator==(const GridRange&, const GridRange&) = default;
};

/// SubplotSpec::get_geometry(): the grid's shape and the spec's first and last (inclusive)
/// flat cell indices.
struct SubplotGeometry {
  int nrows = 0;
  int ncols = 0;
  int num1 = 0;
  int num2 = 0;
  friend bool operator==(const SubplotGeometry&, const SubplotGeometry&) = default;
};

/// The cell edges of a grid in figure fractions, one entry per row (bottoms, tops) or column
/// (lefts, rights), rows from the top.
struct GridPositions {
  std::vector<double> bottoms{};
  std::vector<double> tops{};
  std::vector<double> lefts{};
  std::vector<double> rights{};
};

/// Options of a GridSpec; unset margins and spacing come from the figure's subplot parameters
/// at layout time, empty ratios mean equal sizes.
struct GridSpecOptions {
  std::optional<double> left{};
  std::optional<double> right{};
  std::optional<double> bottom{};
  std::optional<double> top{};
  std::optional<double> wspace{};
  std::optional<double> hspace{};
  std::vector<double> width_ratios{};   ///< one per column
  std::vector<double> height_ratios{};  ///< one per row
};

/// Options of a GridSpecFromSubplotSpec (SubplotSpec::subgridspec).
struct GridSpecFromSubplotSpecOptions {
  std::optional<double> wspace{};  ///< default: the figure's wspace
  std::optional<double> hspace{};  ///< default: the figure's hspace
  std::vector<double> width_ratios{};
  std::vector<double> height_ratios{};
};

class SubplotSpec;
class GridSpecFromSubplotSpec;

/// The shape of a grid and its row and column ratios (matplotlib's GridSpecBase).
class STRATA_API GridSpecBase : public std::enable_shared_from_this<GridSpecBase> {
 public:
  virtual ~GridSpecBase() = default;
  GridSpecBase(const GridSpecBase&) = delete;
  GridSpecBase& operator=(const GridSpecBase&) = delete;
  GridSpecBase(GridSpecBase&&) = delete;
  GridSpecBase& operator=(GridSpecBase&&) = delete;

  [[nodiscard]] int nrows() const { return nrows_; }
  [[nodiscard]] int ncols() const { return ncols_; }
  /// (nrows, ncols).
  [[nodiscard]] std::pair<int, int> get_geometry() const { return {nrows_, ncols_}; }

  /// The column widths' ratios (empty: all equal). ValueError unless there is one per column.
  void set_width_ratios(std::vector<double> ratios);
  /// One ratio per column (all 1 unless set).
  [[nodiscard]] const std::vector<double>& get_width_ratios() const { return width_ratios_; }
  /// The row heights' ratios (empty: all equal). ValueError unless there is one per row.
  void set_height_ratios(std::vector<double> ratios);
  /// One ratio per row (all 1 unless set).
  [[nodiscard]] const std::vector<double>& get_height_ratios() const { return height_ratios_; }

  /// The grid's subplot parameters, all six set, given the figure's (`{}`: rcParams).
  [[nodiscard]] virtual SubplotParams get_subplot_params(
      const SubplotParams& figure_params) const = 0;
  /// The cell edges in figure fractions (matplotlib's get_grid_positions): the grid's own
  /// parameters where set, else the figure's, else rcParams.
  [[nodiscard]] GridPositions get_grid_positions(const SubplotParams& figure_params = {}) const;

  /// gs[rows, cols]: the cells selected by two keys (integers or Slices).
  [[nodiscard]] SubplotSpec operator()(GridKey rows, GridKey cols) const;
  /// gs[num]: flat (row-major) indexing with an integer or a Slice.
  [[nodiscard]] SubplotSpec operator[](GridKey num) const;
  /// gs[row:row + rowspan, col:col + colspan] (matplotlib's new_subplotspec).
  [[nodiscard]] SubplotSpec new_subplotspec(std::pair<int, int> loc, int rowspan = 1,
                                            int colspan = 1) const;

 protected:
  GridSpecBase(int nrows, int ncols, std::vector<double> height_ratios,
               std::vector<double> width_ratios);

 private:
  int nrows_;
  int ncols_;
  std::vector<double> height_ratios_{};
  std::vector<double> width_ratios_{};
};

/// A grid placed in a figure (matplotlib's GridSpec).
///
/// **Example**
/// ```
/// auto gs = strata::GridSpec::make(3, 1, {.hspace = 0, .height_ratios = {1, 2, 3}});
/// (*gs)(2, 0).get_position({});  // the bottom row, 3/6 of the height
/// ```
class STRATA_API GridSpec final : public GridSpecBase {
 public:
  /// A grid of nrows x ncols cells. ValueError for a non-positive size or when the ratios do
  /// not match the size (matplotlib's messages). left/right and bottom/top are checked when
  /// the positions are computed, as in matplotlib.
  [[nodiscard]] static std::shared_ptr<GridSpec> make(int nrows, int ncols,
                                                      const GridSpecOptions& options = {});

  /// The grid's own margins and spacing (unset: taken from the figure).
  [[nodiscard]] const SubplotParams& params() const { return params_; }
  /// Sets the given margins and spacing (matplotlib's GridSpec.update); the rest is kept.
  void update(const SubplotParams& params);
  /// Clears every margin and spacing, so all come from the figure again.
  void reset_params() { params_ = {}; }
  /// The figure's parameters (`{}`: rcParams) overridden by the grid's own (matplotlib's
  /// get_subplot_params); ValueError "left cannot be >= right" etc.
  [[nodiscard]] SubplotParams get_subplot_params(const SubplotParams& figure_params) const override;
  /// The names of the parameters set on the grid ("left", ... "hspace"). As in matplotlib,
  /// parameters set to 0 are not listed.
  [[nodiscard]] std::vector<std::string> locally_modified_subplot_params() const;

 private:
  GridSpec(int nrows, int ncols, const GridSpecOptions& options);
  SubplotParams params_{};
};

/// A spec of one cell or a rectangle of cells of a grid (matplotlib's SubplotSpec). Cheap to
/// copy; it keeps its grid alive.
///
/// **Example**
/// ```
/// auto gs = strata::GridSpec::make(2, 3);
/// strata::SubplotSpec ss = (*gs)(1, strata::Slice{.stop = 2});
/// ss.rowspan();   // {1, 2}
/// ss.colspan();   // {0, 2}
/// ss.is_last_row();  // true
/// ```
class STRATA_API SubplotSpec {
 public:
  /// The cells num1 .. num2 (inclusive, flat row-major indices; num2 defaults to num1) of
  /// `gridspec`. ValueError for a null grid or an index outside it.
  SubplotSpec(std::shared_ptr<GridSpecBase> gridspec, int num1, std::optional<int> num2 = {});

  /// matplotlib's add_subplot(nrows, ncols, index), index 1-based. ValueError "num must be
  /// 1 <= num <= 4, not 5" and GridSpec's errors. The grid is `gridspec` when given (it must be
  /// nrows x ncols, as Figure finds one of its existing grids), else a new GridSpec.
  [[nodiscard]] static SubplotSpec from_geometry(int nrows, int ncols, int index,
                                                 std::shared_ptr<GridSpecBase> gridspec = {});
  /// add_subplot(nrows, ncols, (first, last)): the flat 1-based span gs[first - 1:last].
  [[nodiscard]] static SubplotSpec from_geometry(int nrows, int ncols, std::pair<int, int> span,
                                                 std::shared_ptr<GridSpecBase> gridspec = {});
  /// add_subplot(223): the digits are nrows, ncols and index. ValueError "Single argument to
  /// subplot must be a three-digit integer, not 2234" and from_geometry's errors.
  [[nodiscard]] static SubplotSpec from_three_digit(int arg,
                                                    std::shared_ptr<GridSpecBase> gridspec = {});

  [[nodiscard]] const std::shared_ptr<GridSpecBase>& get_gridspec() const { return gridspec_; }
  /// The first cell (flat index).
  [[nodiscard]] int num1() const { return num1_; }
  /// The last cell (flat index, inclusive).
  [[nodiscard]] int num2() const { return num2_; }
  /// (nrows, ncols, num1, num2).
  [[nodiscard]] SubplotGeometry get_geometry() const;
  /// The rows spanned, [start, stop).
  [[nodiscard]] GridRange rowspan() const;
  /// The columns spanned, [start, stop) (sorted, for a num2 left of num1).
  [[nodiscard]] GridRange colspan() const;
  [[nodiscard]] bool is_first_row() const { return rowspan().start == 0; }
  [[nodiscard]] bool is_last_row() const;
  [[nodiscard]] bool is_first_col() const { return colspan().start == 0; }
  [[nodiscard]] bool is_last_col() const;

  /// The box of the spanned cells in figure fractions, given the figure's subplot parameters
  /// (`{}`: rcParams).
  [[nodiscard]] Bbox get_position(const SubplotParams& figure_params = {}) const;
  /// The spec in the outermost grid that holds this one (itself for a top-level grid).
  [[nodiscard]] SubplotSpec get_topmost_subplotspec() const;
  /// A grid inside this spec's box.
  [[nodiscard]] std::shared_ptr<GridSpecFromSubplotSpec> subgridspec(
      int nrows, int ncols, const GridSpecFromSubplotSpecOptions& options = {}) const;

  /// The same cells of the same grid object.
  friend bool operator==(const SubplotSpec& a, const SubplotSpec& b) {
    return a.gridspec_ == b.gridspec_ && a.num1_ == b.num1_ && a.num2_ == b.num2_;
  }

 private:
  std::shared_ptr<GridSpecBase> gridspec_;
  int num1_;
  int num2_;
};

/// A grid inside a SubplotSpec's box (matplotlib's GridSpecFromSubplotSpec): its margins are
/// the box, its spacing its own or the figure's.
///
/// **Example**
/// ```
/// auto outer = strata::GridSpec::make(1, 2);
/// auto inner = strata::GridSpecFromSubplotSpec::make(3, 1, (*outer)(0, 1), {.hspace = 0});
/// (*inner)(0, 0).get_position({});
/// ```
class STRATA_API GridSpecFromSubplotSpec final : public GridSpecBase {
 public:
  /// ValueError as GridSpec::make.
  [[nodiscard]] static std::shared_ptr<GridSpecFromSubplotSpec> make(
      int nrows, int ncols, SubplotSpec subplot_spec,
      const GridSpecFromSubplotSpecOptions& options = {});

  /// The parent spec.
  [[nodiscard]] const SubplotSpec& get_subplot_spec() const { return subplot_spec_; }
  /// The parent's box as margins; wspace and hspace the grid's own, else the figure's, else
  /// rcParams.
  [[nodiscard]] SubplotParams get_subplot_params(const SubplotParams& figure_params) const override;
  /// The topmost spec of the parent.
  [[nodiscard]] SubplotSpec get_topmost_subplotspec() const;

 private:
  GridSpecFromSubplotSpec(int nrows, int ncols, SubplotSpec subplot_spec,
                          const GridSpecFromSubplotSpecOptions& options);
  SubplotSpec subplot_spec_;
  std::optional<double> wspace_;
  std::optional<double> hspace_;
};

/// pyplot.subplot2grid without the figure: gs[row:row + rowspan, col:col + colspan] of an
/// nrows x ncols grid (`gridspec` when given, else a new GridSpec).
[[nodiscard]] STRATA_API SubplotSpec subplot2grid(std::pair<int, int> shape,
                                                  std::pair<int, int> loc, int rowspan = 1,
                                                  int colspan = 1,
                                                  std::shared_ptr<GridSpecBase> gridspec = {});

}  // namespace strata
