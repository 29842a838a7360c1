// SPDX-License-Identifier: MIT
// The non-template side of DataRef / strata::view: copying (gathering strided input into a
// contiguous owned vector of the same dtype) and borrowing.
#include "strata/data/data_ref.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "strata/error.hpp"

namespace strata {

namespace {

void check_input(const char* who, DType dtype, const void* data, std::size_t count) {
  (void)dtype_name(dtype);  // throws on an invalid enum value
  if (data == nullptr && count > 0) {
    throw ValueError(fmt::format("{}: data is null but count is {}", who, count));
  }
}

/// Storage for `count` values of T, uninitialized: the copy is the only pass over it (a
/// zero-filled vector would write it twice). (Transparent huge pages were tried for big copies:
/// fewer page faults, but the kernel's synchronous compaction made the first copy of 160 MB
/// 4x slower on this machine.)
template <class T>
std::shared_ptr<T[]> allocate_for_copy(std::size_t count) {
  return std::shared_ptr<T[]>(new T[std::max<std::size_t>(count, 1)]);
}

/// A new array of T holding the `count` elements at `data` (stride in bytes), as a column.
template <class T>
Column gather(const void* data, std::size_t count, std::ptrdiff_t stride_bytes) {
  std::shared_ptr<T[]> v = allocate_for_copy<T>(count);
  if (count > 0) {
    const auto* src = static_cast<const std::byte*>(data);
    auto* dst = reinterpret_cast<std::byte*>(v.get());
    if (stride_bytes == static_cast<std::ptrdiff_t>(sizeof(T))) {
      std::memcpy(dst, src, count * sizeof(T));
    } else {
      for (std::size_t i = 0; i < count; ++i, src += stride_bytes, dst += sizeof(T)) {
        std::memcpy(dst, src, sizeof(T));
      }
    }
  }
  const T* p = v.get();
  return Column(detail::dtype_for<T>(), p, count, static_cast<std::ptrdiff_t>(sizeof(T)),
                std::shared_ptr<const T[]>(std::move(v)));
}

}  // namespace

namespace detail {

Column copy_column(DType dtype, const void* data, std::size_t count, std::ptrdiff_t stride_bytes) {
  check_input("DataRef", dtype, data, count);
  switch (dtype) {
    case DType::float64:
      return gather<double>(data, count, stride_bytes);
    case DType::float32:
      return gather<float>(data, count, stride_bytes);
    case DType::int64:
      return gather<std::int64_t>(data, count, stride_bytes);
    case DType::int32:
      return gather<std::int32_t>(data, count, stride_bytes);
    case DType::int16:
      return gather<std::int16_t>(data, count, stride_bytes);
    case DType::int8:
      return gather<std::int8_t>(data, count, stride_bytes);
    case DType::uint64:
      return gather<std::uint64_t>(data, count, stride_bytes);
    case DType::uint32:
      return gather<std::uint32_t>(data, count, stride_bytes);
    case DType::uint16:
      return gather<std::uint16_t>(data, count, stride_bytes);
    case DType::uint8:
      return gather<std::uint8_t>(data, count, stride_bytes);
  }
  throw ValueError(fmt::format("DataRef: invalid dtype {}", static_cast<int>(dtype)));
}

Column view_column(DType dtype, const void* data, std::size_t count, std::ptrdiff_t stride_bytes) {
  check_input("strata::view", dtype, data, count);
  return Column(dtype, data, count, stride_bytes, nullptr);
}

}  // namespace detail

DataRef::DataRef(std::initializer_list<double> values)
    : column_(Column::from_vector(std::vector<double>(values))) {}

}  // namespace strata
