// Tagger: see tagger.hpp. Training keeps sparse float rows with lazy
// averaging; the saved model keeps, per feature key, the int16 weights of the
// classes that survived pruning. Tagging computes each word's hashes once,
// then one open-addressing probe per feature key.
#include "ingest/syntax/tagger.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <ostream>
#include <random>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "graph/error.hpp"
#include "ingest/syntax/conllu.hpp"
#include "ingest/syntax/huge_pages.hpp"
#include "ingest/syntax/row_sums.hpp"
#include "ingest/syntax/tagger_detail.hpp"

namespace dipgraph::syntax {

const char* const kEwtAttribution =
    "Trained on Universal Dependencies English Web Treebank (UD_English-EWT).\n"
    "Universal Dependencies English Web Treebank annotations (c) 2013-2021 by The Board of\n"
    "Trustees of The Leland Stanford Junior University. Licensed under Creative Commons\n"
    "Attribution-ShareAlike 4.0 International (CC BY-SA 4.0); this model is derived from them\n"
    "and is distributed under the same licence. Cite: Silveira et al., \"A Gold Standard\n"
    "Dependency Corpus for English\", LREC 2014.\n";

using namespace tagger_detail;


Tagger::Tagger() : model_(std::make_unique<Model>()) {}
Tagger::~Tagger() = default;
const std::string& Tagger::header() const { return model_->header; }

void Tagger::tag(const std::vector<std::string_view>& words, Analysis& a, TaggerScratch& s) const {
  static const std::vector<int> kNone;
  tag(words, kNone, a, s);
}

int Tagger::class_of(Upos upos, std::string_view xpos) const {
  const auto& names = xpos_names();
  for (std::size_t c = 0; c < model_->classes.size(); ++c)
    if (model_->classes[c].upos == upos && names[model_->classes[c].xpos] == xpos) return static_cast<int>(c);
  return -1;
}

void Tagger::tag(const std::vector<std::string_view>& words, const std::vector<int>& fixed, Analysis& a,
                 TaggerScratch& s) const {
  const Model& m = *model_;
  const int n = static_cast<int>(words.size());
  a.upos.resize(n);
  a.xpos.resize(n);
  if (n == 0) return;
  hash_words(words, s);
  s.pass1.resize(n);
  s.pass2.resize(n);
  s.keys.resize(kMaxKeys);
  s.scores.resize(m.pass[0].width);
  const int nc = static_cast<int>(m.classes.size());
  static_assert(kMaxClasses <= 256);
  s.margin.resize(n);
  auto run = [&](int p, std::vector<int>& out, const int* right) {
    for (int i = 0; i < n; ++i) {
      // The second pass keeps a sure first-pass class, and a fixed or
      // dictionary class (its margin set to the maximum in the first pass),
      // so the dictionary is looked up once a word.
      if (p == 1 && s.margin[i] >= kSure) {
        out[i] = s.pass1[i];
        continue;
      }
      int d = static_cast<std::size_t>(i) < fixed.size() && fixed[i] < nc ? fixed[i] : -1;
      if (d < 0) d = m.lookup(s.form[i]);
      if (d >= 0) {
        out[i] = d;
        s.margin[i] = std::numeric_limits<std::int32_t>::max();
        continue;
      }
      int nk = features(s, i, n, out.data(), right, s.keys.data());
      std::fill(s.scores.begin(), s.scores.end(), 0);
      m.pass[p].score(s.keys.data(), nk, s.scores.data());
      // The first highest class; in the first pass also the margin over
      // the highest of the others.
      int best = 0, other = 0;
      detail::best_column(s.scores.data(), nc, -1, best);
      out[i] = best;
      if (p == 0)
        s.margin[i] = s.scores[best] - detail::best_column(s.scores.data(), nc, best, other);
    }
  };
  run(0, s.pass1, nullptr);
  run(1, s.pass2, s.pass1.data());
  for (int i = 0; i < n; ++i) {
    a.upos[i] = m.classes[s.pass2[i]].upos;
    a.xpos[i] = m.classes[s.pass2[i]].xpos;
  }
}

TaggerScores Tagger::evaluate(const std::vector<ConlluSentence>& gold) const {
  TaggerScores sc;
  TaggerScratch s;
  Analysis a;
  std::vector<std::string_view> words;
  std::size_t up = 0, xp = 0;
  const auto& xn = xpos_names();
  for (const auto& sent : gold) {
    words.clear();
    for (const auto& w : sent.words) words.emplace_back(w.form);
    tag(words, a, s);
    for (std::size_t i = 0; i < words.size(); ++i) {
      ++sc.words;
      if (upos_name(a.upos[i]) == sent.words[i].upos) ++up;
      if (xn[a.xpos[i]] == sent.words[i].xpos) ++xp;
    }
  }
  if (sc.words) {
    sc.upos = 100.0 * up / sc.words;
    sc.xpos = 100.0 * xp / sc.words;
  }
  return sc;
}


namespace {

template <class T>
void put(std::ostream& out, const T& v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}
void put_varint(std::ostream& out, std::uint64_t v) {
  char b[10];
  int n = 0;
  while (v >= 0x80) {
    b[n++] = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  b[n++] = static_cast<char>(v);
  out.write(b, n);
}
template <class T>
void put_vec(std::ostream& out, const std::vector<T>& v) {
  put(out, static_cast<std::uint64_t>(v.size()));
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
}

}  // namespace

bool Tagger::save(const std::string& path) const {
  const Model& m = *model_;
  std::ofstream out(path, std::ios::binary);
  if (!out) return false;
  out << kMagic;
  std::istringstream hdr(m.header);
  std::string line;
  while (std::getline(hdr, line)) out << "# " << line << '\n';
  out << '\n';
  // Model file, version 2: the magic line, the header as "# " lines, an
  // empty line, then little-endian binary: u32 "TAG2", u32 class count,
  // per class u8 XPOS + u8 UPOS, the dictionary (u64 count + u64 word
  // hashes, u64 count + u8 classes), then per pass: varint row count, and
  // per row (keys increasing) varint key minus the previous key, varint
  // entry count, per entry u8 class + zigzag varint int16 weight; last the
  // u32 "END!". Varints are LEB128. Version 1 ("TAG1") stored each pass as
  // three arrays: u64 keys, u32 row starts, u32 entries (class | weight << 16).
  put(out, static_cast<std::uint32_t>(0x54414732));  // "TAG2"
  put(out, static_cast<std::uint32_t>(m.classes.size()));
  for (const Class& c : m.classes) {
    put(out, c.xpos);
    put(out, static_cast<std::uint8_t>(c.upos));
  }
  std::vector<std::uint64_t> dk;
  std::vector<std::uint8_t> dv;
  for (auto& [k, v] : m.dict) dk.push_back(k), dv.push_back(v);
  put_vec(out, dk);
  put_vec(out, dv);
  for (const Frozen& f : m.pass) {
    put_varint(out, f.keys.size());
    std::uint64_t prev = 0;
    for (std::size_t i = 0; i < f.keys.size(); ++i) {
      put_varint(out, f.keys[i] - prev);
      prev = f.keys[i];
      put_varint(out, f.begin[i + 1] - f.begin[i]);
      for (std::uint32_t e = f.begin[i]; e < f.begin[i + 1]; ++e) {
        const std::uint32_t x = f.entries[e];
        put(out, static_cast<std::uint8_t>(x & 0xff));
        const std::int32_t w = static_cast<std::int16_t>(x >> 16);
        put_varint(out, w >= 0 ? 2 * static_cast<std::uint32_t>(w) : 2 * static_cast<std::uint32_t>(-w) - 1);
      }
    }
  }
  put(out, static_cast<std::uint32_t>(0x454e4421));  // "END!"
  return static_cast<bool>(out.flush());
}

std::unique_ptr<Tagger> Tagger::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot open tagger model", path));
  auto bad = [&](const char* why) { return Error(fmt::format("{}: {}", path, why)); };
  std::string line;
  if (!std::getline(in, line) || (line + "\n" != kMagic && line + "\n" != kMagic1))
    throw bad("not a dipgraph tagger model");
  const bool v1 = line + "\n" == kMagic1;
  std::unique_ptr<Tagger> t(new Tagger());
  Model& m = *t->model_;
  while (std::getline(in, line) && !line.empty()) {
    if (line.rfind("# ", 0) != 0) throw bad("damaged header");
    m.header += line.substr(2) + '\n';
  }
  auto get = [&](auto& v) {
    if (!in.read(reinterpret_cast<char*>(&v), sizeof v)) throw bad("truncated tagger model");
  };
  auto get_vec = [&](auto& v) {
    std::uint64_t n = 0;
    get(n);
    if (n > (1u << 28)) throw bad("damaged tagger model");
    v.resize(n);
    if (!in.read(reinterpret_cast<char*>(v.data()),
                 static_cast<std::streamsize>(n * sizeof(v[0]))))
      throw bad("truncated tagger model");
  };
  std::uint32_t magic = 0, nc = 0;
  get(magic);
  if (magic != (v1 ? 0x54414731u : 0x54414732u)) throw bad("damaged tagger model");
  get(nc);
  if (nc == 0 || nc > kMaxClasses) throw bad("damaged tagger model");
  const auto nx = xpos_names().size();
  for (std::uint32_t c = 0; c < nc; ++c) {
    std::uint8_t x = 0, u = 0;
    get(x);
    get(u);
    if (x >= nx || u >= kUposCount) throw bad("damaged tagger model");
    m.classes.push_back({x, static_cast<Upos>(u)});
  }
  std::vector<std::uint64_t> dk;
  std::vector<std::uint8_t> dv;
  get_vec(dk);
  get_vec(dv);
  if (dk.size() != dv.size()) throw bad("damaged tagger model");
  for (std::size_t i = 0; i < dk.size(); ++i) {
    if (dv[i] >= nc) throw bad("damaged tagger model");
    m.dict.push_back({dk[i], dv[i]});
  }
  m.index_dict();
  // Version 2: the rest of the file is read at once and decoded from memory.
  std::string rest;
  if (!v1) rest.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  const char* rp = rest.data();
  const char* const rend = rest.data() + rest.size();
  auto get_varint = [&]() -> std::uint64_t {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rp == rend) throw bad("truncated tagger model");
      const auto b = static_cast<unsigned char>(*rp++);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    throw bad("damaged tagger model");
  };
  for (Frozen& f : m.pass) {
    if (v1) {
      get_vec(f.keys);
      get_vec(f.begin);
      get_vec(f.entries);
    } else {
      const std::uint64_t n = get_varint();
      if (n > (1u << 28)) throw bad("damaged tagger model");
      f.keys.resize(n);
      f.begin.assign(1, 0);
      f.entries.clear();
      std::uint64_t prev = 0;
      for (std::uint64_t i = 0; i < n; ++i) {
        const std::uint64_t d = get_varint();
        if (i > 0 && (d == 0 || prev + d < prev)) throw bad("damaged tagger model");
        f.keys[i] = prev += d;
        const std::uint64_t len = get_varint();
        if (len > kMaxClasses) throw bad("damaged tagger model");
        for (std::uint64_t j = 0; j < len; ++j) {
          if (rp == rend) throw bad("truncated tagger model");
          const int c = static_cast<unsigned char>(*rp++);
          const std::uint64_t z = get_varint();
          if (z > 0xffff) throw bad("damaged tagger model");
          const std::int32_t w = (z & 1) ? -static_cast<std::int32_t>((z + 1) / 2) : static_cast<std::int32_t>(z / 2);
          if (w < -32768 || w > 32767) throw bad("damaged tagger model");
          f.entries.push_back(static_cast<std::uint32_t>(c & 0xff) |
                              (static_cast<std::uint32_t>(static_cast<std::uint16_t>(w)) << 16));
        }
        f.begin.push_back(static_cast<std::uint32_t>(f.entries.size()));
      }
    }
    if (f.begin.size() != f.keys.size() + 1 || f.begin.front() != 0 ||
        f.begin.back() != f.entries.size())
      throw bad("damaged tagger model");
    for (std::size_t i = 0; i + 1 < f.begin.size(); ++i)
      if (f.begin[i] > f.begin[i + 1]) throw bad("damaged tagger model");
    for (std::uint32_t e : f.entries)
      if ((e & 0xff) >= nc) throw bad("damaged tagger model");
    f.index(static_cast<int>(nc));
  }
  if (v1) {
    get(magic);
  } else {
    if (rend - rp < 4) throw bad("truncated tagger model");
    std::memcpy(&magic, rp, 4);
    rp += 4;
    if (rp != rend) throw bad("damaged tagger model");
  }
  if (magic != 0x454e4421) throw bad("damaged tagger model");
  return t;
}

}  // namespace dipgraph::syntax
