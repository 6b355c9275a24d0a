#include "dates/dateline.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "dates/fields.h"
#include "dates/mentions.h"
#include "dates/tokens.h"

namespace bahth {

namespace {

using detail::decode_utf8;
using detail::is_ignorable;
using detail::is_letter;
using detail::is_space;
using detail::normalise;

bool is_copyright_line(const std::u32string& line) {
    const std::u32string n = normalise(line);
    for (std::u32string_view k : {U"©", U"(c)", U"حقوق", U"محفوظه", U"copyright", U"all rights", U"generated",
                                  U"انشاء الصفحه", U"انشئت الصفحه"})
        if (n.find(k) != std::u32string::npos) return true;
    return false;
}

// The words just before a date on a dateline: "نشرت في:", "تاريخ النشر:", "آخر تحديث".
bool has_published_cue(std::u32string_view prefix) {
    const std::u32string n = normalise(prefix);
    std::vector<std::u32string> words;
    std::u32string cur;
    for (char32_t c : n) {
        if (is_letter(c)) cur.push_back(c);
        else if (!cur.empty()) words.push_back(cur), cur.clear();
        if (!is_letter(c) && !(c == ' ' || c == ':' || c == '-' || c == '|' || c == 0x060C || c == ',' ||
                               c == '(' || c == '['))
            return false;  // other material between the cue and the date
    }
    if (!cur.empty()) words.push_back(cur);
    while (!words.empty() && (words.back() == U"في" || words.back() == U"بتاريخ" || words.back() == U"يوم" ||
                              words.back() == U"on" || words.back() == U"at"))
        words.pop_back();
    // The cue opens the line: "نشرت في:", "تاريخ النشر:", "آخر تحديث:" (not "... بعد تاريخ 5 مارس").
    if (words.empty() || words.size() > 3) return false;
    const std::u32string& w = words.back();
    for (std::u32string_view k : {U"نشر", U"نشرت", U"نشره", U"النشر", U"تحديث", U"التحديث", U"تاريخ", U"التاريخ",
                                  U"published", U"updated", U"posted", U"date"})
        if (w == k) return true;
    return false;
}

}  // namespace

std::optional<TextDate> find_publication_date_in_text(std::string_view text) {
    std::size_t line_no = 0, non_empty = 0, cp_seen = 0, pos = 0;
    std::u32string cps;
    std::vector<std::uint32_t> bytes;
    while (pos <= text.size() && non_empty < 5 && cp_seen < 600) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        // 2,400 bytes hold at least the 600 code points read; a longer line is long anyway.
        std::string_view line = text.substr(pos, std::min<std::size_t>(nl - pos, 2400));
        decode_utf8(line, cps, bytes);
        std::size_t first = 0;
        while (first < cps.size() && (is_space(cps[first]) || is_ignorable(cps[first]))) ++first;
        std::size_t last = cps.size();
        while (last > first && (is_space(cps[last - 1]) || is_ignorable(cps[last - 1]))) --last;
        // A line that ends like a sentence is story text, however short.
        const bool sentence = last > first && (cps[last - 1] == '.' || cps[last - 1] == 0x061F ||
                                               cps[last - 1] == '!' || cps[last - 1] == '?');
        if (cps.size() > 600 - cp_seen) {  // only the first 600 code points of the page are read
            line = line.substr(0, bytes[600 - cp_seen]);
            cps.resize(600 - cp_seen);
        }
        if (first < cps.size()) {
            ++non_empty;
            if (!is_copyright_line(cps)) {
                const auto mentions = extract_dates(line, std::nullopt);
                // Letters and digits outside every date: a dateline has few ("الرياض ... الموافق ... واس").
                std::size_t outside = 0, next = 0;
                for (const DateMention& m : mentions) {
                    for (std::size_t c = next; c < m.start && c < cps.size(); ++c) outside += !is_space(cps[c]);
                    next = m.end;
                }
                for (std::size_t c = next; c < cps.size(); ++c) outside += !is_space(cps[c]);
                for (const DateMention& m : mentions) {
                    if (m.precision != DatePrecision::day || m.start < first) continue;
                    if (cp_seen + m.start >= 600) break;
                    const std::u32string_view prefix(cps.data() + first, m.start - first);
                    bool dateline = ((last - first) <= 60 && outside <= 24 && !sentence) || has_published_cue(prefix);
                    if (!dateline && m.start - first <= 40 && !prefix.empty()) {
                        // "القاهرة - 5 مارس 2018": a place of up to four words, then a dash.
                        std::size_t k = prefix.size();
                        while (k > 0 && is_space(prefix[k - 1])) --k;
                        const bool sep_end = k > 0 && (prefix[k - 1] == '-' || prefix[k - 1] == 0x2013 ||
                                                       prefix[k - 1] == 0x2014 || prefix[k - 1] == '|');
                        std::size_t words = 0, letters = 0;
                        bool in = false;
                        for (char32_t c : prefix.substr(0, k)) {
                            const bool l = !is_space(c);
                            if (l && !in) ++words;
                            in = l;
                            letters += is_letter(c);
                        }
                        dateline = sep_end && words <= 4 && letters > 0;
                    }
                    if (dateline) {
                        auto d = parse_date_field(m.value);
                        if (d) return TextDate{*d, line_no};
                    }
                    break;  // only the first dated mention of a line is considered
                }
            }
        }
        cp_seen += cps.size() + 1;
        ++line_no;
        pos = nl + 1;
        if (nl == text.size()) break;
    }
    return std::nullopt;
}

}  // namespace bahth
