// Stable hashes for keys stored in an index (ids, shard routing, input roots, content): unlike std::hash,
// the same on every build and platform, so an index written by one build is read by another.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace bahth {

/// FNV-1a 64-bit hash of `s`, continuing from `seed` (chain calls to hash several fields).
inline std::uint64_t fnv1a64(std::string_view s, std::uint64_t seed = 14695981039346656037ull) {
  std::uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

/// `h` as 16 lower-case hex digits.
inline std::string hex64(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace bahth
