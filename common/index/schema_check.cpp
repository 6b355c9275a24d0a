#include "index/schema_check.h"

#include "base/errors.h"
#include "index/schema.h"

namespace bahth {

void check_schema(const Xapian::Database& db, const std::string& path) {
  if (db.get_doccount() == 0) return;
  const std::string version = db.get_metadata(schema::kMetaSchema);
  if (version == schema::kSchemaVersion) return;
  throw IndexError("index " + path + " was built by " +
                   (version.empty() ? std::string("another program or an early Bahth") : "Bahth schema " + version) +
                   ", not schema " + schema::kSchemaVersion + "; rebuild it: remove " + path +
                   " and run bahth-index on its articles again");
}

}  // namespace bahth
