// The publication date a scraped page states near its top: a dateline ("الرياض 25 شوال 1436 هـ الموافق 10
// اغسطس 2015 م واس", "القاهرة - 5 مارس 2018 (رويترز) -") or a "published/updated" line ("نشرت في: 05/02/2022").
//
// Dates are found by extract_dates() (mentions.h) without a publication date, so only dates with an
// explicit year count; this module decides which line is a dateline. It does not read metadata or file
// names (fields.h), and never throws.
//
// Example:
//   auto d = bahth::find_publication_date_in_text("الثلاثاء 26 مارس 2024\nقال الوزير ...");
//   // d->date 2024-03-26, d->line 0
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "dates/calendar.h"

namespace bahth {

/// A publication date found in page text, and the 0-based index of the line that carried it (lines
/// are split on '\n'; empty lines count), so the caller can drop that line from the body.
struct TextDate {
    CivilDate date;
    std::size_t line = 0;
};

/// Publication date stated at the top of a scraped page. Only the first 5 non-empty lines and the
/// first 600 code points are examined. A line counts when its first day-precision date (as
/// extract_dates() finds it, Gregorian or Hijri, with an explicit year) has either
///   - a "published/updated" cue directly before it ("نشرت في: 05/02/2022 – 11:10",
///     "تاريخ النشر: ...", "آخر تحديث ..."), or
///   - a dateline around it: the whole line is short (at most 60 code points, at most 24 of them
///     non-space outside its dates: "الثلاثاء 26 مارس 2024", "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس
///     2015 م واس"; a short line ending in '.', '!' or '؟' is a sentence, not a dateline), or the date follows a place name of at
///     most four words and a dash ("القاهرة - 5 مارس 2018 (رويترز) - ...").
/// A long line that merely starts with a date ("24 مايو 2014، أطلق مسلح ...") is story text.
/// Lines that look like a copyright or "page generated" footer (©, حقوق, محفوظة, copyright) are never
/// used. Returns nullopt when no line qualifies; the first qualifying line wins.
std::optional<TextDate> find_publication_date_in_text(std::string_view text);

}  // namespace bahth
