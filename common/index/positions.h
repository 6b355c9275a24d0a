// Where each word of a document stands, kept in one value slot (schema::kSlotPositions) instead of Xapian's
// position table, for exact phrases over the body field.
//
// Why: glass keys every position list by term and document (GlassPositionListTable), some 22 bytes of key
// for the 1–2 bytes of positions of a typical (word, article) pair: on the 77k benchmark the position table
// was 292 MB of a 636 MB index, and writing it a quarter of the build's CPU. One list per document holds the
// same positions without a key per word (a twentieth of the bytes), and is read only for the documents a
// phrase query visits (search/phrase_source.h).
//
// Format: four LEB128 varints — the number of title words n (the title stands at positions 1..n: a title
// phrase is a run that ends there), the gap g between the title and the body (the body starts at n+g+1),
// the number of distinct body-field exact terms T, the number of codes C — then one code a position, the
// title's n and then the body's, each w bits wide (the fewest that hold T), packed from the low bits of
// each byte up: the rank of the term that stands there among the document's exact terms in term (byte)
// order — the order of the document's termlist — or T where no word stands. Most words of an article occur
// once, so a code a position takes less than half the bytes of a list of positions a term (schema 4's
// varint gaps: 641 against 279 bytes an article at 1M). The list does not repeat the terms: a reader finds
// a term's positions by the term's rank among the document's exact (unprefixed) terms, which its termlist
// gives (exact_term_ranks). Exact terms are the ones that start with no upper-case ASCII letter (schema.h:
// every prefix is upper case, and analysed words are case-folded).
//
// Example:
//   PositionListBuilder b;  b.add("بيروت", 3);  b.add("في", 2);  b.add("بيروت", 9);
//   const std::string v = b.encode(0);            // no title; "بيروت" → {3, 9}, "في" → {2}; in byte order
//   decode_positions(v, {1}).lists == {{2}} when "في" is the document's second exact term (rank 1)
#pragma once

#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace bahth {

/// Collects the positions of a document's body-field words and encodes them (the format above).
class PositionListBuilder {
 public:
  /// One term's positions, and the wdf its occurrences add up to.
  struct Entry {
    std::vector<Xapian::termpos> positions;
    Xapian::termcount wdf = 0;
  };
  /// Records that exact term `term` stands at position `pos`, adding `wdf` (positions of one term come in
  /// increasing order).
  void add(const std::string& term, Xapian::termpos pos, Xapian::termcount wdf = 1) {
    Entry& e = terms_[term];
    e.positions.push_back(pos);
    e.wdf += wdf;
  }
  /// Every term recorded, in byte order.
  const std::map<std::string, Entry>& terms() const { return terms_; }
  /// The list, for a document whose title has `title_words` words (at positions 1..title_words).
  std::string encode(Xapian::termpos title_words) const;

 private:
  std::map<std::string, Entry> terms_;
};

/// Whether `term` is an exact (unprefixed) term: it does not start with an upper-case ASCII letter.
inline bool is_exact_term(std::string_view term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

/// A term that the document does not hold (exact_term_ranks).
inline constexpr std::size_t kNoRank = static_cast<std::size_t>(-1);

/// The rank of each of `terms` (exact terms, not empty) among the exact terms of the document that
/// `termlist` walks (0 for the first exact term), kNoRank for a term the document does not hold. With
/// `id_prefix`, `id_term` receives the document's first term with that prefix (its id term).
std::vector<std::size_t> exact_term_ranks(Xapian::TermIterator termlist, Xapian::TermIterator end,
                                          const std::vector<std::string>& terms, std::string_view id_prefix = {},
                                          std::string* id_term = nullptr);

/// Some terms' positions in a document, decoded.
struct DecodedPositions {
  Xapian::termpos title_words = 0;                  ///< the title stands at positions 1..title_words
  std::vector<std::vector<Xapian::termpos>> lists;  ///< per term asked for, its sorted positions
};

/// The positions of the entries of ranks `ranks` in the encoded list `value`, in the order of `ranks`. An
/// entry the list does not have (kNoRank, or a damaged or foreign value) reads as no positions: never throws.
DecodedPositions decode_positions(std::string_view value, const std::vector<std::size_t>& ranks);

/// Whether `lists[0]`..`lists[n-1]` (sorted positions of the words of a phrase, in phrase order) hold a run
/// p, p+1, …, p+n-1 that ends at position `last` or before: the phrase occurs (with `last` the title's
/// word count: in the title).
bool phrase_occurs(const std::vector<std::vector<Xapian::termpos>>& lists,
                   Xapian::termpos last = std::numeric_limits<Xapian::termpos>::max());

}  // namespace bahth
