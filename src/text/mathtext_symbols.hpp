// SPDX-License-Identifier: MIT
#pragma once
// Symbol tables for mathtext (generated into mathtext_symbols.cpp by
// tools/gen_mathtext_symbols.py from matplotlib's _mathtext_data and Python's unicodedata).

#include <optional>
#include <string_view>

namespace strata::mathtext_detail {

/// matplotlib's tex2uni: the code point of a TeX command name without its backslash
/// ("alpha" -> U+03B1), or nullopt.
[[nodiscard]] std::optional<char32_t> tex2uni(std::string_view name);

/// True for the code points that mathtext.default 'it' sets in italics: Unicode letters below
/// U+10000 except the Greek capitals (matplotlib UnicodeFonts._get_glyph).
[[nodiscard]] bool is_italic_letter(char32_t c);

}  // namespace strata::mathtext_detail
