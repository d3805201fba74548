// Parser model: the in-memory weight tables and the model file (save,
// load, compact; see parser.hpp and parser_detail.hpp).
//
// The transition table keeps each row (three int16 weights) inline in its
// open-addressing slot; the label table keeps slots and dense rows apart.
// Files store rows in key order with delta-coded keys and varint weights,
// so the bytes do not depend on a table's history; a missing, foreign,
// truncated or damaged file is a dipgraph::Error naming it.
#include <emmintrin.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/error.hpp"
#include "ingest/syntax/parser.hpp"
#include "ingest/syntax/parser_detail.hpp"
#include "ingest/syntax/row_sums.hpp"

namespace dipgraph::syntax {
namespace detail {

void WeightTable::build_index(const std::vector<Key>& row_keys) {
  std::size_t cap = 16;
  while (cap < row_keys.size() * 2) cap <<= 1;
  mask = static_cast<std::uint32_t>(cap - 1);
  slots.assign(cap, Slot{0, 0});
  for (std::size_t r = 0; r < row_keys.size(); ++r) {
    std::uint32_t i = row_keys[r] & mask;
    while (slots[i].key != 0) i = (i + 1) & mask;
    slots[i] = Slot{row_keys[r], static_cast<std::uint32_t>(r)};
  }
}

int WeightTable::find_rows(const Key* keys, int n, const std::int16_t** rows) const {
  if (slots.empty()) return 0;
  int m = 0;
  for (int f = 0; f < n; ++f) {
    const std::int16_t* row = find(keys[f]);
    if (!row) continue;
    __builtin_prefetch(row);
    if (cols > 32) __builtin_prefetch(row + 32);
    rows[m++] = row;
  }
  return m;
}

void WeightTable::score(const Key* keys, int n, std::int32_t* scores) const {
  if (slots.empty()) return;
  prefetch(keys, n);
  const std::int16_t* rows[kMaxTransitionFeatures];
  sum_rows(rows, find_rows(keys, n, rows), cols, scores);
}

void ActionTable::reserve(std::size_t rows) {
  std::size_t cap = 16;
  while (cap < rows + rows / 2) cap <<= 1;
  mask = static_cast<std::uint32_t>(cap - 1);
  size = 0;
  slots.assign(cap, Slot{0, {0, 0, 0}});
}

void ActionTable::insert(Key key, const std::int16_t* w) {
  std::uint32_t i = key & mask;
  while (slots[i].key != 0 && slots[i].key != key) i = (i + 1) & mask;
  size += slots[i].key == 0;
  slots[i].key = key;
  for (int c = 0; c < kActions; ++c) slots[i].w[c] = w[c];
}

void ActionTable::score(const Key* keys, int n, std::int32_t* scores) const {
  if (slots.empty()) return;
  // A row's three weights and the slot's two bytes of padding are read as
  // four int16 and added in one SSE2 register; the fourth sum is dropped.
  static_assert(sizeof(Slot) == 12 && offsetof(Slot, w) == 4);
  __m128i acc = _mm_setzero_si128();
  for (int f = 0; f < n; ++f) {
    const Key key = keys[f];
    std::uint32_t i = key & mask;
    for (;;) {
      const Slot& sl = slots[i];
      if (sl.key == key) {
        const __m128i x = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(sl.w));
        acc = _mm_add_epi32(acc, _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
        break;
      }
      if (sl.key == 0) break;
      i = (i + 1) & mask;
    }
  }
  alignas(16) std::int32_t sums[4];
  _mm_store_si128(reinterpret_cast<__m128i*>(sums), acc);
  for (int c = 0; c < kActions; ++c) scores[c] += sums[c];
}

}  // namespace detail

using namespace detail;

// ---- model file ----------------------------------------------------------
// Version 3 (written for split models of feature set kExtended) is version
// 2 with the magic "DIPGRAPH-PARSER 3\n". Version 4 (models of other
// feature sets): magic "DIPGRAPH-PARSER 4\n", a u8 after the step (the
// feature set's bits, 0x80 for a split model), and after the label table, with kClusters, the word
// clusters (varint count; per word in increasing hash order, varint hash
// minus the previous hash, u8 cluster). Version 2 (joint models of feature set 0):
// "DIPGRAPH-PARSER 2\n", "header-bytes N\n", N bytes of
// UTF-8 header text, then little-endian binary: u32 label count, labels (u8
// length + bytes), f32 scale, u32 step (every weight is a multiple of it and
// is stored divided by it; 1 = exact), the transition table (varint rows;
// per row, in increasing key order, varint key minus the previous key, then
// 3 zigzag varint weights), the label table (varint rows; per row varint key
// delta, u8 nonzero count, then (u8 column, zigzag varint weight) pairs), and
// a u64 FNV-1a checksum of everything before it. Varints are LEB128.
// Version 1 (still read): the same up to the scale, no step, then u64 rows
// and per row u32 key + 3 x i16 for transitions, u64 rows and per row u32
// key, u8 count, (u8 column, i16 weight) pairs for labels.

namespace {
constexpr std::string_view kMagic1 = "DIPGRAPH-PARSER 1\n";
constexpr std::string_view kMagic2 = "DIPGRAPH-PARSER 2\n";
constexpr std::string_view kMagic3 = "DIPGRAPH-PARSER 3\n";
constexpr std::string_view kMagic = "DIPGRAPH-PARSER 4\n";

std::uint64_t fnv(const char* p, std::size_t n) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (std::size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 0x100000001b3ULL;
  return h;
}
template <class T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}
void put_weight(std::string& out, std::int16_t w, int step) {
  const std::int32_t q = w / step;  // w is a multiple of step
  put_varint(out, q >= 0 ? 2 * static_cast<std::uint32_t>(q) : 2 * static_cast<std::uint32_t>(-q) - 1);
}

struct Reader {
  const std::string& path;
  const char* p;
  const char* end;
  template <class T>
  T get() {
    if (static_cast<std::size_t>(end - p) < sizeof(T))
      throw Error(path + ": parser model is truncated");
    T v;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return v;
  }
  std::uint64_t varint() {
    if (p != end && !(static_cast<unsigned char>(*p) & 0x80)) return static_cast<unsigned char>(*p++);
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p == end) throw Error(path + ": parser model is truncated");
      const auto b = static_cast<unsigned char>(*p++);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    throw Error(path + ": parser model is damaged (varint)");
  }
  std::int16_t weight(int step) {
    const std::uint64_t z = varint();
    const std::int64_t q = (z & 1) ? -static_cast<std::int64_t>((z + 1) / 2) : static_cast<std::int64_t>(z / 2);
    const std::int64_t w = q * step;
    if (w < -32768 || w > 32767) throw Error(path + ": parser model is damaged (weight)");
    return static_cast<std::int16_t>(w);
  }
};
}  // namespace

bool Parser::save(const std::string& path) const {
  const Model& m = *model_;
  const bool v4 = m.templates != (m.split ? kExtended : 0);
  std::string out(v4 ? kMagic : m.split ? kMagic3 : kMagic2);
  out += "header-bytes " + std::to_string(m.header.size()) + "\n";
  out += m.header;
  put<std::uint32_t>(out, static_cast<std::uint32_t>(m.labels.size()));
  for (const std::string& l : m.labels) {
    put<std::uint8_t>(out, static_cast<std::uint8_t>(l.size()));
    out += l;
  }
  put<float>(out, m.scale);
  const int step = std::max(1, m.step);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(step));
  if (v4) put<std::uint8_t>(out, static_cast<std::uint8_t>(m.templates | (m.split ? 0x80 : 0)));
  // Rows in key order, so the bytes do not depend on the table's history.
  std::vector<ActionTable::Slot> arows;
  for (const ActionTable::Slot& sl : m.actions.slots)
    if (sl.key) arows.push_back(sl);
  std::sort(arows.begin(), arows.end(), [](const auto& x, const auto& y) { return x.key < y.key; });
  put_varint(out, arows.size());
  Key prev = 0;
  for (const ActionTable::Slot& sl : arows) {
    put_varint(out, sl.key - prev);
    prev = sl.key;
    for (int c = 0; c < kActions; ++c) put_weight(out, sl.w[c], step);
  }
  std::vector<std::pair<Key, std::uint32_t>> rows;
  for (const WeightTable::Slot& sl : m.label_w.slots)
    if (sl.key) rows.emplace_back(sl.key, sl.row);
  std::sort(rows.begin(), rows.end());
  put_varint(out, rows.size());
  const int cols = m.label_w.cols;
  prev = 0;
  for (auto [k, r] : rows) {
    put_varint(out, k - prev);
    prev = k;
    const std::int16_t* w = &m.label_w.w[std::size_t(r) * cols];
    put<std::uint8_t>(out, static_cast<std::uint8_t>(
                               std::count_if(w, w + m.labels.size(), [](std::int16_t x) { return x != 0; })));
    for (std::size_t c = 0; c < m.labels.size(); ++c)
      if (w[c]) {
        put<std::uint8_t>(out, static_cast<std::uint8_t>(c));
        put_weight(out, w[c], step);
      }
  }
  if (v4 && (m.templates & kClusters)) {
    std::vector<std::pair<std::uint64_t, std::uint8_t>> words(m.clusters.begin(), m.clusters.end());
    std::sort(words.begin(), words.end());
    put_varint(out, words.size());
    std::uint64_t prev_h = 0;
    for (auto [h, c] : words) {
      put_varint(out, h - prev_h);
      prev_h = h;
      put<std::uint8_t>(out, c);
    }
  }
  put<std::uint64_t>(out, fnv(out.data(), out.size()));
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return false;
  f.write(out.data(), static_cast<std::streamsize>(out.size()));
  return static_cast<bool>(f.flush());
}

std::unique_ptr<Parser> Parser::average(const std::vector<const Parser*>& models) {
  if (models.empty()) throw Error("parser average: no models");
  const Model& first = *models[0]->model_;
  for (const Parser* p : models) {
    const Model& m = *p->model_;
    if (m.split != first.split || m.templates != first.templates || m.labels != first.labels ||
        m.clusters != first.clusters)
      throw Error("parser average: the models are not of the same kind");
  }
  const int cols = first.label_w.cols;
  const float inv = 1.f / static_cast<float>(models.size());
  std::unordered_map<Key, std::array<float, kActions>> act;
  std::unordered_map<Key, std::vector<float>> lab;
  for (const Parser* p : models) {
    const Model& m = *p->model_;
    for (const ActionTable::Slot& sl : m.actions.slots) {
      if (!sl.key) continue;
      auto& row = act.try_emplace(sl.key, std::array<float, kActions>{}).first->second;
      for (int c = 0; c < kActions; ++c) row[c] += sl.w[c] / m.scale * inv;
    }
    for (const WeightTable::Slot& sl : m.label_w.slots) {
      if (!sl.key) continue;
      auto& row = lab.try_emplace(sl.key, std::vector<float>(cols, 0.f)).first->second;
      for (int c = 0; c < cols; ++c) row[c] += m.label_w.w[std::size_t(sl.row) * cols + c] / m.scale * inv;
    }
  }
  float gmax = 1e-6f;
  for (const auto& [k, row] : act)
    for (float v : row) gmax = std::max(gmax, std::fabs(v));
  for (const auto& [k, row] : lab)
    for (float v : row) gmax = std::max(gmax, std::fabs(v));
  std::unique_ptr<Parser> out(new Parser());
  Model& m = *out->model_;
  m.header = first.header + "Averaged: the mean of the weights of " + std::to_string(models.size()) +
             " models trained alike with different seeds.\n";
  m.labels = first.labels;
  m.split = first.split;
  m.templates = first.templates;
  m.clusters = first.clusters;
  m.scale = 32767.f / gmax;
  auto q = [&](float v) { return static_cast<std::int16_t>(std::lround(v * m.scale)); };
  std::vector<std::pair<Key, std::array<float, kActions>>> arows(act.begin(), act.end());
  std::sort(arows.begin(), arows.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  m.actions.reserve(arows.size());
  for (const auto& [k, row] : arows) {
    std::int16_t w[kActions];
    for (int c = 0; c < kActions; ++c) w[c] = q(row[c]);
    m.actions.insert(k, w);
  }
  std::vector<Key> lkeys;
  for (const auto& [k, row] : lab) lkeys.push_back(k);
  std::sort(lkeys.begin(), lkeys.end());
  m.label_w.cols = cols;
  for (Key k : lkeys)
    for (float v : lab[k]) m.label_w.w.push_back(q(v));
  m.label_w.build_index(lkeys);
  finish_model(m, "parser average");
  return out;
}

void Parser::compact(int min_abs, int step) {
  Model& m = *model_;
  step = std::max(1, std::min(step, 4096));
  auto round = [step](std::int16_t w) -> std::int16_t {
    if (step == 1) return w;
    long q = std::lround(static_cast<double>(w) / step) * step;
    while (q > 32767) q -= step;
    while (q < -32768) q += step;
    return static_cast<std::int16_t>(q);
  };
  auto keep = [min_abs](const std::int16_t* w, int n) {
    int mx = 0;
    for (int c = 0; c < n; ++c) mx = std::max(mx, std::abs(static_cast<int>(w[c])));
    return mx > 0 && mx >= min_abs;
  };
  const std::size_t a_before = m.actions.size, l_before = m.label_w.rows();
  std::vector<ActionTable::Slot> arows;
  for (ActionTable::Slot sl : m.actions.slots) {
    if (!sl.key) continue;
    for (int c = 0; c < kActions; ++c) sl.w[c] = round(sl.w[c]);
    if (keep(sl.w, kActions)) arows.push_back(sl);
  }
  std::sort(arows.begin(), arows.end(), [](const auto& x, const auto& y) { return x.key < y.key; });
  m.actions.reserve(arows.size());
  for (const ActionTable::Slot& sl : arows) m.actions.insert(sl.key, sl.w);
  const int cols = m.label_w.cols;
  const int nlab = static_cast<int>(m.labels.size());
  std::vector<std::pair<Key, std::uint32_t>> lrows;
  for (const WeightTable::Slot& sl : m.label_w.slots)
    if (sl.key) lrows.emplace_back(sl.key, sl.row);
  std::sort(lrows.begin(), lrows.end());
  HugeVector<std::int16_t> w;
  std::vector<Key> keys;
  for (auto [k, r] : lrows) {
    std::int16_t row[64] = {};
    for (int c = 0; c < cols; ++c) row[c] = round(m.label_w.w[std::size_t(r) * cols + c]);
    if (!keep(row, nlab)) continue;
    keys.push_back(k);
    w.insert(w.end(), row, row + cols);
  }
  m.label_w.w = std::move(w);
  m.label_w.build_index(keys);
  if (step > 1) m.step = step;
  m.header += "Compacted after training: weights rounded to multiples of " + std::to_string(step) +
              ", rows with largest |weight| < " + std::to_string(std::max(min_abs, 1)) +
              " dropped: transition rows " + std::to_string(a_before) + " -> " +
              std::to_string(m.actions.size) + ", label rows " + std::to_string(l_before) + " -> " +
              std::to_string(m.label_w.rows()) + ".\n";
}

// Fills what a model derives from this build's tag and relation tables:
// Deprel of each model label, the root label, the hash of each XPOS name.
// Throws Error naming `path` for a relation this build does not know.
void finish_model(Parser::Model& m, const std::string& path) {
  m.to_deprel.clear();
  m.root_label = -1;
  for (std::size_t i = 0; i < m.labels.size(); ++i) {
    Deprel d = 0;
    if (!parse_deprel(m.labels[i], d))
      throw Error(path + ": parser model has an unknown relation '" + m.labels[i] + "'");
    m.to_deprel.push_back(d);
    if (m.labels[i] == "root") m.root_label = static_cast<int>(i);
  }
  if (m.root_label < 0) throw Error(path + ": parser model has no root relation");
  m.xpos_hash.clear();
  for (const std::string& x : xpos_names()) m.xpos_hash.push_back(hash_text(x, false));
  m.cluster_index = ClusterIndex(m.clusters);
}

std::unique_ptr<Parser> Parser::load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw Error(path + ": cannot open parser model");
  f.seekg(0, std::ios::end);
  std::string data(static_cast<std::size_t>(std::max<std::streamoff>(0, f.tellg())), '\0');
  f.seekg(0);
  if (!f.read(data.data(), static_cast<std::streamsize>(data.size())))
    throw Error(path + ": cannot read parser model");
  int version = 0;
  if (data.compare(0, kMagic.size(), kMagic) == 0) version = 4;
  else if (data.compare(0, kMagic3.size(), kMagic3) == 0) version = 3;
  else if (data.compare(0, kMagic2.size(), kMagic2) == 0) version = 2;
  else if (data.compare(0, kMagic1.size(), kMagic1) == 0) version = 1;
  else throw Error(path + ": not a dipgraph parser model");
  if (data.size() < kMagic.size() + 8 ||
      fnv(data.data(), data.size() - 8) != [&] {
        std::uint64_t c;
        std::memcpy(&c, data.data() + data.size() - 8, 8);
        return c;
      }())
    throw Error(path + ": parser model is damaged (checksum mismatch)");
  std::unique_ptr<Parser> p(new Parser());
  Model& m = *p->model_;
  std::size_t pos = kMagic.size();
  std::size_t eol = data.find('\n', pos);
  std::size_t hbytes = 0;
  if (eol == std::string::npos || std::sscanf(data.c_str() + pos, "header-bytes %zu", &hbytes) != 1 ||
      eol + 1 + hbytes > data.size())
    throw Error(path + ": parser model has a bad header");
  m.header = data.substr(eol + 1, hbytes);
  Reader r{path, data.data() + eol + 1 + hbytes, data.data() + data.size() - 8};
  const std::uint32_t nlab = r.get<std::uint32_t>();
  if (nlab == 0 || nlab > 64) throw Error(path + ": parser model has a bad label count");
  for (std::uint32_t i = 0; i < nlab; ++i) {
    const std::uint8_t len = r.get<std::uint8_t>();
    if (static_cast<std::size_t>(r.end - r.p) < len) throw Error(path + ": parser model is truncated");
    m.labels.emplace_back(r.p, len);
    r.p += len;
  }
  m.scale = r.get<float>();
  const bool v1 = version == 1;
  m.split = version >= 3;
  m.templates = version == 3 ? kExtended : 0;
  if (!v1) {
    const std::uint32_t step = r.get<std::uint32_t>();
    if (step == 0 || step > 32767) throw Error(path + ": parser model has a bad weight step");
    m.step = static_cast<int>(step);
  }
  if (version == 4) {
    const std::uint8_t flags = r.get<std::uint8_t>();
    m.split = flags & 0x80;
    m.templates = flags & 0x7f;
    if (m.templates & ~(kExtended | kAffixes | kClusters))
      throw Error(path + ": parser model has an unknown feature set");
  }
  const int step = m.step;
  // Keys of version 2 are deltas in increasing order: a delta of 0 after
  // the first row, or an overflow, is damage.
  auto next_key = [&](Key prev, bool first) -> Key {
    if (v1) return r.get<Key>();
    const std::uint64_t d = r.varint();
    if ((d == 0 && !first) || prev + d > 0xffffffffULL) throw Error(path + ": parser model is damaged (key order)");
    return static_cast<Key>(prev + d);
  };
  std::vector<Key> keys;
  std::uint64_t rows = v1 ? r.get<std::uint64_t>() : r.varint();
  if (rows > static_cast<std::uint64_t>(r.end - r.p) / (v1 ? 10 : 4)) throw Error(path + ": parser model is truncated");
  // Decode all rows first, then insert with the slots prefetched a few rows
  // ahead: the inserts are cache misses, and keeping them apart from the
  // branchy varint decoding lets several be in flight at once.
  std::vector<ActionTable::Slot> arows(rows);
  Key prev = 0;
  for (std::uint64_t i = 0; i < rows; ++i) {
    const Key k = next_key(prev, i == 0);
    prev = k;
    if (k == 0) throw Error(path + ": parser model is damaged (zero key)");
    arows[i].key = k;
    for (int c = 0; c < kActions; ++c) arows[i].w[c] = v1 ? r.get<std::int16_t>() : r.weight(step);
  }
  m.actions.reserve(rows);
  constexpr std::size_t kAhead = 16;
  for (std::size_t i = 0; i < arows.size(); ++i) {
    if (i + kAhead < arows.size()) __builtin_prefetch(&m.actions.slots[arows[i + kAhead].key & m.actions.mask], 1);
    m.actions.insert(arows[i].key, arows[i].w);
  }
  rows = v1 ? r.get<std::uint64_t>() : r.varint();
  if (rows > static_cast<std::uint64_t>(r.end - r.p) / (v1 ? 5 : 2)) throw Error(path + ": parser model is truncated");
  const int cols = (static_cast<int>(nlab) + 7) / 8 * 8;
  m.label_w.cols = cols;
  m.label_w.w.assign(rows * cols, 0);
  keys.resize(rows);
  prev = 0;
  for (std::uint64_t i = 0; i < rows; ++i) {
    keys[i] = next_key(prev, i == 0);
    prev = keys[i];
    if (keys[i] == 0) throw Error(path + ": parser model is damaged (zero key)");
    const std::uint8_t nz = r.get<std::uint8_t>();
    for (int j = 0; j < nz; ++j) {
      const std::uint8_t c = r.get<std::uint8_t>();
      const std::int16_t v = v1 ? r.get<std::int16_t>() : r.weight(step);
      if (c >= nlab) throw Error(path + ": parser model is damaged (label column)");
      m.label_w.w[i * cols + c] = v;
    }
  }
  m.label_w.build_index(keys);
  if (m.templates & kClusters) {
    const std::uint64_t words = r.varint();
    if (words > static_cast<std::uint64_t>(r.end - r.p) / 2) throw Error(path + ": parser model is truncated");
    m.clusters.reserve(words);
    std::uint64_t h = 0;
    for (std::uint64_t i = 0; i < words; ++i) {
      const std::uint64_t d = r.varint();
      if (d == 0 && i > 0) throw Error(path + ": parser model is damaged (cluster order)");
      h += d;
      m.clusters[h] = r.get<std::uint8_t>();
    }
  }
  if (r.p != r.end) throw Error(path + ": parser model has trailing bytes");
  finish_model(m, path);
  return p;
}

}  // namespace dipgraph::syntax
