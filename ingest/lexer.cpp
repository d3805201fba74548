// The extractor's word lexer and the word -> id vocabulary (lexer.hpp).
#include "ingest/lexer.hpp"

namespace dipgraph::ingest {

namespace {

inline bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool is_letter(unsigned char c) { return is_alpha(c) || c >= 0x80; }
inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(unsigned char c) { return is_letter(c) || is_digit(c); }
inline bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }


std::uint16_t case_flags(std::string_view text, std::uint32_t start, std::uint32_t end) {
  std::uint16_t f = 0;
  if (is_upper(static_cast<unsigned char>(text[start]))) f |= kCap;
  int upper = 0, lower = 0;
  for (std::uint32_t i = start; i < end; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    upper += is_upper(c);
    lower += is_lower(c);
  }
  if (upper >= 2 && lower == 0) f |= kAllCaps;
  return f;
}

}  // namespace

std::uint64_t Vocab::hash_word(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h ^ (h >> 29);
}

Vocab::Vocab() {
  words_.emplace_back();  // id 0 = kNoToken
  rehash(1024);
}

void Vocab::rehash(std::size_t capacity) {
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (std::uint32_t id = 1; id < words_.size(); ++id) {
    std::size_t i = hash_word(words_[id]) & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = id;
  }
}

TokenId Vocab::intern(std::string_view word) {
  if (word.empty()) return kNoToken;
  if (TokenId id = find(word)) return id;
  if ((words_.size() + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
  auto id = static_cast<TokenId>(words_.size());
  words_.emplace_back(word);
  std::size_t i = hash_word(word) & mask_;
  while (slots_[i] != 0) i = (i + 1) & mask_;
  slots_[i] = id;
  return id;
}

TokenId Vocab::find(std::string_view word) const { return find_hashed(word, hash_word(word)); }

TokenId Vocab::find_hashed(std::string_view word, std::uint64_t hash) const {
  std::size_t i = hash & mask_;
  while (std::uint32_t id = slots_[i]) {
    if (words_[id] == word) return id;
    i = (i + 1) & mask_;
  }
  return kNoToken;
}

void to_lower(std::string_view s, std::string& out) {
  out.resize(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    out[i] = static_cast<char>(is_upper(c) ? c + 32 : c);
  }
}

namespace {

enum CharClass : std::uint8_t { kL = 1, kD = 2, kU = 4, kW = 8, kS = 16 };  // letter digit upper lower space

struct ClassTable {
  std::uint8_t c[256];
  constexpr ClassTable() : c() {
    for (int i = 0; i < 256; ++i) {
      std::uint8_t v = 0;
      if (i <= ' ') v |= kS;
      if ((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') || i >= 0x80) v |= kL;
      if (i >= 'A' && i <= 'Z') v |= kU;
      if (i >= 'a' && i <= 'z') v |= kW;
      if (i >= '0' && i <= '9') v |= kD;
      c[i] = v;
    }
  }
};
constexpr ClassTable kClass;

}  // namespace

void lex_raw(std::string_view text, std::uint32_t begin, std::uint32_t end,
             std::vector<RawTok>& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto cls = [&](std::uint32_t i) -> std::uint8_t { return i < end ? kClass.c[p[i]] : 0; };
  auto ch = [&](std::uint32_t i) -> unsigned char { return i < end ? p[i] : 0; };
  auto is_alpha_at = [&](std::uint32_t i) { return i < end && p[i] < 0x80 && (kClass.c[p[i]] & kL); };
  bool space = true, hyphen = false;
  std::uint32_t i = begin;
  while (i < end) {
    std::uint8_t c0 = kClass.c[p[i]];
    if (c0 & kS) {
      space = true;
      hyphen = false;
      ++i;
      continue;
    }
    RawTok t;
    t.start = i;
    std::uint16_t extra = (space ? kSpaceBefore : 0) | (hyphen ? kHyphenJoined : 0);
    space = hyphen = false;
    if (!(c0 & (kL | kD))) {  // punctuation: one byte
      t.end = i + 1;
      t.flags = kPunct | extra;
      out.push_back(t);
      ++i;
      continue;
    }
    // Dotted initials: "U.S.", "U.N.", "F.W.", "U.S" (letter '.' letter ...).
    if (is_alpha_at(i) && ch(i + 1) == '.' && is_alpha_at(i + 2) &&
        (ch(i + 3) == '.' || !(cls(i + 3) & (kL | kD)))) {
      std::uint32_t j = i;
      int upper = 0, lower = 0;
      while (is_alpha_at(j) && ch(j + 1) == '.') {
        upper += (kClass.c[p[j]] & kU) != 0;
        lower += (kClass.c[p[j]] & kW) != 0;
        j += 2;
      }
      if (is_alpha_at(j) && !(cls(j + 1) & (kL | kD))) {
        upper += (kClass.c[p[j]] & kU) != 0;
        lower += (kClass.c[p[j]] & kW) != 0;
        ++j;
      }
      t.end = j;
      t.flags = kWord | extra;
      if (kClass.c[p[t.start]] & kU) t.flags |= kCap | kAllCaps;
      else if (upper >= 2 && lower == 0) t.flags |= kAllCaps;
      out.push_back(t);
      i = j;
      if (ch(i) == '-' && (cls(i + 1) & (kL | kD))) {
        hyphen = true;
        ++i;
      }
      continue;
    }
    const bool number = (c0 & kD) != 0;
    std::uint32_t j = i;
    int upper = 0, lower = 0;
    bool possessive = false, negation = false;
    for (;;) {
      std::uint8_t c;
      while (j < end && ((c = kClass.c[p[j]]) & (kL | kD))) {
        upper += (c & kU) != 0;
        lower += (c & kW) != 0;
        ++j;
      }
      unsigned char d = ch(j);
      if (number && (d == '.' || d == ',') && (cls(j + 1) & kD) && (cls(j - 1) & kD)) {
        ++j;
        continue;
      }
      if (d == '\'' && is_alpha_at(j + 1)) {
        bool word_end = !(cls(j + 2) & (kL | kD));
        if ((ch(j + 1) | 0x20) == 's' && word_end) {
          possessive = true;
          break;
        }
        if ((ch(j - 1) | 0x20) == 'n' && (ch(j + 1) | 0x20) == 't' && word_end && j - 1 > i) {
          negation = true;
          break;
        }
        ++j;  // O'Brien, d'Ivoire
        continue;
      }
      break;
    }
    std::uint32_t word_end = negation ? j - 1 : j;
    if (negation) lower -= (kClass.c[p[j - 1]] & kW) != 0, upper -= (kClass.c[p[j - 1]] & kU) != 0;
    t.end = word_end;
    t.flags = (number ? kNumber : kWord) | extra;
    if (c0 & kU) t.flags |= kCap;
    if (upper >= 2 && lower == 0) t.flags |= kAllCaps;
    std::uint32_t next = j;
    if (possessive) {
      t.flags |= kPossessive;
      next = j + 2;
    } else if (!negation && ch(j) == '\'' && (ch(j - 1) | 0x20) == 's' && !(cls(j + 1) & (kL | kD)) &&
               !number) {
      t.flags |= kPossessive;  // plural possessive: "allies'"
      next = j + 1;
    }
    out.push_back(t);
    if (negation) {
      RawTok nt;
      nt.start = j - 1;
      nt.end = j + 2;
      nt.flags = kWord;
      nt.is_not = true;
      out.push_back(nt);
      next = j + 2;
    }
    i = next;
    if (ch(i) == '-' && (cls(i + 1) & (kL | kD))) {
      hyphen = true;
      ++i;
    }
  }
}

void lex(std::string_view text, std::uint32_t begin, std::uint32_t end, const Vocab& vocab,
         const std::vector<std::uint16_t>& classes, std::vector<Tok>& out) {
  thread_local std::vector<RawTok> raw;
  raw.clear();
  lex_raw(text, begin, end, raw);
  char buf[64];
  TokenId not_id = vocab.find("not");
  for (const RawTok& r : raw) {
    Tok t;
    t.start = r.start;
    t.end = r.end;
    t.flags = r.flags;
    if (r.is_not) {
      t.id = not_id;
    } else {
      std::uint32_t n = r.end - r.start;
      if (n <= sizeof buf) {
        // Lower case and hash in one pass (the hash of Vocab::hash_word).
        std::uint64_t h = 14695981039346656037ull;
        for (std::uint32_t k = 0; k < n; ++k) {
          auto c = static_cast<unsigned char>(text[r.start + k]);
          c = static_cast<unsigned char>(is_upper(c) ? c + 32 : c);
          buf[k] = static_cast<char>(c);
          h = (h ^ c) * 1099511628211ull;
        }
        t.id = vocab.find_hashed(std::string_view(buf, n), h ^ (h >> 29));
      }
    }
    if (t.id < classes.size()) t.cls = classes[t.id];
    out.push_back(t);
  }
}

std::vector<std::string> lex_phrase(std::string_view phrase) {
  std::vector<RawTok> raw;
  lex_raw(phrase, 0, static_cast<std::uint32_t>(phrase.size()), raw);
  std::vector<std::string> words;
  std::string lower;
  for (const RawTok& r : raw) {
    if (r.is_not) {
      words.emplace_back("not");
      continue;
    }
    to_lower(phrase.substr(r.start, r.end - r.start), lower);
    words.push_back(lower);
  }
  return words;
}

}  // namespace dipgraph::ingest
