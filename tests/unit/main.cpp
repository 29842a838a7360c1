// SPDX-License-Identifier: MIT
// The Catch2 main of strata_unit_tests; the test cases are in the other tests/unit/*.cpp.
#define CATCH_CONFIG_MAIN
#include "support/catch.hpp"
