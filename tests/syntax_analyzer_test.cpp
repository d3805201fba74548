// syntax::Analyzer: the repairs it makes to the tagger's tags before
// parsing. Sentences are written for these tests.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/syntax/analyzer.hpp"

using namespace dipgraph;
using namespace dipgraph::syntax;

namespace {

const Analyzer& analyzer() {
  static const std::unique_ptr<Analyzer> a =
      Analyzer::load(std::string(DIPGRAPH_DATA_DIR) + "/syntax");
  return *a;
}

struct Tags {
  std::string tagger, analyzer;  // Penn tags of one word: the tagger's alone, and after the repairs
};

// The tags of word `at` of `words`, with hints.
Tags tags_of(const std::vector<std::string_view>& words, std::size_t at,
             const std::vector<Analyzer::Hint>& hints = {}) {
  Analysis raw, out;
  TaggerScratch ts;
  analyzer().tagger().tag(words, raw, ts);
  Analyzer::Scratch s;
  analyzer().analyze(words, hints, out, s);
  return {xpos_names()[raw.xpos[at]], xpos_names()[out.xpos[at]]};
}

}  // namespace

TEST_CASE(
    "analyzer: a first clause with no finite verb has its verb in the past, not a participle") {
  // "struck" is a past tense here: the clause before the attribution has
  // no other verb.
  Tags t =
      tags_of({"Turkish", "jets", "struck", "Kurdish", "militant", "positions", "in", "northern",
               "Iraq", "overnight", ",", "the", "Iraqi", "foreign", "ministry", "said", "."},
              2);
  CHECK(t.tagger == "VBN");
  CHECK(t.analyzer == "VBD");
  // A participle after a plural noun and a singular one ("Kenyans oppose
  // proposed tariffs": "oppose" taken for a noun) stays what the tagger
  // said; so does one with no object after it, and one in a clause with
  // a finite verb.
  for (const auto& row : std::vector<std::pair<std::vector<std::string_view>, std::size_t>>{
           {{"Kenyans", "oppose", "proposed", "Ugandan", "tariffs", "on", "sugar", ",", "a",
             "trader", "said", "."},
            2},
           {{"Soldiers", "wounded", "in", "the", "clash", "were", "flown", "home", "."}, 1},
           {{"The", "envoy", "expelled", "in", "May", "is", "a", "Kenyan", "citizen", "."}, 2}}) {
    const std::vector<std::string_view>& words =
        row.first;  // (no structured binding: CAPTURE is a lambda)
    const std::size_t at = row.second;
    Tags u = tags_of(words, at);
    CAPTURE(words[at]);
    CHECK(u.analyzer == u.tagger);
  }
}

TEST_CASE("analyzer: a demonym before a noun is an adjective, and the noun is tagged knowing it") {
  // The tagger alone takes the rare demonym for a name and "jets" for a
  // verb; hinted, "Kenyan" is JJ and "jets" a plural noun.
  const std::vector<std::string_view> words = {"Kenyan", "jets",    "struck", "rebel",  "bases",
                                               "inside", "Somalia", "on",     "Friday", "."};
  std::vector<Analyzer::Hint> hints(words.size(), Analyzer::Hint::none);
  hints[0] = Analyzer::Hint::adjective;
  hints[6] = Analyzer::Hint::proper_noun;
  CHECK(tags_of(words, 0, hints).analyzer == "JJ");
  CHECK(tags_of(words, 1, hints).analyzer == "NNS");
  CHECK(tags_of(words, 2, hints).analyzer == "VBD");
  // A demonym used as a noun keeps the tagger's tag.
  const std::vector<std::string_view> noun = {"A",  "Kenyan",  "was", "arrested",
                                              "in", "Kampala", "."};
  std::vector<Analyzer::Hint> h2(noun.size(), Analyzer::Hint::none);
  h2[1] = Analyzer::Hint::adjective;
  Tags k = tags_of(noun, 1, h2);
  CHECK(k.analyzer == k.tagger);
}

TEST_CASE(
    "analyzer: a word the tagger took for a noun that WordNet knows only as a verb form is that "
    "verb") {
  // "struck": a past after its subject.
  Tags t = tags_of({"India", "struck", "camps", "in", "Pakistan", "."}, 1);
  CHECK(t.analyzer == "VBD");
  // A participle after "was" and in -n.
  Tags u = tags_of({"The", "car", "was", "stolen", "from", "the", "embassy", "."}, 3);
  CHECK(u.analyzer == "VBN");
  // A noun of the same spelling as a verb form keeps the tagger's tag.
  Tags v = tags_of({"The", "shot", "was", "fired", "at", "dawn", "."}, 1);
  CHECK(v.analyzer == v.tagger);
}

TEST_CASE("analyzer: no present tense after a preposition: a verb in -s there is a plural noun") {
  Tags t = tags_of({"The", "EU", "summoned", "the", "envoy", "over", "reports", "that", "firms",
                    "sold", "parts", "."},
                   6);
  CHECK(t.analyzer == "NNS");
}

TEST_CASE("analyzer: a class fixed before tagging is kept, and one the model lacks is ignored") {
  const std::vector<std::string_view> words = {"Kenyan", "jets", "struck", "rebel", "bases", "."};
  const Tagger& tagger = analyzer().tagger();
  const int jj = tagger.class_of(Upos::ADJ, "JJ");
  REQUIRE(jj >= 0);
  CHECK(tagger.class_of(Upos::ADJ, "NO-SUCH-TAG") == -1);
  Analysis plain, fixed, bad;
  TaggerScratch s;
  tagger.tag(words, plain, s);
  tagger.tag(words, {jj, -1, -1, -1, -1, -1}, fixed, s);
  CHECK(xpos_names()[fixed.xpos[0]] == "JJ");
  // An index past the model's classes is no class: the tags of no fixing.
  tagger.tag(words, {100000, -1, -1, -1, -1, -1}, bad, s);
  CHECK(bad.xpos == plain.xpos);
  CHECK(bad.upos == plain.upos);
}

TEST_CASE(
    "analyzer: an irregular past that is also a noun is the verb between a name and its object") {
  // "shot" is a WordNet noun too: only after a name and before a particle
  // or an object's determiner is it read as the past of "shoot".
  Tags t = tags_of({"Iran", "shot", "down", "an", "American", "drone", "."}, 1);
  CHECK(t.analyzer == "VBD");
  t = tags_of({"Iran", "shot", "an", "American", "drone", "."}, 1);
  CHECK(t.analyzer == "VBD");
  // After a determiner it stays a noun.
  t = tags_of({"The", "shot", "hit", "a", "wall", "."}, 1);
  CHECK(t.analyzer == "NN");
}

TEST_CASE(
    "analyzer: a headless clause's participle before a preposition is a past when an attribution "
    "follows") {
  Tags t = tags_of({"Rwandan", "troops", "crossed", "into", "Congo", "on", "Tuesday", ",",
                    "witnesses", "said", "."},
                   2);
  CHECK(t.analyzer == "VBD");
}

TEST_CASE("analyzer: a singular noun in -s that WordNet knows only by its stem is a plural") {
  Tags t = tags_of({"Japan", "imposed", "export", "controls", "on", "Korea", "."}, 3);
  CHECK(t.analyzer == "NNS");
  // A noun WordNet knows in -s stays as tagged.
  t = tags_of({"The", "news", "reached", "Seoul", "."}, 1);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: a participle after 'after' and a noun phrase, before an object, is a past") {
  Tags t = tags_of({"Guinea", "lost", "its", "seat", "after", "the", "continental", "union",
                    "condemned", "Colonel", "Doumbouya", "'s", "coup", "."},
                   8);
  CHECK(t.tagger == "VBN");
  CHECK(t.analyzer == "VBD");
  // A participle that modifies the noun takes no object: left as tagged.
  t = tags_of({"Ghana", "closed", "its", "embassy", "after", "officials", "accused", "of",
               "meddling", "resigned", "."},
              6);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: a word outside the auxiliaries is no auxiliary; 'amid' is a preposition") {
  const std::vector<std::string_view> words = {"Ukraine", "'s",   "army", "said",   "it",
                                               "shot",    "down", "30",   "drones", "."};
  Analysis raw, out;
  TaggerScratch ts;
  analyzer().tagger().tag(words, raw, ts);
  Analyzer::Scratch s;
  analyzer().analyze(words, {}, out, s);
  CHECK(raw.upos[5] == Upos::AUX);
  CHECK(out.upos[5] == Upos::VERB);
  CHECK(out.lemma[5] == "shoot");
  const std::vector<std::string_view> amid = {"Britain", "will", "send", "two",    "warships", "to",
                                              "Guyana",  "amid", "a",    "border", "dispute",  "."};
  analyzer().tagger().tag(amid, raw, ts);
  analyzer().analyze(amid, {}, out, s);
  CHECK(raw.upos[7] == Upos::VERB);
  CHECK(out.upos[7] == Upos::ADP);
}

TEST_CASE("analyzer: a word WordNet knows only as a noun is no verb") {
  Tags t = tags_of({"Zambia", "'s", "president", "paid", "tribute", "to", "Cuba", "."}, 4);
  CHECK(t.tagger == "VB");
  CHECK(t.analyzer == "NN");
  // A form of a verb ("ruling"), or of an adjective ("Recent"), keeps its tag.
  t = tags_of({"Recent", "US", "strikes", "have", "killed", "eight", "men", "."}, 0);
  CHECK(t.analyzer == t.tagger);
  t = tags_of({"Canada", "opposed", "the", "ruling", "on", "lumber", "."}, 3);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: 'that' after a verb of telling and its object opens a clause") {
  for (std::vector<std::string_view> words :
       {std::vector<std::string_view>{"The", "minister", "told", "reporters", "that", "China",
                                      "would", "send", "troops", "."},
        std::vector<std::string_view>{"Kenya", "informed", "the", "UN", "that", "its", "troops",
                                      "had", "left", "."}}) {
    const std::size_t at = words[3] == "that" ? 3 : words[4] == "that" ? 4 : 5;
    Tags t = tags_of(words, at);
    CAPTURE(words[2]);
    CHECK(t.analyzer == "IN");
  }
  // A relative "that" after another verb's object stays as tagged.
  Tags t = tags_of({"Uganda", "praised", "the", "deal", "that", "Kenya", "signed", "."}, 4);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE(
    "analyzer: a word after a possessive determiner, tagged as an adverb, that WordNet knows as a "
    "noun is a noun") {
  // (with the recognizer's names as hints the tagger reads "ally" as an adverb)
  const std::vector<std::string_view> words{
      "As",     "a",  "result", ",",      "Kenya", "and", "its",  "ally", "Uganda", "had", "sent",
      "troops", "to", "the",    "border", "and",   "cut", "ties", "with", "Sudan",  "."};
  std::vector<Analyzer::Hint> hints(words.size(), Analyzer::Hint::none);
  hints[4] = hints[8] = hints[19] = Analyzer::Hint::proper_noun;
  Tags t = tags_of(words, 7, hints);
  CHECK(t.analyzer == "NN");
  // "her" is also an object ("saw her again"); before an adjective the
  // adverb is one ("its very own")
  t = tags_of({"Kenya", "thanked", "her", "again", "."}, 3);
  CHECK(t.analyzer == t.tagger);
  t = tags_of({"Kenya", "built", "its", "very", "own", "satellite", "."}, 3);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: a plural noun in -s after 'if' and a name, before a comma, is a present") {
  // the tagger reads "attacks" as the plural noun a name modifies
  Tags t = tags_of({"If", "Azerbaijan", "attacks", ",", "Armenia", "will", "respond", "."}, 2);
  CHECK(t.tagger == "NNS");
  CHECK(t.analyzer == "VBZ");
  // a noun that names modify, with a verb after it, stays a noun
  t = tags_of({"Once", "Vietnam", "exports", "grow", ",", "the", "deficit", "will", "shrink", "."}, 2);
  CHECK(t.tagger == "NNS");
  CHECK(t.analyzer == "NNS");
}

TEST_CASE("analyzer: a past after an object's number, before a plural noun, is a participle") {
  // the tagger reads "captured" as a past: the number becomes the object
  Tags t = tags_of({"Sudan", "and", "Chad", "swapped", "25", "captured", "soldiers", "on", "Monday", "."}, 5);
  CHECK(t.tagger == "VBD");
  CHECK(t.analyzer == "VBN");
  // a number before the clause's subject and verb leaves the verb finite
  t = tags_of({"In", "2011", "protesters", "occupied", "squares", "."}, 3);
  CHECK(t.analyzer == "VBD");
  // nor does a past with no plural noun after it change
  t = tags_of({"Officials", "counted", "40", "arrived", "yesterday", "."}, 3);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: a past whose form is its lemma is a bare verb, unless its past is so spelt") {
  // the tagger reads "lift" after a plural name as a past
  Tags t = tags_of({"Cuba", "insisted", "that", "the", "United", "States", "lift", "the", "embargo", "first", "."}, 6);
  CHECK(t.tagger == "VBD");
  CHECK(t.analyzer == "VB");
  // "cut" and "put" are pasts as well as bases
  t = tags_of({"Russia", "cut", "gas", "supplies", "to", "Latvia", "last", "year", "."}, 1);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: with the recognizer's hints, a lower-case WordNet noun is no name") {
  const std::vector<std::string_view> words{"Mali", "'s", "junta", "ordered", "the", "French", "envoy", "to", "leave", "."};
  std::vector<Analyzer::Hint> hints(words.size(), Analyzer::Hint::none);
  hints[0] = Analyzer::Hint::proper_noun;
  hints[5] = Analyzer::Hint::adjective;
  Tags t = tags_of(words, 2, hints);
  CHECK(t.tagger == "NNP");
  CHECK(t.analyzer == "NN");
  // a particle between two names stays in the name
  const std::vector<std::string_view> name{"Lula", "da", "Silva", "met", "Xi", "."};
  std::vector<Analyzer::Hint> h2(name.size(), Analyzer::Hint::none);
  h2[0] = h2[2] = h2[4] = Analyzer::Hint::proper_noun;
  t = tags_of(name, 1, h2);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: a participle after a subordinator and a noun phrase, before a common noun, is a past") {
  // "... after a Chinese ship fired water cannon at ...": a mass noun opens the object
  const std::vector<std::string_view> words{"Hanoi", "protested", "after", "a",   "Chinese", "ship",
                                            "fired", "water",     "cannon", "at", "a",   "Vietnamese",
                                            "trawler", "."};
  std::vector<Analyzer::Hint> hints(words.size(), Analyzer::Hint::none);
  hints[0] = Analyzer::Hint::proper_noun;
  hints[4] = hints[11] = Analyzer::Hint::adjective;
  Tags t = tags_of(words, 6, hints);
  CHECK(t.analyzer == "VBD");
}

TEST_CASE("analyzer: a plural noun after a name, before 'to' and a bare verb, is a present when it takes an infinitive") {
  const std::vector<std::string_view> words{"Chile", "plans", "to", "buy", "Swedish", "jets", "."};
  std::vector<Analyzer::Hint> hints(words.size(), Analyzer::Hint::none);
  hints[0] = Analyzer::Hint::proper_noun;
  hints[4] = Analyzer::Hint::adjective;
  Tags t = tags_of(words, 1, hints);
  CHECK(t.tagger == "NNS");
  CHECK(t.analyzer == "VBZ");
  // "troops" takes no infinitive: a noun
  const std::vector<std::string_view> troops{"It", "backed", "the", "right", "of", "Chad", "troops", "to", "fire", "."};
  std::vector<Analyzer::Hint> h2(troops.size(), Analyzer::Hint::none);
  h2[5] = Analyzer::Hint::proper_noun;
  t = tags_of(troops, 6, h2);
  CHECK(t.analyzer == "NNS");
}

TEST_CASE("analyzer: a word WordNet knows only as a noun, tagged as an adverb, is a noun") {
  Tags t = tags_of({"The", "prime", "minister", "paid", "tribute", "to", "the", "Cuban", "medical", "brigade", "."}, 4);
  CAPTURE(t.tagger);
  CHECK(t.analyzer == "NN");
  // an adverb that is a noun too stays an adverb ("studied abroad")
  t = tags_of({"Many", "Kenyan", "students", "studied", "abroad", "last", "year", "."}, 4);
  CAPTURE(t.tagger);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: a verb form joined to an adjective before a noun is a noun modifier") {
  Tags t = tags_of({"Chad", "cut", "diplomatic", "and", "trade", "ties", "with", "Sudan", "."}, 4);
  CAPTURE(t.tagger);
  CHECK(t.analyzer == "NN");
  // joined to a predicate adjective, a verb stays one
  t = tags_of({"They", "are", "ready", "and", "support", "talks", "."}, 4);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: a word of letters tagged as a number that is no number word is a noun") {
  Tags t = tags_of({"Ugandan", "police", "detained", "six", "Kenyan", "fishermen", "this", "month", "."}, 5);
  CAPTURE(t.tagger);
  CHECK(t.tagger == "CD");  // (the tagger's own slip, which the analyzer mends)
  CHECK(t.analyzer == "NNS");
  t = tags_of({"Police", "detained", "six", "men", "and", "two", "hundred", "women", "."}, 6);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: an '-ed' word that WordNet lists as no adjective, after a noun phrase and 'and', is a past") {
  Tags t = tags_of({"Fiji", "accused", "Tongan", "crews", "of", "poaching", "near", "the", "Lau", "Islands", "and",
                    "demanded", "damages", "for", "the", "fishermen", "."},
                   11);
  CHECK(t.tagger == "JJ");  // (the tagger's slip, which the analyzer mends)
  CHECK(t.analyzer == "VBD");
  // WordNet's adjectives stay ("armed"), and so does a word joined to an
  // adjective, or one with no past tense before it
  for (const auto& row : std::vector<std::pair<std::vector<std::string_view>, std::size_t>>{
           {{"Fiji", "accused", "Tonga", "and", "armed", "groups", "of", "poaching", "."}, 4},
           {{"Fiji", "faced", "a", "costly", "and", "unfunded", "plan", "."}, 5},
           {{"Lau", "Islands", "and", "unfunded", "plans", "remain", "."}, 3}}) {
    const Tags k = tags_of(row.first, row.second);
    CAPTURE(row.second);
    CHECK(k.analyzer == k.tagger);
  }
}

TEST_CASE("analyzer: a plural noun in -s whose singular is no WordNet noun but whose stem is a verb is a present") {
  Tags t = tags_of({"Managua", "denies", "arming", "the", "guerrillas", "."}, 1);
  CHECK(t.tagger == "NNS");  // (the tagger's slip, which the analyzer mends)
  CHECK(t.analyzer == "VBZ");
  // a plural of a WordNet noun stays one
  t = tags_of({"Managua", "lifts", "tariffs", "on", "grain", "."}, 2);
  CHECK(t.analyzer == "NNS");
}

TEST_CASE("analyzer: a verb after 'to' and before a determiner or a number, tagged as an adjective, is the infinitive") {
  const std::vector<std::string_view> words = {"Ghana", "agreed", "to", "free", "12", "Togolese", "traders", "."};
  Tags t = tags_of(words, 3);
  CHECK(t.tagger == "JJ");  // (the tagger's slip, which the analyzer mends)
  CHECK(t.analyzer == "VB");
  CHECK(tags_of(words, 2).analyzer == "TO");
  // an adjective before a noun stays one ("committed to free trade")
  t = tags_of({"Thailand", "is", "committed", "to", "free", "trade", "."}, 4);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: a verb after 'to' and before a participle opening a noun phrase, tagged as an adjective, is the infinitive") {
  const std::vector<std::string_view> words = {"Oslo", "urged", "Minsk", "to", "free", "detained", "reporters", "."};
  Tags t = tags_of(words, 4);
  CHECK(t.tagger == "JJ");  // (the tagger's slip, which the analyzer mends)
  CHECK(t.analyzer == "VB");
  // a word WordNet knows only as an adjective stays one
  t = tags_of({"Oslo", "urged", "Minsk", "to", "ensure", "fair", "elected", "bodies", "."}, 5);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: a noun right after a modal, before a determiner, number or particle, is the modal's verb") {
  const std::vector<std::string_view> words = {"Kenya",  "will",   "hand", "over",     "three",
                                               "patrol", "boats",  "to",   "Tanzania", "."};
  Tags t = tags_of(words, 2);
  CHECK(t.tagger == "NN");  // (the tagger's slip, which the analyzer mends)
  CHECK(t.analyzer == "VB");
  CHECK(tags_of(words, 3).analyzer == "RP");  // and its particle
  // ... also with an adverb between ("would then store it")
  CHECK(tags_of({"The", "agency", "would", "then", "store", "it", "abroad", "."}, 4).analyzer == "VB");
  // a noun after a modal that ends its clause, or before a verb, stays what the tagger said
  for (const auto& row : std::vector<std::pair<std::vector<std::string_view>, std::size_t>>{
           {{"Nobody", "knows", "what", "the", "answer", "will", "be", "."}, 4},
           {{"The", "talks", "will", "resume", "soon", "."}, 1}}) {
    Tags u = tags_of(row.first, row.second);
    CHECK(u.analyzer == u.tagger);
  }
}

TEST_CASE("analyzer: 'joint' tagged as a verb before a noun or adjective is the adjective") {
  Tags t = tags_of({"Two", "cutters", "and", "a", "Tongan", "boat", "began", "joint", "fisheries", "drills", "."}, 7);
  CAPTURE(t.tagger);
  CHECK(t.tagger.rfind("VB", 0) == 0);  // (the tagger's own slip, which the analyzer mends)
  CHECK(t.analyzer == "JJ");
}

TEST_CASE("analyzer: a noun after the 'to' of a verb that takes an infinitive, before a particle or determiner, is the verb") {
  const std::vector<std::string_view> words = {"Chile", "agreed", "to", "hand", "over",
                                               "the",   "island", "to", "Peru", "by",   "May", "."};
  Tags t = tags_of(words, 3);
  CHECK(t.tagger == "NN");  // (the tagger's slip, which the analyzer mends)
  CHECK(t.analyzer == "VB");
  CHECK(tags_of(words, 2).analyzer == "TO");  // its "to"
  CHECK(tags_of(words, 4).analyzer == "RP");  // and its particle
  // a noun after "to" of a verb that takes no infinitive stays what the tagger said
  const std::vector<std::string_view> other = {"Chile", "gave", "a", "lift", "to", "hand", "over", "there", "."};
  Tags u = tags_of(other, 5);
  CHECK(u.analyzer == u.tagger);
}

TEST_CASE("analyzer: a word in -s ending a verb's object phrase, after an adjective and a noun, is a plural noun") {
  const std::vector<std::string_view> words = {"The",  "king", "held", "long", "telephone", "calls",
                                               "with", "both", "of",   "them", "."};
  Tags t = tags_of(words, 5);
  CHECK(t.tagger == "VBZ");  // (the tagger's slip, which the analyzer mends)
  CHECK(t.analyzer == "NNS");
  // after a verb that takes a clause with no "that", the word may be the clause's verb
  const std::vector<std::string_view> said = {"Oman", "said", "the", "new", "border", "deal", "works", "."};
  Tags u = tags_of(said, 6);
  CHECK(u.analyzer == u.tagger);
}

TEST_CASE("analyzer: a participle after 'newly' or 'democratically', before a noun or a name, modifies it") {
  Tags t = tags_of({"a", "call", "between", "Macron", "and", "newly", "elected", "President", "Bolsonaro", "."}, 6);
  CHECK(t.tagger == "VBN");  // (the tagger's reading, which the analyzer mends)
  CHECK(t.analyzer == "JJ");
  // a participle with no noun after it stays a verb
  t = tags_of({"Bolsonaro", "was", "newly", "elected", "."}, 3);
  CHECK(t.analyzer == t.tagger);
}

TEST_CASE("analyzer: after 'whose' and a singular noun, a word in -s that is a verb is the clause's verb") {
  Tags t = tags_of({"Kenya", "'s", "leader", ",", "whose", "country", "borders", "the", "lake", ",", "hailed",
                    "the", "deal", "."},
                   6);
  CHECK(t.tagger == "NNS");  // (the tagger's slip, which the analyzer mends)
  CHECK(t.analyzer == "VBZ");
  // a plural after a plural subject noun stays as tagged
  t = tags_of({"the", "states", "whose", "leaders", "talks", "failed", "."}, 4);
  CHECK(t.analyzer == t.tagger);
}
