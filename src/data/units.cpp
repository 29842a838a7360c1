// SPDX-License-Identifier: MIT
// Units (matplotlib's units.py, dates.py date2num/num2date and category.py): the non-template
// side of UnitValues, date numbers, the built-in converters, the registry and AxisUnits.
#include "strata/data/units.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#if __has_include(<cxxabi.h>)
#include <cxxabi.h>
#define STRATA_HAVE_CXXABI 1
#endif

#include "strata/error.hpp"

namespace strata {

namespace {

using std::chrono::microseconds;
using std::chrono::sys_time;

constexpr double kSecondsPerDay = 86400.0;                    // matplotlib SEC_PER_DAY
constexpr double kMicrosecondsPerDay = 1e6 * kSecondsPerDay;  // matplotlib MUSECONDS_PER_DAY
constexpr std::int64_t kMicrosecondsPerSecond = 1'000'000;
// Days from 1970-01-01 to 0001-01-01 and to 10000-01-01: the dates num2date accepts.
constexpr double kFirstDay = -719162.0;
constexpr double kEndDay = 2932897.0;

/// Round half to even (numpy's np.round, Python's round), independent of the FP environment.
double round_half_even(double v) {
  double r = std::round(v);  // half away from zero
  if (std::fabs(r - v) == 0.5) r = 2.0 * std::round(v / 2.0);
  return r;
}

std::type_index numbers_type(DType t) {
  switch (t) {
    case DType::float64:
      return typeid(double);
    case DType::float32:
      return typeid(float);
    case DType::int64:
      return typeid(std::int64_t);
    case DType::int32:
      return typeid(std::int32_t);
    case DType::int16:
      return typeid(std::int16_t);
    case DType::int8:
      return typeid(std::int8_t);
    case DType::uint64:
      return typeid(std::uint64_t);
    case DType::uint32:
      return typeid(std::uint32_t);
    case DType::uint16:
      return typeid(std::uint16_t);
    case DType::uint8:
      return typeid(std::uint8_t);
  }
  throw ValueError(fmt::format("UnitValues: invalid dtype {}", static_cast<int>(t)));
}

const std::unordered_map<std::type_index, std::string_view>& builtin_type_names() {
  using namespace std::chrono;
  static const std::unordered_map<std::type_index, std::string_view> names = {
      {typeid(double), "double"},
      {typeid(float), "float"},
      {typeid(std::int64_t), "std::int64_t"},
      {typeid(std::int32_t), "std::int32_t"},
      {typeid(std::int16_t), "std::int16_t"},
      {typeid(std::int8_t), "std::int8_t"},
      {typeid(std::uint64_t), "std::uint64_t"},
      {typeid(std::uint32_t), "std::uint32_t"},
      {typeid(std::uint16_t), "std::uint16_t"},
      {typeid(std::uint8_t), "std::uint8_t"},
      {typeid(sys_days), "std::chrono::sys_days"},
      {typeid(sys_seconds), "std::chrono::sys_seconds"},
      {typeid(sys_time<minutes>), "std::chrono::sys_time<std::chrono::minutes>"},
      {typeid(sys_time<hours>), "std::chrono::sys_time<std::chrono::hours>"},
      {typeid(sys_time<milliseconds>), "std::chrono::sys_time<std::chrono::milliseconds>"},
      {typeid(sys_time<microseconds>), "std::chrono::sys_time<std::chrono::microseconds>"},
      {typeid(sys_time<nanoseconds>), "std::chrono::sys_time<std::chrono::nanoseconds>"},
      {typeid(std::string), "std::string"},
      {typeid(std::string_view), "std::string_view"},
      {typeid(const char*), "const char*"},
  };
  return names;
}

std::string demangle(const char* mangled) {
#ifdef STRATA_HAVE_CXXABI
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> out(
      abi::__cxa_demangle(mangled, nullptr, nullptr, &status), std::free);
  if (status == 0 && out) return std::string(out.get());
#endif
  return std::string(mangled);
}

std::vector<std::string> checked_strings(std::span<const char* const> values) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] == nullptr) {
      throw ValueError(fmt::format("UnitValues: values[{}] is a null const char*", i));
    }
    out.emplace_back(values[i]);
  }
  return out;
}

[[noreturn]] void throw_wrong_kind(const char* who, const UnitValues& values, const char* wanted) {
  throw ValueError(
      fmt::format("{}: the values are of type {}, not {}", who, values.type_name(), wanted));
}

/// The UnitData an axis' units hold, or null.
std::shared_ptr<UnitData> category_data(const Units& units) {
  const auto* p = std::any_cast<std::shared_ptr<UnitData>>(&units);
  return p != nullptr ? *p : nullptr;
}

void check_category_values(const UnitValues& values) {
  if (values.kind() == UnitKind::strings) return;
  if (values.kind() == UnitKind::numbers) {
    throw ValueError(fmt::format(
        "StrCategoryConverter: cannot convert numbers (values of type {}) to categories; "
        "numeric and categorical data cannot be mixed on one axis",
        values.type_name()));
  }
  throw ValueError(fmt::format(
      "StrCategoryConverter: cannot convert values of type {} to categories; expected strings",
      values.type_name()));
}

}  // namespace

// ---- dates ----------------------------------------------------------------------------------

namespace detail {

double date2num_parts(std::int64_t seconds, std::int64_t nanoseconds) {
  // matplotlib.dates._dt64_to_ordinalf: whole seconds as float64, plus the sub-second part
  // in ns / 1e9, divided by SEC_PER_DAY.
  double dt = static_cast<double>(seconds);
  dt += static_cast<double>(nanoseconds) / 1.0e9;
  return dt / kSecondsPerDay;
}

}  // namespace detail

DateTime num2date(double x) {
  if (!std::isfinite(x)) {
    throw ValueError(fmt::format("num2date: x = {} is not a finite number of days", x));
  }
  // matplotlib.dates._from_ordinalf: epoch + timedelta64(int(np.round(x * MUSECONDS_PER_DAY)),
  // 'us').
  const double us = round_half_even(x * kMicrosecondsPerDay);
  if (!(us >= kFirstDay * kMicrosecondsPerDay && us < kEndDay * kMicrosecondsPerDay)) {
    throw ValueError(
        fmt::format("num2date: x = {} is outside the dates Strata supports: days since "
                    "1970-01-01T00:00:00 UTC must be in [{}, {}) (years 0001 to 9999)",
                    x, kFirstDay, kEndDay));
  }
  auto total = static_cast<std::int64_t>(us);
  if (std::fabs(x) > 70.0 * 365.0) {
    // Far from the epoch, round the microseconds to the nearest 20 (Python's round: half to
    // even) to hide float round-off, as matplotlib does.
    std::int64_t sec = total / kMicrosecondsPerSecond;
    std::int64_t micro = total % kMicrosecondsPerSecond;
    if (micro < 0) {
      micro += kMicrosecondsPerSecond;
      --sec;
    }
    std::int64_t q = micro / 20;
    const std::int64_t r = micro % 20;
    if (r > 10 || (r == 10 && q % 2 == 1)) ++q;
    total = sec * kMicrosecondsPerSecond + q * 20;  // q * 20 == 1e6 carries into the second
  }
  return DateTime{microseconds{total}};
}

// ---- UnitValues -----------------------------------------------------------------------------

std::string type_name(std::type_index type) {
  const auto& names = builtin_type_names();
  if (auto it = names.find(type); it != names.end()) return std::string(it->second);
  return demangle(type.name());
}

UnitValues::UnitValues(Column column)
    : kind_(UnitKind::numbers), type_(numbers_type(column.dtype())), numbers_(std::move(column)) {}

UnitValues::UnitValues(const DataRef& values) : UnitValues(values.column()) {}

UnitValues::UnitValues(std::initializer_list<double> values) : UnitValues(DataRef(values)) {}

UnitValues::UnitValues(const std::vector<std::chrono::sys_days>& values)
    : UnitValues(std::vector<DateTime>(values.begin(), values.end()),
                 typeid(std::chrono::sys_days)) {}

UnitValues::UnitValues(std::vector<DateTime> values)
    : UnitValues(std::move(values), typeid(DateTime)) {}

UnitValues::UnitValues(std::vector<DateTime> values, std::type_index type)
    : kind_(UnitKind::dates), type_(type) {
  auto v = std::make_shared<const std::vector<DateTime>>(std::move(values));
  data_ = v->data();
  size_ = v->size();
  owner_ = std::move(v);
}

UnitValues::UnitValues(std::vector<std::string> values)
    : kind_(UnitKind::strings), type_(typeid(std::string)) {
  auto v = std::make_shared<const std::vector<std::string>>(std::move(values));
  data_ = v->data();
  size_ = v->size();
  owner_ = std::move(v);
}

UnitValues::UnitValues(const std::vector<std::string_view>& values)
    : UnitValues(std::vector<std::string>(values.begin(), values.end())) {
  type_ = typeid(std::string_view);
}

UnitValues::UnitValues(const std::vector<const char*>& values)
    : UnitValues(checked_strings(values)) {
  type_ = typeid(const char*);
}

UnitValues::UnitValues(std::initializer_list<const char*> values)
    : UnitValues(checked_strings(std::span<const char* const>(values.begin(), values.size()))) {
  type_ = typeid(const char*);
}

UnitValues::UnitValues(std::shared_ptr<const void> owner, const void* data, std::size_t size,
                       std::type_index type)
    : kind_(UnitKind::user), type_(type), owner_(std::move(owner)), data_(data), size_(size) {}

std::string UnitValues::type_name() const { return strata::type_name(type_); }

const Column& UnitValues::numbers() const {
  if (kind_ != UnitKind::numbers) throw_wrong_kind("UnitValues::numbers", *this, "numbers");
  return numbers_;
}

std::span<const DateTime> UnitValues::dates() const {
  if (kind_ != UnitKind::dates) throw_wrong_kind("UnitValues::dates", *this, "dates");
  return {static_cast<const DateTime*>(data_), size_};
}

std::span<const std::string> UnitValues::strings() const {
  if (kind_ != UnitKind::strings) throw_wrong_kind("UnitValues::strings", *this, "strings");
  return {static_cast<const std::string*>(data_), size_};
}

namespace detail {

void check_user_type(const UnitValues& values, std::type_index requested) {
  if (values.kind() != UnitKind::user || values.type() != requested) {
    throw ValueError(fmt::format("UnitValues::user_values: the values are of type {}, not {}",
                                 values.type_name(), type_name(requested)));
  }
}

}  // namespace detail

// ---- UnitData -------------------------------------------------------------------------------

UnitData::UnitData(std::span<const std::string> data) { update_locked(data); }

void UnitData::update(std::span<const std::string> data) {
  std::lock_guard lock(mutex_);
  update_locked(data);
}

void UnitData::update_locked(std::span<const std::string> data) {
  for (const std::string& s : data) {
    if (index_.find(s) == index_.end()) {
      index_.emplace(s, labels_.size());
      labels_.push_back(s);
    }
  }
}

std::vector<double> UnitData::map(std::span<const std::string> data) {
  std::lock_guard lock(mutex_);
  update_locked(data);
  std::vector<double> out;
  out.reserve(data.size());
  for (const std::string& s : data) out.push_back(static_cast<double>(index_.find(s)->second));
  return out;
}

std::optional<double> UnitData::index_of(std::string_view category) const {
  std::lock_guard lock(mutex_);
  auto it = index_.find(category);
  if (it == index_.end()) return std::nullopt;
  return static_cast<double>(it->second);
}

std::vector<std::string> UnitData::labels() const {
  std::lock_guard lock(mutex_);
  return labels_;
}

std::size_t UnitData::size() const {
  std::lock_guard lock(mutex_);
  return labels_.size();
}

// ---- converters -----------------------------------------------------------------------------

AxisInfo ConversionInterface::axis_info(const Units& /*units*/) const { return {}; }

Units ConversionInterface::default_units(const UnitValues& /*values*/,
                                         const Units& /*current*/) const {
  return {};
}

bool ConversionInterface::accepts_numbers() const { return true; }

std::vector<double> NumberConverter::convert(const UnitValues& values,
                                             const Units& /*units*/) const {
  if (values.kind() != UnitKind::numbers) {
    throw ValueError(fmt::format("NumberConverter: cannot convert values of type {} to numbers",
                                 values.type_name()));
  }
  return values.numbers().to_vector();
}

std::vector<double> DateConverter::convert(const UnitValues& values, const Units& /*units*/) const {
  switch (values.kind()) {
    case UnitKind::numbers:  // already date numbers (matplotlib passes them through)
      return values.numbers().to_vector();
    case UnitKind::dates: {
      std::vector<double> out;
      out.reserve(values.size());
      for (const DateTime& t : values.dates()) out.push_back(date2num(t));
      return out;
    }
    case UnitKind::strings:
    case UnitKind::user:
      break;
  }
  throw ValueError(
      fmt::format("DateConverter: cannot convert values of type {} to dates; expected "
                  "std::chrono::sys_days or another std::chrono::sys_time",
                  values.type_name()));
}

AxisInfo DateConverter::axis_info(const Units& /*units*/) const {
  using namespace std::chrono;
  // matplotlib 3.6 DateConverter.axisinfo: default_limits (date(1970, 1, 1), date(1970, 1, 2)).
  return AxisInfo{
      .majloc = {.name = "AutoDateLocator", .data = opts_.interval_multiples},
      .minloc = {},
      .majfmt = {.name = opts_.concise ? "ConciseDateFormatter" : "AutoDateFormatter", .data = {}},
      .minfmt = {},
      .label = std::string(),
      .default_limits = std::pair{date2num(sys_days{1970y / January / 1}),
                                  date2num(sys_days{1970y / January / 2})},
  };
}

std::vector<double> StrCategoryConverter::convert(const UnitValues& values,
                                                  const Units& units) const {
  check_category_values(values);
  auto data = category_data(units);
  if (!data) {
    throw ValueError(
        "Missing category information for StrCategoryConverter; this might be caused by "
        "unintendedly mixing categorical and numeric data");
  }
  return data->map(values.strings());
}

AxisInfo StrCategoryConverter::axis_info(const Units& units) const {
  auto data = category_data(units);
  if (!data) {
    throw ValueError(
        "StrCategoryConverter: the units are not valid for a categorical converter: they must "
        "be a std::shared_ptr<strata::UnitData>");
  }
  std::shared_ptr<const UnitData> mapping = data;
  return AxisInfo{
      .majloc = {.name = "StrCategoryLocator", .data = mapping},
      .minloc = {},
      .majfmt = {.name = "StrCategoryFormatter", .data = mapping},
  };
}

Units StrCategoryConverter::default_units(const UnitValues& values, const Units& current) const {
  check_category_values(values);
  if (auto data = category_data(current)) {
    data->update(values.strings());
    return current;
  }
  return std::make_shared<UnitData>(values.strings());
}

bool StrCategoryConverter::accepts_numbers() const { return false; }

// ---- registry -------------------------------------------------------------------------------

void UnitRegistry::register_converter(std::type_index type,
                                      std::shared_ptr<ConversionInterface> converter) {
  if (!converter) {
    throw ValueError(fmt::format(
        "UnitRegistry::register_converter: the converter for type {} is null", type_name(type)));
  }
  std::unique_lock lock(mutex_);
  map_.insert_or_assign(type, std::move(converter));
}

bool UnitRegistry::unregister_converter(std::type_index type) {
  std::unique_lock lock(mutex_);
  return map_.erase(type) > 0;
}

std::shared_ptr<ConversionInterface> UnitRegistry::get_converter(std::type_index type) const {
  std::shared_lock lock(mutex_);
  auto it = map_.find(type);
  return it != map_.end() ? it->second : nullptr;
}

std::shared_ptr<ConversionInterface> UnitRegistry::get_converter(const UnitValues& values) const {
  std::shared_lock lock(mutex_);
  if (auto it = map_.find(values.type()); it != map_.end()) return it->second;
  std::optional<std::type_index> canonical;
  switch (values.kind()) {
    case UnitKind::numbers:
      canonical = typeid(double);
      break;
    case UnitKind::dates:
      canonical = typeid(DateTime);
      break;
    case UnitKind::strings:
      canonical = typeid(std::string);
      break;
    case UnitKind::user:
      break;
  }
  if (canonical) {
    if (auto it = map_.find(*canonical); it != map_.end()) return it->second;
  }
  return nullptr;
}

std::size_t UnitRegistry::size() const {
  std::shared_lock lock(mutex_);
  return map_.size();
}

void add_builtin_converters(UnitRegistry& registry) {
  using namespace std::chrono;
  auto numbers = std::make_shared<NumberConverter>();
  for (std::type_index t :
       {std::type_index(typeid(double)), std::type_index(typeid(float)),
        std::type_index(typeid(std::int64_t)), std::type_index(typeid(std::int32_t)),
        std::type_index(typeid(std::int16_t)), std::type_index(typeid(std::int8_t)),
        std::type_index(typeid(std::uint64_t)), std::type_index(typeid(std::uint32_t)),
        std::type_index(typeid(std::uint16_t)), std::type_index(typeid(std::uint8_t))}) {
    registry.register_converter(t, numbers);
  }
  auto dates = std::make_shared<DateConverter>();
  for (std::type_index t :
       {std::type_index(typeid(sys_days)), std::type_index(typeid(sys_seconds)),
        std::type_index(typeid(sys_time<minutes>)), std::type_index(typeid(sys_time<hours>)),
        std::type_index(typeid(sys_time<milliseconds>)),
        std::type_index(typeid(sys_time<microseconds>)),
        std::type_index(typeid(sys_time<nanoseconds>))}) {
    registry.register_converter(t, dates);
  }
  auto categories = std::make_shared<StrCategoryConverter>();
  for (std::type_index t :
       {std::type_index(typeid(std::string)), std::type_index(typeid(std::string_view)),
        std::type_index(typeid(const char*))}) {
    registry.register_converter(t, categories);
  }
}

UnitRegistry& default_registry() {
  static UnitRegistry registry;
  static const bool initialized = (add_builtin_converters(registry), true);
  (void)initialized;
  return registry;
}

// ---- AxisUnits ------------------------------------------------------------------------------

namespace {

std::string axis_type_name(const std::optional<std::type_index>& t) {
  return t ? type_name(*t) : std::string("(none: the converter was set explicitly)");
}

[[noreturn]] void throw_no_converter(const char* who, const UnitValues& values) {
  throw ValueError(
      fmt::format("{}: no unit converter is registered for values of type {}; register one with "
                  "UnitRegistry::register_converter",
                  who, values.type_name()));
}

}  // namespace

std::shared_ptr<ConversionInterface> AxisUnits::find_converter(const UnitValues& values) const {
  if (registry_) {
    if (auto c = registry_->get_converter(values)) return c;
  }
  return default_registry().get_converter(values);
}

bool AxisUnits::passes_through(const UnitValues& values,
                               const std::shared_ptr<ConversionInterface>& found,
                               const char* who) const {
  if (values.kind() != UnitKind::numbers) return false;
  if (found && dynamic_cast<const NumberConverter*>(found.get()) == nullptr) return false;
  if (converter_ && !converter_->accepts_numbers()) {
    throw ValueError(fmt::format(
        "{}: values of type {} are numbers, which cannot be mixed into this axis: its units "
        "come from values of type {}, whose converter does not accept numbers",
        who, values.type_name(), axis_type_name(units_type_)));
  }
  return true;
}

void AxisUnits::check_compatible(const UnitValues& values,
                                 const std::shared_ptr<ConversionInterface>& found,
                                 const char* who) const {
  if (!found && !explicit_converter_) throw_no_converter(who, values);
  if (!converter_ || explicit_converter_ || found == converter_) return;
  if (units_type_ && *units_type_ == values.type()) return;
  throw ValueError(fmt::format(
      "{}: values of type {} cannot be added to an axis whose units come from values of type "
      "{} (they need different unit converters)",
      who, values.type_name(), axis_type_name(units_type_)));
}

bool AxisUnits::update_units(const UnitValues& values) {
  const char* who = "AxisUnits::update_units";
  auto found = find_converter(values);
  if (passes_through(values, found, who)) return false;
  check_compatible(values, found, who);
  bool changed = false;
  if (!converter_) {
    converter_ = std::move(found);
    changed = true;
  }
  if (!units_type_) units_type_ = values.type();
  Units defaults = converter_->default_units(values, units_);
  if (defaults.has_value() && !units_.has_value()) {
    set_units(std::move(defaults));
  } else if (changed) {
    ++version_;
  }
  return true;
}

std::vector<double> AxisUnits::convert_units(const UnitValues& values) const {
  const char* who = "AxisUnits::convert_units";
  auto found = find_converter(values);
  if (passes_through(values, found, who)) return values.numbers().to_vector();
  check_compatible(values, found, who);
  const auto& converter = converter_ ? converter_ : found;
  return converter->convert(values, units_);
}

void AxisUnits::set_units(Units units) {
  units_ = std::move(units);
  ++version_;
}

void AxisUnits::set_converter(std::shared_ptr<ConversionInterface> converter) {
  explicit_converter_ = converter != nullptr;
  converter_ = std::move(converter);
  ++version_;
}

AxisInfo AxisUnits::axis_info() const {
  return converter_ ? converter_->axis_info(units_) : AxisInfo{};
}

}  // namespace strata
