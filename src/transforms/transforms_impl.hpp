// SPDX-License-Identifier: MIT
#pragma once
// Private helpers shared by the transform sources.

#include "strata/transforms/transform.hpp"

namespace strata::detail {

/// A live inverse of the affine transform `source`: its matrix is `source`'s inverted,
/// recomputed when `source` changes; its inverse is `source` itself. Throws
/// strata::ValueError when `source` is singular now (and when read while singular later).
[[nodiscard]] TransformPtr make_inverted_affine(TransformPtr source);

}  // namespace strata::detail
