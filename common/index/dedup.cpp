#include "index/dedup.h"

#include <array>
#include <limits>

#include <unicode/uchar.h>

#include "base/hash.h"
#include "text/utf8.h"

namespace bahth {

namespace {

constexpr std::size_t kSignatureBytes = kMinHashes * kMinHashBytes;

// A 64-bit mixer (splitmix64's finaliser): turns one shingle hash into kMinHashes independent ones.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// The key of band `band` of a signature: its kRows minima, hashed with the band's number.
std::uint64_t band_key(std::string_view minhash, std::size_t band) {
  return fnv1a64(minhash.substr(band * kRows * kMinHashBytes, kRows * kMinHashBytes), mix(band + 1));
}

}  // namespace

Fingerprint fingerprint(std::string_view norm, std::string_view title) {
  Fingerprint f;
  // Words are runs of letters and digits; the exact key hashes them all, the shingles hash windows of them.
  std::uint64_t exact = fnv1a64("");
  std::vector<std::uint64_t> words;
  std::uint64_t word = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < norm.size();) {
    const std::size_t at = i;
    const char32_t c = next_code_point(norm, i);
    if (u_isalnum(static_cast<UChar32>(c))) {
      const std::string_view piece = norm.substr(at, i - at);
      exact = fnv1a64(piece, exact);
      word = fnv1a64(piece, in_word ? word : fnv1a64(""));
      in_word = true;
    } else if (in_word) {
      words.push_back(word);
      in_word = false;
    }
  }
  if (in_word) words.push_back(word);
  f.exact = hex64(exact);
  if (words.size() < kShingleWords + kMinShingles - 1) {
    f.exact = hex64(fnv1a64(title, exact));
    return f;
  }

  std::array<std::uint32_t, kMinHashes> mins;
  mins.fill(std::numeric_limits<std::uint32_t>::max());
  for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    std::uint64_t shingle = 1469598103934665603ull;
    for (std::size_t k = 0; k < kShingleWords; ++k) shingle = mix(shingle ^ words[i + k]);
    for (std::size_t h = 0; h < kMinHashes; ++h) {
      const auto v = static_cast<std::uint32_t>(mix(shingle + 0x9e3779b97f4a7c15ull * (h + 1)) >> 32);
      if (v < mins[h]) mins[h] = v;
    }
  }
  for (std::uint32_t v : mins) {
    for (std::size_t b = 0; b < kMinHashBytes; ++b) f.minhash.push_back(static_cast<char>((v >> (8 * b)) & 0xFF));
  }
  return f;
}

double similarity(std::string_view a, std::string_view b) {
  constexpr std::size_t w = kMinHashBytes;
  if (a.empty() || a.size() != b.size() || a.size() % w) return 0;
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.size(); i += w) same += a.substr(i, w) == b.substr(i, w);
  return static_cast<double>(same) / static_cast<double>(a.size() / w);
}

std::size_t NearDuplicateMemory::nearest(std::string_view minhash, std::uint64_t self) const {
  if (minhash.size() != kSignatureBytes) return npos;
  std::size_t best_n = npos, looked = 0;
  double best = kNearDuplicate;
  for (std::size_t b = 0; b < kBands; ++b) {
    auto it = chains_.find(band_key(minhash, b));
    if (it == chains_.end()) continue;
    for (std::uint32_t n = it->second.oldest; n != kNone && looked < kMaxCandidates; n = newer_[n * kBands + b]) {
      if (!alive_[n]) continue;
      ++looked;
      const double sim = similarity(minhash, std::string_view(signatures_).substr(n * kSignatureBytes, kSignatureBytes));
      if (sim < best || self_[n] == self) continue;
      best = sim;
      best_n = n;
    }
  }
  return best_n;
}

std::size_t NearDuplicateMemory::add(std::string_view minhash, std::uint64_t self) {
  const auto n = static_cast<std::uint32_t>(self_.size());
  if (minhash.size() == kSignatureBytes) signatures_.append(minhash);
  else signatures_.append(kSignatureBytes, '\0');
  self_.push_back(self);
  alive_.push_back(true);
  newer_.resize(newer_.size() + kBands, kNone);
  for (std::size_t b = 0; b < kBands && minhash.size() == kSignatureBytes; ++b) {
    auto [it, fresh] = chains_.try_emplace(band_key(minhash, b), Chain{n, n});
    if (!fresh) {
      newer_[std::size_t{it->second.newest} * kBands + b] = n;
      it->second.newest = n;
    }
  }
  return n;
}

}  // namespace bahth
