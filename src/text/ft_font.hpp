// SPDX-License-Identifier: MIT
#pragma once
// FtFont: the Font implementation over FreeType and HarfBuzz (private to src/text and the
// tests). Sizes are set up exactly as matplotlib's FT2Font with hinting_factor 8
// (reference §7 rule 1), keyed by the em size in pixels.

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "strata/text/font.hpp"

struct hb_font_t;

namespace strata::text_detail {

/// matplotlib's text.hinting_factor.
inline constexpr int hinting_factor = 8;

/// One glyph's hinted metrics in 1/64 pixel (26.6), as FT2Font::set_text sees them.
struct GlyphBox26 {
  std::int64_t advance = 0;  ///< after the 1/8 horizontal transform
  /// FreeType's linearHoriAdvance (16.16, unhinted, at the 8x horizontal size) divided by
  /// the hinting factor as FT2Font does (C integer division): 16.16 pixels.
  std::int64_t linear_advance = 0;
  std::int64_t xmin = 0, ymin = 0, xmax = 0, ymax = 0;  ///< outline cbox at pen 0
  bool ink = false;  ///< false for an empty outline (its cbox is (0, 0, 0, 0) at any pen)
  /// FreeType's glyph metrics as matplotlib's Glyph object reports them (26.6): width =
  /// metrics.width / hinting factor (C integer division), height, horiBearingY.
  std::int64_t metrics_width = 0, metrics_height = 0, bearing_y = 0;
};

/// One glyph of HarfBuzz output, in 1/64 pixel; `cluster` is what was given for its text.
struct ShapedGlyph {
  std::uint32_t glyph = 0;
  std::uint32_t cluster = 0;
  std::int64_t x_advance = 0, y_advance = 0, x_offset = 0, y_offset = 0;
};

/// Options of a face loaded by the font manager.
struct FaceInfo {
  FontStyle style = FontStyle::normal;
  int weight = 400;
  int stretch = 500;
  bool bundled = false;
};

class FtFont final : public Font {
 public:
  /// Loads face `index` of `data`; `owned` keeps the bytes alive when they are not static.
  FtFont(std::span<const std::uint8_t> data, std::shared_ptr<const std::vector<std::uint8_t>> owned,
         int index, const FaceInfo& info);
  ~FtFont() override;
  FtFont(const FtFont&) = delete;
  FtFont& operator=(const FtFont&) = delete;

  // GlyphSource
  [[nodiscard]] Path glyph_outline(std::uint32_t glyph_id, double size_px) const override;
  [[nodiscard]] std::string face_name() const override { return face_name_; }
  [[nodiscard]] GlyphBitmap glyph_bitmap(std::uint32_t glyph_id, double size_px,
                                         Point pen) const override;
  [[nodiscard]] bool has_bitmaps() const override { return true; }
  [[nodiscard]] FontFile font_file() const override { return {data_, index_}; }

  // Font
  [[nodiscard]] std::string family_name() const override { return family_; }
  [[nodiscard]] std::string style_name() const override { return style_name_; }
  [[nodiscard]] std::uint32_t glyph_index(char32_t codepoint) const override;
  [[nodiscard]] GlyphMetrics glyph_metrics(std::uint32_t glyph, double size_px) const override;
  [[nodiscard]] double linear_advance(std::uint32_t glyph, double size_px) const override;
  [[nodiscard]] double kerning(std::uint32_t left, std::uint32_t right,
                               double size_px) const override;
  [[nodiscard]] int units_per_em() const override { return units_per_em_; }
  [[nodiscard]] int ascender() const override { return ascender_; }
  [[nodiscard]] int descender() const override { return descender_; }
  [[nodiscard]] int weight() const override { return info_.weight; }
  [[nodiscard]] FontStyle style() const override { return info_.style; }
  [[nodiscard]] int stretch() const override { return info_.stretch; }
  [[nodiscard]] bool is_bundled() const override { return info_.bundled; }

  // 26.6 access for shaping and measuring. `hinted` false loads the glyph as matplotlib's
  // vector backends do (LOAD_NO_HINTING instead of FORCE_AUTOHINT, same size set-up).
  [[nodiscard]] GlyphBox26 glyph_box26(std::uint32_t glyph, double size_px,
                                       bool hinted = true) const;
  /// FT_Get_Kerning(FT_KERNING_DEFAULT).x / hinting_factor (C integer division), 0 when the
  /// face has no kerning.
  /// `unfitted`: FT_KERNING_UNFITTED (not rounded to whole pixels), as matplotlib's PDF and
  /// PS backends place glyphs.
  [[nodiscard]] std::int64_t kerning26(std::uint32_t left, std::uint32_t right, double size_px,
                                       bool unfitted = false) const;
  [[nodiscard]] bool has_kerning() const { return has_kerning_; }
  /// HarfBuzz on this face at `size_px` (load flags FT_LOAD_FORCE_AUTOHINT, scale y_scale
  /// on both axes: reference §7 rule 2). `clusters` has one entry per code point.
  [[nodiscard]] std::vector<ShapedGlyph> shape_harfbuzz(const std::vector<char32_t>& text,
                                                        const std::vector<std::uint32_t>& clusters,
                                                        double size_px) const;

 private:
  struct Size26 {
    long width = 0;   ///< x em size in 26.6 at 8x horizontal resolution
    long height = 0;  ///< y em size in 26.6
    friend bool operator==(const Size26&, const Size26&) = default;
  };
  static Size26 size26(double size_px);
  void set_size_locked(double size_px) const;
  [[nodiscard]] GlyphBox26 load_box_locked(std::uint32_t glyph, bool hinted) const;

  std::span<const std::uint8_t> data_;
  std::shared_ptr<const std::vector<std::uint8_t>> owned_;
  int index_;
  FaceInfo info_;
  FT_Face face_ = nullptr;
  hb_font_t* hb_ = nullptr;
  std::string family_, style_name_, face_name_;
  int units_per_em_ = 0, ascender_ = 0, descender_ = 0;
  bool has_kerning_ = false;

  struct Key {
    std::uint32_t glyph = 0;
    long width = 0, height = 0;
    int fx = 0, fy = 0;  ///< pen fraction in 1/64 pixel (bitmaps only)
    friend bool operator==(const Key&, const Key&) = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept;
  };

  mutable std::mutex mutex_;  // guards face_, hb_ and the caches below
  mutable Size26 current_{};
  mutable std::unordered_map<Key, GlyphBox26, KeyHash> boxes_;
  struct Outline {
    std::vector<Point> vertices;  ///< font units
    std::vector<PathCode> codes;
  };
  mutable std::unordered_map<std::uint32_t, Outline> outlines_;
  mutable std::unordered_map<Key, GlyphBitmap, KeyHash> bitmaps_;  // at the pen's fraction
};

/// The process's FreeType library (created on first use, never destroyed) and the mutex
/// that guards FT_New_Face / FT_Done_Face on it.
FT_Library ft_library();
std::mutex& ft_library_mutex();

}  // namespace strata::text_detail
