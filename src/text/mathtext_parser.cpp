// SPDX-License-Identifier: MIT
// The mathtext parser: a recursive-descent port of matplotlib 3.6.3's pyparsing grammar
// (_mathtext.Parser) with its parse actions building the box model.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

#include "strata/error.hpp"
#include "text/mathtext_boxes.hpp"
#include "text/mathtext_symbols.hpp"

namespace strata::mathtext_detail {

namespace {

/// A syntax error at byte offset `pos` of the whole text.
struct ParseFatal {
  std::size_t pos;
  std::string msg;
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool in_list(std::string_view v, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// matplotlib's symbol classes (Parser._binary_operators etc.).
constexpr std::string_view k_minus = "\xE2\x88\x92";  // U+2212

bool is_binary_operator(std::string_view c) {
  return c == "+" || c == "*" || c == "-" || c == k_minus ||
         in_list(c, {"\\pm",
                     "\\sqcap",
                     "\\rhd",
                     "\\mp",
                     "\\sqcup",
                     "\\unlhd",
                     "\\times",
                     "\\vee",
                     "\\unrhd",
                     "\\div",
                     "\\wedge",
                     "\\oplus",
                     "\\ast",
                     "\\setminus",
                     "\\ominus",
                     "\\star",
                     "\\wr",
                     "\\otimes",
                     "\\circ",
                     "\\diamond",
                     "\\oslash",
                     "\\bullet",
                     "\\bigtriangleup",
                     "\\odot",
                     "\\cdot",
                     "\\bigtriangledown",
                     "\\bigcirc",
                     "\\cap",
                     "\\triangleleft",
                     "\\dagger",
                     "\\cup",
                     "\\triangleright",
                     "\\ddagger",
                     "\\uplus",
                     "\\lhd",
                     "\\amalg",
                     "\\dotplus",
                     "\\dotminus"});
}

bool is_relation(std::string_view c) {
  return in_list(c, {"=",
                     "<",
                     ">",
                     ":",
                     "\\leq",
                     "\\geq",
                     "\\equiv",
                     "\\models",
                     "\\prec",
                     "\\succ",
                     "\\sim",
                     "\\perp",
                     "\\preceq",
                     "\\succeq",
                     "\\simeq",
                     "\\mid",
                     "\\ll",
                     "\\gg",
                     "\\asymp",
                     "\\parallel",
                     "\\subset",
                     "\\supset",
                     "\\approx",
                     "\\bowtie",
                     "\\subseteq",
                     "\\supseteq",
                     "\\cong",
                     "\\Join",
                     "\\sqsubset",
                     "\\sqsupset",
                     "\\neq",
                     "\\smile",
                     "\\sqsubseteq",
                     "\\sqsupseteq",
                     "\\doteq",
                     "\\frown",
                     "\\in",
                     "\\ni",
                     "\\propto",
                     "\\vdash",
                     "\\dashv",
                     "\\dots",
                     "\\doteqdot"});
}

bool is_arrow(std::string_view c) {
  return in_list(c, {"\\leftarrow",
                     "\\longleftarrow",
                     "\\uparrow",
                     "\\Leftarrow",
                     "\\Longleftarrow",
                     "\\Uparrow",
                     "\\rightarrow",
                     "\\longrightarrow",
                     "\\downarrow",
                     "\\Rightarrow",
                     "\\Longrightarrow",
                     "\\Downarrow",
                     "\\leftrightarrow",
                     "\\longleftrightarrow",
                     "\\updownarrow",
                     "\\Leftrightarrow",
                     "\\Longleftrightarrow",
                     "\\Updownarrow",
                     "\\mapsto",
                     "\\longmapsto",
                     "\\nearrow",
                     "\\hookleftarrow",
                     "\\hookrightarrow",
                     "\\searrow",
                     "\\leftharpoonup",
                     "\\rightharpoonup",
                     "\\swarrow",
                     "\\leftharpoondown",
                     "\\rightharpoondown",
                     "\\nwarrow",
                     "\\rightleftharpoons",
                     "\\leadsto"});
}

bool is_punctuation(std::string_view c) {
  return in_list(c, {",", ";", ".", "!", "\\ldotp", "\\cdotp"});
}

bool is_overunder_symbol(std::string_view c) {
  return in_list(c,
                 {"\\sum", "\\prod", "\\coprod", "\\bigcap", "\\bigcup", "\\bigsqcup", "\\bigvee",
                  "\\bigwedge", "\\bigodot", "\\bigotimes", "\\bigoplus", "\\biguplus"});
}

bool is_overunder_function(std::string_view c) {
  return in_list(c, {"lim", "liminf", "limsup", "sup", "max", "min"});
}

bool is_function_name(std::string_view c) {
  return in_list(c, {"arccos", "csc", "ker",    "min",  "arcsin", "deg", "lg",     "Pr",
                     "arctan", "det", "lim",    "sec",  "arg",    "dim", "liminf", "sin",
                     "cos",    "exp", "limsup", "sinh", "cosh",   "gcd", "ln",     "sup",
                     "cot",    "hom", "log",    "tan",  "coth",   "inf", "max",    "tanh"});
}

std::optional<FontName> font_from_name(std::string_view n) {
  if (n == "rm") return FontName::rm;
  if (n == "it") return FontName::it;
  if (n == "bf") return FontName::bf;
  if (n == "sf") return FontName::sf;
  if (n == "tt") return FontName::tt;
  if (n == "cal") return FontName::cal;
  if (n == "bb") return FontName::bb;
  if (n == "frak") return FontName::frak;
  if (n == "scr") return FontName::scr;
  if (n == "default" || n == "regular") return FontName::regular;
  return std::nullopt;
}

// Parser._accent_map: accent command -> symbol.
std::optional<std::string_view> accent_symbol(std::string_view n) {
  static constexpr std::pair<std::string_view, std::string_view> k_map[] = {
      {"hat", "\\circumflexaccent"},
      {"breve", "\\combiningbreve"},
      {"bar", "\\combiningoverline"},
      {"grave", "\\combininggraveaccent"},
      {"acute", "\\combiningacuteaccent"},
      {"tilde", "\\combiningtilde"},
      {"dot", "\\combiningdotabove"},
      {"ddot", "\\combiningdiaeresis"},
      {"dddot", "\\combiningthreedotsabove"},
      {"ddddot", "\\combiningfourdotsabove"},
      {"vec", "\\combiningrightarrowabove"},
      {"\"", "\\combiningdiaeresis"},
      {"`", "\\combininggraveaccent"},
      {"'", "\\combiningacuteaccent"},
      {"~", "\\combiningtilde"},
      {".", "\\combiningdotabove"},
      {"^", "\\circumflexaccent"},
      {"overrightarrow", "\\rightarrow"},
      {"overleftarrow", "\\leftarrow"},
      {"mathring", "\\circ"},
  };
  for (const auto& [k, v] : k_map) {
    if (k == n) return v;
  }
  return std::nullopt;
}

bool is_wide_accent(std::string_view n) { return in_list(n, {"widehat", "widetilde", "widebar"}); }

// Parser._space_widths, longest first (pyparsing oneOf prefers the longest match).
constexpr std::pair<std::string_view, double> k_space_widths[] = {
    {"\\thinspace", 0.16667}, {"\\enspace", 0.5}, {"\\qquad", 2.0}, {"\\quad", 1.0},
    {"\\,", 0.16667},         {"\\/", 0.16667},   {"\\>", 0.22222}, {"\\:", 0.22222},
    {"\\;", 0.27778},         {"\\ ", 0.33333},   {"~", 0.33333},   {"\\!", -0.16667},
};

// Parser._delims, longest first.
constexpr std::string_view k_delims[] = {
    "\\updownarrow",
    "\\Updownarrow",
    "\\backslash",
    "\\downarrow",
    "\\Downarrow",
    "\\uparrow",
    "\\Uparrow",
    "\\lfloor",
    "\\rfloor",
    "\\langle",
    "\\rangle",
    "\\lceil",
    "\\rceil",
    "\\vert",
    "\\Vert",
    "\\{",
    "\\}",
    "\\|",
    "|",
    "/",
    ".",
    "(",
    "[",
    "<",
    ")",
    "]",
    ">",
};
constexpr std::string_view k_left_delim_chars = "([<";

bool is_symbol_char(char c) {
  if (is_alpha(c) || is_digit(c)) return true;
  return std::string_view(" +-*/<>=:,.;!?&'@()[]|").find(c) != std::string_view::npos;
}

std::size_t utf8_length(std::string_view s, std::size_t pos) {
  const auto b = static_cast<unsigned char>(s[pos]);
  std::size_t n = 1;
  if ((b & 0xE0) == 0xC0) {
    n = 2;
  } else if ((b & 0xF0) == 0xE0) {
    n = 3;
  } else if ((b & 0xF8) == 0xF0) {
    n = 4;
  }
  return std::min(n, s.size() - pos);
}

enum class MathStyle { display = 0, text = 1, script = 2, scriptscript = 3 };

class Parser {
 public:
  Parser(std::string_view text, MathFonts& fonts, double fontsize, double dpi) : s_(text) {
    ParserState st;
    st.fonts = &fonts;
    st.font = FontName::regular;
    st.font_class = FontName::rm;
    st.fontsize = fontsize;
    st.dpi = dpi;
    stack_.push_back(st);
  }

  NodePtr parse_main() {
    std::vector<NodePtr> toks;
    std::size_t pos = 0;
    const std::size_t n = s_.size();
    while (true) {
      // non_math: (?:\\[$]|[^$])*
      std::vector<NodePtr> chars;
      while (pos < n && s_[pos] != '$') {
        if (s_[pos] == '\\' && pos + 1 < n && s_[pos + 1] == '$') {
          chars.push_back(make_char("$", state()));
          pos += 2;
          continue;
        }
        const std::size_t len = utf8_length(s_, pos);
        chars.push_back(make_char(std::string(s_.substr(pos, len)), state()));
        pos += len;
      }
      toks.push_back(make_hlist(std::move(chars)));
      if (pos >= n) break;
      // math_string: QuotedString('$', escChar='\\')
      std::size_t end = pos + 1;
      while (end < n && s_[end] != '$') end += (s_[end] == '\\' && end + 1 < n) ? 2 : 1;
      if (end >= n) throw ParseFatal{pos, "Expected a closing $"};
      toks.push_back(parse_math_segment(pos + 1, end));
      pos = end + 1;
    }
    return make_hlist(std::move(toks));
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t seg_begin_ = 0;
  std::size_t seg_end_ = 0;
  std::vector<ParserState> stack_;
  bool in_subscript_or_superscript_ = false;

  ParserState& state() { return stack_.back(); }
  void push_state() { stack_.push_back(stack_.back()); }
  void pop_state() { stack_.pop_back(); }

  // ---- scanning helpers ----
  [[nodiscard]] bool at_end() const { return pos_ >= seg_end_; }
  [[nodiscard]] char peek(std::size_t off = 0) const {
    return pos_ + off < seg_end_ ? s_[pos_ + off] : '\0';
  }
  void skip_ws() {
    while (!at_end() && is_ws(s_[pos_])) ++pos_;
  }
  [[nodiscard]] bool at(std::string_view lit) const {
    return pos_ + lit.size() <= seg_end_ && s_.substr(pos_, lit.size()) == lit;
  }
  /// The control-sequence name at pos_ (after a backslash): letters, or one other character.
  [[nodiscard]] std::string_view csname() const {
    if (peek() != '\\' || pos_ + 1 >= seg_end_) return {};
    std::size_t e = pos_ + 1;
    if (is_alpha(s_[e])) {
      while (e < seg_end_ && is_alpha(s_[e])) ++e;
    } else {
      e += utf8_length(s_, e);
    }
    return s_.substr(pos_ + 1, e - pos_ - 1);
  }
  /// The first non-space character at or after byte `from` in the current segment.
  [[nodiscard]] char next_nonspace(std::size_t from) const {
    for (std::size_t i = from; i < seg_end_; ++i) {
      if (s_[i] != ' ') return s_[i];
    }
    return '\0';
  }
  [[nodiscard]] char prev_nonspace(std::size_t loc) const {
    for (std::size_t i = loc; i > seg_begin_; --i) {
      if (s_[i - 1] != ' ') return s_[i - 1];
    }
    return '\0';
  }
  [[nodiscard]] bool only_space_before(std::size_t loc) const {
    for (std::size_t i = seg_begin_; i < loc; ++i) {
      if (!is_ws(s_[i])) return false;
    }
    return true;
  }

  // ---- grammar ----
  NodePtr parse_math_segment(std::size_t begin, std::size_t end) {
    seg_begin_ = begin;
    seg_end_ = end;
    pos_ = begin;
    // non_math pushes a state with mathtext.default 'it'; math pops it.
    push_state();
    state().set_font(FontName::it);
    std::vector<NodePtr> toks;
    skip_ws();
    if (at_end()) throw ParseFatal{pos_, "Expected a math expression between the $ signs"};
    while (true) {
      skip_ws();
      if (at_end()) break;
      if (!parse_token(toks)) throw ParseFatal{pos_, unexpected()};
    }
    pop_state();
    return make_hlist(std::move(toks));
  }

  std::string unexpected() const {
    const char c = peek();
    if (c == '}') return "Unbalanced braces: unexpected '}'";
    if (c == '^' || c == '_') return fmt::format("Unexpected '{}'", c);
    return fmt::format("Unexpected '{}'", s_.substr(pos_, utf8_length(s_, pos_)));
  }

  // token := simple | auto_delim | unknown_symbol
  bool parse_token(std::vector<NodePtr>& out) {
    if (parse_simple(out)) return true;
    if (parse_auto_delim(out)) return true;
    if (peek() == '\\') {
      std::size_t e = pos_ + 1;
      while (e < seg_end_ && is_alpha(s_[e])) ++e;
      throw ParseFatal{pos_, fmt::format("Unknown symbol: {}", s_.substr(pos_, e - pos_))};
    }
    return false;
  }

  // simple := space | customspace | font | subsuper
  bool parse_simple(std::vector<NodePtr>& out) {
    skip_ws();
    if (at_end()) return false;
    for (const auto& [name, width] : k_space_widths) {
      if (at(name)) {
        pos_ += name.size();
        out.push_back(make_space(width));
        return true;
      }
    }
    if (at("\\hspace")) {
      pos_ += 7;
      skip_ws();
      const std::size_t err_pos = pos_;
      auto fail = [&]() -> ParseFatal { return {err_pos, "Expected \\hspace{space}"}; };
      if (peek() != '{') throw fail();
      ++pos_;
      skip_ws();
      const char* b = s_.data() + pos_;
      char* e = nullptr;
      const std::string num(b, s_.data() + seg_end_);
      const double v = std::strtod(num.c_str(), &e);
      if (e == num.c_str()) throw fail();
      pos_ += static_cast<std::size_t>(e - num.c_str());
      skip_ws();
      if (peek() != '}') throw fail();
      ++pos_;
      out.push_back(make_space(v));
      return true;
    }
    if (peek() == '\\') {
      if (auto f = font_from_name(csname())) {
        pos_ += 1 + csname().size();
        state().set_font(*f);
        return true;
      }
    }
    return parse_subsuper(out);
  }

  NodePtr make_space(double percentage) {
    // An em is the advance of 'm' in the italic font (matplotlib's _make_space).
    const ParserState& st = state();
    const double em =
        st.fonts->get_info(FontName::it, FontName::it, "m", st.fontsize, st.dpi).metrics.advance;
    return make_kern(em * percentage);
  }

  std::size_t count_apostrophes() {
    skip_ws();
    std::size_t n = 0;
    while (peek() == '\'') {
      ++n;
      ++pos_;
    }
    return n;
  }

  struct Script {
    char op;
    std::size_t pos;
    NodePtr arg;
  };

  // subsuper := placeable? (('_'|'^') placeable)+ "'*" | "'+" | placeable "'*"
  bool parse_subsuper(std::vector<NodePtr>& out) {
    skip_ws();
    const std::size_t start = pos_;
    const bool starts_with_apostrophe = peek() == '\'';
    NodePtr nucleus = parse_placeable();
    skip_ws();
    std::vector<Script> scripts;
    if (peek() == '_' || peek() == '^') {
      while (true) {
        skip_ws();
        if (peek() != '_' && peek() != '^') break;
        Script sc{peek(), pos_, nullptr};
        ++pos_;
        skip_ws();
        sc.arg = parse_placeable();
        if (!sc.arg) {
          throw ParseFatal{pos_, fmt::format("Expected a symbol or group after '{}'", sc.op)};
        }
        scripts.push_back(std::move(sc));
      }
      const std::size_t napos = count_apostrophes();
      out.push_back(subsuper(nucleus, scripts, napos));
      return true;
    }
    if (starts_with_apostrophe) {
      pos_ = start;
      const std::size_t napos = count_apostrophes();
      out.push_back(subsuper(nullptr, {}, napos));
      return true;
    }
    if (!nucleus) {
      pos_ = start;
      return false;
    }
    const std::size_t save = pos_;
    const std::size_t napos = count_apostrophes();
    if (napos == 0) pos_ = save;
    out.push_back(subsuper(nucleus, {}, napos));
    return true;
  }

  // placeable := accent | symbol | function | operatorname | group | frac | dfrac | binom
  //            | genfrac | overset | underset | sqrt | overline
  NodePtr parse_placeable() {
    skip_ws();
    if (at_end()) return nullptr;
    const std::size_t loc = pos_;
    const char c = peek();
    if (c == '\\') {
      const std::string_view name = csname();
      if (name.empty()) return nullptr;
      const std::size_t after = pos_ + 1 + name.size();
      // accent
      if (accent_symbol(name) || is_wide_accent(name)) {
        pos_ = after;
        NodePtr sym = parse_placeable();
        if (!sym) {
          throw ParseFatal{pos_, fmt::format("Expected a symbol or group after \\{}", name)};
        }
        return accent(std::string(name), sym);
      }
      // symbol: \% \$ \{ \} \[ \] \_ \| \# and the tex2uni names
      if (name.size() == 1 &&
          std::string_view("%${}[]_|#").find(name[0]) != std::string_view::npos) {
        pos_ = after;
        return symbol(std::string(s_.substr(loc, 2)), loc);
      }
      if (at("\\__sqrt__")) {
        pos_ += 9;
        return symbol("\\__sqrt__", loc);
      }
      if (is_alpha(name[0]) && tex2uni(name)) {
        pos_ = after;
        return symbol("\\" + std::string(name), loc);
      }
      if (is_function_name(name)) {
        pos_ = after;
        return function(std::string(name), loc);
      }
      if (name == "operatorname") {
        pos_ = after;
        return operatorname(loc);
      }
      if (name.size() > 4 && name.substr(0, 4) == "math") {
        if (auto f = font_from_name(name.substr(4))) {
          pos_ = after;
          skip_ws();
          if (peek() == '{') return group(f);
          pos_ = loc;
          return nullptr;
        }
      }
      if (name == "frac" || name == "dfrac" || name == "binom") {
        pos_ = after;
        return frac_like(std::string(name));
      }
      if (name == "genfrac") {
        pos_ = after;
        return genfrac();
      }
      if (name == "overset" || name == "underset") {
        pos_ = after;
        return genset(name == "underset");
      }
      if (name == "sqrt") {
        pos_ = after;
        return sqrt();
      }
      if (name == "overline") {
        pos_ = after;
        return overline();
      }
      return nullptr;
    }
    if (c == '{') return group(std::nullopt);
    if (static_cast<unsigned char>(c) >= 0x80) {
      const std::size_t len = utf8_length(s_, pos_);
      pos_ += len;
      return symbol(std::string(s_.substr(loc, len)), loc);
    }
    if (is_symbol_char(c)) {
      ++pos_;
      return symbol(std::string(1, c), loc);
    }
    return nullptr;
  }

  // ---- parse actions ----

  NodePtr symbol(std::string c, std::size_t loc) {
    if (c == "-") c = std::string(k_minus);
    if (c == "\\[") c = "[";
    if (c == "\\]") c = "]";
    NodePtr ch;
    try {
      ch = make_char(c, state());
    } catch (const ValueError&) {
      throw ParseFatal{loc, fmt::format("Unknown symbol: {}", c)};
    }
    if (is_binary_operator(c) || is_relation(c) || is_arrow(c)) {
      const char prev = prev_nonspace(loc);
      if (is_binary_operator(c) &&
          (only_space_before(loc) || prev == '{' ||
           (prev != '\0' && k_left_delim_chars.find(prev) != std::string_view::npos))) {
        return ch;
      }
      return make_hlist({make_space(0.2), ch, make_space(0.2)});
    }
    if (is_punctuation(c)) {
      const char prev = prev_nonspace(loc);
      const char next = next_nonspace(loc + 1);
      if (c == "," && prev == '{' && next == '}') return ch;
      if (c == "." && is_digit(prev) && is_digit(next)) return ch;
      return make_hlist({ch, make_space(0.2)});
    }
    return ch;
  }

  NodePtr group(std::optional<FontName> font) {
    // start_group: push the state, apply \mathXX
    push_state();
    if (font) state().set_font(*font);
    ++pos_;  // '{'
    std::vector<NodePtr> toks;
    while (true) {
      skip_ws();
      if (at_end()) throw ParseFatal{pos_, "Unbalanced braces: expected '}'"};
      if (peek() == '}') break;
      if (!parse_token(toks)) throw ParseFatal{pos_, unexpected()};
    }
    ++pos_;  // '}'
    pop_state();
    return make_hlist(std::move(toks));
  }

  /// "{" token+ "}" (or token* when `allow_empty`); nullptr when it does not match.
  NodePtr required_group(bool allow_empty = false) {
    skip_ws();
    if (peek() != '{') return nullptr;
    ++pos_;
    push_state();
    std::vector<NodePtr> toks;
    while (true) {
      skip_ws();
      if (at_end()) {
        pop_state();
        return nullptr;
      }
      if (peek() == '}') break;
      if (!parse_token(toks)) {
        pop_state();
        return nullptr;
      }
    }
    ++pos_;
    pop_state();
    if (toks.empty() && !allow_empty) return nullptr;
    return make_hlist(std::move(toks));
  }

  NodePtr function(const std::string& name, std::size_t loc) {
    (void)loc;
    push_state();
    state().set_font(FontName::rm);
    std::vector<NodePtr> list;
    for (char ch : name) list.push_back(make_char(std::string(1, ch), state()));
    finish_operator(list, name);
    pop_state();
    auto h = make_hlist(std::move(list));
    h->function_name = name;
    return h;
  }

  NodePtr operatorname(std::size_t loc) {
    (void)loc;
    skip_ws();
    const std::size_t err_pos = pos_;
    auto fail = [&]() -> ParseFatal { return {err_pos, "Expected \\operatorname{name}"}; };
    if (peek() != '{') throw fail();
    ++pos_;
    push_state();
    state().set_font(FontName::rm);
    std::vector<NodePtr> list;
    std::string name;
    while (true) {
      skip_ws();
      if (at_end()) throw fail();
      if (peek() == '}') break;
      const std::size_t b = pos_;
      if (!parse_simple(list)) {
        if (peek() == '\\') parse_token(list);  // unknown symbol: throws
        throw fail();
      }
      name += std::string(s_.substr(b, pos_ - b));
    }
    ++pos_;
    finish_operator(list, name);
    pop_state();
    return make_hlist(std::move(list));
  }

  void finish_operator(std::vector<NodePtr>& list, const std::string& name) {
    const char next = next_nonspace(pos_);
    const bool is_delim_or_script =
        next != '\0' && std::string_view("|/.([<)]>^_").find(next) != std::string_view::npos;
    if (!is_delim_or_script && !is_overunder_function(name)) list.push_back(make_space(0.16667));
    in_subscript_or_superscript_ = next == '^' || next == '_';
  }

  NodePtr frac_like(const std::string& name) {
    skip_ws();
    const std::size_t err_pos = pos_;
    NodePtr num = required_group();
    NodePtr den = num ? required_group() : nullptr;
    if (!num || !den) throw ParseFatal{err_pos, fmt::format("Expected \\{}{{num}}{{den}}", name)};
    const double t = state().underline_thickness();
    if (name == "frac") return genfrac_impl("", "", t, MathStyle::text, num, den);
    if (name == "dfrac") return genfrac_impl("", "", t, MathStyle::display, num, den);
    return genfrac_impl("(", ")", 0, MathStyle::text, num, den);  // binom
  }

  std::optional<std::string> parse_delim() {
    skip_ws();
    for (std::string_view d : k_delims) {
      if (at(d)) {
        pos_ += d.size();
        return std::string(d);
      }
    }
    return std::nullopt;
  }

  NodePtr genfrac() {
    skip_ws();
    const std::size_t err_pos = pos_;
    auto fail = [&]() -> ParseFatal {
      return {err_pos, "Expected \\genfrac{ldelim}{rdelim}{rulesize}{style}{num}{den}"};
    };
    auto expect = [&](char ch) {
      skip_ws();
      if (peek() != ch) throw fail();
      ++pos_;
    };
    expect('{');
    std::string ldelim = parse_delim().value_or("");
    expect('}');
    expect('{');
    std::string rdelim = parse_delim().value_or("");
    expect('}');
    expect('{');
    skip_ws();
    const std::string num_text(s_.substr(pos_, seg_end_ - pos_));
    char* e = nullptr;
    const double rulesize = std::strtod(num_text.c_str(), &e);
    if (e == num_text.c_str()) throw fail();
    pos_ += static_cast<std::size_t>(e - num_text.c_str());
    expect('}');
    expect('{');
    skip_ws();
    MathStyle style = MathStyle::text;
    if (peek() >= '0' && peek() <= '3') {
      style = static_cast<MathStyle>(peek() - '0');
      ++pos_;
    }
    expect('}');
    NodePtr num = required_group();
    NodePtr den = num ? required_group() : nullptr;
    if (!num || !den) throw fail();
    return genfrac_impl(ldelim, rdelim, rulesize, style, num, den);
  }

  NodePtr genfrac_impl(std::string ldelim, std::string rdelim, double rule, MathStyle style,
                       const NodePtr& num, const NodePtr& den) {
    ParserState& st = state();
    const double thickness = st.underline_thickness();
    for (int i = 0; i < static_cast<int>(style); ++i) {
      shrink(*num);
      shrink(*den);
    }
    NodePtr cnum = make_hcentered({num});
    NodePtr cden = make_hcentered({den});
    const double width = std::max(num->width, den->width);
    hpack(*cnum, width, PackMode::exactly);
    hpack(*cden, width, PackMode::exactly);
    NodePtr vlist = make_vlist({cnum, make_vbox(0, thickness * 2.0), make_hrule(st, rule),
                                make_vbox(0, thickness * 2.0), cden});
    // Shift so the fraction line sits in the middle of the equals sign.
    const CharMetrics& m =
        st.fonts->get_info(st.font, FontName::it, "=", st.fontsize, st.dpi).metrics;
    vlist->shift_amount = cden->height - ((m.ymax + m.ymin) / 2 - thickness * 3.0);
    NodePtr result = make_hlist({vlist, make_hbox(thickness * 2.)});
    if (!ldelim.empty() || !rdelim.empty()) {
      if (ldelim.empty()) ldelim = ".";
      if (rdelim.empty()) rdelim = ".";
      return auto_sized_delimiter(ldelim, {result}, rdelim);
    }
    return result;
  }

  NodePtr genset(bool under) {
    skip_ws();
    const std::size_t err_pos = pos_;
    NodePtr annotation = required_group(true);
    NodePtr body = annotation ? required_group(true) : nullptr;
    if (!annotation || !body) {
      throw ParseFatal{err_pos, fmt::format("Expected \\{}{{annotation}}{{body}}",
                                            under ? "underset" : "overset")};
    }
    const double thickness = state().underline_thickness();
    shrink(*annotation);
    NodePtr cannotation = make_hcentered({annotation});
    NodePtr cbody = make_hcentered({body});
    const double width = std::max(cannotation->width, cbody->width);
    hpack(*cannotation, width, PackMode::exactly);
    hpack(*cbody, width, PackMode::exactly);
    const double vgap = thickness * 3;
    if (under) {
      NodePtr vlist = make_vlist({cbody, make_vbox(0, vgap), cannotation});
      vlist->shift_amount = cbody->depth + cannotation->height + vgap;
      return vlist;
    }
    return make_vlist({cannotation, make_vbox(0, vgap), cbody});
  }

  NodePtr sqrt() {
    skip_ws();
    const std::size_t err_pos = pos_;
    auto fail = [&]() -> ParseFatal { return {err_pos, "Expected \\sqrt{value}"}; };
    std::vector<NodePtr> root;
    bool has_root = false;
    if (peek() == '[') {
      ++pos_;
      has_root = true;
      while (true) {
        skip_ws();
        if (at_end()) throw fail();
        if (peek() == ']') break;
        if (!parse_token(root)) throw fail();
      }
      ++pos_;
      if (root.empty()) throw fail();
    }
    NodePtr body = required_group();
    if (!body) throw fail();

    ParserState& st = state();
    const double thickness = st.underline_thickness();
    // The height of the body plus a little extra so it doesn't seem cramped.
    double height = body->height - body->shift_amount + thickness * 5.0;
    double depth = body->depth + body->shift_amount;
    NodePtr check = make_auto_height_char("\\__sqrt__", height, depth, st);
    height = check->height - check->shift_amount;
    depth = check->depth + check->shift_amount;
    // A little extra space to the left and right of the body.
    NodePtr padded_body = make_hlist({make_hbox(2 * thickness), body, make_hbox(2 * thickness)});
    NodePtr rightside = make_vlist({make_hrule(st), make_glue("fill"), padded_body});
    vpack(*rightside, height + (st.fontsize * st.dpi) / (100.0 * 12.0), PackMode::exactly, depth);
    NodePtr root_node;
    if (!has_root) {
      root_node = make_box(check->width * 0.5, 0., 0.);
    } else {
      root_node = make_hlist(std::move(root));
      shrink(*root_node);
      shrink(*root_node);
    }
    NodePtr root_vlist = make_vlist({make_hlist({root_node})});
    root_vlist->shift_amount = -height * 0.6;
    return make_hlist({root_vlist, make_kern(-check->width * 0.5), check, rightside});
  }

  NodePtr overline() {
    skip_ws();
    const std::size_t err_pos = pos_;
    NodePtr body = required_group();
    if (!body) throw ParseFatal{err_pos, "Expected \\overline{body}"};
    ParserState& st = state();
    const double thickness = st.underline_thickness();
    const double height = body->height - body->shift_amount + thickness * 3.0;
    const double depth = body->depth + body->shift_amount;
    NodePtr rightside = make_vlist({make_hrule(st), make_glue("fill"), make_hlist({body})});
    vpack(*rightside, height + (st.fontsize * st.dpi) / (100.0 * 12.0), PackMode::exactly, depth);
    return make_hlist({rightside});
  }

  NodePtr accent(const std::string& name, const NodePtr& sym) {
    ParserState& st = state();
    const double thickness = st.underline_thickness();
    NodePtr accent_box;
    if (is_wide_accent(name)) {
      accent_box = make_auto_width_char("\\" + name, sym->width, st, true);
    } else {
      accent_box = make_accent(std::string(*accent_symbol(name)), st);
    }
    if (name == "mathring") {
      shrink(*accent_box);
      shrink(*accent_box);
    }
    NodePtr centered = make_hcentered({make_hbox(sym->width / 4.0), accent_box});
    hpack(*centered, sym->width, PackMode::exactly);
    return make_vlist({centered, make_vbox(0., thickness * 2.0), make_hlist({sym})});
  }

  // auto_delim := \left delim (simple | auto_delim)* \right delim
  bool parse_auto_delim(std::vector<NodePtr>& out) {
    skip_ws();
    if (!at("\\left")) return false;
    pos_ += 5;
    auto front = parse_delim();
    if (!front) throw ParseFatal{pos_, "Expected a delimiter after \\left"};
    std::vector<NodePtr> mid;
    while (true) {
      skip_ws();
      if (parse_simple(mid)) continue;
      if (parse_auto_delim(mid)) continue;
      break;
    }
    skip_ws();
    if (!at("\\right")) throw ParseFatal{pos_, "Expected \\right"};
    pos_ += 6;
    auto back = parse_delim();
    if (!back) throw ParseFatal{pos_, "Expected a delimiter after \\right"};
    out.push_back(auto_sized_delimiter(*front, std::move(mid), *back));
    return true;
  }

  NodePtr auto_sized_delimiter(const std::string& front, std::vector<NodePtr> middle,
                               const std::string& back) {
    ParserState& st = state();
    double height = 0, depth = 0, factor = -1;
    if (!middle.empty()) {
      height = -std::numeric_limits<double>::infinity();
      depth = -std::numeric_limits<double>::infinity();
      for (const auto& x : middle) {
        height = std::max(height, x->height);
        depth = std::max(depth, x->depth);
      }
    } else {
      factor = 1.0;
    }
    // matplotlib's sized alternatives draw < and > as angle brackets.
    auto delim_sym = [](const std::string& d) -> std::string {
      if (d == "<") return "\\langle";
      if (d == ">") return "\\rangle";
      return d;
    };
    std::vector<NodePtr> parts;
    if (front != ".") {
      parts.push_back(make_auto_height_char(delim_sym(front), height, depth, st, factor));
    }
    for (auto& m : middle) parts.push_back(std::move(m));
    if (back != ".") {
      parts.push_back(make_auto_height_char(delim_sym(back), height, depth, st, factor));
    }
    return make_hlist(std::move(parts));
  }

  // ---- sub- and superscripts (matplotlib Parser.subsuper) ----

  static bool is_char(const NodePtr& n) { return n && n->type == NodeType::character; }
  static bool is_overunder(const NodePtr& n) {
    if (is_char(n)) return is_overunder_symbol(n->sym);
    if (n && n->type == NodeType::hlist && !n->function_name.empty()) {
      return is_overunder_function(n->function_name);
    }
    return false;
  }
  static bool is_dropsub(const NodePtr& n) {
    return is_char(n) && (n->sym == "\\int" || n->sym == "\\oint");
  }
  static bool is_slanted(const NodePtr& n) { return is_char(n) && n->metrics.slanted; }

  NodePtr subsuper(NodePtr nucleus, const std::vector<Script>& scripts, std::size_t napostrophes) {
    if (!nucleus) nucleus = make_hbox(0);
    if (scripts.empty() && napostrophes == 0) return nucleus;
    NodePtr sub, super;
    for (const Script& sc : scripts) {
      if (sc.op == '_') {
        if (sub) throw ParseFatal{sc.pos, "Double subscript"};
        sub = sc.arg;
      } else {
        if (super) throw ParseFatal{sc.pos, "Double superscript"};
        super = sc.arg;
      }
    }
    ParserState& st = state();
    const double rule_thickness = st.underline_thickness();
    const double x_height = st.fonts->get_xheight(st.font, st.fontsize, st.dpi);

    if (napostrophes) {
      if (!super) super = make_hlist({});
      if (super->type != NodeType::hlist) super = make_hlist({super});
      // matplotlib draws \prime from Computer Modern, whose prime sits low (top at 0.51 em);
      // DejaVu's U+2032 sits at 0.62-0.82 em, so it is lowered by 0.3 em to match.
      for (std::size_t i = 0; i < napostrophes; ++i) {
        NodePtr prime = make_hlist({make_char("\\prime", st)});
        prime->shift_amount = 0.3 * st.fontsize * st.dpi / 72.0;
        super->children.push_back(prime);
      }
      kern(*super);
      hpack(*super);
    }

    // Over/under symbols such as \sum and \prod.
    if (is_overunder(nucleus)) {
      std::vector<NodePtr> vlist;
      double shift = 0.;
      double width = nucleus->width;
      if (super) {
        shrink(*super);
        width = std::max(width, super->width);
      }
      if (sub) {
        shrink(*sub);
        width = std::max(width, sub->width);
      }
      const double vgap = rule_thickness * 3.0;
      if (super) {
        NodePtr h = make_hcentered({super});
        hpack(*h, width, PackMode::exactly);
        vlist.push_back(h);
        vlist.push_back(make_vbox(0, vgap));
      }
      NodePtr hn = make_hcentered({nucleus});
      hpack(*hn, width, PackMode::exactly);
      vlist.push_back(hn);
      if (sub) {
        NodePtr h = make_hcentered({sub});
        hpack(*h, width, PackMode::exactly);
        vlist.push_back(make_vbox(0, vgap));
        vlist.push_back(h);
        shift = h->height + vgap + nucleus->depth;
      }
      NodePtr v = make_vlist(std::move(vlist));
      v->shift_amount = shift;
      return make_hlist({v});
    }

    // Remove the kerning after the last character and give it its advance as width, so that
    // scripts sit at the advance.
    NodePtr last_char = nucleus;
    if (nucleus->type == NodeType::hlist) {
      std::vector<NodePtr> new_children = nucleus->children;
      if (!new_children.empty()) {
        if (new_children.back()->type == NodeType::kern && new_children.size() >= 2 &&
            is_char(new_children[new_children.size() - 2])) {
          new_children.pop_back();
        }
        last_char = new_children.back();
        if (is_char(last_char)) last_char->width = last_char->metrics.advance;
      }
      nucleus = make_hlist(std::move(new_children), 0, PackMode::additional, false);
    } else {
      if (is_char(nucleus)) last_char->width = last_char->metrics.advance;
      nucleus = make_hlist({nucleus});
    }

    const FontConstants& constants = st.fonts->constants();
    const double lc_height = last_char->height;
    double lc_baseline = 0;
    if (is_dropsub(last_char)) lc_baseline = last_char->depth;

    double superkern = constants.delta * x_height;
    double subkern = constants.delta * x_height;
    if (is_slanted(last_char)) {
      superkern += constants.delta * x_height;
      superkern += constants.delta_slanted * (lc_height - x_height * 2. / 3.);
      if (is_dropsub(last_char)) {
        subkern = (3 * constants.delta - constants.delta_integral) * lc_height;
        superkern = (3 * constants.delta + constants.delta_integral) * lc_height;
      } else {
        subkern = 0;
      }
    }

    NodePtr x;
    if (!super) {
      x = make_hlist({make_kern(subkern), sub});
      shrink(*x);
      const double shift_down = is_dropsub(last_char) ? lc_baseline + constants.subdrop * x_height
                                                      : constants.sub1 * x_height;
      x->shift_amount = shift_down;
    } else {
      x = make_hlist({make_kern(superkern), super});
      shrink(*x);
      double shift_up = is_dropsub(last_char) ? lc_height - constants.subdrop * x_height
                                              : constants.sup1 * x_height;
      if (!sub) {
        x->shift_amount = -shift_up;
      } else {
        NodePtr y = make_hlist({make_kern(subkern), sub});
        shrink(*y);
        const double shift_down = is_dropsub(last_char) ? lc_baseline + constants.subdrop * x_height
                                                        : constants.sub2 * x_height;
        // If sub and superscript collide, move super up.
        const double clr =
            2.0 * rule_thickness - ((shift_up - x->depth) - (y->height - shift_down));
        if (clr > 0.) shift_up += clr;
        x = make_vlist({x, make_kern((shift_up - x->depth) - (y->height - shift_down)), y});
        x->shift_amount = shift_down;
      }
    }
    if (!is_dropsub(last_char)) x->width += constants.script_space * x_height;

    std::vector<NodePtr> spaced_nucleus{nucleus, x};
    if (in_subscript_or_superscript_) {
      spaced_nucleus.push_back(make_space(0.16667));
      in_subscript_or_superscript_ = false;
    }
    return make_hlist(std::move(spaced_nucleus));
  }
};

std::size_t codepoint_column(std::string_view s, std::size_t byte_pos) {
  std::size_t col = 0;
  for (std::size_t i = 0; i < byte_pos && i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

}  // namespace

NodePtr parse_math(std::string_view text, MathFonts& fonts, double fontsize, double dpi) {
  try {
    Parser p(text, fonts, fontsize, dpi);
    return p.parse_main();
  } catch (const ParseFatal& e) {
    constexpr std::string_view prefix = "mathtext: cannot parse ";
    const std::size_t col = prefix.size() + codepoint_column(text, e.pos);
    throw ValueError(fmt::format("{}{}\n{}^\n{}", prefix, text, std::string(col, ' '), e.msg));
  }
}

}  // namespace strata::mathtext_detail
