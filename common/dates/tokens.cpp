#include "dates/tokens.h"

#include <algorithm>

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
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        char32_t cp = 0xFFFD;
        std::size_t len = 1;
        auto cont = [&](std::size_t k) {
            return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        };
        if (b0 < 0x80) {
            cp = b0;
        } else if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) {
            cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            len = 2;
        } else if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
            cp = ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
            len = 3;
            if (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000)) cp = 0xFFFD, len = 1;
        } else if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
            cp = ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
                 ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
            len = 4;
            if (cp < 0x10000 || cp > 0x10FFFF) cp = 0xFFFD, len = 1;
        }
        cps.push_back(cp);
        byte_of.push_back(static_cast<std::uint32_t>(i));
        i += len;
    }
    byte_of.push_back(static_cast<std::uint32_t>(s.size()));
}

bool is_ignorable(char32_t c) {
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x06D6 && c <= 0x06ED) ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) ||
           c == 0xFEFF || c == 0x00AD;
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

char32_t fold(char32_t c) {
    if (is_ignorable(c)) return 0;
    if (is_space(c)) return ' ';
    if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
    switch (c) {
        case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // آ أ إ ٱ -> ا
        case 0x0649: case 0x06CC: return 0x064A;                            // ى ی -> ي
        case 0x0629: return 0x0647;                                         // ة -> ه
        case 0x06A9: return 0x0643;                                         // ک -> ك
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
            return '-';
        case 0x2044: case 0x2215: return '/';
        case 0xFF08: return '(';
        case 0xFF09: return ')';
        default: break;
    }
    if (c >= 'A' && c <= 'Z') return c + 32;
    return c;
}

bool is_letter(char32_t c) {
    return (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || (c >= 'a' && c <= 'z') ||
           (c >= 0x00C0 && c <= 0x024F);
}

void analyse(std::string_view text, Analysis& a) {
    decode_utf8(text, a.cps, a.byte_of);
    a.norm.clear();
    a.src.clear();
    a.norm.reserve(a.cps.size());
    a.src.reserve(a.cps.size());
    for (std::size_t i = 0; i < a.cps.size(); ++i) {
        char32_t f = fold(a.cps[i]);
        // A tatweel that does not stretch a letter is used as a dash: "من 2 ـ 4 / 6 / 1436هـ".
        if (a.cps[i] == 0x0640 && (a.norm.empty() || !is_letter(a.norm.back()))) f = '-';
        if (f == 0) continue;
        a.norm.push_back(f);
        a.src.push_back(static_cast<std::uint32_t>(i));
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
