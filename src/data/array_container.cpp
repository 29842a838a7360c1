// SPDX-License-Identifier: MIT
#include "strata/data/array_container.hpp"

#include <fmt/format.h>

#include "strata/error.hpp"

namespace strata {

namespace {

std::string field_list(const std::map<std::string, Column>& columns) {
  std::string s;
  for (const auto& [name, column] : columns) {
    if (!s.empty()) s += ", ";
    s += name;
  }
  return s;
}

std::map<std::string, std::size_t> lengths_of(const std::map<std::string, Column>& columns) {
  std::map<std::string, std::size_t> lengths;
  for (const auto& [name, column] : columns) lengths.emplace(name, column.size());
  return lengths;
}

}  // namespace

ArrayContainer::ArrayContainer(std::map<std::string, DataRef> fields,
                               std::map<std::string, std::string> shapes)
    : id_(new_container_id()) {
  for (auto& [name, ref] : fields) {
    columns_.emplace(name, ref.column());
    desc_.emplace(name, FieldDesc{ref.dtype(), "N"});
  }
  for (auto& [name, shape] : shapes) {
    auto it = desc_.find(name);
    if (it == desc_.end()) {
      throw ValueError(
          fmt::format("ArrayContainer: shapes names field '{}' that is not given (fields: {})",
                      name, field_list(columns_)));
    }
    check_shape_syntax("ArrayContainer", name, shape);
    it->second.shape = std::move(shape);
  }
  check_lengths("ArrayContainer", desc_, lengths_of(columns_));
}

ArrayContainer::ArrayContainer(std::initializer_list<std::pair<const std::string, DataRef>> fields)
    : ArrayContainer(std::map<std::string, DataRef>(fields)) {}

QueryResult ArrayContainer::query(const Transform& /*axes_to_data*/, Size /*pixels*/) const {
  std::lock_guard lock(mutex_);
  return QueryResult{columns_, CacheKey{{id_, generation_}}};
}

std::map<std::string, FieldDesc> ArrayContainer::describe() const {
  std::lock_guard lock(mutex_);
  return desc_;
}

void ArrayContainer::update(std::map<std::string, DataRef> fields) {
  std::lock_guard lock(mutex_);
  // Build the new state aside; commit with non-throwing swaps only after every check.
  std::map<std::string, Column> columns = columns_;
  std::map<std::string, FieldDesc> desc = desc_;
  for (auto& [name, ref] : fields) {
    auto it = columns.find(name);
    if (it == columns.end()) {
      throw ValueError(fmt::format("ArrayContainer.update: unknown field '{}' (fields: {})", name,
                                   field_list(columns_)));
    }
    it->second = ref.column();
    desc.at(name).dtype = ref.dtype();
  }
  check_lengths("ArrayContainer.update", desc, lengths_of(columns));
  columns_.swap(columns);
  desc_.swap(desc);
  ++generation_;
}

void ArrayContainer::mark_changed() {
  std::lock_guard lock(mutex_);
  ++generation_;
}

std::uint64_t ArrayContainer::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

Column ArrayContainer::column(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto it = columns_.find(name);
  if (it == columns_.end()) {
    throw ValueError(fmt::format("ArrayContainer.column: unknown field '{}' (fields: {})", name,
                                 field_list(columns_)));
  }
  return it->second;
}

}  // namespace strata
