// SPDX-License-Identifier: MIT
#pragma once
// SVG text as text (rcParams svg.fonttype 'none'), as matplotlib's RendererSVG writes it.
//
// Cairo's SVG surface can only draw glyphs as shapes, so the renderer writes each text line
// into a list as the <text> markup matplotlib's _draw_text_as_text writes, and draws a tiny
// placeholder rectangle in a reserved colour where the text belongs in the drawing order
// (inside the same clip group). After Cairo has finished the document, every placeholder
// <path> is replaced by its markup.

#include <cstdint>
#include <string>
#include <vector>

#include "strata/backend/graphics_context.hpp"
#include "strata/backend/renderer.hpp"

namespace strata::cairo_backend {

/// matplotlib's markup for `e` (svg.fonttype 'none'): a <text> element for plain text; for math
/// the comment with the source and a <g> holding a <text> of <tspan>s and the <rect>s. One
/// element per line, without indentation; `height` is the canvas height in points.
[[nodiscard]] std::string svg_text_markup(const GraphicsContext& gc, const TextElement& e,
                                          double height);

/// The placeholder colour of text number `index` (RGB; alpha kSvgPlaceholderAlpha).
[[nodiscard]] Rgba svg_placeholder_color(std::size_t index);
inline constexpr double kSvgPlaceholderAlpha = 0.5;

/// Replaces the placeholder paths in the finished SVG `bytes` by `texts[index]`. A text whose
/// placeholder Cairo dropped (wholly clipped away) is left out.
void substitute_svg_texts(std::vector<std::uint8_t>& bytes, const std::vector<std::string>& texts);

}  // namespace strata::cairo_backend
