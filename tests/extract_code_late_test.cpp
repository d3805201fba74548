// extract code, cases of session 10: coordinated verbs of different forms,
// relative clauses and the owner of what they act on.
// Sentences are written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"
#include "ingest/code/tree.hpp"

using namespace dipgraph;
using test::find_sym;

namespace {
std::vector<Fact> parsed_facts(const std::string& text) {
  return test::parse_only().extract(test::document(text));
}
}  // namespace

TEST_CASE("extract code: a finite verb after 'to do X and' goes with the verb above the infinitive") {
  // "spoke" is a past form whatever the tagger thought after "to wait
  // and"; its subject is the minister, not "the envoy".
  auto fs = parsed_facts(
      "The Kenyan foreign minister asked the envoy to wait and spoke with Ugandan President Yoweri "
      "Museveni about the border.");
  CAPTURE(test::summary(fs));
  const Fact* m = find_sym(fs, "04", "KEN,UGA");
  REQUIRE(m != nullptr);
  CHECK(m->participants.size() >= 2);
  // An infinitive coordinated with an infinitive stays under "to".
  fs = parsed_facts("Kenya asked Uganda to wait and see before talks.");
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "04", "KEN,UGA") == nullptr);
}

TEST_CASE("extract code: what a relative clause criticizes or praises is the act of whoever adopted it") {
  // "which" stands for the policy; the policy is Kenya's, who adopted it.
  auto fs = parsed_facts("After talks with Ethiopia, Kenya adopted a visa policy which Uganda criticized.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "UGA", "KEN") != nullptr);
  fs = parsed_facts("Ethiopia says Kenya signed a trade deal which Uganda later praised.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "UGA", "KEN") != nullptr);
  // "the deal Kenya signed", "the rules that Kenya introduced": the
  // relative clause's subject owns the thing.
  fs = parsed_facts("Uganda praised the trade deal Kenya signed with Ethiopia.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "UGA", "KEN") != nullptr);
  fs = parsed_facts("Uganda criticized the new rules that Kenya introduced last week.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "UGA", "KEN") != nullptr);
  // A thing someone only received is not theirs.
  fs = parsed_facts("Uganda criticized the new rules that Kenya received from Ethiopia last week.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "UGA", "KEN") == nullptr);
}

TEST_CASE("extract code: a road, railway or pipeline linking two states is a joint project (061)") {
  auto fs = test::facts("A new railway that will link Kenya and Uganda opens next year.");
  CAPTURE(test::summary(fs));
  const Fact* f = find_sym(fs, "06", "KEN,UGA");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "061");
  CHECK(f->status == Status::planned);
  fs = test::facts("The gas pipeline connects Kenya with Ethiopia.");
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "06", "KEN,ETH") != nullptr);
  // what links two states is no project unless it is built
  fs = test::facts("The scandal links Kenya and Uganda.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "06") == nullptr);
}

TEST_CASE("extract code: in a quote 'us' is its speaker, 'he' whom it was said of") {
  auto fs = parsed_facts(
      "In a speech later that day, Kenyan President William Ruto said of the Ugandan leader \"he is recovering "
      "well, and he has sent us his greetings.\"");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "UGA", "KEN") != nullptr);
  fs = test::facts(
      "In a speech later that day, Kenyan President William Ruto said of the Ugandan leader \"he is recovering "
      "well, and he has sent us his greetings.\"");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "UGA", "KEN") != nullptr);
}

TEST_CASE("extract code: whoever is said to represent a state acts for it") {
  // "representing Kenya" set off by commas after a name the dictionaries
  // do not know, however the parser hung it
  auto fs = parsed_facts("Ann Lee, representing Kenya, met Ugandan President Yoweri Museveni in Kampala on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "04", "KEN,UGA") != nullptr);
  fs = parsed_facts("Ann Lee, who lives in Kenya, met Ugandan President Yoweri Museveni in Kampala on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "04", "KEN,UGA") == nullptr);
}

TEST_CASE("extract code: 'I' and 'we' of a quote are its speaker, never another name of the sentence") {
  // The speaker is an unnamed senator: no party. Word order would make
  // Somalia the one who applauds.
  auto fs = test::facts("\"Somalia is not safe yet. I applaud the Ugandan president for sending troops,\" the senator added.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "SOM", "UGA") == nullptr);
  // A named speaker is the source.
  fs = test::facts(
      "\"Somalia is not safe yet. I applaud the Ugandan president for sending troops,\" Kenyan President William "
      "Ruto said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "KEN", "UGA") != nullptr);
  CHECK(test::find(fs, "05", "SOM", "UGA") == nullptr);
}

TEST_CASE("extract code: protesters of no stated country are people of the place they protest in") {
  auto fs = test::facts("About 50 students protested in Nairobi on Tuesday against the visit of the Ugandan president.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "14", "KEN", "UGA") != nullptr);
  // no place named: the country the article is about
  fs = test::facts(
      "Kenyan President William Ruto hosted talks in Nairobi on Monday. Kenya will cut tariffs on Ugandan sugar, "
      "Kenyan officials said. About 50 activists protested against the visit of the Ugandan president.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "14", "KEN", "UGA") != nullptr);
  // neither: nobody's protest
  fs = test::facts("About 50 activists protested against the visit of the Ugandan president.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "14") == nullptr);
}

TEST_CASE("extract code: no complement crosses a semicolon") {
  using syntax::Upos;
  // "he called for X; Y sat on its council", with "council" read as a
  // complement of "called" (as in "called him a friend")
  syntax::Analysis a = test::analysis({{"he", Upos::PRON, "PRP", 1, "nsubj"},
                                       {"call", Upos::VERB, "VBD", -1, "root"},
                                       {"for", Upos::ADP, "IN", 3, "case"},
                                       {"talk", Upos::NOUN, "NNS", 1, "obl"},
                                       {";", Upos::PUNCT, ":", 8, "punct"},
                                       {"aide", Upos::NOUN, "NN", 8, "nsubj"},
                                       {"be", Upos::AUX, "VBD", 8, "cop"},
                                       {"on", Upos::ADP, "IN", 8, "case"},
                                       {"council", Upos::NOUN, "NN", 1, "xcomp"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.rel(8) == "parataxis");
  CHECK(t.child(1, "xcomp") < 0);
  // without the semicolon it stays
  a.lemma[4] = ",";
  t.reset(a);
  CHECK(t.rel(8) == "xcomp");
}

TEST_CASE("extract code: a verb has one direct object: the first of two bare ones is the indirect") {
  using syntax::Upos;
  // "he has sent us greetings" with both read as objects
  syntax::Analysis a = test::analysis({{"he", Upos::PRON, "PRP", 2, "nsubj"},
                                       {"have", Upos::AUX, "VBZ", 2, "aux"},
                                       {"send", Upos::VERB, "VBN", -1, "root"},
                                       {"we", Upos::PRON, "PRP", 2, "obj"},
                                       {"greeting", Upos::NOUN, "NNS", 2, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.rel(3) == "iobj");
  CHECK(t.rel(4) == "obj");
  // "sent aid and troops" read the same way but joined: both stay objects
  a = test::analysis({{"he", Upos::PRON, "PRP", 1, "nsubj"},
                      {"send", Upos::VERB, "VBD", -1, "root"},
                      {"aid", Upos::NOUN, "NN", 1, "obj"},
                      {"and", Upos::CCONJ, "CC", 1, "cc"},
                      {"troop", Upos::NOUN, "NNS", 1, "obj"}});
  t.reset(a);
  CHECK(t.rel(2) == "obj");
}
