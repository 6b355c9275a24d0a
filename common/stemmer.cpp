#include "stemmer.h"

#include "errors.h"

namespace bahth {

namespace {
// Identity: the "none" stemmer still folds nothing further; the Z terms equal the exact forms.
class IdentityStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return word; }
  std::string get_description() const override { return "none"; }
};
}  // namespace

const std::vector<std::string>& stemmer_names() {
  static const std::vector<std::string> names{"snowball", "none"};
  return names;
}

std::string default_stemmer_name() { return stemmer_names().front(); }

Xapian::Stem make_stemmer(std::string_view name) {
  if (name == "snowball") return Xapian::Stem("arabic");
  if (name == "none") return Xapian::Stem(new IdentityStem);
  std::string valid;
  for (const auto& n : stemmer_names()) valid += (valid.empty() ? "" : ", ") + n;
  throw UsageError("unknown stemmer '" + std::string(name) + "' (valid: " + valid + ")");
}

}  // namespace bahth
