// Small helpers shared by the two command-line programs.
#pragma once

#include <string>

namespace bahth {

/// The index used when --index is not given: $BAHTH_INDEX, else $XDG_DATA_HOME/bahth/index, else
/// ~/.local/share/bahth/index.
std::string default_index_path();

/// Makes writes to a closed pipe fail with EPIPE instead of killing the process, so `| head` ends quietly.
void ignore_sigpipe();

}  // namespace bahth
