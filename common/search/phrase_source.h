// An exact phrase over the body field or the title, checked against each candidate's position list
// (index/positions.h) instead of Xapian's position table, which the index no longer fills.
//
// The query for a phrase is OP_FILTER(OP_AND(its words), PhraseSource(its words)): the AND finds the
// documents holding every word and gives them the words' weights (as OP_PHRASE did: a phrase weighs what
// its words weigh), and the source only says yes or no. Xapian's AND asks the source about a document only
// once every other part holds it (check(), the least frequent part first), so the list is read for the
// candidates alone — lazily, as OP_PHRASE reads position lists — never for the whole index. A title phrase
// (title:"…") ANDs the words' title terms and asks the source for a run within the title's positions.
//
// Each check reads the candidate's termlist up to the phrase's last word (to find the words' ranks) and its
// position list: a few microseconds. It needs the local index: a shard served by xapian-tcpsrv cannot run
// it (the server knows only Xapian's own posting sources, and Xapian runs no MatchDecider on a remote
// shard), so over remote shards the searcher checks the candidates itself with holds_phrase, one network
// round trip or two each (Searcher::phrase_documents).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace bahth {

/// Whether document `did` of `db` holds the exact terms `terms` in this order in its body field (title or
/// body; with `title`, in its title), read from its termlist and position list. With `id_term`, receives the
/// document's id term.
bool holds_phrase(const Xapian::Database& db, Xapian::docid did, const std::vector<std::string>& terms, bool title,
                  std::string* id_term = nullptr);

class PhraseSource : public Xapian::PostingSource {
 public:
  /// `terms`: the phrase's exact terms (body field, unprefixed), in order; at least two. `title`: only a
  /// run within the title counts.
  PhraseSource(std::vector<std::string> terms, bool title);

  PhraseSource* clone() const override { return new PhraseSource(terms_, title_); }
  void init(const Xapian::Database& db) override;

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override;
  Xapian::doccount get_termfreq_max() const override { return doccount_; }

  bool check(Xapian::docid did, double min_wt) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return at_end_; }
  Xapian::docid get_docid() const override { return current_; }
  double get_weight() const override { return 0; }
  std::string get_description() const override;

 private:
  bool occurs_in(Xapian::docid did);
  // Moves to the first document at or after `did` that holds the phrase (used only when the matcher drives
  // the source itself, which an AND with the phrase's words does not do).
  void scan_from(Xapian::docid did);

  std::vector<std::string> terms_;
  bool title_ = false;
  Xapian::Database db_;
  std::optional<Xapian::ValueIterator> values_;  // the position lists, read forward as the matcher moves
  Xapian::docid values_from_ = 0;    // the document the stream was last asked about
  Xapian::doccount doccount_ = 0;
  Xapian::docid current_ = 0;
  bool at_end_ = false;
};

}  // namespace bahth
