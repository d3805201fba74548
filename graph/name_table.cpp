// NameTable and the name folding and edit distance behind every "did you
// mean" of the command line.
#include "graph/name_table.hpp"

#include <algorithm>

namespace dipgraph {

namespace {

// Base letters of U+00C0..U+00FF ('*' not a letter; '1' "ae", '2' "th", '3' "ss").
constexpr std::string_view kLatin1 =
    "aaaaaa1ceeeeiiiidnooooo*ouuuuy23aaaaaa1ceeeeiiiidnooooo*ouuuuy2y";
// Base letters of U+0100..U+017F ('4' "ij", '5' "oe").
constexpr std::string_view kLatinA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii44jjkkklllllll"
    "lllnnnnnnnnnoooooo55rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatin1.size() == 64 && kLatinA.size() == 128);

// Decodes one UTF-8 character at s[i]; returns its length (1 for a bad byte).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    cp = 0xFFFD;
    return 1;
  }
  cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return n;
}

// The ASCII letters a Latin letter folds to; empty if it is no such letter.
std::string_view latin_base(char32_t cp) {
  static constexpr std::string_view kMulti[] = {"ae", "th", "ss", "ij", "oe"};
  char c = 0;
  if (cp >= 0xC0 && cp <= 0xFF)
    c = kLatin1[cp - 0xC0];
  else if (cp >= 0x100 && cp <= 0x17F)
    c = kLatinA[cp - 0x100];
  else if (cp == 0x1A0 || cp == 0x1A1)
    c = 'o';
  else if (cp == 0x1AF || cp == 0x1B0)
    c = 'u';
  else if (cp >= 0x1EA0 && cp <= 0x1EF9)  // Vietnamese: Ạ .. ỹ
    c = cp <= 0x1EB7   ? 'a'
        : cp <= 0x1EC7 ? 'e'
        : cp <= 0x1ECB ? 'i'
        : cp <= 0x1EE3 ? 'o'
        : cp <= 0x1EF1 ? 'u'
                       : 'y';
  if (c == 0 || c == '*') return {};
  if (c >= '1' && c <= '5') return kMulti[c - '1'];
  static const std::string kSingle = "abcdefghijklmnopqrstuvwxyz";
  return std::string_view(kSingle).substr(static_cast<std::size_t>(c - 'a'), 1);
}

}  // namespace

std::string fold_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool gap = false;
  auto letters = [&](std::string_view s) {
    if (gap && !out.empty()) out += ' ';
    gap = false;
    out += s;
  };
  for (std::size_t i = 0; i < name.size();) {
    char32_t cp;
    std::size_t n = decode(name, i, cp);
    std::string_view raw = name.substr(i, n);
    i += n;
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        letters(std::string_view(&c, 1));
      else if (c != '.' && c != '\'')
        gap = true;
    } else if (cp == 0x2019 || cp == 0x2018 || (cp >= 0x300 && cp <= 0x36F)) {
      // apostrophes and combining accents vanish
    } else if (std::string_view base = latin_base(cp); !base.empty()) {
      letters(base);
    } else if (cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0 ||
               cp == 0xFFFD) {
      gap = true;  // punctuation and spaces
    } else {
      letters(raw);  // other scripts as written
    }
  }
  if (out.size() > 4 && out.compare(0, 4, "the ") == 0) out.erase(0, 4);
  return out;
}

void NameTable::add(std::string_view name, NameEntry entry) {
  std::string key = fold_name(name);
  if (key.empty()) return;
  auto& entries = names_[std::move(key)];
  for (NameEntry& e : entries)
    if (e.id == entry.id && e.from == entry.from && e.to == entry.to) {
      if (entry.rank < e.rank) e = std::move(entry);
      return;
    }
  entries.push_back(std::move(entry));
}

const std::vector<NameEntry>& NameTable::find(std::string_view query) const {
  static const std::vector<NameEntry> kNone;
  auto it = names_.find(fold_name(query));
  return it == names_.end() ? kNone : it->second;
}

std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t max_d) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > max_d) return max_d + 1;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max_d) return max_d + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::size_t suggestion_distance(std::size_t length) {
  return std::clamp<std::size_t>(length / 3, 1, 3);
}

std::vector<std::string> nearest_words(std::string_view word,
                                       const std::vector<std::string>& choices, std::size_t max) {
  std::string w = fold_name(word);
  std::size_t max_d = suggestion_distance(w.size());
  std::vector<std::pair<std::size_t, std::size_t>> scored;  // distance, index
  for (std::size_t i = 0; i < choices.size(); ++i) {
    std::string c = fold_name(choices[i]);
    std::size_t d = w.size() >= 2 && c.size() > w.size() && c.compare(0, w.size(), w) == 0
                        ? 1
                        : bounded_edit_distance(w, c, max_d);
    if (d <= max_d) scored.emplace_back(d, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, i] : scored) {
    if (out.size() == max) break;
    if (std::find(out.begin(), out.end(), choices[i]) == out.end()) out.push_back(choices[i]);
  }
  return out;
}

std::string did_you_mean(const std::vector<std::string>& near) {
  if (near.empty()) return {};
  std::string out = "; did you mean ";
  for (std::size_t i = 0; i < near.size(); ++i)
    out += (i == 0 ? "" : i + 1 == near.size() ? " or " : ", ") + near[i];
  return out + "?";
}

}  // namespace dipgraph
