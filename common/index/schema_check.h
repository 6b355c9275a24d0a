// Whether an index was built with this version of the schema (schema::kSchemaVersion): the searcher and an
// update in place ask before they read or write a document, so an index of another design is refused with a
// line saying to rebuild it, never misread (a schema-1 index keeps its body positions in Xapian's position
// table, where a schema-2 phrase query does not look).
#pragma once

#include <string>

#include <xapian.h>

namespace bahth {

/// Throws IndexError naming `path` when `db` holds documents and records another schema version (or none:
/// an index built before versions were checked). An empty database passes: it has nothing to misread.
void check_schema(const Xapian::Database& db, const std::string& path);

}  // namespace bahth
