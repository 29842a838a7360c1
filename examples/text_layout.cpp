// SPDX-License-Identifier: MIT
// Text layout as matplotlib's Text: the ha x va alignment grid, rotation with both rotation
// modes (the rotated window extent and the unrotated box drawn around each text), background
// boxes of every box style, and a page of mathtext, all through strata::layout_text and
// strata::draw_text (no artists).
//
//   text_layout [OUTDIR]   writes OUTDIR/text_layout.{png,pdf,svg,ps}

#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "strata/backend/canvas.hpp"
#include "strata/text/layout.hpp"

namespace {

using strata::Affine2D;
using strata::GraphicsContext;
using strata::HAlign;
using strata::Path;
using strata::Point;
using strata::Rgba;
using strata::VAlign;

constexpr Rgba kRed{0.84, 0.15, 0.16, 1};
constexpr Rgba kGray{0.6, 0.6, 0.6, 1};
constexpr Rgba kBlue{0.12, 0.47, 0.71, 1};

class Sheet final : public strata::Drawable {
 public:
  strata::Size size_inches() const override { return {10.0, 12.0}; }

  void draw(strata::Renderer& r) override {
    u_ = r.dpi() / 100.0;  // the sheet is laid out in pixels at 100 dpi
    text(r, "Text layout", {500, 1170}, {.ha = HAlign::center, .va = VAlign::center},
         {.weight = 700, .size = 18});
    alignment_grid(r);
    rotation_modes(r);
    boxes(r);
    mathtext(r);
  }

 private:
  double u_ = 1.0;

  [[nodiscard]] Point at(Point p) const { return {p.x * u_, p.y * u_}; }

  void text(strata::Renderer& r, const std::string& s, Point p, const strata::TextLayoutOptions& o,
            const strata::FontProperties& props = {}, Rgba color = {0, 0, 0, 1}) const {
    GraphicsContext gc;
    gc.color = color;
    strata::draw_text(r, strata::layout_text(s, props, r.dpi(), o), at(p), gc);
  }

  void heading(strata::Renderer& r, const std::string& s, double y) const {
    text(r, s, {20, y}, {.va = VAlign::top}, {.weight = 700, .size = 12}, {0.3, 0.3, 0.3, 1});
  }

  void dot(strata::Renderer& r, Point p) const {
    GraphicsContext gc;
    gc.linewidth = 0;
    r.draw_path(gc, Path::circle(at(p), 3.0 * u_), {}, kRed);
  }

  void line(strata::Renderer& r, Point a, Point b, Rgba color, bool dashed = false) const {
    GraphicsContext gc;
    gc.color = color;
    gc.linewidth = 0.6;
    if (dashed) gc.dashes = {0, {2.0, 2.0}};
    r.draw_path(gc, Path({at(a), at(b)}), {}, std::nullopt);
  }

  void polygon(strata::Renderer& r, const std::vector<Point>& pts, Rgba color, bool dashed) const {
    std::vector<Point> v = pts;
    v.push_back(pts.front());
    GraphicsContext gc;
    gc.color = color;
    gc.linewidth = 0.8;
    if (dashed) gc.dashes = {0, {3.0, 2.0}};
    r.draw_path(gc, Path(std::move(v)), {}, std::nullopt);
  }

  // ha (columns) x va (rows): the anchor is the red dot where the grey lines cross.
  void alignment_grid(strata::Renderer& r) const {
    heading(r, "ha x va", 1140);
    const HAlign has[] = {HAlign::left, HAlign::center, HAlign::right};
    const char* ha_names[] = {"left", "center", "right"};
    const VAlign vas[] = {VAlign::top, VAlign::center, VAlign::bottom, VAlign::baseline,
                          VAlign::center_baseline};
    const char* va_names[] = {"top", "center", "bottom", "baseline", "center_baseline"};
    for (int j = 0; j < 5; ++j) {
      const double y = 1090 - 52.0 * j;
      line(r, {150, y}, {980, y}, kGray);
      text(r, va_names[j], {140, y}, {.ha = HAlign::right, .va = VAlign::center},
           {.style = strata::FontStyle::italic, .size = 10}, {0.3, 0.3, 0.3, 1});
      for (int i = 0; i < 3; ++i) {
        const double x = 290 + 280.0 * i;
        if (j == 0) {
          line(r, {x, 850}, {x, 1110}, kGray);
          text(r, ha_names[i], {x, 1120}, {.ha = HAlign::center},
               {.style = strata::FontStyle::italic, .size = 10}, {0.3, 0.3, 0.3, 1});
        }
        text(r, "Tgy 14 pt", {x, y}, {.ha = has[i], .va = vas[j]}, {.size = 14});
        dot(r, {x, y});
      }
    }
  }

  // rotation = 45 in rotation_mode "default" (left) and "anchor" (right): the rotated
  // window extent (solid blue) and the unrotated text box (dashed).
  void rotation_modes(strata::Renderer& r) const {
    heading(r, "rotation=45, rotation_mode='default'", 820);
    text(r, "rotation_mode='anchor'", {520, 820}, {.va = VAlign::top}, {.weight = 700, .size = 12},
         {0.3, 0.3, 0.3, 1});
    const HAlign has[] = {HAlign::left, HAlign::center, HAlign::right};
    const VAlign vas[] = {VAlign::top, VAlign::center, VAlign::baseline};
    for (int mode = 0; mode < 2; ++mode) {
      for (int j = 0; j < 3; ++j) {
        for (int i = 0; i < 3; ++i) {
          const Point p{100 + 500.0 * mode + 150.0 * i, 730 - 105.0 * j};
          const strata::TextLayoutOptions o{
              .ha = has[i],
              .va = vas[j],
              .rotation = 45,
              .rotation_mode = mode == 0 ? strata::RotationMode::default_mode
                                         : strata::RotationMode::anchor_mode};
          const auto lay = strata::layout_text("Tpg ha, va", {.size = 11}, r.dpi(), o);
          const strata::Bbox e = lay.extent;
          const double s = 1.0 / u_;  // layout pixels at r.dpi() back to sheet pixels
          polygon(r,
                  {{p.x + e.x0 * s, p.y + e.y0 * s},
                   {p.x + e.x1 * s, p.y + e.y0 * s},
                   {p.x + e.x1 * s, p.y + e.y1 * s},
                   {p.x + e.x0 * s, p.y + e.y1 * s}},
                  {0.12, 0.47, 0.71, 0.6}, false);
          const Affine2D rot = Affine2D().rotate_deg(45);
          std::vector<Point> corners;
          for (Point c : {Point{lay.box.x0, lay.box.y0}, Point{lay.box.x1, lay.box.y0},
                          Point{lay.box.x1, lay.box.y1}, Point{lay.box.x0, lay.box.y1}}) {
            const Point q = rot.transform(c);
            corners.push_back({p.x + q.x * s, p.y + q.y * s});
          }
          polygon(r, corners, {0.5, 0.5, 0.5, 1}, true);
          GraphicsContext gc;
          strata::draw_text(r, lay, at(p), gc);
          dot(r, p);
        }
      }
    }
    line(r, {500, 480}, {500, 790}, kGray, true);
  }

  // Every box style, upright and rotated by 30 degrees.
  void boxes(strata::Renderer& r) const {
    heading(r, "bbox=dict(boxstyle=...)", 465);
    const strata::BoxStyleName names[] = {
        strata::BoxStyleName::square, strata::BoxStyleName::round,  strata::BoxStyleName::round4,
        strata::BoxStyleName::circle, strata::BoxStyleName::larrow, strata::BoxStyleName::rarrow,
        strata::BoxStyleName::darrow};
    const Rgba faces[] = {{1.0, 0.88, 0.63, 1}, {0.82, 0.91, 1.0, 1}, {0.85, 0.95, 0.80, 1},
                          {1.0, 0.85, 0.85, 1}, {0.92, 0.87, 1.0, 1}, {0.95, 0.95, 0.80, 1},
                          {0.85, 0.95, 0.95, 1}};
    for (int row = 0; row < 2; ++row) {
      for (int i = 0; i < 7; ++i) {
        const Point p{80 + 140.0 * i, row == 0 ? 395.0 : 310.0};
        const std::string label(strata::boxstyle_name(names[i]));
        text(r, row == 0 ? label : label + "\nrotated", p,
             {.ha = HAlign::center,
              .va = VAlign::center,
              .rotation = row == 0 ? 0.0 : 30.0,
              .bbox = strata::TextBoxOptions{.boxstyle = strata::BoxStyle{.name = names[i]},
                                             .facecolor = faces[i],
                                             .edgecolor = kBlue}},
             {.size = 11});
      }
    }
  }

  // A page of mathtext: fractions, roots, sums, Greek, accents.
  void mathtext(strata::Renderer& r) const {
    heading(r, "mathtext", 258);
    const char* left[] = {
        R"($\frac{1}{2} + \frac{a+b}{c-d} = \dfrac{\pi}{4}$)",
        R"($\sqrt{2},\ \sqrt[3]{x+1},\ \sqrt{\frac{a}{b}}$)",
        R"($\sum_{i=0}^{\infty} \frac{1}{i^2} = \frac{\pi^2}{6}$)",
        R"($\int_0^1 x^2\,dx = \frac{1}{3}\quad \prod_{k=1}^{n} k = n!$)",
    };
    const char* right[] = {
        R"($\alpha\beta\gamma\delta\epsilon\theta\lambda\mu\pi\sigma\phi\omega\ \Gamma\Delta\Sigma\Omega$)",
        R"($\hat{x}\ \bar{y}\ \vec{v}\ \dot{a}\ \ddot{b}\ \tilde{n}\ \overline{AB}$)",
        R"(speed $v_0 = \frac{d}{t}$ (m s$^{-1}$))",
        R"($\left(\frac{a}{b}\right)^{n} \leq \infty,\ x \pm \sigma \approx 3 \times 10^{-3}$)",
    };
    for (int k = 0; k < 4; ++k) {
      const double y = 205 - 55.0 * k;
      text(r, left[k], {40, y}, {.va = VAlign::center}, {.size = 14});
      text(r, right[k], {520, y}, {.va = VAlign::center}, {.size = 14});
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::filesystem::path out = argc > 1 ? argv[1] : ".";
    std::filesystem::create_directories(out);
    Sheet sheet;
    strata::Canvas canvas(sheet);
    for (const char* ext : {"png", "pdf", "svg", "ps"}) {
      const auto path = out / (std::string("text_layout.") + ext);
      canvas.print(path);
      std::cout << path.string() << '\n';
    }
  } catch (const std::exception& e) {
    std::cerr << "text_layout: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
