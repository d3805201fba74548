// extract lists: several people or countries told as one list. A plural
// title over a list of names ("Foreign Ministers A of X and B of Y"), a
// list read from the recognizer's names and the commas and "and" between
// them where the parse hangs one name under another, and a day or month
// before the subject without a comma. Sentences are written for these tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "extract_test_util.hpp"
#include "ingest/code/tree.hpp"

using namespace dipgraph;
using syntax::Upos;
using namespace dipgraph::ingest;

namespace {

std::string country_of(const Analysis& a, const std::string& name) {
  const auto& dict = test::extractor().dictionary();
  for (const Person& p : a.people)
    if (p.name == name) return p.country >= 0 ? dict.countries()[p.country].code : std::string("-");
  return "";
}

// True if some fact of `root` has exactly these countries among its parties.
bool has(const std::vector<Fact>& fs, const std::string& root, const std::string& parties) {
  for (const Fact& f : fs)
    if (f.root == root && test::countries(f) == test::codes(parties)) return true;
  return false;
}

// Checks that the facts of `text` have one of `root` among exactly `parties`.
void check_has(const std::string& text, const std::string& root, const std::string& parties) {
  CAPTURE(text);
  auto fs = test::facts(text);
  std::string got = test::summary(fs);
  CAPTURE(got);
  CHECK(has(fs, root, parties));
}

}  // namespace

TEST_CASE("extract lists: a plural title gives each name of its list the title's role") {
  Document doc = test::document(
      "Foreign Ministers Marta Soler of Uruguay and Kofi Mensah of Ghana opened the fisheries forum.");
  Analysis a = test::extractor().recognizer().analyze(doc);
  CHECK(country_of(a, "Marta Soler") == "URY");
  CHECK(country_of(a, "Kofi Mensah") == "GHA");
  for (const Person& p : a.people) {
    CAPTURE(p.name);
    CHECK(p.role == "Foreign Minister");
  }
}

TEST_CASE("extract lists: a plural title without names stays a plain noun") {
  // "the presidents" refers back to the countries of the sentence before.
  check_has("Uruguay and Ghana held talks on fishing quotas in Accra. "
            "The presidents then signed an accord on patrols.",
            "05", "GHA,URY");
  Analysis a = test::extractor().recognizer().analyze(test::document("The presidents met in Lima."));
  CHECK(a.people.empty());
}

TEST_CASE("extract lists: every name of a list is a party, where the parse splits it") {
  const char* cases[] = {
      "Foreign Ministers Marta Soler of Uruguay, Kofi Mensah of Ghana and Ivan Berg of Norway met in Geneva.",
      "President Marta Soler of Uruguay, President Kofi Mensah of Ghana and Prime Minister Ivan Berg of "
      "Norway met in Geneva on Friday.",
  };
  for (const char* text : cases) check_has(text, "04", "GHA,NOR,URY");
}

TEST_CASE("extract lists: a list without a closing 'and' is no list") {
  // Two names side by side with a comma are an apposition or two clauses,
  // not a list: the third country is not added to the meeting.
  check_has("President Marta Soler of Uruguay met President Kofi Mensah of Ghana, "
            "whose adviser had visited Norway.",
            "04", "GHA,URY");
}

TEST_CASE("extract lists: a day before the subject without a comma is no part of it") {
  check_has("On Tuesday Prime Ministers Marta Soler of Uruguay and Kofi Mensah of Ghana "
            "signed a fisheries accord.",
            "05", "GHA,URY");
}

TEST_CASE("'each X ... the other' is the pair, each against the other") {
  auto fs = test::facts(
      "Armenian and Azerbaijani troops clashed on the border on Sunday.\n\n"
      "Each side blamed the other for the shooting.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "ARM", "AZE") != nullptr);
  CHECK(test::find(fs, "11", "AZE", "ARM") != nullptr);
  // "each" with no "the other" after it is not read as the pair
  fs = test::facts(
      "Armenian and Azerbaijani troops clashed on the border on Sunday.\n\n"
      "Each side blamed Russia.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "ARM", "AZE") == nullptr);
}

TEST_CASE("counterparts of two demonyms are both met; met separately, one meeting each") {
  auto fs = test::facts("The Peruvian foreign minister met his Chilean and Bolivian counterparts on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "PER,CHL,BOL") != nullptr);
  fs = test::facts("The Peruvian foreign minister met his Chilean and Bolivian counterparts separately on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "PER,CHL") != nullptr);
  CHECK(test::find_sym(fs, "04", "PER,BOL") != nullptr);
  CHECK(test::find_sym(fs, "04", "PER,CHL,BOL") == nullptr);
  // ... and so are separate calls, the word before the tree's noun read by
  // word order as one call with all
  fs = test::facts("The Ghanaian leader had separate telephone calls with the Togolese and Beninese presidents.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "GHA,TGO") != nullptr);
  CHECK(test::find_sym(fs, "04", "GHA,BEN") != nullptr);
  CHECK(test::find_sym(fs, "04", "GHA,TGO,BEN") == nullptr);
}

TEST_CASE("officials of two states awaited in a third's city make one visit each") {
  auto fs = test::facts("The Kenyan and South Sudanese defence ministers are due in Addis Ababa on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "KEN", "ETH") != nullptr);
  CHECK(test::find(fs, "04", "SSD", "ETH") != nullptr);
  // (one visit of each, not one of both)
  CHECK(std::none_of(fs.begin(), fs.end(), [](const Fact& f) { return f.cameo == "042" && f.source.size() > 1; }));
}

TEST_CASE("tree repair: 'the A and B Ns', read with the adjective A heading the phrase: the noun heads it") {
  // "the Kenyan and South Sudanese ministers are due"
  syntax::Analysis a = test::analysis({{"the", Upos::DET, "DT", 1, "det"},
                                       {"Kenyan", Upos::ADJ, "JJ", 7, "nsubj"},
                                       {"and", Upos::CCONJ, "CC", 5, "cc"},
                                       {"South", Upos::ADJ, "JJ", 4, "amod"},
                                       {"Sudanese", Upos::ADJ, "JJ", 5, "amod"},
                                       {"minister", Upos::NOUN, "NNS", 1, "conj"},
                                       {"be", Upos::AUX, "VBP", 7, "cop"},
                                       {"due", Upos::ADJ, "JJ", -1, "root"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 7);
  CHECK(t.rel(5) == "nsubj");
  CHECK(t.head(1) == 5);
  CHECK(t.rel(1) == "amod");
  CHECK(t.head(4) == 1);
  CHECK(t.rel(4) == "conj");
  CHECK(t.head(0) == 5);
}
