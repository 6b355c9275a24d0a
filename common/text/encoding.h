// Text files in the encodings Arabic archives actually hold: UTF-8 (with or without a BOM), UTF-16 with a
// BOM, and Windows-1256 / ISO-8859-6, detected with ICU's charset detector and converted to UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace bahth {

struct DecodedText {
  std::string utf8;      ///< the text as valid UTF-8, without a BOM
  std::string encoding;  ///< "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "windows-1256", "ISO-8859-6"
};

/// Converts the bytes of a text file to UTF-8. Throws InputError naming `where` when the bytes are binary
/// (NUL bytes, control characters) or are neither valid UTF-8 nor Arabic text in one of the encodings above.
DecodedText decode_text(std::string_view bytes, const std::string& where);

}  // namespace bahth
