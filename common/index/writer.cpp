#include "index/writer.h"

#include <filesystem>

#include "index/in_place_writer.h"
#include "index/segmented_writer.h"

namespace bahth {

std::unique_ptr<IndexWriter> open_writer(const std::string& path, const std::string& stemmer,
                                         const WriterOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool vacant = !fs::exists(path, ec) || (fs::is_directory(path, ec) && fs::is_empty(path, ec));
  if (vacant && !options.in_place) return std::make_unique<SegmentedWriter>(path, stemmer, options);
  return std::make_unique<InPlaceWriter>(path, stemmer, options);
}

}  // namespace bahth
