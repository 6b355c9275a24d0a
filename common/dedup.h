// Duplicate and near-duplicate articles: one story filed under several ids, or the same agency story lightly
// edited by several papers. Each document gets a duplicate-cluster key (schema::kSlotDuplicate) that the
// searcher collapses on.
//
//   exact copies     the same letters and digits after normalisation (spacing, punctuation, diacritics and
//                    tatweel do not count): the key is a hash of them (and of the title, for very short bodies)
//   near copies      MinHash over word 4-shingles of the normalised body: 32 minima, estimated Jaccard
//                    similarity = the share of equal minima. Candidates come from LSH: 8 bands of 4 minima,
//                    each band a term (schema::kBand); a candidate whose estimated similarity is at least
//                    kNearDuplicate joins the cluster (the document takes the candidate's key). Bodies of
//                    fewer than kMinShingles shingles are only matched exactly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bahth {

inline constexpr std::size_t kMinHashes = 32, kBands = 8, kRows = 4, kShingleWords = 4, kMinShingles = 20;
inline constexpr double kNearDuplicate = 0.8;

struct Fingerprint {
  std::string exact;     ///< 16 hex digits: the exact-duplicate key
  std::string minhash;   ///< kMinHashes little-endian uint32 (empty when the body is too short)
  std::vector<std::string> bands;  ///< the LSH band keys, without the schema::kBand prefix
};

/// The fingerprint of an article, given its normalised body and title (Analyzer::normalize). A body too short
/// to tell stories apart (a byline, a caption: fewer than kMinShingles shingles) is keyed with its title too,
/// so that two different articles whose scraped body is just the author's name are not merged.
Fingerprint fingerprint(std::string_view normalized_body, std::string_view normalized_title);

/// Estimated Jaccard similarity of two MinHash signatures (0 when either is empty or they differ in size).
double similarity(std::string_view a, std::string_view b);

}  // namespace bahth
