// SPDX-License-Identifier: MIT
#pragma once
// Helpers for the gallery ports of shared/look: the data conventions of its README (LCG,
// Box-Muller normals, linspace) and the sidecar NAME.look.json that scripts/look compares with
// matplotlib's numbers (axes boxes in display pixels, major ticks drawn and their labels).
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <strata/artist/figure.hpp>
#include <string>
#include <vector>

namespace look {

/// linspace(a, b, n)[i] = a + i * ((b - a) / (n - 1)), last element = b exactly.
inline std::vector<double> linspace(double a, double b, int n) {
  std::vector<double> v(static_cast<std::size_t>(n));
  const double step = (b - a) / (n - 1);
  for (int i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = a + i * step;
  if (n > 1) v.back() = b;
  return v;
}

/// x_{n+1} = (1103515245 x_n + 12345) mod 2^31, u = x / 2^31 (the seed is not used).
class Lcg {
 public:
  explicit Lcg(std::uint64_t seed) : x_(seed) {}
  double uniform() {
    x_ = (1103515245ULL * x_ + 12345ULL) % 2147483648ULL;
    return static_cast<double>(x_) / 2147483648.0;
  }
  /// Box-Muller, cosine branch, u_a first.
  double normal() {
    const double ua = uniform();
    const double ub = uniform();
    return std::sqrt(-2.0 * std::log(1.0 - ua)) * std::cos(2.0 * M_PI * ub);
  }

 private:
  std::uint64_t x_;
};

inline std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

inline std::string json_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline void append_ticks(std::string& out, const strata::Axes& ax, bool x) {
  const strata::Axis& axis = x ? ax.xaxis() : ax.yaxis();
  std::vector<strata::TickInfo> ticks;
  if (ax.axison() && axis.get_visible()) ticks = axis.get_ticks_in_view(false);
  const strata::TickStyle& s = axis.major_style();
  std::string locs = "[", labels = "[";
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    if (i) {
      locs += ", ";
      labels += ", ";
    }
    locs += json_number(ticks[i].loc);
    labels += json_string((s.label1on || s.label2on) ? ticks[i].label : std::string());
  }
  const char* n = x ? "x" : "y";
  out +=
      std::string(", \"") + n + "ticks\": " + locs + "], \"" + n + "ticklabels\": " + labels + "]";
}

/// Writes DIR/NAME.look.json for the figure as last drawn.
inline void write_sidecar(strata::Figure& fig, const std::filesystem::path& dir,
                          const std::string& name) {
  fig.canvas().draw();
  const strata::Bbox fb = fig.get_window_extent();
  std::string out = "{\"figure\": {\"width\": " + json_number(fb.width()) +
                    ", \"height\": " + json_number(fb.height()) + "}, \"axes\": [";
  bool first = true;
  for (const strata::Axes* ax : fig.get_axes()) {
    if (!first) out += ", ";
    first = false;
    const strata::Bbox b = ax->get_window_extent();
    out += "{\"bbox\": [" + json_number(b.x0) + ", " + json_number(b.y0) + ", " +
           json_number(b.x1) + ", " + json_number(b.y1) + "]";
    append_ticks(out, *ax, true);
    append_ticks(out, *ax, false);
    out += "}";
  }
  out += "]}\n";
  std::ofstream(dir / (name + ".look.json")) << out;
}

/// Saves NAME.png/.pdf/.svg/.ps into DIR and writes the sidecar.
inline void save_all(strata::Figure& fig, const std::filesystem::path& dir,
                     const std::string& name) {
  std::filesystem::create_directories(dir);
  for (const char* ext : {"png", "pdf", "svg", "ps"}) {
    fig.savefig(dir / (name + "." + ext));
  }
  write_sidecar(fig, dir, name);
}

}  // namespace look
