# SPDX-License-Identifier: MIT
# Writes GALLERY/index.html: every NAME.png of the gallery beside the source of the example
# that drew it (SOURCES/NAME.cpp), with links to the PDF, SVG and PS files.
# Usage: cmake -DGALLERY=dir -DSOURCES=dir -P make_index.cmake
if(NOT GALLERY OR NOT SOURCES)
  message(FATAL_ERROR "make_index.cmake: GALLERY and SOURCES must be given")
endif()
file(GLOB pngs RELATIVE "${GALLERY}" "${GALLERY}/*.png")
list(SORT pngs)
set(html "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
string(APPEND html "<title>Strata gallery</title>\n<style>\n"
  "body{font-family:sans-serif;margin:2em;max-width:1400px}\n"
  "section{display:flex;gap:1.5em;align-items:flex-start;border-top:1px solid #ccc;padding:1em 0}\n"
  "img{max-width:640px;border:1px solid #eee}\n"
  "pre{font-size:12px;background:#f7f7f7;padding:0.8em;overflow:auto;max-height:480px;flex:1}\n"
  "</style>\n</head>\n<body>\n<h1>Strata gallery</h1>\n")
list(LENGTH pngs count)
string(APPEND html "<p>${count} figures, each drawn by the example program whose source is shown "
  "beside it (also written as PDF, SVG and PostScript).</p>\n")
foreach(png IN LISTS pngs)
  string(REGEX REPLACE "\\.png$" "" name "${png}")
  set(source "${SOURCES}/${name}.cpp")
  set(code "(no source file ${name}.cpp)")
  if(EXISTS "${source}")
    file(READ "${source}" code)
    string(REPLACE "&" "&amp;" code "${code}")
    string(REPLACE "<" "&lt;" code "${code}")
    string(REPLACE ">" "&gt;" code "${code}")
  endif()
  string(APPEND html "<section id=\"${name}\">\n<div><h2>${name}</h2>\n"
    "<img src=\"${png}\" alt=\"${name}\"><br>\n"
    "<a href=\"${name}.pdf\">PDF</a> · <a href=\"${name}.svg\">SVG</a> · "
    "<a href=\"${name}.ps\">PS</a></div>\n<pre><code>${code}</code></pre>\n</section>\n")
endforeach()
string(APPEND html "</body>\n</html>\n")
file(WRITE "${GALLERY}/index.html.tmp" "${html}")
file(RENAME "${GALLERY}/index.html.tmp" "${GALLERY}/index.html")
