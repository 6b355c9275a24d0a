#include "index/positions.h"

#include <algorithm>

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

}  // namespace

std::string PositionListBuilder::encode(Xapian::termpos title_words) const {
  std::string out;
  put_varint(out, title_words);
  for (const auto& [term, entry] : terms_) {
    put_varint(out, entry.positions.size());
    Xapian::termpos last = 0;
    for (Xapian::termpos p : entry.positions) {
      put_varint(out, p - last);
      last = p;
    }
  }
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
  std::vector<std::vector<Xapian::termpos>>& out = decoded.lists;
  std::size_t wanted = 0, wanted_last = 0;  // ranks asked for (kNoRank is not one), and the largest
  for (std::size_t r : ranks) {
    if (r == kNoRank) continue;
    ++wanted;
    wanted_last = std::max(wanted_last, r);
  }
  std::size_t i = 0;
  std::uint64_t title_words = 0;
  if (!get_varint(value, i, title_words)) return decoded;
  decoded.title_words = static_cast<Xapian::termpos>(title_words);
  for (std::size_t rank = 0; rank <= wanted_last && wanted > 0; ++rank) {
    std::uint64_t n = 0;
    if (!get_varint(value, i, n)) break;
    std::vector<Xapian::termpos> positions;
    const bool asked = std::find(ranks.begin(), ranks.end(), rank) != ranks.end();
    std::uint64_t pos = 0, gap = 0;
    for (std::uint64_t k = 0; k < n; ++k) {
      if (!get_varint(value, i, gap)) return decoded;
      pos += gap;
      if (asked) positions.push_back(static_cast<Xapian::termpos>(pos));
    }
    if (!asked) continue;
    for (std::size_t k = 0; k < ranks.size(); ++k)
      if (ranks[k] == rank) out[k] = positions;
  }
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
