#include "index/positions.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace bahth {

namespace {

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

// Reads a varint at `i` (advanced); false at the end of `s` or on a varint that does not end.
bool get_varint(std::string_view s, std::size_t& i, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; i < s.size() && shift < 64; shift += 7) {
    const auto byte = static_cast<unsigned char>(s[i++]);
    v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

// The bits a code takes: enough for 0..largest.
unsigned code_width(std::uint64_t largest) {
  unsigned width = 1;
  while (width < 64 && (std::uint64_t{1} << width) <= largest) ++width;
  return width;
}

}  // namespace

std::string PositionListBuilder::encode(Xapian::termpos title_words) const {
  // Where the body starts: the first position past the title (the title's last plus one when there is
  // no body), and where the list ends.
  Xapian::termpos body_start = 0, last = title_words;
  for (const auto& entry : terms_) {
    for (Xapian::termpos p : entry.second.positions) {
      if (p > title_words && (body_start == 0 || p < body_start)) body_start = p;
      last = std::max(last, p);
    }
  }
  if (body_start == 0) body_start = title_words + 1;
  const std::size_t count = title_words + (last - body_start + 1);
  const std::uint64_t hole = terms_.size();  // the code of a position no word stands at
  std::vector<std::uint32_t> codes(count, static_cast<std::uint32_t>(hole));
  std::uint32_t rank = 0;
  for (const auto& entry : terms_) {
    for (Xapian::termpos p : entry.second.positions)
      if (p >= 1) codes[p <= title_words ? p - 1 : title_words + (p - body_start)] = rank;
    ++rank;
  }
  std::string out;
  put_varint(out, title_words);
  put_varint(out, body_start - title_words - 1);
  put_varint(out, terms_.size());
  put_varint(out, count);
  const unsigned width = code_width(hole);
  std::uint64_t bits = 0;
  unsigned held = 0;
  for (std::uint32_t c : codes) {
    bits |= static_cast<std::uint64_t>(c) << held;
    held += width;
    for (; held >= 8; held -= 8, bits >>= 8) out += static_cast<char>(bits & 0xff);
  }
  if (held > 0) out += static_cast<char>(bits & 0xff);
  return out;
}

std::vector<std::size_t> exact_term_ranks(Xapian::TermIterator t, Xapian::TermIterator end,
                                          const std::vector<std::string>& terms, std::string_view id_prefix,
                                          std::string* id_term) {
  std::vector<std::size_t> ranks(terms.size(), kNoRank);
  std::size_t found = 0, rank = 0;
  bool want_id = id_term != nullptr;
  // The termlist is in byte order: once past the largest wanted term (and the id), nothing more is wanted.
  const std::string& last = *std::max_element(terms.begin(), terms.end());
  for (; t != end && (found < terms.size() || want_id); ++t) {
    const std::string term = *t;
    if (!is_exact_term(term)) {
      if (want_id && term.compare(0, id_prefix.size(), id_prefix) == 0) {
        *id_term = term;
        want_id = false;
      }
      continue;
    }
    if (term > last && !want_id) break;
    for (std::size_t k = 0; k < terms.size(); ++k) {
      if (terms[k] == term) {
        ranks[k] = rank;
        ++found;
      }
    }
    ++rank;
  }
  return ranks;
}

DecodedPositions decode_positions(std::string_view value, const std::vector<std::size_t>& ranks) {
  DecodedPositions decoded;
  decoded.lists.resize(ranks.size());
  std::size_t i = 0;
  std::uint64_t title_words = 0, gap = 0, terms = 0, count = 0;
  if (!get_varint(value, i, title_words) || !get_varint(value, i, gap) || !get_varint(value, i, terms) ||
      !get_varint(value, i, count))
    return decoded;
  // Every term stands somewhere, and the codes fill the rest of the value exactly: anything else is a
  // damaged or foreign value, read as no positions.
  const unsigned width = code_width(terms);
  const std::size_t bytes = value.size() - i;
  if (terms > count || count > bytes * 8 || (count * width + 7) / 8 != bytes) return decoded;
  // and so is a position past what Xapian counts to (each part below 2^32: their sum fits in 64 bits).
  constexpr std::uint64_t kLast = std::numeric_limits<Xapian::termpos>::max();
  if (title_words > kLast || gap > kLast || count > kLast || title_words + gap + count > kLast) return decoded;
  decoded.title_words = static_cast<Xapian::termpos>(title_words);
  // The list each code fills: that of the first rank asking for it.
  std::vector<int> list_of(terms, -1);
  bool wanted = false;
  for (std::size_t k = 0; k < ranks.size(); ++k) {
    if (ranks[k] >= terms || list_of[ranks[k]] >= 0) continue;
    list_of[ranks[k]] = static_cast<int>(k);
    wanted = true;
  }
  if (!wanted) return decoded;
  const std::uint64_t body_start = title_words + 1 + gap, mask = (std::uint64_t{1} << width) - 1;
  std::uint64_t bits = 0;
  unsigned held = 0;
  for (std::uint64_t k = 0; k < count; ++k) {
    for (; held < width; held += 8) bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(value[i++])) << held;
    const std::uint64_t code = bits & mask;
    bits >>= width;
    held -= width;
    if (code < terms && list_of[code] >= 0)
      decoded.lists[list_of[code]].push_back(
          static_cast<Xapian::termpos>(k < title_words ? k + 1 : body_start + (k - title_words)));
  }
  for (std::size_t k = 0; k < ranks.size(); ++k)  // a rank asked for twice (a phrase "a b a")
    if (ranks[k] < terms && list_of[ranks[k]] != static_cast<int>(k))
      decoded.lists[k] = decoded.lists[list_of[ranks[k]]];
  return decoded;
}

bool phrase_occurs(const std::vector<std::vector<Xapian::termpos>>& lists, Xapian::termpos last) {
  if (lists.empty()) return false;
  const auto span = static_cast<Xapian::termpos>(lists.size() - 1);
  for (Xapian::termpos p : lists[0]) {
    if (last < span || p > last - span) return false;  // this run and every later one end past `last`
    bool all = true;
    for (std::size_t k = 1; k < lists.size() && all; ++k)
      all = std::binary_search(lists[k].begin(), lists[k].end(), p + static_cast<Xapian::termpos>(k));
    if (all) return true;
  }
  return false;
}

}  // namespace bahth
