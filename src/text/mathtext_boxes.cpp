// SPDX-License-Identifier: MIT
// Mathtext fonts (matplotlib's DejaVuFonts / UnicodeFonts / TruetypeFonts) and the TeX box
// model (Node, hpack, vpack, shrink, ship), ported from matplotlib 3.6.3 _mathtext.py.
#include "text/mathtext_boxes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

#include "strata/error.hpp"
#include "text/ft_font.hpp"
#include "text/mathtext_symbols.hpp"

namespace strata::mathtext_detail {

namespace {

/// Decodes one UTF-8 character from the start of `s`; returns the code point and its length,
/// or {0, 0} when `s` is empty or not valid UTF-8.
std::pair<char32_t, std::size_t> decode_utf8(std::string_view s) {
  if (s.empty()) return {0, 0};
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t n = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    cp = b0 & 0x07u;
  } else {
    return {0, 0};
  }
  if (s.size() < n) return {0, 0};
  for (std::size_t i = 1; i < n; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (b & 0x3Fu);
  }
  return {cp, n};
}

// Unicode mathematical alphanumerics for \mathbb, \mathcal/\mathscr and \mathfrak, as
// matplotlib's stix_virtual_fonts (the Unicode ranges, not STIX's private-use ones).
struct VirtualRange {
  char32_t first, last, target;
};
constexpr VirtualRange k_bb[] = {
    {0x30, 0x39, 0x1D7D8},  {0x41, 0x42, 0x1D538},  {0x43, 0x43, 0x2102},   {0x44, 0x47, 0x1D53B},
    {0x48, 0x48, 0x210D},   {0x49, 0x4D, 0x1D540},  {0x4E, 0x4E, 0x2115},   {0x4F, 0x4F, 0x1D546},
    {0x50, 0x51, 0x2119},   {0x52, 0x52, 0x211D},   {0x53, 0x59, 0x1D54A},  {0x5A, 0x5A, 0x2124},
    {0x61, 0x7A, 0x1D552},  {0x393, 0x393, 0x213E}, {0x3A0, 0x3A0, 0x213F}, {0x3A3, 0x3A3, 0x2140},
    {0x3B3, 0x3B3, 0x213D}, {0x3C0, 0x3C0, 0x213C},
};
constexpr VirtualRange k_scr[] = {
    {0x41, 0x41, 0x1D49C}, {0x42, 0x42, 0x212C},  {0x43, 0x44, 0x1D49E}, {0x45, 0x46, 0x2130},
    {0x47, 0x47, 0x1D4A2}, {0x48, 0x48, 0x210B},  {0x49, 0x49, 0x2110},  {0x4A, 0x4B, 0x1D4A5},
    {0x4C, 0x4C, 0x2112},  {0x4D, 0x4D, 0x2133},  {0x4E, 0x51, 0x1D4A9}, {0x52, 0x52, 0x211B},
    {0x53, 0x5A, 0x1D4AE}, {0x61, 0x64, 0x1D4B6}, {0x65, 0x65, 0x212F},  {0x66, 0x66, 0x1D4BB},
    {0x67, 0x67, 0x210A},  {0x68, 0x6E, 0x1D4BD}, {0x6F, 0x6F, 0x2134},  {0x70, 0x7A, 0x1D4C5},
};
constexpr VirtualRange k_frak[] = {
    {0x41, 0x42, 0x1D504}, {0x43, 0x43, 0x212D},  {0x44, 0x47, 0x1D507}, {0x48, 0x48, 0x210C},
    {0x49, 0x49, 0x2111},  {0x4A, 0x51, 0x1D50D}, {0x52, 0x52, 0x211C},  {0x53, 0x59, 0x1D516},
    {0x5A, 0x5A, 0x2128},  {0x61, 0x7A, 0x1D51E},
};

template <std::size_t N>
std::optional<char32_t> map_virtual(const VirtualRange (&table)[N], char32_t c) {
  for (const auto& r : table) {
    if (c >= r.first && c <= r.last) return c - r.first + r.target;
  }
  return std::nullopt;
}

bool is_slanted_symbol(std::string_view sym) { return sym == "\\int" || sym == "\\oint"; }

}  // namespace

std::optional<char32_t> unicode_index(std::string_view sym) {
  if (sym.size() > 1 && sym[0] == '\\') return tex2uni(sym.substr(1));
  auto [cp, n] = decode_utf8(sym);
  if (n != 0 && n == sym.size()) return cp;
  return std::nullopt;
}

FontPtr MathFonts::face(FontName f) const {
  switch (f) {
    case FontName::rm:
      return table_.rm;
    case FontName::it:
      return table_.it;
    case FontName::bf:
      return table_.bf;
    case FontName::sf:
      return table_.sf;
    case FontName::tt:
      return table_.tt;
    case FontName::ex:
      return table_.ex ? table_.ex : table_.rm;
    case FontName::size0:
      return table_.rm;  // DejaVuFonts' fontmap[0] is the rm face
    case FontName::size1:
    case FontName::size2:
    case FontName::size3:
    case FontName::size4:
    case FontName::size5: {
      const auto i = static_cast<std::size_t>(f) - static_cast<std::size_t>(FontName::size0);
      return table_.stix_sized[i] ? table_.stix_sized[i] : table_.rm;
    }
    case FontName::regular:
      return table_.regular;
    default:
      return nullptr;  // cal, bb, frak, scr: virtual fonts
  }
}

MathFonts::Resolved MathFonts::get_glyph(FontName fontname, FontName font_class,
                                         const std::string& sym) {
  const auto uni = unicode_index(sym);
  if (!uni) throw ValueError(fmt::format("mathtext: unknown symbol {}", sym));
  char32_t cp = *uni;
  // DejaVuFonts: a symbol the Display face has comes from it (big operators).
  if (table_.ex) {
    if (auto g = table_.ex->glyph_index(cp); g != 0) {
      return {table_.ex, cp, g, is_slanted_symbol(sym)};
    }
  }
  // UnicodeFonts: only letters are italic in 'it'; Greek capitals are upright.
  FontName new_font = fontname;
  if (fontname == FontName::it && cp < 0x10000 && !is_italic_letter(cp)) new_font = FontName::rm;
  bool slanted = new_font == FontName::it || is_slanted_symbol(sym);

  FontPtr font = face(new_font);
  if (!font) {
    // Virtual fonts: map into the Unicode mathematical alphanumerics.
    std::optional<char32_t> mapped;
    FontPtr fallback_face = table_.rm;
    switch (new_font) {
      case FontName::bb:
        mapped = map_virtual(k_bb, cp);
        break;
      case FontName::cal:
      case FontName::scr:
        mapped = map_virtual(k_scr, cp);
        // Documented fallback: the italic letter when the face has no script letter.
        if (is_italic_letter(cp)) {
          fallback_face = table_.it;
          slanted = true;
        }
        break;
      case FontName::frak:
        mapped = map_virtual(k_frak, cp);
        break;
      default:
        break;
    }
    FontPtr base = font_class == FontName::bf ? table_.bf : table_.rm;
    if (mapped) {
      if (auto g = base->glyph_index(*mapped); g != 0) return {base, *mapped, g, false};
      if (auto g = table_.rm->glyph_index(*mapped); g != 0) return {table_.rm, *mapped, g, false};
    }
    if (auto g = fallback_face->glyph_index(cp); g != 0) return {fallback_face, cp, g, slanted};
    font = table_.rm;
    slanted = false;
  }
  if (auto g = font->glyph_index(cp); g != 0) return {font, cp, g, slanted};
  // Not in the requested face: the regular face of the set, then DejaVu Sans, then ¤.
  for (const FontPtr& f : {table_.rm, table_.fallback}) {
    if (!f) continue;
    if (auto g = f->glyph_index(cp); g != 0) return {f, cp, g, slanted};
  }
  return {table_.rm, 0xA4, table_.rm->glyph_index(0xA4), false};
}

const GlyphInfo& MathFonts::get_info(FontName font, FontName font_class, const std::string& sym,
                                     double fontsize, double dpi) {
  auto key = std::make_tuple(font, font_class, sym, fontsize, dpi);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  const Resolved r = get_glyph(font, font_class, sym);
  GlyphInfo info;
  info.font = r.font;
  info.glyph_id = r.glyph;
  info.codepoint = r.codepoint;
  info.size_px = fontsize * dpi / 72.0;
  // matplotlib's FT2Font::set_size: FT_Set_Char_Size(face, (FT_F26Dot6)(ptsize * 64), 0, ...),
  // i.e. the size truncated to 1/64 point (a script's 14 * 0.7 pt is 627/64 pt).
  info.ft_size_px = std::floor(fontsize * 64.0) / 64.0 * dpi / 72.0;
  CharMetrics& m = info.metrics;
  m.advance = r.font->linear_advance(r.glyph, info.ft_size_px);  // linearHoriAdvance / 65536
  m.slanted = r.slanted;
  if (vector_) {
    // matplotlib's vector output loads glyphs with LOAD_NO_HINTING: the outline box and
    // FreeType's glyph metrics are unhinted (TruetypeFonts._get_info).
    if (const auto* ft = dynamic_cast<const text_detail::FtFont*>(r.font.get())) {
      const text_detail::GlyphBox26 b = ft->glyph_box26(r.glyph, info.ft_size_px, false);
      m.xmin = static_cast<double>(b.xmin) / 64.0;
      m.xmax = static_cast<double>(b.xmax) / 64.0;
      m.ymin = static_cast<double>(b.ymin) / 64.0;
      m.ymax = static_cast<double>(b.ymax) / 64.0;
      m.width = static_cast<double>(b.metrics_width) / 64.0;
      m.height = static_cast<double>(b.metrics_height) / 64.0;
      m.iceberg = static_cast<double>(b.bearing_y) / 64.0;
    } else {
      const GlyphMetrics gm = r.font->glyph_metrics(r.glyph, info.ft_size_px);
      m.xmin = gm.xmin;
      m.xmax = gm.xmax;
      m.ymin = gm.ymin;
      m.ymax = gm.ymax;
      m.width = gm.xmax - gm.xmin;
      m.height = gm.ymax - gm.ymin;
      m.iceberg = gm.ymax;
    }
    return cache_.emplace(std::move(key), std::move(info)).first->second;
  }
  const GlyphMetrics gm = r.font->glyph_metrics(r.glyph, info.ft_size_px);
  m.xmin = gm.xmin;
  m.xmax = gm.xmax;
  m.ymin = gm.ymin;
  m.ymax = gm.ymax;
  // FreeType's grid-fitted glyph metrics as matplotlib's Agg set-up reports them: whole pixels
  // vertically, 1/8 pixel horizontally (hinting factor 8).
  m.width = (std::ceil(gm.xmax * 8.0) - std::floor(gm.xmin * 8.0)) / 8.0;
  m.iceberg = std::ceil(gm.ymax);
  m.height = std::ceil(gm.ymax) - std::floor(gm.ymin);
  if (gm.xmax <= gm.xmin && gm.ymax <= gm.ymin) {  // no ink (a space)
    m.width = 0;
    m.iceberg = 0;
    m.height = 0;
  }
  m.slanted = r.slanted;
  return cache_.emplace(std::move(key), std::move(info)).first->second;
}

double MathFonts::get_kern(FontName font1, FontName class1, const std::string& sym1, double size1,
                           FontName font2, FontName class2, const std::string& sym2, double size2,
                           double dpi) {
  if (font1 != font2 || size1 != size2) return 0.0;
  const GlyphInfo& i1 = get_info(font1, class1, sym1, size1, dpi);
  const GlyphInfo& i2 = get_info(font2, class2, sym2, size2, dpi);
  if (i1.font != i2.font) return 0.0;
  // matplotlib 3.6 passes code points where FT_Get_Kerning expects glyph indices; we do the
  // same so that the layout matches its output.
  return i1.font->kerning(static_cast<std::uint32_t>(i1.codepoint),
                          static_cast<std::uint32_t>(i2.codepoint), i1.ft_size_px);
}

double MathFonts::get_xheight(FontName font, double fontsize, double dpi) {
  // DejaVu has no PCLT table: matplotlib uses the height of 'x' in the current font.
  return get_info(font, FontName::it, "x", fontsize, dpi).metrics.iceberg;
}

namespace {

std::string encode_utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

}  // namespace

std::vector<SizedAlternative> MathFonts::sized_alternatives(FontName fontname,
                                                            const std::string& sym) const {
  if (!table_.stix_general) return {{fontname, sym}};
  // StixFonts.get_sized_alternatives_for_symbol.
  std::string s = sym;
  if (s == "\\{")
    s = "{";
  else if (s == "\\}")
    s = "}";
  else if (s == "\\[")
    s = "[";
  else if (s == "\\]")
    s = "]";
  else if (s == "<")
    s = "\\langle";  // MATHEMATICAL LEFT ANGLE BRACKET
  else if (s == ">")
    s = "\\rangle";
  const auto uni = unicode_index(s);
  if (!uni) return {{fontname, sym}};
  std::vector<SizedAlternative> alts;
  for (std::size_t i = 0; i < 6; ++i) {
    const FontPtr& f = i == 0 ? table_.stix_general : table_.stix_sized[i];
    if (f && f->glyph_index(*uni) != 0) {
      alts.push_back({static_cast<FontName>(static_cast<std::size_t>(FontName::size0) + i),
                      encode_utf8(*uni)});
    }
  }
  // The largest STIX radical has wrong metrics (disconnected from the stem): matplotlib drops it.
  if (sym == "\\__sqrt__" && !alts.empty()) alts.pop_back();
  // matplotlib would fail on a symbol none of the STIX faces has; use the fontset's glyph.
  if (alts.empty()) alts.push_back({fontname, sym});
  return alts;
}

// ---- Nodes ----

void update_char_metrics(Node& c) {
  const CharMetrics m = c.fonts->get_info(c.font, c.font_class, c.sym, c.fontsize, c.dpi).metrics;
  c.metrics = m;
  if (c.is_accent) {
    c.width = m.xmax - m.xmin;
    c.height = m.ymax - m.ymin;
    c.depth = 0;
  } else {
    c.width = c.sym == " " ? m.advance : m.width;
    c.height = m.iceberg;
    c.depth = -(m.iceberg - m.height);
  }
}

namespace {
NodePtr new_char(const std::string& sym, const ParserState& state, bool accent) {
  auto n = std::make_shared<Node>();
  n->type = NodeType::character;
  n->is_accent = accent;
  n->sym = sym;
  n->fonts = state.fonts;
  n->font = state.font;
  n->font_class = state.font_class;
  n->fontsize = state.fontsize;
  n->dpi = state.dpi;
  update_char_metrics(*n);
  return n;
}
}  // namespace

NodePtr make_char(const std::string& sym, const ParserState& state) {
  return new_char(sym, state, false);
}
NodePtr make_accent(const std::string& sym, const ParserState& state) {
  return new_char(sym, state, true);
}

NodePtr make_box(double width, double height, double depth) {
  auto n = std::make_shared<Node>();
  n->type = NodeType::box;
  n->width = width;
  n->height = height;
  n->depth = depth;
  return n;
}

NodePtr make_kern(double width) {
  auto n = std::make_shared<Node>();
  n->type = NodeType::kern;
  n->width = width;
  return n;
}

NodePtr make_glue(std::string_view name) {
  auto n = std::make_shared<Node>();
  n->type = NodeType::glue;
  if (name == "fil") {
    n->glue = {0., 1., 1, 0., 0};
  } else if (name == "fill") {
    n->glue = {0., 1., 2, 0., 0};
  } else if (name == "filll") {
    n->glue = {0., 1., 3, 0., 0};
  } else if (name == "neg_fil") {
    n->glue = {0., 0., 0, 1., 1};
  } else if (name == "neg_fill") {
    n->glue = {0., 0., 0, 1., 2};
  } else if (name == "neg_filll") {
    n->glue = {0., 0., 0, 1., 3};
  } else if (name == "ss") {
    n->glue = {0., 1., 1, -1., 1};
  } else {
    n->glue = {};  // "empty"
  }
  return n;
}

NodePtr make_hrule(const ParserState& state, double thickness) {
  if (thickness < 0) thickness = state.underline_thickness();
  auto n = make_box(std::numeric_limits<double>::infinity(), thickness * 0.5, thickness * 0.5);
  n->type = NodeType::rule;
  return n;
}

NodePtr make_vrule(const ParserState& state) {
  const double inf = std::numeric_limits<double>::infinity();
  auto n = make_box(state.underline_thickness(), inf, inf);
  n->type = NodeType::rule;
  return n;
}

double get_kerning(const Node& n, const Node* next) {
  if (n.type != NodeType::character) return 0.0;
  const double advance = n.metrics.advance - n.width;
  double k = 0.0;
  if (next && next->type == NodeType::character) {
    k = n.fonts->get_kern(n.font, n.font_class, n.sym, n.fontsize, next->font, next->font_class,
                          next->sym, next->fontsize, n.dpi);
  }
  return advance + k;
}

void kern(Node& hlist) {
  std::vector<NodePtr> out;
  const std::size_t count = hlist.children.size();
  out.reserve(count * 2);
  for (std::size_t i = 0; i < count; ++i) {
    const Node* next = i + 1 < count ? hlist.children[i + 1].get() : nullptr;
    out.push_back(hlist.children[i]);
    const double d = get_kerning(*hlist.children[i], next);
    if (d != 0.0) out.push_back(make_kern(d));
  }
  hlist.children = std::move(out);
}

namespace {
void set_glue(Node& list, double x, int sign, const std::array<double, 4>& totals) {
  int o = 0;
  for (int i = 3; i >= 0; --i) {
    if (totals[static_cast<std::size_t>(i)] != 0) {
      o = i;
      break;
    }
  }
  list.glue_order = o;
  list.glue_sign = sign;
  if (totals[static_cast<std::size_t>(o)] != 0.) {
    list.glue_set = x / totals[static_cast<std::size_t>(o)];
  } else {
    list.glue_sign = 0;
  }
}

bool is_box_like(const Node& p) {
  return p.type == NodeType::box || p.type == NodeType::hlist || p.type == NodeType::vlist ||
         p.type == NodeType::rule;
}
}  // namespace

void hpack(Node& list, double w, PackMode m) {
  double h = 0, d = 0, x = 0;
  std::array<double, 4> total_stretch{}, total_shrink{};
  for (const NodePtr& pp : list.children) {
    const Node& p = *pp;
    if (p.type == NodeType::character) {
      x += p.width;
      h = std::max(h, p.height);
      d = std::max(d, p.depth);
    } else if (is_box_like(p)) {
      x += p.width;
      if (!std::isinf(p.height) && !std::isinf(p.depth)) {
        const double s = p.shift_amount;
        h = std::max(h, p.height - s);
        d = std::max(d, p.depth + s);
      }
    } else if (p.type == NodeType::glue) {
      x += p.glue.width;
      total_stretch[static_cast<std::size_t>(p.glue.stretch_order)] += p.glue.stretch;
      total_shrink[static_cast<std::size_t>(p.glue.shrink_order)] += p.glue.shrink;
    } else if (p.type == NodeType::kern) {
      x += p.width;
    }
  }
  list.height = h;
  list.depth = d;
  if (m == PackMode::additional) w += x;
  list.width = w;
  x = w - x;
  if (x == 0.) {
    list.glue_sign = 0;
    list.glue_order = 0;
    return;
  }
  if (x > 0.) {
    set_glue(list, x, 1, total_stretch);
  } else {
    set_glue(list, x, -1, total_shrink);
  }
}

void vpack(Node& list, double h, PackMode m, double l) {
  double w = 0, d = 0, x = 0;
  std::array<double, 4> total_stretch{}, total_shrink{};
  for (const NodePtr& pp : list.children) {
    const Node& p = *pp;
    if (is_box_like(p)) {
      x += d + p.height;
      d = p.depth;
      if (!std::isinf(p.width)) w = std::max(w, p.width + p.shift_amount);
    } else if (p.type == NodeType::glue) {
      x += d;
      d = 0.;
      x += p.glue.width;
      total_stretch[static_cast<std::size_t>(p.glue.stretch_order)] += p.glue.stretch;
      total_shrink[static_cast<std::size_t>(p.glue.shrink_order)] += p.glue.shrink;
    } else if (p.type == NodeType::kern) {
      x += d + p.width;
      d = 0.;
    } else if (p.type == NodeType::character) {
      throw Error("internal error: mathtext: Char node found in Vlist");
    }
  }
  list.width = w;
  if (d > l) {
    x += d - l;
    list.depth = l;
  } else {
    list.depth = d;
  }
  if (m == PackMode::additional) h += x;
  list.height = h;
  x = h - x;
  if (x == 0) {
    list.glue_sign = 0;
    list.glue_order = 0;
    return;
  }
  if (x > 0.) {
    set_glue(list, x, 1, total_stretch);
  } else {
    set_glue(list, x, -1, total_shrink);
  }
}

NodePtr make_hlist(std::vector<NodePtr> elements, double w, PackMode m, bool do_kern) {
  auto n = std::make_shared<Node>();
  n->type = NodeType::hlist;
  n->children = std::move(elements);
  if (do_kern) kern(*n);
  hpack(*n, w, m);
  return n;
}

NodePtr make_vlist(std::vector<NodePtr> elements, double h, PackMode m) {
  auto n = std::make_shared<Node>();
  n->type = NodeType::vlist;
  n->children = std::move(elements);
  vpack(*n, h, m);
  return n;
}

NodePtr make_hcentered(std::vector<NodePtr> elements) {
  std::vector<NodePtr> all;
  all.reserve(elements.size() + 2);
  all.push_back(make_glue("ss"));
  for (auto& e : elements) all.push_back(std::move(e));
  all.push_back(make_glue("ss"));
  return make_hlist(std::move(all), 0, PackMode::additional, false);
}

void shrink(Node& n) {
  switch (n.type) {
    case NodeType::hlist:
    case NodeType::vlist:
      for (auto& c : n.children) shrink(*c);
      n.size += 1;
      if (n.size < k_num_size_levels) {
        n.width *= k_shrink_factor;
        n.height *= k_shrink_factor;
        n.depth *= k_shrink_factor;
        n.shift_amount *= k_shrink_factor;
        n.glue_set *= k_shrink_factor;
      }
      break;
    case NodeType::box:
    case NodeType::rule:
      n.size += 1;
      if (n.size < k_num_size_levels) {
        n.width *= k_shrink_factor;
        n.height *= k_shrink_factor;
        n.depth *= k_shrink_factor;
      }
      break;
    case NodeType::character:
      n.size += 1;
      if (n.size < k_num_size_levels) {
        n.fontsize *= k_shrink_factor;
        n.width *= k_shrink_factor;
        n.height *= k_shrink_factor;
        n.depth *= k_shrink_factor;
      }
      if (n.is_accent) update_char_metrics(n);
      break;
    case NodeType::glue:
      n.size += 1;
      if (n.size < k_num_size_levels) n.glue.width *= k_shrink_factor;
      break;
    case NodeType::kern:
      n.size += 1;
      if (n.size < k_num_size_levels) n.width *= k_shrink_factor;
      break;
  }
}

NodePtr make_auto_height_char(const std::string& c, double height, double depth,
                              const ParserState& state_in, double factor) {
  const double xheight =
      state_in.fonts->get_xheight(state_in.font, state_in.fontsize, state_in.dpi);
  ParserState state = state_in;
  const double target_total = height + depth;
  double shift = 0;
  if (!state.fonts->table().stix_general) {
    // No sized alternatives (no STIX faces): the one glyph is used as is when tall enough
    // (as matplotlib's size 0), else scaled.
    NodePtr ch = make_char(c, state);
    const bool fits = ch->height + ch->depth >= target_total - 0.2 * xheight;
    if (!fits || factor > 0) {
      if (factor <= 0) factor = target_total / (ch->height + ch->depth);
      state.fontsize *= factor;
      ch = make_char(c, state);
      shift = depth - ch->depth;
    }
    auto h = make_hlist({ch});
    h->shift_amount = shift;
    return h;
  }
  // matplotlib's AutoHeightChar: the first alternative at least target - 0.2 xHeight tall (or
  // the last one); unless that is size 0 (the text glyph), it is scaled to the target (or by
  // `factor`).
  const std::vector<SizedAlternative> alts = state.fonts->sized_alternatives(state.font, c);
  NodePtr ch;
  std::string sym;
  for (const SizedAlternative& alt : alts) {
    state.set_font(alt.font);
    sym = alt.sym;
    ch = make_char(sym, state);
    if (ch->height + ch->depth >= target_total - 0.2 * xheight) break;
  }
  if (state.font != FontName::size0) {
    if (factor <= 0) factor = target_total / (ch->height + ch->depth);
    state.fontsize *= factor;
    ch = make_char(sym, state);
    shift = depth - ch->depth;
  }
  auto h = make_hlist({ch});
  h->shift_amount = shift;
  return h;
}

NodePtr make_auto_width_char(const std::string& c, double width, const ParserState& state_in,
                             bool accent) {
  ParserState state = state_in;
  NodePtr ch = accent ? make_accent(c, state) : make_char(c, state);
  if (ch->width > 0) {
    const double factor = width / ch->width;
    state.fontsize *= factor;
    ch = accent ? make_accent(c, state) : make_char(c, state);
  }
  auto h = make_hlist({ch});
  h->width = ch->width;
  return h;
}

// ---- ship ----

namespace {
struct Shipper {
  ShipOutput out;
  double cur_v = 0, cur_h = 0, off_h = 0, off_v = 0;

  static double clamp(double v) { return v < -1e9 ? -1e9 : (v > 1e9 ? 1e9 : v); }

  void render_char(const Node& p, double x, double y) {
    const GlyphInfo& info = p.fonts->get_info(p.font, p.font_class, p.sym, p.fontsize, p.dpi);
    if (p.is_accent) {
      out.glyphs.push_back({x - info.metrics.xmin, y + info.metrics.ymin, info});
    } else {
      out.glyphs.push_back({x, y, info});
    }
  }
  void render_rect(double x, double y, double w, double h) {
    out.rects.push_back({x, y, x + w, y + h});
  }

  void hlist_out(Node& box) {
    double cur_g = 0;
    double cur_glue = 0.;
    const int glue_order = box.glue_order;
    const int glue_sign = box.glue_sign;
    const double base_line = cur_v;
    for (const NodePtr& pp : box.children) {
      Node& p = *pp;
      switch (p.type) {
        case NodeType::character:
          render_char(p, cur_h + off_h, cur_v + off_v);
          cur_h += p.width;
          break;
        case NodeType::kern:
          cur_h += p.width;
          break;
        case NodeType::hlist:
        case NodeType::vlist:
          if (p.children.empty()) {
            cur_h += p.width;
          } else {
            const double edge = cur_h;
            cur_v = base_line + p.shift_amount;
            if (p.type == NodeType::hlist) {
              hlist_out(p);
            } else {
              vlist_out(p);
            }
            cur_h = edge + p.width;
            cur_v = base_line;
          }
          break;
        case NodeType::box:
        case NodeType::rule: {
          double rule_height = p.height;
          double rule_depth = p.depth;
          const double rule_width = p.width;
          if (std::isinf(rule_height)) rule_height = box.height;
          if (std::isinf(rule_depth)) rule_depth = box.depth;
          if (rule_height > 0 && rule_width > 0) {
            cur_v = base_line + rule_depth;
            if (p.type == NodeType::rule) {
              render_rect(cur_h + off_h, cur_v + off_v, rule_width, rule_height);
            }
            cur_v = base_line;
          }
          cur_h += rule_width;
          break;
        }
        case NodeType::glue: {
          double rule_width = p.glue.width - cur_g;
          if (glue_sign != 0) {
            if (glue_sign == 1) {
              if (p.glue.stretch_order == glue_order) {
                cur_glue += p.glue.stretch;
                cur_g = std::nearbyint(clamp(box.glue_set * cur_glue));
              }
            } else if (p.glue.shrink_order == glue_order) {
              cur_glue += p.glue.shrink;
              cur_g = std::nearbyint(clamp(box.glue_set * cur_glue));
            }
          }
          rule_width += cur_g;
          cur_h += rule_width;
          break;
        }
      }
    }
  }

  void vlist_out(Node& box) {
    double cur_g = 0;
    double cur_glue = 0.;
    const int glue_order = box.glue_order;
    const int glue_sign = box.glue_sign;
    const double left_edge = cur_h;
    cur_v -= box.height;
    for (const NodePtr& pp : box.children) {
      Node& p = *pp;
      switch (p.type) {
        case NodeType::kern:
          cur_v += p.width;
          break;
        case NodeType::hlist:
        case NodeType::vlist:
          if (p.children.empty()) {
            cur_v += p.height + p.depth;
          } else {
            cur_v += p.height;
            cur_h = left_edge + p.shift_amount;
            const double save_v = cur_v;
            p.width = box.width;
            if (p.type == NodeType::hlist) {
              hlist_out(p);
            } else {
              vlist_out(p);
            }
            cur_v = save_v + p.depth;
            cur_h = left_edge;
          }
          break;
        case NodeType::box:
        case NodeType::rule: {
          double rule_height = p.height;
          const double rule_depth = p.depth;
          double rule_width = p.width;
          if (std::isinf(rule_width)) rule_width = box.width;
          rule_height += rule_depth;
          if (rule_height > 0 && rule_depth > 0) {
            cur_v += rule_height;
            if (p.type == NodeType::rule) {
              render_rect(cur_h + off_h, cur_v + off_v, rule_width, rule_height);
            }
          }
          break;
        }
        case NodeType::glue: {
          double rule_height = p.glue.width - cur_g;
          if (glue_sign != 0) {
            if (glue_sign == 1) {
              if (p.glue.stretch_order == glue_order) {
                cur_glue += p.glue.stretch;
                cur_g = std::nearbyint(clamp(box.glue_set * cur_glue));
              }
            } else if (p.glue.shrink_order == glue_order) {
              cur_glue += p.glue.shrink;
              cur_g = std::nearbyint(clamp(box.glue_set * cur_glue));
            }
          }
          rule_height += cur_g;
          cur_v += rule_height;
          break;
        }
        case NodeType::character:
          throw Error("internal error: mathtext: Char node found in vlist");
      }
    }
  }
};
}  // namespace

ShipOutput ship(Node& box, double ox, double oy) {
  Shipper s;
  s.off_h = ox;
  s.off_v = oy + box.height;
  s.hlist_out(box);
  return std::move(s.out);
}

}  // namespace strata::mathtext_detail
