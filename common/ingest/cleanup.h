// Scraped news pages (.txt inputs) carry site boilerplate around the article: "about us" blurbs, comment
// forms, share buttons, copyright footers. This module takes the page apart into title, body and a
// publication date stated in the page's header lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dates/calendar.h"

namespace bahth {

struct CleanPage {
  std::string title;                 ///< the page's headline, or the opening words of its first paragraph
  std::string body;                  ///< article text without boilerplate lines, paragraphs kept
  std::optional<CivilDate> date;     ///< publication date from a dateline / "نشرت في:" line, if any
};

/// Splits a scraped page (valid UTF-8) into title, body and dateline date. A page whose only text is one
/// short paragraph (a brief on one line) gets that paragraph as both title and body.
/// Boilerplate lines are dropped: lines without a single Arabic letter in a mostly Arabic page (English
/// blurbs, phone numbers, e-mail addresses, "LEAVE A REPLY"), lines carrying a known boilerplate phrase
/// (comment forms, share and "read more" buttons, copyright notices), and repeats of the line before.
CleanPage clean_page(std::string_view page);

/// Whether `line` is one of the boilerplate lines clean_page drops (exposed for tests).
bool is_boilerplate_line(std::string_view line, bool arabic_page);

}  // namespace bahth
