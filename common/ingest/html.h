// Saved news pages (.html / .htm): the article taken out of its page with a real HTML parser (gumbo, the
// HTML5 parsing algorithm browsers use), so malformed markup, entities and scripts are handled as a browser
// would handle them.
//
// Example:
//   bahth::HtmlPage p = bahth::extract_html(R"(<html><head>
//       <meta property="og:title" content="بوتين يلتقي شي">
//       <meta property="article:published_time" content="2022-02-04T10:00:00Z"></head>
//       <body><nav>الرئيسية</nav><article><p>قال الرئيس &quot;نعم&quot;.</p><p>وأضاف ...</p></article></body>)");
//   // p.title "بوتين يلتقي شي", p.body "قال الرئيس \"نعم\".\nوأضاف ...",
//   // p.date 2022-02-04, p.date_origin "meta article:published_time"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dates/calendar.h"

namespace bahth {

/// What extract_html() finds in a page. Every string is valid UTF-8 with white space collapsed (the body
/// keeps its paragraph breaks); a field that the page does not carry is empty.
struct HtmlPage {
  /// The headline, from the first of: meta og:title, meta twitter:title, the first <h1> inside an
  /// <article> or <main>, <title> without a trailing " - Site" / " | Site" (or a leading "Site | "),
  /// any <h1>. A " | Site" suffix naming og:site_name is removed from every source.
  std::string title;
  /// The article text, one paragraph per line ("\n" between block elements, no trailing newline).
  /// Taken from the first [itemprop=articleBody], else the <article> (or <main>) with the most text,
  /// else the element whose <p> children carry the most text, else <body>. Left out inside it: script,
  /// style, noscript, nav, header, footer, aside, form, iframe, svg, button and similar elements;
  /// elements whose class or id names boilerplate (comment, share, social, related, newsletter, advert,
  /// ad, menu, breadcrumb, footer, header, sidebar, cookie, subscribe, tags, ...) or whose role is navigation,
  /// banner, complementary or contentinfo; hidden elements; and leading paragraphs equal to the title.
  std::string body;
  std::string source;  ///< meta og:site_name, else the JSON-LD publisher's name
  std::string url;     ///< link rel=canonical, else meta og:url (an absolute URL is preferred to a relative one)
  /// Publication date: the first of the sources below whose value bahth::parse_date_field() accepts.
  std::optional<CivilDate> date;
  /// Where `date` came from, one of: "meta article:published_time", "meta pubdate", "meta publishdate",
  /// "meta date", "meta DC.date.issued" (meta elements, by property= or name=, in this order of
  /// preference), "itemprop datePublished" (its content=, datetime= or text), "time datetime" (the first
  /// <time datetime> inside the article), "json-ld datePublished" (<script type="application/ld+json">,
  /// anywhere in the JSON, e.g. inside "@graph"). Empty when there is no date.
  std::string date_origin;
};

/// Extracts title, body, source, URL and publication date from a saved page. `html` must be valid UTF-8
/// (check with find_invalid_utf8; the parser would otherwise substitute U+FFFD). Never throws on malformed
/// markup: the HTML5 algorithm gives every input a tree, so a broken page yields whatever text it has
/// (possibly an empty body). Throws only std::bad_alloc.
HtmlPage extract_html(std::string_view html);

}  // namespace bahth
