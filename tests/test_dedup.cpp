// Duplicate keys and MinHash near-duplicate similarity.
#include <doctest/doctest.h>

#include "text/analyzer.h"
#include "index/dedup.h"

namespace {
const std::string kStory =
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة خمسمائة سرير، وقال الوزير إن المستشفى سيخدم "
    "أكثر من مليون نسمة في المنطقة، وإن العمل فيه سيبدأ مطلع الشهر المقبل بعد اكتمال تجهيز الأقسام الطبية وتعيين "
    "الكوادر اللازمة من الأطباء والممرضين والفنيين في مختلف التخصصات. وأضاف أن الوزارة تعمل على إنشاء ثلاثة "
    "مستشفيات أخرى في المنطقة الغربية خلال العامين المقبلين ضمن خطة لرفع عدد الأسرة في المملكة";
const std::string kOther =
    "غادر الرئيس بكين اليوم بعد زيارة استمرت ثلاثة أيام التقى خلالها كبار المسؤولين وبحث معهم التعاون الاقتصادي "
    "والتجاري بين البلدين الصديقين في مختلف المجالات، وأكد الجانبان عزمهما على توقيع اتفاقيات جديدة قبل نهاية "
    "العام الجاري في مجالات الطاقة والنقل والتقنية والتعليم والصحة والزراعة والسياحة والثقافة";

bahth::Fingerprint fp(const std::string& body, const std::string& title = "عنوان") {
  const bahth::Analyzer a("none");
  return bahth::fingerprint(a.normalize(body), a.normalize(title));
}
}  // namespace

TEST_CASE("exact duplicates: spacing, punctuation and diacritics do not count") {
  CHECK(fp(kStory).exact == fp("  " + kStory + " !").exact);
  std::string marked = kStory;
  marked.replace(marked.find("الصحة"), std::string("الصحة").size(), "الصِّحَّة");
  CHECK(fp(kStory).exact == fp(marked).exact);
  CHECK(fp(kStory).exact != fp(kOther).exact);
  CHECK(fp(kStory, "عنوان").exact == fp(kStory, "عنوان آخر").exact);  // a long body: the title does not count
}

TEST_CASE("short bodies are keyed with their title") {
  CHECK(fp("بلاتر", "بلاتر يصل روسيا").exact != fp("بلاتر", "بلاتر يواجه المتاعب").exact);
  CHECK(fp("بلاتر", "بلاتر يصل روسيا").minhash.empty());
}

TEST_CASE("MinHash similarity: copies, light edits, other stories") {
  std::string edited = kStory;
  edited.replace(edited.find("وقال الوزير"), std::string("وقال الوزير").size(), "وقال وزير الصحة");
  struct Case {
    std::string a, b;
    double at_least, at_most;
  } cases[] = {
      {kStory, kStory, 1.0, 1.0},
      {kStory, edited, bahth::kNearDuplicate, 1.0},
      {kStory, kOther, 0.0, 0.2},
  };
  for (const auto& c : cases) {
    const double sim = bahth::similarity(fp(c.a).minhash, fp(c.b).minhash);
    CAPTURE(sim);
    CHECK(sim >= c.at_least);
    CHECK(sim <= c.at_most);
  }
  CHECK(bahth::similarity("", fp(kStory).minhash) == 0.0);
}

TEST_CASE("near duplicates in memory: the most similar earlier story, never the document itself") {
  std::string edited = kStory;
  edited.replace(edited.find("وقال الوزير"), std::string("وقال الوزير").size(), "وقال وزير الصحة");
  const bahth::Fingerprint story = fp(kStory), copy = fp(kStory + " "), near = fp(edited), other = fp(kOther),
                           tiny = fp("بلاتر");
  const auto npos = bahth::NearDuplicateMemory::npos;
  bahth::NearDuplicateMemory memory;
  CHECK(memory.nearest(story.minhash, 1) == npos);  // nothing remembered yet
  CHECK(memory.add(other.minhash, 1) == 0);
  CHECK(memory.nearest(story.minhash, 2) == npos);  // a different story is no candidate
  CHECK(memory.add(near.minhash, 2) == 1);
  CHECK(memory.nearest(story.minhash, 3) == 1);  // a light edit is
  CHECK(memory.nearest(story.minhash, 2) == npos);  // but not as its own older version
  CHECK(memory.add(copy.minhash, 3) == 2);
  CHECK(memory.nearest(story.minhash, 4) == 2);  // the exact copy is more similar
  memory.forget(2);
  CHECK(memory.nearest(story.minhash, 4) == 1);  // a replaced version is gone
  CHECK(memory.add(tiny.minhash, 5) == 3);  // too short to fingerprint: numbered, never found
  CHECK(memory.nearest(tiny.minhash, 6) == npos);
}

TEST_CASE("near duplicates in memory: at most kMaxCandidates looked at, oldest first") {
  // kMaxCandidates + 1 copies of a story: only the first kMaxCandidates are looked at, so the newest copy,
  // although as similar (and the later one wins a tie), is not the one found.
  const bahth::Fingerprint story = fp(kStory);
  bahth::NearDuplicateMemory memory;
  for (std::size_t i = 0; i <= bahth::kMaxCandidates; ++i) memory.add(story.minhash, i);
  CHECK(memory.nearest(story.minhash, 2000) == bahth::kMaxCandidates - 1);
}
