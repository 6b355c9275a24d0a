// A test helper for the stored data's forms (index/stored_codec.h), used by tests/e2e.py:
//   bahth_stored_data dump INDEX               each document's number and its data decoded to JSON, a line each
//   bahth_stored_data raw INDEX DOCID          document DOCID's data as stored (JSON or a zstd frame)
//   bahth_stored_data to-json INDEX            rewrites every document's data as JSON and removes the
//                                              dictionaries: the index as Bahth stored it before compression
//   bahth_stored_data drop-dictionaries INDEX  removes the dictionaries only (a shard that lost them)
// INDEX is an ordinary or a sharded index (shards.h). Exit 0, or 2 with one line on stderr.
#include <iostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "base/errors.h"
#include "index/document.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/stored_codec.h"
#include "index/xapian_errors.h"

using namespace bahth;

namespace {

std::vector<std::string> shards_of(const std::string& index) {
  std::vector<std::string> shards = stub_shards(index);
  if (shards.empty()) shards.push_back(index);
  return shards;
}

DictionaryLookup lookup_in(const std::vector<std::string>& shards) {
  return [shards](std::uint32_t id) {
    for (const std::string& s : shards) {
      if (std::string d = Xapian::Database(s).get_metadata(dictionary_key(id)); !d.empty()) return d;
    }
    return std::string();
  };
}

void remove_dictionaries(Xapian::WritableDatabase& db) {
  std::vector<std::string> keys;
  for (auto k = db.metadata_keys_begin(schema::kMetaDictionary); k != db.metadata_keys_end(schema::kMetaDictionary); ++k)
    keys.push_back(*k);
  for (const std::string& k : keys) db.set_metadata(k, "");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && !(argc == 4 && std::string(argv[1]) == "raw")) {
    std::cerr << "usage: bahth_stored_data dump|to-json|drop-dictionaries INDEX, or raw INDEX DOCID\n";
    return 2;
  }
  const std::string command = argv[1], index = argv[2];
  try {
    with_index_errors(index, [&] {
      const std::vector<std::string> shards = shards_of(index);
      const DataDecoder decoder(index, lookup_in(shards));
      if (command == "dump") {
        Xapian::Database db(index);
        for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p)
          std::cout << *p << '\t' << decoder.decode(stored_form(db.get_document(*p))) << '\n';
      } else if (command == "raw") {
        std::cout << stored_form(Xapian::Database(index).get_document(std::stoul(argv[3])));
      } else if (command == "to-json" || command == "drop-dictionaries") {
        for (const std::string& s : shards) {
          Xapian::WritableDatabase db(s, Xapian::DB_OPEN);
          if (command == "to-json") {
            for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
              Xapian::Document doc = db.get_document(*p);
              set_stored_form(doc, decoder.decode(stored_form(doc)));
              db.replace_document(*p, doc);
            }
          }
          remove_dictionaries(db);
          db.commit();
        }
      } else {
        throw UsageError("unknown command " + command);
      }
    });
  } catch (const Error& e) {
    std::cerr << "bahth_stored_data: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
