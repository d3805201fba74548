// The extractor's word lexer and the word -> id vocabulary (lexer.hpp).
#include "ingest/syntax/lexer.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace dipgraph::ingest {

namespace {

inline bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool is_letter(unsigned char c) { return is_alpha(c) || c >= 0x80; }
inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(unsigned char c) { return is_letter(c) || is_digit(c); }
inline bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

namespace {

// The word hash over bytes that are already lower case: 8 bytes at a time,
// the last chunk zero-padded. `p` must be readable (and zero) up to the next
// multiple of 8 past n: callers pass a padded buffer.
inline std::uint64_t hash_padded(const unsigned char* p, std::size_t n) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xC2B2AE3D27D4EB4Full);
  for (std::size_t i = 0; i < n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  return h ^ (h >> 29);
}

// ASCII lower case of 8 bytes at once (bytes >= 0x80 kept).
inline std::uint64_t lower8(std::uint64_t x) {
  const std::uint64_t h = x & 0x7F7F7F7F7F7F7F7Full;
  const std::uint64_t ge_a = h + 0x3F3F3F3F3F3F3F3Full;  // high bit: byte >= 'A'
  const std::uint64_t gt_z = h + 0x2525252525252525ull;  // high bit: byte > 'Z'
  const std::uint64_t upper = (ge_a ^ gt_z) & ~x & 0x8080808080808080ull;
  return x | (upper >> 2);
}

// Lower-case copy of src[0, n) (n <= 64) into out, zero-padded up to the
// next multiple of 8 past n. `readable`: src may be read in whole 8-byte
// chunks (the text goes on past them).
inline void lower_padded(const unsigned char* src, std::uint32_t n, bool readable,
                         unsigned char* out) {
  if constexpr (std::endian::native == std::endian::little) {
    unsigned char tmp[72];
    if (!readable) {
      std::memset(tmp, 0, sizeof tmp);
      std::memcpy(tmp, src, n);
      src = tmp;
    }
    std::uint32_t k = 0;
    std::uint64_t x;
    for (; k + 8 <= n; k += 8) {
      std::memcpy(&x, src + k, 8);
      x = lower8(x);
      std::memcpy(out + k, &x, 8);
    }
    x = 0;
    if (k < n) {
      std::memcpy(&x, src + k, 8);
      x = lower8(x & (~0ull >> (64 - 8 * (n - k))));
    }
    std::memcpy(out + k, &x, 8);
  } else {
    for (std::uint32_t k = 0; k < n; ++k)
      out[k] = static_cast<unsigned char>(src[k] >= 'A' && src[k] <= 'Z' ? src[k] + 32 : src[k]);
    std::memset(out + n, 0, 8);
  }
}

// The check word of a slot: the hash's high 24 bits and the word's length
// (up to 255), so that a probe compares bytes only when both agree.
inline std::uint32_t check_of(std::uint64_t hash, std::size_t n) {
  return static_cast<std::uint32_t>(hash >> 40) << 8 | static_cast<std::uint32_t>(n < 255 ? n : 255);
}

}  // namespace

std::uint64_t Vocab::hash_word(std::string_view s) {
  // Words are hashed as their bytes, zero-padded to a multiple of 8.
  unsigned char small[72];
  std::vector<unsigned char> big;
  unsigned char* buf = small;
  if (s.size() + 8 > sizeof small) {
    big.resize(s.size() + 8);
    buf = big.data();
  }
  std::memcpy(buf, s.data(), s.size());
  std::memset(buf + s.size(), 0, 8);
  return hash_padded(buf, s.size());
}

void Vocab::add_chunks(std::string_view word) {
  chunk_begin_.push_back(static_cast<std::uint32_t>(chunks_.size()));
  for (std::size_t k = 0; k < word.size(); k += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, word.data() + k, std::min<std::size_t>(8, word.size() - k));
    chunks_.push_back(w);
  }
}

Vocab::Vocab() {
  words_.emplace_back();  // id 0 = kNoToken
  add_chunks({});
  rehash(1024);
}

void Vocab::place(TokenId id, std::uint64_t hash) {
  const std::string& w = words_[id];
  Slot slot;
  slot.id = id;
  slot.check = check_of(hash, w.size());
  std::memcpy(&slot.head, w.data(), std::min<std::size_t>(8, w.size()));
  std::size_t i = hash & mask_;
  while (slots_[i].id != 0) i = (i + 1) & mask_;
  slots_[i] = slot;
}

void Vocab::rehash(std::size_t capacity) {
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  for (std::uint32_t id = 1; id < words_.size(); ++id) place(id, hash_word(words_[id]));
}

TokenId Vocab::intern(std::string_view word) {
  if (word.empty()) return kNoToken;
  if (TokenId id = find(word)) return id;
  if ((words_.size() + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
  auto id = static_cast<TokenId>(words_.size());
  words_.emplace_back(word);
  add_chunks(word);
  if (word == "not") not_id_ = id;
  place(id, hash_word(word));
  return id;
}

TokenId Vocab::find_padded(const unsigned char* word, std::size_t n, std::uint64_t hash) const {
  std::size_t i = hash & mask_;
  const std::uint32_t check = check_of(hash, n);
  std::uint64_t head;
  std::memcpy(&head, word, 8);
  for (;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.id == 0) return kNoToken;
    if (slot.check != check || slot.head != head) continue;
    if (n <= 8) return slot.id;
    // Longer words: the other chunks.
    const std::uint64_t* c = chunks_.data() + chunk_begin_[slot.id];
    bool same = words_[slot.id].size() == n;
    for (std::size_t k = 8; k < n && same; k += 8) {
      std::uint64_t w;
      std::memcpy(&w, word + k, 8);
      same = w == c[k / 8];
    }
    if (same) return slot.id;
  }
}

TokenId Vocab::find(std::string_view word) const { return find_hashed(word, hash_word(word)); }

TokenId Vocab::find_hashed(std::string_view word, std::uint64_t hash) const {
  std::size_t i = hash & mask_;
  const std::uint32_t check = check_of(hash, word.size());
  for (;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.id == 0) return kNoToken;
    if (slot.check != check) continue;
    const std::string& w = words_[slot.id];
    if (w.size() == word.size() && std::memcmp(w.data(), word.data(), word.size()) == 0) return slot.id;
  }
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

namespace {

// The rules of lexer.hpp: calls emit(const RawTok&) for each word and
// punctuation byte of text[begin, end), in order.
template <class Emit>
inline void scan_raw(std::string_view text, std::uint32_t begin, std::uint32_t end, Emit&& emit) {
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
      emit(t);
      ++i;
      continue;
    }
    // Dotted initials: "U.S.", "U.N.", "F.W.", "U.S" (letter '.' letter ...).
    if (ch(i + 1) == '.' && is_alpha_at(i) && is_alpha_at(i + 2) &&
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
      emit(t);
      i = j;
      if (ch(i) == '-' && (cls(i + 1) & (kL | kD))) {
        hyphen = true;
        ++i;
      }
      continue;
    }
    // "cannot" is "can" and "not", as the treebank writes it.
    auto is_cannot = [&](std::uint32_t b, std::uint32_t e) {
      static constexpr char kWord6[] = "cannot";
      if (e - b != 6) return false;
      for (int k = 0; k < 6; ++k)
        if ((ch(b + k) | 0x20) != kWord6[k]) return false;
      return true;
    };
    const bool number = (c0 & kD) != 0;
    std::uint32_t j = i + 1;
    while (j < end && (kClass.c[p[j]] & (kL | kD))) ++j;
    {
      // Most words end at a space or at punctuation that cannot go on with
      // them (no ' or -, no "2.5"): done.
      unsigned char d = ch(j);
      if (d != '\'' && d != '-' && !(number && (d == '.' || d == ',')) && !is_cannot(i, j)) {
        t.end = j;
        t.flags = (number ? kNumber : kWord) | extra;
        if (c0 & kU) t.flags |= kCap;
        if (!(c0 & kW)) {
          int upper = 0, lower = 0;
          for (std::uint32_t k = i; k < j; ++k) {
            upper += (kClass.c[p[k]] & kU) != 0;
            lower += (kClass.c[p[k]] & kW) != 0;
          }
          if (upper >= 2 && lower == 0) t.flags |= kAllCaps;
        }
        emit(t);
        i = j;
        continue;
      }
    }
    bool possessive = false, negation = false;
    for (;;) {
      while (j < end && (kClass.c[p[j]] & (kL | kD))) ++j;
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
    const bool cannot = !negation && !possessive && is_cannot(i, j);
    std::uint32_t word_end = negation ? j - 1 : cannot ? i + 3 : j;
    t.end = word_end;
    t.flags = (number ? kNumber : kWord) | extra;
    if (c0 & kU) t.flags |= kCap;
    if (!(c0 & kW)) {  // all capitals: two or more upper-case letters, no lower-case one
      int upper = 0, lower = 0;
      for (std::uint32_t k = i; k < word_end; ++k) {
        upper += (kClass.c[p[k]] & kU) != 0;
        lower += (kClass.c[p[k]] & kW) != 0;
      }
      if (upper >= 2 && lower == 0) t.flags |= kAllCaps;
    }
    std::uint32_t next = j;
    if (possessive) {
      t.flags |= kPossessive;
      next = j + 2;
    } else if (!negation && ch(j) == '\'' && (ch(j - 1) | 0x20) == 's' && !(cls(j + 1) & (kL | kD)) &&
               !number) {
      t.flags |= kPossessive;  // plural possessive: "allies'"
      next = j + 1;
    }
    emit(t);
    if (negation || cannot) {
      RawTok nt;
      nt.start = negation ? j - 1 : i + 3;
      nt.end = negation ? j + 2 : j;
      nt.flags = kWord;
      nt.is_not = true;
      emit(nt);
      next = negation ? j + 2 : j;
    }
    i = next;
    if (ch(i) == '-' && (cls(i + 1) & (kL | kD))) {
      hyphen = true;
      ++i;
    }
  }
}

}  // namespace

void lex_raw(std::string_view text, std::uint32_t begin, std::uint32_t end,
             std::vector<RawTok>& out) {
  scan_raw(text, begin, end, [&](const RawTok& t) { out.push_back(t); });
}

void lex(std::string_view text, std::uint32_t begin, std::uint32_t end, const Vocab& vocab,
         const std::vector<std::uint16_t>& classes, std::vector<Tok>& out) {
  const TokenId not_id = vocab.not_id();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  // Lower-case bytes of the word, zero-padded for hash_padded.
  alignas(8) unsigned char buf[64 + 8];
  const std::uint16_t* cls = classes.data();
  const std::size_t ncls = classes.size();
  scan_raw(text, begin, end, [&](const RawTok& r) {
    Tok t;
    t.start = r.start;
    t.end = r.end;
    t.flags = r.flags;
    if (r.is_not) {
      t.id = not_id;
    } else {
      std::uint32_t n = r.end - r.start;
      if (n <= 64) {
        lower_padded(p + r.start, n, r.start + ((n + 7u) & ~7u) <= size, buf);
        t.id = vocab.find_padded(buf, n, hash_padded(buf, n));
      }
    }
    if (t.id < ncls) t.cls = cls[t.id];
    out.push_back(t);
  });
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
