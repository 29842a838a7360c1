// SPDX-License-Identifier: MIT
// Figure::subplot_mosaic: matplotlib 3.6's figure.py (subplot_mosaic, _normalize_grid_string)
// step for step, including the order of the Axes and the error messages (the layouts in them
// are written as numpy prints object arrays, without numpy's line wrapping).
#include "strata/artist/mosaic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <set>

#include "strata/artist/figure.hpp"
#include "strata/error.hpp"

namespace strata {

// ---- Mosaic -------------------------------------------------------------------------------

Axes& Mosaic::operator[](std::string_view label) const {
  for (const auto& [name, ax] : entries_) {
    if (name == label) return *ax;
  }
  throw ValueError(fmt::format("'{}'", label));
}

bool Mosaic::contains(std::string_view label) const {
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const Entry& e) { return e.first == label; });
}

std::vector<std::string> Mosaic::labels() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& e : entries_) out.push_back(e.first);
  return out;
}

namespace detail {

namespace {

// str.expandtabs() with tab stops every 8 columns.
std::string expand_tabs(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (c == '\t') {
      out.append(8 - out.size() % 8, ' ');
    } else {
      out += c;
    }
  }
  return out;
}

// The UTF-8 characters of a line (Python's list(str)).
std::vector<MosaicCell> characters(std::string_view line) {
  std::vector<MosaicCell> row;
  std::size_t i = 0;
  while (i < line.size()) {
    const auto lead = static_cast<unsigned char>(line[i]);
    std::size_t n = 1;
    if (lead >= 0xF0) {
      n = 4;
    } else if (lead >= 0xE0) {
      n = 3;
    } else if (lead >= 0xC0) {
      n = 2;
    }
    n = std::min(n, line.size() - i);
    row.emplace_back(std::string(line.substr(i, n)));
    i += n;
  }
  return row;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.emplace_back(s.substr(start));
      return out;
    }
    out.emplace_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

}  // namespace

MosaicLayout parse_mosaic_string(std::string_view layout) {
  MosaicLayout out;
  if (layout.find('\n') == std::string_view::npos) {
    for (const std::string& row : split(layout, ';')) out.push_back(characters(row));
    return out;
  }
  // inspect.cleandoc: expand tabs, strip the first line's leading white space and the
  // common indentation of the others, drop blank leading and trailing lines.
  std::vector<std::string> lines;
  for (const std::string& l : split(layout, '\n')) lines.push_back(expand_tabs(l));
  std::size_t margin = SIZE_MAX;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::size_t first = lines[i].find_first_not_of(" \t\n\r\f\v");
    if (first != std::string::npos) margin = std::min(margin, first);
  }
  {
    const std::size_t first = lines[0].find_first_not_of(" \t\n\r\f\v");
    lines[0] = first == std::string::npos ? std::string() : lines[0].substr(first);
  }
  if (margin != SIZE_MAX) {
    for (std::size_t i = 1; i < lines.size(); ++i) {
      lines[i] = margin < lines[i].size() ? lines[i].substr(margin) : std::string();
    }
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  // .strip('\n').split('\n') of the joined lines: blank lines inside stay (as empty rows).
  for (const std::string& l : lines) out.push_back(characters(l));
  if (out.empty()) out.emplace_back();  // ''.split('\n') == ['']
  return out;
}

}  // namespace detail

namespace {

// Python's repr of a str.
std::string py_repr(const std::string& s) {
  const bool dq = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
  const char q = dq ? '"' : '\'';
  std::string out(1, q);
  for (char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == q) {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + q;
}

std::string list_repr(const MosaicLayout& layout);

std::string cell_repr(const MosaicCell& cell) {
  return cell.is_nested() ? list_repr(cell.nested()) : py_repr(cell.label());
}

std::string row_repr(const std::vector<MosaicCell>& row) {
  std::string out = "[";
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += ", ";
    out += cell_repr(row[i]);
  }
  return out + "]";
}

// repr of a Python list of lists.
std::string list_repr(const MosaicLayout& layout) {
  std::string out = "[";
  for (std::size_t i = 0; i < layout.size(); ++i) {
    if (i) out += ", ";
    out += row_repr(layout[i]);
  }
  return out + "]";
}

// repr of the 2-D numpy object array of a layout (nested layouts print as list([...])).
std::string array_repr(const MosaicLayout& layout) {
  std::string out = "array([";
  for (std::size_t r = 0; r < layout.size(); ++r) {
    if (r) out += ",\n       ";
    out += "[";
    for (std::size_t c = 0; c < layout[r].size(); ++c) {
      if (c) out += ", ";
      const MosaicCell& cell = layout[r][c];
      out += cell.is_nested() ? "list(" + list_repr(cell.nested()) + ")" : py_repr(cell.label());
    }
    out += "]";
  }
  return out + "], dtype=object)";
}

// str of the same array ([['a' 'b']\n ['c' 'd']]).
std::string array_str(const MosaicLayout& layout) {
  std::string out = "[";
  for (std::size_t r = 0; r < layout.size(); ++r) {
    if (r) out += "\n ";
    out += "[";
    for (std::size_t c = 0; c < layout[r].size(); ++c) {
      if (c) out += " ";
      const MosaicCell& cell = layout[r][c];
      out += cell.is_nested() ? "list(" + list_repr(cell.nested()) + ")" : py_repr(cell.label());
    }
    out += "]";
  }
  return out + "]";
}

// _make_array's checks: a non-empty list of rows of one length.
void check_rectangular(const MosaicLayout& layout) {
  if (layout.empty()) {
    throw ValueError("not enough values to unpack (expected at least 1, got 0)");
  }
  const auto& r0 = layout.front();
  for (std::size_t j = 1; j < layout.size(); ++j) {
    if (layout[j].size() != r0.size()) {
      throw ValueError(fmt::format(
          "All of the rows must be the same length, however the first row ({}) has length {} "
          "and row {} ({}) has length {}.",
          row_repr(r0), r0.size(), j, row_repr(layout[j]), layout[j].size()));
    }
  }
}

struct LayoutItem {
  bool nested = false;
  std::string name{};
  int row0 = 0, row1 = 0, col0 = 0, col1 = 0;  // [row0, row1) x [col0, col1)
  const MosaicLayout* layout = nullptr;        // nested
};

class MosaicBuilder {
 public:
  MosaicBuilder(Figure& fig, const MosaicOptions& options) : fig_(fig), options_(options) {}

  void layout(const std::shared_ptr<GridSpecBase>& gs, const MosaicLayout& mosaic,
              std::vector<Mosaic::Entry>& output) {
    const auto rows = static_cast<int>(mosaic.size());
    const auto cols = static_cast<int>(mosaic.front().size());
    // _identify_keys_and_nested: unique labels in first-seen order, nested layouts by cell.
    std::vector<std::string> unique_ids;
    std::map<std::pair<int, int>, LayoutItem> this_level;
    for (int j = 0; j < rows; ++j) {
      for (int k = 0; k < cols; ++k) {
        const MosaicCell& v = mosaic[static_cast<std::size_t>(j)][static_cast<std::size_t>(k)];
        if (v.is_nested()) {
          check_rectangular(v.nested());
          this_level[{j, k}] = LayoutItem{.nested = true, .layout = &v.nested()};
        } else if (v.label() != options_.empty_sentinel &&
                   std::find(unique_ids.begin(), unique_ids.end(), v.label()) == unique_ids.end()) {
          unique_ids.push_back(v.label());
        }
      }
    }
    const auto is = [&](int j, int k, const std::string& name) {
      const MosaicCell& v = mosaic[static_cast<std::size_t>(j)][static_cast<std::size_t>(k)];
      return !v.is_nested() && v.label() == name;
    };
    for (const std::string& name : unique_ids) {
      int r0 = rows, r1 = -1, c0 = cols, c1 = -1;
      for (int j = 0; j < rows; ++j) {
        for (int k = 0; k < cols; ++k) {
          if (!is(j, k, name)) continue;
          r0 = std::min(r0, j);
          r1 = std::max(r1, j);
          c0 = std::min(c0, k);
          c1 = std::max(c1, k);
        }
      }
      for (int j = r0; j <= r1; ++j) {
        for (int k = c0; k <= c1; ++k) {
          if (!is(j, k, name)) {
            throw ValueError(
                fmt::format("While trying to layout\n{}\nwe found that the label {} specifies a "
                            "non-rectangular or non-contiguous area.",
                            array_repr(mosaic), py_repr(name)));
          }
        }
      }
      // matplotlib keys the items by their upper-left cell; a nested layout in the same cell
      // is impossible (the cell holds the label).
      this_level[{r0, c0}] =
          LayoutItem{.name = name, .row0 = r0, .row1 = r1 + 1, .col0 = c0, .col1 = c1 + 1};
    }
    const auto has = [&](const std::string& name) {
      return std::any_of(output.begin(), output.end(),
                         [&](const Mosaic::Entry& e) { return e.first == name; });
    };
    for (const auto& [key, item] : this_level) {
      if (!item.nested) {
        if (has(item.name)) {
          throw ValueError(fmt::format("There are duplicate keys {} in the layout\n{}", item.name,
                                       array_repr(mosaic)));
        }
        AxesOptions kw = options_.subplot_kw;
        kw.label = item.name;
        const SubplotSpec ss = (*gs)(Slice{item.row0, item.row1}, Slice{item.col0, item.col1});
        output.emplace_back(item.name, &fig_.add_subplot(ss, kw));
      } else {
        const MosaicLayout& nested = *item.layout;
        const GridSpecOptions& gk = options_.gridspec_kw;
        if (gk.left || gk.right || gk.bottom || gk.top) {
          throw ValueError(
              "gridspec_kw: left, right, bottom and top cannot be used with a nested mosaic "
              "(GridSpecFromSubplotSpec takes no margins)");
        }
        auto sub = (*gs)(key.first, key.second)
                       .subgridspec(static_cast<int>(nested.size()),
                                    static_cast<int>(nested.front().size()),
                                    {.wspace = gk.wspace,
                                     .hspace = gk.hspace,
                                     .width_ratios = gk.width_ratios,
                                     .height_ratios = gk.height_ratios});
        std::vector<Mosaic::Entry> nested_output;
        layout(sub, nested, nested_output);
        std::vector<std::string> overlap;
        for (const auto& e : nested_output) {
          if (has(e.first)) overlap.push_back(py_repr(e.first));
        }
        if (!overlap.empty()) {
          throw ValueError(fmt::format(
              "There are duplicate keys {{{}}} between the outer layout\n{}\nand the nested "
              "layout\n{}",
              fmt::join(overlap, ", "), array_repr(mosaic), array_str(nested)));
        }
        output.insert(output.end(), nested_output.begin(), nested_output.end());
      }
    }
  }

 private:
  Figure& fig_;
  const MosaicOptions& options_;
};

// matplotlib's _label_outer_xaxis / _label_outer_yaxis (check_patch: always a Rectangle).
void label_outer_x(Axes& ax) {
  const auto& ss = ax.get_subplotspec();
  if (!ss) return;
  const std::string pos = ax.xaxis().get_label_position();
  if (!ss->is_first_row()) {
    if (pos == "top") ax.set_xlabel("");
    ax.xaxis().set_tick_params({.which = "both", .labeltop = false});
    if (ax.xaxis().offset_text().get_position().y == 1) {
      ax.xaxis().offset_text().set_visible(false);
    }
  }
  if (!ss->is_last_row()) {
    if (pos == "bottom") ax.set_xlabel("");
    ax.xaxis().set_tick_params({.which = "both", .labelbottom = false});
    if (ax.xaxis().offset_text().get_position().y == 0) {
      ax.xaxis().offset_text().set_visible(false);
    }
  }
}

void label_outer_y(Axes& ax) {
  const auto& ss = ax.get_subplotspec();
  if (!ss) return;
  const std::string pos = ax.yaxis().get_label_position();
  if (!ss->is_first_col()) {
    if (pos == "left") ax.set_ylabel("");
    ax.yaxis().set_tick_params({.which = "both", .labelleft = false});
    if (ax.yaxis().offset_text().get_position().x == 0) {
      ax.yaxis().offset_text().set_visible(false);
    }
  }
  if (!ss->is_last_col()) {
    if (pos == "right") ax.set_ylabel("");
    ax.yaxis().set_tick_params({.which = "both", .labelright = false});
    if (ax.yaxis().offset_text().get_position().x == 1) {
      ax.yaxis().offset_text().set_visible(false);
    }
  }
}

}  // namespace

Mosaic Figure::subplot_mosaic(std::string_view layout, const MosaicOptions& options) {
  return subplot_mosaic(detail::parse_mosaic_string(layout), options);
}

Mosaic Figure::subplot_mosaic(const MosaicLayout& layout, const MosaicOptions& options) {
  GridSpecOptions gk = options.gridspec_kw;
  if (!options.height_ratios.empty()) {
    if (!gk.height_ratios.empty()) {
      throw ValueError(
          "'height_ratios' must not be defined both as parameter and as key in 'gridspec_kw'");
    }
    gk.height_ratios = options.height_ratios;
  }
  if (!options.width_ratios.empty()) {
    if (!gk.width_ratios.empty()) {
      throw ValueError(
          "'width_ratios' must not be defined both as parameter and as key in 'gridspec_kw'");
    }
    gk.width_ratios = options.width_ratios;
  }
  check_rectangular(layout);
  MosaicOptions resolved = options;
  resolved.gridspec_kw = gk;
  const auto rows = static_cast<int>(layout.size());
  const auto cols = static_cast<int>(layout.front().size());
  std::shared_ptr<GridSpecBase> gs = add_gridspec(rows, cols, gk);
  // Nothing is added to the figure when the layout is invalid: the Axes made before an error
  // are removed again (matplotlib leaves them in the figure).
  std::vector<Mosaic::Entry> output;
  const std::vector<Axes*> before = get_axes();
  try {
    MosaicBuilder(*this, resolved).layout(gs, layout, output);
  } catch (...) {
    for (Axes* ax : get_axes()) {
      if (std::find(before.begin(), before.end(), ax) == before.end()) delaxes(*ax);
    }
    throw;
  }
  if (output.empty()) {
    throw ValueError("subplot_mosaic: the layout has no Axes (every cell is empty)");
  }
  Axes* ax0 = output.front().second;
  for (const auto& [name, ax] : output) {
    if (options.sharex) {
      if (ax != ax0) ax->sharex(*ax0);
      label_outer_x(*ax);
    }
    if (options.sharey) {
      if (ax != ax0) ax->sharey(*ax0);
      label_outer_y(*ax);
    }
  }
  return Mosaic(std::move(output));
}

}  // namespace strata
