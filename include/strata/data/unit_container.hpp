// SPDX-License-Identifier: MIT
#pragma once
// UnitContainer: unit-full series (dates, categories, user types) kept as given and converted
// to floats at query time with the units their axis holds then, so that changing an axis'
// units (Axis::set_units) re-converts every series plotted on it (matplotlib's Line2D
// recache on a 'units' callback).

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "strata/data/container.hpp"
#include "strata/data/units.hpp"
#include "strata/export.hpp"

namespace strata {

/// Named unit-full series, each converted by the AxisUnits it is bound to. query() converts
/// a field again only when its AxisUnits' version() changed since the last conversion; the
/// key is {id(), a generation renewed by add_field, the versions of the bound AxisUnits}, so
/// artists' caches follow unit changes and nothing else.
///
/// The AxisUnits are shared with the Axis that owns them (Axis::shared_units()); they are
/// read at query time, on the thread that draws, as the Axis itself is.
///
/// **Example**
/// ```
/// auto units = std::make_shared<strata::AxisUnits>();
/// std::vector<Length> heights = ...;
/// units->update_units(heights);
/// auto c = std::make_shared<strata::UnitContainer>();
/// c->add_field("y", heights, units);
/// units->set_units(LengthUnit::centimetres);   // the next query converts to centimetres
/// ```
class STRATA_API UnitContainer final : public DataContainer {
 public:
  UnitContainer();

  /// Adds (or replaces) field `name` with `values` converted by `units`. Throws
  /// strata::ValueError for null units, or a length that differs from the other fields'
  /// ("UnitContainer: field 'y' has 3 values but 'x' has 4").
  void add_field(const std::string& name, UnitValues values,
                 std::shared_ptr<const AxisUnits> units);

  /// Every field as float64, converted with the current units; key {id, unit versions}.
  [[nodiscard]] QueryResult query(const Transform& axes_to_data, Size pixels) const override;
  /// Every field: float64, shape "N".
  [[nodiscard]] std::map<std::string, FieldDesc> describe() const override;

  /// The process-unique id of this container (first part of its keys).
  [[nodiscard]] std::uint64_t id() const { return id_; }
  /// How many times a field was converted (for tests: unit changes convert, views do not).
  [[nodiscard]] std::uint64_t conversion_count() const;

 private:
  struct Field {
    UnitValues values;
    std::shared_ptr<const AxisUnits> units;
    mutable std::optional<std::uint64_t> converted_version{};
    mutable Column converted{};
  };
  std::uint64_t id_;
  mutable std::mutex mutex_;
  std::map<std::string, Field> fields_;
  std::uint64_t generation_ = 0;
  mutable std::uint64_t conversions_ = 0;
};

}  // namespace strata
