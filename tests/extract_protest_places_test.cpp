// Protesters with no country named are of the place they protest in.
// Every sentence is written for these tests.
#include <doctest/doctest.h>

#include <string>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("people who protest in a place, with no country named, are of that place") {
  const test::RoleCase cases[] = {
      {"Hundreds of people protested in Jakarta against the visit of the Israeli delegation.", "14", "IDN", "ISR"},
      {"Several thousand demonstrators marched in Lima to protest against the arrival of the Chinese ships.",
       "14", "PER", "CHN"},
  };
  for (const auto& c : cases) test::check_found(c);
  // a nationality named wins over the place
  auto fs = test::facts("Turkish students protested in Berlin against the visit of the Greek prime minister.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "14", "TUR", "GRC") != nullptr);
  CHECK(test::find(fs, "14", "DEU", "") == nullptr);
  // people thanked are no party of a protest, and stay what they were
  auto thanks = test::facts("The Indonesian president thanked the Malaysian people for their support.");
  CAPTURE(test::summary(thanks));
  CHECK(test::find(thanks, "05", "IDN", "MYS") != nullptr);
}

TEST_CASE("people with no country who protest at another state's embassy are of the embassy's place") {
  auto fs = test::facts("Hundreds of people protested outside the French embassy in Bamako on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "14", "MLI", "FRA") != nullptr);
  // a protest at a body of one's own state is domestic
  fs = test::facts("Students protested outside the parliament in Nairobi on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "14") == nullptr);
}

TEST_CASE("a crowd counted in thousands or dozens of a nationality protests as its country") {
  auto fs = test::facts("Thousands of Ghanaians protested outside the Nigerian High Commission in Accra.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "14", "GHA", "NGA") != nullptr);
  fs = test::facts("Dozens of Peruvians protested against Chile on Sunday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "14", "PER", "CHL") != nullptr);
  // counted nationals are no state in what is not done by or to people
  fs = test::facts("Thousands of Ghanaians welcomed the Nigerian president.");
  CAPTURE(test::summary(fs));
  for (const auto& f : fs) CHECK(test::countries(f, "source").count("GHA") == 0);
}
