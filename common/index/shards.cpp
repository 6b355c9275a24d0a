#include "index/shards.h"

#include <fstream>

#include "base/errors.h"
#include "base/hash.h"

namespace bahth {

namespace fs = std::filesystem;

std::string shard_name(std::size_t n) { return "shard" + std::to_string(n); }

std::vector<std::string> stub_shards(const fs::path& index) {
  std::vector<std::string> shards;
  std::ifstream stub(index / kStubFile);
  for (std::string line; std::getline(stub, line);) {
    const std::size_t space = line.find(' ');
    if (space != std::string::npos) shards.push_back((index / line.substr(space + 1)).string());
  }
  return shards;
}

void write_stub(const fs::path& index, std::size_t shards) {
  std::string stub;
  for (std::size_t i = 0; i < shards; ++i) stub += "auto " + shard_name(i) + "\n";
  const fs::path path = index / kStubFile;
  const fs::path tmp = index / (std::string(kStubFile) + ".tmp");
  std::ofstream file(tmp);
  file << stub;
  file.close();
  if (!file) throw IndexError("cannot write " + path.string());
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw IndexError("cannot write " + path.string() + ": " + ec.message());
}

std::uint64_t id_hash(std::string_view id) { return fnv1a64(id); }

}  // namespace bahth
