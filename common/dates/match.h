// Finding date expressions among the tokens of a text (tokens.h) and giving each its Gregorian value.
//
// Matcher::best_at(i) tries every family of expression that can start at token i and keeps the longest
// (then the most precise); Matcher::year_continuation() extends a year mention to the year after it
// ("عامي 2016 و2017"). The families live in two files:
//   match_dates.cpp     day-month-year with month names (Gregorian and Hijri), numeric dates, ranges whose
//                       month is written once, years with a marker or an era, and year-less dates resolved
//                       against the publication date;
//   match_relative.cpp  relative words (اليوم، أمس، غداً، الأسبوع الماضي ...) and weekdays.
// Recognition and resolution are interleaved: which reading wins can depend on whether a reading has a
// value (a year-less date needs the publication date; "30 رمضان 1436هـ" does not exist).
//
// This is the engine behind extract_dates() (mentions.h), which turns candidates into mentions. Internal to
// common/dates/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "dates/calendar.h"
#include "dates/lexicon.h"
#include "dates/mentions.h"
#include "dates/tokens.h"

namespace bahth::detail {

// One reading of the tokens from a start token: its span and its Gregorian value.
struct Candidate {
    std::size_t end = 0;      // one past the last token
    std::size_t first_skip = 0;  // code points of clitic to leave out of the span at the start
    CivilDate date;           // week: the Monday; month/year: day (and month) 0
    DatePrecision precision = DatePrecision::day;
    bool hijri = false;
    bool reject = false;       // an invalid date: its tokens are skipped, nothing is reported
    int wy = 0, wm = 0, wd = 0;  // the date as written, in its own calendar (for ranges "13 إلى 21 أكتوبر")
};

// How a year-less date or a weekday relates to the publication date: none (a bare weekday: the last one on
// or before it), nearest, past (الماضي), next (المقبل), current (الجاري).
enum class Rel { none, nearest, past, next, current };

// A month name: its number, its calendar, the token after it.
struct Month {
    int month = 0;
    bool hijri = false;
    std::size_t end = 0;
};

// A 4-digit year with the era word written after it, if any.
struct Year {
    int year = 0;
    bool hijri_era = false, greg_era = false;
    std::size_t end = 0;
};

// A weekday at k, possibly in parentheses or after a comma: returns the token after it.
struct WeekdayAfter {
    int wd;
    std::size_t end;   // token after the weekday (and its closing parenthesis)
    bool dated;        // an explicit date follows: the weekday belongs to it
};

/// Date candidates among the tokens of one analysed text. `a` must outlive the Matcher; `pub` is the
/// publication date that year-less and relative expressions are resolved against (ignored when invalid).
class Matcher {
public:
    Matcher(const Analysis& a, std::optional<CivilDate> pub);

    /// The best candidate starting at token i: the longest, then the most precise. A candidate with
    /// `reject` set covers tokens that must be skipped without a mention.
    std::optional<Candidate> best_at(std::size_t i);

    /// After a year mention "عامي 2016 و2017" / "2016-2017": the second year, starting at token k + 1.
    std::optional<Candidate> year_continuation(std::size_t k, const Candidate& prev);

private:
    const std::vector<Token>& t_;
    std::optional<CivilDate> pub_;
    long pub_days_ = 0;

    // Token k exists and is on the same line as token k-1.
    bool has(std::size_t k) const { return k < t_.size() && !t_[k].nl_before; }
    bool is_word(std::size_t k, std::u32string_view w) const {
        return k < t_.size() && t_[k].kind == Kind::word && t_[k].s == w;
    }
    bool is_punct(std::size_t k, char32_t p) const {
        return k < t_.size() && t_[k].kind == Kind::punct && t_[k].p == p;
    }
    std::uint64_t flags(std::size_t k) const {
        return (k < t_.size() && t_[k].lex) ? t_[k].lex->flags : 0;
    }
    std::uint64_t flagsc(std::size_t k) const {
        return (k < t_.size() && t_[k].lexc) ? t_[k].lexc->flags : 0;
    }
    // Flags of the word before token k (same line), clitics stripped.
    std::uint64_t prev_flags(std::size_t k) const {
        if (k == 0 || t_[k].nl_before) return 0;
        return flagsc(k - 1);
    }
    int weekday_at(std::size_t k, bool clitic) const {
        if (k >= t_.size() || t_[k].kind != Kind::word) return -1;
        const Lex* l = clitic ? t_[k].lexc : t_[k].lex;
        return l ? l->weekday : -1;
    }

    // Named, numeric and year expressions (match_dates.cpp).
    std::optional<Month> month_word(std::size_t k, bool clitic) const;
    std::optional<Month> month_group(std::size_t k, bool clitic) const;
    std::optional<std::pair<int, std::size_t>> ordinal_day(std::size_t k) const;
    bool is_day(std::size_t k) const;
    bool glued_left(std::size_t k) const;
    std::optional<Year> year_at(std::size_t k) const;
    Rel rel_word(std::size_t& k) const;
    std::optional<int> year_phrase(std::size_t& k) const;
    bool year_ok(int y, bool hijri) const;
    std::optional<Candidate> weekday_date(std::size_t i) const;
    std::optional<Candidate> named(std::size_t i) const;
    template <class Cost>
    static int choose(Rel rel, int base, Cost diff);
    std::optional<Candidate> resolve_gregorian(Candidate c, int month, int day, Rel rel, int offset) const;
    std::optional<Candidate> resolve_hijri(Candidate c, int month, int day, Rel rel, int offset) const;
    bool range_joiner(std::size_t k) const;
    std::optional<Candidate> range_start(std::size_t i) const;
    std::optional<Candidate> numeric(std::size_t i) const;
    std::optional<Candidate> year_candidate(const Year& y, std::size_t end) const;
    std::optional<Candidate> year_with_marker(std::size_t i) const;
    std::optional<Candidate> year_with_era(std::size_t i) const;

    // Relative words and weekdays (match_relative.cpp).
    Candidate day_candidate(std::size_t end, long days) const;
    static long weekday_near(long days, int wd, Rel rel);
    std::optional<WeekdayAfter> weekday_after(std::size_t k) const;
    std::optional<Candidate> relative(std::size_t i) const;
    std::optional<Candidate> relative_words(std::size_t i) const;
    bool clause_today(std::size_t i) const;
    std::optional<Candidate> period(std::uint64_t f, Rel r, std::size_t end) const;
};

}  // namespace bahth::detail
