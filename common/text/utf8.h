// UTF-8: validation, decoding one code point at a time, encoding, counting, and trimming. Shared by every
// stage that reads text. Character classes are in text/chars.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bahth {

/// Byte offset of the first invalid UTF-8 sequence in `s`, or nullopt when `s` is valid UTF-8.
/// Surrogates, overlong forms and code points above U+10FFFF are invalid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

/// Whether `s` looks like binary data rather than text: it contains a NUL byte or many control characters.
bool looks_binary(std::string_view s);

/// Number of Unicode code points in valid UTF-8 `s`.
std::size_t count_code_points(std::string_view s);

/// Code point offset of byte offset `byte` in valid UTF-8 `s` (`byte` must lie on a character boundary).
std::size_t code_point_offset(std::string_view s, std::size_t byte);

/// Decodes the code point at `i` in valid UTF-8 `s` and advances `i` past it.
char32_t next_code_point(std::string_view s, std::size_t& i);

/// Appends code point `c` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t c);

/// Code points `w` as UTF-8.
std::string to_utf8(std::u32string_view w);

/// Appends UTF-16 `w` to `out` as UTF-8; a surrogate without its pair becomes U+FFFD (as ICU converts it).
void append_utf8(std::string& out, std::u16string_view w);

/// The code points of `word` when every one is a base letter of Arabic (U+0621..U+064A: what a normalised
/// word is made of, text/analyzer.h); empty otherwise (digits, Latin, marks, invalid UTF-8 never reach here
/// from the analyzer). The pattern modules (text/derived, text/spellings, search/spelling) work on these.
std::u32string arabic_word_letters(std::string_view word);

/// `s` without leading and trailing ASCII white space and NBSP.
std::string_view trim(std::string_view s);

}  // namespace bahth
