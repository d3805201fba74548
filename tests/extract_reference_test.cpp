// extract: "he" and "she" for an official named by title alone.
// Sentences are written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("extract reference: 'she' after an official named by title alone is that official") {
  auto fs = test::facts(
      "Moldova's president met her Romanian counterpart in Chisinau on Wednesday. She thanked Bucharest for "
      "its support.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "MDA", "ROU") != nullptr);
  // A named person who was the subject since is "he", not the official
  // before him.
  fs = test::facts(
      "The Lithuanian defence minister arrived in Kyiv on Monday. Polish President Andrzej Duda spoke on "
      "Tuesday. He praised Ukraine for its courage.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "POL", "UKR") != nullptr);
  CHECK(test::find(fs, "05", "LTU", "UKR") == nullptr);
}
