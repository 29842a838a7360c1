// SPDX-License-Identifier: MIT
#include "strata/data/unit_container.hpp"

#include <fmt/format.h>

#include "strata/error.hpp"

namespace strata {

UnitContainer::UnitContainer() : id_(new_container_id()) {}

void UnitContainer::add_field(const std::string& name, UnitValues values,
                              std::shared_ptr<const AxisUnits> units) {
  if (!units) {
    throw ValueError(
        fmt::format("UnitContainer.add_field: units of field '{}' must not be null", name));
  }
  const std::lock_guard lock(mutex_);
  for (const auto& [other, f] : fields_) {
    if (other != name && f.values.size() != values.size()) {
      throw ValueError(fmt::format("UnitContainer: field '{}' has {} values but '{}' has {}", name,
                                   values.size(), other, f.values.size()));
    }
  }
  fields_.insert_or_assign(name, Field{std::move(values), std::move(units)});
  ++generation_;
}

QueryResult UnitContainer::query(const Transform& /*axes_to_data*/, Size /*pixels*/) const {
  const std::lock_guard lock(mutex_);
  QueryResult r;
  r.key.parts.push_back(id_);
  r.key.parts.push_back(generation_);
  for (const auto& [name, f] : fields_) {
    const std::uint64_t v = f.units->version();
    if (f.converted_version != v) {
      f.converted = Column::from_vector(f.units->convert_units(f.values));
      f.converted_version = v;
      ++conversions_;
    }
    r.columns.emplace(name, f.converted);
    r.key.parts.push_back(v);
  }
  return r;
}

std::map<std::string, FieldDesc> UnitContainer::describe() const {
  const std::lock_guard lock(mutex_);
  std::map<std::string, FieldDesc> d;
  for (const auto& [name, f] : fields_) d.emplace(name, FieldDesc{DType::float64, "N"});
  return d;
}

std::uint64_t UnitContainer::conversion_count() const {
  const std::lock_guard lock(mutex_);
  return conversions_;
}

}  // namespace strata
