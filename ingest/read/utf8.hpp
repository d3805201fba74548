// UTF-8 helpers shared by the ingest stages: strict decoding (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), encoding, and the
// few character classes the normalizer, tokenizer and recognizers need
// (upper/lower case for Latin, Greek, Cyrillic, Armenian; punctuation and
// symbol blocks). Header-only so the hot loops inline it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dipgraph::ingest::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;
inline constexpr char32_t kInvalid = 0xFFFFFFFF;

struct Decoded {
  char32_t cp = kInvalid;  // kInvalid when the bytes at the position are not valid UTF-8
  std::uint32_t len = 1;   // bytes consumed: the character, or the maximal invalid subpart (>= 1)
};

// Decodes the character starting at s[i] (i < s.size()). An invalid sequence
// yields cp == kInvalid and len = the bytes to replace by one U+FFFD (the
// "maximal subpart" rule of Unicode, so decoding always makes progress).
inline Decoded decode(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const std::size_t left = s.size() - i;
  const unsigned c = p[0];
  if (c < 0x80) return {c, 1};
  if (c < 0xC2 || c > 0xF4) return {kInvalid, 1};
  auto cont = [&](std::size_t k) { return k < left && (p[k] & 0xC0) == 0x80; };
  if (c < 0xE0) {
    if (!cont(1)) return {kInvalid, 1};
    return {static_cast<char32_t>(((c & 0x1F) << 6) | (p[1] & 0x3F)), 2};
  }
  if (c < 0xF0) {
    if (left < 2) return {kInvalid, 1};
    const unsigned c1 = p[1];
    const bool ok1 = c == 0xE0   ? (c1 >= 0xA0 && c1 <= 0xBF)
                     : c == 0xED ? (c1 >= 0x80 && c1 <= 0x9F)
                                 : (c1 & 0xC0) == 0x80;
    if (!ok1) return {kInvalid, 1};
    if (!cont(2)) return {kInvalid, 2};
    return {static_cast<char32_t>(((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (p[2] & 0x3F)), 3};
  }
  if (left < 2) return {kInvalid, 1};
  const unsigned c1 = p[1];
  const bool ok1 = c == 0xF0   ? (c1 >= 0x90 && c1 <= 0xBF)
                   : c == 0xF4 ? (c1 >= 0x80 && c1 <= 0x8F)
                               : (c1 & 0xC0) == 0x80;
  if (!ok1) return {kInvalid, 1};
  if (!cont(2)) return {kInvalid, 2};
  if (!cont(3)) return {kInvalid, 3};
  return {static_cast<char32_t>(((c & 0x07) << 18) | ((c1 & 0x3F) << 12) | ((p[2] & 0x3F) << 6) |
                                (p[3] & 0x3F)),
          4};
}

// Appends the UTF-8 encoding of `cp` (a valid scalar value) to `out`.
inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// True for upper-case letters: ASCII, Latin-1, Latin Extended-A, the common
// Latin Extended-B letters of Romanian and others, Latin Extended Additional
// (Vietnamese), Greek, Cyrillic, Armenian.
inline bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c < 0x100) return c >= 0xC0 && c <= 0xDE && c != 0xD7;
  if (c < 0x180) {
    if (c <= 0x137) return c % 2 == 0;
    if (c <= 0x148) return c % 2 == 1;
    if (c <= 0x177) return c % 2 == 0;
    if (c == 0x178) return true;
    return c <= 0x17E && c % 2 == 1;
  }
  if (c >= 0x200 && c <= 0x233) return c % 2 == 0;
  if (c >= 0x386 && c <= 0x3AB) return c != 0x387 && c != 0x38B && c != 0x38D && c != 0x3A2;
  if (c >= 0x400 && c <= 0x42F) return true;
  if (c >= 0x460 && c <= 0x4FF) return c % 2 == 0 && !(c >= 0x482 && c <= 0x489);
  if (c >= 0x531 && c <= 0x556) return true;
  if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 0;
  return false;
}

// The lower-case letter of an upper-case one (is_upper), else `c` itself.
inline char32_t to_lower(char32_t c) {
  if (!is_upper(c)) return c;
  if (c < 0x80) return c + 32;
  if (c < 0x100) return c + 32;
  if (c < 0x180) return c == 0x178 ? 0xFF : c + 1;
  if (c < 0x234) return c + 1;
  if (c < 0x3AC) {
    if (c == 0x386) return 0x3AC;
    if (c <= 0x38A) return c + 37;
    if (c == 0x38C) return 0x3CC;
    if (c <= 0x38F) return c + 63;
    return c + 32;
  }
  if (c < 0x410) return c + 80;
  if (c < 0x430) return c + 32;
  if (c < 0x500) return c + 1;
  if (c < 0x557) return c + 48;
  return c + 1;
}

// True for lower-case letters of the scripts is_upper knows.
inline bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c < 0x100) return c >= 0xDF && c != 0xF7;
  if (c < 0x180) return !is_upper(c) && c != 0x138 && c != 0x149;
  if (c >= 0x200 && c <= 0x233) return c % 2 == 1;
  if (c >= 0x3AC && c <= 0x3CE) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  if (c >= 0x461 && c <= 0x4FF) return c % 2 == 1 && !(c >= 0x482 && c <= 0x489);
  if (c >= 0x561 && c <= 0x586) return true;
  if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 1;
  return false;
}

// True for code points that are punctuation, symbols, spaces or controls
// rather than parts of words: Latin-1 punctuation and symbols (but not ª µ º),
// × ÷, General Punctuation to Miscellaneous Symbols and Arrows (U+2000–U+2BFF),
// CJK punctuation, full-width ASCII punctuation, U+FFFD, emoji, and the
// Arabic and Devanagari sentence marks.
inline bool is_punct(char32_t c) {
  if (c < 0x80) {
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  }
  if (c < 0xC0) return c != 0xAA && c != 0xB5 && c != 0xBA;
  if (c == 0xD7 || c == 0xF7) return true;
  if (c == 0x60C || c == 0x61B || c == 0x61F || c == 0x6D4 || c == 0x964 || c == 0x965) return true;
  if (c >= 0x2000 && c <= 0x2BFF) return true;
  if (c >= 0x3000 && c <= 0x303F) return true;
  if (c >= 0xFE30 && c <= 0xFE4F) return true;
  if (c >= 0xFF01 && c <= 0xFF0F) return true;
  if (c >= 0xFF1A && c <= 0xFF20) return true;
  if (c == 0xFEFF || c == 0xFFFD || (c >= 0xFFF0 && c <= 0xFFFF)) return true;
  if (c >= 0x1F000 && c <= 0x1FAFF) return true;
  return false;
}

// `s` with every letter is_upper knows turned to lower case; invalid bytes
// are copied unchanged. For case-insensitive dictionary keys.
std::string lower(std::string_view s);

// Number of code points in `s` (continuation bytes are not counted).
inline std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace dipgraph::ingest::utf8
