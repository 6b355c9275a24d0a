// Facts about where output goes: a terminal or not, and whether to colour it.
#pragma once

#include <cstddef>
#include <string>

#include "base/choices.h"

namespace bahth {

enum class ColorChoice { automatic, always, never };
/// --color's choices (base/choices.h).
inline constexpr Choice<ColorChoice> kColorChoices[] = {
    {"auto", ColorChoice::automatic}, {"always", ColorChoice::always}, {"never", ColorChoice::never}};

/// Parses "auto", "always" or "never"; throws UsageError listing them otherwise.
ColorChoice parse_color_choice(const std::string& s);

/// Whether file descriptor `fd` is a terminal.
bool is_terminal(int fd);

/// Columns of the terminal on `fd` (ioctl), else $COLUMNS, else 0 (unknown: do not wrap).
std::size_t terminal_width(int fd);

/// Whether to colour output written to `fd`: always/never as chosen; automatic colours a terminal unless
/// NO_COLOR is set (to anything non-empty) or TERM is "dumb".
bool use_color(ColorChoice choice, int fd);

}  // namespace bahth
