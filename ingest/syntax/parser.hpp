// Parser: a greedy transition-based dependency parser (arc-hybrid).
//
// Reads one tagged and lemmatized sentence and fills Analysis::head and
// Analysis::rel. Transitions are scored by a linear model over hashed
// feature keys (Zhang & Nivre 2011-style templates over the stack, the
// buffer, children, valency, distance and label sets); the score of a
// labelled arc is the transition's score plus a label score from features
// of the head/dependent pair. Trained as an averaged perceptron with a
// dynamic oracle and exploration (Goldberg & Nivre 2012/2013), so
// non-projective training trees are used as they are. The saved model holds
// int16 weights for the feature keys that survived pruning, in two
// open-addressing tables, and a text header with the training data's
// attribution and licence (data/syntax/parser.bin).
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/syntax/analysis.hpp"

namespace dipgraph::syntax {

struct ConlluSentence;  // ingest/syntax/conllu.hpp

// Per-thread working memory of Parser::parse. Reuse one per thread: after
// the longest sentence seen so far, parse() allocates nothing.
struct ParserScratch {
  std::vector<std::uint64_t> word, lemma, tag, upos;  // per position hashes
  std::vector<std::uint64_t> suffix, shape, cluster;  // ... of the last 3 bytes, shape, word cluster
  std::vector<int> stack, head, label, l1, l2, r1, r2, nl, nr;
  std::vector<std::uint64_t> lset, rset;
  std::vector<std::uint32_t> keys;  // feature keys of one configuration
  std::vector<std::int32_t> scores;
  // Per stack depth: the transition sums of the stack-only templates and
  // the best label of the arc s1 -> s0, for the word s0 on top at that
  // depth with `children` children (see Parser::parse).
  struct StackTop {
    int s0 = -1, children = -1;
    bool summed = false;  // sum holds the stack-only templates' rows
    std::int32_t sum[4] = {0, 0, 0, 0};
    int right_label = -1;  // -1: not computed yet
    std::int32_t right_score = 0;
  };
  std::vector<StackTop> top;
};

// How a training sentence gets its UPOS, XPOS and lemmas before the parser
// sees it: fills a.upos, a.xpos, a.lemma for `words`. Empty: the gold tags
// and lemmas of the treebank.
using TagFiller = std::function<void(const std::vector<std::string_view>& words, Analysis& a)>;

struct ParserTrainOptions {
  int epochs = 20;             // passes over the training sentences (dev LAS levels off near 20)
  int explore_from = 1;        // first epoch (0-based) that follows the model's own mistakes
  double explore_p = 0.9;      // ... with this probability
  std::uint64_t seed = 1;      // shuffling and exploration; same seed + data = same model bytes
  int prune_q = 2;             // drop feature rows whose largest |int16 weight| is below this
  int min_updates = 2;         // drop feature rows updated fewer times than this
  // Split decoding (file format 3): the transition model alone picks the
  // transition, a label model then picks the relation of the new arc once
  // (instead of scoring both possible arcs' labels in every configuration).
  bool split_labels = true;
  // Feature set, bits: 1 = that of format 3 (always on for split models);
  // 2 adds suffix and word-shape templates of s0, s1, b0, b1 and of an
  // arc's words (for words unseen in training); 4 adds word clusters of the
  // same words, learned from the training sentences (word_clusters.hpp,
  // `clusters` classes, words seen at least 3 times). The joint models of
  // format 2 have set 0.
  int templates = 1;
  int clusters = 64;
  int weight_step = 8;         // train_parser: Parser::compact(0, weight_step) before saving
                               // (dev LAS unchanged at 8, file 15.4 -> 12.2 MB; 1 = exact)
  TagFiller tags;              // tags of dev sentences (and of training ones without train_tags)
  // Tags and lemmas of each training sentence as the parser will meet them
  // at run time, ideally jackknifed (jackknife_tags). Empty: `tags`.
  std::vector<Analysis> train_tags;
  std::string header;          // extra header text (e.g. the training files); attribution is always added
};

// Attachment scores over words whose gold relation is not punct.
struct ParserScores {
  double uas = 0, las = 0, label_acc = 0;
  std::size_t words = 0;
};

class Parser {
 public:
  ~Parser();

  // Reads a model written by save(). Throws dipgraph::Error naming `path`
  // when the file is missing, not a parser model, truncated or damaged.
  static std::unique_ptr<Parser> load(const std::string& path);

  // Parses one sentence. On entry a.upos, a.xpos and a.lemma have one entry
  // per word (missing entries are read as unknown); on return a.head and
  // a.rel have words.size() entries forming one tree: exactly one word has
  // head -1 (relation root), every other word is attached. Any input is
  // accepted (empty, one word, thousands of words, junk bytes); cost grows
  // linearly with length. Thread-safe on a const Parser with one scratch per
  // thread.
  void parse(const std::vector<std::string_view>& words, Analysis& a, ParserScratch& s) const;

  // Trains on `train`, evaluating on `dev` after each epoch (progress to
  // `log`); returns the model of the epoch with the best dev LAS.
  static std::unique_ptr<Parser> train(const std::vector<ConlluSentence>& train,
                                       const std::vector<ConlluSentence>& dev,
                                       const ParserTrainOptions& options, std::ostream& log);

  // Scores this parser on `gold` (tags from options.tags, or gold tags).
  ParserScores evaluate(const std::vector<ConlluSentence>& gold, const TagFiller& tags) const;

  // Writes the model; false if the file cannot be written.
  bool save(const std::string& path) const;

  // Shrinks a trained model without retraining: rounds every weight to the
  // nearest multiple of `step` (1: unchanged; the file stores weights
  // divided by it, so a coarser step means shorter varints), then drops the
  // feature rows whose largest |weight| is below `min_abs` (0 or 1: only
  // rows left all zero). Records the settings and row counts in the header.
  // Used by `bench_parser --compact`; see docs/syntax.md for the chosen values.
  void compact(int min_abs, int step);

  // The average of `models` (parameter mixing): each weight is the mean of
  // its float values (int16 / scale) over the models, a row missing from a
  // model counting as zeros, requantized with one new scale. The models
  // must be of the same kind (split or joint, feature set, relations);
  // throws dipgraph::Error otherwise or when `models` is empty. The
  // result's header is the first model's plus a line naming the count.
  static std::unique_ptr<Parser> average(const std::vector<const Parser*>& models);

  // The model's header text (attribution, licence, training settings).
  const std::string& header() const;

  struct Model;  // parser_detail.hpp

 private:
  Parser();
  std::unique_ptr<Model> model_;
};

struct TaggerTrainOptions;  // ingest/syntax/tagger.hpp
class Tagger;
class Lemmatizer;

// Tags a sentence with `tagger` and lemmatizes it with `lemmatizer` (both
// must outlive the filler; one filler per thread).
TagFiller tag_filler(const Tagger& tagger, const Lemmatizer& lemmatizer);

// Predicted tags and lemmas of every sentence of `train`, by k-fold
// jackknifing: the sentences of each fold are tagged by a tagger trained on
// the other folds, so the parser trains on tags as wrong as it will meet.
std::vector<Analysis> jackknife_tags(const std::vector<ConlluSentence>& train, int folds,
                                     const TaggerTrainOptions& options,
                                     const Lemmatizer& lemmatizer, std::ostream& log);

// The training entry of `dipgraph train`: trains on `train`, selects the
// epoch on `dev`, rounds the weights to multiples of options.weight_step
// (Parser::compact), writes `out_path` and logs progress and dev scores. Throws
// dipgraph::Error if the model cannot be written.
void train_parser(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                  const ParserTrainOptions& options, const std::string& out_path,
                  std::ostream& log);

}  // namespace dipgraph::syntax
