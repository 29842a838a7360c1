// SPDX-License-Identifier: MIT
#pragma once

/// Symbol visibility for shared builds. Static builds (the default) leave it empty.
#if defined(STRATA_SHARED)
#if defined(STRATA_BUILDING)
#define STRATA_API __attribute__((visibility("default")))
#else
#define STRATA_API __attribute__((visibility("default")))
#endif
#else
#define STRATA_API
#endif
