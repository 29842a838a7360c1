// SPDX-License-Identifier: MIT
// Where tests read their inputs and write their outputs.
#pragma once

#include <filesystem>
#include <string_view>

namespace strata::test {

/// tests/ of the source tree (baselines live in tests/baseline/).
inline std::filesystem::path source_dir() { return STRATA_TEST_SOURCE_DIR; }

/// A directory under the build tree for files tests write; created on first use.
/// Tests run in parallel, so each test writes only files named after itself.
inline std::filesystem::path output_dir() {
  std::filesystem::path dir = STRATA_TEST_OUTPUT_DIR;
  std::filesystem::create_directories(dir);
  return dir;
}

/// output_dir() / name.
inline std::filesystem::path output_path(std::string_view name) { return output_dir() / name; }

}  // namespace strata::test
