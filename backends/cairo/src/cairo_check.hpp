// SPDX-License-Identifier: MIT
#pragma once
// Cairo's sticky status turned into strata::BackendError, in one place.

#include <cairo.h>
#include <fmt/format.h>

#include <memory>
#include <string_view>

#include "strata/error.hpp"

namespace strata::cairo_backend {

inline void check(cairo_status_t status, std::string_view what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw BackendError(fmt::format("cairo: {}: {}", what, cairo_status_to_string(status)));
  }
}
inline void check(cairo_t* cr, std::string_view what) { check(cairo_status(cr), what); }
inline void check(cairo_surface_t* s, std::string_view what) {
  check(cairo_surface_status(s), what);
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct PatternDeleter {
  void operator()(cairo_pattern_t* p) const { cairo_pattern_destroy(p); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;
using PatternPtr = std::unique_ptr<cairo_pattern_t, PatternDeleter>;

}  // namespace strata::cairo_backend
