// SPDX-License-Identifier: MIT
#pragma once
// Mosaic layouts (matplotlib's Figure.subplot_mosaic, figure.py): a grid of labels, each label
// covering a rectangle of cells that becomes one Axes; '.' leaves a cell empty, a cell may hold
// a nested layout (placed in a sub-grid of that cell).
//
// **Example**
// ```
// strata::Figure fig;
// strata::Mosaic axd = fig.subplot_mosaic("AB;CC");       // A and B on top, C across the bottom
// axd["C"].plot(x, y);
// auto m = fig.subplot_mosaic(R"(
//     AAE
//     C.E
// )");
// auto n = fig.subplot_mosaic({{"A", "B"}, {"C", strata::MosaicLayout{{"x", "y"}}}},
//                             {.sharex = true, .width_ratios = {2, 1}});
// ```
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "strata/artist/axes.hpp"
#include "strata/artist/gridspec.hpp"
#include "strata/export.hpp"

namespace strata {

struct MosaicCell;

/// A mosaic as a list of rows of cells (matplotlib's list-of-lists layout). All rows must have
/// the same length.
using MosaicLayout = std::vector<std::vector<MosaicCell>>;

/// One cell of a MosaicLayout: a label (the empty sentinel, '.' by default, leaves the cell
/// empty) or a nested layout that fills the cell.
struct STRATA_API MosaicCell {
  MosaicCell(const char* label) : value(std::string(label)) {}   // NOLINT: {{"A", "B"}}
  MosaicCell(std::string label) : value(std::move(label)) {}     // NOLINT
  MosaicCell(MosaicLayout nested) : value(std::move(nested)) {}  // NOLINT

  [[nodiscard]] bool is_nested() const { return value.index() == 1; }
  /// The label (only for a non-nested cell).
  [[nodiscard]] const std::string& label() const { return std::get<0>(value); }
  /// The nested layout (only for a nested cell).
  [[nodiscard]] const MosaicLayout& nested() const { return std::get<1>(value); }

  std::variant<std::string, MosaicLayout> value;
};

/// Options of Figure::subplot_mosaic (matplotlib's keyword arguments).
struct MosaicOptions {
  /// Share the x (y) axis of every Axes with the first one; the inner tick labels are
  /// hidden as for subplots.
  bool sharex = false;
  bool sharey = false;
  /// One per column / row of the outer grid; ValueError when gridspec_kw sets them too.
  std::vector<double> width_ratios{};
  std::vector<double> height_ratios{};
  /// The label of empty cells.
  std::string empty_sentinel = ".";
  /// Properties of every Axes (the label is always the mosaic label).
  AxesOptions subplot_kw{};
  /// Options of the outer grid; wspace, hspace and the ratios are passed to nested grids too,
  /// as matplotlib does (left/right/bottom/top with a nested layout: ValueError).
  GridSpecOptions gridspec_kw{};
};

/// The Axes of a mosaic by label, in matplotlib's order (left to right, top to bottom by the
/// upper-left cell; a nested layout's Axes where the layout sits).
///
/// **Example**
/// ```
/// strata::Mosaic axd = fig.subplot_mosaic("AB;CC");
/// axd["A"].set_title("A");
/// for (const auto& [label, ax] : axd) ax->set_xlabel(label);
/// ```
class STRATA_API Mosaic {
 public:
  using Entry = std::pair<std::string, Axes*>;

  Mosaic() = default;
  explicit Mosaic(std::vector<Entry> entries) : entries_(std::move(entries)) {}

  /// The Axes of `label`; ValueError (matplotlib's KeyError text: "'Z'") when there is none.
  [[nodiscard]] Axes& operator[](std::string_view label) const;
  [[nodiscard]] bool contains(std::string_view label) const;
  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  [[nodiscard]] bool empty() const { return entries_.empty(); }
  [[nodiscard]] auto begin() const { return entries_.begin(); }
  [[nodiscard]] auto end() const { return entries_.end(); }
  /// The labels in order.
  [[nodiscard]] std::vector<std::string> labels() const;

 private:
  std::vector<Entry> entries_{};
};

namespace detail {

/// matplotlib's Figure._normalize_grid_string: "AB;CC" (rows separated by ';') or a
/// multi-line string (common leading white space removed as inspect.cleandoc, blank first and
/// last lines dropped); one cell per character.
[[nodiscard]] STRATA_API MosaicLayout parse_mosaic_string(std::string_view layout);

}  // namespace detail

}  // namespace strata
