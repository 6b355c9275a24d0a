// The list of where each word of a document stands (index/positions.h): a value read from the index, so a
// damaged or foreign one must decode to something, never throw or read past its end; and what the builder
// encodes must decode to the positions it was given.
//
// The first byte chooses: even, the rest is a value to decode with ranks taken from its first bytes; odd,
// the rest spells words and the gaps between them (a byte a word: the low 4 bits the word, the next 2 the gap
// to the previous word minus one), the first of them the title's length.
//
// Invariants: decoding never throws, every list it returns is strictly increasing and starts at 1 or later;
// an encoded list decodes to each word's positions, and a rank past its words to none.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "index/positions.h"

namespace {

void check_lists(const bahth::DecodedPositions& decoded) {
  for (const auto& list : decoded.lists) {
    for (std::size_t i = 0; i < list.size(); ++i) FUZZ_CHECK(list[i] >= 1 && (i == 0 || list[i - 1] < list[i]));
  }
}

void decode_any(std::string_view value) {
  std::vector<std::size_t> ranks;
  for (std::size_t i = 0; i < value.size() && i < 4; ++i)
    ranks.push_back(value[i] == '\xff' ? bahth::kNoRank : static_cast<unsigned char>(value[i]));
  check_lists(bahth::decode_positions(value, ranks));
}

void round_trip(std::string_view spec) {
  if (spec.empty()) return;
  const auto title_words = static_cast<Xapian::termpos>(static_cast<unsigned char>(spec[0]) % 8);
  bahth::PositionListBuilder builder;
  std::map<std::string, std::vector<Xapian::termpos>> expected;
  Xapian::termpos pos = 0;
  for (const char c : spec.substr(1)) {
    const auto byte = static_cast<unsigned char>(c);
    pos += 1 + ((byte >> 4) & 3u);
    const std::string word = "w" + std::to_string(byte & 15u);
    builder.add(word, pos);
    expected[word].push_back(pos);
  }
  const std::string value = builder.encode(title_words);
  std::vector<std::size_t> ranks;
  for (std::size_t r = 0; r <= expected.size(); ++r) ranks.push_back(r);  // the last: a rank past the words
  const bahth::DecodedPositions decoded = bahth::decode_positions(value, ranks);
  FUZZ_CHECK(decoded.title_words == title_words);
  FUZZ_CHECK(decoded.lists.size() == ranks.size());
  std::size_t r = 0;
  for (const auto& [word, positions] : expected) FUZZ_CHECK(decoded.lists[r++] == positions);  // byte order
  FUZZ_CHECK(decoded.lists.back().empty());
  check_lists(decoded);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    if (data[0] % 2 == 0) decode_any(rest);
    else round_trip(rest);
  } catch (const std::exception& e) {
    fuzz::unexpected_exception("decode_positions", e.what());
  }
  return 0;
}
