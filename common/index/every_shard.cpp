#include "index/every_shard.h"

#include "index/schema_check.h"
#include "index/shards.h"
#include "index/xapian_errors.h"

namespace bahth {

void change_every_shard(const std::string& path, const std::function<void(Xapian::WritableDatabase&)>& change) {
  std::vector<std::string> shards = stub_shards(path);
  if (shards.empty()) shards.push_back(path);
  for (const std::string& shard : shards) {
    with_index_errors(shard, [&] {
      Xapian::WritableDatabase db(shard, Xapian::DB_OPEN);
      check_schema(db, shard);
      db.begin_transaction();
      change(db);
      db.commit_transaction();
      db.close();
    });
  }
}

}  // namespace bahth
