// SPDX-License-Identifier: MIT
#pragma once
// The generated rcParams defaults and bundled style sheets (src/style/styles_data.cpp,
// tools/gen_styles.py).

#include <cstddef>

namespace strata::detail {

/// How a key's values are validated (matplotlib's rcsetup validators).
enum class RcKind {
  any,                 ///< not validated; kept as text
  boolean,             ///< validate_bool
  real,                ///< validate_float
  real_or_none,        ///< validate_float_or_None
  integer,             ///< validate_int
  integer_or_none,     ///< validate_int_or_None
  string,              ///< validate_str
  string_or_none,      ///< validate_str_or_None
  color,               ///< validate_color
  color_or_auto,       ///< validate_color_or_auto
  color_or_inherit,    ///< validate_color_or_inherit
  color_or_linecolor,  ///< _validate_color_or_linecolor
  real_list,           ///< validate_floatlist (count: required length, 0 any)
  integer_list,        ///< validate_intlist
  string_list,         ///< validate_strlist
  fontsize,            ///< validate_fontsize
  fontsize_or_none,    ///< validate_fontsize_None
  fontweight,          ///< validate_fontweight
  cycler,              ///< validate_cycler
  dpi,                 ///< validate_dpi: "figure" or a float
  unit_closed,         ///< 0 <= x <= 1
  unit_half_open,      ///< 0 <= x < 1
  in_strings,          ///< ValidateInStrings (choices: '|'-separated)
  in_strings_nocase,   ///< ValidateInStrings(ignorecase=True)
  capstyle,            ///< butt, projecting, round
  joinstyle,           ///< miter, round, bevel
};

struct RcDefaultEntry {
  const char* key;
  const char* value;  ///< as written in a matplotlibrc file
  RcKind kind;
  const char* choices;
  int count;
};

struct StyleSheetEntry {
  const char* name;
  const char* text;
};

extern const RcDefaultEntry k_rc_defaults[];
extern const std::size_t k_rc_defaults_size;
extern const StyleSheetEntry k_style_sheets[];
extern const std::size_t k_style_sheets_size;

}  // namespace strata::detail
