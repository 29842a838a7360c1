// SPDX-License-Identifier: MIT
#pragma once
// ArrayContainer: named arrays returned as they are, whatever the view (matplotlib
// data-prototype's ArrayContainer), with lengths checked when they are given.

#include <cstdint>
#include <initializer_list>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "strata/data/container.hpp"
#include "strata/data/data_ref.hpp"
#include "strata/export.hpp"

namespace strata {

/// Named 1-D arrays. query() ignores the view and returns the stored columns (no copy) with
/// the key {id(), generation()}; update() replaces fields and renews the key.
///
/// Every field has the shape "N" unless the `shapes` map says otherwise ("N+1" for bin
/// edges, "3", "N,M" for a row-major 2-D grid, ...). Lengths are checked when the container
/// is built and at every update, so a mismatch fails at the call that causes it.
///
/// Thread safety: query(), describe() and update() may be called from different threads;
/// a mutex guards the field table, and query() returns a consistent snapshot whose owned
/// storage stays alive even if update() replaces it afterwards. Borrowed views
/// (strata::view) are only as safe as the caller's memory.
///
/// **Example**
/// ```
/// std::vector<double> x = ..., y = ...;
/// auto c = std::make_shared<strata::ArrayContainer>(
///     std::map<std::string, strata::DataRef>{{"x", x}, {"y", y}});  // copies x and y
/// c->update({{"y", y2}});  // same length as x, new cache key
/// ```
class STRATA_API ArrayContainer final : public DataContainer {
 public:
  /// The fields, and optional shape relations (field -> shape, default "N" for every field
  /// not listed). Throws strata::ValueError when lengths disagree ("ArrayContainer: field 'y'
  /// has 99 values but 'x' has 100"), a shape is malformed, or `shapes` names a field that
  /// is not given.
  explicit ArrayContainer(std::map<std::string, DataRef> fields,
                          std::map<std::string, std::string> shapes = {});
  /// Same, from a braced list: `ArrayContainer c{{"x", x}, {"y", y}};`.
  ArrayContainer(std::initializer_list<std::pair<const std::string, DataRef>> fields);

  /// The stored columns (no copy) and the key {id(), generation()}; the arguments are ignored.
  [[nodiscard]] QueryResult query(const Transform& axes_to_data, Size pixels) const override;
  /// Every field with its stored dtype and its shape ("N" unless given).
  [[nodiscard]] std::map<std::string, FieldDesc> describe() const override;

  /// Replaces the given fields (the others stay) and renews the cache key. Throws
  /// strata::ValueError for a field the container does not have ("ArrayContainer.update:
  /// unknown field 'z' (fields: x, y)") or lengths that break the shape relations; on error
  /// nothing changes (strong guarantee).
  void update(std::map<std::string, DataRef> fields);
  /// Renews the cache key without replacing data: call it after changing memory that a
  /// strata::view borrows, so that caches built on the old values are dropped.
  void mark_changed();

  /// The process-unique id of this container (first part of its keys).
  [[nodiscard]] std::uint64_t id() const { return id_; }
  /// Starts at 0; +1 at every update() and mark_changed().
  [[nodiscard]] std::uint64_t generation() const;
  /// The stored column of a field; throws strata::ValueError naming an unknown field.
  [[nodiscard]] Column column(const std::string& name) const;

 private:
  std::uint64_t id_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::map<std::string, Column> columns_;
  std::map<std::string, FieldDesc> desc_;
};

}  // namespace strata
