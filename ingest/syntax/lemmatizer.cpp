// Lemmatizer: see lemmatizer.hpp. Word classes are WordNet's letters (n v a
// r) plus p (pronoun) and d (determiner) for the extra table; a table entry
// of class x applies to every word.
#include "ingest/syntax/lemmatizer.hpp"

#include <cstdint>
#include <fstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "graph/error.hpp"
#include "ingest/syntax/huge_pages.hpp"

namespace dipgraph::syntax {

namespace {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

constexpr int kClasses = 7;  // n v a r p d x
int class_index(char c) {
  switch (c) {
    case 'n': return 0;
    case 'v': return 1;
    case 'a': return 2;
    case 'r': return 3;
    case 'p': return 4;
    case 'd': return 5;
    case 'x': return 6;
    default: return -1;
  }
}

struct Rule {
  std::string suffix, ending;
};

// A frozen StringMap: its entries in a vector, found through an open
// addressing table of (full hash, entry + 1) slots, so that a lookup costs
// one hash, one slot read (a miss ends there unless two full hashes are
// equal) and one key compare, without the node chains and the division
// of std::unordered_map. Both arrays take huge pages from 2 MB on (the
// word table: about 4 MB of slots and 3 MB of entries, read at random).
template <class V>
class FlatMap {
 public:
  void freeze(StringMap<V>&& from) {
    entries_.clear();
    entries_.reserve(from.size());
    for (auto& [k, v] : from) entries_.emplace_back(k, std::move(v));
    from.clear();
    std::size_t cap = 16;
    while (cap < entries_.size() * 2) cap <<= 1;
    slots_.assign(cap, Slot{0, 0});
    mask_ = cap - 1;
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      const std::uint64_t h = StringHash{}(entries_[e].first);
      std::uint64_t p = h & mask_;
      while (slots_[p].entry) p = (p + 1) & mask_;
      slots_[p] = Slot{h, static_cast<std::uint32_t>(e + 1)};
    }
  }
  // The value of `key`, or null.
  const V* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t h = StringHash{}(key);
    for (std::uint64_t p = h & mask_;; p = (p + 1) & mask_) {
      const Slot& sl = slots_[p];
      if (!sl.entry) return nullptr;
      if (sl.hash == h && entries_[sl.entry - 1].first == key)
        return &entries_[sl.entry - 1].second;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash;
    std::uint32_t entry;  // index into entries_ + 1; 0: empty
  };
  HugeVector<std::pair<std::string, V>> entries_;
  HugeVector<Slot> slots_;
  std::uint64_t mask_ = 0;
};

}  // namespace

struct Lemmatizer::Tables {
  FlatMap<std::string> exc[kClasses];
  FlatMap<std::uint8_t> words;  // bit per class n v a r
  std::vector<Rule> rules[4];
};

Lemmatizer::Lemmatizer() : t_(std::make_unique<Tables>()) {}

bool Lemmatizer::noun_index_word(std::string_view lemma) const {
  const std::uint8_t* w = t_->words.find(lemma);
  return w && (*w & 1);
}

bool Lemmatizer::verb_index_word(std::string_view lemma) const {
  const std::uint8_t* w = t_->words.find(lemma);
  return w && (*w & 2);  // bit 1: a verb index word
}

bool Lemmatizer::adjective_index_word(std::string_view word) const {
  const std::uint8_t* w = t_->words.find(word);
  return w && (*w & 4);  // bit 2: an adjective index word
}

bool Lemmatizer::adverb_index_word(std::string_view word) const {
  const std::uint8_t* w = t_->words.find(word);
  return w && (*w & 8);  // bit 3: an adverb index word
}

bool Lemmatizer::verb_form_only(std::string_view form) const {
  if (!t_->exc[1].find(form)) return false;
  const std::uint8_t* w = t_->words.find(form);
  return !w || !(*w & 1);  // bit 0: a noun index word
}
bool Lemmatizer::noun_form_only(std::string_view form) const {
  const Tables& t = *t_;
  if (t.exc[1].find(form)) return false;
  // The word itself or a stem by a suffix rule of class k is an index word
  // of that class.
  char buf[64];
  auto reads_as = [&](int k) {
    if (const std::uint8_t* w = t.words.find(form); w && (*w & (1u << k))) return true;
    if (t.exc[k].find(form)) return true;
    if (form.size() >= sizeof buf) return false;
    for (const Rule& r : t.rules[k]) {
      if (form.size() <= r.suffix.size() || !form.ends_with(r.suffix)) continue;
      const std::size_t stem = form.size() - r.suffix.size();
      if (stem + r.ending.size() >= sizeof buf) continue;
      std::copy(form.begin(), form.begin() + static_cast<std::ptrdiff_t>(stem), buf);
      std::copy(r.ending.begin(), r.ending.end(), buf + stem);
      const std::uint8_t* w = t.words.find(std::string_view(buf, stem + r.ending.size()));
      if (w && (*w & (1u << k))) return true;
    }
    return false;
  };
  return reads_as(0) && !reads_as(1) && !reads_as(2);
}

bool Lemmatizer::irregular_verb_form(std::string_view form) const {
  return t_->exc[1].find(form) != nullptr;
}
Lemmatizer::~Lemmatizer() = default;

std::unique_ptr<Lemmatizer> Lemmatizer::load(const std::vector<std::string>& paths) {
  std::unique_ptr<Lemmatizer> lz(new Lemmatizer());
  Tables& t = *lz->t_;
  StringMap<std::uint8_t> words;
  StringMap<std::string> exc[kClasses];
  words.reserve(100000);
  for (std::size_t fi = 0; fi < paths.size(); ++fi) {
    const std::string& path = paths[fi];
    std::ifstream in(path);
    if (!in) {
      if (fi == 0) throw Error(fmt::format("{}: cannot open", path));
      continue;
    }
    std::string line;
    std::size_t lineno = 0;
    bool header = false;
    while (std::getline(in, line)) {
      ++lineno;
      if (line.empty() || line[0] == '#') continue;
      auto fail = [&](const std::string& why) {
        throw Error(fmt::format("{}:{}: {}", path, lineno, why));
      };
      std::string_view f[4];
      std::size_t n = 0, start = 0;
      std::string_view sv(line);
      for (;;) {
        std::size_t tab = sv.find('\t', start);
        if (n == 4) fail("more than 4 fields");
        if (tab == std::string_view::npos) {
          f[n++] = sv.substr(start);
          break;
        }
        f[n++] = sv.substr(start, tab - start);
        start = tab + 1;
      }
      if (!header) {
        if (line != "kind\ta\tb\tc") fail("header must be 'kind<TAB>a<TAB>b<TAB>c'");
        header = true;
        continue;
      }
      if (n != 4) fail(fmt::format("{} fields, expected 4", n));
      if (f[0] == "word") {
        std::uint8_t bits = 0;
        for (char c : f[2]) {
          int k = class_index(c);
          if (k < 0 || k > 3) fail(fmt::format("bad word class '{}'", c));
          bits |= static_cast<std::uint8_t>(1u << k);
        }
        words[std::string(f[1])] |= bits;
      } else if (f[0] == "exc") {
        int k = f[1].size() == 1 ? class_index(f[1][0]) : -1;
        if (k < 0) fail(fmt::format("bad word class '{}'", f[1]));
        if (f[2].empty() || f[3].empty()) fail("empty form or lemma");
        exc[k].try_emplace(std::string(f[2]), std::string(f[3]));
      } else if (f[0] == "rule") {
        int k = f[1].size() == 1 ? class_index(f[1][0]) : -1;
        if (k < 0 || k > 3) fail(fmt::format("bad word class '{}'", f[1]));
        if (f[2].empty()) fail("empty suffix");
        t.rules[k].push_back({std::string(f[2]), std::string(f[3])});
      } else {
        fail(fmt::format("unknown kind '{}'", f[0]));
      }
    }
    if (!header) throw Error(fmt::format("{}: empty file", path));
  }
  t.words.freeze(std::move(words));
  for (int k = 0; k < kClasses; ++k) t.exc[k].freeze(std::move(exc[k]));
  return lz;
}

std::string Lemmatizer::lemma(std::string_view word, Upos upos, std::uint8_t xpos) const {
  std::string out;
  lemma_into(word, upos, xpos, out);
  return out;
}

void Lemmatizer::lemma_into(std::string_view word, Upos upos, std::uint8_t xpos,
                            std::string& out) const {
  const Tables& t = *t_;
  out.assign(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  // Typographic apostrophes read as ASCII ones ("n’t").
  if (out.find('\xE2') != std::string::npos) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < out.size(); ++r) {
      if (out.compare(r, 3, "\xE2\x80\x99") == 0) {
        out[w++] = '\'';
        r += 2;
      } else {
        out[w++] = out[r];
      }
    }
    out.resize(w);
  }
  if (const std::string* it = t.exc[6].find(out)) {
    out = *it;
    return;
  }
  int k = -1;
  switch (upos) {
    case Upos::NOUN: k = 0; break;
    case Upos::VERB: case Upos::AUX: k = 1; break;
    case Upos::ADJ: k = 2; break;
    case Upos::ADV: k = 3; break;
    case Upos::PRON: k = 4; break;
    case Upos::DET: k = 5; break;
    default: return;
  }
  if (const std::string* it = t.exc[k].find(out)) {
    // A singular noun stays as it is ("data" NN is no "datum").
    std::string_view x = xpos < xpos_names().size() ? std::string_view(xpos_names()[xpos]) : "";
    if (!(k == 0 && x == "NN")) out = *it;
    return;
  }
  if (k > 3) return;
  // Tagged base forms keep the word; inflected or untagged ones take the
  // first suffix rule whose stem is an index word of the class (as morphy's
  // shortest candidate would).
  std::string_view x = xpos < xpos_names().size() ? std::string_view(xpos_names()[xpos]) : "";
  auto known = [&](std::string_view w) {
    const std::uint8_t* it = t.words.find(w);
    return it && (*it & (1u << k));
  };
  if (x == "NN" || x == "VB" || x == "VBP" || x == "JJ" || x == "RB" || x == "NNP") return;
  char buf[64];
  if (out.size() < sizeof buf) {
    for (const Rule& r : t.rules[k]) {
      if (out.size() <= r.suffix.size()) continue;
      if (out.compare(out.size() - r.suffix.size(), r.suffix.size(), r.suffix) != 0) continue;
      std::size_t stem = out.size() - r.suffix.size();
      if (stem + r.ending.size() >= sizeof buf) continue;
      std::copy(out.begin(), out.begin() + stem, buf);
      std::copy(r.ending.begin(), r.ending.end(), buf + stem);
      std::string_view cand(buf, stem + r.ending.size());
      if (known(cand)) {
        out.assign(cand);
        return;
      }
    }
  }
}

}  // namespace dipgraph::syntax
