// SPDX-License-Identifier: MIT
// The one place tests name the Catch2 header, so moving to Catch2 v3
// (<catch2/catch_test_macros.hpp>, <catch2/catch_approx.hpp>, ...) touches only this file.
#pragma once

#include <catch2/catch.hpp>  // Catch2 v2 (2.13, Debian 12 package catch2)
