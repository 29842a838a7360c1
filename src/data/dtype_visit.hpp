// SPDX-License-Identifier: MIT
#pragma once
// Dispatch on a column's element type, shared by the data layer's sources.

#include <fmt/format.h>

#include <cstdint>

#include "strata/data/container.hpp"
#include "strata/error.hpp"

namespace strata::detail {

/// Calls f.template operator()<T>() with the C++ type of `t`; `who` names the caller in the
/// error for an invalid value.
template <class F>
decltype(auto) visit_dtype(DType t, F&& f, const char* who) {
  switch (t) {
    case DType::float64:
      return f.template operator()<double>();
    case DType::float32:
      return f.template operator()<float>();
    case DType::int64:
      return f.template operator()<std::int64_t>();
    case DType::int32:
      return f.template operator()<std::int32_t>();
    case DType::int16:
      return f.template operator()<std::int16_t>();
    case DType::int8:
      return f.template operator()<std::int8_t>();
    case DType::uint64:
      return f.template operator()<std::uint64_t>();
    case DType::uint32:
      return f.template operator()<std::uint32_t>();
    case DType::uint16:
      return f.template operator()<std::uint16_t>();
    case DType::uint8:
      return f.template operator()<std::uint8_t>();
  }
  throw ValueError(fmt::format("{}: invalid dtype {}", who, static_cast<int>(t)));
}

}  // namespace strata::detail
