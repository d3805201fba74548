// HTML pages to text (html.hpp): a single forward scan over the page. Raw
// text elements (script, style, title, textarea) are skipped to their end
// tag; furniture containers (nav, footer, aside, form, figure, svg, ...) to
// their matching end tag; block elements emit paragraph breaks; text runs
// are copied with whitespace collapsed and character references decoded.
#include "ingest/read/html.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/read/utf8.hpp"

namespace dipgraph::ingest {
namespace {

// Latin-1 entities, U+00A0 to U+00FF in order.
constexpr std::array<std::string_view, 96> kLatin1 = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct NamedEntity {
  std::string_view name;
  char32_t cp;
};
constexpr NamedEntity kOther[] = {
    {"quot", 34},     {"amp", 38},      {"apos", 39},     {"lt", 60},       {"gt", 62},
    {"Cacute", 262},  {"cacute", 263},  {"Ccaron", 268},  {"ccaron", 269},  {"Dstrok", 272},
    {"dstrok", 273},  {"Ecaron", 282},  {"ecaron", 283},  {"Gbreve", 286},  {"gbreve", 287},
    {"Idot", 304},    {"imath", 305},   {"inodot", 305},  {"Lstrok", 321},  {"lstrok", 322},
    {"Nacute", 323},  {"nacute", 324},  {"Ncaron", 327},  {"ncaron", 328},  {"OElig", 338},
    {"oelig", 339},   {"Rcaron", 344},  {"rcaron", 345},  {"Sacute", 346},  {"sacute", 347},
    {"Scedil", 350},  {"scedil", 351},  {"Scaron", 352},  {"scaron", 353},  {"Yuml", 376},
    {"Zacute", 377},  {"zacute", 378},  {"Zdot", 379},    {"zdot", 380},    {"Zcaron", 381},
    {"zcaron", 382},  {"fnof", 402},    {"circ", 710},    {"tilde", 732},   {"ensp", 8194},
    {"emsp", 8195},   {"thinsp", 8201}, {"zwnj", 8204},   {"zwj", 8205},    {"lrm", 8206},
    {"rlm", 8207},    {"hyphen", 8208}, {"dash", 8208},   {"ndash", 8211},  {"mdash", 8212},
    {"lsquo", 8216},  {"rsquo", 8217},  {"sbquo", 8218},  {"ldquo", 8220},  {"rdquo", 8221},
    {"bdquo", 8222},  {"dagger", 8224}, {"Dagger", 8225}, {"bull", 8226},   {"hellip", 8230},
    {"permil", 8240}, {"prime", 8242},  {"Prime", 8243},  {"lsaquo", 8249}, {"rsaquo", 8250},
    {"oline", 8254},  {"frasl", 8260},  {"euro", 8364},   {"trade", 8482},  {"larr", 8592},
    {"rarr", 8594},   {"minus", 8722},  {"nbhy", 8209},   {"NewLine", 10},  {"Tab", 9}};

const std::unordered_map<std::string_view, char32_t>& entity_table() {
  static const std::unordered_map<std::string_view, char32_t> table = [] {
    std::unordered_map<std::string_view, char32_t> t;
    for (std::size_t k = 0; k < kLatin1.size(); ++k) t.emplace(kLatin1[k], 0xA0 + k);
    for (const auto& e : kOther) t.emplace(e.name, e.cp);
    return t;
  }();
  return table;
}

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
inline char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (lower_ascii(a[k]) != lower_ascii(b[k])) return false;
  return true;
}

// Position of the '<' of "</name" (any case) at or after `from`, or npos.
std::size_t find_end_tag(std::string_view h, std::size_t from, std::string_view name) {
  while (true) {
    const std::size_t lt = h.find("</", from);
    if (lt == std::string_view::npos) return lt;
    if (h.size() - lt - 2 >= name.size() && iequals(h.substr(lt + 2, name.size()), name) &&
        (lt + 2 + name.size() == h.size() || !is_name_char(h[lt + 2 + name.size()])))
      return lt;
    from = lt + 2;
  }
}

// Text with character references decoded and whitespace collapsed.
std::string clean_inline(std::string_view s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    if (is_space(s[i])) {
      space = true;
      ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    char32_t cp = 0;
    const std::size_t len = s[i] == '&' ? match_entity(s, i, cp) : 0;
    if (len > 0) {
      if (cp == 0xA0) {
        space = true;
      } else {
        utf8::append(out, cp);
      }
      i += len;
    } else {
      out += s[i++];
    }
  }
  return out;
}

struct Tag {
  std::string name;  // lower case; "" if not a tag
  bool closing = false, self_closing = false;
  std::vector<std::pair<std::string, std::string_view>> attrs;  // lower-case name, raw value
  std::size_t end = 0;                                          // index after '>'

  std::string_view attr(std::string_view key) const {
    for (const auto& [k, v] : attrs)
      if (k == key) return v;
    return {};
  }
};

// Parses the tag at h[i] == '<'. Attributes are kept only when `want_attrs`.
Tag parse_tag(std::string_view h, std::size_t i) {
  Tag tag;
  std::size_t k = i + 1;
  if (k < h.size() && h[k] == '/') {
    tag.closing = true;
    ++k;
  }
  const std::size_t nb = k;
  while (k < h.size() && is_name_char(h[k])) ++k;
  if (k == nb || !((h[nb] >= 'a' && h[nb] <= 'z') || (h[nb] >= 'A' && h[nb] <= 'Z'))) return tag;
  tag.name.reserve(k - nb);
  for (std::size_t m = nb; m < k; ++m) tag.name += lower_ascii(h[m]);
  while (k < h.size() && h[k] != '>') {
    if (is_space(h[k])) {
      ++k;
      continue;
    }
    if (h[k] == '/') {
      tag.self_closing = k + 1 < h.size() && h[k + 1] == '>';
      ++k;
      continue;
    }
    const std::size_t ab = k;
    while (k < h.size() && !is_space(h[k]) && h[k] != '=' && h[k] != '>') ++k;
    std::string name;
    for (std::size_t m = ab; m < k; ++m) name += lower_ascii(h[m]);
    std::string_view value;
    while (k < h.size() && is_space(h[k])) ++k;
    if (k < h.size() && h[k] == '=') {
      ++k;
      while (k < h.size() && is_space(h[k])) ++k;
      if (k < h.size() && (h[k] == '"' || h[k] == '\'')) {
        const char q = h[k];
        const std::size_t e = h.find(q, k + 1);
        const std::size_t ve = e == std::string_view::npos ? h.size() : e;
        value = h.substr(k + 1, ve - k - 1);
        k = e == std::string_view::npos ? h.size() : e + 1;
      } else {
        const std::size_t vb = k;
        while (k < h.size() && !is_space(h[k]) && h[k] != '>') ++k;
        value = h.substr(vb, k - vb);
      }
    }
    if (!name.empty()) tag.attrs.emplace_back(std::move(name), value);
  }
  tag.end = k < h.size() ? k + 1 : h.size();
  return tag;
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_raw_text(std::string_view n) {
  return one_of(n, {"script", "style", "textarea", "title", "xmp"});
}
bool is_furniture(std::string_view n) {
  return one_of(
      n, {"nav", "footer", "aside", "form", "figure", "figcaption", "noscript", "svg", "iframe",
          "button", "select", "template", "object", "video", "audio", "canvas", "map", "math"});
}
bool is_block(std::string_view n) {
  return one_of(
      n, {"p",       "div",    "h1",         "h2",      "h3",      "h4",      "h5",     "h6",  "li",
          "ul",      "ol",     "dl",         "dt",      "dd",      "table",   "tr",     "td",  "th",
          "thead",   "tbody",  "blockquote", "section", "article", "header",  "main",   "pre", "hr",
          "address", "center", "body",       "html",    "caption", "details", "summary"});
}

}  // namespace

std::size_t match_entity(std::string_view s, std::size_t i, char32_t& cp) {
  const std::size_t n = s.size();
  std::size_t k = i + 1;
  if (k >= n) return 0;
  if (s[k] == '#') {
    ++k;
    const bool hex = k < n && (s[k] == 'x' || s[k] == 'X');
    if (hex) ++k;
    const std::size_t db = k;
    std::uint32_t v = 0;
    while (k < n && k - db < 8) {
      const char c = s[k];
      int d = -1;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        d = (c | 0x20) - 'a' + 10;
      if (d < 0) break;
      v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      ++k;
    }
    if (k == db || k >= n || s[k] != ';') return 0;
    cp = (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) ? utf8::kReplacement : v;
    return k + 1 - i;
  }
  const std::size_t nb = k;
  while (k < n && k - nb < 10 &&
         ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
          (s[k] >= '0' && s[k] <= '9')))
    ++k;
  if (k == nb || k >= n || s[k] != ';') return 0;
  const auto& table = entity_table();
  const auto it = table.find(s.substr(nb, k - nb));
  if (it == table.end()) return 0;
  cp = it->second;
  return k + 1 - i;
}

bool looks_like_html(std::string_view head) {
  std::size_t k = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") k = 3;
  while (k < head.size() && is_space(head[k])) ++k;
  for (std::string_view p : {"<!doctype html", "<html", "<head", "<body", "<!--", "<meta"}) {
    if (head.size() - k >= p.size() && iequals(head.substr(k, p.size()), p)) return true;
  }
  return false;
}

HtmlPage html_to_text(std::string_view h) {
  HtmlPage page;
  std::string& out = page.text;
  out.reserve(h.size() / 2);
  bool pending_space = false;
  int pending_break = 0;  // 1: line break, 2: paragraph break
  int pre_depth = 0;
  std::string og_title, h1;
  std::size_t h1_start = std::string::npos;

  auto flush = [&] {
    if (pending_break > 0) {
      if (!out.empty()) out += pending_break == 2 ? "\n\n" : "\n";
    } else if (pending_space && !out.empty() && out.back() != '\n') {
      out += ' ';
    }
    pending_break = 0;
    pending_space = false;
  };
  auto block_break = [&](int kind) { pending_break = std::max(pending_break, kind); };

  const std::size_t n = h.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = h[i];
    if (c == '<') {
      if (h.compare(i, 4, "<!--") == 0) {
        const std::size_t e = h.find("-->", i + 4);
        i = e == std::string_view::npos ? n : e + 3;
        continue;
      }
      if (i + 1 < n && (h[i + 1] == '!' || h[i + 1] == '?')) {
        const std::size_t e = h.find('>', i + 2);
        i = e == std::string_view::npos ? n : e + 1;
        continue;
      }
      Tag tag = parse_tag(h, i);
      if (tag.name.empty()) {  // a lone '<' in text
        flush();
        out += '<';
        ++i;
        continue;
      }
      i = tag.end;
      const std::string& name = tag.name;
      if (tag.closing) {
        if (name == "pre") pre_depth = std::max(0, pre_depth - 1);
        if (name == "h1" && h1_start != std::string::npos) {
          h1 = clean_inline(std::string_view(out).substr(h1_start));
          h1_start = std::string::npos;
        }
        if (is_block(name)) block_break(2);
        continue;
      }
      if (is_raw_text(name) && !tag.self_closing) {
        const std::size_t e = find_end_tag(h, i, name);
        const std::size_t content_end = e == std::string_view::npos ? n : e;
        if (name == "title" && page.title.empty())
          page.title = clean_inline(h.substr(i, content_end - i));
        const std::size_t gt = e == std::string_view::npos ? n : h.find('>', e);
        i = gt == std::string_view::npos ? n : gt + 1;
        continue;
      }
      if (name == "meta") {
        std::string_view key = tag.attr("property");
        if (key.empty()) key = tag.attr("name");
        if (key.empty()) key = tag.attr("itemprop");
        const std::string_view content = tag.attr("content");
        std::string k;
        for (char ch : key) k += lower_ascii(ch);
        if (content.empty()) continue;
        if (k == "og:title") {
          og_title = clean_inline(content);
        } else if (k == "og:url") {
          if (page.url.empty()) page.url = clean_inline(content);
        } else if (k == "og:site_name") {
          page.source = clean_inline(content);
        } else if (one_of(k, {"article:published_time", "datepublished", "date", "pubdate",
                              "publishdate", "dc.date", "dc.date.issued", "dcterms.date",
                              "parsely-pub-date", "article.published", "sailthru.date"})) {
          if (page.date.empty()) page.date = clean_inline(content);
        }
        continue;
      }
      if (name == "link") {
        std::string rel;
        for (char ch : tag.attr("rel")) rel += lower_ascii(ch);
        if (rel == "canonical") page.url = clean_inline(tag.attr("href"));
        continue;
      }
      if (name == "time" && page.date.empty()) page.date = clean_inline(tag.attr("datetime"));
      if (is_furniture(name) && !tag.self_closing) {
        // Skip to the matching end tag, counting nested tags of the same name.
        int depth = 1;
        std::size_t k = i;
        while (depth > 0) {
          const std::size_t lt = h.find('<', k);
          if (lt == std::string_view::npos) {
            k = n;
            break;
          }
          if (h.compare(lt, 4, "<!--") == 0) {
            const std::size_t e = h.find("-->", lt + 4);
            k = e == std::string_view::npos ? n : e + 3;
            continue;
          }
          Tag t = parse_tag(h, lt);
          k = t.name.empty() ? lt + 1 : t.end;
          if (t.name == name && !t.self_closing) depth += t.closing ? -1 : 1;
        }
        i = k;
        block_break(2);
        continue;
      }
      if (name == "br") {
        block_break(1);
      } else if (is_block(name)) {
        block_break(2);
        if (name == "pre") ++pre_depth;
        if (name == "h1" && h1.empty()) {
          flush();
          h1_start = out.size();
        }
      }
      continue;
    }
    if (is_space(c)) {
      if (pre_depth > 0 && c == '\n') {
        block_break(1);
      } else {
        pending_space = true;
      }
      ++i;
      continue;
    }
    flush();
    if (c == '&') {
      char32_t cp = 0;
      const std::size_t len = match_entity(h, i, cp);
      if (len > 0) {
        utf8::append(out, cp);
        i += len;
        continue;
      }
    }
    // A run of ordinary text.
    std::size_t j = i + 1;
    while (j < n && h[j] != '<' && h[j] != '&' && !is_space(h[j])) ++j;
    out.append(h.substr(i, j - i));
    i = j;
  }
  if (page.title.empty()) page.title = !og_title.empty() ? og_title : h1;
  // "Headline | Site" -> "Headline" when the site is known.
  if (!page.source.empty()) {
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
      const std::string suffix = std::string(sep) + page.source;
      if (page.title.size() > suffix.size() &&
          page.title.compare(page.title.size() - suffix.size(), suffix.size(), suffix) == 0) {
        page.title.resize(page.title.size() - suffix.size());
        break;
      }
    }
  }
  return page;
}

}  // namespace dipgraph::ingest
