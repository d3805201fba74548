// Tagger: part-of-speech tags (Penn XPOS and UPOS) for one sentence's words.
//
// A greedy averaged perceptron (Collins 2002; Honnibal 2013) over hashed
// feature keys: the word, its neighbours +-2, prefixes, suffixes, shape,
// the two previous tags, and in a second pass the first pass's tags of the
// next two words (words the first pass is sure of skip it). One class is
// one (XPOS, UPOS) pair seen in training, so the two tag sets always agree. Frequent words that training saw with one
// tag only are tagged from a dictionary. The saved model (data/syntax/
// tagger.bin) is a text header with the training data's attribution and
// licence, then the pruned weights as int16 in sparse rows.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/syntax/analysis.hpp"

namespace dipgraph::syntax {

struct ConlluSentence;  // ingest/syntax/conllu.hpp

// Per-thread working memory of Tagger::tag. Reuse one per thread: once it
// has seen the longest sentence, tag() allocates nothing.
struct TaggerScratch {
  std::vector<std::uint64_t> form, lower, shape, flags, pre1, pre2, pre3, suf1, suf2, suf3, suf4;
  std::vector<int> pass1, pass2;
  std::vector<std::int32_t> margin;  // first pass: best score minus the runner-up's
  std::vector<std::uint64_t> keys;
  std::vector<std::int32_t> scores;
  std::string buf;
};

struct TaggerTrainOptions {
  int epochs = 8;          // passes over the training sentences
  int folds = 4;           // jackknife folds giving the second pass its first-pass tags
  std::uint64_t seed = 1;  // shuffling; same seed + data = same model bytes
  int dict_min_count = 20;     // a word tagged from the dictionary is this frequent ...
  double dict_min_share = 0.97;  // ... and has one tag this often
  int prune_q = 1;         // drop weights whose int16 value is below this in magnitude
  std::string header;      // extra header text (training files); attribution is always added
};

struct TaggerScores {
  double upos = 0, xpos = 0;
  std::size_t words = 0;
};

class Tagger {
 public:
  ~Tagger();

  // Reads a model written by save(). Throws dipgraph::Error naming `path`
  // when the file is missing, not a tagger model, truncated or damaged.
  static std::unique_ptr<Tagger> load(const std::string& path);

  // Tags one sentence: on return a.upos and a.xpos have words.size()
  // entries (other fields of `a` untouched). Any input is accepted.
  // Thread-safe on a const Tagger with one scratch per thread.
  void tag(const std::vector<std::string_view>& words, Analysis& a, TaggerScratch& s) const;
  // tag() with some words' classes known beforehand: `fixed` (one entry per
  // word, or empty) holds a class index of class_of() or -1 (an index the
  // model has no class for counts as -1). Known words keep their class,
  // and their neighbours are tagged seeing it.
  void tag(const std::vector<std::string_view>& words, const std::vector<int>& fixed, Analysis& a,
           TaggerScratch& s) const;
  // The model's class of this UPOS and Penn tag, -1 if it has none.
  int class_of(Upos upos, std::string_view xpos) const;

  // Trains on `train` (progress to `log`, dev accuracy after training).
  static std::unique_ptr<Tagger> train(const std::vector<ConlluSentence>& train,
                                       const std::vector<ConlluSentence>& dev,
                                       const TaggerTrainOptions& options, std::ostream& log);

  // UPOS and XPOS accuracy over all words of `gold`, from its word forms.
  TaggerScores evaluate(const std::vector<ConlluSentence>& gold) const;

  // Writes the model; false if the file cannot be written.
  bool save(const std::string& path) const;

  // The model's header text (attribution, licence, training settings).
  const std::string& header() const;

  struct Model;  // tagger.cpp

 private:
  Tagger();
  std::unique_ptr<Model> model_;
};

// The attribution every model trained on UD English EWT carries.
extern const char* const kEwtAttribution;

}  // namespace dipgraph::syntax
