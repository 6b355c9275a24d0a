// The index document of one article, written and read back in one place: the terms, values and stored
// data of schema.h built from an Article (build_document), and the stored data parsed back into fields
// (StoredArticle) for the searcher and for pruning. The source:/category: filter terms are made here for
// both the indexer and the query parser, so the two cannot disagree on their spelling.
//
// It does not decide where a document goes (shards.h, writer.h) nor look duplicates up across documents
// (dedup.h holds the fingerprint; the writers look it up): one article in, one document out.
//
// Example:
//   const std::string hash = bahth::content_hash(article, analyzer);
//   Xapian::Document doc = bahth::build_document(article, analyzer, hash);
//   bahth::StoredArticle back = bahth::read_stored(doc, decoder);   // back.title == article.title
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "dates/mentions.h"
#include "ingest/article.h"
#include "text/analyzer.h"

namespace bahth {

class DataDecoder;  // stored_codec.h

/// Longest id accepted: Xapian terms are limited to 245 bytes, and the id term carries a prefix.
inline constexpr std::size_t kMaxIdBytes = 240;

/// The hash of everything build_document stores for `a` and of the analysis version: when it equals the
/// hash stored in the index, re-indexing `a` would change nothing.
std::string content_hash(const Article& a, const Analyzer& analyzer);

/// Builds the Xapian document for `a`: terms (see schema.h), values and the stored data; `hash` is
/// content_hash(a, analyzer). When `mentions` is given it receives the dates the text mentions (the dry run
/// prints them). Throws InputError when the id is too long.
Xapian::Document build_document(const Article& a, const Analyzer& analyzer, const std::string& hash,
                                std::vector<DateMention>* mentions = nullptr);

/// The boolean filter term for a source or category value: `prefix` (schema::kSource or
/// schema::kCategory) and the value with ASCII letters lower-cased, so "source:AlArabia" finds "alarabia".
/// The indexer adds it (when it fits Xapian's term limit); the query parser looks it up.
std::string filter_term(std::string_view prefix, std::string_view value);

/// The term that marks documents read from files under input root `root` (an absolute path), for --prune.
std::string root_term(std::string_view root);

/// The stored data of a document (schema.h, "Stored article"): a JSON object whose fields are these; a field
/// the article did not have is absent and reads back empty.
struct StoredArticle {
  std::string id;
  std::string title;
  std::string text;         ///< the original body (after boilerplate removal), for snippets
  std::string source;       ///< as given (the filter term is lower-cased)
  std::string url;
  std::string date;         ///< publication date "YYYY-MM-DD"
  std::string date_source;  ///< where the date came from: metadata|text|filename
  std::string category;     ///< as given
  std::string author;
  std::string file;         ///< absolute path of the file the article was read from; empty for stdin
};

/// The stored data of `a` as JSON (compact, keys in name order): what build_document stores, until the
/// writer compresses it (stored_codec.h).
std::string stored_data(const Article& a);

/// Parses the JSON of a document's stored data. Data that is not a JSON object, or a field that is not a
/// string, reads back as empty fields: it never throws.
StoredArticle parse_stored(const std::string& data);
namespace detail {
/// parse_stored through nlohmann's SAX parser alone: what parse_stored's fast path must agree with.
StoredArticle parse_stored_json(const std::string& data);
}  // namespace detail
/// The stored form of the article `doc` holds (schema::kSlotStored): stored_data(), or that compressed
/// (stored_codec.h); and setting it. The one place that knows where the stored article lives.
std::string stored_form(const Xapian::Document& doc);
void set_stored_form(Xapian::Document& doc, const std::string& form);

/// The stored data of `doc`, whatever its form (stored_codec.h: the JSON of a run too small to train a
/// dictionary, or compressed with a dictionary that `decoder` finds in the index), parsed. Every reader of
/// stored data goes through it. Throws IndexError when the data is compressed with a dictionary the index
/// does not hold.
StoredArticle read_stored(const Xapian::Document& doc, const DataDecoder& decoder);

/// The terms of `doc` that start with `prefix`, in term order, prefix included (e.g. the schema::kBand
/// terms that the near-duplicate lookup reads).
std::vector<std::string> terms_with_prefix(const Xapian::Document& doc, std::string_view prefix);

}  // namespace bahth
