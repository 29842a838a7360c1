// SPDX-License-Identifier: MIT
// FtFont: FreeType set up as matplotlib's FT2Font (hinting_factor 8, force_autohint) and
// HarfBuzz on the same face. Every FreeType/HarfBuzz call on a face holds the face's mutex.
#include "text/ft_font.hpp"

#include <fmt/format.h>
#include FT_GLYPH_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ft.h>
#include <hb.h>

#include <cmath>
#include <cstring>

#include "strata/error.hpp"

namespace strata::text_detail {

namespace {

constexpr FT_Int32 load_flags = FT_LOAD_FORCE_AUTOHINT;  // matplotlib's text.hinting default
constexpr std::size_t max_cached_bitmaps = 50000;

void ft_check(FT_Error err, const char* what) {
  if (err != 0) throw Error(fmt::format("FreeType: {} failed (error {})", what, err));
}

struct Decomposer {
  std::vector<Point>* vertices;
  std::vector<PathCode>* codes;
};

Decomposer* dec(void* user) { return static_cast<Decomposer*>(user); }
Point pt(const FT_Vector* v) { return {static_cast<double>(v->x), static_cast<double>(v->y)}; }

int move_to(const FT_Vector* to, void* user) {
  Decomposer* d = dec(user);
  if (!d->vertices->empty()) {
    d->vertices->push_back({0, 0});
    d->codes->push_back(PathCode::closepoly);
  }
  d->vertices->push_back(pt(to));
  d->codes->push_back(PathCode::moveto);
  return 0;
}
int line_to(const FT_Vector* to, void* user) {
  Decomposer* d = dec(user);
  d->vertices->push_back(pt(to));
  d->codes->push_back(PathCode::lineto);
  return 0;
}
int conic_to(const FT_Vector* control, const FT_Vector* to, void* user) {
  Decomposer* d = dec(user);
  d->vertices->push_back(pt(control));
  d->vertices->push_back(pt(to));
  d->codes->insert(d->codes->end(), 2, PathCode::curve3);
  return 0;
}
int cubic_to(const FT_Vector* c1, const FT_Vector* c2, const FT_Vector* to, void* user) {
  Decomposer* d = dec(user);
  d->vertices->push_back(pt(c1));
  d->vertices->push_back(pt(c2));
  d->vertices->push_back(pt(to));
  d->codes->insert(d->codes->end(), 3, PathCode::curve4);
  return 0;
}

std::int64_t floor_div64(std::int64_t v) { return v >= 0 ? v / 64 : -((-v + 63) / 64); }

}  // namespace

FT_Library ft_library() {
  static FT_Library lib = [] {
    FT_Library l = nullptr;
    ft_check(FT_Init_FreeType(&l), "FT_Init_FreeType");
    return l;
  }();
  return lib;
}

std::mutex& ft_library_mutex() {
  static std::mutex m;
  return m;
}

std::size_t FtFont::KeyHash::operator()(const Key& k) const noexcept {
  std::uint64_t h = k.glyph;
  h = h * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(k.width);
  h = h * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(k.height);
  h = h * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(k.fx * 64 + k.fy);
  return static_cast<std::size_t>(h ^ (h >> 29));
}

FtFont::FtFont(std::span<const std::uint8_t> data,
               std::shared_ptr<const std::vector<std::uint8_t>> owned, int index,
               const FaceInfo& info)
    : data_(data), owned_(std::move(owned)), index_(index), info_(info) {
  {
    std::lock_guard lib_lock(ft_library_mutex());
    ft_check(FT_New_Memory_Face(ft_library(), data_.data(), static_cast<FT_Long>(data_.size()),
                                index_, &face_),
             "FT_New_Memory_Face");
  }
  family_ = face_->family_name ? face_->family_name : "";
  style_name_ = face_->style_name ? face_->style_name : "";
  const char* ps = FT_Get_Postscript_Name(face_);
  face_name_ = ps ? ps : family_ + "-" + style_name_;
  units_per_em_ = face_->units_per_EM;
  ascender_ = face_->ascender;
  descender_ = face_->descender;
  has_kerning_ = FT_HAS_KERNING(face_);
  set_size_locked(12.0);
  hb_ = hb_ft_font_create(face_, nullptr);
  hb_ft_font_set_load_flags(hb_, load_flags);
  current_ = {};
  set_size_locked(12.0);  // again, now to scale the HarfBuzz font too
}

FtFont::~FtFont() {
  if (hb_) hb_font_destroy(hb_);
  std::lock_guard lib_lock(ft_library_mutex());
  FT_Done_Face(face_);
}

FtFont::Size26 FtFont::size26(double size_px) {
  // matplotlib: FT_Set_Char_Size(face, pt * 64, 0, dpi * 8, dpi), i.e. 26.6 em sizes of
  // (pt64 * dpi * 8 + 36) / 72 and (pt64 * dpi + 36) / 72: the em size in pixels rounded
  // to 1/512 and 1/64 pixel (ties cannot occur horizontally; upwards vertically).
  if (!(size_px > 0) || !std::isfinite(size_px) || size_px > 1e5) {
    throw ValueError(fmt::format("font size_px must be positive and finite, got {}", size_px));
  }
  const double eps = 1e-7;
  return {static_cast<long>(std::floor(size_px * 64.0 * hinting_factor + 0.5 + eps)),
          static_cast<long>(std::floor(size_px * 64.0 + 0.5 + eps))};
}

void FtFont::set_size_locked(double size_px) const {
  const Size26 s = size26(size_px);
  if (s == current_) return;
  FT_Size_RequestRec req{};
  req.type = FT_SIZE_REQUEST_TYPE_NOMINAL;
  req.width = std::max(s.width, 64L);
  req.height = std::max(s.height, 64L);
  req.horiResolution = 0;  // width and height are 26.6 pixels
  req.vertResolution = 0;
  ft_check(FT_Request_Size(face_, &req), "FT_Request_Size");
  FT_Matrix transform{65536 / hinting_factor, 0, 0, 65536};
  FT_Set_Transform(face_, &transform, nullptr);
  current_ = s;
  if (hb_) {
    // Rule 2: HarfBuzz scaled by y_scale on both axes (the x scale is 8x).
    const auto scale = static_cast<int>((static_cast<std::uint64_t>(face_->size->metrics.y_scale) *
                                             static_cast<std::uint64_t>(face_->units_per_EM) +
                                         (1u << 15)) >>
                                        16);
    hb_font_set_scale(hb_, scale, scale);
    hb_font_set_ppem(hb_, face_->size->metrics.y_ppem, face_->size->metrics.y_ppem);
  }
}

GlyphBox26 FtFont::load_box_locked(std::uint32_t glyph, bool hinted) const {
  ft_check(FT_Load_Glyph(face_, glyph, hinted ? load_flags : FT_LOAD_NO_HINTING), "FT_Load_Glyph");
  const FT_GlyphSlot slot = face_->glyph;
  GlyphBox26 box;
  box.advance = slot->advance.x;
  box.linear_advance = static_cast<std::int64_t>(slot->linearHoriAdvance / hinting_factor);
  box.metrics_width = static_cast<std::int64_t>(slot->metrics.width / hinting_factor);
  box.metrics_height = static_cast<std::int64_t>(slot->metrics.height);
  box.bearing_y = static_cast<std::int64_t>(slot->metrics.horiBearingY);
  if (slot->format == FT_GLYPH_FORMAT_OUTLINE && slot->outline.n_points > 0) {
    FT_BBox cbox;
    FT_Outline_Get_CBox(&slot->outline, &cbox);
    box.xmin = cbox.xMin;
    box.ymin = cbox.yMin;
    box.xmax = cbox.xMax;
    box.ymax = cbox.yMax;
    box.ink = true;
  }
  return box;
}

GlyphBox26 FtFont::glyph_box26(std::uint32_t glyph, double size_px, bool hinted) const {
  const Size26 s = size26(size_px);
  const Key key{glyph, s.width, s.height, hinted ? 0 : -1, 0};  // fx -1: unhinted
  std::lock_guard lock(mutex_);
  if (auto it = boxes_.find(key); it != boxes_.end()) return it->second;
  set_size_locked(size_px);
  const GlyphBox26 box = load_box_locked(glyph, hinted);
  if (boxes_.size() > max_cached_bitmaps) boxes_.clear();
  boxes_.emplace(key, box);
  return box;
}

std::int64_t FtFont::kerning26(std::uint32_t left, std::uint32_t right, double size_px,
                               bool unfitted) const {
  if (!has_kerning_ || left == 0 || right == 0) return 0;
  std::lock_guard lock(mutex_);
  set_size_locked(size_px);
  FT_Vector delta{};
  if (FT_Get_Kerning(face_, left, right, unfitted ? FT_KERNING_UNFITTED : FT_KERNING_DEFAULT,
                     &delta) != 0) {
    return 0;
  }
  return static_cast<std::int64_t>(static_cast<int>(delta.x) / hinting_factor);
}

std::uint32_t FtFont::glyph_index(char32_t codepoint) const {
  std::lock_guard lock(mutex_);
  return FT_Get_Char_Index(face_, static_cast<FT_ULong>(codepoint));
}

GlyphMetrics FtFont::glyph_metrics(std::uint32_t glyph, double size_px) const {
  const GlyphBox26 b = glyph_box26(glyph, size_px);
  return {static_cast<double>(b.advance) / 64.0, static_cast<double>(b.xmin) / 64.0,
          static_cast<double>(b.ymin) / 64.0, static_cast<double>(b.xmax) / 64.0,
          static_cast<double>(b.ymax) / 64.0};
}

double FtFont::linear_advance(std::uint32_t glyph, double size_px) const {
  return static_cast<double>(glyph_box26(glyph, size_px).linear_advance) / 65536.0;
}

double FtFont::kerning(std::uint32_t left, std::uint32_t right, double size_px) const {
  return static_cast<double>(kerning26(left, right, size_px)) / 64.0;
}

Path FtFont::glyph_outline(std::uint32_t glyph_id, double size_px) const {
  if (!(size_px > 0) || !std::isfinite(size_px)) {
    throw ValueError(fmt::format("font size_px must be positive and finite, got {}", size_px));
  }
  Outline outline;
  {
    std::lock_guard lock(mutex_);
    auto it = outlines_.find(glyph_id);
    if (it == outlines_.end()) {
      // Unhinted, in font units: the exact shape, scaled below (as matplotlib's text paths).
      FT_Set_Transform(face_, nullptr, nullptr);
      const FT_Error err = FT_Load_Glyph(face_, glyph_id, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP);
      FT_Matrix transform{65536 / hinting_factor, 0, 0, 65536};
      FT_Set_Transform(face_, &transform, nullptr);
      ft_check(err, "FT_Load_Glyph");
      Outline o;
      if (face_->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
        Decomposer d{&o.vertices, &o.codes};
        const FT_Outline_Funcs funcs{move_to, line_to, conic_to, cubic_to, 0, 0};
        ft_check(FT_Outline_Decompose(&face_->glyph->outline, &funcs, &d), "FT_Outline_Decompose");
        if (!o.vertices.empty()) {
          o.vertices.push_back({0, 0});
          o.codes.push_back(PathCode::closepoly);
        }
      }
      it = outlines_.emplace(glyph_id, std::move(o)).first;
    }
    outline = it->second;
  }
  const double scale = size_px / static_cast<double>(units_per_em_);
  for (Point& p : outline.vertices) {
    p.x *= scale;
    p.y *= scale;
  }
  if (outline.vertices.empty()) return {};
  return Path(std::move(outline.vertices), std::move(outline.codes));
}

GlyphBitmap FtFont::glyph_bitmap(std::uint32_t glyph_id, double size_px, Point pen) const {
  // The pen in 26.6; the glyph is rendered at the pen's fraction and moved by whole pixels,
  // which is exactly FreeType's result at the full pen.
  const auto px = static_cast<std::int64_t>(std::llround(pen.x * 64.0));
  const auto py = static_cast<std::int64_t>(std::llround(pen.y * 64.0));
  const std::int64_t ix = floor_div64(px), iy = floor_div64(py);
  const int fx = static_cast<int>(px - ix * 64), fy = static_cast<int>(py - iy * 64);
  const Size26 s = size26(size_px);
  const Key key{glyph_id, s.width, s.height, fx, fy};
  GlyphBitmap bm;
  {
    std::lock_guard lock(mutex_);
    auto it = bitmaps_.find(key);
    if (it == bitmaps_.end()) {
      set_size_locked(size_px);
      ft_check(FT_Load_Glyph(face_, glyph_id, load_flags), "FT_Load_Glyph");
      FT_Glyph glyph = nullptr;
      ft_check(FT_Get_Glyph(face_->glyph, &glyph), "FT_Get_Glyph");
      GlyphBitmap out;
      FT_Vector delta{fx, fy};
      FT_Glyph_Transform(glyph, nullptr, &delta);
      FT_BBox cbox;
      FT_Glyph_Get_CBox(glyph, FT_GLYPH_BBOX_SUBPIXELS, &cbox);
      const bool ink = glyph->format == FT_GLYPH_FORMAT_OUTLINE &&
                       reinterpret_cast<FT_OutlineGlyph>(glyph)->outline.n_points > 0;  // NOLINT
      if (ink) {
        out.xmin = cbox.xMin;
        out.ymin = cbox.yMin;
        out.xmax = cbox.xMax;
        out.ymax = cbox.yMax;
      }
      const FT_Error err = FT_Glyph_To_Bitmap(&glyph, FT_RENDER_MODE_NORMAL, nullptr, 1);
      if (err != 0) {
        FT_Done_Glyph(glyph);
        ft_check(err, "FT_Glyph_To_Bitmap");
      }
      const auto* bitmap_glyph = reinterpret_cast<FT_BitmapGlyph>(glyph);  // NOLINT
      const FT_Bitmap& b = bitmap_glyph->bitmap;
      out.left = bitmap_glyph->left;
      out.top = bitmap_glyph->top;
      out.width = static_cast<int>(b.width);
      out.rows = static_cast<int>(b.rows);
      out.coverage.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.rows));
      for (int r = 0; r < out.rows; ++r) {
        const unsigned char* src = b.buffer + static_cast<std::ptrdiff_t>(r) * b.pitch;
        std::uint8_t* dst =
            out.coverage.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(out.width);
        if (b.pixel_mode == FT_PIXEL_MODE_GRAY) {
          std::memcpy(dst, src, static_cast<std::size_t>(out.width));
        } else if (b.pixel_mode == FT_PIXEL_MODE_MONO) {
          for (int c = 0; c < out.width; ++c) {
            dst[c] = (src[c >> 3] & (0x80 >> (c & 7))) ? 255 : 0;
          }
        }
      }
      FT_Done_Glyph(glyph);
      if (bitmaps_.size() > max_cached_bitmaps) bitmaps_.clear();
      it = bitmaps_.emplace(key, std::move(out)).first;
    }
    bm = it->second;
  }
  bm.left += static_cast<int>(ix);
  bm.top += static_cast<int>(iy);
  if (bm.xmin != 0 || bm.xmax != 0 || bm.ymin != 0 || bm.ymax != 0 || bm.width > 0) {
    bm.xmin += ix * 64;
    bm.xmax += ix * 64;
    bm.ymin += iy * 64;
    bm.ymax += iy * 64;
  }
  return bm;
}

std::vector<ShapedGlyph> FtFont::shape_harfbuzz(const std::vector<char32_t>& text,
                                                const std::vector<std::uint32_t>& clusters,
                                                double size_px) const {
  hb_buffer_t* buf = hb_buffer_create();
  for (std::size_t i = 0; i < text.size(); ++i) {
    hb_buffer_add(buf, static_cast<hb_codepoint_t>(text[i]), clusters[i]);
  }
  hb_buffer_set_content_type(buf, HB_BUFFER_CONTENT_TYPE_UNICODE);
  hb_buffer_guess_segment_properties(buf);
  std::vector<ShapedGlyph> out;
  {
    std::lock_guard lock(mutex_);
    set_size_locked(size_px);
    hb_shape(hb_, buf, nullptr, 0);
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
    out.reserve(n);
    for (unsigned i = 0; i < n; ++i) {
      out.push_back({info[i].codepoint, info[i].cluster, pos[i].x_advance, pos[i].y_advance,
                     pos[i].x_offset, pos[i].y_offset});
    }
  }
  hb_buffer_destroy(buf);
  return out;
}

}  // namespace strata::text_detail
