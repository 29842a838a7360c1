// SPDX-License-Identifier: MIT
#pragma once
// The data layer: every artist gets its data by calling DataContainer::query() at draw time,
// for the current view and pixel size (matplotlib's data-prototype). A container may return
// arrays as they are, sample a function, bin, reduce a huge series per pixel column, or hand
// out chunks.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "strata/core/geometry.hpp"
#include "strata/export.hpp"

namespace strata {

class Transform;

/// Element type of a column.
enum class DType : std::uint8_t {
  float64,
  float32,
  int64,
  int32,
  int16,
  int8,
  uint64,
  uint32,
  uint16,
  uint8
};

/// Size in bytes of one element of `t`.
[[nodiscard]] STRATA_API std::size_t dtype_size(DType t);
/// "float64", "int32", ...
[[nodiscard]] STRATA_API const char* dtype_name(DType t);

/// A read-only, possibly strided, typed 1-D array that may own its storage (through `owner`)
/// or borrow it. Cheap to copy. Reading converts to double.
class STRATA_API Column {
 public:
  /// An empty float64 column (allocates nothing).
  Column() = default;
  /// Borrows `size` elements of type `dtype` starting at `data`, `stride` bytes apart; keeps
  /// `owner` alive while any copy of the column exists (null to borrow without owning).
  Column(DType dtype, const void* data, std::size_t size, std::ptrdiff_t stride,
         std::shared_ptr<const void> owner)
      : dtype_(dtype),
        data_(static_cast<const std::byte*>(data)),
        size_(size),
        stride_(stride),
        owner_(std::move(owner)) {}
  /// Takes ownership of a vector of doubles (moved, not copied): a contiguous float64 column.
  ///
  /// **Example**
  /// ```
  /// auto c = strata::Column::from_vector({1.0, 2.0, 3.0});
  /// c[1];  // 2.0
  /// ```
  [[nodiscard]] static Column from_vector(std::vector<double> values);

  /// Element type of the stored values (reads convert to double whatever it is).
  [[nodiscard]] DType dtype() const { return dtype_; }
  /// Number of elements.
  [[nodiscard]] std::size_t size() const { return size_; }
  /// True when size() == 0.
  [[nodiscard]] bool empty() const { return size_ == 0; }
  /// Distance in bytes from one element to the next (may be negative or not a multiple of
  /// the element size; elements are read with memcpy, so any alignment works).
  [[nodiscard]] std::ptrdiff_t stride() const { return stride_; }
  /// Address of element 0 (null for an empty default column).
  [[nodiscard]] const void* data() const { return data_; }
  /// True when the column keeps its storage alive (a copy or an adopted vector); false for a
  /// borrowed view, whose memory the caller keeps alive.
  [[nodiscard]] bool owns_data() const { return owner_ != nullptr; }
  /// True when the column holds contiguous float64 (then as_span() is valid).
  [[nodiscard]] bool is_contiguous_double() const {
    return dtype_ == DType::float64 && stride_ == static_cast<std::ptrdiff_t>(sizeof(double));
  }
  /// The values as a span; only when is_contiguous_double() (otherwise throws strata::Error).
  [[nodiscard]] std::span<const double> as_span() const;
  /// Element i converted to double (no bounds check beyond STRATA_ASSERT in debug builds).
  [[nodiscard]] double operator[](std::size_t i) const;
  /// Elements [first, first + out.size()) converted to double into `out`; throws
  /// strata::ValueError when that range is not inside the column.
  void copy_to(std::span<double> out, std::size_t first = 0) const;
  /// All elements converted to double, in a new vector.
  [[nodiscard]] std::vector<double> to_vector() const;
  /// Elements [first, first + count) as a column sharing the same storage; throws
  /// strata::ValueError when the range is not inside the column.
  [[nodiscard]] Column slice(std::size_t first, std::size_t count) const;

 private:
  DType dtype_ = DType::float64;
  const std::byte* data_ = nullptr;
  std::size_t size_ = 0;
  std::ptrdiff_t stride_ = sizeof(double);
  std::shared_ptr<const void> owner_;
};

/// What describe() says of one field: its element type and its length as a relation to the
/// container's symbolic sizes ("N", "N+1", "M", "3", or "N,M" for 2-D data stored row-major).
///
/// Shape grammar: dimensions separated by ','; each is a non-negative integer ("3"), a symbol
/// ("N", "M": a letter or '_' then letters, digits, '_') or a symbol plus or minus an integer
/// ("N+1", "N-1"). A field's length is the product of its dimensions.
struct FieldDesc {
  /// Element type of the column query() returns for this field.
  DType dtype = DType::float64;
  /// Length relation; default "N" (the same length as every other "N" field).
  std::string shape = "N";
  friend bool operator==(const FieldDesc&, const FieldDesc&) = default;
};

/// Identifies the result of a query, for the caller's caches. Equal keys promise equal
/// columns. Built from ids and version counters; never from hashing data.
struct CacheKey {
  /// Ids, version counters and bit patterns of doubles (see key_bits()); compared as a whole.
  std::vector<std::uint64_t> parts;
  friend bool operator==(const CacheKey&, const CacheKey&) = default;
};

/// The answer of a query: named columns and a cache key.
struct STRATA_API QueryResult {
  /// Field name -> values.
  std::map<std::string, Column> columns;
  /// Equal keys promise equal columns.
  CacheKey key;
  /// The column of that name; throws strata::ValueError naming the missing field.
  [[nodiscard]] const Column& at(const std::string& name) const;
};

/// The data source of an artist.
class STRATA_API DataContainer {
 public:
  virtual ~DataContainer() = default;
  /// The data for drawing: `axes_to_data` maps axes fraction (0..1 in x and y over the
  /// axes box) to data coordinates for the current view and scale; `pixels` is the axes
  /// box's size in pixels (an effective resolution for vector output).
  [[nodiscard]] virtual QueryResult query(const Transform& axes_to_data, Size pixels) const = 0;
  /// Every field query() returns, with its type and shape relation.
  [[nodiscard]] virtual std::map<std::string, FieldDesc> describe() const = 0;
};

/// Shared, immutable-through-this-handle ownership of a container (artists hold these).
using DataContainerPtr = std::shared_ptr<const DataContainer>;

/// A process-unique id for a container instance (never reused, never 0), for the first part
/// of its cache keys. Thread-safe.
[[nodiscard]] STRATA_API std::uint64_t new_container_id();

/// The bit pattern of a double, for cache keys (equal values with different bits, like 0.0
/// and -0.0, only cost a cache miss).
[[nodiscard]] inline std::uint64_t key_bits(double v) { return std::bit_cast<std::uint64_t>(v); }

/// Checks that a shape string follows the grammar of FieldDesc::shape; throws
/// strata::ValueError "<context>: field '<field>' has invalid shape '<shape>' (...)".
STRATA_API void check_shape_syntax(std::string_view context, std::string_view field,
                                   std::string_view shape);

/// Checks field lengths against the shape relations in `fields`: every field of `lengths`
/// must be described; fields sharing a symbol must agree ("N" vs "N+1" vs "N,M"); fixed
/// sizes must match. Throws strata::ValueError naming both fields and both lengths, e.g.
/// "ArrayContainer: field 'y' has 99 values but 'x' has 100".
///
/// **Example**
/// ```
/// strata::check_lengths("demo", {{"edges", {.shape = "N+1"}}, {"counts", {}}},
///                       {{"edges", 11}, {"counts", 10}});  // passes
/// ```
STRATA_API void check_lengths(std::string_view context,
                              const std::map<std::string, FieldDesc>& fields,
                              const std::map<std::string, std::size_t>& lengths);

/// Checks that a query result agrees with describe(): the same field names, the same dtypes,
/// and lengths that satisfy the shape relations (check_lengths). Throws strata::ValueError.
STRATA_API void check_query_result(std::string_view context, const QueryResult& result,
                                   const std::map<std::string, FieldDesc>& fields);

}  // namespace strata
