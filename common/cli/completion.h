// Shell completion scripts for a program, written from the same description as its --help (cli/options.h):
// the options, the choices of every choice option (the tables the parser uses: base/choices.h), comma lists
// of choices (--facets year,mo<TAB>), and file or directory names where a file or directory is expected.
// `bahth-search --generate complete-bash` prints one; the build writes both programs' scripts with it and
// `cmake --install` puts them in share/bash-completion/completions and share/zsh/vendor-completions.
//
// The bash script needs only bash itself (not the bash-completion package's helpers): its function reads
// COMP_WORDS and COMP_CWORD and fills COMPREPLY, so a test can call it directly.
#pragma once

#include <string>
#include <vector>

#include "cli/options.h"

namespace bahth {

/// A bash script defining `_bahth_search` (the program name with "-" → "_") and registering it with
/// `complete -F`.
std::string bash_completion(const ProgramHelp& help, const std::vector<OptionDoc>& options);

/// A zsh completion function file (`#compdef PROGRAM`, to be installed as `_PROGRAM`) built on _arguments.
std::string zsh_completion(const ProgramHelp& help, const std::vector<OptionDoc>& options);

}  // namespace bahth
