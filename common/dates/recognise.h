// Recognising date expressions among the tokens of a text (tokens.h): where each one is and what it says as
// written, before any value is given to it (resolve.h does that, with the publication date).
//
// An Expression records its span (from the token it was found at to `end`, a clitic left out at the start)
// and what the text says in its own calendar: a date with its year written, a day and month without a year
// and the relative word after them ("5 مارس الماضي"), a year alone, a day counted from publication ("أمس"),
// a weekday, a week, month or year relative to publication ("الأسبوع الماضي"). Three forms hold another
// expression: a weekday before an explicit date ("الثلاثاء 29 نوفمبر 2016": the date decides), the first day
// of a range whose month and year are written once, after its last day ("من 13 إلى 21 أكتوبر"), and a
// relative word followed by a weekday that an explicit date follows ("اليوم الخميس 5 مارس": the date, not
// "today", is the mention).
//
// What recognition does not know: whether a date exists (30 February, 30 رمضان in a 29-day month), what a
// year-less or relative expression denotes (that needs the publication date), and which of several readings
// at one token wins (the longest that has a value, extract_dates() in mentions.cpp). Internal to
// common/dates/; the rules live in recognise_dates.cpp (named and numeric dates, ranges, years) and
// recognise_relative.cpp (relative words and weekdays).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "dates/lexicon.h"
#include "dates/mentions.h"
#include "dates/tokens.h"

namespace bahth::detail {

// How a year-less date or a weekday relates to the publication date: none (a bare weekday: the last one on
// or before it), nearest, past (الماضي), next (المقبل), current (الجاري).
enum class Rel { none, nearest, past, next, current };

// The part of a month an expression names: all of it, or the vague first, middle or last part (مطلع مارس
// days 1-10, منتصف 11-20, أواخر 21 to the end). غرة (the first day) is a day, not a part.
enum class Part : std::uint8_t { whole, early, middle, late };

enum class Form : std::uint8_t {
    date,           // a day-month-year or month-year with month names, the year written (day 0: a month)
    numeric_date,   // a numeric day-month-year ("05/02/2022", "26/10/1436هـ")
    yearless,       // a day and month, or a month alone, without a year: `rel` and `offset` place it
    year,           // a year alone ("عام 2016", "2003م", "1436هـ")
    year_after,     // the second year of "عامي 2016 و2017": it must come after the first
    dated_weekday,  // a weekday before an explicit date: `inner` is the date, which must be a day
    range_first,    // the first day of a range or list: `day`, `month` when written ("من 13/8 إلى 18/9/1436هـ"),
                    // `inner` the last day, which gives the year (and the month when not written)
    day,            // a day `offset` days from publication: اليوم 0, أمس -1, غداً +1, بعد غد +2
    weekday,        // weekday `weekday` nearest (per `rel`) to the day `offset` days from publication; void
                    // when `inner` (an explicit date after the weekday) has a value
    period,         // the week, month or year (`unit`) `offset` weeks/months/years from publication's; with
                    // `in_context`, the year `offset` from the year of the mention before it in the text; a
                    // month with `day`: that day of it ("14 من الشهر الجاري")
};

/// One date expression as written. Fields not used by its form keep their defaults.
struct Expression {
    Form form = Form::date;
    std::size_t end = 0;          // one past the last token (dated_weekday: inner's end)
    std::size_t first_skip = 0;   // code points of clitic to leave out of the span at the start
    bool hijri = false;           // written in the Hijri calendar (hijri months, هـ, a year 1300..1500)
    int year = 0, month = 0, day = 0;  // as written, in that calendar; 0 where not written
    Rel rel = Rel::none;          // yearless, weekday
    int offset = 0;               // yearless: years added to publication's ("من العام الماضي"); day, weekday:
                                  // days; period: -1 past, 0 current, +1 next
    int weekday = -1;             // weekday, dated_weekday: 0 = Sunday
    Part part = Part::whole;      // date, yearless: the part of the month named ("أواخر رمضان 1436")
    bool in_context = false;      // period: "العام السابق/التالي", relative to the mention before it
    DatePrecision unit = DatePrecision::day;  // period: week, month or year
    std::unique_ptr<Expression> inner;        // dated_weekday, range_first, weekday: see Form
};

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

// A weekday at k, possibly in parentheses or after a comma.
struct WeekdayAfter {
    int wd;
    std::size_t end;                    // token after the weekday (and its closing parenthesis)
    std::optional<Expression> dated;    // an explicit date after it, which takes the weekday if it has a value
};

/// The date expressions of one analysed text. `a` must outlive the Recogniser.
class Recogniser {
public:
    explicit Recogniser(const Analysis& a) : t_(a.toks) {}

    /// Every expression that starts at token i, appended to `out` in a fixed order (on a tie between
    /// readings, the first offered wins).
    void readings_at(std::size_t i, std::vector<Expression>& out) const;

    /// "و2017" / "-2017" at token k right after a year mention: the second year, starting at token k + 1.
    std::optional<Expression> year_after(std::size_t k) const;

private:
    const std::vector<Token>& t_;

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

    // Named, numeric and year expressions (recognise_dates.cpp).
    std::optional<Month> month_word(std::size_t k, bool clitic) const;
    std::optional<Month> month_group(std::size_t k, bool clitic) const;
    std::optional<std::pair<int, std::size_t>> ordinal_day(std::size_t k) const;
    std::optional<std::size_t> day_prefix(std::size_t k) const;
    bool is_day(std::size_t k) const;
    bool glued_left(std::size_t k) const;
    std::optional<Year> year_at(std::size_t k) const;
    Rel rel_word(std::size_t& k) const;
    std::optional<int> year_phrase(std::size_t& k) const;
    bool year_ok(int y, bool hijri) const;
    std::optional<Expression> weekday_date(std::size_t i) const;
    std::optional<Expression> named(std::size_t i) const;
    std::optional<Expression> day_of_relative_month(int day, std::size_t k) const;
    bool range_joiner(std::size_t k) const;
    std::optional<Expression> range_start(std::size_t i) const;
    std::optional<Expression> numeric(std::size_t i) const;
    std::optional<Expression> year_expression(const Year& y, std::size_t end) const;
    std::optional<Expression> year_with_marker(std::size_t i) const;
    std::optional<Expression> year_with_era(std::size_t i) const;

    // Relative words and weekdays (recognise_relative.cpp).
    std::optional<WeekdayAfter> weekday_after(std::size_t k) const;
    std::optional<Expression> relative(std::size_t i) const;
    std::optional<Expression> relative_words(std::size_t i) const;
    bool clause_today(std::size_t i) const;
    std::optional<Expression> counted(std::size_t i) const;
    bool counts_in_month(std::size_t k) const;
    std::optional<Expression> relative_period(std::uint64_t unit_flags, std::size_t k) const;
};

/// A word with the article, bare or after a clitic (ال لل وال بال ...), with a letter after it.
bool is_definite(std::u32string_view w);

// Small constructors for the forms without a nested expression.
Expression day_expression(std::size_t end, int offset);
Expression weekday_expression(std::size_t end, int weekday, Rel rel, int offset);
Expression period_expression(std::uint64_t flags, Rel rel, std::size_t end);

}  // namespace bahth::detail
