// The stemmers an index can be built with. The stemmer is a swappable part of the analysis pipeline: its
// name is recorded in the index (schema.h: kMetaStemmer) so the searcher always analyses queries the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace bahth {

/// The stemmer names `make_stemmer` accepts, the default first.
const std::vector<std::string>& stemmer_names();

/// The default stemmer's name.
std::string default_stemmer_name();

/// A stemmer by name: "snowball" (Xapian's Snowball Arabic) or "none" (identity).
/// Input words are already normalised (see Analyzer). Throws UsageError listing the valid names otherwise.
Xapian::Stem make_stemmer(std::string_view name);

}  // namespace bahth
