#include "indexer.h"

#include <nlohmann/json.hpp>

#include "errors.h"
#include "schema.h"
#include "stemmer.h"
#include "text.h"

namespace bahth {

namespace {
std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Boolean filter terms must stay under Xapian's term limit.
void add_boolean(Xapian::Document& doc, const std::string& prefix, const std::string& value) {
  if (value.empty()) return;
  std::string term = prefix + lower_ascii(value);
  if (term.size() <= kMaxIdBytes) doc.add_boolean_term(term);
}
}  // namespace

Xapian::Document build_document(const Article& a, const Analyzer& analyzer) {
  if (a.id.size() > kMaxIdBytes)
    throw InputError(a.origin + ": id is " + std::to_string(a.id.size()) + " bytes, longer than the " +
                     std::to_string(kMaxIdBytes) + "-byte limit; skipped");
  Xapian::Document doc;
  doc.add_boolean_term(schema::kId + a.id);

  // The title goes into its own field (title:) and, weighted, into the body field that plain words search.
  // Body positions start after a gap so that a phrase never spans title and body.
  Xapian::termcount pos = 0;
  analyzer.index_text(doc, a.title, schema::kTitleExact, schema::kTitleStem, pos);
  pos = 0;
  analyzer.index_text(doc, a.title, schema::kBodyExact, schema::kBodyStem, pos, schema::kTitleWdf);
  pos += 100;
  analyzer.index_text(doc, a.text, schema::kBodyExact, schema::kBodyStem, pos);

  nlohmann::json data = {{"id", a.id}, {"title", a.title}, {"text", a.text}};
  if (a.date) {
    const std::string ymd = to_yyyymmdd(*a.date);
    doc.add_value(schema::kSlotDate, ymd);
    doc.add_boolean_term(schema::kYear + ymd.substr(0, 4));
    doc.add_boolean_term(schema::kMonth + ymd.substr(0, 6));
    doc.add_boolean_term(schema::kDay + ymd);
    data["date"] = to_iso(*a.date);
    data["date_source"] = std::string(to_string(a.date_source));
  }
  if (!a.source.empty()) {
    doc.add_value(schema::kSlotSource, a.source);
    add_boolean(doc, schema::kSource, a.source);
    data["source"] = a.source;
  }
  if (!a.category.empty()) {
    doc.add_value(schema::kSlotCategory, a.category);
    add_boolean(doc, schema::kCategory, a.category);
    data["category"] = a.category;
  }
  if (!a.url.empty()) data["url"] = a.url;
  if (!a.author.empty()) data["author"] = a.author;
  doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return doc;
}

nlohmann::ordered_json describe_document(const Article& a, const Xapian::Document& doc) {
  nlohmann::ordered_json j;
  j["id"] = a.id;
  j["title"] = a.title;
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s); };
  j["source"] = or_null(a.source);
  j["url"] = or_null(a.url);
  j["category"] = or_null(a.category);
  j["date"] = {{"value", a.date ? nlohmann::ordered_json(to_iso(*a.date)) : nlohmann::ordered_json()},
               {"source", std::string(to_string(a.date_source))}};
  j["origin"] = a.origin;
  j["text_chars"] = count_code_points(a.text);
  j["terms"] = doc.termlist_count();
  return j;
}

IndexWriter::IndexWriter(const std::string& path, const std::string& stemmer) : path_(path) {
  with_index_errors(path, [&] {
    db_ = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
  });
  std::string recorded = db_.get_metadata(schema::kMetaStemmer);
  if (!recorded.empty() && !stemmer.empty() && stemmer != recorded)
    throw UsageError("index " + path + " was built with stemmer '" + recorded + "', not '" + stemmer +
                     "'; build a new index to change it");
  std::string use = !recorded.empty() ? recorded : !stemmer.empty() ? stemmer : default_stemmer_name();
  analyzer_ = std::make_unique<Analyzer>(use);
  with_index_errors(path, [&] {
    db_.begin_transaction();
    if (recorded.empty()) {
      db_.set_metadata(schema::kMetaStemmer, use);
      db_.set_metadata(schema::kMetaSchema, schema::kSchemaVersion);
    }
  });
}

IndexWriter::~IndexWriter() {
  // Everything since the last commit() is inside a transaction, which close() aborts: a run that fails
  // or is interrupted leaves the index exactly at its last commit.
  try {
    db_.close();
  } catch (...) {
  }
}

bool IndexWriter::add(const Article& a, const Xapian::Document& doc) {
  return with_index_errors(path_, [&] {
    const std::string idterm = schema::kId + a.id;
    const bool existed = db_.term_exists(idterm);
    db_.replace_document(idterm, doc);
    if (++pending_ >= batch_) commit();
    return existed;
  });
}

void IndexWriter::commit() {
  with_index_errors(path_, [&] {
    db_.commit_transaction();
    db_.begin_transaction();
  });
  pending_ = 0;
}

}  // namespace bahth

#include <chrono>
#include <iomanip>
#include <iostream>

#include "reader.h"

namespace bahth {

IndexStats run_index(const std::vector<std::string>& inputs, const IndexRunOptions& opt, std::ostream& out,
                     std::ostream& err) {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  IndexStats stats;
  std::unique_ptr<IndexWriter> writer;
  std::unique_ptr<Analyzer> dry_analyzer;
  if (opt.dry_run) {
    dry_analyzer = std::make_unique<Analyzer>(opt.stemmer.empty() ? default_stemmer_name() : opt.stemmer);
  } else {
    writer = std::make_unique<IndexWriter>(opt.index, opt.stemmer);
    writer->set_batch_size(opt.batch);
  }
  const Analyzer& analyzer = writer ? writer->analyzer() : *dry_analyzer;

  auto last_progress = t0;
  auto progress = [&](bool final) {
    if (!opt.progress) return;
    const auto now = clock::now();
    if (!final && now - last_progress < std::chrono::milliseconds(250)) return;
    last_progress = now;
    const double s = std::chrono::duration<double>(now - t0).count();
    const std::size_t done = stats.added + stats.replaced;
    err << "\rbahth-index: " << done << " documents, " << stats.skipped << " skipped, "
        << static_cast<long>(s > 0 ? static_cast<double>(done) / s : 0) << "/s   " << (final ? "\r\x1b[K" : "")
        << std::flush;
  };
  auto clear_progress = [&] {
    if (opt.progress) err << "\r\x1b[K";
  };

  ReadCallbacks cb;
  cb.problem = [&](const std::string& message) {
    clear_progress();
    err << "bahth-index: " << message << '\n';
    ++stats.skipped;
  };
  cb.article = [&](Article&& a) {
    Xapian::Document doc;
    try {
      doc = build_document(a, analyzer);
    } catch (const InputError& e) {
      cb.problem(e.what());
      return;
    }
    if (opt.dry_run) {
      if (opt.json) {
        nlohmann::ordered_json j = describe_document(a, doc);
        nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
        for (const DateMention& m : extract_dates(a.text, a.date)) {
          mentions.push_back({{"text", m.text},
                              {"start", m.start},
                              {"end", m.end},
                              {"value", m.value},
                              {"precision", std::string(to_string(m.precision))},
                              {"calendar", m.calendar}});
        }
        j["mentioned_dates"] = std::move(mentions);
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      } else {
        out << a.id << '\t' << (a.date ? to_iso(*a.date) : "-") << '\t' << to_string(a.date_source) << '\t'
            << doc.termlist_count() << " terms\t" << a.title << '\n';
      }
      ++stats.added;
    } else if (writer->add(a, doc)) {
      ++stats.replaced;
    } else {
      ++stats.added;
    }
    progress(false);
  };
  read_inputs(inputs, cb);
  if (writer) writer->commit();
  progress(true);
  stats.seconds = std::chrono::duration<double>(clock::now() - t0).count();
  return stats;
}

}  // namespace bahth
