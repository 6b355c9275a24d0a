// Small helpers shared by the two command-line programs.
#pragma once

#include <string>

// Repeated options (--index, --delete) are lists; a value is never split (paths and ids may hold commas).
#define CXXOPTS_VECTOR_DELIMITER '\0'
#include <cxxopts.hpp>

namespace bahth {

/// The index used when --index is not given: $BAHTH_INDEX, else $XDG_DATA_HOME/bahth/index, else
/// ~/.local/share/bahth/index.
std::string default_index_path();

/// Where the programs keep state between runs (the prompt's history, saved searches): $XDG_STATE_HOME/bahth,
/// else ~/.local/state/bahth; empty when neither variable is set. Not created here.
std::string state_dir();

/// Parses the command line with `spec`; prints `--help` (the options, then `help_tail`) or `--version` and
/// exits 0 when asked; turns cxxopts' errors into UsageError.
cxxopts::ParseResult parse_command_line(cxxopts::Options& spec, int argc, char** argv, const char* help_tail);

/// Makes writes to a closed pipe fail with EPIPE instead of killing the process, so `| head` ends quietly.
void ignore_sigpipe();

}  // namespace bahth
