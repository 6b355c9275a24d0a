#include "dates/tokens.h"

#include <algorithm>

#include <unicode/utf16.h>

#include "text/utf8.h"

namespace bahth::detail {

namespace {

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool starts_with_hamza_alef(const Analysis& a, std::uint32_t norm_pos) {
    const char32_t c = a.cps[a.src[norm_pos]];
    return c == 0x0623 || c == 0x0625;
}

void lookup(const Analysis& a, Token& t) {
    const Lexicon& lex = lexicon();
    if (t.s.size() > 12) return;
    if (auto it = lex.find(t.s); it != lex.end()) t.lex = &it->second;
    t.lexc = t.lex;
    if (t.lex) {
        // "أب" (father) is not the month آب.
        if (t.lex->greg_month == 8 && t.s == U"اب" && starts_with_hamza_alef(a, t.b)) t.lex = t.lexc = nullptr;
        return;
    }
    // Clitics: [و ف]? then [ب ل ك]? ; "لل" stands for ل + ال.
    std::u32string_view w = t.s;
    std::size_t strip = 0;
    if (w.size() >= 3 && (w[0] == U'و' || w[0] == U'ف')) w.remove_prefix(1), strip = 1;
    auto try_find = [&](std::u32string_view x, std::size_t n) {
        if (x.size() < 2 || x == U"اب") return false;  // "باب" is a door
        if (auto it = lex.find(x); it != lex.end()) {
            if (it->second.greg_month == 8 && x == U"اب" && starts_with_hamza_alef(a, t.b + static_cast<std::uint32_t>(n)))
                return false;
            t.lexc = &it->second;
            t.clitic = static_cast<std::uint8_t>(n);
            return true;
        }
        return false;
    };
    if (strip && try_find(w, strip)) return;
    if (w.size() >= 3 && (w[0] == U'ب' || w[0] == U'ل' || w[0] == U'ك')) {
        if (w[0] == U'ل' && w[1] == U'ل') {
            char32_t buf[16];
            if (w.size() - 1 < 16) {
                buf[0] = U'ا';
                std::copy(w.begin() + 1, w.end(), buf + 1);
                const std::u32string_view al(buf, w.size());
                if (auto it = lex.find(al); it != lex.end()) {
                    t.lexc = &it->second;
                    t.clitic = static_cast<std::uint8_t>(strip);  // the span keeps "لل"
                    return;
                }
            }
        }
        try_find(w.substr(1), strip + 1);
    }
}

}  // namespace

void decode_utf8(std::string_view s, std::u32string& cps, std::vector<std::uint32_t>& byte_of) {
    cps.clear();
    byte_of.clear();
    cps.reserve(s.size());
    byte_of.reserve(s.size() + 1);
    for (std::size_t i = 0; i < s.size();) {
        byte_of.push_back(static_cast<std::uint32_t>(i));
        cps.push_back(next_code_point(s, i));
    }
    byte_of.push_back(static_cast<std::uint32_t>(s.size()));
}

std::u32string normalise(std::u32string_view w) {
    std::string utf8;
    for (char32_t c : w) append_utf8(utf8, c);
    const NormalizedText n = normalize_with_offsets(utf8);
    std::u32string out;
    out.reserve(n.text.size());
    for (std::size_t k = 0; k < n.text.size(); ++k) {
        char32_t c = n.text[k];
        if (U16_IS_LEAD(n.text[k]) && k + 1 < n.text.size()) c = U16_GET_SUPPLEMENTARY(n.text[k], n.text[k + 1]), ++k;
        out.push_back(fold_variants(c));
    }
    return out;
}

void analyse(std::string_view text, Analysis& a) { analyse(text, normalize_with_offsets(text), a); }

void analyse(std::string_view text, const NormalizedText& normalized, Analysis& a) {
    const NormalizedText& in = normalized;
    decode_utf8(text, a.cps, a.byte_of);
    a.norm.clear();
    a.src.clear();
    a.norm.reserve(in.text.size());
    a.src.reserve(in.text.size());
    // Each normalised character maps to the original code point its bytes start at (from[] never decreases).
    std::size_t cp = 0;
    for (std::size_t k = 0; k < in.text.size(); ++k) {
        const std::uint32_t from = in.from[k];
        char32_t c = in.text[k];
        if (U16_IS_LEAD(in.text[k]) && k + 1 < in.text.size()) c = U16_GET_SUPPLEMENTARY(in.text[k], in.text[k + 1]), ++k;
        while (cp + 1 < a.byte_of.size() && a.byte_of[cp + 1] <= from) ++cp;
        a.norm.push_back(fold_variants(c));
        a.src.push_back(static_cast<std::uint32_t>(cp));
    }
    a.toks.clear();
    const std::u32string& n = a.norm;
    bool nl = false, sp = false;
    std::size_t i = 0;
    while (i < n.size()) {
        const char32_t c = n[i];
        if (c == ' ') { sp = true; ++i; continue; }
        if (c == '\n') { nl = sp = true; ++i; continue; }
        Token t;
        t.b = static_cast<std::uint32_t>(i);
        t.nl_before = nl;
        t.space_before = sp;
        nl = sp = false;
        if (is_digit(c)) {
            std::size_t j = i;
            long v = 0;
            while (j < n.size() && is_digit(n[j])) {
                if (j - i < 9) v = v * 10 + static_cast<long>(n[j] - '0');
                ++j;
            }
            t.kind = Kind::number;
            t.ndigits = static_cast<std::uint8_t>(std::min<std::size_t>(j - i, 255));
            t.num = (j - i <= 9) ? v : -1;
            i = j;
        } else if (is_letter(c)) {
            std::size_t j = i;
            while (j < n.size() && is_letter(n[j])) ++j;
            t.kind = Kind::word;
            i = j;
        } else {
            t.kind = Kind::punct;
            t.p = c;
            ++i;
        }
        t.e = static_cast<std::uint32_t>(i);
        t.s = std::u32string_view(n.data() + t.b, t.e - t.b);
        if (t.kind == Kind::word) lookup(a, t);
        a.toks.push_back(t);
    }
}

}  // namespace bahth::detail
