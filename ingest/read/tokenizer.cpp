// tokenize: normalized text -> word, number and punctuation tokens with
// byte offsets. One forward pass with a byte-class table; non-ASCII
// characters are decoded only to tell letters from punctuation.
//
// Words: letters of any script and digits, with inner ' and - ("Sharif's",
// "Pakistan-Russia", "COVID-19"); initialisms keep their dots ("U.S.",
// "e.g."). Numbers: digits with inner . , : before a digit ("2.5", "1,000",
// "10:30"); a number running into letters is a word ("1970s", "5G").
// Anything else is one token per character.
#include <array>
#include <string_view>
#include <vector>

#include "ingest/read/document.hpp"
#include "ingest/read/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dipgraph::ingest {
namespace {

enum : std::uint8_t { kSpace, kAlpha, kDigit, kPunct, kHigh };

constexpr std::array<std::uint8_t, 256> make_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    std::uint8_t k = kPunct;
    if (c >= 0x80)
      k = kHigh;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      k = kAlpha;
    else if (c >= '0' && c <= '9')
      k = kDigit;
    else if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
      k = kSpace;
    t[c] = k;
  }
  return t;
}
constexpr std::array<std::uint8_t, 256> kClass = make_classes();

constexpr std::array<bool, 256> make_ascii_word() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = kClass[c] == kAlpha || kClass[c] == kDigit;
  return t;
}
constexpr std::array<bool, 256> kAsciiWord = make_ascii_word();

inline std::uint8_t cls(std::string_view s, std::size_t i) {
  return kClass[static_cast<unsigned char>(s[i])];
}

// Bytes of the word character at i (letter or digit of any script), or 0.
inline std::uint32_t word_char(std::string_view s, std::size_t i) {
  const std::uint8_t k = cls(s, i);
  if (k == kAlpha || k == kDigit) return 1;
  if (k != kHigh) return 0;
  const utf8::Decoded d = utf8::decode(s, i);
  return (d.cp == utf8::kInvalid || utf8::is_punct(d.cp)) ? 0 : d.len;
}

// First index at or after j (< n) that is not an ASCII letter or digit, or n.
// Sixteen bytes at a time where SSE2 is there (x86-64 always has it).
inline std::size_t skip_ascii_word(const unsigned char* p, std::size_t j, std::size_t n) {
#if defined(__SSE2__)
  while (j + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j));
    // 'a'..'z' after or-ing 0x20, and '0'..'9', moved to the bottom of the
    // signed range so one signed compare tests each range.
    const __m128i alpha =
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8(128 - 'a')),
                       _mm_set1_epi8(-128 + 26));
    const __m128i digit =
        _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(128 - '0')), _mm_set1_epi8(-128 + 10));
    const unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(alpha, digit))) &
                          0xFFFFu;
    if (stop != 0) return j + static_cast<std::size_t>(__builtin_ctz(stop));
    j += 16;
  }
#endif
  while (j < n && kAsciiWord[p[j]]) ++j;
  return j;
}

// scan_word past the first byte that is not an ASCII letter or digit.
std::size_t scan_word_rest(std::string_view s, std::size_t j) {
  const std::size_t n = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (j < n) {
    const std::uint8_t k = cls(s, j);
    if (k == kAlpha || k == kDigit) {
      j = skip_ascii_word(p, j + 1, n);
      continue;
    }
    if (k == kHigh) {
      const std::uint32_t len = word_char(s, j);
      if (len == 0) break;
      j = skip_ascii_word(p, j + len, n);
      continue;
    }
    if ((s[j] == '\'' || s[j] == '-') && j + 1 < n && word_char(s, j + 1) != 0) {
      j = skip_ascii_word(p, j + 1, n);
      continue;
    }
    break;
  }
  return j;
}

// End of the word that continues at j (letters, digits, inner ' and -).
inline std::size_t scan_word(std::string_view s, std::size_t j) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  j = skip_ascii_word(p, j, s.size());
  // The common end of a word: a space, or punctuation other than ' and -.
  if (j >= s.size()) return j;
  const std::uint8_t k = kClass[p[j]];
  if (k == kSpace || (k == kPunct && p[j] != '\'' && p[j] != '-')) return j;
  return scan_word_rest(s, j);
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 4);
  const std::size_t n = text.size();
  std::size_t i = 0;
  auto emit = [&](std::size_t b, std::size_t e, TokenShape shape, bool cap) {
    out.push_back(Token{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), shape, cap});
  };
  while (i < n) {
    const std::uint8_t k = cls(text, i);
    if (k == kSpace) {
      ++i;
      continue;
    }
    if (k == kAlpha) {
      // Initialisms: "U.S.", "U.N.", "e.g." (letter-dot pairs, two or more).
      if (i + 3 < n && text[i + 1] == '.' && cls(text, i + 2) == kAlpha && text[i + 3] == '.') {
        std::size_t j = i;
        while (j + 1 < n && cls(text, j) == kAlpha && text[j + 1] == '.') j += 2;
        if (j >= i + 4) {
          emit(i, j, TokenShape::word, text[i] >= 'A' && text[i] <= 'Z');
          i = j;
          continue;
        }
      }
      const std::size_t j = scan_word(text, i + 1);
      emit(i, j, TokenShape::word, text[i] >= 'A' && text[i] <= 'Z');
      i = j;
      continue;
    }
    if (k == kDigit) {
      std::size_t j = i + 1;
      while (j < n) {
        if (cls(text, j) == kDigit) {
          ++j;
        } else if ((text[j] == '.' || text[j] == ',' || text[j] == ':') && j + 1 < n &&
                   cls(text, j + 1) == kDigit) {
          j += 2;
        } else {
          break;
        }
      }
      if (j < n && word_char(text, j) != 0) {  // "1970s", "5G"
        j = scan_word(text, j);
        emit(i, j, TokenShape::word, false);
      } else {
        emit(i, j, TokenShape::number, false);
      }
      i = j;
      continue;
    }
    if (k == kHigh) {
      const utf8::Decoded d = utf8::decode(text, i);
      if (d.cp != utf8::kInvalid && !utf8::is_punct(d.cp)) {
        const std::size_t j = scan_word(text, i + d.len);
        emit(i, j, TokenShape::word, utf8::is_upper(d.cp));
        i = j;
        continue;
      }
      if (d.cp == 0xA0 || (d.cp >= 0x2000 && d.cp <= 0x200B) || d.cp == 0x3000) {
        i += d.len;  // odd spaces, when tokenizing text that was not normalized
        continue;
      }
      emit(i, i + d.len, TokenShape::punct, false);
      i += d.len;
      continue;
    }
    emit(i, i + 1, TokenShape::punct, false);
    ++i;
  }
  return out;
}

}  // namespace dipgraph::ingest
