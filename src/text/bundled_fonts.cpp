// SPDX-License-Identifier: MIT
// The DejaVu fonts, assembled into .rodata with .incbin (GNU assembler, ELF). The directory
// comes from CMake (STRATA_DEJAVU_DIR, found at configure time in Debian's fonts-dejavu-core
// and fonts-dejavu-extra), so output never depends on the fonts of the machine it runs on.
// matplotlib's mathtext faces (DejaVu Sans/Serif Display, STIXGeneral, STIXSize*Sym) come
// from STRATA_MPL_FONTS_DIR (Debian's python-matplotlib-data); see docs/fonts.md.
#include "text/bundled_fonts.hpp"

#include <array>

#ifndef STRATA_DEJAVU_DIR
#error "STRATA_DEJAVU_DIR must name the directory of the DejaVu .ttf files"
#endif
#ifndef STRATA_MPL_FONTS_DIR
#error "STRATA_MPL_FONTS_DIR must name matplotlib's mpl-data/fonts/ttf directory"
#endif

// Each file becomes [sym, sym_end) in its own read-only section; the symbols are hidden so
// that they never clash with or get interposed by another library's.
#define STRATA_INCBIN(sym, file) STRATA_INCBIN_FROM(sym, STRATA_DEJAVU_DIR, file)
#define STRATA_INCBIN_FROM(sym, dir, file)  \
  asm(".section .rodata.strata_fonts." #sym \
      ",\"a\",@progbits\n"                  \
      ".balign 16\n"                        \
      ".globl " #sym                        \
      "\n"                                  \
      ".hidden " #sym "\n" #sym             \
      ":\n"                                 \
      ".incbin \"" dir "/" file             \
      "\"\n"                                \
      ".globl " #sym                        \
      "_end\n"                              \
      ".hidden " #sym "_end\n" #sym         \
      "_end:\n"                             \
      ".byte 0\n"                           \
      ".previous\n");                       \
  extern "C" const unsigned char sym[];     \
  extern "C" const unsigned char sym##_end[];

STRATA_INCBIN(strata_font_sans, "DejaVuSans.ttf")
STRATA_INCBIN(strata_font_sans_bold, "DejaVuSans-Bold.ttf")
STRATA_INCBIN(strata_font_sans_oblique, "DejaVuSans-Oblique.ttf")
STRATA_INCBIN(strata_font_sans_bold_oblique, "DejaVuSans-BoldOblique.ttf")
STRATA_INCBIN(strata_font_serif, "DejaVuSerif.ttf")
STRATA_INCBIN(strata_font_serif_bold, "DejaVuSerif-Bold.ttf")
STRATA_INCBIN(strata_font_serif_italic, "DejaVuSerif-Italic.ttf")
STRATA_INCBIN(strata_font_serif_bold_italic, "DejaVuSerif-BoldItalic.ttf")
STRATA_INCBIN(strata_font_mono, "DejaVuSansMono.ttf")
STRATA_INCBIN(strata_font_mono_bold, "DejaVuSansMono-Bold.ttf")
STRATA_INCBIN(strata_font_mono_oblique, "DejaVuSansMono-Oblique.ttf")
STRATA_INCBIN(strata_font_mono_bold_oblique, "DejaVuSansMono-BoldOblique.ttf")
STRATA_INCBIN_FROM(strata_font_sans_display, STRATA_MPL_FONTS_DIR, "DejaVuSansDisplay.ttf")
STRATA_INCBIN_FROM(strata_font_serif_display, STRATA_MPL_FONTS_DIR, "DejaVuSerifDisplay.ttf")
STRATA_INCBIN_FROM(strata_font_stix_general, STRATA_MPL_FONTS_DIR, "STIXGeneral.ttf")
STRATA_INCBIN_FROM(strata_font_stix_size1, STRATA_MPL_FONTS_DIR, "STIXSizOneSymReg.ttf")
STRATA_INCBIN_FROM(strata_font_stix_size2, STRATA_MPL_FONTS_DIR, "STIXSizTwoSymReg.ttf")
STRATA_INCBIN_FROM(strata_font_stix_size3, STRATA_MPL_FONTS_DIR, "STIXSizThreeSymReg.ttf")
STRATA_INCBIN_FROM(strata_font_stix_size4, STRATA_MPL_FONTS_DIR, "STIXSizFourSymReg.ttf")
STRATA_INCBIN_FROM(strata_font_stix_size5, STRATA_MPL_FONTS_DIR, "STIXSizFiveSymReg.ttf")

namespace strata::text_detail {

namespace {

std::span<const std::uint8_t> bytes(const unsigned char* begin, const unsigned char* end) {
  return {begin, static_cast<std::size_t>(end - begin)};
}

}  // namespace

std::span<const BundledFont> bundled_fonts() {
  static const std::array<BundledFont, 20> fonts{{
      {"DejaVu Sans", "DejaVuSans.ttf", FontStyle::normal, 400,
       bytes(strata_font_sans, strata_font_sans_end)},
      {"DejaVu Sans", "DejaVuSans-Bold.ttf", FontStyle::normal, 700,
       bytes(strata_font_sans_bold, strata_font_sans_bold_end)},
      {"DejaVu Sans", "DejaVuSans-Oblique.ttf", FontStyle::oblique, 400,
       bytes(strata_font_sans_oblique, strata_font_sans_oblique_end)},
      {"DejaVu Sans", "DejaVuSans-BoldOblique.ttf", FontStyle::oblique, 700,
       bytes(strata_font_sans_bold_oblique, strata_font_sans_bold_oblique_end)},
      {"DejaVu Serif", "DejaVuSerif.ttf", FontStyle::normal, 400,
       bytes(strata_font_serif, strata_font_serif_end)},
      {"DejaVu Serif", "DejaVuSerif-Bold.ttf", FontStyle::normal, 700,
       bytes(strata_font_serif_bold, strata_font_serif_bold_end)},
      {"DejaVu Serif", "DejaVuSerif-Italic.ttf", FontStyle::italic, 400,
       bytes(strata_font_serif_italic, strata_font_serif_italic_end)},
      {"DejaVu Serif", "DejaVuSerif-BoldItalic.ttf", FontStyle::italic, 700,
       bytes(strata_font_serif_bold_italic, strata_font_serif_bold_italic_end)},
      {"DejaVu Sans Mono", "DejaVuSansMono.ttf", FontStyle::normal, 400,
       bytes(strata_font_mono, strata_font_mono_end)},
      {"DejaVu Sans Mono", "DejaVuSansMono-Bold.ttf", FontStyle::normal, 700,
       bytes(strata_font_mono_bold, strata_font_mono_bold_end)},
      {"DejaVu Sans Mono", "DejaVuSansMono-Oblique.ttf", FontStyle::oblique, 400,
       bytes(strata_font_mono_oblique, strata_font_mono_oblique_end)},
      {"DejaVu Sans Mono", "DejaVuSansMono-BoldOblique.ttf", FontStyle::oblique, 700,
       bytes(strata_font_mono_bold_oblique, strata_font_mono_bold_oblique_end)},
      {"DejaVu Sans Display", "DejaVuSansDisplay.ttf", FontStyle::normal, 400,
       bytes(strata_font_sans_display, strata_font_sans_display_end)},
      {"DejaVu Serif Display", "DejaVuSerifDisplay.ttf", FontStyle::normal, 400,
       bytes(strata_font_serif_display, strata_font_serif_display_end)},
      {"STIXGeneral", "STIXGeneral.ttf", FontStyle::normal, 400,
       bytes(strata_font_stix_general, strata_font_stix_general_end)},
      {"STIXSizeOneSym", "STIXSizOneSymReg.ttf", FontStyle::normal, 400,
       bytes(strata_font_stix_size1, strata_font_stix_size1_end)},
      {"STIXSizeTwoSym", "STIXSizTwoSymReg.ttf", FontStyle::normal, 400,
       bytes(strata_font_stix_size2, strata_font_stix_size2_end)},
      {"STIXSizeThreeSym", "STIXSizThreeSymReg.ttf", FontStyle::normal, 400,
       bytes(strata_font_stix_size3, strata_font_stix_size3_end)},
      {"STIXSizeFourSym", "STIXSizFourSymReg.ttf", FontStyle::normal, 400,
       bytes(strata_font_stix_size4, strata_font_stix_size4_end)},
      {"STIXSizeFiveSym", "STIXSizFiveSymReg.ttf", FontStyle::normal, 400,
       bytes(strata_font_stix_size5, strata_font_stix_size5_end)},
  }};
  return fonts;
}

}  // namespace strata::text_detail
