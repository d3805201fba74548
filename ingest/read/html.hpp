// HTML pages to article text: tags, scripts, styles, comments and page
// furniture (nav, footer, aside, forms, figures) dropped, block elements
// turned into paragraph breaks, character references decoded, and the
// page's metadata (<title>, og:/article: meta tags, canonical link) kept.
//
// This is a tolerant scanner, not an HTML5 parser: it never fails, whatever
// the input; unclosed tags and comments run to the end of the page.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dipgraph::ingest {

struct HtmlPage {
  std::string text;    // paragraphs separated by "\n\n"; whitespace collapsed; entities decoded
  std::string title;   // <title>, else og:title, else the first <h1>; "" if none
  std::string date;    // article:published_time / datePublished / date meta, as written
  std::string url;     // canonical link or og:url
  std::string source;  // og:site_name
};

// Reduces an HTML page to its text and metadata.
HtmlPage html_to_text(std::string_view html);

// True if `head` (the first bytes of a file) looks like an HTML page: it
// starts, after spaces and a BOM, with "<!doctype html", "<html", "<head",
// "<body", "<!--" or "<meta" (case-insensitive).
bool looks_like_html(std::string_view head);

// Decodes the character reference starting at s[i] (s[i] == '&'): a named
// HTML entity ("&amp;", "&eacute;", ...) or a numeric one ("&#8217;",
// "&#x2019;"), always with its ';'. On success sets `cp` and returns the
// bytes consumed; returns 0 if there is no valid reference at i. Numeric
// references to NUL, surrogates or beyond U+10FFFF decode to U+FFFD.
std::size_t match_entity(std::string_view s, std::size_t i, char32_t& cp);

}  // namespace dipgraph::ingest
