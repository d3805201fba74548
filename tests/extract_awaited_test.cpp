// Visits told by who is awaited where ("is due in Lima", "is expected in
// Quito"): the presence rule of coder_actors.cpp, and the sentences the
// parse gate lets through for it (extractor.cpp); attitudes told in the
// "of" phrase of an utterance (coder_slots.cpp, frames.tsv @avowal).
#include <doctest/doctest.h>

#include <string>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("an official of one state due or expected in another's city is to visit it (planned)") {
  for (const char* text : {"Chile's trade minister is due in Lima on Thursday.",
                           "The Bolivian president is expected in Brasilia next week."}) {
    auto fs = test::facts(text);
    CAPTURE(text);
    CAPTURE(test::summary(fs));
    const Fact* f = test::with_root(fs, "04");
    REQUIRE(f != nullptr);
    CHECK(f->cameo == "042");
    CHECK(f->status == Status::planned);
  }
  auto fs = test::facts("Chile's trade minister is due in Lima on Thursday.");
  CHECK(test::find_code(fs, "042", "CHL", "PER") != nullptr);
}

TEST_CASE("a clause with its own subject after an infinitive ('offered to mediate, and its envoy is due in X') keeps its visit") {
  auto fs = test::facts("Ghana's president offered on Monday to broker talks, and his trade minister is due in Lome at the weekend.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_code(fs, "042", "GHA", "TGO");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE("one due in a city of the own state is no visitor, nor is what is due there") {
  auto fs = test::facts("Chile's trade minister is due in Valparaiso on Thursday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") == nullptr);
  fs = test::facts("A Peruvian payment to Chile is due in Santiago on Thursday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "042", "PER", "CHL") == nullptr);
}

TEST_CASE("an attitude told in the 'of' phrase of an utterance ('issued messages of solidarity with X') is the utterer's") {
  auto fs = test::facts("Ghana and Senegal issued messages of solidarity with Bamako on Sunday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "GHA,SEN", "MLI") != nullptr);
  fs = test::facts("The Kenyan president sent words of sympathy to Ethiopia after the floods.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "01", "KEN", "ETH") != nullptr);
}

TEST_CASE("'is to visit', 'are to sign', 'is to pay a visit': 'be' with an infinitive tells what is arranged (planned)") {
  for (const char* text : {"The Zambian leader is to pay a short visit to Harare in October.",
                           "Norway's foreign minister is to visit Nairobi on Monday.",
                           "Fiji and Tonga are to sign a fisheries accord next week."}) {
    auto fs = test::facts(text, "2026-03-04");
    CAPTURE(text);
    CAPTURE(test::summary(fs));
    REQUIRE(!fs.empty());
    for (const Fact& f : fs) CHECK(f.status == Status::planned);
  }
}

TEST_CASE("an official told by a title and 'its' is awaited for the state 'its' stands for") {
  auto fs = test::facts("Samoa would not comment on the vote. Its deputy defence minister is due in Suva next week.",
                        "2026-03-04");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_code(fs, "042", "WSM", "FJI");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
  fs = test::facts("Samoa would not comment on the vote. Its deputy defence minister will meet the Fijian president soon.",
                   "2026-03-04");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "WSM,FJI") != nullptr);
}

TEST_CASE("places joined to the first ('due in Lima on Friday and in Quito on Saturday') are visits too, each of its own day") {
  auto fs = test::facts("Chile's trade minister is due in Lima on Friday and in Quito on Saturday.", "2026-03-04");
  CAPTURE(test::summary(fs));
  const Fact* lima = test::find_code(fs, "042", "CHL", "PER");
  const Fact* quito = test::find_code(fs, "042", "CHL", "ECU");
  REQUIRE(lima != nullptr);
  REQUIRE(quito != nullptr);
  CHECK(lima->date == "2026-03-06");
  CHECK(quito->date == "2026-03-07");
  CHECK(quito->status == Status::planned);
  // ... and a clause joined to a presence: "was in X on Monday and was
  // awaited in Y a day later"
  fs = test::facts("Kenya's foreign minister was in Kampala on Monday and was expected in Kinshasa a day later.",
                   "2026-03-04");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "042", "KEN", "UGA") != nullptr);
  const Fact* f = test::find_code(fs, "042", "KEN", "COD");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE("a trip or meeting one 'is expected to' make is scheduled; what one is expected to decide is not told") {
  auto fs = test::facts("The Kenyan leader is expected to fly to Kigali in the spring.", "2026-03-04");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_code(fs, "042", "KEN", "RWA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
  fs = test::facts("The council is expected to approve sanctions on Eritrea.", "2026-03-04");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "16") == nullptr);
}

TEST_CASE("a meeting of two states in a city of one of them is the other's visit there too") {
  auto fs = test::facts("Chile's foreign minister met Peru's foreign minister in Lima on Monday.", "2026-03-04");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "CHL,PER") != nullptr);
  const Fact* v = test::find_code(fs, "042", "CHL", "PER");
  REQUIRE(v != nullptr);
  CHECK(v->status == Status::occurred);
  // not in a third state's city, nor one still to come
  fs = test::facts("Chile's foreign minister met Peru's foreign minister in Quito on Monday.", "2026-03-04");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "042", "", "") == nullptr);
  fs = test::facts("Chile's foreign minister will meet Peru's foreign minister in Lima next week.", "2026-03-04");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "042", "", "") == nullptr);
}

TEST_CASE("a body of visitors awaited in a state's city is to visit it (042, planned)") {
  auto fs = test::facts("A Turkish trade delegation is due in Baku next week.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_code(fs, "042", "TUR", "AZE");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
  fs = test::facts("A World Bank team is expected in Kinshasa in June.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "042", "", "COD") != nullptr);
  // (a body that was there is no awaited visit told by "due")
  fs = test::facts("The Turkish delegation was in Baku last week.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") == nullptr);
}
