// Frames: the trigger classes of data/frames.tsv, keyed by lemma.
//
// A frame says which word tells an event (a lemma of a word class: verb or
// noun), what event it is (type, CAMEO code), where in the parse tree the
// source and the target are (slots: subject, object, possessive, "between",
// a preposition), which dependents it needs to be read in this sense (the
// `when` conditions: "call on" is an appeal, "call for" another, "sign" only
// with an agreement as its object) and how it treats its complement (speech,
// intention, control). docs/extraction.md ("Trigger classes") describes the
// file. A FrameTable is immutable after load and safe to share. Its lemmas
// are frozen after loading into one open-addressing table (full hash in the
// slot, the frames as a verb and as a noun and the word classes of each
// lemma), so each lookup reads one slot and compares one string, without
// building a std::string or following node chains.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/error.hpp"

namespace dipgraph::ingest {

enum class SlotKind : std::uint8_t { subj, obj, iobj, poss, between, prep, comp };

struct Slot {
  SlotKind kind = SlotKind::subj;
  std::string word;  // the preposition of SlotKind::prep
};

enum class CondKind : std::uint8_t { prep, obj_class, mod_class, xcomp, prep_class, subj_class, gov_class, neg, clause, must };

struct Cond {
  CondKind kind = CondKind::prep;
  std::string word;  // the preposition or particle of CondKind::prep / prep_class
  int word_class = -1;  // the class of obj_class / mod_class / prep_class / subj_class / gov_class
  bool negate = false;  // written "!cond": the frame holds only where cond does not
};

enum FrameFlag : std::uint32_t {
  kFrameSym = 1u << 0,      // parties are participants
  kFrameNeed2 = 1u << 1,    // needs two parties (sym) or a target
  kFrameSay = 1u << 2,      // speech verb
  kFrameCharact = 1u << 3,  // the tone of the complement picks 051 / 111 / 010
  kFrameIntent = 1u << 4,   // the complement's event is intended
  kFramePlan = 1u << 5,     // the complement's event is planned
  kFrameControl = 1u << 6,  // the object is the subject of the complement
  kFrameGuest = 1u << 7,    // in the passive, the guest's visit (042), guest -> host
  kFrameAlso = 1u << 8,     // the word tells the act of the next frame that holds too
};

struct Frame {
  std::string lemma;
  bool noun = false;
  bool adjective = false;  // a predicative adjective ("critical of X"), looked up with the verbs
  std::string type, cameo;
  std::vector<Slot> source, target;  // alternatives, in order
  std::vector<Cond> when;            // all must hold
  std::uint32_t flags = 0;
  std::size_t line = 0;              // in frames.tsv
  // True if the frame asks for a condition of `kind` to hold (not "!kind").
  bool asks(CondKind kind) const {
    for (const Cond& k : when)
      if (k.kind == kind && !k.negate) return true;
    return false;
  }
};

class FrameTable {
 public:
  // Reads `path` (frames.tsv). A missing file throws Error naming it; a bad
  // row is reported as "frames.tsv:LINE: reason" and skipped.
  static FrameTable load(const std::string& path, Diagnostics& diag);
  // Frames of `lemma` as a verb (noun = false) or noun, in file order; null
  // if none.
  const std::vector<std::uint32_t>* find(std::string_view lemma, bool noun) const;
  const Frame& frame(std::uint32_t i) const { return frames_[i]; }
  // True if some frame of `lemma` (as a verb or noun) satisfies `pred`.
  template <class Pred>
  bool any_frame(std::string_view lemma, bool noun, Pred pred) const {
    const auto* fs = find(lemma, noun);
    if (!fs) return false;
    for (std::uint32_t i : *fs)
      if (pred(frames_[i])) return true;
    return false;
  }
  std::size_t size() const { return frames_.size(); }
  // True if `lemma` belongs to word class `cls` (an index from a Cond);
  // false for a class that does not exist.
  bool in_class(int cls, std::string_view lemma) const;
  // The index of word class @name, -1 if the file has none.
  int class_index(std::string_view name) const;
  // True if any frame has this lemma (either word class), or it is in one
  // of the word classes `also` (-1: none): the parse gate's prefilter, one
  // lookup.
  bool is_trigger_lemma(std::string_view lemma, std::initializer_list<int> also = {}) const;

 private:
  // A lemma of a frame or a word class; hash 0 marks an empty slot.
  struct LemmaSlot {
    std::uint64_t hash = 0;
    std::uint32_t text = 0, size = 0;     // the lemma: text_[text, text + size)
    std::int32_t verbs = -1, nouns = -1;  // its frames: lists_[verbs], lists_[nouns]; -1 none
    std::uint64_t classes[2] = {0, 0};    // bit c of the 128: in word class c (c < 128)
  };
  using Lists = std::unordered_map<std::string, std::vector<std::uint32_t>>;
  // Builds lemmas_ from the frames of each lemma and from classes_.
  void freeze(Lists verbs, Lists nouns);
  const LemmaSlot* slot_of(std::string_view lemma) const;  // null if absent

  std::vector<Frame> frames_;
  std::vector<std::string> class_names_;
  std::vector<std::vector<std::string>> classes_;  // sorted lemmas per class
  std::vector<std::vector<std::uint32_t>> lists_;  // frame indices, in file order
  std::vector<LemmaSlot> lemmas_;                  // size a power of two, at most half full
  std::string text_;                               // the lemmas' bytes
};

}  // namespace dipgraph::ingest
