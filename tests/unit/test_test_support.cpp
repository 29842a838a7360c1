// SPDX-License-Identifier: MIT
// Checks of the test set-up itself: the directories tests use and the version macros.
#include <filesystem>
#include <fstream>
#include <string>

#include "strata/version.hpp"
#include "support/catch.hpp"
#include "support/paths.hpp"

TEST_CASE("tests can write to the output directory", "[support]") {
  const auto path = strata::test::output_path("test_support_probe.txt");
  {
    std::ofstream out(path);
    out << "probe\n";
  }
  REQUIRE(std::filesystem::file_size(path) == 6);
  std::filesystem::remove(path);
}

TEST_CASE("the source directory holds the tests", "[support]") {
  CHECK(std::filesystem::is_directory(strata::test::source_dir() / "unit"));
}

TEST_CASE("the version string matches the version numbers", "[support][version]") {
  const std::string expected = std::to_string(STRATA_VERSION_MAJOR) + "." +
                               std::to_string(STRATA_VERSION_MINOR) + "." +
                               std::to_string(STRATA_VERSION_PATCH);
  CHECK(expected == STRATA_VERSION_STRING);
}

TEST_CASE("version.hpp agrees with the CMake project version", "[support][version]") {
  CHECK(std::string(STRATA_VERSION_STRING) == STRATA_TEST_PROJECT_VERSION);
}
