// normalize_text: raw article text -> clean paragraphs, one per line.
//
// Two passes. The first walks the raw bytes once and writes cleaned lines:
// UTF-8 checked (bad bytes become U+FFFD, reported once per article), smart
// quotes, dashes, odd spaces and ellipses mapped to ASCII, character
// references decoded, spaces collapsed, markup debris dropped (HTML tags,
// bare URLs, image file names, shortcodes like [caption], footnote marks,
// markdown image/link syntax), editorial brackets unwrapped ("[Vladimir]
// Putin" -> "Vladimir Putin"). The second pass decides which line breaks
// end a paragraph (blank lines always; for hard-wrapped text a short line
// ending a sentence, an indented line, a list item, a short opening line;
// see is_paragraph_break) and joins the others, undoing hyphenation at line
// ends (keep_hyphen).
#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest/read/document.hpp"
#include "ingest/read/html.hpp"
#include "ingest/read/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dipgraph::ingest {
namespace {

enum ByteClass : std::uint8_t {
  kPlain,
  kSpace,
  kNewline,
  kCarriageReturn,
  kFormFeed,
  kControl,
  kSpecial,
  kHigh
};

constexpr std::array<std::uint8_t, 256> make_byte_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    std::uint8_t k = kPlain;
    if (c >= 0x80)
      k = kHigh;
    else if (c == ' ' || c == '\t')
      k = kSpace;
    else if (c == '\n')
      k = kNewline;
    else if (c == '\r')
      k = kCarriageReturn;
    else if (c == '\f' || c == '\v')
      k = kFormFeed;
    else if (c < 0x20 || c == 0x7F)
      k = kControl;
    else if (c == '&' || c == '<' || c == '[' || c == ']' || c == '-' || c == '.' || c == '(' ||
             c == '"')
      k = kSpecial;
    t[c] = k;
  }
  return t;
}
constexpr std::array<std::uint8_t, 256> kByteClass = make_byte_classes();

#if defined(__SSE2__)
// Bits 0-15 set for the bytes p[0..15] that the plain run of clean() passes
// over without a second look: plain bytes, and a space followed by a plain
// byte that cannot start a URL (not h, H, w, W). Reads p[0..16].
inline unsigned plain_run_mask(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Printable ASCII 0x21..0x7E (moved to the bottom of the signed range),
  // less the bytes of kSpecial.
  const __m128i printable =
      _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(128 - 0x21))),
                     _mm_set1_epi8(static_cast<char>(-128 + (0x7F - 0x21))));
  __m128i special = _mm_cmpeq_epi8(v, _mm_set1_epi8('&'));
  for (char c : {'<', '[', ']', '-', '.', '(', '"'})
    special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
  const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
  const auto plain =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(special, printable)));
  const auto space =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
  const auto hw = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
      _mm_cmpeq_epi8(lower, _mm_set1_epi8('h')), _mm_cmpeq_epi8(lower, _mm_set1_epi8('w')))));
  // The same bits for the byte after each byte.
  const auto last = static_cast<unsigned char>(p[16]);
  const unsigned plain1 = (plain >> 1) | (unsigned{kByteClass[last] == kPlain} << 15);
  const unsigned hw1 =
      (hw >> 1) | (unsigned{(last | 0x20) == 'h' || (last | 0x20) == 'w'} << 15);
  return plain | (space & plain1 & ~hw1);
}
#endif

inline bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum_or_high(unsigned char c) {
  return is_ascii_alpha(c) || is_digit(c) || c >= 0xC0;
}

bool iequals_prefix(std::string_view s, std::size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[k]) return false;
  }
  return true;
}

// Left halves of a line-end hyphen that form compounds ("self-", "well-"):
// the hyphen is kept when the line ends with one of these.
constexpr std::string_view kKeepLeft[] = {
    "all",   "anti", "cross", "eight",  "ex",   "far",   "first", "five", "four", "free",
    "full",  "half", "high",  "large",  "long", "low",   "mid",   "much", "near", "nine",
    "non",   "one",  "pro",   "second", "self", "seven", "short", "six",  "ten",  "third",
    "three", "two",  "vice",  "well",   "wide", "world", "year"};
// Right halves that form compounds ("-based", "-led"): the hyphen is kept.
constexpr std::string_view kKeepRight[] = {
    "backed", "based",    "born",     "bound",     "building", "day",   "designed", "driven",
    "free",   "friendly", "hour",     "led",       "level",    "like",  "long",     "made",
    "making", "minded",   "month",    "nation",    "old",      "owned", "party",    "related",
    "run",    "scale",    "speaking", "sponsored", "state",    "style", "term",     "time",
    "way",    "week",     "wide",     "year"};

bool in_list(std::string_view w, const std::string_view* begin, const std::string_view* end) {
  return std::find(begin, end, w) != end;
}

class Normalizer {
 public:
  Normalizer(std::string_view raw, const std::string& origin, Diagnostics& diag)
      : raw_(raw), origin_(origin), diag_(diag) {}

  std::string run() {
    buf_.reserve(raw_.size() + raw_.size() / 16 + 16);
    lines_.reserve(raw_.size() / 64 + 8);
    clean();
    if (bad_count_ > 0) {
      diag_.warning(
          Place{origin_, 0, first_bad_},
          bad_count_ == 1
              ? std::string("invalid UTF-8 replaced by U+FFFD")
              : fmt::format("invalid UTF-8 replaced by U+FFFD ({} bad sequences)", bad_count_));
    }
    std::string out;
    out.reserve(buf_.size());
    assemble(out);
    return out;
  }

 private:
  struct Line {
    std::uint32_t begin = 0, end = 0;  // bytes in buf_
    std::uint32_t chars = 0;           // code points
    std::uint16_t indent = 0;          // leading spaces in the raw line (a tab counts 4)
    bool blank = true;                 // nothing with a letter or digit left
  };

  // ---- pass 1: raw bytes -> cleaned lines in buf_ ----

  void flush_space() {
    if (pending_space_) {
      if (buf_.size() > line_begin_ && buf_.back() != ' ') buf_ += ' ';
      pending_space_ = false;
    }
  }

  // After dropping something that ended before raw index `next`: one space
  // stays if there was one before it, unless punctuation follows.
  void removed(std::size_t next) {
    const bool had_space = pending_space_ || (buf_.size() > line_begin_ && buf_.back() == ' ');
    while (buf_.size() > line_begin_ && buf_.back() == ' ') buf_.pop_back();
    const char c = next < raw_.size() ? raw_[next] : ' ';
    pending_space_ = had_space && std::strchr(",.;:!?)]", c) == nullptr;
  }
  void put(char c) {
    flush_space();
    buf_ += c;
  }
  void put(std::string_view s) {
    flush_space();
    buf_.append(s);
  }
  void space() {
    if (buf_.size() == line_begin_ && !content_) {
      ++indent_;
    } else {
      pending_space_ = true;
    }
  }
  void dash() {  // a dash between words: " - "
    pending_space_ = true;
    put('-');
    pending_space_ = true;
  }

  void end_line(bool paragraph_break = false) {
    while (buf_.size() > line_begin_ && buf_.back() == ' ') buf_.pop_back();
    Line line;
    line.begin = static_cast<std::uint32_t>(line_begin_);
    line.end = static_cast<std::uint32_t>(buf_.size());
    line.indent = static_cast<std::uint16_t>(std::min<std::uint32_t>(indent_, 1000));
    const std::string_view text = std::string_view(buf_).substr(line_begin_);
    line.chars = static_cast<std::uint32_t>(line_high_ ? utf8::length(text) : text.size());
    line.blank = std::none_of(text.begin(), text.end(), [](char c) {
      return is_alnum_or_high(static_cast<unsigned char>(c));
    });
    // What is left of "Read more: <URL>", "Source: <URL>" is debris too.
    if (line_url_ && !text.empty() && text.back() == ':' && line.chars <= 40) line.blank = true;
    if (line.blank) buf_.resize(line_begin_);  // a line of punctuation only is debris
    line.end = static_cast<std::uint32_t>(buf_.size());
    lines_.push_back(line);
    if (paragraph_break) lines_.push_back(Line{line.end, line.end, 0, 0, true});
    line_begin_ = buf_.size();
    indent_ = 0;
    pending_space_ = false;
    content_ = false;
    line_high_ = false;
    line_url_ = false;
    bracket_close_ = std::string_view::npos;
  }

  // Drops the whitespace-delimited word being written (an image file name).
  void drop_current_word() {
    while (buf_.size() > line_begin_ && buf_.back() != ' ') buf_.pop_back();
    pending_space_ = false;
  }

  // Index of the first whitespace byte at or after i (or raw_.size()).
  std::size_t skip_to_space(std::size_t i) const {
    while (i < raw_.size()) {
      const unsigned char c = static_cast<unsigned char>(raw_[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') break;
      ++i;
    }
    return i;
  }

  // Maps a decoded non-ASCII code point (or one from a character reference)
  // to its clean form. `next` is the raw index after it.
  void emit_cp(char32_t cp, std::size_t next) {
    switch (cp) {
      case 0x2018:
      case 0x2019:
      case 0x201A:
      case 0x201B:
      case 0x2032:
      case 0x2039:
      case 0x203A:
      case 0x91:
      case 0x92:
        put('\'');
        return;
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
      case 0x2033:
      case 0xAB:
      case 0xBB:
      case 0x93:
      case 0x94:
        put('"');
        return;
      case 0x2010:
      case 0x2011:
      case 0x2212:
        put('-');
        return;
      case 0x2012:
      case 0x2013:
      case 0x96: {  // en dash: a hyphen between words, else a dash
        const bool tight = !pending_space_ && buf_.size() > line_begin_ && next < raw_.size() &&
                           raw_[next] != ' ' && raw_[next] != '\t' && raw_[next] != '\n';
        if (tight)
          put('-');
        else
          dash();
        return;
      }
      case 0x2014:
      case 0x2015:
      case 0x2E3A:
      case 0x2E3B:
      case 0x97:
        dash();
        return;
      case 0x2026:
      case 0x85:
        put("...");
        return;
      case 0xA0:
      case 0x1680:
      case 0x202F:
      case 0x205F:
      case 0x3000:
        space();
        return;
      case 0xAD:
      case 0x200B:
      case 0x2060:
      case 0xFEFF:
        return;  // soft hyphen, zero-width space, word joiner, BOM
      case 0x2028:
        end_line();
        return;
      case 0x2029:
        end_line(true);
        return;
      default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) return space();
    if (cp >= 0x80 && cp <= 0x9F) return space();  // other C1 controls
    if (cp < 0x80) {                               // from a character reference
      if (cp == '\n') return end_line();
      if (cp < 0x20 || cp == 0x7F) return space();
      return put(static_cast<char>(cp));
    }
    flush_space();
    utf8::append(buf_, cp);
    line_high_ = true;
  }

  // Returns the raw index after an HTML tag or comment at i, or i if none.
  std::size_t skip_tag(std::size_t i) {
    const std::size_t n = raw_.size();
    if (i + 1 >= n) return i;
    const unsigned char c = static_cast<unsigned char>(raw_[i + 1]);
    if (raw_.compare(i, 4, "<!--") == 0) {
      const std::size_t e = raw_.find("-->", i + 4);
      return e == std::string_view::npos ? n : e + 3;
    }
    if (!(is_ascii_alpha(c) || c == '/' || c == '!' || c == '?')) return i;
    // A tag name, then anything but '<' and blank lines up to '>'.
    std::size_t k = i + 1 + (c == '/' || c == '!' || c == '?');
    const std::size_t name_begin = k;
    while (k < n && (is_ascii_alpha(static_cast<unsigned char>(raw_[k])) ||
                     is_digit(static_cast<unsigned char>(raw_[k]))))
      ++k;
    if (k == name_begin) return i;
    const std::string_view name = raw_.substr(name_begin, k - name_begin);
    const std::size_t limit = std::min(n, k + 512);
    while (k < limit && raw_[k] != '>' && raw_[k] != '<') ++k;
    if (k >= limit || raw_[k] != '>') return i;
    static constexpr std::string_view kBlock[] = {
        "p",  "br", "div",   "li",         "h1", "h2", "h3", "h4",      "h5",
        "h6", "tr", "table", "blockquote", "hr", "ul", "ol", "section", "article"};
    std::string lname(name);
    for (char& ch : lname) ch = static_cast<char>(ch | 0x20);
    if (std::find(std::begin(kBlock), std::end(kBlock), lname) != std::end(kBlock)) {
      end_line(lname != "br" && lname != "li");
    }
    return k + 1;
  }

  // Handles '[' at i; returns the raw index to continue from.
  std::size_t bracket(std::size_t i) {
    const std::size_t n = raw_.size();
    std::size_t j = i + 1;
    const std::size_t limit = std::min(n, i + 300);
    while (j < limit && raw_[j] != ']' && raw_[j] != '[' && raw_[j] != '\n') ++j;
    if (j >= limit || raw_[j] != ']') {
      put('[');
      return i + 1;
    }
    const std::string_view content = raw_.substr(i + 1, j - i - 1);
    const bool paren_follows = j + 1 < n && raw_[j + 1] == '(';
    // Markdown image: ![alt](file) -> nothing.
    if (paren_follows && buf_.size() > line_begin_ && buf_.back() == '!' && !pending_space_) {
      buf_.pop_back();
      const std::size_t close = raw_.find(')', j + 2);
      const std::size_t e = close == std::string_view::npos || close > j + 2000 ? j + 1 : close + 1;
      removed(e);
      return e;
    }
    // Footnote marks [1], empty brackets, wiki furniture.
    const bool digits = std::all_of(content.begin(), content.end(),
                                    [](char c) { return is_digit(static_cast<unsigned char>(c)); });
    if (digits || content == "edit" || content == "citation needed") {
      removed(j + 1);
      return j + 1;
    }
    if (content == "..." || content == "\xE2\x80\xA6") {
      put("...");
      return j + 1;
    }
    // Shortcodes: [caption id="..."]...[/caption], [/embed], [video src=...].
    std::size_t w = 0;
    while (w < content.size() && content[w] >= 'a' && content[w] <= 'z') ++w;
    const std::string_view word = content.substr(0, w);
    static constexpr std::string_view kShortcodes[] = {"caption", "embed",         "video", "audio",
                                                       "gallery", "image",         "img",   "photo",
                                                       "figure",  "advertisement", "ad"};
    const bool shortcode_word =
        !word.empty() && (w == content.size() || content[w] == ' ') &&
        std::find(std::begin(kShortcodes), std::end(kShortcodes), word) != std::end(kShortcodes);
    if ((!content.empty() && content[0] == '/') || content.find('=') != std::string_view::npos ||
        shortcode_word) {
      if (shortcode_word) {  // drop through the closing [/word] when it is near
        const std::string closing = "[/" + std::string(word) + "]";
        const std::size_t e = raw_.find(closing, j + 1);
        if (e != std::string_view::npos && e < j + 4000) {
          removed(e + closing.size());
          return e + closing.size();
        }
      }
      removed(j + 1);
      return j + 1;
    }
    // An editorial insertion or a markdown link: keep the words, drop the
    // brackets (and the link target).
    bracket_close_ = j;
    bracket_skip_paren_ = paren_follows;
    return i + 1;
  }

  std::size_t close_bracket(std::size_t i) {
    bracket_close_ = std::string_view::npos;
    if (bracket_skip_paren_) {
      const std::size_t close = raw_.find(')', i + 2);
      if (close != std::string_view::npos && close < i + 2000 &&
          raw_.substr(i + 2, close - i - 2).find('\n') == std::string_view::npos)
        return close + 1;
    }
    return i + 1;
  }

  // True if the raw bytes at i start a URL ("http://", "https://", "www.").
  bool url_at(std::size_t i) const {
    if (i + 4 >= raw_.size()) return false;
    const char second = static_cast<char>(raw_[i + 1] | 0x20);
    if (second == 't')
      return iequals_prefix(raw_, i, "http://") || iequals_prefix(raw_, i, "https://");
    return second == 'w' && iequals_prefix(raw_, i, "www.");
  }

  // Skips the URL at i; returns the raw index after it (trailing sentence
  // punctuation is left in the text).
  std::size_t skip_url(std::size_t i) {
    line_url_ = true;
    std::size_t e = skip_to_space(i);
    bool in_parens = buf_.size() > line_begin_ && !pending_space_ && buf_.back() == '(';
    if (in_parens) {
      buf_.pop_back();
      const std::size_t close = raw_.find(')', i);
      if (close != std::string_view::npos && close < e) e = close + 1;
    }
    while (e > i && std::strchr(".,;:!?", raw_[e - 1]) != nullptr) --e;
    removed(e);
    return e;
  }

  // True if the '.' at i starts an image file extension (".png", ".jpg", ...).
  bool image_extension_at(std::size_t i) const {
    if (i + 3 >= raw_.size()) return false;
    switch (raw_[i + 1] | 0x20) {  // the first letters of the extensions below
      case 'p':
      case 'j':
      case 'g':
      case 'w':
      case 's':
      case 'b':
      case 't':
        break;
      default:
        return false;
    }
    static constexpr std::string_view kExt[] = {"png", "jpg", "jpeg", "gif", "webp",
                                                "svg", "bmp", "tif",  "tiff"};
    for (std::string_view ext : kExt) {
      if (iequals_prefix(raw_, i + 1, ext)) {
        const std::size_t e = i + 1 + ext.size();
        if (e >= raw_.size() || !is_alnum_or_high(static_cast<unsigned char>(raw_[e]))) return true;
      }
    }
    return false;
  }

  void clean() {
    const std::string_view s = raw_;
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      switch (kByteClass[c]) {
        case kPlain: {
          if ((c == 'h' || c == 'w' || c == 'H' || c == 'W') &&
              (pending_space_ || buf_.size() == line_begin_ || buf_.back() == '(' ||
               buf_.back() == '"' || buf_.back() == '\'') &&
              url_at(i)) {
            i = skip_url(i);
            break;
          }
          // The run goes on over single spaces between plain bytes, unless a
          // word that might be a URL starts after the space.
          std::size_t j = i + 1;
          while (j < n) {
#if defined(__SSE2__)
            if (j + 17 <= n) {  // sixteen bytes at a time; the byte loop decides at a stop
              const unsigned ok = plain_run_mask(s.data() + j);
              if (ok == 0xFFFFu) {
                j += 16;
                continue;
              }
              j += static_cast<std::size_t>(__builtin_ctz(~ok));
            }
#endif
            const unsigned char d = static_cast<unsigned char>(s[j]);
            if (kByteClass[d] == kPlain) {
              ++j;
              continue;
            }
            if (d == ' ' && j + 1 < n) {
              const unsigned char e = static_cast<unsigned char>(s[j + 1]);
              if (kByteClass[e] == kPlain &&
                  !(((e | 0x20) == 'h' || (e | 0x20) == 'w') && url_at(j + 1))) {
                j += 2;
                continue;
              }
            }
            break;
          }
          put(s.substr(i, j - i));
          content_ = true;
          i = j;
          break;
        }
        case kSpace:
          if (c == '\t' && buf_.size() == line_begin_ && !content_) indent_ += 3;
          space();
          ++i;
          break;
        case kNewline:
          end_line();
          ++i;
          break;
        case kCarriageReturn:
          end_line();
          i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
          break;
        case kFormFeed:
          end_line(true);
          ++i;
          break;
        case kControl:
          space();
          ++i;
          break;
        case kHigh: {
          const utf8::Decoded d = utf8::decode(s, i);
          if (d.cp == utf8::kInvalid) {
            if (bad_count_++ == 0) first_bad_ = i;
            flush_space();
            utf8::append(buf_, utf8::kReplacement);
            line_high_ = true;
          } else {
            emit_cp(d.cp, i + d.len);
          }
          content_ = true;
          i += d.len;
          break;
        }
        default:  // kSpecial
          content_ = true;
          i = special(i, c);
          break;
      }
    }
    end_line();
  }

  std::size_t special(std::size_t i, unsigned char c) {
    const std::string_view s = raw_;
    const std::size_t n = s.size();
    switch (c) {
      case '&': {
        char32_t cp = 0;
        const std::size_t len = match_entity(s, i, cp);
        if (len == 0) {
          put('&');
          return i + 1;
        }
        emit_cp(cp, i + len);
        return i + len;
      }
      case '<': {
        const std::size_t e = skip_tag(i);
        if (e == i) {
          put('<');
          return i + 1;
        }
        removed(e);
        return e;
      }
      case '[':
        return bracket(i);
      case ']':
        if (i == bracket_close_) return close_bracket(i);
        put(']');
        return i + 1;
      case '-': {
        std::size_t j = i + 1;
        while (j < n && s[j] == '-') ++j;
        if (j - i >= 2) {
          dash();
        } else {
          put('-');
        }
        return j;
      }
      case '.':
        if (image_extension_at(i)) {
          drop_current_word();
          const std::size_t e = skip_to_space(i);
          removed(e);
          return e;
        }
        put('.');
        return i + 1;
      default:  // '(' and '"': plain, but a URL may follow
        put(static_cast<char>(c));
        return i + 1;
    }
  }

  // ---- pass 2: lines -> paragraphs ----

  std::string_view text_of(const Line& l) const {
    return std::string_view(buf_).substr(l.begin, l.end - l.begin);
  }

  static bool ends_sentence(std::string_view t) {
    std::size_t k = t.size();
    for (int closers = 0; k > 0 && closers < 3; ++closers) {
      const char c = t[k - 1];
      if (c != '"' && c != '\'' && c != ')' && c != ']') break;
      --k;
    }
    return k > 0 && (t[k - 1] == '.' || t[k - 1] == '!' || t[k - 1] == '?');
  }

  static bool starts_list_item(std::string_view t) {
    if (t.size() >= 2 && (t[0] == '-' || t[0] == '*') && t[1] == ' ') return true;
    if (t.rfind("\xE2\x80\xA2", 0) == 0) return true;  // bullet
    std::size_t k = 0;
    while (k < t.size() && k < 3 && is_digit(static_cast<unsigned char>(t[k]))) ++k;
    return k > 0 && k + 1 < t.size() && (t[k] == '.' || t[k] == ')') && t[k + 1] == ' ';
  }

  static bool starts_lower(std::string_view t) {
    if (t.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(t[0]);
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return utf8::is_lower(utf8::decode(t, 0).cp);
  }

  static bool starts_letter(std::string_view t) {
    if (t.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(t[0]);
    if (c < 0x80) return is_ascii_alpha(c);
    const char32_t cp = utf8::decode(t, 0).cp;
    return cp != utf8::kInvalid && !utf8::is_punct(cp);
  }

  // True if the line ends with a hyphen right after a letter ("co-").
  static bool ends_with_split_word(std::string_view t) {
    if (t.size() < 2 || t.back() != '-') return false;
    const unsigned char p = static_cast<unsigned char>(t[t.size() - 2]);
    return is_ascii_alpha(p) || p >= 0x80;
  }

  // A line that opens like a dateline: a word in capitals of three or more
  // letters followed by ',', " (" or " -" ("NAIROBI, March 3 - ").
  static bool starts_dateline(std::string_view t) {
    std::size_t k = 0;
    while (k < t.size() &&
           ((t[k] >= 'A' && t[k] <= 'Z') || static_cast<unsigned char>(t[k]) >= 0x80))
      ++k;
    if (k < 3 || k == t.size()) return false;
    if (t[k] == ',') return true;
    return k + 1 < t.size() && t[k] == ' ' && (t[k + 1] == '(' || t[k + 1] == '-');
  }

  // A title-case headline: most words of four letters or more capitalized.
  static bool looks_like_headline(std::string_view t) {
    int words = 0, caps = 0;
    std::size_t k = 0;
    while (k < t.size()) {
      while (k < t.size() && t[k] == ' ') ++k;
      const std::size_t b = k;
      while (k < t.size() && t[k] != ' ') ++k;
      if (k - b >= 4) {
        ++words;
        caps += t[b] >= 'A' && t[b] <= 'Z';
      }
    }
    return words >= 2 && caps * 10 >= words * 7;
  }

  // Decides whether the break between lines a and b (both non-blank) ends a
  // paragraph.
  bool is_paragraph_break(std::size_t a, std::size_t b) const {
    const Line& la = lines_[a];
    const Line& lb = lines_[b];
    const std::string_view ta = text_of(la), tb = text_of(lb);
    if (starts_list_item(tb)) return true;
    const bool end_a = ends_sentence(ta);
    if (!wrapped_) {
      if (ends_with_split_word(ta) && starts_letter(tb)) return false;
      return !(starts_lower(tb) && !end_a);
    }
    if (lb.indent > la.indent) return true;
    if (a == first_line_ && starts_dateline(tb)) return true;  // a headline, then the dateline
    if (la.chars > wrap_width_ * 6 / 5 + 5) return true;       // an unwrapped line
    if (end_a && lb.chars > wrap_width_ * 6 / 5 + 5) return true;
    if (a == first_line_ && !end_a && la.chars * 4 < wrap_width_ * 3 && looks_like_headline(ta))
      return true;
    if (!end_a) return false;
    if (la.chars * 4 < wrap_width_ * 3) return true;  // a short last line
    // A short line that does not end a sentence, followed by more text,
    // opens a paragraph.
    const bool b_opens = lb.chars * 5 < wrap_width_ * 3 && !ends_sentence(tb) &&
                         b + 1 < lines_.size() && !lines_[b + 1].blank;
    return b_opens;
  }

  // Estimates the wrap width from lines that continue a sentence onto the
  // next line; sets wrapped_ when the text looks hard-wrapped.
  void estimate_wrap_width() {
    std::vector<std::uint32_t> widths;
    for (std::size_t k = 0; k + 1 < lines_.size(); ++k) {
      if (lines_[k].blank || lines_[k + 1].blank) continue;
      if (ends_sentence(text_of(lines_[k]))) continue;
      widths.push_back(lines_[k].chars);
    }
    wrapped_ = false;
    if (widths.size() < 3) return;
    const std::size_t p80 = widths.size() * 4 / 5;
    std::nth_element(widths.begin(), widths.begin() + p80, widths.end());
    const std::uint32_t w = widths[p80];
    if (w < 30 || w > 200) return;
    const std::size_t near = std::count_if(widths.begin(), widths.end(),
                                           [w](std::uint32_t x) { return x * 10 >= w * 7; });
    if (near * 2 < widths.size()) return;
    wrapped_ = true;
    wrap_width_ = w;
  }

  // Whether to keep the hyphen when "left-" at a line end joins "right".
  bool keep_hyphen(std::string_view a, std::string_view b) {
    // The fragment before the hyphen, back to a space or another hyphen.
    std::size_t k = a.size() - 1;  // the hyphen
    std::size_t lb = k;
    while (lb > 0 && a[lb - 1] != ' ' && a[lb - 1] != '-' && a[lb - 1] != '"' && a[lb - 1] != '(')
      --lb;
    if (lb > 0 && a[lb - 1] == '-') return true;  // "state-of-the-\nart"
    const std::string_view left = a.substr(lb, k - lb);
    std::size_t re = 0;
    while (re < b.size() && (is_ascii_alpha(static_cast<unsigned char>(b[re])) ||
                             static_cast<unsigned char>(b[re]) >= 0x80))
      ++re;
    const std::string_view right = b.substr(0, re);
    if (left.empty() || right.empty()) return true;
    auto upper_or_digit = [](std::string_view w) {
      const unsigned char c = static_cast<unsigned char>(w[0]);
      if (c < 0x80) return (c >= 'A' && c <= 'Z') || is_digit(c);
      return utf8::is_upper(utf8::decode(w, 0).cp);
    };
    if (upper_or_digit(left) || upper_or_digit(right) ||
        std::any_of(left.begin(), left.end(),
                    [](char c) { return is_digit(static_cast<unsigned char>(c)); }))
      return true;
    if (re < b.size() && b[re] == '-') return true;  // "well-\nto-do"
    // Hyphenated elsewhere in this article?
    if (!compounds_built_) build_compounds();
    std::string key = utf8::lower(left);
    key += '-';
    key += utf8::lower(right);
    if (compounds_.count(key) != 0) return true;
    const std::string lower_left = utf8::lower(left), lower_right = utf8::lower(right);
    return in_list(lower_left, std::begin(kKeepLeft), std::end(kKeepLeft)) ||
           in_list(lower_right, std::begin(kKeepRight), std::end(kKeepRight));
  }

  // Collects every "word-word" written inside a line, lower-cased.
  void build_compounds() {
    compounds_built_ = true;
    const std::string_view s = buf_;
    for (const Line& l : lines_) {
      for (std::size_t k = l.begin + 1; k + 1 < l.end; ++k) {
        if (s[k] != '-') continue;
        const unsigned char p = static_cast<unsigned char>(s[k - 1]);
        const unsigned char q = static_cast<unsigned char>(s[k + 1]);
        if (!(is_ascii_alpha(p) || p >= 0x80) || !(is_ascii_alpha(q) || q >= 0x80)) continue;
        std::size_t b = k;
        while (b > l.begin && (is_ascii_alpha(static_cast<unsigned char>(s[b - 1])) ||
                               static_cast<unsigned char>(s[b - 1]) >= 0x80))
          --b;
        std::size_t e = k + 1;
        while (e < l.end && (is_ascii_alpha(static_cast<unsigned char>(s[e])) ||
                             static_cast<unsigned char>(s[e]) >= 0x80))
          ++e;
        compounds_.insert(utf8::lower(s.substr(b, e - b)));
      }
    }
  }

  void assemble(std::string& out) {
    estimate_wrap_width();
    first_line_ = lines_.size();
    for (std::size_t k = 0; k < lines_.size(); ++k) {
      if (!lines_[k].blank) {
        first_line_ = k;
        break;
      }
    }
    std::size_t prev = static_cast<std::size_t>(-1);  // previous non-blank line of this paragraph
    for (std::size_t k = 0; k < lines_.size(); ++k) {
      const Line& l = lines_[k];
      if (l.blank) {
        prev = static_cast<std::size_t>(-1);
        continue;
      }
      const std::string_view t = text_of(l);
      if (prev == static_cast<std::size_t>(-1)) {
        if (!out.empty()) out += '\n';
      } else if (is_paragraph_break(prev, k)) {
        out += '\n';
      } else {
        const std::string_view a = text_of(lines_[prev]);
        if (ends_with_split_word(a) &&
            (starts_letter(t) || is_digit(static_cast<unsigned char>(t[0])))) {
          if (!keep_hyphen(a, t)) out.pop_back();
        } else {
          out += ' ';
        }
      }
      out.append(t);
      prev = k;
    }
  }

  std::string_view raw_;
  const std::string& origin_;
  Diagnostics& diag_;

  std::string buf_;
  std::vector<Line> lines_;
  std::size_t line_begin_ = 0;
  std::uint32_t indent_ = 0;
  bool pending_space_ = false;
  bool content_ = false;    // something (even dropped debris) was seen on this line
  bool line_high_ = false;  // the line has non-ASCII characters
  bool line_url_ = false;   // a URL was dropped from the line
  std::size_t bracket_close_ = std::string_view::npos;
  bool bracket_skip_paren_ = false;
  std::size_t bad_count_ = 0, first_bad_ = 0;

  bool wrapped_ = false;
  std::uint32_t wrap_width_ = 0;
  std::size_t first_line_ = 0;
  bool compounds_built_ = false;
  std::unordered_set<std::string> compounds_;
};

}  // namespace

std::string normalize_text(std::string_view raw, const std::string& origin, Diagnostics& diag) {
  return Normalizer(raw, origin, diag).run();
}

}  // namespace dipgraph::ingest
