#include "search/phrase_source.h"

#include <algorithm>
#include <utility>

#include "index/positions.h"
#include "index/schema.h"

namespace bahth {

namespace {

// Whether the decoded lists of a phrase's words hold it (in the title only, with `title`).
bool occurs(const DecodedPositions& p, bool title) {
  return title ? phrase_occurs(p.lists, p.title_words) : phrase_occurs(p.lists);
}

}  // namespace

bool holds_phrase(const Xapian::Database& db, Xapian::docid did, const std::vector<std::string>& terms, bool title,
                  std::string* id_term) {
  const std::vector<std::size_t> ranks =
      exact_term_ranks(db.termlist_begin(did), db.termlist_end(did), terms, schema::kId, id_term);
  if (std::find(ranks.begin(), ranks.end(), kNoRank) != ranks.end()) return false;
  return occurs(decode_positions(db.get_document(did).get_value(schema::kSlotPositions), ranks), title);
}

PhraseSource::PhraseSource(std::vector<std::string> terms, bool title) : terms_(std::move(terms)), title_(title) {}

void PhraseSource::init(const Xapian::Database& db) {
  db_ = db;
  values_.reset();
  doccount_ = db.get_doccount();
  values_from_ = 0;
  current_ = 0;
  at_end_ = doccount_ == 0;
}

// Xapian's own guess for a phrase: half the documents that hold its words (the AND before the filter).
Xapian::doccount PhraseSource::get_termfreq_est() const { return doccount_ / 2; }

bool PhraseSource::occurs_in(Xapian::docid did) {
  const std::vector<std::size_t> ranks = exact_term_ranks(db_.termlist_begin(did), db_.termlist_end(did), terms_);
  if (std::find(ranks.begin(), ranks.end(), kNoRank) != ranks.end()) return false;
  // The value stream is read forward, as the matcher moves; should it ever go back, start over.
  if (!values_ || did < values_from_) values_ = db_.valuestream_begin(schema::kSlotPositions);
  values_from_ = did;
  Xapian::ValueIterator& v = *values_;
  const Xapian::ValueIterator end = db_.valuestream_end(schema::kSlotPositions);
  if (v == end || !v.check(did) || v == end || v.get_docid() != did) return false;
  return occurs(decode_positions(*v, ranks), title_);
}

bool PhraseSource::check(Xapian::docid did, double) {
  if (occurs_in(did)) {
    current_ = did;
    return true;
  }
  return false;  // `did` does not hold the phrase; next() or skip_to() finds the next that does
}

void PhraseSource::scan_from(Xapian::docid did) {
  // Only documents that hold the phrase's rarest word can hold the phrase.
  std::string rarest = terms_.front();
  for (const std::string& t : terms_)
    if (db_.get_termfreq(t) < db_.get_termfreq(rarest)) rarest = t;
  Xapian::PostingIterator p = db_.postlist_begin(rarest);
  for (p.skip_to(did); p != db_.postlist_end(rarest); ++p) {
    if (occurs_in(*p)) {
      current_ = *p;
      return;
    }
  }
  at_end_ = true;
}

void PhraseSource::next(double) { scan_from(current_ + 1); }

void PhraseSource::skip_to(Xapian::docid did, double) {
  if (did <= current_) return;
  scan_from(did);
}

std::string PhraseSource::get_description() const {
  std::string d = title_ ? "PhraseSource(title: " : "PhraseSource(";
  for (std::size_t k = 0; k < terms_.size(); ++k) d += (k ? " " : "") + terms_[k];
  return d + ")";
}

}  // namespace bahth
