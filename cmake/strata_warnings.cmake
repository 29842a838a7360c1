# SPDX-License-Identifier: MIT
# Warnings are PRIVATE to our own targets; -Werror only with STRATA_WERROR.
function(strata_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    $<$<BOOL:${STRATA_WERROR}>:-Werror>
    # GCC 12 at -O2/-O3 reports bogus -Wrestrict on plain std::string assignment
    # (GCC PR 105329 / 105651: `gc.hatch = "o";`), which -Werror turns into a build failure.
    $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)
endfunction()
