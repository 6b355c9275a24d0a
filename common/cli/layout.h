// Laying out Arabic text for a terminal: display width, wrapping at ICU line breaks, and the bidi
// algorithm for terminals that do not apply it themselves.
//
// Most terminals print characters left to right in the order they arrive, so logical-order Arabic shows
// reversed and unjoined. In `visual` mode each line is reordered with ICU's bidi algorithm (ubidi) and its
// Arabic letters are shaped to their joining forms, so it reads correctly there; in `logical` mode text is
// printed as stored, for terminals that do bidi themselves (Konsole, mlterm, mintty, GNOME Terminal and other
// VTE terminals with BiDi enabled) and for anything that is not a terminal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/choices.h"

namespace bahth {

enum class BidiMode { automatic, visual, logical };
/// --bidi's choices (base/choices.h).
inline constexpr Choice<BidiMode> kBidiModes[] = {
    {"auto", BidiMode::automatic}, {"visual", BidiMode::visual}, {"logical", BidiMode::logical}};

/// Parses "auto", "visual" or "logical"; throws UsageError listing them otherwise.
BidiMode parse_bidi_mode(const std::string& s);

/// Resolves `automatic` for output to file descriptor `fd`: $BAHTH_BIDI (visual|logical) when set; logical
/// when `fd` is not a terminal; logical in terminals known to apply the bidi algorithm ($KONSOLE_VERSION,
/// $MLTERM, TERM_PROGRAM=mintty, $VTE_VERSION >= 5800); visual otherwise.
BidiMode resolve_bidi_mode(BidiMode mode, int fd);

/// A piece of text in one style (0 = plain; the caller gives other numbers a meaning, e.g. a colour).
struct StyledRun {
  std::string text;  ///< UTF-8, no newlines
  int style = 0;
};
using StyledLine = std::vector<StyledRun>;

/// Columns `s` takes in a terminal: wide East Asian characters 2, combining marks and format characters 0.
std::size_t display_width(std::string_view s);

/// Breaks `line` into lines of at most `width` columns at ICU line-break opportunities (a word longer than
/// the width is cut). Styles are kept; spaces at the break are dropped.
std::vector<StyledLine> wrap(const StyledLine& line, std::size_t width);

/// `line` in visual order for a terminal without bidi: Arabic shaped to joining forms (tashkeel dropped:
/// such terminals cannot stack marks), right-to-left runs reversed with any other combining marks kept after
/// their base, brackets mirrored. Left-to-right text is unchanged.
StyledLine to_visual(const StyledLine& line);

}  // namespace bahth
