// SPDX-License-Identifier: MIT
// The font manager: matplotlib's FontManager scoring (family, style, variant, weight,
// stretch) over the bundled DejaVu faces and, when those are not a perfect match, the
// system's fonts as fontconfig lists them. Loaded faces and results are cached for the
// process; everything here is guarded by one mutex.
#include <fmt/format.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>

#include "strata/error.hpp"
#include "text/bundled_fonts.hpp"
#include "text/ft_font.hpp"

namespace strata {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  const auto* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || p != end) return std::nullopt;
  return v;
}

// ---- rcParams font.* (matplotlib 3.6 defaults) ----

struct FamilyLists {
  std::map<std::string, std::vector<std::string>> lists{
      {"serif",
       {"DejaVu Serif", "Bitstream Vera Serif", "Computer Modern Roman", "New Century Schoolbook",
        "Century Schoolbook L", "Utopia", "ITC Bookman", "Bookman", "Nimbus Roman No9 L",
        "Times New Roman", "Times", "Palatino", "Charter", "serif"}},
      {"sans-serif",
       {"DejaVu Sans", "Bitstream Vera Sans", "Computer Modern Sans Serif", "Lucida Grande",
        "Verdana", "Geneva", "Lucid", "Arial", "Helvetica", "Avant Garde", "sans-serif"}},
      {"monospace",
       {"DejaVu Sans Mono", "Bitstream Vera Sans Mono", "Computer Modern Typewriter", "Andale Mono",
        "Nimbus Mono L", "Courier New", "Courier", "Fixed", "Terminal", "monospace"}},
      {"cursive",
       {"Apple Chancery", "Textile", "Zapf Chancery", "Sand", "Script MT", "Felipa", "Comic Neue",
        "Comic Sans MS", "cursive"}},
      {"fantasy", {"Chicago", "Charcoal", "Impact", "Western", "Humor Sans", "xkcd", "fantasy"}},
  };
};

/// matplotlib's font_family_aliases, with 'sans' and 'sans serif' meaning 'sans-serif'.
std::optional<std::string> generic_key(std::string_view family) {
  const std::string f = lower(family);
  if (f == "sans" || f == "sans serif" || f == "sans-serif") return "sans-serif";
  if (f == "serif" || f == "monospace" || f == "cursive" || f == "fantasy") return f;
  return std::nullopt;
}

// ---- the font list ----

struct Entry {
  std::string family;  ///< lower case
  FontStyle style = FontStyle::normal;
  int weight = 400;
  int stretch = 500;
  int bundled = -1;  ///< index into bundled_fonts(), or -1
  std::string path;  ///< system font file
  int index = 0;
};

int stretch_from_fc_width(int width) {
  // fontconfig widths (50 ultra-condensed .. 200 ultra-expanded) to CSS 100..900.
  static constexpr std::array<int, 9> fc{50, 63, 75, 87, 100, 113, 125, 150, 200};
  int best = 0;
  for (int i = 1; i < 9; ++i) {
    if (std::abs(fc[static_cast<std::size_t>(i)] - width) <
        std::abs(fc[static_cast<std::size_t>(best)] - width)) {
      best = i;
    }
  }
  return 100 * (best + 1);
}

bool is_bundled_family(const std::string& lower_family) {
  for (const auto& b : text_detail::bundled_fonts()) {
    if (lower(b.family) == lower_family) return true;
  }
  return false;
}

std::vector<Entry> system_entries() {
  std::vector<Entry> out;
  FcConfig* config = FcInitLoadConfigAndFonts();
  if (config == nullptr) return out;
  FcPattern* pattern = FcPatternCreate();
  FcObjectSet* os = FcObjectSetBuild(FC_FAMILY, FC_SLANT, FC_WEIGHT, FC_WIDTH, FC_FILE, FC_INDEX,
                                     FC_SCALABLE, nullptr);
  FcFontSet* set = FcFontList(config, pattern, os);
  if (set != nullptr) {
    for (int i = 0; i < set->nfont; ++i) {
      FcPattern* p = set->fonts[i];
      FcChar8* family = nullptr;
      FcChar8* file = nullptr;
      FcBool scalable = FcFalse;
      if (FcPatternGetString(p, FC_FAMILY, 0, &family) != FcResultMatch ||
          FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch) {
        continue;
      }
      if (FcPatternGetBool(p, FC_SCALABLE, 0, &scalable) == FcResultMatch && !scalable) continue;
      Entry e;
      e.family = lower(reinterpret_cast<const char*>(family));  // NOLINT
      // The bundled faces always stand for their names (fontconfig also files DejaVu Sans
      // Condensed and Light under "DejaVu Sans").
      if (is_bundled_family(e.family)) continue;
      e.path = reinterpret_cast<const char*>(file);  // NOLINT
      int v = 0;
      if (FcPatternGetInteger(p, FC_INDEX, 0, &v) == FcResultMatch) e.index = v;
      if (FcPatternGetInteger(p, FC_SLANT, 0, &v) == FcResultMatch) {
        e.style = v >= FC_SLANT_OBLIQUE  ? FontStyle::oblique
                  : v >= FC_SLANT_ITALIC ? FontStyle::italic
                                         : FontStyle::normal;
      }
      if (FcPatternGetInteger(p, FC_WEIGHT, 0, &v) == FcResultMatch) {
        e.weight = std::clamp(FcWeightToOpenType(v), 100, 900);
      }
      if (FcPatternGetInteger(p, FC_WIDTH, 0, &v) == FcResultMatch) {
        e.stretch = stretch_from_fc_width(v);
      }
      out.push_back(std::move(e));
    }
    FcFontSetDestroy(set);
  }
  FcObjectSetDestroy(os);
  FcPatternDestroy(pattern);
  FcConfigDestroy(config);
  // A stable order, whatever fontconfig's.
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.family, a.path, a.index) < std::tie(b.family, b.path, b.index);
  });
  return out;
}

class Manager {
 public:
  static Manager& get() {
    static Manager* m = new Manager();  // never destroyed: fonts may be used at exit
    return *m;
  }

  std::vector<FontPtr> find_fonts(const FontProperties& props) {
    std::lock_guard lock(mutex_);
    const std::string key = cache_key(props);
    if (auto it = chains_.find(key); it != chains_.end()) return it->second;
    std::vector<FontPtr> chain;
    auto add = [&](const FontPtr& f) {
      if (f && std::find(chain.begin(), chain.end(), f) == chain.end()) chain.push_back(f);
    };
    for (const std::string& family : props.family) add(find_one(props, {family}));
    if (chain.empty()) add(find_one(props, {"DejaVu Sans"}));
    // Glyph fallback ends with DejaVu Sans in the closest style.
    add(find_one(props, {"DejaVu Sans"}));
    STRATA_ASSERT(!chain.empty(), "the bundled DejaVu Sans did not load");
    chains_.emplace(key, chain);
    return chain;
  }

  std::vector<std::string> family_list(std::string_view generic) {
    std::lock_guard lock(mutex_);
    return lists_.lists.at(checked_generic(generic));
  }

  void set_family_list(std::string_view generic, std::vector<std::string> families) {
    std::lock_guard lock(mutex_);
    lists_.lists[checked_generic(generic)] = std::move(families);
    chains_.clear();
  }

 private:
  Manager() {
    const auto bundled = text_detail::bundled_fonts();
    for (std::size_t i = 0; i < bundled.size(); ++i) {
      const auto& b = bundled[i];
      bundled_.push_back({lower(b.family), b.style, b.weight, 500, static_cast<int>(i), {}, 0});
    }
  }

  static std::string checked_generic(std::string_view generic) {
    auto key = generic_key(generic);
    if (!key) {
      throw ValueError(fmt::format(
          "generic font family must be one of 'serif', 'sans-serif', 'monospace', 'cursive', "
          "'fantasy', got '{}'",
          generic));
    }
    return *key;
  }

  static std::string cache_key(const FontProperties& p) {
    std::string k = fmt::format("{}|{}|{}|{}", static_cast<int>(p.style), p.small_caps ? 1 : 0,
                                p.weight, p.stretch);
    for (const auto& f : p.family) k += "|" + lower(f);
    return k;
  }

  // matplotlib's score_family for one family name.
  double score_family(const std::string& family, const std::string& candidate) const {
    if (auto g = generic_key(family)) {
      const auto& options = lists_.lists.at(*g);
      for (std::size_t i = 0; i < options.size(); ++i) {
        if (lower(options[i]) == candidate) {
          return static_cast<double>(i) / static_cast<double>(options.size());
        }
      }
      return 1.0;
    }
    return lower(family) == candidate ? 0.0 : 1.0;
  }

  static double score_style(FontStyle want, FontStyle have) {
    if (want == have) return 0.0;
    if (want != FontStyle::normal && have != FontStyle::normal) return 0.1;
    return 1.0;
  }

  static double score_weight(int want, int have) {
    if (want == have) return 0.0;
    return 0.95 * (std::abs(want - have) / 1000.0) + 0.05;
  }

  double score(const FontProperties& props, const std::string& family, const Entry& e) const {
    return score_family(family, e.family) * 10.0 + score_style(props.style, e.style) +
           (props.small_caps ? 1.0 : 0.0) + score_weight(props.weight, e.weight) +
           std::abs(props.stretch - e.stretch) / 1000.0;
  }

  // matplotlib's findfont(prop with one family, fallback_to_default=False): the best entry
  // if its score is under 10, else null.
  FontPtr find_one(const FontProperties& props, const std::string& family) {
    const Entry* best = nullptr;
    double best_score = 1e300;
    auto scan = [&](const std::vector<Entry>& entries) {
      for (const Entry& e : entries) {
        const double s = score(props, family, e);
        if (s < best_score) {
          best_score = s;
          best = &e;
        }
        if (s == 0.0) break;
      }
    };
    scan(bundled_);
    if (best_score > 0.0) {
      // Only now ask fontconfig: a perfect bundled match cannot be beaten, so the default
      // families never depend on the machine.
      if (!system_loaded_) {
        system_ = system_entries();
        system_loaded_ = true;
      }
      if (!system_.empty()) scan(system_);
    }
    if (best == nullptr || best_score >= 10.0) return nullptr;
    try {
      return load(*best);
    } catch (const Error&) {
      return nullptr;  // an unreadable system font is as good as none
    }
  }

  FontPtr load(const Entry& e) {
    const std::string key = e.bundled >= 0 ? fmt::format("bundled:{}", e.bundled)
                                           : fmt::format("{}#{}", e.path, e.index);
    if (auto it = faces_.find(key); it != faces_.end()) return it->second;
    text_detail::FaceInfo info{e.style, e.weight, e.stretch, e.bundled >= 0};
    FontPtr font;
    if (e.bundled >= 0) {
      font = std::make_shared<text_detail::FtFont>(
          text_detail::bundled_fonts()[static_cast<std::size_t>(e.bundled)].data, nullptr, 0, info);
    } else {
      std::ifstream in(e.path, std::ios::binary);
      if (!in) throw IOError(fmt::format("cannot read font file '{}'", e.path));
      auto bytes = std::make_shared<std::vector<std::uint8_t>>(std::istreambuf_iterator<char>(in),
                                                               std::istreambuf_iterator<char>());
      std::span<const std::uint8_t> data(*bytes);
      font = std::make_shared<text_detail::FtFont>(data, std::move(bytes), e.index, info);
    }
    faces_.emplace(key, font);
    return font;
  }

  std::mutex mutex_;
  FamilyLists lists_;
  std::vector<Entry> bundled_;
  std::vector<Entry> system_;
  bool system_loaded_ = false;
  std::map<std::string, FontPtr> faces_;
  std::map<std::string, std::vector<FontPtr>> chains_;
};

}  // namespace

FontStyle font_style_from_name(std::string_view name) {
  const std::string n = lower(trim(name));
  if (n == "normal") return FontStyle::normal;
  if (n == "italic") return FontStyle::italic;
  if (n == "oblique") return FontStyle::oblique;
  throw ValueError(
      fmt::format("font style must be one of 'normal', 'italic', 'oblique', got '{}'", name));
}

int font_stretch_from_name(std::string_view name) {
  static const std::map<std::string, int, std::less<>> stretches{
      {"ultra-condensed", 100}, {"extra-condensed", 200}, {"condensed", 300},
      {"semi-condensed", 400},  {"normal", 500},          {"semi-expanded", 600},
      {"semi-extended", 600},   {"expanded", 700},        {"extended", 700},
      {"extra-expanded", 800},  {"extra-extended", 800},  {"ultra-expanded", 900},
      {"ultra-extended", 900}};
  const std::string n = lower(trim(name));
  if (auto it = stretches.find(n); it != stretches.end()) return it->second;
  if (auto v = parse_int(n); v && *v >= 0 && *v <= 1000) return *v;
  throw ValueError(fmt::format(
      "font stretch must be a number 0-1000 or one of 'ultra-condensed', 'extra-condensed', "
      "'condensed', 'semi-condensed', 'normal', 'semi-expanded', 'expanded', 'extra-expanded', "
      "'ultra-expanded', got '{}'",
      name));
}

int font_weight_from_name(std::string_view name) {
  static const std::map<std::string, int, std::less<>> weights{
      {"ultralight", 100}, {"light", 200}, {"normal", 400},     {"regular", 400},  {"book", 400},
      {"medium", 500},     {"roman", 500}, {"semibold", 600},   {"demibold", 600}, {"demi", 600},
      {"bold", 700},       {"heavy", 800}, {"extra bold", 800}, {"black", 900}};
  const std::string n = lower(trim(name));
  if (auto it = weights.find(n); it != weights.end()) return it->second;
  if (auto v = parse_int(n); v && *v >= 0 && *v <= 1000) return *v;
  throw ValueError(fmt::format(
      "font weight must be a number 0-1000 or one of 'ultralight', 'light', 'normal', "
      "'regular', 'book', 'medium', 'roman', 'semibold', 'demibold', 'demi', 'bold', 'heavy', "
      "'extra bold', 'black', got '{}'",
      name));
}

double font_size_from_name(std::string_view name, double base) {
  static const std::map<std::string, double, std::less<>> scalings{
      {"xx-small", 0.579}, {"x-small", 0.694}, {"small", 0.833},
      {"medium", 1.0},     {"large", 1.200},   {"x-large", 1.440},
      {"xx-large", 1.728}, {"larger", 1.2},    {"smaller", 0.833}};
  const std::string n = lower(trim(name));
  if (auto it = scalings.find(n); it != scalings.end()) return base * it->second;
  throw ValueError(fmt::format(
      "font size must be a number or one of 'xx-small', 'x-small', 'small', 'medium', 'large', "
      "'x-large', 'xx-large', 'larger', 'smaller', got '{}'",
      name));
}

std::vector<FontPtr> find_fonts(const FontProperties& props) {
  return Manager::get().find_fonts(props);
}

FontPtr find_font(const FontProperties& props) { return find_fonts(props).front(); }

std::vector<std::string> font_family_list(std::string_view generic) {
  return Manager::get().family_list(generic);
}

void set_font_family_list(std::string_view generic, std::vector<std::string> families) {
  Manager::get().set_family_list(generic, std::move(families));
}

}  // namespace strata
