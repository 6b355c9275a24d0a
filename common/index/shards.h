// The layout of a sharded index, in one place: a directory holding the shards `shard0 ... shardN-1` and a
// Xapian stub file listing them ("auto shard0" ...), which Xapian opens as one database (so the searcher
// needs nothing special); and the routing of a document to its shard by a hash of its id, so an update
// finds the shard that holds the older version. Both writers (in_place_writer.h, segments.h) use it.
//
// It opens no database and decides nothing about when a sharded index is made (writer.h does).
//
// Example:
//   write_stub("/idx", 3);                       // /idx/XAPIANDB: auto shard0, auto shard1, auto shard2
//   stub_shards("/idx");                         // {"/idx/shard0", "/idx/shard1", "/idx/shard2"}
//   shard_of(id_hash("AL-culture-1"), 3);        // the shard that holds that id
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace bahth {

/// Name of the stub file inside a sharded index directory.
inline constexpr const char* kStubFile = "XAPIANDB";

/// The directory name of shard `n`: "shard<n>".
std::string shard_name(std::size_t n);

/// The shard directories listed in the stub file of `index`, as paths under it, in order; none for an
/// ordinary (unsharded) index or a directory that does not exist.
std::vector<std::string> stub_shards(const std::filesystem::path& index);

/// Writes the stub file of `index` listing shards 0 ... `shards`-1, atomically (a temporary file renamed
/// into place): write it after the shards, so a half-made index is never opened. Throws IndexError naming
/// the stub file when it cannot be written.
void write_stub(const std::filesystem::path& index, std::size_t shards);

/// The hash of a document id that routes it (and orders writers' work): FNV-1a 64 of the id.
std::uint64_t id_hash(std::string_view id);

/// The shard, of `shards`, that holds the document whose id hashes to `hash`.
inline std::size_t shard_of(std::uint64_t hash, std::size_t shards) { return shards <= 1 ? 0 : hash % shards; }

}  // namespace bahth
