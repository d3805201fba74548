// Shells and troops that land, shows of force at a border no state is
// named for, forces put on alert after another's act, and the sense a
// class of arguments rules out for the word-order coder too. Every
// sentence is written for these tests.
#include <doctest/doctest.h>

#include <string>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("shells that land in or fall on a state are fire at it (194), never a visit") {
  auto fs = test::facts("Armenian shells landed in Azerbaijan on Sunday night.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "194", "ARM", "AZE") != nullptr);
  CHECK(test::with_root(fs, "04") == nullptr);
  fs = test::facts("Ugandan mortar rounds fell last night on two Congolese villages.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "UGA", "COD") != nullptr);
  // "shells fired by X landed": the participle with its agent is the
  // noun's, the verb after is the sentence's
  fs = test::facts("Artillery shells fired by Sudanese troops landed near a Chadian army post.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "SDN", "TCD") != nullptr);
  // rain falls on no one
  fs = test::facts("Heavy rain fell on the Chadian capital on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(fs.empty());
}

TEST_CASE("troops landing in another state's land make an incursion (192), not a visit") {
  auto fs = test::facts("Turkish troops landed in Cyprus in July 1974.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "192", "TUR", "CYP") != nullptr);
  CHECK(test::with_root(fs, "04") == nullptr);
  // a minister landing in a capital still visits it
  fs = test::facts("Canada's trade minister landed in Lima late on Sunday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "CAN", "PER") != nullptr);
}

TEST_CASE("a show of force at a border named by no state answers whoever struck at the state") {
  auto fs = test::facts(
      "Eritrean soldiers crossed into Djibouti on Monday, killing a border guard. Hours later Djibouti said it "
      "had sent two more battalions to the frontier.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "DJI", "ERI") != nullptr);
  // patrols stepped up by one's own border guards at an order are the state's
  fs = test::facts(
      "Burmese shells landed in Thailand on Tuesday. Thailand ordered its frontier guards to intensify "
      "patrols near the river.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "THA", "MMR") != nullptr);
}

TEST_CASE("forces put on alert after another's act against the state are shown at its maker (152)") {
  auto fs = test::facts(
      "Burmese shells landed in Thailand on Tuesday. Thai border police said they had been placed on maximum "
      "alert.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "152", "THA", "MMR") != nullptr);
  // an act against someone else is not what the alert answers
  fs = test::facts(
      "Burmese shells landed in Thailand on Tuesday. Laos put its army on high alert on Wednesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "LAO", "MMR") == nullptr);
}
