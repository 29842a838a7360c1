// SPDX-License-Identifier: MIT
#pragma once
// DataRef: the type-erased 1-D array users pass to plotting calls and containers. It copies
// by default (and owns the copy); strata::view(...) borrows instead.
//
// The templates here are thin: they name the element type and forward to the non-template
// functions detail::copy_column / detail::view_column compiled in src/data/data_ref.cpp for
// the fixed list of element types (float32, float64 and 8/16/32/64-bit signed and unsigned
// integers).

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <ranges>
#include <type_traits>
#include <vector>

#include "strata/data/container.hpp"
#include "strata/export.hpp"

namespace strata {

namespace detail {

/// True for the element types a Column can hold: float, double, and the signed and unsigned
/// integers of 1, 2, 4 and 8 bytes (bool and the character types are excluded).
template <class T>
concept column_element =
    std::is_arithmetic_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char> &&
    !std::is_same_v<T, wchar_t> && !std::is_same_v<T, char8_t> && !std::is_same_v<T, char16_t> &&
    !std::is_same_v<T, char32_t> && !std::is_same_v<T, long double> &&
    (sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8);

/// The DType of a column_element type (by kind, size and signedness: `long long` is int64).
template <column_element T>
consteval DType dtype_for() {
  if constexpr (std::is_floating_point_v<T>) {
    return sizeof(T) == 8 ? DType::float64 : DType::float32;
  } else if constexpr (std::is_signed_v<T>) {
    return sizeof(T) == 8   ? DType::int64
           : sizeof(T) == 4 ? DType::int32
           : sizeof(T) == 2 ? DType::int16
                            : DType::int8;
  } else {
    return sizeof(T) == 8   ? DType::uint64
           : sizeof(T) == 4 ? DType::uint32
           : sizeof(T) == 2 ? DType::uint16
                            : DType::uint8;
  }
}

/// A contiguous, sized range of column elements (vector, span, array, C array).
template <class R>
concept column_range = std::ranges::contiguous_range<R> && std::ranges::sized_range<R> &&
    column_element<std::remove_cv_t<std::ranges::range_value_t<R>>>;

/// Copies `count` elements of type `dtype` starting at `data`, `stride_bytes` apart, into a
/// new contiguous owned column of the same dtype. Throws strata::ValueError when `data` is
/// null and `count` > 0.
[[nodiscard]] STRATA_API Column copy_column(DType dtype, const void* data, std::size_t count,
                                            std::ptrdiff_t stride_bytes);
/// A column that borrows the memory (no copy, no ownership). Same checks as copy_column.
[[nodiscard]] STRATA_API Column view_column(DType dtype, const void* data, std::size_t count,
                                            std::ptrdiff_t stride_bytes);

}  // namespace detail

/// The 1-D data argument of plotting calls and containers.
///
/// Built implicitly from a `std::vector<T>`, `std::span<const T>`, `std::array`, a C array,
/// any contiguous sized range, or a braced list of doubles; T is float, double or an 8, 16,
/// 32 or 64-bit integer. Such a DataRef **copies** the values into storage it owns (shared by
/// its copies, immutable), keeping the original dtype: a `std::vector<float>` stays float32
/// (half the memory of double); reads convert to double. An rvalue `std::vector<T>` is moved
/// in, not copied. To borrow instead, wrap the data in strata::view(...).
///
/// **Example**
/// ```
/// std::vector<float> y = ...;
/// strata::DataRef a = y;                 // copy (float32)
/// strata::DataRef b = strata::view(y);   // borrow: y must outlive every use of b
/// strata::DataRef c = {1.0, 2.0, 4.0};   // copy of a braced list
/// ```
class STRATA_API DataRef {
 public:
  /// No values (size 0, float64).
  DataRef() = default;

  /// Copies the elements of a contiguous range (vector, span, array, C array).
  template <detail::column_range R>
  DataRef(const R& values)  // NOLINT(google-explicit-constructor): implicit by design
      : column_(detail::copy_column(
            detail::dtype_for<std::remove_cv_t<std::ranges::range_value_t<R>>>(),
            std::ranges::data(values), std::ranges::size(values),
            static_cast<std::ptrdiff_t>(sizeof(std::ranges::range_value_t<R>)))) {}

  /// Takes over an rvalue vector without copying its elements.
  template <detail::column_element T>
  DataRef(std::vector<T>&& values)  // NOLINT(google-explicit-constructor)
      : column_(adopt(std::make_shared<const std::vector<T>>(std::move(values)))) {}

  /// Copies a braced list of doubles: `DataRef r = {1, 2, 3};`.
  DataRef(std::initializer_list<double> values);  // NOLINT(google-explicit-constructor)

  /// Wraps an existing column as it is (owning if it owns, borrowing if it borrows).
  explicit DataRef(Column column) : column_(std::move(column)) {}

  /// The values as a Column (cheap: shares the storage).
  [[nodiscard]] const Column& column() const { return column_; }
  /// Implicit conversion to Column, for APIs that take columns.
  operator const Column&() const { return column_; }  // NOLINT(google-explicit-constructor)

  /// Number of values.
  [[nodiscard]] std::size_t size() const { return column_.size(); }
  /// True when there are no values.
  [[nodiscard]] bool empty() const { return column_.empty(); }
  /// Element type of the stored values.
  [[nodiscard]] DType dtype() const { return column_.dtype(); }
  /// True when the values are borrowed (made by strata::view) rather than owned.
  [[nodiscard]] bool is_view() const { return column_.data() != nullptr && !column_.owns_data(); }

 private:
  template <class T>
  static Column adopt(std::shared_ptr<const std::vector<T>> v) {
    const T* p = v->data();
    const std::size_t n = v->size();
    return Column(detail::dtype_for<T>(), p, n, static_cast<std::ptrdiff_t>(sizeof(T)),
                  std::move(v));
  }

  Column column_;
};

/// Borrows `count` elements starting at `data`, `stride_in_elements` elements apart (1:
/// contiguous; 2: every other element; negative: backwards; e.g. for a field of an array of
/// structs, pass its address and `sizeof(Struct) / sizeof(T)`). Nothing is copied: **the
/// caller keeps the memory alive** (and unchanged while it is drawn) for as long as any
/// DataRef, Column or container made from it is in use. After changing the values, tell the
/// container (e.g. ArrayContainer::mark_changed()) so cached results are renewed.
///
/// **Example**
/// ```
/// struct P { float x, y; };
/// std::vector<P> pts = ...;
/// auto ys = strata::view(&pts[0].y, pts.size(), 2);  // float32, stride 8 bytes
/// ```
template <detail::column_element T>
[[nodiscard]] DataRef view(const T* data, std::size_t count,
                           std::ptrdiff_t stride_in_elements = 1) {
  return DataRef(detail::view_column(detail::dtype_for<T>(), data, count,
                                     stride_in_elements * static_cast<std::ptrdiff_t>(sizeof(T))));
}

/// Borrows a contiguous range (vector, span, array, C array) without copying: **the caller
/// keeps the memory alive** while the result is in use. Temporaries that own their elements
/// (e.g. `view(std::vector<double>{...})`) are rejected at compile time; spans are fine.
///
/// **Example**
/// ```
/// std::vector<double> x = ...;
/// auto c = std::make_shared<strata::ArrayContainer>(
///     std::map<std::string, strata::DataRef>{{"x", strata::view(x)}, {"y", y}});
/// ```
template <detail::column_range R>
requires(std::is_lvalue_reference_v<R> || std::ranges::borrowed_range<R>) [[nodiscard]] DataRef
    view(R&& values) {
  return view(std::ranges::data(values), std::ranges::size(values));
}

}  // namespace strata
