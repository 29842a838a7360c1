// SPDX-License-Identifier: MIT
// Gaps found auditing issue 4 (text): PostScript text is extractable like PDF text, Arabic
// (right to left, joining) is shaped by HarfBuzz, and CJK text shapes with a font that has
// the glyphs (skipped with a warning when the machine has none).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "strata/artist/figure.hpp"
#include "strata/backend/canvas.hpp"
#include "strata/text/font.hpp"
#include "support/catch.hpp"
#include "support/paths.hpp"

TEST_CASE("PS and EPS text can be extracted", "[text_audit]") {
  strata::Figure fig({.figsize = strata::Size{4, 3}});
  fig.text(0.1, 0.5, "Sine and cosine \u00b0C \u22121.5");
  const auto dir = strata::test::output_path("text_ps_extract");
  std::filesystem::create_directories(dir);
  for (const char* ext : {"ps", "eps"}) {
    const auto ps = dir / (std::string("text.") + ext);
    const auto txt = dir / (std::string(ext) + ".txt");
    fig.savefig(ps);
    const std::string cmd = "ps2ascii '" + ps.string() + "' '" + txt.string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream in(txt);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(ext << ": " << text);
    CHECK(text.find("Sine and cosine \u00b0C \u22121.5") != std::string::npos);
  }
}

TEST_CASE("Arabic is shaped right to left with joining forms", "[text_audit]") {
  // DejaVu Sans has Arabic with its initial, medial and final forms.
  const std::string salam = "\u0633\u0644\u0627\u0645";
  const auto runs = strata::shape(salam, {}, 100);
  REQUIRE(runs.size() == 1);
  const auto& run = runs[0];
  REQUIRE(!run.glyph_ids.empty());
  // Visual order: clusters run backwards (the last letter first).
  CHECK(run.clusters.front() > run.clusters.back());
  const auto font = strata::find_font({});
  int contextual = 0;
  for (std::uint32_t g : run.glyph_ids) {
    CHECK(g != 0);
    bool nominal = false;
    for (char32_t c : {U'\u0633', U'\u0644', U'\u0627', U'\u0645'}) {
      nominal = nominal || font->glyph_index(c) == g;
    }
    if (!nominal) ++contextual;
  }
  CHECK(contextual > 0);  // joined forms, not the isolated letters
  // Pen positions decrease from the first glyph drawn to the right end: x increasing.
  CHECK(run.positions.back().x > run.positions.front().x);
}

TEST_CASE("CJK shapes with a font that has it", "[text_audit]") {
  const strata::FontProperties props{
      .family = {"Droid Sans Fallback", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "sans-serif"}};
  const auto runs = strata::shape("\u4e2d\u6587 abc", props, 100);
  const auto cjk = std::find_if(runs.begin(), runs.end(), [](const strata::GlyphRun& r) {
    return r.text.find("\u4e2d") != std::string::npos;
  });
  REQUIRE(cjk != runs.end());
  const auto* font = dynamic_cast<const strata::Font*>(cjk->source.get());
  REQUIRE(font != nullptr);
  if (font->family_name().rfind("DejaVu", 0) == 0) {
    WARN("no CJK font installed; CJK shaping not checked");
    return;
  }
  REQUIRE(cjk->glyph_ids.size() >= 2);
  CHECK(cjk->glyph_ids[0] != 0);
  CHECK(cjk->glyph_ids[1] != 0);
  // Ideographs are one em wide: 10 pt at 100 dpi.
  CHECK(cjk->positions[1].x - cjk->positions[0].x == Approx(10.0 * 100 / 72).margin(0.5));
  // The Latin part comes from the next families of the list or DejaVu Sans.
  const auto m = strata::measure("\u4e2d\u6587 abc", props, 100);
  CHECK(m.width > 2 * 10.0 * 100 / 72);
}
