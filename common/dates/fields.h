// An article's publication date from what travels with it: a metadata field (JSONL "date", an HTML meta tag
// or <time datetime>, an articles.tsv column) or its file name; and where a document's date came from.
//
// Fields are parsed strictly: the whole value must be one accepted form of an existing date, or there is no
// date. Time zones are read but not applied. This module does not look into article text (dateline.h finds
// the date a page states, mentions.h the dates a story talks about) and never throws.
//
// Example:
//   bahth::parse_date_field("Mon, 26 Feb 2018 02:20:10 GMT");   // 2018-02-26
//   bahth::parse_date_from_filename("JA-sport-12-20161202.txt");  // 2016-12-02
#pragma once

#include <optional>
#include <string_view>

#include "dates/calendar.h"

namespace bahth {

/// Where a document's publication date came from.
enum class DateSource { metadata, text, filename, none };

/// "metadata", "text", "filename", "none".
std::string_view to_string(DateSource s);

/// Publication date from a metadata field. Accepted (surrounding white space ignored, ASCII or
/// Arabic-Indic/Persian digits):
///   ISO-8601 "2018-02-18", "2018-02-18T17:35:43Z", "2015-07-21T02:51:32", "2018-02-18 17:35:43+04:00";
///   RFC-822 "Mon, 26 Feb 2018 02:20:10 GMT", "Sun, 18 Feb 2018 21:35:43 +0400" (weekday optional,
///   English month abbreviations or full names, 4-digit year);
///   "DD/MM/YYYY" (also with '-' or '.'), "YYYY/MM/DD".
/// The result is the calendar date as written: time zones are NOT applied ("...T23:30:00-05:00" stays
/// on that day). Returns nullopt when the text is not one of these forms, has trailing junk, or the
/// date does not exist (month 13, 30 February ...).
std::optional<CivilDate> parse_date_field(std::string_view s);

/// Date from a file name: the first run of exactly 8 digits (YYYYMMDD), or "YYYY-MM-DD" / "YYYY_MM_DD",
/// that forms a valid date with a year in 1900..2100 ("JA-sport-12-20161202.txt", "2016-12-02-foo.txt").
/// Only the last path component is examined; digit runs of other lengths are ignored. Returns nullopt
/// when there is no such date.
std::optional<CivilDate> parse_date_from_filename(std::string_view filename);

}  // namespace bahth
