// SPDX-License-Identifier: MIT
// rcParams: validation (matplotlib's rcsetup.py), process-wide defaults, per-thread
// rc_context stacks, style sheets (matplotlib/style/core.py).
#include "strata/style/rcparams.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <sstream>

#include "colors/pyfmt.hpp"
#include "strata/colors/color.hpp"
#include "strata/error.hpp"
#include "style/styles_data.hpp"

namespace strata {

namespace {

using detail::py_float;
using detail::py_float_repr;
using detail::py_int;
using detail::py_lower;
using detail::py_repr;
using detail::py_strip;
using detail::RcDefaultEntry;
using detail::RcKind;

const RcDefaultEntry* find_entry(std::string_view key) {
  const auto* first = detail::k_rc_defaults;
  const auto* last = first + detail::k_rc_defaults_size;
  const auto* it = std::lower_bound(
      first, last, key,
      [](const RcDefaultEntry& e, std::string_view k) { return std::string_view(e.key) < k; });
  if (it != last && std::string_view(it->key) == key) return it;
  return nullptr;
}

const RcDefaultEntry& entry_or_throw(std::string_view key) {
  const RcDefaultEntry* e = find_entry(key);
  if (e == nullptr) {
    throw ValueError(fmt::format(
        "{} is not a valid rc parameter (see rcParams.keys() for a list of valid parameters)",
        key));
  }
  return *e;
}

// ---- validators: each returns the canonical text or throws a bare message ----

struct Invalid {
  std::string message;
};

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    const std::size_t comma = s.find(',', pos);
    const std::string_view item = py_strip(
        s.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  return out;
}

std::string validate_bool(std::string_view s) {
  const std::string low = py_lower(py_strip(s));
  for (const char* t : {"t", "y", "yes", "on", "true", "1"})
    if (low == t) return "True";
  for (const char* f : {"f", "n", "no", "off", "false", "0"})
    if (low == f) return "False";
  throw Invalid{fmt::format("Cannot convert {} to bool", py_repr(s))};
}

double validate_real(std::string_view s) {
  if (auto v = py_float(s)) return *v;
  throw Invalid{fmt::format("Could not convert {} to float", py_repr(s))};
}

long long validate_integer(std::string_view s) {
  if (auto v = py_int(s)) return *v;
  throw Invalid{fmt::format("Could not convert {} to int", py_repr(s))};
}

bool is_none_text(std::string_view s) { return py_lower(py_strip(s)) == "none"; }

// A "(r, g, b[, a])" tuple, as ast.literal_eval would read it.
std::optional<Rgba> parse_tuple_color(std::string_view s) {
  s = py_strip(s);
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return std::nullopt;
  const std::vector<std::string> parts = split_list(s.substr(1, s.size() - 2));
  if (parts.size() != 3 && parts.size() != 4) return std::nullopt;
  std::array<double, 4> v{0, 0, 0, 1};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto x = py_float(parts[i]);
    if (!x || !(*x >= 0.0 && *x <= 1.0)) return std::nullopt;
    v[i] = *x;
  }
  return Rgba{v[0], v[1], v[2], v[3]};
}

std::string validate_color(std::string_view raw) {
  const std::string_view s = py_strip(raw);
  if (py_lower(s) == "none") return "none";
  if (s.size() == 6 || s.size() == 8) {
    const std::string hashed = "#" + std::string(s);
    if (is_color_like(hashed)) return hashed;
  }
  if (is_color_like(s)) return std::string(s);
  if (parse_tuple_color(s)) return std::string(s);
  throw Invalid{fmt::format("{} does not look like a color arg", py_repr(raw))};
}

Rgba color_from_text(std::string_view s) {
  if (auto t = parse_tuple_color(s)) return *t;
  return to_rgba(Color(s));
}

constexpr std::array<std::pair<std::string_view, double>, 9> k_font_scalings{{{"xx-small", 0.579},
                                                                              {"x-small", 0.694},
                                                                              {"small", 0.833},
                                                                              {"medium", 1.0},
                                                                              {"large", 1.2},
                                                                              {"x-large", 1.44},
                                                                              {"xx-large", 1.728},
                                                                              {"larger", 1.2},
                                                                              {"smaller", 0.833}}};

std::string validate_fontsize(std::string_view s) {
  const std::string low = py_lower(py_strip(s));
  for (const auto& [name, scale] : k_font_scalings)
    if (low == name) return low;
  if (auto v = py_float(s)) return py_float_repr(*v);
  throw Invalid{fmt::format(
      "{} is not a valid font size. Valid font sizes are xx-small, x-small, small, medium, large, "
      "x-large, xx-large, smaller, larger.",
      s)};
}

std::string validate_fontweight(std::string_view s) {
  static constexpr std::array<std::string_view, 14> names{
      "ultralight", "light",    "normal", "regular", "book",  "medium",     "roman",
      "semibold",   "demibold", "demi",   "bold",    "heavy", "extra bold", "black"};
  for (std::string_view n : names)
    if (s == n) return std::string(s);
  if (auto v = py_int(s)) return std::to_string(*v);
  throw Invalid{fmt::format("{} is not a valid font weight.", s)};
}

// ---- cycler("prop", [values]) [+ cycler(...)], cycler(prop=[values], ...) ----

class CyclerParser {
 public:
  explicit CyclerParser(std::string_view s) : s_(s) {}

  std::vector<PropCycleEntry> parse() {
    std::vector<PropCycleEntry> out = term();
    while (peek() == '+') {
      ++pos_;
      std::vector<PropCycleEntry> more = term();
      out.insert(out.end(), more.begin(), more.end());
    }
    skip();
    if (pos_ != s_.size()) fail("unexpected text");
    if (out.empty()) fail("empty cycler");
    for (const auto& e : out) {
      if (e.values.size() != out.front().values.size()) fail("Can only add equal length cycles");
      for (const auto& o : out) {
        if (&o != &e && o.property == e.property) fail("Can only add cycles with distinct keys");
      }
    }
    return out;
  }

 private:
  [[noreturn]] void fail(std::string_view why) const { throw Invalid{std::string(why)}; }
  void skip() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  char peek() {
    skip();
    return pos_ < s_.size() ? s_[pos_] : '\0';
  }
  void expect(char c) {
    if (peek() != c) fail(fmt::format("expected '{}'", c));
    ++pos_;
  }
  std::string identifier() {
    skip();
    const std::size_t start = pos_;
    while (pos_ < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_'))
      ++pos_;
    if (start == pos_) fail("expected a name");
    return std::string(s_.substr(start, pos_ - start));
  }
  std::string quoted() {
    const char q = peek();
    if (q != '\'' && q != '"') fail("expected a string");
    const std::size_t end = s_.find(q, pos_ + 1);
    if (end == std::string_view::npos) fail("unterminated string");
    std::string out(s_.substr(pos_ + 1, end - pos_ - 1));
    pos_ = end + 1;
    return out;
  }
  // A list/tuple of strings or numbers, or a string (its characters).
  std::vector<std::string> values() {
    const char c = peek();
    std::vector<std::string> out;
    if (c == '\'' || c == '"') {
      for (char ch : quoted()) out.emplace_back(1, ch);
      return out;
    }
    if (c != '[' && c != '(') fail("expected a list");
    const char close = c == '[' ? ']' : ')';
    ++pos_;
    while (peek() != close) {
      const char v = peek();
      if (v == '\'' || v == '"') {
        out.push_back(quoted());
      } else {
        const std::size_t start = pos_;
        while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != close) ++pos_;
        const std::string_view num = py_strip(s_.substr(start, pos_ - start));
        if (!py_float(num)) fail(fmt::format("name {} is not defined", py_repr(num)));
        out.emplace_back(num);
      }
      if (peek() == ',') ++pos_;
    }
    ++pos_;
    return out;
  }
  std::vector<PropCycleEntry> term() {
    if (peek() == '(') {
      ++pos_;
      auto inner = parse_sum_until(')');
      return inner;
    }
    const std::string name = identifier();
    if (name != "cycler") fail(fmt::format("name {} is not defined", py_repr(name)));
    expect('(');
    std::vector<PropCycleEntry> out;
    if (peek() == '\'' || peek() == '"') {
      PropCycleEntry e;
      e.property = quoted();
      expect(',');
      e.values = values();
      out.push_back(std::move(e));
    } else {
      while (peek() != ')') {
        PropCycleEntry e;
        e.property = identifier();
        expect('=');
        e.values = values();
        out.push_back(std::move(e));
        if (peek() == ',') ++pos_;
      }
    }
    expect(')');
    return out;
  }
  std::vector<PropCycleEntry> parse_sum_until(char close) {
    std::vector<PropCycleEntry> out = term();
    while (peek() == '+') {
      ++pos_;
      auto more = term();
      out.insert(out.end(), more.begin(), more.end());
    }
    expect(close);
    return out;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

std::string cycler_text(const std::vector<PropCycleEntry>& entries) {
  std::string out = "cycler(";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i) out += ", ";
    out += entries[i].property + "=[";
    for (std::size_t j = 0; j < entries[i].values.size(); ++j) {
      if (j) out += ", ";
      out += py_repr(entries[i].values[j]);
    }
    out += "]";
  }
  return out + ")";
}

std::string validate_cycler(std::string_view s) {
  try {
    std::vector<PropCycleEntry> entries = CyclerParser(s).parse();
    for (auto& e : entries) {
      if (e.property == "c") e.property = "color";  // matplotlib's alias normalisation
      if (e.property == "color") {
        for (auto& v : e.values) {
          if (v.size() == 2 && v[0] == 'C' && std::isdigit(static_cast<unsigned char>(v[1]))) {
            throw Invalid{
                fmt::format("Cannot put cycle reference ({}) in prop_cycler", py_repr(v))};
          }
          v = validate_color(v);
        }
      }
    }
    return cycler_text(entries);
  } catch (const Invalid& e) {
    throw Invalid{fmt::format("{} is not a valid cycler construction: {}", py_repr(s), e.message)};
  }
}

std::string validate_value(const RcDefaultEntry& e, std::string_view raw) {
  const std::string_view s = py_strip(raw);
  switch (e.kind) {
    case RcKind::any:
    case RcKind::string:
      return std::string(raw);
    case RcKind::string_or_none:
      return is_none_text(s) ? "None" : std::string(raw);
    case RcKind::boolean:
      return validate_bool(raw);
    case RcKind::real:
      validate_real(raw);
      return std::string(s);
    case RcKind::real_or_none:
      if (is_none_text(s)) return "None";
      validate_real(raw);
      return std::string(s);
    case RcKind::integer:
      return std::to_string(validate_integer(raw));
    case RcKind::integer_or_none:
      if (is_none_text(s)) return "None";
      return std::to_string(validate_integer(raw));
    case RcKind::color:
      return validate_color(raw);
    case RcKind::color_or_auto:
      if (s == "auto") return "auto";
      return validate_color(raw);
    case RcKind::color_or_inherit:
      if (s == "inherit") return "inherit";
      return validate_color(raw);
    case RcKind::color_or_linecolor:
      if (s == "linecolor") return "linecolor";
      if (s == "mfc" || s == "markerfacecolor") return "markerfacecolor";
      if (s == "mec" || s == "markeredgecolor") return "markeredgecolor";
      if (is_none_text(s)) return "None";
      return validate_color(raw);
    case RcKind::real_list:
    case RcKind::integer_list:
    case RcKind::string_list: {
      std::vector<std::string> items = split_list(raw);
      if (e.count > 0 && items.size() != static_cast<std::size_t>(e.count)) {
        throw Invalid{fmt::format("Expected {} values, but there are {} values in {}", e.count,
                                  items.size(), raw)};
      }
      for (auto& item : items) {
        if (e.kind == RcKind::real_list) validate_real(item);
        if (e.kind == RcKind::integer_list) item = std::to_string(validate_integer(item));
      }
      return join(items);
    }
    case RcKind::fontsize:
      return validate_fontsize(raw);
    case RcKind::fontsize_or_none:
      if (is_none_text(s)) return "None";
      return validate_fontsize(raw);
    case RcKind::fontweight:
      return validate_fontweight(raw);
    case RcKind::cycler:
      return validate_cycler(raw);
    case RcKind::dpi:
      if (s == "figure") return "figure";
      if (py_float(s)) return std::string(s);
      throw Invalid{fmt::format("{} is not string \"figure\" and could not convert {} to float",
                                py_repr(raw), py_repr(raw))};
    case RcKind::unit_closed:
    case RcKind::unit_half_open: {
      const double v = validate_real(raw);
      const bool open = e.kind == RcKind::unit_half_open;
      if (!(v >= 0.0 && (open ? v < 1.0 : v <= 1.0))) {
        throw Invalid{
            fmt::format("Value must be >=0 and {}1; got {}", open ? "<" : "<=", py_float_repr(v))};
      }
      return std::string(s);
    }
    case RcKind::in_strings:
    case RcKind::in_strings_nocase: {
      const std::vector<std::string> choices = [&] {
        std::vector<std::string> c;
        std::string_view all = e.choices;
        std::size_t pos = 0;
        while (pos <= all.size()) {
          const std::size_t bar = all.find('|', pos);
          c.emplace_back(
              all.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos));
          if (bar == std::string_view::npos) break;
          pos = bar + 1;
        }
        return c;
      }();
      const bool nocase = e.kind == RcKind::in_strings_nocase;
      for (const auto& c : choices) {
        if (nocase ? py_lower(c) == py_lower(s) : c == s) return c;
      }
      std::string list = "[";
      for (std::size_t i = 0; i < choices.size(); ++i)
        list += (i ? ", " : "") + py_repr(choices[i]);
      list += "]";
      throw Invalid{fmt::format("{} is not a valid value for {}; supported values are {}",
                                py_repr(raw), e.key, list)};
    }
    case RcKind::capstyle:
    case RcKind::joinstyle: {
      const bool cap = e.kind == RcKind::capstyle;
      const std::array<std::string_view, 3> ok =
          cap ? std::array<std::string_view, 3>{"butt", "projecting", "round"}
              : std::array<std::string_view, 3>{"miter", "round", "bevel"};
      for (std::string_view o : ok)
        if (s == o) return std::string(s);
      throw Invalid{
          fmt::format("{} is not a valid {}", py_repr(raw), cap ? "CapStyle" : "JoinStyle")};
    }
  }
  return std::string(raw);
}

// ---- storage ----

using ValueMap = std::map<std::string, std::string, std::less<>>;

struct Global {
  std::shared_mutex mutex;
  ValueMap values;
  Global() {
    for (std::size_t i = 0; i < detail::k_rc_defaults_size; ++i) {
      values.emplace(detail::k_rc_defaults[i].key, detail::k_rc_defaults[i].value);
    }
  }
};

Global& global() {
  static Global g;
  return g;
}

std::vector<ValueMap>& thread_stack() {
  thread_local std::vector<ValueMap> stack;
  return stack;
}

std::string lookup(std::string_view key) {
  const RcDefaultEntry& e = entry_or_throw(key);
  const auto& stack = thread_stack();
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    if (auto f = it->find(key); f != it->end()) return f->second;
  }
  Global& g = global();
  std::shared_lock lock(g.mutex);
  if (auto f = g.values.find(key); f != g.values.end()) return f->second;
  return e.value;
}

// Validated pairs written to the innermost context, or process-wide.
void store(const RcPairs& validated) {
  auto& stack = thread_stack();
  if (!stack.empty()) {
    for (const auto& [k, v] : validated) stack.back()[k] = v;
    return;
  }
  Global& g = global();
  std::unique_lock lock(g.mutex);
  for (const auto& [k, v] : validated) g.values[k] = v;
}

RcPairs validate_all(const RcPairs& values) {
  RcPairs out;
  out.reserve(values.size());
  for (const auto& [k, v] : values) out.emplace_back(k, validate_rc(k, v));
  return out;
}

// matplotlib's style.core.STYLE_BLACKLIST.
bool style_blacklisted(std::string_view key) {
  static constexpr std::array<std::string_view, 12> keys{"interactive",
                                                         "backend",
                                                         "webagg.port",
                                                         "webagg.address",
                                                         "webagg.port_retries",
                                                         "webagg.open_in_browser",
                                                         "backend_fallback",
                                                         "toolbar",
                                                         "timezone",
                                                         "figure.max_open_warning",
                                                         "figure.raise_window",
                                                         "savefig.directory"};
  return std::find(keys.begin(), keys.end(), key) != keys.end() || key == "tk.window_focus" ||
         key == "docstring.hardcopy" || key == "date.epoch";
}

std::string not_a(std::string_view key, std::string_view text, std::string_view what) {
  return fmt::format("Key {}: {} is not {}", key, py_repr(text), what);
}

}  // namespace

std::string validate_rc(std::string_view key, std::string_view value) {
  const RcDefaultEntry& e = entry_or_throw(key);
  try {
    return validate_value(e, value);
  } catch (const Invalid& inv) {
    throw ValueError(fmt::format("Key {}: {}", key, inv.message));
  } catch (const ValueError& err) {
    throw ValueError(fmt::format("Key {}: {}", key, err.what()));
  }
}

std::string rc_default(std::string_view key) { return entry_or_throw(key).value; }

RcParams rc() { return {}; }

std::string RcParams::get_string(std::string_view key) const { return lookup(key); }

double RcParams::get_double(std::string_view key) const {
  const std::string text = lookup(key);
  if (auto v = py_float(text)) return *v;
  throw ValueError(not_a(key, text, "a number"));
}

int RcParams::get_int(std::string_view key) const {
  const std::string text = lookup(key);
  if (auto v = py_int(text)) return static_cast<int>(*v);
  throw ValueError(not_a(key, text, "an integer"));
}

bool RcParams::get_bool(std::string_view key) const {
  const std::string text = lookup(key);
  try {
    return validate_bool(text) == "True";
  } catch (const Invalid&) {
    throw ValueError(not_a(key, text, "a boolean"));
  }
}

Rgba RcParams::get_color(std::string_view key) const {
  const std::string text = lookup(key);
  try {
    return color_from_text(text);
  } catch (const ValueError&) {
    throw ValueError(not_a(key, text, "a color"));
  }
}

double RcParams::get_fontsize(std::string_view key) const {
  const std::string text = lookup(key);
  for (const auto& [name, scale] : k_font_scalings) {
    if (text == name) return scale * get_double("font.size");
  }
  if (auto v = py_float(text)) return *v;
  throw ValueError(not_a(key, text, "a font size"));
}

std::vector<std::string> RcParams::get_list(std::string_view key) const {
  return split_list(lookup(key));
}

std::vector<double> RcParams::get_doubles(std::string_view key) const {
  std::vector<double> out;
  for (const auto& item : get_list(key)) {
    const auto v = py_float(item);
    if (!v) throw ValueError(not_a(key, item, "a number"));
    out.push_back(*v);
  }
  return out;
}

std::vector<PropCycleEntry> RcParams::get_prop_cycle() const {
  const std::string text = lookup("axes.prop_cycle");
  try {
    return CyclerParser(text).parse();
  } catch (const Invalid& e) {
    throw ValueError(fmt::format("Key axes.prop_cycle: {}", e.message));
  }
}

std::vector<Rgba> RcParams::get_color_cycle() const {
  for (const auto& e : get_prop_cycle()) {
    if (e.property != "color") continue;
    std::vector<Rgba> out;
    out.reserve(e.values.size());
    for (const auto& v : e.values) out.push_back(color_from_text(v));
    return out;
  }
  return {colors::black};
}

bool RcParams::is_none(std::string_view key) const { return lookup(key) == "None"; }

void RcParams::set(std::string_view key, std::string_view value) const {
  store({{std::string(key), validate_rc(key, value)}});
}

void RcParams::update(const RcPairs& values) const { store(validate_all(values)); }

bool RcParams::contains(std::string_view key) { return find_entry(key) != nullptr; }

std::vector<std::string> RcParams::keys() {
  std::vector<std::string> out;
  out.reserve(detail::k_rc_defaults_size);
  for (std::size_t i = 0; i < detail::k_rc_defaults_size; ++i)
    out.emplace_back(detail::k_rc_defaults[i].key);
  return out;
}

void rcdefaults() {
  RcPairs defaults;
  for (std::size_t i = 0; i < detail::k_rc_defaults_size; ++i) {
    const auto& e = detail::k_rc_defaults[i];
    if (!style_blacklisted(e.key)) defaults.emplace_back(e.key, e.value);
  }
  store(defaults);
}

rc_context::rc_context(
    std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  ValueMap frame;
  for (const auto& [k, v] : values) frame[std::string(k)] = validate_rc(k, v);
  auto& stack = thread_stack();
  stack.push_back(std::move(frame));
  depth_ = stack.size();
}

rc_context::rc_context(const RcPairs& values) {
  ValueMap frame;
  for (const auto& [k, v] : values) frame[k] = validate_rc(k, v);
  auto& stack = thread_stack();
  stack.push_back(std::move(frame));
  depth_ = stack.size();
}

rc_context::~rc_context() {
  auto& stack = thread_stack();
  // Scoped use pops in order; a mismatched depth means misuse (e.g. destroyed on another
  // thread): drop this frame and everything pushed above it.
  if (stack.size() >= depth_ && depth_ > 0) stack.resize(depth_ - 1);
}

namespace style {

namespace {

// matplotlib's cbook._strip_comment: '#' starts a comment unless inside "double quotes".
std::string_view strip_comment(std::string_view s, bool& unterminated) {
  std::size_t pos = 0;
  for (;;) {
    const std::size_t quote = s.find('"', pos);
    const std::size_t hash = s.find('#', pos);
    if (quote == std::string_view::npos)
      return py_strip(hash == std::string_view::npos ? s : s.substr(0, hash));
    if (hash != std::string_view::npos && hash < quote) return py_strip(s.substr(0, hash));
    const std::size_t closing = s.find('"', quote + 1);
    if (closing == std::string_view::npos) {
      unterminated = true;
      return {};
    }
    pos = closing + 1;
  }
}

const detail::StyleSheetEntry* find_style(std::string_view name) {
  for (std::size_t i = 0; i < detail::k_style_sheets_size; ++i) {
    if (name == detail::k_style_sheets[i].name) return &detail::k_style_sheets[i];
  }
  return nullptr;
}

void apply(const RcPairs& pairs) {
  RcPairs kept;
  for (const auto& p : pairs) {
    if (!style_blacklisted(p.first)) kept.push_back(p);
  }
  store(kept);
}

}  // namespace

RcPairs parse_style(std::string_view text, std::string_view source) {
  RcPairs out;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    bool unterminated = false;
    const std::string_view stripped = strip_comment(line, unterminated);
    if (unterminated) {
      throw ValueError(
          fmt::format("Missing closing quote in {}, line {}: {}", source, line_no, line));
    }
    if (stripped.empty()) continue;
    const std::size_t colon = stripped.find(':');
    if (colon == std::string_view::npos) {
      throw ValueError(fmt::format("Missing colon in {}, line {}: {}", source, line_no, line));
    }
    const std::string_view key = py_strip(stripped.substr(0, colon));
    std::string_view val = py_strip(stripped.substr(colon + 1));
    if (val.size() >= 2 && val.front() == '"' && val.back() == '"')
      val = val.substr(1, val.size() - 2);
    if (!RcParams::contains(key)) continue;  // matplotlib warns "Bad key" and goes on
    try {
      out.emplace_back(std::string(key), validate_rc(key, val));
    } catch (const ValueError& e) {
      throw ValueError(
          fmt::format("Bad value in {}, line {} ({}): {}", source, line_no, line, e.what()));
    }
  }
  return out;
}

RcPairs read_style_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IOError(fmt::format("cannot read style file {}", py_repr(path)));
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_style(ss.str(), path);
}

std::vector<std::string> available() {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < detail::k_style_sheets_size; ++i)
    out.emplace_back(detail::k_style_sheets[i].name);
  std::sort(out.begin(), out.end());
  return out;
}

void use(std::string_view name) {
  if (name == "default") {
    rcdefaults();
    return;
  }
  if (const auto* sheet = find_style(name)) {
    apply(parse_style(sheet->text, name));
    return;
  }
  std::ifstream probe{std::string(name)};
  if (!probe) {
    throw ValueError(
        fmt::format("{} not found in the style library and input is not a valid URL or path; see "
                    "`style.available` for list of available styles",
                    py_repr(name)));
  }
  apply(read_style_file(std::string(name)));
}

void use(const std::vector<std::string>& styles) {
  for (const auto& s : styles) use(s);
}

}  // namespace style

}  // namespace strata
