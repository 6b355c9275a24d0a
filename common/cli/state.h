// Where bahth-search keeps state between runs: the prompt's history and the saved searches (--alert).
#pragma once

#include <string>

namespace bahth {

/// $XDG_STATE_HOME/bahth, else ~/.local/state/bahth; empty when neither variable is set. Not created here.
std::string state_dir();

}  // namespace bahth
