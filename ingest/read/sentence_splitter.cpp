// split_sentences: tokens -> sentences, never across a paragraph ('\n').
//
// A sentence ends at . ! ? (with any closing quotes or brackets right after
// it) when whitespace and a capital, digit, quote or opening bracket follow.
// No break after titles ("Mr.", "Gen.", "Sen."), initials ("John F.
// Kennedy"), "No."/month abbreviations before a number, or inside an
// ellipsis. Breaks found inside a double quote are held back and dropped
// when the quote closes, so a quoted passage stays with its speaker; a
// quote still open at the paragraph's end releases them (unbalanced quotes
// cannot swallow a paragraph).
#include <algorithm>
#include <string_view>
#include <vector>

#include "ingest/read/document.hpp"
#include "ingest/read/utf8.hpp"

namespace dipgraph::ingest {
namespace {

// Titles and abbreviations that never end a sentence.
constexpr std::string_view kTitles[] = {
    "Adm",  "Amb",  "Brig", "Capt", "Cdr",    "Cmdr",   "Col",  "Cpl",  "Dr",  "Fr",  "Ft", "Gen",
    "Gov",  "Hon",  "Insp", "Lt",   "Maj",    "Messrs", "Mme",  "Mmes", "Mr",  "Mrs", "Ms", "Mt",
    "Pres", "Prof", "Pvt",  "Rep",  "Reps",   "Rev",    "Sen",  "Sens", "Sgt", "Sr",  "Jr", "St",
    "Ste",  "Supt", "vs",   "Dept", "approx", "Atty",   "Gens", "Amb",  "Cllr"};
constexpr std::size_t kLongestTitle = 6;
static_assert(std::all_of(std::begin(kTitles), std::end(kTitles),
                          [](std::string_view t) { return t.size() <= kLongestTitle; }));
// Abbreviations that do not end a sentence when a number follows.
constexpr std::string_view kBeforeNumber[] = {"No",  "Nos",  "Art", "Vol", "Fig", "p",   "pp",
                                              "Jan", "Feb",  "Mar", "Apr", "Jun", "Jul", "Aug",
                                              "Sep", "Sept", "Oct", "Nov", "Dec", "Ch",  "Sec"};

bool listed(std::string_view w, const std::string_view* b, const std::string_view* e) {
  return std::find(b, e, w) != e;
}

inline bool is_char(std::string_view text, const Token& t, char c) {
  return t.shape == TokenShape::punct && t.end - t.start == 1 && text[t.start] == c;
}

// True if the token can open a sentence: capital, digit, quote, bracket,
// or a letter of a script without case.
bool opens_sentence(std::string_view text, const Token& t) {
  if (t.capitalized || t.shape == TokenShape::number) return true;
  const unsigned char c = static_cast<unsigned char>(text[t.start]);
  if (c < 0x80) {
    if (c >= '0' && c <= '9') return true;
    return c == '"' || c == '\'' || c == '(' || c == '[';
  }
  if (t.shape != TokenShape::word) return false;
  return !utf8::is_lower(utf8::decode(text, t.start).cp);
}

}  // namespace

bool is_title_abbreviation(std::string_view word) { return listed(word, std::begin(kTitles), std::end(kTitles)); }

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                      std::uint32_t body_start) {
  std::vector<Sentence> out;
  const std::uint32_t n = static_cast<std::uint32_t>(tokens.size());
  std::uint32_t paragraph = 0;
  std::uint32_t i = 0;
  // Paragraphs before the body (the dateline's tokens belong to no sentence).
  while (i < n && tokens[i].start < body_start) {
    if (i > 0) {
      for (std::uint32_t b = tokens[i - 1].end; b < tokens[i].start; ++b)
        paragraph += text[b] == '\n';
    }
    ++i;
  }
  if (i > 0 && i < n) {
    for (std::uint32_t b = tokens[i - 1].end; b < tokens[i].start; ++b)
      paragraph += text[b] == '\n';
  }

  std::vector<std::uint32_t> breaks, held;  // token indices that start a new sentence
  out.reserve(tokens.size() / 16 + 4);
  while (i < n) {
    // One paragraph: tokens [p_begin, p_end). No token holds a '\n', so the
    // paragraph ends before the first token that starts after the next '\n'.
    const std::uint32_t p_begin = i;
    std::uint32_t p_end = i + 1;
    std::uint32_t newlines = 0;
    const std::size_t nl = text.find('\n', tokens[p_begin].end);
    if (nl == std::string_view::npos) {
      p_end = n;
    } else {
      while (p_end < n && tokens[p_end].start < nl) ++p_end;
      if (p_end < n) {
        for (std::uint32_t b = tokens[p_end - 1].end; b < tokens[p_end].start; ++b)
          newlines += text[b] == '\n';
      }
    }
    breaks.clear();
    held.clear();
    bool in_quote = false;
    for (std::uint32_t k = p_begin; k < p_end; ++k) {
      const Token& t = tokens[k];
      if (t.shape != TokenShape::punct || t.end - t.start != 1) continue;
      const char c = text[t.start];
      if (c == '"') {
        in_quote = !in_quote;
        if (!in_quote) held.clear();
        continue;
      }
      if (c != '.' && c != '!' && c != '?') continue;
      // The cluster of terminators ("?!", "...") right after one another.
      const std::uint32_t dot = k;
      std::uint32_t e = k + 1;
      int dots = c == '.';
      while (e < p_end && tokens[e].start == tokens[e - 1].end &&
             (is_char(text, tokens[e], '.') || is_char(text, tokens[e], '!') ||
              is_char(text, tokens[e], '?'))) {
        dots += text[tokens[e].start] == '.';
        ++e;
      }
      const bool ellipsis = dots >= 2 && dots == static_cast<int>(e - k);
      // Closing quotes and brackets attached to the terminator.
      while (e < p_end && tokens[e].start == tokens[e - 1].end &&
             (is_char(text, tokens[e], '"') || is_char(text, tokens[e], '\'') ||
              is_char(text, tokens[e], ')') || is_char(text, tokens[e], ']'))) {
        if (is_char(text, tokens[e], '"')) {
          in_quote = !in_quote;
          if (!in_quote) held.clear();
        }
        ++e;
      }
      const std::uint32_t next = e;
      k = e - 1;
      if (next >= p_end || ellipsis) continue;
      if (tokens[next].start == tokens[next - 1].end) continue;  // no space after
      if (!opens_sentence(text, tokens[next])) continue;
      // Abbreviations before a single '.'.
      if (dots == 1 && dot > p_begin && tokens[dot - 1].end == t.start &&
          tokens[dot - 1].shape == TokenShape::word) {
        const Token& w = tokens[dot - 1];
        const std::string_view word = text.substr(w.start, w.end - w.start);
        if (word.size() <= kLongestTitle && listed(word, std::begin(kTitles), std::end(kTitles)))
          continue;
        if (word.size() == 1 && w.capitalized) continue;  // an initial
        if (tokens[next].shape == TokenShape::number &&
            listed(word, std::begin(kBeforeNumber), std::end(kBeforeNumber)))
          continue;
      }
      (in_quote ? held : breaks).push_back(next);
    }
    breaks.insert(breaks.end(), held.begin(), held.end());  // a quote left open
    std::uint32_t first = p_begin;
    breaks.push_back(p_end);
    for (std::uint32_t b : breaks) {
      if (b <= first) continue;
      out.push_back(Sentence{tokens[first].start, tokens[b - 1].end, first, b, paragraph});
      first = b;
    }
    paragraph += newlines;
    i = p_end;
  }
  return out;
}

}  // namespace dipgraph::ingest
