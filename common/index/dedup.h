// Duplicate and near-duplicate articles: one story filed under several ids, or the same agency story lightly
// edited by several papers. Each document gets a duplicate-cluster key (schema::kSlotDuplicate) that the
// searcher collapses on.
//
//   exact copies     the same letters and digits after normalisation (spacing, punctuation, diacritics and
//                    tatweel do not count): the key is a hash of them (and of the title, for very short bodies)
//   near copies      MinHash over word 4-shingles of the normalised body: 32 minima, estimated Jaccard
//                    similarity = the share of equal minima. Candidates come from LSH: 8 bands of 4 minima,
//                    held in memory (NearDuplicateMemory: the signatures are in schema::kSlotMinHash, so an
//                    update reads them back); a candidate whose estimated similarity is at least
//                    kNearDuplicate joins the cluster (the document takes the candidate's key). Bodies of
//                    fewer than kMinShingles shingles are only matched exactly.
//
// The bands were terms of the index until issue #12 (XB<band><hash>, 8 an article): each was a posting
// list of its own, some 6% of a 77k index and 4% of its build, read only by an update's lookup.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bahth {

inline constexpr std::size_t kMinHashes = 32, kBands = 8, kRows = 4, kShingleWords = 4, kMinShingles = 20;
/// Bytes kept of each 32-bit minimum: its low 16 bits (b-bit minwise hashing). Two different minima keep
/// the same bits once in 65,536, which moves a similarity estimate by under 0.0001 and a 4-row band key
/// not at all in practice; the signature takes 64 bytes an article instead of 128 (61 MB of a 1M index).
inline constexpr std::size_t kMinHashBytes = 2;
inline constexpr double kNearDuplicate = 0.8;
/// Near-duplicate candidates looked at per document, at most (a story copied thousands of times).
inline constexpr std::size_t kMaxCandidates = 64;

struct Fingerprint {
  std::string exact;     ///< 16 hex digits: the exact-duplicate key
  /// kMinHashes minima, kMinHashBytes little-endian bytes each (empty when the body is too short)
  std::string minhash;
};

/// The fingerprint of an article, given its normalised body and title (Analyzer::normalize). A body too short
/// to tell stories apart (a byline, a caption: fewer than kMinShingles shingles) is keyed with its title too,
/// so that two different articles whose scraped body is just the author's name are not merged.
Fingerprint fingerprint(std::string_view normalized_body, std::string_view normalized_title);

/// Estimated Jaccard similarity of two MinHash signatures (0 when either is empty or they differ in size).
double similarity(std::string_view a, std::string_view b);

/// The near-duplicate lookup: documents' signatures held in memory, banded. Candidates are seen band by
/// band, oldest first, at most kMaxCandidates in all, the most similar winning and the later one winning a
/// tie. A dry run, a new index built in segments (segmented_writer.h) and an update in place
/// (in_place_writer.h, from the signatures the index holds) all look up through it.
class NearDuplicateMemory {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// The remembered document most similar to `minhash` (similarity of at least kNearDuplicate) among those
  /// sharing one of its bands, ignoring documents remembered with the same `self`; npos when there is none.
  std::size_t nearest(std::string_view minhash, std::uint64_t self) const;

  /// Remembers a document (its MinHash signature and owner `self`, say a hash of its id) and returns its
  /// number: 0, 1, 2... Documents without a signature are numbered but never candidates.
  std::size_t add(std::string_view minhash, std::uint64_t self);

  /// Drops document `n` from later lookups (a newer version of it replaced it).
  void forget(std::size_t n) { alive_[n] = false; }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::string signatures_;  // kMinHashes * kMinHashBytes bytes per document (zeros for none)
  std::vector<std::uint64_t> self_;
  std::vector<bool> alive_;
  struct Chain {
    std::uint32_t oldest, newest;
  };
  std::unordered_map<std::uint64_t, Chain> chains_;  // band key hash → its documents, oldest first
  std::vector<std::uint32_t> newer_;  // per document and band: the next newer document with that band key
};

}  // namespace bahth
