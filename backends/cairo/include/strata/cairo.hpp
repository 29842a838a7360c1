// SPDX-License-Identifier: MIT
#pragma once
// The Cairo backend: raster (PNG, raw RGBA), PDF, SVG, PS and EPS output.
// Linking strata::cairo (or the umbrella strata::strata) registers these formats with
// FormatRegistry::global() automatically; nothing here needs to be called.

#include "strata/backend/canvas.hpp"
#include "strata/export.hpp"

namespace strata::cairo {

/// Registers png, rgba (alias raw), pdf, svg, ps and eps, and the raster surface factory,
/// with `registry`. Idempotent. Called for the global registry at start-up.
STRATA_API void register_formats(FormatRegistry& registry);

/// The version of the Cairo library in use, e.g. "1.16.0".
[[nodiscard]] STRATA_API const char* cairo_version();

}  // namespace strata::cairo
