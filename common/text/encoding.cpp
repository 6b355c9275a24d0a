#include "text/encoding.h"

#include <memory>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include "base/errors.h"
#include "text/chars.h"
#include "text/utf8.h"

namespace bahth {

namespace {

// Converts `bytes` from `charset` to UTF-8 with ICU; an unmappable byte is an error, not a silent U+FFFD.
std::string to_utf8(std::string_view bytes, const char* charset, const std::string& where) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status), &ucnv_close);
  if (U_FAILURE(status)) throw InputError(where + ": cannot convert from " + charset + ": " + u_errorName(status));
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
  if (U_FAILURE(status)) throw InputError(where + ": not valid " + charset + " text; skipped");
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

DecodedText decode_text(std::string_view bytes, const std::string& where) {
  // A BOM is the strongest evidence there is.
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (auto bad = find_invalid_utf8(bytes))
      throw InputError(where + ": invalid UTF-8 at byte " + std::to_string(*bad + 3) + "; skipped");
    if (looks_binary(bytes)) throw InputError(where + ": binary data, not text; skipped");
    return {std::string(bytes), "UTF-8 (BOM)"};
  }
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    const bool le = bytes[0] == '\xFF';
    const char* name = le ? "UTF-16LE" : "UTF-16BE";
    std::string utf8 = to_utf8(bytes.substr(2), name, where);
    if (looks_binary(utf8)) throw InputError(where + ": binary data, not text; skipped");
    return {std::move(utf8), name};
  }
  if (looks_binary(bytes)) throw InputError(where + ": binary data, not text; skipped");
  const auto bad = find_invalid_utf8(bytes);
  if (!bad) return {std::string(bytes), "UTF-8"};

  // Not UTF-8: ask ICU's detector, and accept only the Arabic single-byte encodings, checked by the result
  // reading as Arabic. Anything else (Latin-1, Shift-JIS, ...) is far more likely a broken file than an
  // Arabic article, and is reported rather than indexed as mojibake.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), &ucsdet_close);
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  int32_t n = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &n, &status);
  for (int32_t i = 0; U_SUCCESS(status) && i < n; ++i) {
    const std::string name = ucsdet_getName(matches[i], &status);
    if (name != "windows-1256" && name != "ISO-8859-6") continue;
    try {
      std::string utf8 = to_utf8(bytes, name.c_str(), where);
      if (arabic_letter_share(utf8) >= 0.5) return {std::move(utf8), name};
    } catch (const InputError&) {
      // not this one
    }
  }
  throw InputError(where + ": invalid UTF-8 at byte " + std::to_string(*bad) +
                   " and not Windows-1256 Arabic either; skipped");
}

}  // namespace bahth
