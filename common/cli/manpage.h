// A program's man page, written from the same description as its --help (cli/options.h), so the page
// cannot miss an option the program has. `bahth-search --generate man` prints it; the build writes both
// programs' pages with it and `cmake --install` puts them in share/man/man1.
//
// The page: NAME (the summary), SYNOPSIS (the usage), DESCRIPTION, OPTIONS (every option with its value
// name and default), then one section per help section in their order (QUERY SYNTAX, EXIT STATUS,
// ENVIRONMENT, FILES, EXAMPLES, SEE ALSO ...). It carries no date, so the same build writes the same bytes.
#pragma once

#include <string>
#include <vector>

#include "cli/options.h"

namespace bahth {

/// The man page (section 1, roff with man macros, UTF-8) of `help`'s program with `options`; `version` goes
/// in the footer.
std::string man_page(const ProgramHelp& help, const std::vector<OptionDoc>& options, const std::string& version);

}  // namespace bahth
