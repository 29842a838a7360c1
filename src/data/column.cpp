// SPDX-License-Identifier: MIT
// Column (typed, strided, possibly borrowed 1-D arrays), dtype helpers, QueryResult::at, and
// the shape mini-language checks shared by every container ("N", "N+1", "3", "N,M").
#include <fmt/format.h>

#include <atomic>
#include <cstring>
#include <optional>

#include "data/dtype_visit.hpp"
#include "strata/data/container.hpp"
#include "strata/error.hpp"

namespace strata {

std::size_t dtype_size(DType t) {
  switch (t) {
    case DType::float64:
      return 8;
    case DType::float32:
      return 4;
    case DType::int64:
      return 8;
    case DType::int32:
      return 4;
    case DType::int16:
      return 2;
    case DType::int8:
      return 1;
    case DType::uint64:
      return 8;
    case DType::uint32:
      return 4;
    case DType::uint16:
      return 2;
    case DType::uint8:
      return 1;
  }
  throw ValueError(fmt::format("dtype_size: invalid dtype {}", static_cast<int>(t)));
}

const char* dtype_name(DType t) {
  switch (t) {
    case DType::float64:
      return "float64";
    case DType::float32:
      return "float32";
    case DType::int64:
      return "int64";
    case DType::int32:
      return "int32";
    case DType::int16:
      return "int16";
    case DType::int8:
      return "int8";
    case DType::uint64:
      return "uint64";
    case DType::uint32:
      return "uint32";
    case DType::uint16:
      return "uint16";
    case DType::uint8:
      return "uint8";
  }
  throw ValueError(fmt::format("dtype_name: invalid dtype {}", static_cast<int>(t)));
}

// ---- Column ----

namespace {

/// Reads one element of type T at `p` (any alignment) as double.
template <class T>
double load(const std::byte* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return static_cast<double>(v);
}

/// Converts `n` elements of type T from `src` (stride in bytes) into `out`.
template <class T>
void convert(const std::byte* src, std::ptrdiff_t stride, std::size_t n, double* out) {
  for (std::size_t i = 0; i < n; ++i, src += stride) out[i] = load<T>(src);
}

template <class F>
decltype(auto) visit_dtype(DType t, F&& f) {
  return strata::detail::visit_dtype(t, std::forward<F>(f), "Column");
}

}  // namespace

Column Column::from_vector(std::vector<double> values) {
  auto owner = std::make_shared<const std::vector<double>>(std::move(values));
  const double* p = owner->data();
  const std::size_t n = owner->size();
  return Column(DType::float64, p, n, static_cast<std::ptrdiff_t>(sizeof(double)),
                std::move(owner));
}

std::span<const double> Column::as_span() const {
  STRATA_ASSERT(is_contiguous_double(),
                fmt::format("Column::as_span on a {} column with stride {} bytes",
                            dtype_name(dtype_), stride_));
  if (size_ == 0) return {};
  return {reinterpret_cast<const double*>(data_), size_};
}

double Column::operator[](std::size_t i) const {
#ifndef NDEBUG
  STRATA_ASSERT(i < size_, fmt::format("Column index {} out of range (size {})", i, size_));
#endif
  const std::byte* p = data_ + static_cast<std::ptrdiff_t>(i) * stride_;
  switch (dtype_) {
    case DType::float64:
      return load<double>(p);
    case DType::float32:
      return load<float>(p);
    case DType::int64:
      return load<std::int64_t>(p);
    case DType::int32:
      return load<std::int32_t>(p);
    case DType::int16:
      return load<std::int16_t>(p);
    case DType::int8:
      return load<std::int8_t>(p);
    case DType::uint64:
      return load<std::uint64_t>(p);
    case DType::uint32:
      return load<std::uint32_t>(p);
    case DType::uint16:
      return load<std::uint16_t>(p);
    case DType::uint8:
      return load<std::uint8_t>(p);
  }
  throw ValueError(fmt::format("Column: invalid dtype {}", static_cast<int>(dtype_)));
}

void Column::copy_to(std::span<double> out, std::size_t first) const {
  if (first > size_ || out.size() > size_ - first) {
    throw ValueError(fmt::format("Column.copy_to: elements [{}, {}) out of range (size {})", first,
                                 first + out.size(), size_));
  }
  if (out.empty()) return;
  const std::byte* src = data_ + static_cast<std::ptrdiff_t>(first) * stride_;
  if (is_contiguous_double()) {
    std::memcpy(out.data(), src, out.size() * sizeof(double));
    return;
  }
  visit_dtype(dtype_, [&]<class T>() { convert<T>(src, stride_, out.size(), out.data()); });
}

std::vector<double> Column::to_vector() const {
  std::vector<double> v(size_);
  copy_to(v);
  return v;
}

Column Column::slice(std::size_t first, std::size_t count) const {
  if (first > size_ || count > size_ - first) {
    throw ValueError(fmt::format("Column.slice: elements [{}, {}) out of range (size {})", first,
                                 first + count, size_));
  }
  const std::byte* p = count == 0 ? data_ : data_ + static_cast<std::ptrdiff_t>(first) * stride_;
  return Column(dtype_, p, count, stride_, owner_);
}

// ---- QueryResult ----

namespace {
std::string join_keys(const auto& map) {
  std::string s;
  for (const auto& [name, value] : map) {
    if (!s.empty()) s += ", ";
    s += name;
  }
  return s;
}
}  // namespace

const Column& QueryResult::at(const std::string& name) const {
  auto it = columns.find(name);
  if (it == columns.end()) {
    throw ValueError(
        fmt::format("QueryResult.at: no field '{}' (fields: {})", name, join_keys(columns)));
  }
  return it->second;
}

std::uint64_t new_container_id() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

// ---- Shape relations ----

namespace {

/// One dimension of a shape: `symbol + offset`, or the constant `offset` when symbol is empty.
struct Dim {
  std::string symbol;
  std::int64_t offset = 0;
};

bool is_ident_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Parses "N", "N+1", "N-1", "3"; nullopt (with `why`) when malformed.
std::optional<Dim> parse_dim(std::string_view s, std::string& why) {
  // Strip spaces.
  std::string t;
  for (char c : s)
    if (c != ' ') t.push_back(c);
  if (t.empty()) {
    why = "empty dimension";
    return std::nullopt;
  }
  Dim d;
  std::size_t i = 0;
  if (is_ident_start(t[0])) {
    while (i < t.size() && (is_ident_start(t[i]) || is_digit(t[i]))) ++i;
    d.symbol = t.substr(0, i);
    if (i == t.size()) return d;
    if (t[i] != '+' && t[i] != '-') {
      why = fmt::format("unexpected '{}' after symbol '{}'", t[i], d.symbol);
      return std::nullopt;
    }
  }
  bool negative = false;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
    if (d.symbol.empty()) {
      why = "a sign needs a symbol before it";
      return std::nullopt;
    }
    negative = t[i] == '-';
    ++i;
  }
  if (i == t.size()) {
    why = "missing integer";
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (; i < t.size(); ++i) {
    if (!is_digit(t[i])) {
      why = fmt::format("unexpected '{}'", t[i]);
      return std::nullopt;
    }
    if (value > (std::int64_t{1} << 53)) {
      why = "integer too large";
      return std::nullopt;
    }
    value = value * 10 + (t[i] - '0');
  }
  d.offset = negative ? -value : value;
  return d;
}

std::optional<std::vector<Dim>> parse_shape(std::string_view shape, std::string& why) {
  std::vector<Dim> dims;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = shape.find(',', start);
    const std::string_view part = shape.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    auto d = parse_dim(part, why);
    if (!d) return std::nullopt;
    dims.push_back(std::move(*d));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return dims;
}

std::vector<Dim> parse_or_throw(std::string_view context, std::string_view field,
                                std::string_view shape) {
  std::string why;
  auto dims = parse_shape(shape, why);
  if (!dims) {
    throw ValueError(fmt::format(
        "{}: field '{}' has invalid shape '{}' ({}; expected e.g. 'N', 'N+1', '3' or 'N,M')",
        context, field, shape, why));
  }
  return std::move(*dims);
}

/// A symbol's value and the field it was learned from.
struct Binding {
  std::int64_t value = 0;
  std::string field;
  std::size_t length = 0;
  std::string shape;
};

}  // namespace

void check_shape_syntax(std::string_view context, std::string_view field, std::string_view shape) {
  (void)parse_or_throw(context, field, shape);
}

void check_lengths(std::string_view context, const std::map<std::string, FieldDesc>& fields,
                   const std::map<std::string, std::size_t>& lengths) {
  struct Item {
    const std::string* name;
    const std::string* shape;
    std::vector<Dim> dims;
    std::int64_t length;
    std::size_t raw_length;
    bool done = false;
  };
  std::vector<Item> items;
  for (const auto& [name, length] : lengths) {
    auto it = fields.find(name);
    if (it == fields.end()) {
      throw ValueError(fmt::format("{}: field '{}' is not described (described: {})", context, name,
                                   join_keys(fields)));
    }
    items.push_back(Item{&name, &it->second.shape, parse_or_throw(context, name, it->second.shape),
                         static_cast<std::int64_t>(length), length});
  }
  std::map<std::string, Binding> bound;

  auto mismatch = [&](const Item& item, const Binding& b) {
    if (*item.shape == b.shape) {
      return ValueError(fmt::format("{}: field '{}' has {} values but '{}' has {}", context,
                                    *item.name, item.raw_length, b.field, b.length));
    }
    return ValueError(
        fmt::format("{}: field '{}' (shape '{}') has {} values but '{}' (shape '{}') has {}",
                    context, *item.name, *item.shape, item.raw_length, b.field, b.shape, b.length));
  };
  auto bind = [&](const Item& item, const std::string& symbol, std::int64_t value) {
    if (value < 0) {
      throw ValueError(fmt::format("{}: field '{}' has {} values, too few for its shape '{}'",
                                   context, *item.name, item.raw_length, *item.shape));
    }
    bound.emplace(symbol, Binding{value, *item.name, item.raw_length, *item.shape});
  };

  // Pass 1: one-dimensional fields, plain symbols ("N") first, so that messages compare a
  // field with the field that defines the symbol; then "N+1"-style and constants.
  for (int pass = 0; pass < 2; ++pass) {
    for (Item& item : items) {
      if (item.done || item.dims.size() != 1) continue;
      const Dim& d = item.dims[0];
      if ((pass == 0) != (d.offset == 0 && !d.symbol.empty())) continue;
      item.done = true;
      if (d.symbol.empty()) {
        if (item.length != d.offset) {
          throw ValueError(fmt::format("{}: field '{}' has {} values but its shape is '{}'",
                                       context, *item.name, item.raw_length, *item.shape));
        }
        continue;
      }
      auto b = bound.find(d.symbol);
      if (b == bound.end()) {
        bind(item, d.symbol, item.length - d.offset);
      } else if (b->second.value + d.offset != item.length) {
        throw mismatch(item, b->second);
      }
    }
  }
  // Pass 2: multi-dimensional fields; solve for at most one unknown symbol at a time.
  for (bool progress = true; progress;) {
    progress = false;
    for (Item& item : items) {
      if (item.done) continue;
      std::int64_t known = 1;
      const Dim* unknown = nullptr;
      int unknown_count = 0;
      for (const Dim& d : item.dims) {
        if (d.symbol.empty()) {
          known *= d.offset;
        } else if (auto b = bound.find(d.symbol); b != bound.end()) {
          known *= b->second.value + d.offset;
        } else {
          if (unknown == nullptr || unknown->symbol != d.symbol) ++unknown_count;
          unknown = &d;
        }
      }
      if (unknown_count == 0) {
        item.done = true;
        progress = true;
        if (known != item.length) {
          std::string values;
          for (const Dim& d : item.dims) {
            if (d.symbol.empty()) continue;
            if (!values.empty()) values += ", ";
            const Binding& b = bound.at(d.symbol);
            values += fmt::format("{}={} from '{}'", d.symbol, b.value, b.field);
          }
          throw ValueError(fmt::format("{}: field '{}' has {} values but its shape '{}' needs {}{}",
                                       context, *item.name, item.raw_length, *item.shape, known,
                                       values.empty() ? "" : " (" + values + ")"));
        }
      } else if (unknown_count == 1) {
        // Count how often the unknown symbol appears; solve only when it appears once.
        int uses = 0;
        for (const Dim& d : item.dims) uses += d.symbol == unknown->symbol ? 1 : 0;
        if (uses != 1) continue;
        if (known == 0 || item.length % known != 0) {
          throw ValueError(fmt::format(
              "{}: field '{}' has {} values, which is not a multiple of {} as its shape '{}' needs",
              context, *item.name, item.raw_length, known, *item.shape));
        }
        bind(item, unknown->symbol, item.length / known - unknown->offset);
        item.done = true;
        progress = true;
      }
    }
  }
  // Anything left has two or more unknown symbols and no other field to pin them: accepted.
}

void check_query_result(std::string_view context, const QueryResult& result,
                        const std::map<std::string, FieldDesc>& fields) {
  std::map<std::string, std::size_t> lengths;
  for (const auto& [name, column] : result.columns) {
    auto it = fields.find(name);
    if (it == fields.end()) {
      throw ValueError(fmt::format("{}: field '{}' is returned but not described (described: {})",
                                   context, name, join_keys(fields)));
    }
    if (it->second.dtype != column.dtype()) {
      throw ValueError(fmt::format("{}: field '{}' has dtype {} but describe() says {}", context,
                                   name, dtype_name(column.dtype()), dtype_name(it->second.dtype)));
    }
    lengths.emplace(name, column.size());
  }
  for (const auto& [name, desc] : fields) {
    if (!result.columns.contains(name)) {
      throw ValueError(fmt::format("{}: field '{}' is described but not returned (returned: {})",
                                   context, name, join_keys(result.columns)));
    }
  }
  check_lengths(context, fields, lengths);
}

}  // namespace strata
