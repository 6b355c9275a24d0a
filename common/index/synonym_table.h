// The synonyms stored in an index: Xapian's synonym table, keyed by the normal form of each entry (words
// joined by one space, synonyms_file.h), each key listing the other entries of its group. The query parser
// reads them (search/query.h: SynonymLookup); documents never depend on them, so the list is replaced
// without re-indexing.
//
// A sharded index keeps the whole list in every shard: Xapian merges the shards' lists when it opens the
// stub, and a shard searched alone (or over tcp://) still has them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/synonyms_file.h"

namespace bahth {

/// Replaces the whole synonym list of `db` with `groups`: every stored key is cleared, then each entry of
/// each group gets every other entry of its group (an entry in two groups gets both groups' entries). Does
/// not commit: the caller's commit or transaction decides when the new list appears.
void replace_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymGroup>& groups);

/// Replaces the synonym list of the existing index at `path` (each shard of a sharded index in turn), one
/// transaction a shard, documents untouched: a search sees the old list or the new one, never a mixture
/// (across shards: each shard's list changes at its own commit). Throws IndexError when there is no index
/// at `path`, it is being written by another writer, or it cannot be written.
void store_synonyms(const std::string& path, const std::vector<SynonymGroup>& groups);

/// The keys of `db`'s synonym table that are `word` or start with `word` and a space (a multi-word entry),
/// each with its synonyms: what the query parser looks up for a word (search/query.h: SynonymLookup), one
/// cursor seek when there are none.
std::vector<std::pair<std::string, std::vector<std::string>>> synonyms_of(const Xapian::Database& db,
                                                                          const std::string& word);

/// Every key of `db`'s synonym table with its synonyms, in key order (xapian-delve does not show them).
std::vector<std::pair<std::string, std::vector<std::string>>> stored_synonyms(const Xapian::Database& db);

}  // namespace bahth
