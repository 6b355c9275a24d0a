#include "index/dry_run.h"

#include <nlohmann/json.hpp>

#include "base/hash.h"
#include "index/document.h"
#include "index/schema.h"
#include "text/utf8.h"

namespace bahth {

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
  j["encoding"] = a.encoding;
  j["text_chars"] = count_code_points(a.text);
  j["terms"] = doc.termlist_count();
  return j;
}

nlohmann::ordered_json DryRun::duplicate_of(const Xapian::Document& doc, const std::string& id) {
  auto [first, fresh] = exact_.emplace(doc.get_value(schema::kSlotDuplicate), id);
  if (!fresh) return first->second;
  const std::string minhash = doc.get_value(schema::kSlotMinHash);
  const std::size_t n = near_.nearest(minhash, fnv1a64(id));
  near_.add(minhash, fnv1a64(id));
  ids_.push_back(id);
  return n == NearDuplicateMemory::npos ? nlohmann::ordered_json() : nlohmann::ordered_json(ids_[n]);
}

nlohmann::ordered_json date_mentions_json(const std::vector<DateMention>& mentioned) {
  nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
  for (const DateMention& m : mentioned) {
    nlohmann::ordered_json mention = {{"text", m.text},
                                      {"start", m.start},
                                      {"end", m.end},
                                      {"value", m.value},
                                      {"range", nlohmann::ordered_json::array({to_iso(m.first), to_iso(m.last)})},
                                      {"precision", std::string(to_string(m.precision))},
                                      {"calendar", m.calendar}};
    if (!m.warning.empty()) mention["warning"] = m.warning;
    mentions.push_back(std::move(mention));
  }
  return mentions;
}

void DryRun::describe(const Article& a, const Xapian::Document& doc, const std::vector<DateMention>& mentioned) {
  if (!json_) {
    out_ << a.id << '\t' << (a.date ? to_iso(*a.date) : "-") << '\t' << to_string(a.date_source) << '\t'
         << doc.termlist_count() << " terms\t" << a.title << '\n';
    return;
  }
  nlohmann::ordered_json j = describe_document(a, doc);
  j["duplicate_of"] = duplicate_of(doc, a.id);
  j["mentioned_dates"] = date_mentions_json(mentioned);
  out_ << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace bahth
