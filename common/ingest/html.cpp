#include "ingest/html.h"

#include <gumbo.h>

#include <cstddef>
#include <cstdlib>
#include <deque>
#include <new>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "dates/fields.h"
#include "text/chars.h"
#include "text/utf8.h"

namespace bahth {
namespace detail {
namespace {

// ---- small string helpers (ASCII case only: attribute values such as "og:title" are ASCII) ----

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Splits on ASCII white space (class, rel and itemprop hold space-separated tokens).
std::vector<std::string_view> split_tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && !is_ascii_space(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool has_token(std::string_view list, std::string_view token) {
  for (auto t : split_tokens(list))
    if (iequals(t, token)) return true;
  return false;
}


// White space runs become one space, none at the ends. Pages indent their markup, and gumbo turns &nbsp;
// into U+00A0, which editors sprinkle between words; neither is part of the text.
// Characters are re-encoded rather than copied: gumbo 0.10.1 overflows on numeric character references
// with many digits ("&#177777777777777777777580;" comes out as a lone 0xAC byte), and invalid UTF-8 must not
// reach the index. Such bytes become U+FFFD, as the HTML standard says the reference should.
std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t c = static_cast<unsigned char>(s[i]) < 0x80 ? static_cast<char32_t>(s[i++]) : next_code_point(s, i);
    if (is_white_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    append_utf8(out, c);
  }
  return out;
}

// ---- the gumbo tree ----

// Every block gumbo holds, so that a parse can be freed completely: gumbo 0.10.1 loses some (a DOCTYPE
// token inside <head><noscript> is never freed), and an indexer reading many pages must not leak.
struct Allocations {
  std::unordered_set<void*> live;
};

void* gumbo_allocate(void* userdata, std::size_t size) {
  void* p = std::malloc(size);
  if (!p) return nullptr;
  try {
    static_cast<Allocations*>(userdata)->live.insert(p);
  } catch (...) {
    // No memory for the bookkeeping: an exception must not cross gumbo's C frames, and gumbo does not
    // check for null. The block is then only freed by gumbo itself.
  }
  return p;
}

void gumbo_deallocate(void* userdata, void* p) {
  if (!p) return;
  static_cast<Allocations*>(userdata)->live.erase(p);
  std::free(p);
}

// Owns a parse; gumbo wants the same options back when freeing it.
struct Parse {
  Allocations allocations;
  GumboOptions options = kGumboDefaultOptions;
  GumboOutput* output = nullptr;
  explicit Parse(std::string_view html) {
    options.allocator = gumbo_allocate;
    options.deallocator = gumbo_deallocate;
    options.userdata = &allocations;
    // Parse errors are of no use here, and a broken page can produce one per byte: do not record them.
    options.max_errors = 0;
    output = gumbo_parse_with_options(&options, html.data(), html.size());
    if (!output) {
      release_all();
      throw std::bad_alloc();
    }
  }
  ~Parse() {
    gumbo_destroy_output(&options, output);
    release_all();  // what gumbo itself forgot
  }
  void release_all() {
    for (void* p : allocations.live) std::free(p);
    allocations.live.clear();
  }
  Parse(const Parse&) = delete;
  Parse& operator=(const Parse&) = delete;
};

bool is_element(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT; }

bool is_html(const GumboNode* n, GumboTag tag) {
  return is_element(n) && n->v.element.tag == tag && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

const char* attr(const GumboNode* n, const char* name) {
  if (!is_element(n)) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

const GumboVector* children_of(const GumboNode* n) {
  switch (n->type) {
    case GUMBO_NODE_DOCUMENT: return &n->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: return &n->v.element.children;
    default: return nullptr;
  }
}

bool is_text(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}

// Depth-first walk with an explicit stack: broken or hostile pages nest elements thousands deep, and the
// call stack must not depend on the page. `enter(node)` returns whether to visit the node's children;
// `leave(node)` follows the children of every node entered that can have children.
template <typename Enter, typename Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
  struct Frame {
    const GumboNode* node;
    bool leaving;
  };
  std::vector<Frame> stack{{root, false}};
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    if (f.leaving) {
      leave(f.node);
      continue;
    }
    if (!enter(f.node)) continue;
    const GumboVector* kids = children_of(f.node);
    if (!kids) continue;
    stack.push_back({f.node, true});
    for (unsigned i = kids->length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids->data[i]), false});
  }
}

// Elements whose content is never article text, wherever they are.
bool is_code_or_data(const GumboNode* n) {
  if (n->type == GUMBO_NODE_TEMPLATE || n->type == GUMBO_NODE_COMMENT) return true;
  if (!is_element(n)) return false;
  switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
      return true;
    default:
      return false;
  }
}

// The concatenated text under `n` (scripts and the like left out), white space collapsed.
std::string text_of(const GumboNode* n) {
  std::string raw;
  walk(
      n,
      [&](const GumboNode* x) {
        if (is_text(x)) raw += x->v.text.text;
        return x == n || !is_code_or_data(x);
      },
      [](const GumboNode*) {});
  return collapse_space(raw);
}

// ---- boilerplate ----

// Words in class/id values that mark site furniture rather than the story. Matched as substrings of a
// token ("article-comments", "commentlist", "social-share"); "ad", "nav" and "tags" are too short or too
// common for that and must be a whole word of the token ("ad-slot", "top_ads", "nav-links", "post-tags" but
// not "head", "canvas", "hashtags").
constexpr std::string_view kBoilerplateParts[] = {
    "comment", "share",   "sharing",    "social",   "related",     "newsletter", "advert",
    "menu",    "breadcrumb", "footer",  "header",   "sidebar",     "cookie",     "subscribe",
    "navbar",  "navigation", "sponsor", "popup",    "adsbygoogle", "promo",
};
constexpr std::string_view kBoilerplateWords[] = {"ad", "ads", "nav", "tags"};

// Layout wrappers such as "content-sidebar-wrap" or "main-container-with-header" hold the whole story next
// to a sidebar: the boilerplate word names the neighbour, not the element.
bool is_layout_wrapper(const std::string& token) {
  const bool content = token.find("content") != std::string::npos || token.find("main") != std::string::npos;
  const bool wrapper = token.find("wrap") != std::string::npos || token.find("container") != std::string::npos ||
                       token.find("inner") != std::string::npos || token.find("layout") != std::string::npos;
  return content && wrapper;
}

// `allow_header`: a date search still looks inside headers ("entry-header" holds the <time>).
bool names_boilerplate(std::string_view class_or_id, bool allow_header) {
  for (auto raw : split_tokens(class_or_id)) {
    const std::string token = lower(raw);
    if (is_layout_wrapper(token)) continue;
    for (auto part : kBoilerplateParts) {
      if (allow_header && part == "header") continue;
      if (token.find(part) != std::string::npos) return true;
    }
    std::size_t i = 0;
    while (i <= token.size()) {
      std::size_t j = token.find_first_of("-_", i);
      if (j == std::string::npos) j = token.size();
      const std::string_view word(token.data() + i, j - i);
      for (auto w : kBoilerplateWords)
        if (word == w) return true;
      i = j + 1;
    }
  }
  return false;
}

// Whether an element (and everything in it) is left out of the article text. `use_classes`: also judge
// by class, id and role (off only in the fallback search for a story inside a mislabelled wrapper).
bool is_furniture(const GumboNode* n, bool use_classes, bool allow_header = false) {
  if (is_code_or_data(n)) return true;
  if (!is_element(n)) return false;
  switch (n->v.element.tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_FRAMESET:
      return true;
    case GUMBO_TAG_HEADER:
      if (!allow_header) return true;
      break;
    default:
      break;
  }
  if (attr(n, "hidden")) return true;
  if (const char* h = attr(n, "aria-hidden"); h && iequals(h, "true")) return true;
  if (const char* style = attr(n, "style")) {
    std::string s;
    for (char c : std::string_view(style))
      if (!is_ascii_space(c)) s.push_back(ascii_lower(c));
    if (s.find("display:none") != std::string::npos) return true;
  }
  if (!use_classes) return false;
  if (const char* role = attr(n, "role")) {
    for (auto r : {"navigation", "banner", "complementary", "contentinfo", "menu", "menubar", "search"})
      if (has_token(role, r)) return true;
  }
  for (const char* name : {"class", "id"})
    if (const char* v = attr(n, name); v && names_boilerplate(v, allow_header)) return true;
  return false;
}

// Elements that start and end a paragraph of the body text.
bool is_block(const GumboNode* n) {
  if (!is_element(n)) return false;
  switch (n->v.element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_HR:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

// ---- metadata ----

// Everything the head (and microdata in the body) says about the page, first occurrence of each.
struct PageFacts {
  std::unordered_map<std::string, std::string> meta;  // lower-cased property/name/itemprop → content
  std::optional<std::string> item_date;               // itemprop=datePublished on any element
  std::string canonical;
  std::optional<std::string> title_tag;
  std::optional<std::string> h1_in_article;  // first <h1> inside <article> or <main>
  std::optional<std::string> first_h1;
  std::vector<std::string> json_ld;  // text of each application/ld+json script
  const GumboNode* article_body = nullptr;  // first [itemprop=articleBody]
  const GumboNode* first_article = nullptr;
  const GumboNode* first_main = nullptr;
  const GumboNode* body = nullptr;
};

PageFacts scan_page(const GumboNode* root) {
  PageFacts f;
  int in_article = 0;  // open <article>/<main> elements
  walk(
      root,
      [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEMPLATE || n->type == GUMBO_NODE_COMMENT) return false;
        if (!is_element(n)) return true;
        const GumboElement& e = n->v.element;
        const bool html_ns = e.tag_namespace == GUMBO_NAMESPACE_HTML;
        if (html_ns && e.tag == GUMBO_TAG_SCRIPT) {
          const char* type = attr(n, "type");
          if (type && lower(collapse_space(type)).rfind("application/ld+json", 0) == 0) {
            std::string json;
            for (unsigned i = 0; i < e.children.length; ++i) {
              const auto* c = static_cast<const GumboNode*>(e.children.data[i]);
              if (is_text(c)) json += c->v.text.text;
            }
            f.json_ld.push_back(std::move(json));
          }
          return false;
        }
        if (is_code_or_data(n)) return false;
        if (html_ns && e.tag == GUMBO_TAG_META) {
          if (const char* content = attr(n, "content")) {
            for (const char* key : {"property", "name", "itemprop"})
              if (const char* k = attr(n, key)) f.meta.emplace(lower(collapse_space(k)), content);
          }
        } else if (html_ns && e.tag == GUMBO_TAG_LINK) {
          const char* rel = attr(n, "rel");
          const char* href = attr(n, "href");
          if (rel && href && f.canonical.empty() && has_token(rel, "canonical")) f.canonical = collapse_space(href);
        } else if (html_ns && e.tag == GUMBO_TAG_TITLE) {
          if (!f.title_tag) f.title_tag = text_of(n);
          return false;
        } else if (html_ns && e.tag == GUMBO_TAG_H1) {
          if (!f.first_h1 || (in_article > 0 && !f.h1_in_article)) {
            std::string t = text_of(n);
            if (!f.first_h1) f.first_h1 = t;
            if (in_article > 0 && !f.h1_in_article) f.h1_in_article = std::move(t);
          }
        } else if (html_ns && (e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_MAIN)) {
          ++in_article;
          if (e.tag == GUMBO_TAG_ARTICLE && !f.first_article) f.first_article = n;
          if (e.tag == GUMBO_TAG_MAIN && !f.first_main) f.first_main = n;
        } else if (html_ns && e.tag == GUMBO_TAG_BODY && !f.body) {
          f.body = n;
        }
        if (const char* itemprop = attr(n, "itemprop")) {
          if (!f.item_date && has_token(itemprop, "datePublished")) {
            if (const char* v = attr(n, "content")) f.item_date = v;
            else if (const char* dt = attr(n, "datetime")) f.item_date = dt;
            else f.item_date = text_of(n);
          }
          if (!f.article_body && has_token(itemprop, "articleBody")) f.article_body = n;
        }
        return true;
      },
      [&](const GumboNode* n) {
        if (is_html(n, GUMBO_TAG_ARTICLE) || is_html(n, GUMBO_TAG_MAIN)) --in_article;
      });
  return f;
}

// "datePublished" strings and the publisher's name from one JSON-LD block, shallowest first (an article's
// own date before the dates of the comments or parts nested in it).
void scan_json_ld(std::string_view text, std::vector<std::string>& dates, std::string& publisher) {
  const nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // Hand-written JSON-LD is often not quite JSON (trailing commas, comments, HTML comment wrappers).
    // The date is a plain string: take it from the text.
    static constexpr std::string_view kKey = "\"datePublished\"";
    for (std::size_t at = text.find(kKey); at != std::string_view::npos; at = text.find(kKey, at + 1)) {
      std::size_t i = at + kKey.size();
      while (i < text.size() && is_ascii_space(text[i])) ++i;
      if (i >= text.size() || text[i] != ':') continue;
      ++i;
      while (i < text.size() && is_ascii_space(text[i])) ++i;
      if (i >= text.size() || text[i] != '"') continue;
      const std::size_t end = text.find('"', i + 1);
      if (end != std::string_view::npos && end - i < 80) dates.emplace_back(text.substr(i + 1, end - i - 1));
    }
    return;
  }
  std::deque<const nlohmann::json*> queue{&doc};
  while (!queue.empty()) {
    const nlohmann::json* j = queue.front();
    queue.pop_front();
    if (j->is_array()) {
      for (const auto& v : *j) queue.push_back(&v);
    } else if (j->is_object()) {
      for (auto it = j->begin(); it != j->end(); ++it) {
        if (it.key() == "datePublished" && it->is_string()) dates.push_back(it->get<std::string>());
        if (it.key() == "publisher" && it->is_object() && publisher.empty()) {
          auto name = it->find("name");
          if (name != it->end() && name->is_string()) publisher = collapse_space(name->get<std::string>());
        }
        if (it->is_structured()) queue.push_back(&*it);
      }
    }
  }
}

// A title without the site's name: "Headline | Site", "Headline - Site", "Site | Headline". `generic`
// (for <title>, which nearly always carries the site's name): also cut a short trailing part after the
// last separator even when the site's name is unknown.
std::string strip_site_name(const std::string& title, const std::string& site, bool generic) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "};
  std::size_t last = std::string::npos, last_len = 0, first = std::string::npos, first_len = 0;
  for (auto sep : kSeparators) {
    const std::size_t r = title.rfind(sep);
    if (r != std::string::npos && (last == std::string::npos || r > last)) {
      last = r;
      last_len = sep.size();
    }
    const std::size_t l = title.find(sep);
    if (l != std::string::npos && (first == std::string::npos || l < first)) {
      first = l;
      first_len = sep.size();
    }
  }
  if (last == std::string::npos) return title;
  const std::string head = title.substr(0, last), tail = title.substr(last + last_len);
  if (!site.empty() && iequals(tail, site) && !head.empty()) return head;
  const std::string lead = title.substr(0, first), rest = title.substr(first + first_len);
  if (!site.empty() && iequals(lead, site) && !rest.empty()) return rest;
  // A site name is short and shorter than the headline; anything else after " - " is part of the headline.
  if (generic && count_code_points(tail) <= 30 && count_code_points(tail) < count_code_points(head)) return head;
  return title;
}

bool is_absolute_url(std::string_view u) {
  return (u.size() > 7 && iequals(u.substr(0, 7), "http://")) || (u.size() > 8 && iequals(u.substr(0, 8), "https://"));
}

// ---- the body ----

// The article element: the first [itemprop=articleBody]; else the <article> (or <main>) with the most
// text, unless some element's paragraphs carry more than twice as much (a page whose <article>s are
// teaser cards); else the parent of the most paragraph text; else <body>.
const GumboNode* find_story(const PageFacts& facts, const GumboNode* root) {
  if (facts.article_body) return facts.article_body;
  const GumboNode* body = facts.body ? facts.body : root;

  struct Best {
    const GumboNode* node = nullptr;
    std::size_t chars = 0;
    void offer(const GumboNode* n, std::size_t c) {
      if (c > chars) {
        node = n;
        chars = c;
      }
    }
  };
  auto search = [&](bool use_classes, Best& article, Best& main_el, Best& parent) {
    // Text is credited to the innermost open <article>/<main> and passed up when it closes, and each
    // <p>'s text to the p's parent: linear however deep the page nests.
    std::vector<std::pair<const GumboNode*, std::size_t>> containers;
    std::vector<std::size_t> paragraphs;
    std::unordered_map<const GumboNode*, std::size_t> p_text;
    walk(
        body,
        [&](const GumboNode* n) {
          if (is_text(n)) {
            std::size_t c = 0;
            for (const char* p = n->v.text.text; *p; ++p) c += !is_ascii_space(*p);
            if (!containers.empty()) containers.back().second += c;
            if (!paragraphs.empty()) paragraphs.back() += c;
            return false;
          }
          if (n != body && is_furniture(n, use_classes)) return false;
          if (is_html(n, GUMBO_TAG_ARTICLE) || is_html(n, GUMBO_TAG_MAIN)) containers.emplace_back(n, 0);
          if (is_html(n, GUMBO_TAG_P)) paragraphs.push_back(0);
          return true;
        },
        [&](const GumboNode* n) {
          if (is_html(n, GUMBO_TAG_ARTICLE) || is_html(n, GUMBO_TAG_MAIN)) {
            const auto [node, chars] = containers.back();
            containers.pop_back();
            if (!containers.empty()) containers.back().second += chars;
            (n->v.element.tag == GUMBO_TAG_ARTICLE ? article : main_el).offer(node, chars);
          }
          if (is_html(n, GUMBO_TAG_P)) {
            const std::size_t chars = paragraphs.back();
            paragraphs.pop_back();
            if (n->parent) parent.offer(n->parent, p_text[n->parent] += chars);
          }
        });
  };
  Best article, main_el, parent;
  search(true, article, main_el, parent);
  // Nothing left once furniture is gone: the story sits in something whose class only looks like
  // furniture. Judge by tags alone.
  if (!article.node && !main_el.node && !parent.node) search(false, article, main_el, parent);
  if (article.node && article.chars * 2 >= parent.chars) return article.node;
  if (main_el.node && main_el.chars * 2 >= parent.chars) return main_el.node;
  if (parent.node) return parent.node;
  return body;
}

// The story's text, one paragraph per line.
std::vector<std::string> render_paragraphs(const GumboNode* story) {
  std::vector<std::string> paragraphs;
  std::string current;
  auto flush = [&] {
    std::string p = collapse_space(current);
    if (!p.empty()) paragraphs.push_back(std::move(p));
    current.clear();
  };
  walk(
      story,
      [&](const GumboNode* n) {
        if (is_text(n)) {
          current += n->v.text.text;
          return false;
        }
        if (n != story && is_furniture(n, true)) return false;
        if (is_block(n)) flush();
        return true;
      },
      [&](const GumboNode* n) {
        if (is_block(n)) flush();
      });
  flush();
  return paragraphs;
}

// The first <time datetime> that parses, inside the story's <article> (headers included: that is where
// the time usually is); nullopt when the page has no <article>/<main>, as a <time> elsewhere may be a clock.
std::optional<CivilDate> find_time_element(const PageFacts& facts, const GumboNode* story) {
  const GumboNode* scope = nullptr;
  for (const GumboNode* n = story; n && !scope; n = n->parent)
    if (is_html(n, GUMBO_TAG_ARTICLE)) scope = n;
  if (!scope) scope = facts.first_article ? facts.first_article : facts.first_main;
  if (!scope) return std::nullopt;
  std::optional<CivilDate> found;
  walk(
      scope,
      [&](const GumboNode* n) {
        if (found || !is_element(n)) return false;
        if (n != scope && is_furniture(n, true, /*allow_header=*/true)) return false;
        if (is_html(n, GUMBO_TAG_TIME))
          if (const char* dt = attr(n, "datetime")) found = parse_date_field(dt);
        return true;
      },
      [](const GumboNode*) {});
  return found;
}

}  // namespace
}  // namespace detail

HtmlPage extract_html(std::string_view html) {
  using namespace detail;
  const Parse parse(html);
  const GumboNode* root = parse.output->document;
  const PageFacts facts = scan_page(root);
  auto meta = [&](const char* key) -> std::string {
    auto it = facts.meta.find(key);
    return it == facts.meta.end() ? std::string() : collapse_space(it->second);
  };

  std::vector<std::string> ld_dates;
  std::string ld_publisher;
  for (const auto& block : facts.json_ld) scan_json_ld(block, ld_dates, ld_publisher);

  HtmlPage page;
  page.source = meta("og:site_name");
  if (page.source.empty()) page.source = ld_publisher;

  const std::string canonical = facts.canonical, og_url = meta("og:url");
  if (is_absolute_url(canonical) || (!canonical.empty() && !is_absolute_url(og_url))) page.url = canonical;
  else page.url = og_url;

  for (const char* key : {"og:title", "twitter:title"}) {
    if (page.title.empty()) page.title = strip_site_name(meta(key), page.source, false);
  }
  if (page.title.empty() && facts.h1_in_article) page.title = *facts.h1_in_article;
  if (page.title.empty() && facts.title_tag) page.title = strip_site_name(*facts.title_tag, page.source, true);
  if (page.title.empty() && facts.first_h1) page.title = *facts.first_h1;

  const GumboNode* story = find_story(facts, root);
  std::vector<std::string> paragraphs = render_paragraphs(story);
  // The headline usually opens the story's markup too; the title field already carries it.
  std::size_t skip = 0;
  while (skip < paragraphs.size() && !page.title.empty() && paragraphs[skip] == page.title) ++skip;
  for (std::size_t i = skip; i < paragraphs.size(); ++i) {
    if (i > skip) page.body += '\n';
    page.body += paragraphs[i];
  }

  auto try_date = [&](const std::optional<std::string>& value, const char* origin) {
    if (page.date || !value || value->empty()) return;
    if (auto d = parse_date_field(*value)) {
      page.date = d;
      page.date_origin = origin;
    }
  };
  static constexpr std::pair<const char*, const char*> kMetaDates[] = {
      {"article:published_time", "meta article:published_time"},
      {"pubdate", "meta pubdate"},
      {"publishdate", "meta publishdate"},
      {"date", "meta date"},
      {"dc.date.issued", "meta DC.date.issued"},
  };
  for (const auto& [key, origin] : kMetaDates) try_date(meta(key), origin);
  try_date(facts.item_date, "itemprop datePublished");
  if (!page.date) {
    if (auto d = find_time_element(facts, story)) {
      page.date = d;
      page.date_origin = "time datetime";
    }
  }
  for (const auto& d : ld_dates) try_date(d, "json-ld datePublished");
  return page;
}

}  // namespace bahth
