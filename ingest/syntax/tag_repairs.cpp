// The Analyzer's repairs to the tagger's tags (tag_repairs.hpp).
#include "ingest/syntax/tag_repairs.hpp"

#include <algorithm>
#include <cctype>

namespace dipgraph::syntax::tag_repairs {
namespace {

// `w` in lower case, in `buf` (words of more than 24 bytes: empty).
std::string_view lower(std::string_view w, char (&buf)[25]) {
  if (w.size() > 24) return {};
  for (std::size_t k = 0; k < w.size(); ++k)
    buf[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[k])));
  return {buf, w.size()};
}

}  // namespace

bool noun_like_next(std::string_view w) {
  if (w.empty() || !(w[0] >= 'a' && w[0] <= 'z')) return false;
  static const std::string_view kFunction[] = {
      "is",    "was", "are",   "were", "be",    "been", "has",   "have",   "had",  "will",
      "would", "can", "could", "may",  "might", "must", "shall", "should", "said", "says",
      "told",  "who", "which", "that", "and",   "or",   "but",   "of",     "in",   "on",
      "at",    "to",  "for",   "from", "with",  "by",   "as",    "than",   "whom", "whose",
      "he",    "she", "it",    "they", "not",   "also", "did",   "does",   "do"};
  return std::find(std::begin(kFunction), std::end(kFunction), w) == std::end(kFunction);
}

bool only_preposition(std::string_view w) {
  if (w.size() < 3 || w.size() > 8) return false;
  char buf[25];
  const std::string_view l = lower(w, buf);
  for (std::string_view p : {"amid", "amidst", "despite", "via", "toward", "towards", "onto", "upon"})
    if (l == p) return true;
  return false;
}

void lower_case_names(const std::vector<std::string_view>& words, const std::vector<bool>& named,
                      const Lemmatizer& lemmas, Analysis& a) {
  static const std::uint8_t kNN = xpos_index("NN"), kNNS = xpos_index("NNS"), kNNPS = xpos_index("NNPS");
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (a.upos[i] != Upos::PROPN || (i < named.size() && named[i])) continue;
    if (words[i].empty() || words[i][0] < 'a' || words[i][0] > 'z') continue;
    if (!lemmas.noun_index_word(words[i])) continue;
    // (a particle inside a name stays: "Lula da Silva", "al-Sham")
    if ((i + 1 < words.size() && a.upos[i + 1] == Upos::PROPN) || (i > 0 && a.upos[i - 1] == Upos::PROPN)) continue;
    a.upos[i] = Upos::NOUN;
    a.xpos[i] = a.xpos[i] == kNNPS ? kNNS : kNN;
  }
}

void verb_forms_taken_for_nouns(const std::vector<std::string_view>& words,
                                const std::vector<bool>& named, const Lemmatizer& lemmas,
                                Analysis& a) {
  static const std::uint8_t kVBN = xpos_index("VBN"), kVBD = xpos_index("VBD");
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (a.upos[i] != Upos::NOUN || (i < named.size() && named[i])) continue;
    // (a noun after a determiner, an adjective, a number or a preposition
    // is one: only the others are looked up)
    if (i > 0 && (a.upos[i - 1] == Upos::DET || a.upos[i - 1] == Upos::ADJ ||
                  a.upos[i - 1] == Upos::NUM || a.upos[i - 1] == Upos::ADP))
      continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    // A form that is also a noun ("shot", "left") is the verb only where
    // no noun can stand: right after its subject and before an object's
    // determiner or a particle ("Iran shot down a drone", "Iran shot a").
    const bool next_opens_object =
        i + 1 < words.size() &&
        (a.upos[i + 1] == Upos::DET ||
         (a.upos[i + 1] == Upos::PRON && (a.xpos[i + 1] == xpos_index("PRP$"))) ||
         words[i + 1] == "down" || words[i + 1] == "up" || words[i + 1] == "off" || words[i + 1] == "back");
    const bool subject_before = i > 0 && (a.upos[i - 1] == Upos::PROPN || (i < named.size() && i > 0 && named[i - 1]));
    if (form.size() < 4 || form.back() == 's' || form.ends_with("ing") ||
        !(lemmas.verb_form_only(form) || (subject_before && next_opens_object && lemmas.irregular_verb_form(form))))
      continue;
    bool aux = false;  // a form of "be" or "have" in the three words before
    for (std::size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
      std::string_view w = words[k];
      aux |= w == "was" || w == "were" || w == "is" || w == "are" || w == "be" || w == "been" ||
             w == "being" || w == "has" || w == "have" || w == "had" || w == "having";
    }
    const bool after_subject =
        i > 0 && (a.upos[i - 1] == Upos::NOUN || a.upos[i - 1] == Upos::PROPN ||
                  a.upos[i - 1] == Upos::PRON);
    a.upos[i] = Upos::VERB;
    a.xpos[i] = !aux && after_subject && form.back() != 'n'
                    ? kVBD
                    : kVBN;  // "stolen", "undergone": participles
  }
}

void nouns_taken_for_verbs(const std::vector<std::string_view>& words,
                           const std::vector<bool>& named, const Lemmatizer& lemmas, Analysis& a) {
  static const std::uint8_t kNN = xpos_index("NN"), kNNS = xpos_index("NNS");
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (a.upos[i] != Upos::VERB || (i < named.size() && named[i])) continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.size() < 3 || !lemmas.noun_form_only(form)) continue;
    a.upos[i] = Upos::NOUN;
    a.xpos[i] = form.back() == 's' && !lemmas.noun_index_word(form) ? kNNS : kNN;
  }
}

void presents_taken_for_plurals(const std::vector<std::string_view>& words, const std::vector<bool>& named,
                                const Lemmatizer& lemmas, Analysis& a) {
  static const std::uint8_t kNNS = xpos_index("NNS"), kVBZ = xpos_index("VBZ");
  std::string noun, verb;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (a.upos[i] != Upos::NOUN || a.xpos[i] != kNNS || (i < named.size() && named[i])) continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.size() < 5 || form.back() != 's' || lemmas.noun_index_word(form)) continue;
    lemmas.lemma_into(form, Upos::NOUN, kNNS, noun);
    if (lemmas.noun_index_word(noun)) continue;
    lemmas.lemma_into(form, Upos::VERB, kVBZ, verb);
    if (verb == form || !lemmas.verb_index_word(verb)) continue;
    a.upos[i] = Upos::VERB;
    a.xpos[i] = kVBZ;
  }
}

void presents_after_whose_subjects(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                   Analysis& a) {
  static const std::uint8_t kNN = xpos_index("NN"), kNNS = xpos_index("NNS"), kVBZ = xpos_index("VBZ");
  std::string verb;
  for (std::size_t i = 2; i + 1 < words.size(); ++i) {
    if (a.xpos[i] != kNNS || a.xpos[i - 1] != kNN) continue;
    char buf[25];
    if (lower(words[i - 2], buf) != "whose") continue;
    const std::string_view form = lower(words[i], buf);
    if (form.size() < 4 || form.back() != 's') continue;
    lemmas.lemma_into(form, Upos::VERB, kVBZ, verb);
    if (verb == form || !lemmas.verb_index_word(verb)) continue;
    a.upos[i] = Upos::VERB;
    a.xpos[i] = kVBZ;
  }
}

void nouns_taken_for_adverbs(const std::vector<std::string_view>& words, const std::vector<bool>& named,
                             const Lemmatizer& lemmas, Analysis& a) {
  static const std::uint8_t kNN = xpos_index("NN"), kNNS = xpos_index("NNS");
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (a.upos[i] != Upos::ADV || (i < named.size() && named[i])) continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.size() < 4 || !lemmas.noun_form_only(form) || lemmas.adverb_index_word(form)) continue;
    a.upos[i] = Upos::NOUN;
    a.xpos[i] = form.back() == 's' && !lemmas.noun_index_word(form) ? kNNS : kNN;
  }
}

void adverbs_after_possessives(const std::vector<std::string_view>& words,
                               const Lemmatizer& lemmas, Analysis& a) {
  static const std::uint8_t kNN = xpos_index("NN"), kPOSS = xpos_index("PRP$");
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (a.upos[i] != Upos::ADV || a.xpos[i - 1] != kPOSS || words[i - 1] == "her" ||
        words[i - 1] == "Her")
      continue;
    const Upos next = a.upos[i + 1];
    if (next == Upos::ADJ || next == Upos::ADV || next == Upos::NOUN || next == Upos::NUM ||
        next == Upos::VERB)
      continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.size() < 3 || !lemmas.noun_index_word(form)) continue;
    a.upos[i] = Upos::NOUN;
    a.xpos[i] = kNN;
  }
}

void plurals_after_prepositions(const std::vector<std::string_view>& words,
                                const Lemmatizer& lemmas, Analysis& a) {
  static const std::uint8_t kVBZ = xpos_index("VBZ"), kNNS = xpos_index("NNS");
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (a.xpos[i] != kVBZ || words[i].size() < 4 || words[i].back() != 's') continue;
    const std::string_view prev = words[i - 1];
    if (!(prev == "over" || prev == "amid" || prev == "despite" || prev == "following" ||
          prev == "after" || prev == "about" || prev == "of" || prev == "against" ||
          prev == "with" || prev == "for" || prev == "by"))
      continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.empty() || !lemmas.noun_index_word(form.substr(0, form.size() - 1))) continue;
    a.upos[i] = Upos::NOUN;
    a.xpos[i] = kNNS;
  }
}

void plurals_taken_for_singulars(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                 Analysis& a) {
  static const std::uint8_t kNN = xpos_index("NN"), kNNS = xpos_index("NNS");
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (a.xpos[i] != kNN || words[i].size() < 4 || words[i].back() != 's') continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.empty() || form.ends_with("ss") || form.ends_with("us") || form.ends_with("is") ||
        lemmas.noun_index_word(form) || !lemmas.noun_index_word(form.substr(0, form.size() - 1)))
      continue;
    a.xpos[i] = kNNS;
  }
}

void modifiers_taken_for_verbs(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                               Analysis& a) {
  static const std::uint8_t kVB = xpos_index("VB"), kVBP = xpos_index("VBP"), kNN = xpos_index("NN");
  for (std::size_t i = 2; i + 1 < words.size(); ++i) {
    if (a.upos[i] != Upos::VERB || (a.xpos[i] != kVB && a.xpos[i] != kVBP)) continue;
    if (a.upos[i - 2] != Upos::ADJ || a.upos[i - 1] != Upos::CCONJ || a.upos[i + 1] != Upos::NOUN) continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.empty() || !lemmas.noun_index_word(form)) continue;
    // (a predicate adjective joined to a verb: "are ready and support
    // peace")
    if (i >= 3) {
      char pb[25];
      const std::string_view before = lower(words[i - 3], pb);
      if (a.upos[i - 3] == Upos::AUX || a.upos[i - 3] == Upos::ADV || before == "is" || before == "are" ||
          before == "was" || before == "were" || before == "be" || before == "been")
        continue;
    }
    a.upos[i] = Upos::NOUN;
    a.xpos[i] = kNN;
  }
}

void joint_taken_for_verb(const std::vector<std::string_view>& words, Analysis& a) {
  static const std::uint8_t kJJ = xpos_index("JJ");
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (a.upos[i] != Upos::VERB || (a.upos[i + 1] != Upos::NOUN && a.upos[i + 1] != Upos::ADJ)) continue;
    char buf[25];
    if (lower(words[i], buf) != "joint") continue;
    a.upos[i] = Upos::ADJ;
    a.xpos[i] = kJJ;
  }
}

void participles_after_degree_adverbs(const std::vector<std::string_view>& words, Analysis& a) {
  static const std::uint8_t kJJ = xpos_index("JJ");
  static constexpr std::string_view kDegree[] = {"newly", "recently", "democratically", "popularly", "freshly"};
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (a.upos[i] != Upos::VERB || words[i].size() < 5 || !words[i].ends_with("ed")) continue;
    if (!(a.upos[i + 1] == Upos::NOUN || a.upos[i + 1] == Upos::PROPN || a.upos[i + 1] == Upos::ADJ)) continue;
    char buf[25];
    const std::string_view before = lower(words[i - 1], buf);
    if (std::find(std::begin(kDegree), std::end(kDegree), before) == std::end(kDegree)) continue;
    a.upos[i] = Upos::ADJ;
    a.xpos[i] = kJJ;
  }
}

void nouns_taken_for_numbers(const std::vector<std::string_view>& words, const Lemmatizer& lemmas, Analysis& a) {
  static const std::uint8_t kNN = xpos_index("NN"), kNNS = xpos_index("NNS");
  static constexpr std::string_view kNumberWords[] = {
      "one",    "two",     "three",    "four",    "five",     "six",      "seven",    "eight",  "nine",
      "ten",    "eleven",  "twelve",   "thirteen", "fifteen", "twenty",   "thirty",   "forty",  "fifty",
      "sixty",  "seventy", "eighty",   "ninety",  "hundred",  "hundreds", "thousand", "thousands",
      "million", "millions", "billion", "billions", "trillion", "dozen",  "dozens",   "score",  "half"};
  std::string lemma;
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (a.upos[i] != Upos::NUM || words[i].size() < 4) continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.empty() || form != words[i] ||
        !std::all_of(form.begin(), form.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }) ||
        std::find(std::begin(kNumberWords), std::end(kNumberWords), form) != std::end(kNumberWords))
      continue;
    lemmas.lemma_into(form, Upos::NOUN, kNoXpos, lemma);
    if (!lemmas.noun_index_word(lemma)) continue;
    a.upos[i] = Upos::NOUN;
    a.xpos[i] = lemma == form ? kNN : kNNS;
  }
}

void pasts_taken_for_adjectives(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                Analysis& a) {
  static const std::uint8_t kJJ = xpos_index("JJ"), kVBD = xpos_index("VBD");
  std::string stem;
  bool past_before = false;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (i >= 2 && !past_before) past_before = a.upos[i - 2] == Upos::VERB && a.xpos[i - 2] == kVBD;
    if (!past_before || a.upos[i] != Upos::ADJ || a.xpos[i] != kJJ || words[i - 1] != "and") continue;
    const Upos before = a.upos[i - 2], after = a.upos[i + 1];
    if (!(before == Upos::NOUN || before == Upos::PROPN || before == Upos::PRON || before == Upos::NUM)) continue;
    if (!(after == Upos::NOUN || after == Upos::PROPN || after == Upos::DET || after == Upos::PRON ||
          after == Upos::NUM))
      continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.size() < 5 || form.substr(form.size() - 2) != "ed" || lemmas.adjective_index_word(form)) continue;
    lemmas.lemma_into(form, Upos::VERB, kVBD, stem);
    if (stem == form || !lemmas.verb_index_word(stem)) continue;
    a.upos[i] = Upos::VERB;
    a.xpos[i] = kVBD;
  }
}

void infinitives_taken_for_adjectives(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                      Analysis& a) {
  static const std::uint8_t kJJ = xpos_index("JJ"), kVB = xpos_index("VB"), kTO = xpos_index("TO"),
                            kDT = xpos_index("DT"), kCD = xpos_index("CD"), kPRPS = xpos_index("PRP$"),
                            kVBN = xpos_index("VBN"), kNN = xpos_index("NN"), kNNS = xpos_index("NNS");
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (a.xpos[i] != kJJ || (words[i - 1] != "to" && words[i - 1] != "To")) continue;
    const std::uint8_t next = a.xpos[i + 1];
    // ... or a participle before a noun ("to free detained reporters",
    // "to free jailed fishermen": the participle opens the object)
    const bool participle = (next == kVBN || (next == kJJ && words[i + 1].size() > 4 && words[i + 1].ends_with("ed"))) &&
                            i + 2 < words.size() && (a.xpos[i + 2] == kNN || a.xpos[i + 2] == kNNS);
    if (next != kDT && next != kCD && next != kPRPS && !participle) continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.empty() || !lemmas.verb_index_word(form)) continue;
    a.upos[i] = Upos::VERB;
    a.xpos[i] = kVB;
    a.upos[i - 1] = Upos::PART;
    a.xpos[i - 1] = kTO;
  }
}

bool is_particle(std::string_view w) {
  return w == "over" || w == "up" || w == "down" || w == "off" || w == "out" || w == "back" || w == "away";
}

void nouns_after_modals(const std::vector<std::string_view>& words, const Lemmatizer& lemmas, Analysis& a) {
  static const std::uint8_t kMD = xpos_index("MD"), kNN = xpos_index("NN"), kVB = xpos_index("VB"),
                            kRB = xpos_index("RB"), kDT = xpos_index("DT"), kCD = xpos_index("CD"),
                            kPRPS = xpos_index("PRP$"), kPRP = xpos_index("PRP"), kRP = xpos_index("RP"),
                            kIN = xpos_index("IN");
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (a.xpos[i] != kNN) continue;
    std::size_t m = i - 1;
    if (a.xpos[m] == kRB && m > 0) --m;
    if (a.xpos[m] != kMD) continue;
    const std::uint8_t next = a.xpos[i + 1];
    if (next != kDT && next != kCD && next != kPRPS && next != kPRP && next != kRP && next != kIN) continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.empty() || !lemmas.verb_index_word(form)) continue;
    a.upos[i] = Upos::VERB;
    a.xpos[i] = kVB;
    // ("hand over three boats": its particle, read as a preposition)
    if (next == kIN && i + 2 < words.size() && is_particle(words[i + 1]) &&
        (a.xpos[i + 2] == kDT || a.xpos[i + 2] == kCD || a.xpos[i + 2] == kPRPS))
      a.xpos[i + 1] = kRP;
  }
}

void pasts_after_and(const std::vector<std::string_view>& words, Analysis& a) {
  // A verb after "and" or "or" takes the form of the verb it joins in the
  // tagger's eyes ("to wait and spoke" -> "spoke" VB); a form that WordNet
  // lists as an irregular inflection of another verb is no base form: it
  // is a past ("spoke", "met", "left"; forms in -n, which may be
  // participles, stay as tagged).
  static const std::uint8_t kVB = xpos_index("VB"), kVBD = xpos_index("VBD");
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (a.upos[i] != Upos::VERB || a.xpos[i] != kVB || words[i].empty() || words[i].back() == 'n')
      continue;
    const std::string& l = a.lemma[i];
    if (l == "be" || l == "have" || l == "do") continue;
    const std::string_view w = words[i];
    if (l.size() == w.size() && std::equal(l.begin(), l.end(), w.begin(), [](char x, char y) {
          return x == (y >= 'A' && y <= 'Z' ? static_cast<char>(y - 'A' + 'a') : y);
        }))
      continue;
    const std::string_view prev = words[i - 1];
    if (prev != "and" && prev != "or") continue;
    a.xpos[i] = kVBD;
  }
}

// "Turkish jets struck militant positions, the ministry said": a clause
// told before a comma with no finite verb has its verb tagged as a
// participle ("struck", "bombed": the same form). A past participle right
// after the subject's noun, with an object's first word after it, in a
// first clause that has no other finite verb and no auxiliary is that
// clause's past tense. ("The envoy expelled Tuesday is ...", "Troops
// wounded in ..." keep their tags: a finite verb follows, or no object.)
void headless_participles(const std::vector<std::string_view>& words, Analysis& out) {
  static const std::uint8_t kVBN = xpos_index("VBN"), kVBD = xpos_index("VBD");
  static const std::vector<std::uint8_t> kFinite = {xpos_index("VBD"), xpos_index("VBZ"),
                                                    xpos_index("VBP"), xpos_index("MD")};
  static const std::vector<std::uint8_t> kObjectStart = {
      xpos_index("DT"),   xpos_index("JJ"),  xpos_index("NN"),
      xpos_index("NNS"),  xpos_index("NNP"), xpos_index("NNPS"),
      xpos_index("PRP$"), xpos_index("CD"),  xpos_index("PRP")};
  const std::size_t n = words.size();
  std::size_t end = 0;  // the first clause: up to a comma, semicolon, colon, dash or quote
  while (end < n && words[end] != "," && words[end] != ";" && words[end] != ":" &&
         words[end] != "--" && words[end] != "\"" && words[end] != "-")
    ++end;
  int participle = -1;
  for (std::size_t i = 0; i < end; ++i) {
    const std::uint8_t x = out.xpos[i];
    if (std::find(kFinite.begin(), kFinite.end(), x) != kFinite.end() || out.upos[i] == Upos::AUX)
      return;
    if (x != kVBN || out.upos[i] != Upos::VERB) continue;
    if (participle >= 0) return;  // two participles: no guess
    participle = static_cast<int>(i);
  }
  if (participle < 1 || static_cast<std::size_t>(participle) + 1 >= end) return;
  const std::size_t p = static_cast<std::size_t>(participle);
  const Upos before = out.upos[p - 1];
  if (before != Upos::NOUN && before != Upos::PROPN) return;
  // "Palestinians reject proposed changes": a plural noun seldom modifies
  // a noun, so a singular noun after one is a verb the tagger missed, and
  // the participle is what it says.
  static const std::uint8_t kNN = xpos_index("NN"), kNNS = xpos_index("NNS"),
                            kNNPS = xpos_index("NNPS");
  if (p >= 2 && out.xpos[p - 1] == kNN && (out.xpos[p - 2] == kNNS || out.xpos[p - 2] == kNNPS))
    return;
  // ... or, before an attribution ("Rwandan troops crossed into Congo,
  // witnesses said"), a preposition: the clause is what was said, a
  // sentence of its own.
  bool attributed = false;
  if (end < n && words[end] == ",")
    for (std::size_t k = end + 1; k < n && k <= end + 6 && !attributed; ++k)
      attributed = words[k] == "said" || words[k] == "say" || words[k] == "says" || words[k] == "told" ||
                   words[k] == "reported" || words[k] == "added";
  static const std::uint8_t kIN = xpos_index("IN");
  if (std::find(kObjectStart.begin(), kObjectStart.end(), out.xpos[p + 1]) == kObjectStart.end() &&
      !(attributed && out.xpos[p + 1] == kIN))
    return;
  if (out.lemma[p] == "be" || out.lemma[p] == "have") return;
  out.xpos[p] = kVBD;
}

// "after Venezuelan officials accused Buenos Aires of ...": a participle
// after a subordinating conjunction and a noun phrase, with an object's
// first word right after it, is the clause's past tense. (A participle
// that modifies the noun takes no object: "after officials accused of
// fraud", "since troops deployed there" keep their tags.)
void presents_after_subordinators(const std::vector<std::string_view>& words,
                                  const Lemmatizer& lemmas, Analysis& a) {
  static const std::uint8_t kVBZ = xpos_index("VBZ"), kNNS = xpos_index("NNS"), kNN = xpos_index("NN"),
                            kNNP = xpos_index("NNP"), kNNPS = xpos_index("NNPS");
  static const std::vector<std::uint8_t> kAfter = {xpos_index(","), xpos_index("."), xpos_index("DT"),
                                                   xpos_index("PRP$"), xpos_index("PRP"), kNNP, kNNPS,
                                                   xpos_index("CD")};
  const std::size_t n = words.size();
  for (std::size_t i = 0; i + 2 < n; ++i) {
    char buf[25];
    const std::string_view w = lower(words[i], buf);
    if (!(w == "if" || w == "unless" || w == "when" || w == "once" || w == "because" || w == "until" ||
          w == "before" || w == "after" || w == "while" || w == "although" || w == "though"))
      continue;
    // the subject: one to three words of a name, or "he", "she", "it"
    std::size_t v = i + 1;
    char pbuf[25];
    const std::string_view p = lower(words[v], pbuf);
    if (p == "he" || p == "she" || p == "it") {
      ++v;
    } else {
      while (v < n && v <= i + 3 && (a.xpos[v] == kNNP || a.xpos[v] == kNNPS)) ++v;
      if (v == i + 1) continue;
    }
    if (v >= n || (a.xpos[v] != kNNS && a.xpos[v] != kNN)) continue;
    const std::string_view form = lower(words[v], buf);
    if (form.size() < 4 || form.back() != 's' || form.ends_with("ss") || form.ends_with("us") ||
        form.ends_with("is") || form != words[v])
      continue;
    if (!lemmas.verb_index_word(form.substr(0, form.size() - 1))) continue;
    if (v + 1 < n && std::find(kAfter.begin(), kAfter.end(), a.xpos[v + 1]) == kAfter.end()) continue;
    a.upos[v] = Upos::VERB;
    a.xpos[v] = kVBZ;
  }
}

void pasts_after_subordinators(const std::vector<std::string_view>& words, Analysis& out) {
  static const std::uint8_t kVBN = xpos_index("VBN"), kVBD = xpos_index("VBD"),
                            kVBZ = xpos_index("VBZ"), kVBP = xpos_index("VBP");
  static const std::vector<std::uint8_t> kPhrase = {
      xpos_index("DT"),  xpos_index("JJ"),  xpos_index("NN"),  xpos_index("NNS"),
      xpos_index("NNP"), xpos_index("NNPS"), xpos_index("PRP$"), xpos_index("CD"), xpos_index("POS")};
  static const std::vector<std::uint8_t> kObjectStart = {xpos_index("DT"),  xpos_index("NNP"),
                                                         xpos_index("NNPS"), xpos_index("PRP$"),
                                                         xpos_index("PRP"), xpos_index("CD"),
                                                         xpos_index("NN"),  xpos_index("NNS")};
  const std::size_t n = words.size();
  for (std::size_t i = 0; i + 3 < n; ++i) {
    char buf[25];
    const std::string_view w = lower(words[i], buf);
    if (!(w == "after" || w == "before" || w == "since" || w == "when" || w == "because" ||
          w == "while" || w == "although" || w == "though" || w == "until" || w == "once"))
      continue;
    // the noun phrase: one to five words, ending in a noun
    std::size_t v = i + 1;
    while (v < n && v <= i + 5 &&
           std::find(kPhrase.begin(), kPhrase.end(), out.xpos[v]) != kPhrase.end())
      ++v;
    if (v == i + 1 || v + 1 >= n || out.upos[v] != Upos::VERB) continue;
    if (out.upos[v - 1] != Upos::NOUN && out.upos[v - 1] != Upos::PROPN) continue;
    // (a finite verb there: the conjunction opens its clause, "a day after
    // the island's president returned")
    if (out.xpos[v] == kVBD || out.xpos[v] == kVBZ || out.xpos[v] == kVBP) {
      out.upos[i] = Upos::SCONJ;
      continue;
    }
    if (out.xpos[v] != kVBN) continue;
    if (std::find(kObjectStart.begin(), kObjectStart.end(), out.xpos[v + 1]) == kObjectStart.end())
      continue;
    if (out.lemma[v] == "be" || out.lemma[v] == "have") continue;
    out.xpos[v] = kVBD;
    out.upos[i] = Upos::SCONJ;  // (it opens a clause: no preposition)
  }
}

void base_forms_taken_for_pasts(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                Analysis& a) {
  static const std::uint8_t kVB = xpos_index("VB"), kVBD = xpos_index("VBD");
  // English verbs whose past is spelled as their base form
  static const std::string_view kSameForm[] = {
      "bet",   "bid",  "broadcast", "burst", "cast", "cost",  "cut",   "fit",   "forecast", "hit",
      "hurt",  "knit", "let",       "put",   "quit", "read",  "rid",   "set",   "shed",     "shut",
      "slit",  "spit", "split",     "spread", "thrust", "upset", "wed", "beat", "offset",   "reset",
      "input", "output", "undercut", "overcast", "preset", "recast", "sublet", "telecast", "outbid"};
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (a.xpos[i] != kVBD || a.upos[i] != Upos::VERB) continue;
    char buf[25];
    const std::string_view w = lower(words[i], buf);
    if (w != a.lemma[i] || w.empty()) continue;
    if (std::find(std::begin(kSameForm), std::end(kSameForm), w) != std::end(kSameForm)) continue;
    if (!lemmas.verb_index_word(w)) continue;
    a.xpos[i] = kVB;
  }
}

void pasts_before_infinitives(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                              Analysis& a) {
  static const std::uint8_t kVBD = xpos_index("VBD"), kVB = xpos_index("VB");
  std::string stem;
  for (std::size_t i = 1; i + 2 < words.size(); ++i) {
    if ((a.upos[i] != Upos::ADJ && a.upos[i] != Upos::NOUN) || words[i + 1] != "to") continue;
    if (a.xpos[i + 2] != kVB) continue;
    const Upos before = a.upos[i - 1];
    if (before != Upos::PROPN && before != Upos::NOUN && before != Upos::PRON) continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.size() < 3 || lemmas.adjective_index_word(form)) continue;
    lemmas.lemma_into(form, Upos::NOUN, kNoXpos, stem);  // (no plural noun: "urged the two partners to talk")
    if (lemmas.noun_index_word(stem)) continue;
    lemmas.lemma_into(form, Upos::VERB, kVBD, stem);
    if (stem == form || !lemmas.verb_index_word(stem)) continue;
    a.upos[i] = Upos::VERB;
    a.xpos[i] = kVBD;
  }
}

// Verbs that take a "to" infinitive (a closed list).
static bool takes_infinitive(std::string_view lemma) {
  static const std::string_view kTakesInfinitive[] = {
      "plan",   "aim",    "hope",  "want",    "seek",   "intend",  "need",   "expect", "vow",
      "threaten", "refuse", "agree", "offer",   "promise", "pledge", "decide", "try",    "attempt",
      "prepare", "wish",   "fail",  "continue", "begin",  "start",   "tend",   "appear", "seem",
      "claim",  "vote",   "move",  "struggle", "scramble", "rush",  "push",   "work"};
  return std::find(std::begin(kTakesInfinitive), std::end(kTakesInfinitive), lemma) != std::end(kTakesInfinitive);
}

void presents_before_infinitives(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                 Analysis& a) {
  static const std::uint8_t kNNS = xpos_index("NNS"), kVBZ = xpos_index("VBZ"), kVB = xpos_index("VB");
  for (std::size_t i = 1; i + 2 < words.size(); ++i) {
    if (a.xpos[i] != kNNS || a.upos[i - 1] != Upos::PROPN || words[i + 1] != "to") continue;
    if (a.upos[i + 2] != Upos::VERB || a.xpos[i + 2] != kVB) continue;
    // (a verb that takes an infinitive: "Russia troops to fire" is a noun)
    if (!takes_infinitive(a.lemma[i])) continue;
    if (!lemmas.verb_index_word(a.lemma[i])) continue;
    a.upos[i] = Upos::VERB;
    a.xpos[i] = kVBZ;
  }
}

void participles_after_numbers(const std::vector<std::string_view>& words, Analysis& a) {
  static const std::uint8_t kVBN = xpos_index("VBN"), kVBD = xpos_index("VBD"), kCD = xpos_index("CD"),
                            kNNS = xpos_index("NNS"), kNNPS = xpos_index("NNPS"), kIN = xpos_index("IN"),
                            kDT = xpos_index("DT");
  for (std::size_t i = 2; i + 1 < words.size(); ++i) {
    if (a.xpos[i] != kVBD || a.xpos[i - 1] != kCD || (a.xpos[i + 1] != kNNS && a.xpos[i + 1] != kNNPS))
      continue;
    // (the number is an object or a phrase's: "In 1990 troops ..." has
    // the number before the clause's subject, not before its verb)
    if (a.upos[i - 2] != Upos::VERB && a.xpos[i - 2] != kIN && a.xpos[i - 2] != kDT) continue;
    if (a.xpos[i - 2] == kIN && i >= 3 && a.xpos[i - 3] == kCD) continue;
    a.xpos[i] = kVBN;
  }
}

// "it shot down 30 drones" with "shot" tagged as an auxiliary: the
// auxiliaries are a closed class (forms of "be", "have", "do", the modals,
// "get" of a passive); any other word the tagger calls one is a verb, a
// past where it was taken for a modal.
void verbs_taken_for_auxiliaries(const std::vector<std::string_view>& words, Analysis& a) {
  static constexpr std::string_view kAux[] = {
      "be",    "am",   "is",     "are",    "was",   "were",  "been",  "being", "'s",    "'re",
      "'m",    "s",    "re",     "m",      "have",  "has",   "had",   "having", "'ve",  "ve",
      "'d",    "d",    "do",     "does",   "did",   "done",  "doing", "will",  "would", "shall",
      "should", "can", "could",  "may",    "might", "must",  "ought", "'ll",   "ll",    "wo",
      "ca",    "need", "needs",  "dare",   "get",   "gets",  "got",   "gotten", "getting", "to",
      "used",  "gon",  "wan",    "na",     "ai",    "wud",   "wo",    "cud",   "shud",  "r",     "v"};
  static const std::uint8_t kMD = xpos_index("MD"), kVBD = xpos_index("VBD");
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (a.upos[i] != Upos::AUX) continue;
    char buf[25];
    const std::string_view w = lower(words[i], buf);
    if (w.empty() || std::find(std::begin(kAux), std::end(kAux), w) != std::end(kAux)) continue;
    if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    a.upos[i] = Upos::VERB;
    if (a.xpos[i] == kMD) a.xpos[i] = kVBD;
  }
}

// "told reporters that China would ...": after a verb that tells someone
// something (tell, inform, assure, remind, warn ...) and its object, "that"
// opens what is told; the tagger, seeing a noun before it, takes it for a
// relative pronoun.
bool tells_someone(std::string_view lemma) {
  static constexpr std::string_view kTelling[] = {"tell",   "inform",   "assure",  "reassure",
                                                  "remind", "warn",     "notify",  "advise",
                                                  "convince", "persuade", "promise", "caution"};
  return std::find(std::begin(kTelling), std::end(kTelling), lemma) != std::end(kTelling);
}

void that_after_told_object(const std::vector<std::string_view>& words, Analysis& a) {
  static const std::uint8_t kIN = xpos_index("IN"), kPOS = xpos_index("POS"), kPRPS = xpos_index("PRP$");
  for (std::size_t i = 2; i < words.size(); ++i) {
    if (a.upos[i] != Upos::PRON || (words[i] != "that" && words[i] != "That")) continue;
    std::size_t k = i - 1;  // the object's head, then back over its modifiers
    if (!(a.upos[k] == Upos::NOUN || a.upos[k] == Upos::PROPN || a.upos[k] == Upos::PRON)) continue;
    // (the phrase's words, a possessive's "'s" among them: "told Peru's
    // envoy that"; and one phrase a preposition opens after the object:
    // "told the envoy on Monday that")
    auto in_phrase = [&](std::size_t w) {
      return a.upos[w] == Upos::DET || a.upos[w] == Upos::ADJ || a.upos[w] == Upos::NUM ||
             a.upos[w] == Upos::NOUN || a.upos[w] == Upos::PROPN || a.xpos[w] == kPOS ||
             (a.upos[w] == Upos::PRON && a.xpos[w] == kPRPS);
    };
    const std::size_t start = k;
    while (k > 0 && start - k < 4 && in_phrase(k - 1)) --k;
    if (k > 1 && a.upos[k - 1] == Upos::ADP && in_phrase(k - 2)) {
      const std::size_t before = k - 2;
      k = before;
      while (k > 0 && before - k < 4 && in_phrase(k - 1)) --k;
    }
    if (k == 0 || a.upos[k - 1] != Upos::VERB || !tells_someone(a.lemma[k - 1])) continue;
    a.upos[i] = Upos::SCONJ;
    a.xpos[i] = kIN;
  }
}

void nouns_after_infinitive_to(const std::vector<std::string_view>& words, const Lemmatizer& lemmas, Analysis& a) {
  static const std::uint8_t kNN = xpos_index("NN"), kVB = xpos_index("VB"), kDT = xpos_index("DT"),
                            kCD = xpos_index("CD"), kPRPS = xpos_index("PRP$"), kPRP = xpos_index("PRP"),
                            kRP = xpos_index("RP"), kIN = xpos_index("IN"), kTO = xpos_index("TO");
  for (std::size_t i = 2; i + 1 < words.size(); ++i) {
    if (a.xpos[i] != kNN || words[i - 1] != "to" || a.upos[i - 2] != Upos::VERB || !takes_infinitive(a.lemma[i - 2]))
      continue;
    const std::uint8_t next = a.xpos[i + 1];
    const bool particle = next == kIN && is_particle(words[i + 1]);
    if (next != kDT && next != kCD && next != kPRPS && next != kPRP && next != kRP && !particle) continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.empty() || !lemmas.verb_index_word(form)) continue;
    a.upos[i] = Upos::VERB;
    a.xpos[i] = kVB;
    lemmas.lemma_into(words[i], a.upos[i], a.xpos[i], a.lemma[i]);
    a.upos[i - 1] = Upos::PART;  // (its "to" is the infinitive's)
    a.xpos[i - 1] = kTO;
    if (particle) a.xpos[i + 1] = kRP;
  }
}

// Verbs whose object may be a clause without "that" ("said the talks
// needs ...", "hoped the new pact works"): a closed list.
static bool takes_bare_clause(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {
      "say",   "tell",   "think", "believe", "hope",    "expect", "know",    "warn",     "claim",  "insist",
      "argue", "add",    "note",  "announce", "report", "fear",   "doubt",   "suggest",  "show",   "mean",
      "ensure", "deny",  "find",  "feel",    "see",     "hear",   "agree",   "confirm",  "admit",  "predict",
      "suspect", "decide", "assume", "guarantee", "acknowledge", "estimate", "wish", "reckon", "recall", "realize"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), lemma) != std::end(kVerbs);
}

void plurals_in_object_phrases(const std::vector<std::string_view>& words, const Lemmatizer& lemmas, Analysis& a) {
  static const std::uint8_t kNN = xpos_index("NN"), kNNS = xpos_index("NNS"), kVBZ = xpos_index("VBZ"),
                            kJJ = xpos_index("JJ"), kDT = xpos_index("DT"), kPRPS = xpos_index("PRP$");
  for (std::size_t i = 3; i < words.size(); ++i) {
    if (a.xpos[i] != kVBZ || a.xpos[i - 1] != kNN || words[i].size() < 4 || words[i].back() != 's') continue;
    std::size_t k = i - 1;
    bool adjective = false;
    while (k > 0 && i - k < 4 && (a.xpos[k - 1] == kNN || a.xpos[k - 1] == kJJ || a.xpos[k - 1] == kDT ||
                                  a.xpos[k - 1] == kPRPS)) {
      adjective |= a.xpos[k - 1] == kJJ;
      --k;
    }
    if (!adjective || k == 0 || a.upos[k - 1] != Upos::VERB || takes_bare_clause(a.lemma[k - 1])) continue;
    char buf[25];
    const std::string_view form = lower(words[i], buf);
    if (form.empty() || !lemmas.noun_index_word(form.substr(0, form.size() - 1))) continue;
    a.upos[i] = Upos::NOUN;
    a.xpos[i] = kNNS;
    lemmas.lemma_into(words[i], a.upos[i], a.xpos[i], a.lemma[i]);
  }
}

}  // namespace dipgraph::syntax::tag_repairs
