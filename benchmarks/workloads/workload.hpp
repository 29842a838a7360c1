// SPDX-License-Identifier: MIT
#pragma once
// Shared plumbing of the workload programs (benchmarks/workloads/wNN_*.cpp): the size from
// argv, the output directory from PERF_OUT_DIR (default "out"), seeded data generators
// outside the timed region, and one JSON line per run with the same keys as the matplotlib
// scripts in shared/bench/matplotlib/ ({"workload", "N", "seconds", "bytes", "file"}), which
// benchmarks/run reads.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace workload {

/// argv[i] as a count ("1e6" allowed), or `fallback`.
inline std::size_t count_arg(int argc, char** argv, int i, std::size_t fallback) {
  if (argc <= i) return fallback;
  return static_cast<std::size_t>(std::strtod(argv[i], nullptr));
}

inline std::string string_arg(int argc, char** argv, int i, const char* fallback) {
  return argc > i ? std::string(argv[i]) : std::string(fallback);
}

/// $PERF_OUT_DIR/name (the directory is created).
inline std::filesystem::path out_path(const std::string& name) {
  const char* env = std::getenv("PERF_OUT_DIR");
  const std::filesystem::path dir = env != nullptr && *env != '\0' ? env : "out";
  std::filesystem::create_directories(dir);
  return dir / name;
}

/// Wall-clock seconds since construction (steady clock).
class Timer {
 public:
  [[nodiscard]] double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

/// Standard normal samples (seeded; the same on every run).
inline std::vector<double> normals(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> d;
  std::vector<double> v(n);
  for (double& x : v) x = d(rng);
  return v;
}

/// Uniform samples in [lo, hi) (seeded).
inline std::vector<double> uniforms(std::size_t n, std::uint64_t seed, double lo = 0,
                                    double hi = 1) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> d(lo, hi);
  std::vector<double> v(n);
  for (double& x : v) x = d(rng);
  return v;
}

/// A random walk: the cumulative sum of standard normals.
inline std::vector<double> random_walk(std::size_t n, std::uint64_t seed) {
  std::vector<double> v = normals(n, seed);
  double s = 0;
  for (double& x : v) x = (s += x);
  return v;
}

/// 0, 1, ..., n-1.
inline std::vector<double> arange(std::size_t n) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<double>(i);
  return v;
}

/// Prints the result line benchmarks/run parses.
inline void report(const std::string& name, std::size_t n, double seconds,
                   const std::filesystem::path& file, const std::string& extra = {}) {
  std::error_code ec;
  std::uintmax_t bytes = 0;
  if (std::filesystem::is_directory(file, ec)) {
    for (const auto& e : std::filesystem::directory_iterator(file)) bytes += e.file_size();
  } else {
    bytes = std::filesystem::file_size(file, ec);
  }
  fmt::print(R"({{"workload": "{}", "N": {}, "seconds": {:.6f}, "bytes": {}, "file": "{}"{}}})"
             "\n",
             name, n, seconds, bytes, file.string(), extra);
  std::fflush(stdout);
}

}  // namespace workload
