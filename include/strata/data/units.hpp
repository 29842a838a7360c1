// SPDX-License-Identifier: MIT
#pragma once
// Units: step 2 of the draw pipeline (matplotlib's units.py, dates.py and category.py).
// Unit-full values (dates, category strings, user types such as lengths with a unit) become
// floats through the converter an Axis holds. A converter implements ConversionInterface;
// a UnitRegistry maps a C++ element type (std::type_index) to its converter; an AxisUnits
// (owned by an Axis) picks the converter from the first data it sees, holds the axis' units
// and converts every series with them.
//
// Values arrive type-erased in a UnitValues. Its templates are thin: they name the element
// type and forward to non-template code in src/data/units.cpp.

#include <any>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>
#include <utility>
#include <vector>

#include "strata/data/container.hpp"
#include "strata/data/data_ref.hpp"
#include "strata/export.hpp"

namespace strata {

// ---- dates ----------------------------------------------------------------------------------

/// The time points Strata stores dates as: microseconds since 1970-01-01T00:00:00 UTC (the
/// precision of Python's datetime, which matplotlib's num2date returns).
using DateTime = std::chrono::sys_time<std::chrono::microseconds>;

namespace detail {

/// date2num of the instant `seconds` + `nanoseconds` * 1e-9 s after 1970-01-01T00:00:00 UTC,
/// with 0 <= nanoseconds < 1e9, computed as numpy/matplotlib do for datetime64.
[[nodiscard]] STRATA_API double date2num_parts(std::int64_t seconds, std::int64_t nanoseconds);

/// True for std::chrono::sys_time<D> (any duration D).
template <class T>
inline constexpr bool is_sys_time_v = false;
/// True for std::chrono::sys_time<D> (any duration D).
template <class D>
inline constexpr bool is_sys_time_v<std::chrono::sys_time<D>> = true;

}  // namespace detail

/// Converts a UTC time point to a matplotlib date number: float days since
/// 1970-01-01T00:00:00 UTC (matplotlib's default epoch since 3.3), computed exactly as
/// matplotlib.dates.date2num does (whole seconds and the sub-second part are added as
/// doubles, then divided by 86400). Any std::chrono::sys_time works: sys_days, sys_seconds,
/// sys_time<microseconds>, sys_time<nanoseconds>, ...
///
/// **Example**
/// ```
/// using namespace std::chrono;
/// strata::date2num(sys_days{2000y / January / 1});            // 10957.0
/// strata::date2num(sys_days{1970y / January / 1} + 12h);      // 0.5
/// ```
template <class Duration>
[[nodiscard]] double date2num(std::chrono::sys_time<Duration> t) {
  const auto s = std::chrono::floor<std::chrono::seconds>(t);
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t - s);
  return detail::date2num_parts(static_cast<std::int64_t>(s.time_since_epoch().count()),
                                static_cast<std::int64_t>(ns.count()));
}

/// Converts a matplotlib date number (float days since 1970-01-01T00:00:00 UTC) back to a
/// UTC time point, as matplotlib.dates.num2date does: rounded to the nearest microsecond
/// (half to even), and for |x| > 70 * 365 days further to the nearest 20 microseconds (half
/// to even), which hides float round-off. Throws strata::ValueError when `x` is not finite or
/// the date falls outside the years 0001..9999.
///
/// **Example**
/// ```
/// strata::DateTime t = strata::num2date(0.5);   // 1970-01-01T12:00:00
/// ```
[[nodiscard]] STRATA_API DateTime num2date(double x);

// ---- type-erased values ---------------------------------------------------------------------

/// What kind of values a UnitValues holds.
enum class UnitKind : std::uint8_t {
  numbers,  ///< arithmetic values (a Column): already floats, no unit
  dates,    ///< UTC time points (DateTime)
  strings,  ///< category names
  user,     ///< a vector of a user type T, converted by the converter registered for T
};

/// A readable name of a type for error messages: "double", "std::int32_t",
/// "std::chrono::sys_days", "std::string", "const char*", ...; other types by their
/// demangled name.
[[nodiscard]] STRATA_API std::string type_name(std::type_index type);

class UnitValues;

namespace detail {

/// Element types UnitValues handles itself (numbers, dates, strings); others are user types.
template <class T>
concept builtin_unit_element = column_element<T> || is_sys_time_v<T> ||
    std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view> ||
    std::is_same_v<T, const char*> || std::is_same_v<T, char*> || std::is_same_v<T, bool>;

/// Throws strata::ValueError unless `values` holds user values of type `requested`.
STRATA_API void check_user_type(const UnitValues& values, std::type_index requested);

}  // namespace detail

/// The values of one series on one axis, of any kind, type-erased for the unit machinery.
/// Cheap to copy (the storage is shared and immutable). It remembers the C++ element type the
/// caller gave (type()), which selects the converter in a UnitRegistry.
///
/// - numbers: any Column / DataRef, or a vector/span/array of float, double or 8..64-bit
///   integers (kept in their dtype; the type is the fixed-width type of the dtype, e.g. a
///   `std::vector<long long>` has type std::int64_t);
/// - dates: `std::vector<std::chrono::sys_days>`, `std::vector<sys_time<microseconds>>` or any
///   other `std::vector<sys_time<D>>` (stored as DateTime; finer than microseconds is rounded
///   to the nearest microsecond);
/// - strings: `std::vector<std::string>`, `std::vector<std::string_view>`,
///   `std::vector<const char*>` or a braced list of string literals (stored as std::string);
/// - user types: `std::vector<T>` for any other T (kept as it is; read with user_values<T>()).
///
/// **Example**
/// ```
/// using namespace std::chrono;
/// strata::UnitValues a = std::vector<double>{1.0, 2.0};
/// strata::UnitValues b = std::vector<sys_days>{sys_days{2000y / 1 / 1}};
/// strata::UnitValues c = {"apple", "pear"};
/// strata::UnitValues d = std::vector<Length>{{1.0, LengthUnit::feet}};  // a user type
/// ```
class STRATA_API UnitValues {
 public:
  /// No values (numbers, float64, size 0). Allocates nothing.
  UnitValues() = default;

  /// Numbers from a column (shared, not copied; a borrowed column stays borrowed).
  UnitValues(Column column);  // NOLINT(google-explicit-constructor): implicit by design
  /// Numbers from a DataRef (shared, not copied).
  UnitValues(const DataRef& values);  // NOLINT(google-explicit-constructor)
  /// Numbers copied from a contiguous range (vector, span, array, C array).
  template <detail::column_range R>
  UnitValues(const R& values)  // NOLINT(google-explicit-constructor)
      : UnitValues(DataRef(values)) {}
  /// Numbers: an rvalue vector is moved in, not copied.
  template <detail::column_element T>
  UnitValues(std::vector<T>&& values)  // NOLINT(google-explicit-constructor)
      : UnitValues(DataRef(std::move(values))) {}
  /// Numbers copied from a braced list of doubles.
  UnitValues(std::initializer_list<double> values);  // NOLINT(google-explicit-constructor)

  /// Dates (whole days, UTC).
  UnitValues(const std::vector<std::chrono::sys_days>& values);  // NOLINT
  /// Dates with microseconds (UTC).
  UnitValues(std::vector<DateTime> values);  // NOLINT(google-explicit-constructor)
  /// Dates of any other precision, rounded to the nearest microsecond.
  template <class Duration>
  UnitValues(const std::vector<std::chrono::sys_time<Duration>>& values)  // NOLINT
      : UnitValues(to_date_times(values), typeid(std::chrono::sys_time<Duration>)) {}

  /// Category strings.
  UnitValues(std::vector<std::string> values);  // NOLINT(google-explicit-constructor)
  /// Category strings (copied).
  UnitValues(const std::vector<std::string_view>& values);  // NOLINT
  /// Category strings (copied); throws strata::ValueError on a null pointer.
  UnitValues(const std::vector<const char*>& values);  // NOLINT
  /// Category strings from a braced list of literals; throws strata::ValueError on null.
  UnitValues(std::initializer_list<const char*> values);  // NOLINT

  /// Values of a user type T (moved in; the converter registered for T reads them).
  template <class T>
  requires(!detail::builtin_unit_element<T>)
      UnitValues(std::vector<T> values)  // NOLINT(google-explicit-constructor)
      : UnitValues(adopt_user(std::make_shared<const std::vector<T>>(std::move(values)))) {}

  /// The kind of values.
  [[nodiscard]] UnitKind kind() const { return kind_; }
  /// The element type given by the caller (the key into a UnitRegistry).
  [[nodiscard]] std::type_index type() const { return type_; }
  /// strata::type_name(type()).
  [[nodiscard]] std::string type_name() const;
  /// Number of values.
  [[nodiscard]] std::size_t size() const {
    return kind_ == UnitKind::numbers ? numbers_.size() : size_;
  }
  /// True when there are no values.
  [[nodiscard]] bool empty() const { return size() == 0; }

  /// The numbers; throws strata::ValueError unless kind() is numbers.
  [[nodiscard]] const Column& numbers() const;
  /// The dates; throws strata::ValueError unless kind() is dates.
  [[nodiscard]] std::span<const DateTime> dates() const;
  /// The strings; throws strata::ValueError unless kind() is strings.
  [[nodiscard]] std::span<const std::string> strings() const;
  /// The values of user type T; throws strata::ValueError naming both types unless they are
  /// of type T.
  template <class T>
  [[nodiscard]] std::span<const T> user_values() const {
    detail::check_user_type(*this, typeid(T));
    return {static_cast<const T*>(data_), size_};
  }

 private:
  UnitValues(std::vector<DateTime> values, std::type_index type);
  UnitValues(std::shared_ptr<const void> owner, const void* data, std::size_t size,
             std::type_index type);

  template <class Duration>
  static std::vector<DateTime> to_date_times(
      const std::vector<std::chrono::sys_time<Duration>>& v) {
    std::vector<DateTime> out;
    out.reserve(v.size());
    for (const auto& t : v) out.push_back(std::chrono::round<std::chrono::microseconds>(t));
    return out;
  }
  template <class T>
  static UnitValues adopt_user(std::shared_ptr<const std::vector<T>> v) {
    const T* p = v->data();
    const std::size_t n = v->size();
    return UnitValues(std::shared_ptr<const void>(std::move(v)), p, n, typeid(T));
  }

  UnitKind kind_ = UnitKind::numbers;
  std::type_index type_ = typeid(double);
  Column numbers_;                     // numbers
  std::shared_ptr<const void> owner_;  // dates, strings, user: the vector
  const void* data_ = nullptr;         // its first element
  std::size_t size_ = 0;               // its size
};

// ---- categories -----------------------------------------------------------------------------

/// The mapping of category strings to 0, 1, 2, ... in order of first appearance
/// (matplotlib.category.UnitData). It is the units of a categorical axis and is shared (by
/// std::shared_ptr) with the category locator and formatter, which see later additions.
/// Updates keep existing numbers. Thread-safe.
///
/// **Example**
/// ```
/// strata::UnitData d;
/// d.update(std::vector<std::string>{"b", "a", "b"});   // b -> 0, a -> 1
/// d.update(std::vector<std::string>{"c", "a"});        // c -> 2
/// d.labels();                                          // {"b", "a", "c"}
/// ```
class STRATA_API UnitData {
 public:
  /// No categories.
  UnitData() = default;
  /// The categories of `data`, in order of first appearance.
  explicit UnitData(std::span<const std::string> data);

  /// Adds the strings not yet mapped, numbered from size() on in order of first appearance.
  void update(std::span<const std::string> data);
  /// update(data), then the number of each string (one lock for both).
  [[nodiscard]] std::vector<double> map(std::span<const std::string> data);
  /// The number of `category`, or nullopt when it is not mapped.
  [[nodiscard]] std::optional<double> index_of(std::string_view category) const;
  /// The categories in order of their numbers (the tick labels of a categorical axis).
  [[nodiscard]] std::vector<std::string> labels() const;
  /// Number of categories.
  [[nodiscard]] std::size_t size() const;

 private:
  void update_locked(std::span<const std::string> data);

  mutable std::mutex mutex_;
  std::vector<std::string> labels_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

// ---- converters -----------------------------------------------------------------------------

/// The units of an axis: whatever its converter understands (matplotlib's "unit" argument).
/// Empty for plain numbers and dates (UTC); `std::shared_ptr<UnitData>` for categories; a
/// user value (e.g. an enum naming a length unit) for user converters.
using Units = std::any;

/// A tick locator or formatter an axis should use, named by its matplotlib class
/// ("AutoDateLocator", "StrCategoryFormatter", ...); the artist layer builds it.
struct TickerHint {
  /// matplotlib class name; empty: keep the axis' current locator/formatter.
  std::string name{};
  /// What the class needs: `std::shared_ptr<const UnitData>` for the category ticker, `bool`
  /// interval_multiples for AutoDateLocator; empty when nothing.
  std::any data{};
};

/// Default axis labelling, ticking and limits for some units (matplotlib.units.AxisInfo).
/// Every field left empty means "leave the axis' setting as it is".
struct AxisInfo {
  /// Major tick locator.
  TickerHint majloc{};
  /// Minor tick locator.
  TickerHint minloc{};
  /// Major tick formatter.
  TickerHint majfmt{};
  /// Minor tick formatter.
  TickerHint minfmt{};
  /// Default axis label; nullopt: none.
  std::optional<std::string> label{};
  /// View limits, in converted floats, for an axis without data; nullopt: the axis default.
  std::optional<std::pair<double, double>> default_limits{};
};

/// Converts values of some type to floats for an axis (matplotlib.units.ConversionInterface).
/// Converters in a shared registry are called from any thread: the const methods must be
/// safe to call concurrently.
///
/// **Example**
/// ```
/// class LengthConverter : public strata::ConversionInterface {
///  public:
///   std::vector<double> convert(const strata::UnitValues& v, const strata::Units& u) const
///   override; strata::AxisInfo axis_info(const strata::Units& u) const override; strata::Units
///   default_units(const strata::UnitValues& v, const strata::Units&) const override;
/// };
/// strata::default_registry().register_converter<Length>(std::make_shared<LengthConverter>());
/// ```
class STRATA_API ConversionInterface {
 public:
  /// Converters are held and destroyed through shared_ptr<ConversionInterface>.
  virtual ~ConversionInterface() = default;
  /// The values as floats for an axis whose units are `units`.
  [[nodiscard]] virtual std::vector<double> convert(const UnitValues& values,
                                                    const Units& units) const = 0;
  /// Locators, formatters, label and default limits for an axis with `units`. Default: empty.
  [[nodiscard]] virtual AxisInfo axis_info(const Units& units) const;
  /// The units an axis should take for `values`, given its `current` units (empty when it has
  /// none yet); an empty result means none. Default: empty.
  [[nodiscard]] virtual Units default_units(const UnitValues& values, const Units& current) const;
  /// Whether plain numbers may be mixed into an axis using this converter; they are taken as
  /// already converted floats and pass through unchanged (matplotlib's Axis.convert_units).
  /// Default: true; categories: false.
  [[nodiscard]] virtual bool accepts_numbers() const;

 protected:
  /// Only derived converters are constructed.
  ConversionInterface() = default;
  /// Derived converters may be copied (no slicing through the base).
  ConversionInterface(const ConversionInterface&) = default;
  /// Derived converters may be copied (no slicing through the base).
  ConversionInterface& operator=(const ConversionInterface&) = default;
};

/// Plain numbers: unchanged (as floats); no units, no axis info.
class STRATA_API NumberConverter final : public ConversionInterface {
 public:
  /// The numbers as doubles; throws strata::ValueError for other kinds of values.
  [[nodiscard]] std::vector<double> convert(const UnitValues& values,
                                            const Units& units) const override;
};

/// Options of DateConverter (matplotlib's rcParams date.converter, date.interval_multiples).
struct DateConverterOptions {
  /// true: ConciseDateFormatter (date.converter "concise"); default false: AutoDateFormatter.
  bool concise = false;
  /// Ticks at multiples of the interval (date.interval_multiples); default true.
  bool interval_multiples = true;
};

/// Dates (matplotlib.dates.DateConverter): date2num of each value; numbers pass through as
/// date numbers. Axis info: AutoDateLocator with AutoDateFormatter (or ConciseDateFormatter),
/// label "", default limits 1970-01-01 .. 1970-01-02 (0.0 .. 1.0) as in matplotlib 3.6.
class STRATA_API DateConverter final : public ConversionInterface {
 public:
  /// A converter with the given options.
  explicit DateConverter(const DateConverterOptions& opts = {}) : opts_(opts) {}
  /// date2num of each date; throws strata::ValueError for strings and user values.
  [[nodiscard]] std::vector<double> convert(const UnitValues& values,
                                            const Units& units) const override;
  /// AutoDateLocator + AutoDateFormatter/ConciseDateFormatter, label "", limits 0..1.
  [[nodiscard]] AxisInfo axis_info(const Units& units) const override;

 private:
  DateConverterOptions opts_;
};

/// Category strings (matplotlib.category.StrCategoryConverter): each string becomes its
/// number in the axis' UnitData, which grows with new strings.
class STRATA_API StrCategoryConverter final : public ConversionInterface {
 public:
  /// The numbers of the strings in the `units` UnitData (adding new ones). Throws
  /// strata::ValueError when `units` holds no `std::shared_ptr<UnitData>` or the values are
  /// not strings (numbers cannot be mixed into a categorical axis).
  [[nodiscard]] std::vector<double> convert(const UnitValues& values,
                                            const Units& units) const override;
  /// StrCategoryLocator and StrCategoryFormatter over the UnitData; no label, no limits.
  [[nodiscard]] AxisInfo axis_info(const Units& units) const override;
  /// The `current` UnitData updated with `values`, or a new UnitData of `values`.
  [[nodiscard]] Units default_units(const UnitValues& values, const Units& current) const override;
  /// false: numbers are rejected on a categorical axis.
  [[nodiscard]] bool accepts_numbers() const override;
};

// ---- registry -------------------------------------------------------------------------------

/// Maps element types (std::type_index) to converters (matplotlib.units.registry).
/// Thread-safe: registration and lookup may run concurrently from any thread.
///
/// **Example**
/// ```
/// auto reg = std::make_shared<strata::UnitRegistry>();
/// reg->register_converter<Length>(std::make_shared<LengthConverter>());
/// strata::AxisUnits axis(reg);   // consults reg, then the default registry
/// ```
class STRATA_API UnitRegistry {
 public:
  /// An empty registry (see add_builtin_converters).
  UnitRegistry() = default;
  /// Not copyable (share it through std::shared_ptr).
  UnitRegistry(const UnitRegistry&) = delete;
  /// Not copyable (share it through std::shared_ptr).
  UnitRegistry& operator=(const UnitRegistry&) = delete;

  /// Registers (or replaces) the converter for values of `type`; throws strata::ValueError
  /// when `converter` is null.
  void register_converter(std::type_index type, std::shared_ptr<ConversionInterface> converter);
  /// Registers (or replaces) the converter for values of type T.
  template <class T>
  void register_converter(std::shared_ptr<ConversionInterface> converter) {
    register_converter(typeid(T), std::move(converter));
  }
  /// Removes the converter for `type`; returns whether there was one.
  bool unregister_converter(std::type_index type);
  /// Removes the converter for type T; returns whether there was one.
  template <class T>
  bool unregister_converter() {
    return unregister_converter(typeid(T));
  }
  /// The converter registered for exactly `type`, or null.
  [[nodiscard]] std::shared_ptr<ConversionInterface> get_converter(std::type_index type) const;
  /// The converter for `values`: the one for values.type(), else the one for the canonical
  /// type of their kind (double, DateTime, std::string), else null.
  [[nodiscard]] std::shared_ptr<ConversionInterface> get_converter(const UnitValues& values) const;
  /// Number of registered types.
  [[nodiscard]] std::size_t size() const;

 private:
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::type_index, std::shared_ptr<ConversionInterface>> map_;
};

/// Registers the built-in converters in `registry`: one NumberConverter for float, double and
/// the 8..64-bit integers; one DateConverter for sys_days, sys_seconds and sys_time of
/// minutes, hours, milliseconds, microseconds and nanoseconds (other sys_time types fall back
/// to DateTime's); one StrCategoryConverter for std::string, std::string_view and const char*.
STRATA_API void add_builtin_converters(UnitRegistry& registry);

/// The process-wide registry, with the built-in converters. Thread-safe.
[[nodiscard]] STRATA_API UnitRegistry& default_registry();

// ---- the axis side --------------------------------------------------------------------------

/// The unit state of one axis (what matplotlib keeps on Axis: converter and units, with
/// update_units / convert_units / set_units). An Axis owns one. Not thread-safe (like the
/// Axis); the registries it reads are.
///
/// The first series of a non-number type picks the converter (looked up in the per-axis
/// registry if one was given, then in default_registry()); plain numbers never pick one and
/// pass through unchanged, except on an axis whose converter does not accept numbers
/// (categories). A later series must use the same converter, else strata::ValueError names
/// both types. Every change of converter or units bumps version(), so artists re-convert.
///
/// **Example**
/// ```
/// strata::AxisUnits x;
/// strata::UnitValues fruit = {"apple", "pear"};
/// x.update_units(fruit);
/// x.convert_units(fruit);   // {0, 1}
/// ```
class STRATA_API AxisUnits {
 public:
  /// No converter, no units; looks converters up in default_registry(). Allocates nothing.
  AxisUnits() = default;
  /// Looks converters up in `registry` first, then in default_registry().
  explicit AxisUnits(std::shared_ptr<const UnitRegistry> registry)
      : registry_(std::move(registry)) {}

  /// Takes note of a new series: picks the converter on the first non-number data, checks
  /// that later data uses the same one, and sets the converter's default units when the axis
  /// has none (for categories: adds new strings to the axis' UnitData). Returns whether the
  /// values have a converter other than the number pass-through. Throws strata::ValueError
  /// for a type without converter or a type incompatible with the axis'.
  bool update_units(const UnitValues& values);
  /// The values as floats with the axis' converter and units (numbers pass through). With no
  /// converter yet, the one the registries give for the values is used with empty units.
  /// Throws strata::ValueError as update_units.
  [[nodiscard]] std::vector<double> convert_units(const UnitValues& values) const;
  /// Sets the axis' units (e.g. a length unit); bumps version().
  void set_units(Units units);
  /// The axis' units (empty when none).
  [[nodiscard]] const Units& units() const { return units_; }
  /// True when the axis has a converter or units.
  [[nodiscard]] bool have_units() const { return converter_ != nullptr || units_.has_value(); }
  /// The converter in use (null until the first non-number series).
  [[nodiscard]] const std::shared_ptr<ConversionInterface>& converter() const { return converter_; }
  /// Forces a converter (e.g. a concise DateConverter); later series are not checked against
  /// the registries. Bumps version().
  void set_converter(std::shared_ptr<ConversionInterface> converter);
  /// The converter's AxisInfo for the current units (empty without converter).
  [[nodiscard]] AxisInfo axis_info() const;
  /// Incremented on every change of converter or units; artists re-convert when it differs
  /// from the one they converted with.
  [[nodiscard]] std::uint64_t version() const { return version_; }
  /// The element type whose series picked the converter (nullopt before that).
  [[nodiscard]] std::optional<std::type_index> units_type() const { return units_type_; }

 private:
  [[nodiscard]] std::shared_ptr<ConversionInterface> find_converter(const UnitValues& values) const;
  [[nodiscard]] bool passes_through(const UnitValues& values,
                                    const std::shared_ptr<ConversionInterface>& found,
                                    const char* who) const;
  void check_compatible(const UnitValues& values, const std::shared_ptr<ConversionInterface>& found,
                        const char* who) const;

  std::shared_ptr<const UnitRegistry> registry_;
  std::shared_ptr<ConversionInterface> converter_;
  bool explicit_converter_ = false;
  std::optional<std::type_index> units_type_;
  Units units_;
  std::uint64_t version_ = 0;
};

}  // namespace strata
