// extract: date expressions -> EDTF, absolute and relative to the article
// date, with the event's tense deciding a month or weekday without a year.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"
#include "ingest/recognize/dates.hpp"
#include "ingest/syntax/lexer.hpp"

using namespace dipgraph;
using namespace dipgraph::ingest;

namespace {

// EDTF of the first date expression in `text` (article dated `article`,
// event tense `tense`), or "none".
std::string first_date(const std::string& text, const std::string& article, int tense) {
  const Dictionary& dict = test::extractor().dictionary();
  DateLexicon lexicon(dict);
  std::vector<Tok> toks;
  lex(text, 0, static_cast<std::uint32_t>(text.size()), dict.vocab(), dict.word_classes(), toks);
  std::vector<DateMention> found;
  lexicon.find(text, toks, 0, static_cast<std::uint32_t>(toks.size()), found);
  if (found.empty()) return "none";
  return resolve_date(found[0], parse_ymd(article), tense);
}

}  // namespace

TEST_CASE("extract dates: civil calendar helpers") {
  CHECK(weekday_of({2025, 7, 11}) == 4);  // a Friday
  CHECK(weekday_of({1970, 1, 1}) == 3);
  CHECK(civil_from_days(days_from_civil({2024, 2, 29}) + 1) == Ymd{2024, 3, 1});
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(!parse_ymd("2025-02-30"));
  CHECK(!parse_ymd("2025-7-1"));
  CHECK(parse_ymd("2025-12-31") == Ymd{2025, 12, 31});
}

TEST_CASE("extract dates: expressions resolved against the article date") {
  struct Case {
    const char* text;
    const char* article;
    int tense;
    const char* edtf;
  };
  const Case cases[] = {
      // absolute
      {"on March 3, 2019 the envoy", "2025-07-11", -1, "2019-03-03"},
      {"signed on 4 October 2021", "2025-07-11", -1, "2021-10-04"},
      {"a deal in June 2026", "2025-07-11", 1, "2026-06"},
      {"closed in 2015 after", "2025-07-11", -1, "2015"},
      {"signed in 2016 but rarely used", "2025-07-11", -1, "2016"},  // ("but" joins clauses, as "and")
      {"under a 1998 treaty", "2025-07-11", -1, "1998"},  // (a year after an article modifies the noun)
      {"the 2004 accord lapsed", "2025-07-11", -1, "2004"},
      {"the 2000 troops left", "2025-07-11", -1, "none"},  // (a count before a plural)
      {"built in the 1960s", "2025-07-11", -1, "196X"},
      // day and month without a year: the article's year
      {"talks on 11 July", "2025-07-11", -1, "2025-07-11"},
      {"talks on September 2", "2025-09-20", -1, "2025-09-02"},
      // weekdays: the last one before (or the article's own day), or the next
      {"met on Thursday", "2025-07-11", -1, "2025-07-10"},
      {"met on Friday", "2025-07-11", -1, "2025-07-11"},
      {"met on Saturday", "2025-07-11", -1, "2025-07-05"},
      {"will meet on Monday", "2025-07-11", 1, "2025-07-14"},
      {"next Tuesday", "2025-07-11", 0, "2025-07-15"},
      // relative words
      {"yesterday the minister", "2025-03-01", -1, "2025-02-28"},
      {"tomorrow", "2025-12-31", 1, "2026-01-01"},
      {"last week", "2025-07-03", -1, "2025-06"},
      {"last month", "2025-01-15", -1, "2024-12"},
      {"next month", "2025-12-15", 1, "2026-01"},
      {"last year", "2025-07-11", -1, "2024"},
      {"next year", "2025-07-11", 1, "2026"},
      {"later this year", "2025-07-11", 1, "2025"},
      {"three years ago", "2025-07-11", -1, "2022"},
      {"a month ago", "2025-01-11", -1, "2024-12"},
      // a month alone: the nearest one in the event's tense
      {"later in August", "2025-07-11", 1, "2025-08"},
      {"in March the two sides", "2025-07-11", -1, "2025-03"},
      {"in November", "2025-07-11", -1, "2024-11"},
      {"in February", "2025-11-20", 1, "2026-02"},
      {"last November", "2025-07-11", 0, "2024-11"},
      // not dates
      {"may sign a deal", "2025-07-11", 0, "none"},
      {"sent 2000 troops", "2025-07-11", -1, "none"},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    std::string article = c.article;
    CAPTURE(article);
    CHECK(first_date(c.text, c.article, c.tense) == c.edtf);
  }
}

TEST_CASE("extract dates: relative expressions need an article date") {
  CHECK(first_date("on Thursday", "", -1) == "");
  CHECK(first_date("in 1999", "", -1) == "1999");
}

// Which date of a sentence is an event's (session 12). Sentences written
// for these tests; articles dated 2026-03-10 (a Tuesday).
TEST_CASE("extract dates: a date of the complement's act is not the date of the verb above it") {
  // The visit is in June; the invitation was made on the article's day.
  auto fs =
      test::facts("The Tanzanian president invited Ruto to visit Dodoma in June.", "2026-03-10");
  CAPTURE(test::summary(fs));
  const Fact* invite = test::find(fs, "02", "TZA", "KEN");
  REQUIRE(invite != nullptr);
  CHECK(invite->date == "2026-03-10");
  const Fact* visit = test::find(fs, "04", "KEN", "TZA");
  REQUIRE(visit != nullptr);
  CHECK(visit->status == Status::planned);
  CHECK(visit->date == "2026-06");
  // A date between the verb and its complement stays the verb's.
  fs = test::facts(
      "Kenya's foreign minister met the Ghanaian envoy in Accra on March 2 to discuss trade.",
      "2026-03-10");
  CAPTURE(test::summary(fs));
  const Fact* met = test::find_sym(fs, "04", "KEN,GHA");
  REQUIRE(met != nullptr);
  CHECK(met->date == "2026-03-02");
}

TEST_CASE("extract dates: a date inside a noun's phrase or a relative clause is not the event's") {
  // "last year's floods" dates the floods, not the thanks.
  auto fs =
      test::facts("Kenya thanked Uganda for its help during last year's floods.", "2026-03-10");
  CAPTURE(test::summary(fs));
  const Fact* thanks = test::find(fs, "05", "KEN", "UGA");
  REQUIRE(thanks != nullptr);
  CHECK(thanks->date == "2026-03-10");
  // The officers fled two years ago; the asylum is of the article's day.
  fs = test::facts("Uganda granted asylum to nine Rwandan officers who fled two years ago.",
                   "2026-03-10");
  CAPTURE(test::summary(fs));
  const Fact* asylum = test::find(fs, "07", "UGA", "RWA");
  REQUIRE(asylum != nullptr);
  CHECK(asylum->date == "2026-03-10");
  // ... but a day said of the event itself still dates it.
  fs = test::facts("Kenya thanked Uganda on Friday for its help during last year's floods.",
                   "2026-03-10");
  CAPTURE(test::summary(fs));
  thanks = test::find(fs, "05", "KEN", "UGA");
  REQUIRE(thanks != nullptr);
  CHECK(thanks->date == "2026-03-06");
}

TEST_CASE("extract dates: a pledge is dated when it was made, not forward like what it promises") {
  // 2026-03-10 is a Tuesday: "on Monday" is the day before, not next week's.
  auto fs = test::facts("Japan pledged 20 million pounds in aid to Haiti on Monday.", "2026-03-10");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "03", "JPN", "HTI");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::intended);
  CHECK(f->date == "2026-03-09");
  // ... and the aid it promises is no aid given.
  CHECK(test::with_root(fs, "07") == nullptr);
}
