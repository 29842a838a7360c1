// SPDX-License-Identifier: MIT
#pragma once
// PNG encoding with libpng, straight from Cairo's pixel buffer.

#include <cstdint>
#include <map>
#include <string>

#include "strata/backend/canvas.hpp"
#include "strata/backend/renderer.hpp"

namespace strata::cairo_backend {

/// PNG row filters libpng may choose from (one per row).
enum class PngFilter : std::uint8_t {
  automatic,  ///< none at levels 0-3, adaptive over all five at levels 4-9
  none,
  sub,
  up,
  average,
  paeth,
  all,  ///< libpng's adaptive choice among all five, row by row
};

/// zlib deflate strategy.
enum class PngStrategy : std::uint8_t {
  automatic,  ///< libpng's choice: Z_FILTERED when rows are filtered, else Z_DEFAULT_STRATEGY
  default_strategy,  ///< Z_DEFAULT_STRATEGY
  filtered,          ///< Z_FILTERED
  rle,               ///< Z_RLE (fast; good on flat plot images)
  huffman_only,      ///< Z_HUFFMAN_ONLY
};

struct PngOptions {
  int compression = 1;  ///< zlib level 0-9
  double dpi = 100;     ///< written to pHYs (pixels per metre, rounded)
  /// Text chunks, written in key order; "Software" defaults to "Strata <version>" when
  /// absent. Keys are 1-79 printable ASCII characters without leading, trailing or double
  /// spaces. ASCII values go to tEXt chunks, other (UTF-8) values to iTXt chunks. A key
  /// whose value is empty is not written (so `{"Software", ""}` suppresses the default).
  std::map<std::string, std::string> metadata{};
  PngFilter filter = PngFilter::automatic;        ///< default: from the level (see PngFilter)
  PngStrategy strategy = PngStrategy::automatic;  ///< default: libpng's choice
};

/// Encodes a Cairo CAIRO_FORMAT_ARGB32 buffer (premultiplied, native-endian 32-bit pixels,
/// `stride` bytes a row). An image whose alpha is 255 everywhere is written as 8-bit RGB,
/// otherwise as straight (un-premultiplied) 8-bit RGBA. Throws ValueError on bad arguments
/// or options, BackendError on libpng failure, and lets the sink's exceptions through.
void encode_png_argb32(const std::uint8_t* data, int width, int height, int stride,
                       const PngOptions& options, ByteSink& sink);

/// Encodes a straight-alpha RGBA8 image (same RGB/RGBA choice).
void encode_png_rgba(const Image& image, const PngOptions& options, ByteSink& sink);

}  // namespace strata::cairo_backend
