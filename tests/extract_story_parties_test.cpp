// Parties a story gives that a sentence does not name: noun events with
// no party of their own ("the talks began in March", "an earlier treaty
// lapsed") are events of the story's pair; "his host", "the guest" are
// the sides of the visit told before. And what a verb with a noun event as
// subject says of it ("the meeting did not end the row" against "the talks
// did not take place"). Every sentence is written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;

namespace {

const Fact* sym_with_status(const std::vector<Fact>& fs, const std::string& root, const std::string& parties,
                            Status status) {
  for (const Fact& f : fs)
    if (f.root == root && f.source.empty() && test::countries(f) == test::codes(parties) && f.status == status)
      return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("a joint noun event with no party of its own is the story's pair") {
  // the subject of its clause, with no event of its type told before: the
  // article's first tie between two countries
  auto fs = test::facts(
      "Malawi accused Tanzania on Monday of moving soldiers towards the disputed lake shore.\n\n"
      "The negotiations, chaired by a retired judge, began in March.",
      "2025-06-10");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "MWI,TZA") != nullptr);
  // an earlier accord of the same kind, dated on its own
  fs = test::facts(
      "Peru and Chile signed a fisheries agreement in Lima on Monday.\n\n"
      "An earlier agreement, signed in 2009, expired last year.",
      "2025-06-10");
  CAPTURE(test::summary(fs));
  const Fact* old = nullptr;
  for (const Fact& f : fs)
    if (f.root == "05" && test::countries(f) == test::codes("PER,CHL") && f.date == "2009") old = &f;
  CHECK(old != nullptr);
}

TEST_CASE("a noun event with parties of its own, or asked for, is not the story's") {
  // clashes between people who act for no state
  auto fs = test::facts(
      "Malawi accused Tanzania on Monday of moving soldiers towards the disputed lake shore.\n\n"
      "Clashes between fishermen and herders left three dead near the shore.",
      "2025-06-10");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
  // what is called for is no event
  fs = test::facts(
      "Malawi accused Tanzania on Monday of moving soldiers towards the disputed lake shore.\n\n"
      "Church leaders in both countries called for negotiations.",
      "2025-06-10");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "MWI,TZA") == nullptr);
  // nothing told before: no pair to give
  fs = test::facts("The negotiations, chaired by a retired judge, began in March.", "2025-06-10");
  CAPTURE(test::summary(fs));
  CHECK(fs.empty());
}

TEST_CASE("a verb that does not tell whether its subject event took place takes it as given") {
  auto fs = test::facts(
      "Japan and South Korea held talks on fishing rights in Tokyo on Thursday.\n\n"
      "The talks did not resolve the quarrel over quotas.",
      "2025-06-13");
  CAPTURE(test::summary(fs));
  const Fact* held = sym_with_status(fs, "04", "JPN,KOR", Status::occurred);
  REQUIRE(held != nullptr);
  CHECK(held->evidence.size() == 2);  // the second sentence tells of the same talks
  CHECK(sym_with_status(fs, "04", "JPN,KOR", Status::negated) == nullptr);
  // ... but "did not take place" tells that it did not
  fs = test::facts(
      "Japan and South Korea had planned talks on fishing rights in Tokyo.\n\n"
      "The talks did not take place, officials said on Friday.",
      "2025-06-13");
  CAPTURE(test::summary(fs));
  CHECK(sym_with_status(fs, "04", "JPN,KOR", Status::negated) != nullptr);
}

TEST_CASE("a noun event that 'is to begin' is arranged to come") {
  auto fs = test::facts(
      "Ghana and Togo agreed on Monday to reopen their border crossings.\n\n"
      "Talks on a customs union are to open in Lome in September, the statement said.",
      "2025-06-10");
  CAPTURE(test::summary(fs));
  CHECK(sym_with_status(fs, "04", "GHA,TGO", Status::planned) != nullptr);
  CHECK(sym_with_status(fs, "04", "GHA,TGO", Status::occurred) == nullptr);
}

TEST_CASE("'his host' and 'the guest' are the sides of the visit told before") {
  auto fs = test::facts(
      "ANKARA, May 6 (Wire) - Greece's foreign minister arrived in Ankara on Tuesday for talks with his Turkish "
      "counterpart.\n\n"
      "His host called the meeting \"frank and helpful\" at a news conference.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "TUR", "GRC") != nullptr);
  fs = test::facts(
      "HANOI, May 6 (Wire) - Kenya's president was received in Hanoi on Tuesday by Vietnam's president.\n\n"
      "Officials said the two leaders discussed coffee prices.\n\n"
      "The guest thanked Vietnam for training Kenyan rice farmers.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "KEN", "VNM") != nullptr);
}

TEST_CASE("the occasion of a remark ('said at the talks') is no event of its own that hides the remark") {
  auto fs = test::facts(
      "SEOUL, May 6 (Wire) - Japan and South Korea held talks on fishing rights in Seoul on Tuesday.\n\n"
      "The Korean minister said at the talks that Seoul's ties with Tokyo would stay a main priority.");
  CAPTURE(test::summary(fs));
  bool remark = false;
  for (const Fact& f : fs)
    remark |= (f.root == "01" || f.root == "05") && test::countries(f, "source") == test::codes("KOR") &&
              test::countries(f, "target") == test::codes("JPN");
  CHECK(remark);
}

TEST_CASE("a round-up's section head ('GREECE.') is the home of its paragraph's bodies that name no country") {
  auto fs = test::facts(
      "LONDON, Feb 12 (Wire) - Capitals reacted on Thursday to Iran's seizure of a Greek-owned tanker.\n\n"
      "GREECE. The foreign ministry on Wednesday summoned Tehran's envoy.\n\n"
      "CYPRUS. The government said it would send a frigate to the area.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "GRC", "IRN") != nullptr);
  // no section head: the foreign ministry of a story datelined in a third
  // state names no country
  fs = test::facts(
      "LONDON, Feb 12 (Wire) - Capitals reacted on Thursday to Iran's seizure of a Greek-owned tanker.\n\n"
      "The foreign ministry summoned Tehran's envoy late on Wednesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "GBR", "IRN") == nullptr);
}

TEST_CASE("'the foreign ministry' of a story about its home country is that country's") {
  auto fs = test::facts(
      "ATHENS, Feb 12 (Wire) - Greece protested on Thursday against Turkish survey work near Crete.\n\n"
      "Greek officials called the survey illegal. The foreign ministry then called in the Turkish envoy.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "GRC", "TUR") != nullptr);
}

TEST_CASE("talks a journey is made for, naming no party, are held with whom the journey goes to") {
  auto fs = test::facts("Chile's trade minister is due to fly to Montevideo next Tuesday for talks about beef quotas.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "CHL,URY") != nullptr);
  fs = test::facts("Chile's trade minister arrived in Montevideo on Monday for talks on beef quotas.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "CHL,URY") != nullptr);
  // (a journey inside the traveller's own country is no meeting with another)
  fs = test::facts("Chile's trade minister flew to Valparaiso on Monday for talks on beef quotas.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") == nullptr);
}
