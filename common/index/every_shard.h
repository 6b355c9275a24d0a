// A change to the whole-index part of an index (its synonym table, its metadata) written into every shard:
// Xapian reads the synonyms of a stub's shards merged but its metadata from the first shard only, and a
// shard searched alone (or over tcp://) must have them too.
#pragma once

#include <functional>
#include <string>

#include <xapian.h>

namespace bahth {

/// Opens each shard of the index at `path` (the index itself when it is not sharded) for writing, checks
/// its schema, and applies `change` in one transaction committed before the next shard: a search sees each
/// shard before or after, never half-changed. Documents are untouched unless `change` touches them. Throws
/// IndexError when a shard cannot be opened (another writer holds it, wrong schema) or written.
void change_every_shard(const std::string& path, const std::function<void(Xapian::WritableDatabase&)>& change);

}  // namespace bahth
