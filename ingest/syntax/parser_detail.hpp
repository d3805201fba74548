// Parser internals shared by parser_features.cpp (feature keys),
// parser.cpp (transition system, decoding), parser_model.cpp (weight
// tables, model files) and parser_train.cpp (the perceptron and its
// oracle). Not a public API.
//
// A configuration of the arc-hybrid system over words 0..n-1 has a stack, a
// buffer front b (0..n) and the artificial ROOT at position n, the last
// buffer item, which is never shifted. SHIFT pushes b; LEFT pops s0 and
// attaches it to b (to ROOT only when s0 is the last stack item, so there
// is exactly one root); RIGHT pops s0 and attaches it to s1. Every
// configuration has a valid transition until b == n with an empty stack, so
// 2n transitions always give a tree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/syntax/huge_pages.hpp"
#include "ingest/syntax/mix.hpp"
#include "ingest/syntax/parser.hpp"
#include "ingest/syntax/word_clusters.hpp"

namespace dipgraph::syntax::detail {

enum Action : int { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kActions = 3;
inline constexpr int kActionCols = 4;  // padded row width of the transition table
inline constexpr int kMaxTransitionFeatures = 128;
inline constexpr int kMaxLabelFeatures = 40;
// ParserScratch::keys: a configuration's transition keys, then areas for
// one arc's label keys, the buffer front's and the stack's transition keys,
// and the label keys of the arcs b -> s0 and s1 -> s0 (Parser::parse).
inline constexpr int kLabelKeys = kMaxTransitionFeatures;
inline constexpr int kBufferKeys = kLabelKeys + kMaxLabelFeatures;
inline constexpr int kStackKeys = kBufferKeys + kMaxLabelFeatures;
inline constexpr int kLeftKeys = kStackKeys + kMaxTransitionFeatures;
inline constexpr int kRightKeys = kLeftKeys + kMaxLabelFeatures;
inline constexpr int kScratchKeys = kRightKeys + kMaxLabelFeatures;

[[gnu::always_inline]] inline std::uint64_t mix(std::uint64_t x) { return mix64(x); }
// FNV-1a of `s`, ASCII letters folded to lower case when `fold`, then mixed.
std::uint64_t hash_text(std::string_view s, bool fold);

// Feature sets (Model::templates, ParserTrainOptions::templates): bits.
inline constexpr int kExtended = 1;  // format 3: coarse tags, five more label pairs
inline constexpr int kAffixes = 2;   // suffixes and shapes of s0, s1, b0, b1 and an arc's words
inline constexpr int kClusters = 4;  // word clusters of s0, s1, b0, b1 and an arc's words

// Feature keys: 32-bit hashes of a template id and its values, top bit set
// (0 marks an empty slot).
using Key = std::uint32_t;

// A linear model's weights for inference: feature key -> row of int16
// weights, by open addressing.
struct WeightTable {
  struct Slot {
    Key key;
    std::uint32_t row;
  };
  int cols = 0;
  std::uint32_t mask = 0;
  HugeVector<Slot> slots;
  HugeVector<std::int16_t> w;  // rows * cols
  std::size_t rows() const { return cols ? w.size() / cols : 0; }
  void build_index(const std::vector<Key>& row_keys);  // after w is filled
  const std::int16_t* find(Key key) const {
    std::uint32_t i = key & mask;
    for (;;) {
      const Slot& sl = slots[i];
      if (sl.key == key) return &w[std::size_t(sl.row) * cols];
      if (sl.key == 0) return nullptr;
      i = (i + 1) & mask;
    }
  }
  // Starts loading the slots of `keys`.
  void prefetch(const Key* keys, int n) const {
    for (int f = 0; f < n; ++f) __builtin_prefetch(&slots[keys[f] & mask]);
  }
  // The rows of those of `keys` the table has into rows[] (room for n);
  // returns their count. Starts loading the rows.
  int find_rows(const Key* keys, int n, const std::int16_t** rows) const;
  // Adds the rows of `keys` (at most kMaxTransitionFeatures) into
  // scores[0..cols), prefetching all slots and rows before summing.
  void score(const Key* keys, int n, std::int32_t* scores) const;
};

// The transition weights, with each row inline in its slot, so a lookup
// touches one cache line.
struct ActionTable {
  struct Slot {
    Key key;
    std::int16_t w[kActions];
  };
  std::uint32_t mask = 0;
  std::size_t size = 0;
  HugeVector<Slot> slots;
  void reserve(std::size_t rows);  // empties the table
  void insert(Key key, const std::int16_t* w);
  // Starts loading the slots of `keys`.
  void prefetch(const Key* keys, int n) const {
    for (int f = 0; f < n; ++f) __builtin_prefetch(&slots[keys[f] & mask]);
  }
  // Adds the rows of `keys` into scores[0..kActions). Loads no slot ahead:
  // the caller has started loading them (prefetch) with the rest of the
  // configuration's.
  void score(const Key* keys, int n, std::int32_t* scores) const;
};

// Per-sentence inputs and the growing tree, over positions 0..n (n = ROOT).
// Lives in a ParserScratch; reset() sizes it for n words.
// `clusters` (may be empty) gives each word's cluster.
void reset_state(ParserScratch& s, const std::vector<std::string_view>& words, const Analysis& a,
                 const std::vector<std::uint64_t>& xpos_hash, const ClusterIndex& clusters);
bool valid(const ParserScratch& s, int n, int b, Action a);
// Applies `a` with relation `label` (model label index); returns the new b.
int apply(ParserScratch& s, int b, Action a, int label);
// Which of a configuration's transition templates transition_features
// makes: all of them, or one of three parts. The templates that read only
// the buffer front b, b+1, b+2 (and the bias) are the same for every
// configuration with the same b, so decoding sums them once per b; those
// that read only the stack (s0, s1, s2, their children, valency and label
// sets) are the same for every configuration with the same s0 at the same
// depth and no new child of s0 since (nothing below s0 can change while s0
// is on the stack); the pair templates read both and are made every time.
enum class TransitionPart { all, pair, buffer, stack };
// Feature keys of a configuration (part P of them) into `out`; returns
// their count. `templates`: the model's feature set (Model::templates, bits
// kExtended, kAffixes, kClusters): 0 for joint models, kExtended for format 3.
// Instantiated for the four parts in parser_features.cpp.
template <TransitionPart P>
int transition_features(const ParserScratch& s, int n, int b, int templates, Key* out);
inline int transition_features(const ParserScratch& s, int n, int b, int templates, Key* out) {
  return transition_features<TransitionPart::all>(s, n, b, templates, out);
}
int label_features(const ParserScratch& s, int head, int dep, int templates, Key* out);

}  // namespace dipgraph::syntax::detail

namespace dipgraph::syntax {

struct Parser::Model {
  std::string header;
  std::vector<std::string> labels;   // model label index -> relation name
  std::vector<Deprel> to_deprel;     // model label index -> Deprel
  int root_label = 0;                // model index of "root"
  float scale = 1;                   // int16 weight = float weight * scale
  int step = 1;                      // every weight is a multiple of this (compact())
  // Split decoding (file format 3): the transition rows alone choose SHIFT,
  // LEFT or RIGHT, then the label rows choose the new arc's relation once.
  // Otherwise (formats 1 and 2) labelled transitions are chosen jointly:
  // both arcs' best label scores join the transition scores. Format 3 also
  // adds feature templates (transition_features: `templates`).
  bool split = false;
  int templates = 0;  // feature set (bits kExtended...): 0 formats 1-2, kExtended format 3
  WordClusters clusters;  // word hash -> cluster, with kClusters (format 4)
  ClusterIndex cluster_index;  // the same for parsing (finish_model)
  detail::ActionTable actions;
  detail::WeightTable label_w;       // labels.size() rounded up to 8 columns
  std::vector<std::uint64_t> xpos_hash;  // xpos id -> hash of its name
};

// Fills what a model derives from this build's tag and relation tables:
// the Deprel of each model label, the root label, the hash of each XPOS
// name. Throws Error naming `path` for a relation this build does not know.
void finish_model(Parser::Model& m, const std::string& path);

}  // namespace dipgraph::syntax
