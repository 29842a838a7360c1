// SPDX-License-Identifier: MIT
#pragma once
// The shaping core behind shape() and measure(), with its 26.6 results (for tests and the
// text layout).

#include <cstdint>
#include <string_view>
#include <vector>

#include "strata/text/font.hpp"

namespace strata::text_detail {

struct Decoded {
  char32_t cp = 0;
  std::uint32_t offset = 0;  ///< byte offset in the text
  std::uint32_t length = 0;  ///< bytes
};

/// Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF); throws ValueError
/// "invalid UTF-8 in text at byte N" at the first bad sequence.
[[nodiscard]] std::vector<Decoded> decode_utf8(std::string_view s);

/// The em size in pixels for `points` at `dpi` as matplotlib's FT2Font sets it: the size
/// clamped to >= 1 pt and truncated to 1/64 pt.
[[nodiscard]] double em_size_px(double points, double dpi);

struct ShapedLine {
  std::vector<GlyphRun> runs;
  std::int64_t advance26 = 0;  ///< pen after the last glyph
  /// Union of the glyph outline boxes at their pens (FT2Font's bbox), 1/64 pixel, y up.
  std::int64_t xmin26 = 0, ymin26 = 0, xmax26 = 0, ymax26 = 0;
  /// The factor from the 26.6 values to pixels at the requested size: 1, or in the
  /// `text_path` mode size / 100 pt (the line is measured at 100 pt).
  double scale = 1.0;
};

[[nodiscard]] ShapedLine shape_line(std::string_view utf8, const FontProperties& props, double dpi);

}  // namespace strata::text_detail
