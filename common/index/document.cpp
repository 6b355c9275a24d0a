#include "index/document.h"

#include <set>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/errors.h"
#include "base/hash.h"
#include "index/dedup.h"
#include "index/positions.h"
#include "index/schema.h"
#include "index/stored_codec.h"
#include "text/utf8.h"

namespace bahth {

namespace {

// The keys of the stored data (schema.h, "Stored article"): written by stored_data, read by parse_stored.
namespace key {
constexpr const char* kId = "id";
constexpr const char* kTitle = "title";
constexpr const char* kText = "text";
constexpr const char* kSource = "source";
constexpr const char* kUrl = "url";
constexpr const char* kDate = "date";
constexpr const char* kDateSource = "date_source";
constexpr const char* kCategory = "category";
constexpr const char* kAuthor = "author";
constexpr const char* kFile = "file";
}  // namespace key

// A filter term must stay under Xapian's term limit: a longer one is left out (the value slot keeps it).
void add_filter_term(Xapian::Document& doc, const char* prefix, const std::string& value) {
  if (value.empty()) return;
  const std::string term = filter_term(prefix, value);
  if (term.size() <= kMaxIdBytes) doc.add_boolean_term(term);
}

// The words of a text as terms of `doc`: each exact form as `prefix + form`, each stem key
// (Analyzer::index_keys) that differs from the form as `stem_prefix + key` (schema.h, kBodyStem), every
// occurrence adding `wdf`; token k stands at position pos + k + 1 (`pos` advances past the last). With
// `positions`, the exact terms and their positions go there (the body field: index/positions.h; the caller
// adds the terms, once each with their whole wdf: Xapian's document map is then searched once a term, not
// once an occurrence); without, the exact terms go to Xapian without positions (the title field: title:"…"
// reads the body field's list, where the title stands first).
void add_words(Xapian::Document& doc, const Analyzer& analyzer, const std::vector<Token>& tokens,
               const std::string& prefix, const std::string& stem_prefix, Xapian::termcount& pos,
               PositionListBuilder* positions, Xapian::termcount wdf = 1) {
  std::string term;
  for (const Token& t : tokens) {
    term.assign(prefix).append(t.form);
    ++pos;
    if (positions) {
      positions->add(term, pos, wdf);
    } else {
      doc.add_term(term, wdf);
    }
    for (const std::string& key : analyzer.index_keys(t)) {
      if (key.empty() || key == t.form) continue;
      term.assign(stem_prefix).append(key);
      doc.add_term(term, wdf);
    }
  }
}

// The dates the text talks about, as boolean terms (mentioned:) and a list of years (facets), by overlap: a
// mention's period (DateMention::first..last) writes every year it overlaps and, when finer than a year,
// every month; a day its day. A period spans at most two Gregorian years (a Hijri year) and, below a year,
// two months (a week, a Hijri month): five terms; the loops stop at three years and three months whatever
// a period says.
void add_mentioned_dates(Xapian::Document& doc, const std::vector<DateMention>& mentions) {
  std::set<std::string> years;
  for (const DateMention& m : mentions) {
    if (!is_valid_date(m.first) || !is_valid_date(m.last)) continue;
    for (int y = m.first.year; y <= m.last.year && y - m.first.year < 3; ++y) {
      const std::string digits = to_iso(CivilDate{y, 0, 0});
      years.insert(digits);
      doc.add_boolean_term(schema::kMentionedYear + digits);
    }
    if (m.precision == DatePrecision::year) continue;
    const int last = m.last.year * 12 + m.last.month - 1;
    for (int k = m.first.year * 12 + m.first.month - 1, n = 0; k <= last && n < 3; ++k, ++n)
      doc.add_boolean_term(schema::kMentionedMonth + to_yyyymmdd(CivilDate{k / 12, k % 12 + 1, 0}).substr(0, 6));
    if (m.precision == DatePrecision::day) doc.add_boolean_term(schema::kMentionedDay + to_yyyymmdd(m.first));
  }
  std::string list;
  for (const auto& y : years) list += (list.empty() ? "" : ",") + y;
  if (!list.empty()) doc.add_value(schema::kSlotMentionedYears, list);
}

}  // namespace

std::string filter_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term.reserve(prefix.size() + value.size());
  for (char c : value) term += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return term;
}

std::string root_term(std::string_view root) { return schema::kRoot + hex64(fnv1a64(root)); }

std::string content_hash(const Article& a, const Analyzer& analyzer) {
  std::uint64_t h = fnv1a64(schema::kAnalysisVersion);
  h = fnv1a64(analyzer.stemmer_name(), h);
  // Each field is followed by a separator that cannot occur in UTF-8 text, so fields cannot run together.
  for (const std::string* f : {&a.id, &a.title, &a.text, &a.source, &a.url, &a.category, &a.author, &a.file, &a.root}) {
    h = fnv1a64(*f, h);
    h = fnv1a64("\xff", h);
  }
  h = fnv1a64(a.date ? to_iso(*a.date) : "-", h);
  h = fnv1a64(to_string(a.date_source), h);
  return hex64(h);
}

std::string stored_data(const Article& a) {
  nlohmann::json data = {{key::kId, a.id}, {key::kTitle, a.title}, {key::kText, a.text}};
  if (a.date) {
    data[key::kDate] = to_iso(*a.date);
    data[key::kDateSource] = std::string(to_string(a.date_source));
  }
  if (!a.source.empty()) data[key::kSource] = a.source;
  if (!a.category.empty()) data[key::kCategory] = a.category;
  if (!a.url.empty()) data[key::kUrl] = a.url;
  if (!a.author.empty()) data[key::kAuthor] = a.author;
  if (!a.file.empty()) data[key::kFile] = a.file;
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// The field of `s` that stored key `k` fills; null for a key it does not know.
std::string* field_named(StoredArticle& s, const std::string& k) {
  if (k == key::kId) return &s.id;
  if (k == key::kTitle) return &s.title;
  if (k == key::kText) return &s.text;
  if (k == key::kSource) return &s.source;
  if (k == key::kUrl) return &s.url;
  if (k == key::kDate) return &s.date;
  if (k == key::kDateSource) return &s.date_source;
  if (k == key::kCategory) return &s.category;
  if (k == key::kAuthor) return &s.author;
  if (k == key::kFile) return &s.file;
  return nullptr;
}

// Reads the stored JSON's top-level strings straight into a StoredArticle, without building the document
// tree (that tree was half of reading a hit's article). As the tree would: the last of a repeated key wins, a
// value that is not a string leaves its field empty, and data that is not a JSON object gives an empty article.
class StoredReader : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit StoredReader(StoredArticle& s) : s_(s) {}

  bool key(string_t& k) override {
    if (depth_ == 1) target_ = field_named(s_, k);
    return true;
  }
  bool string(string_t& v) override {
    if (depth_ == 1 && target_) *target_ = std::move(v);
    return true;
  }
  bool start_object(std::size_t) override { return open(true); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool null() override { return other(); }
  bool boolean(bool) override { return other(); }
  bool number_integer(number_integer_t) override { return other(); }
  bool number_unsigned(number_unsigned_t) override { return other(); }
  bool number_float(number_float_t, const string_t&) override { return other(); }
  bool binary(binary_t&) override { return other(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

  bool is_object() const { return object_; }

 private:
  bool open(bool object) {
    if (depth_ == 0) object_ = object;
    other();
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }
  bool other() {
    if (depth_ == 1 && target_) target_->clear();
    target_ = nullptr;
    return true;
  }

  StoredArticle& s_;
  int depth_ = 0;
  bool object_ = false;
  std::string* target_ = nullptr;
};

// The stored JSON as stored_data writes it — one object of strings, no spaces — read with a scan for the
// next quote or backslash instead of nlohmann's lexer (JSON parsing was 4% of a top-10 query's time, and
// the lexer checks each byte on its own). Anything else (a space, a value that is not a string, an escape
// or a byte sequence it does not take) returns false, and the SAX reader decides, so both read alike.
class FlatStoredReader {
 public:
  FlatStoredReader(std::string_view d, StoredArticle& s) : d_(d), s_(s) {}

  bool read() {
    if (!take('{')) return false;
    if (take('}')) return at_end();
    std::string key, value;
    do {
      if (!string(key) || !take(':') || !string(value)) return false;
      if (std::string* field = field_named(s_, key)) *field = std::move(value);
    } while (take(','));
    return take('}') && at_end();
  }

 private:
  bool take(char c) {
    if (i_ >= d_.size() || d_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool at_end() const { return i_ == d_.size(); }
  unsigned char byte(std::size_t at) const { return at < d_.size() ? static_cast<unsigned char>(d_[at]) : 0; }
  bool continuation(std::size_t at, unsigned char low = 0x80, unsigned char high = 0xBF) const {
    const unsigned char b = byte(at);
    return b >= low && b <= high;
  }
  // The length of the valid UTF-8 sequence at i_ whose first byte is at least 0x80 (RFC 3629); 0 if invalid.
  std::size_t sequence() const {
    const unsigned char b = byte(i_);
    if (b >= 0xC2 && b <= 0xDF) return continuation(i_ + 1) ? 2 : 0;
    if (b >= 0xE0 && b <= 0xEF) {
      const bool second = b == 0xE0 ? continuation(i_ + 1, 0xA0) : b == 0xED ? continuation(i_ + 1, 0x80, 0x9F) : continuation(i_ + 1);
      return second && continuation(i_ + 2) ? 3 : 0;
    }
    if (b >= 0xF0 && b <= 0xF4) {
      const bool second = b == 0xF0 ? continuation(i_ + 1, 0x90) : b == 0xF4 ? continuation(i_ + 1, 0x80, 0x8F) : continuation(i_ + 1);
      return second && continuation(i_ + 2) && continuation(i_ + 3) ? 4 : 0;
    }
    return 0;
  }
  bool hex4(unsigned& out) {
    out = 0;
    for (int k = 0; k < 4; ++k, ++i_) {
      const unsigned char c = byte(i_);
      const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) return false;
      out = out << 4 | unsigned(digit);
    }
    return true;
  }
  bool escape(std::string& out) {
    const char c = static_cast<char>(byte(i_++));
    switch (c) {
      case '"': case '\\': case '/': out += c; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: return false;
    }
    unsigned cp = 0;
    if (!hex4(cp) || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      unsigned low = 0;
      if (!take('\\') || !take('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, static_cast<char32_t>(cp));
    return true;
  }
  bool string(std::string& out) {
    out.clear();
    if (!take('"')) return false;
    for (;;) {
      // A run of plain characters (valid UTF-8, no quote, backslash or control character), copied at once.
      const std::size_t run = i_;
      while (i_ < d_.size()) {
        const unsigned char b = byte(i_);
        if (b >= 0x80) {
          const std::size_t n = sequence();
          if (n == 0) break;
          i_ += n;
        } else if (b >= 0x20 && b != '"' && b != '\\') {
          ++i_;
        } else {
          break;
        }
      }
      out.append(d_, run, i_ - run);
      if (i_ >= d_.size()) return false;
      if (d_[i_] == '"') {
        ++i_;
        return true;
      }
      if (d_[i_] != '\\') return false;  // a control character, or bytes that are not UTF-8
      ++i_;
      if (!escape(out)) return false;
    }
  }

  std::string_view d_;
  StoredArticle& s_;
  std::size_t i_ = 0;
};

}  // namespace

StoredArticle parse_stored(const std::string& data) {
  {
    StoredArticle s;
    if (FlatStoredReader(data, s).read()) return s;
  }
  return detail::parse_stored_json(data);
}

StoredArticle detail::parse_stored_json(const std::string& data) {
  StoredArticle s;
  StoredReader reader(s);
  const bool ok = nlohmann::json::sax_parse(data, &reader, nlohmann::json::input_format_t::json, true);
  if (!ok || !reader.is_object()) return StoredArticle();
  return s;
}

std::string stored_form(const Xapian::Document& doc) { return doc.get_value(schema::kSlotStored); }

void set_stored_form(Xapian::Document& doc, const std::string& form) { doc.add_value(schema::kSlotStored, form); }

StoredArticle read_stored(const Xapian::Document& doc, const DataDecoder& decoder) {
  return parse_stored(decoder.decode(stored_form(doc)));
}

std::vector<std::string> terms_with_prefix(const Xapian::Document& doc, std::string_view prefix) {
  std::vector<std::string> terms;
  Xapian::TermIterator t = doc.termlist_begin();
  for (t.skip_to(std::string(prefix)); t != doc.termlist_end(); ++t) {
    if ((*t).compare(0, prefix.size(), prefix) != 0) break;
    terms.push_back(*t);
  }
  return terms;
}

Xapian::Document build_document(const Article& a, const Analyzer& analyzer, const std::string& hash,
                                std::vector<DateMention>* mentions_out) {
  if (a.id.size() > kMaxIdBytes)
    throw InputError(a.origin + ": id is " + std::to_string(a.id.size()) + " bytes, longer than the " +
                     std::to_string(kMaxIdBytes) + "-byte limit; skipped");
  Xapian::Document doc;
  doc.add_boolean_term(schema::kId + a.id);

  // Each text is analysed once: its words give the terms, its normal form the date mentions and the
  // duplicate fingerprint.
  const AnalyzedText title = analyzer.analyze(a.title);
  const AnalyzedText body = analyzer.analyze(a.text);

  // The title goes into its own field (title:) and, weighted, into the body field that plain words search.
  // Body positions start after a gap so that a phrase never spans title and body.
  Xapian::termcount pos = 0;
  add_words(doc, analyzer, title.tokens, schema::kTitleExact, schema::kTitleStem, pos, nullptr);
  pos = 0;
  PositionListBuilder positions;
  add_words(doc, analyzer, title.tokens, schema::kBodyExact, schema::kBodyStem, pos, &positions, schema::kTitleWdf);
  const Xapian::termpos title_words = pos;
  pos += 100;
  add_words(doc, analyzer, body.tokens, schema::kBodyExact, schema::kBodyStem, pos, &positions);
  for (const auto& [term, entry] : positions.terms()) doc.add_term(term, entry.wdf);
  if (!positions.terms().empty()) doc.add_value(schema::kSlotPositions, positions.encode(title_words));

  if (a.date) {
    const std::string ymd = to_yyyymmdd(*a.date);
    doc.add_value(schema::kSlotDate, ymd);
    doc.add_boolean_term(schema::kYear + ymd.substr(0, 4));
    doc.add_boolean_term(schema::kMonth + ymd.substr(0, 6));
    doc.add_boolean_term(schema::kDay + ymd);
  }
  std::vector<DateMention> mentions = extract_dates(a.text, body.normalized, a.date);
  add_mentioned_dates(doc, mentions);
  if (mentions_out) *mentions_out = std::move(mentions);
  if (!a.source.empty()) {
    doc.add_value(schema::kSlotSource, a.source);
    add_filter_term(doc, schema::kSource, a.source);
  }
  if (!a.category.empty()) {
    doc.add_value(schema::kSlotCategory, a.category);
    add_filter_term(doc, schema::kCategory, a.category);
  }
  if (!a.root.empty()) doc.add_boolean_term(root_term(a.root));
  doc.add_value(schema::kSlotHash, hash);
  doc.add_value(schema::kSlotOrder, hex64(fnv1a64(a.id)));
  doc.add_value(schema::kSlotId, a.id);
  const Fingerprint fp = fingerprint(body.normalized.utf8(), title.normalized.utf8());
  doc.add_value(schema::kSlotDuplicate, fp.exact);
  if (!fp.minhash.empty()) doc.add_value(schema::kSlotMinHash, fp.minhash);
  set_stored_form(doc, stored_data(a));
  return doc;
}

}  // namespace bahth
