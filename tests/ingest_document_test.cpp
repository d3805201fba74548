// ingest documents: normalizer rules, tokenizer offsets, sentence splitting,
// datelines and date resolution (normalize_text, tokenize, split_sentences,
// find_dateline, parse_date, make_document).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ingest/read/dateline.hpp"
#include "ingest/read/document.hpp"
#include "ingest/read/utf8.hpp"

using namespace dipgraph;
using namespace dipgraph::ingest;

namespace {

std::string norm(std::string_view raw) {
  Diagnostics diag(false);
  return normalize_text(raw, "t.txt", diag);
}

std::vector<std::string> token_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text)) out.emplace_back(text.substr(t.start, t.end - t.start));
  return out;
}

std::vector<std::string> sentences_of(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  std::vector<std::string> out;
  for (const Sentence& s : split_sentences(text, tokens))
    out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

// The pieces as one string, "a|b|c", so that failures print readably.
std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "|") + p;
  return out;
}

}  // namespace

TEST_CASE("normalize: characters, quotes, dashes, spaces and debris") {
  struct Case {
    const char* raw;
    const char* want;
  };
  const Case cases[] = {
      {"\xE2\x80\x9CWe will come,\xE2\x80\x9D he said.", "\"We will come,\" he said."},
      {"the country\xE2\x80\x99s \xE2\x80\x98natural allies\xE2\x80\x99",
       "the country's 'natural allies'"},
      {"Kenya\xE2\x80\x93"
       "Ethiopia talks",
       "Kenya-Ethiopia talks"},
      {"2024 \xE2\x80\x93 2025", "2024 - 2025"},
      {"talks\xE2\x80\x94which began", "talks - which began"},
      {"July 11, Nepal -- According", "July 11, Nepal - According"},
      {"a---b", "a - b"},
      {"well-known", "well-known"},
      {"non\xC2\xA0"
       "breaking\xE2\x80\x89thin",
       "non breaking thin"},
      {"zero\xE2\x80\x8Bwidth", "zerowidth"},
      {"wait\xE2\x80\xA6 then", "wait... then"},
      {"  many    spaces\there  ", "many spaces here"},
      {"\xEF\xBB\xBFWith BOM", "With BOM"},
      {"crlf\r\nline", "crlf line"},
      {"AT&amp;T and &eacute;t&eacute; &#8220;x&#8221;", "AT&T and \xC3\xA9t\xC3\xA9 \"x\""},
      {"R&D; spending & more", "R&D; spending & more"},
      {"President [Vladimir] Putin", "President Vladimir Putin"},
      {"said [the] minister", "said the minister"},
      {"a claim[1] and[23] more", "a claim and more"},
      {"words [...] later", "words ... later"},
      {"[caption id=\"x\" align=\"left\"]A photo of the talks[/caption] The talks began.",
       "The talks began."},
      {"See https://example.com/a?b=c, then go.", "See, then go."},
      {"(https://example.com/x) text", "text"},
      {"visit www.example.org today", "visit today"},
      {"text <b>bold</b> and<br>more<p>Next", "text bold and more\nNext"},
      {"a < b and c > d", "a < b and c > d"},
      {"China, later in August.\n.png)\n", "China, later in August."},
      {"An image photo_2.JPG here", "An image here"},
      {"![map](https://x.org/m.png) The map", "The map"},
      {"read [the report](https://x.org/r) now", "read the report now"},
      {"Text\n* * *\nMore text", "Text\nMore text"},
      {"ctrl\x01"
       "char",
       "ctrl char"},
      {"word ![x](y.png), more", "word, more"},
      {"a claim[1]. Next", "a claim. Next"},
      {"see (https://x.org/a). Next", "see. Next"},
      {"text <i>in</i> it", "text in it"},
      {"a \xE2\x80\x9Cquote\xE2\x80\x9D", "a \"quote\""},
      {"cp1252 \xC2\x93quoted\xC2\x94 it\xC2\x92s", "cp1252 \"quoted\" it's"},
      {"line\xE2\x80\xA8next", "line next"},
      {"para\xE2\x80\xA9Next", "para\nNext"},
      {"soft\xC2\xADhyphen", "softhyphen"},
  };
  for (const Case& c : cases) {
    const std::string raw = c.raw;
    CAPTURE(raw);
    CHECK(norm(raw) == std::string(c.want));
  }
}

TEST_CASE("normalize: invalid UTF-8 becomes U+FFFD with one warning naming the offset") {
  Diagnostics diag(false);
  const std::string out = normalize_text(
      "ab\xFF"
      "cd\xC3(\xE2\x82",
      "batch.jsonl:4", diag);
  CHECK(out ==
        "ab\xEF\xBF\xBD"
        "cd\xEF\xBF\xBD(\xEF\xBF\xBD");
  const auto all = diag.all();
  REQUIRE(all.size() == 1);
  CHECK(all[0].severity == Severity::warning);
  CHECK(format_diagnostic(all[0]) ==
        "batch.jsonl:4: byte 2: warning: invalid UTF-8 replaced by U+FFFD (3 bad sequences)");
  // Overlong forms and surrogates are invalid too.
  Diagnostics d2(false);
  CHECK(normalize_text("x\xC0\xAFy\xED\xA0\x80z", "f", d2) ==
        "x\xEF\xBF\xBD\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz");
  CHECK(d2.warning_count() == 1);
}

TEST_CASE("normalize: paragraphs from blank lines and from hard-wrapped text") {
  struct Case {
    const char* name;
    const char* raw;
    const char* want;
  };
  const Case cases[] = {
      {"blank lines separate, single breaks join",
       "First line of a paragraph\ncontinues here.\n\nSecond paragraph.\n",
       "First line of a paragraph continues here.\nSecond paragraph."},
      {"one paragraph a line (not wrapped)",
       "The minister arrived on Monday.\nTalks lasted two days.\nA statement followed.",
       "The minister arrived on Monday.\nTalks lasted two days.\nA statement followed."},
      {"unwrapped: a lower-case continuation joins",
       "The minister arrived on Monday and\nmet the president.",
       "The minister arrived on Monday and met the president."},
      {"wrapped: a short line ending a sentence ends the paragraph",
       "The foreign ministers of both countries met in the capital on Tuesday to\n"
       "discuss the water agreement that has been under negotiation for years and\n"
       "which both sides hope to sign before the end of the year.\n"
       "Officials said the talks would resume in a month in the other capital and\n"
       "that a draft text was ready.\n",
       "The foreign ministers of both countries met in the capital on Tuesday to discuss the water "
       "agreement that has been under negotiation for years and which both sides hope to sign "
       "before "
       "the end of the year. Officials said the talks would resume in a month in the other capital "
       "and "
       "that a draft text was ready."},
      {"wrapped: an indented line opens a paragraph",
       "    The foreign ministers of both countries met in the capital on Tuesday to\n"
       "discuss the water agreement that has been under negotiation for years and\n"
       "which both sides hope to sign before the end of the year, officials said.\n"
       "    Officials said the talks would resume in a month in the other capital and\n"
       "that a draft text was ready for both delegations to study in the meantime.\n",
       "The foreign ministers of both countries met in the capital on Tuesday to discuss the water "
       "agreement that has been under negotiation for years and which both sides hope to sign "
       "before "
       "the end of the year, officials said.\n"
       "Officials said the talks would resume in a month in the other capital and that a draft "
       "text "
       "was ready for both delegations to study in the meantime."},
      {"wrapped: a short opening line after a sentence end",
       "The foreign ministers of both countries met in the capital on Tuesday to\n"
       "discuss the water agreement that has been under negotiation for many years.\n"
       "The officials said\n"
       "that the talks would resume in a month in the other capital and that a\n"
       "draft text was ready for both delegations to study in the meantime here.\n",
       "The foreign ministers of both countries met in the capital on Tuesday to discuss the water "
       "agreement that has been under negotiation for many years.\n"
       "The officials said that the talks would resume in a month in the other capital and that a "
       "draft text was ready for both delegations to study in the meantime here."},
      {"wrapped: a headline line, then the dateline",
       "Kenya and Ethiopia agree to resume talks\n"
       "NAIROBI, March 3 - The foreign ministers of both countries met on Tuesday to\n"
       "discuss the water agreement that has been under negotiation for many years\n"
       "and which both sides hope to sign before the end of the year, they said.\n",
       "Kenya and Ethiopia agree to resume talks\n"
       "NAIROBI, March 3 - The foreign ministers of both countries met on Tuesday to discuss the "
       "water agreement that has been under negotiation for many years and which both sides hope "
       "to "
       "sign before the end of the year, they said."},
      {"list items are paragraphs", "Points agreed:\n- water sharing\n- rail links",
       "Points agreed:\n- water sharing\n- rail links"},
  };
  for (const Case& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    CHECK(norm(c.raw) == std::string(c.want));
  }
}

TEST_CASE("normalize: hyphenation at line ends") {
  // Wrapped text so that the lines join; the last line varies.
  const std::string wrap =
      "The delegations from both countries met again in the capital on Monday to\n"
      "discuss a long list of issues that had been left open at the last round and\n"
      "agreed that closer ";
  struct Case {
    const char* tail;
    const char* want;
  };
  const Case cases[] = {
      {"co-\noperation was needed.", "cooperation was needed."},
      {"Pakistan-\nRussia ties matter.", "Pakistan-Russia ties matter."},
      {"anti-\nAmerican views faded.", "anti-American views faded."},
      {"self-\nreliance was needed.", "self-reliance was needed."},
      {"state-\nowned firms would bid.", "state-owned firms would bid."},
      {"COVID-\n19 rules had ended.", "COVID-19 rules had ended."},
      {"nego-\ntiations would start.", "negotiations would start."},
      {"well-\nto-do donors would pay.", "well-to-do donors would pay."},
      {"ties -\nnot rivalry - mattered.", "ties - not rivalry - mattered."},
  };
  for (const Case& c : cases) {
    const std::string tail = c.tail;
    CAPTURE(tail);
    const std::string out = norm(wrap + tail);
    CHECK(out.substr(out.find("closer ") + 7) == std::string(c.want));
  }
  // A compound hyphenated elsewhere in the article keeps its hyphen.
  const std::string out = norm(wrap + "peace-\nkeeping was needed. Peace-keeping costs.");
  CHECK(out.find("closer peace-keeping was needed") != std::string::npos);
}

TEST_CASE("tokenize: words, numbers, punctuation and their byte offsets") {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"Sharif's Pakistan-Russia talks", {"Sharif's", "Pakistan-Russia", "talks"}},
      {"the U.S. and U.N. met", {"the", "U.S.", "and", "U.N.", "met"}},
      {"e.g. this", {"e.g.", "this"}},
      {"Mr. Smith", {"Mr", ".", "Smith"}},
      {"2.5 1,000 10:30 2015.", {"2.5", "1,000", "10:30", "2015", "."}},
      {"1970s 5G G7 COVID-19", {"1970s", "5G", "G7", "COVID-19"}},
      {"\"Yes,\" he said - (maybe)!",
       {"\"", "Yes", ",", "\"", "he", "said", "-", "(", "maybe", ")", "!"}},
      {"S\xC3\xA3o Paulo \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
       {"S\xC3\xA3o", "Paulo", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"}},
      {"end- dash", {"end", "-", "dash"}},
      {"x\xEF\xBF\xBDy", {"x", "\xEF\xBF\xBD", "y"}},
      {"a\xC2\xA9"
       "b",
       {"a", "\xC2\xA9", "b"}},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(join(token_texts(text)) == join(c.want));
  }
  const std::string text =
      "\xC3\x89lys\xC3\xA9"
      "e, 2.5 km";
  const std::vector<Token> t = tokenize(text);
  REQUIRE(t.size() == 4);
  CHECK(t[0].start == 0);
  CHECK(t[0].end == 8);
  CHECK(t[0].capitalized);
  CHECK(t[0].shape == TokenShape::word);
  CHECK(t[1].shape == TokenShape::punct);
  CHECK(t[2].start == 10);
  CHECK(t[2].end == 13);
  CHECK(t[2].shape == TokenShape::number);
  CHECK_FALSE(t[3].capitalized);
}

TEST_CASE("tokenize: capitalized for ASCII and Latin upper case") {
  const std::string text =
      "Paris \xC3\x96sterreich \xC5\x81\xC3\xB3\x64\xC5\xBA \xC5\x9Bwiat \xC3\xA9t\xC3\xA9 "
      "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 kabul";
  const std::vector<Token> t = tokenize(text);
  REQUIRE(t.size() == 7);
  const bool want[] = {true, true, true, false, false, true, false};
  for (std::size_t k = 0; k < t.size(); ++k) {
    CAPTURE(k);
    CHECK(t[k].capitalized == want[k]);
  }
}

TEST_CASE("split_sentences: where sentences end and where they do not") {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"Talks began. They ended.", {"Talks began.", "They ended."}},
      {"Mr. Smith met Gen. Ali and Sen. Brown.", {"Mr. Smith met Gen. Ali and Sen. Brown."}},
      {"Dr. Lee, Lt. Khan, Gov. Ruiz, Rep. Diaz and St. Clair came.",
       {"Dr. Lee, Lt. Khan, Gov. Ruiz, Rep. Diaz and St. Clair came."}},
      {"It was signed on Jan. 5 and ratified in No. 10.",
       {"It was signed on Jan. 5 and ratified in No. 10."}},
      {"The U.S. and the U.N. agreed. The U.K. did not.",
       {"The U.S. and the U.N. agreed.", "The U.K. did not."}},
      {"John F. Kennedy spoke.", {"John F. Kennedy spoke."}},
      {"Growth was 2.5 percent. It rose.", {"Growth was 2.5 percent.", "It rose."}},
      {"He paused... Then he went on.", {"He paused... Then he went on."}},
      {"He said: \"We will come.\" Then he left.", {"He said: \"We will come.\"", "Then he left."}},
      {"He said: \"We will come. We will stay.\" Then he left.",
       {"He said: \"We will come. We will stay.\"", "Then he left."}},
      {"\"Why?\" he asked. Nobody knew.", {"\"Why?\" he asked.", "Nobody knew."}},
      {"Is it over? Yes! 2025 will tell.", {"Is it over?", "Yes!", "2025 will tell."}},
      {"It ended (finally.) Next came talks.", {"It ended (finally.)", "Next came talks."}},
      {"The talks ended.\"Next\" came.", {"The talks ended.\"Next\" came."}},
      {"a. b. c.", {"a. b. c."}},
      {"First paragraph\nSecond one", {"First paragraph", "Second one"}},
      {"He said \"we agree. They do not. Talks go on.\nNew paragraph.",
       {"He said \"we agree.", "They do not.", "Talks go on.", "New paragraph."}},
      {"Kenya's Ruto met the A.U. chief. Both spoke.",
       {"Kenya's Ruto met the A.U. chief.", "Both spoke."}},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const std::vector<std::string> got = sentences_of(text);
    CHECK(join(got) == join(c.want));
  }
}

TEST_CASE("split_sentences: token ranges, paragraph numbers, the body start") {
  const std::string text = "NAIROBI - Talks began. They ended.\nA new day.";
  const std::vector<Token> tokens = tokenize(text);
  const std::vector<Sentence> s = split_sentences(text, tokens, 10);
  REQUIRE(s.size() == 3);
  CHECK(s[0].first_token == 2);
  CHECK(s[0].end_token == 5);
  CHECK(s[0].start == 10);
  CHECK(s[0].paragraph == 0);
  CHECK(s[1].first_token == 5);
  CHECK(s[2].paragraph == 1);
  CHECK(s[2].end_token == tokens.size());
  CHECK(split_sentences("", {}).empty());
}

TEST_CASE("find_dateline: the forms of datelines and what is not one") {
  struct Case {
    const char* text;
    bool found;
    const char* place;
    const char* date;
    const char* body;
  };
  const Case cases[] = {
      {"July 11, Nepal - According to a spokesman.", true, "Nepal", "2025-07-11",
       "According"},
      {"NAIROBI, Oct 14 (Reuters) - Kenya said.", true, "NAIROBI", "2025-10-14", "Kenya"},
      {"WASHINGTON (AP) - The talks.", true, "WASHINGTON", "", "The"},
      {"Moscow, 3 March 2024: Russia said.", true, "Moscow", "2024-03-03", "Russia"},
      {"KABUL - The Taliban said.", true, "KABUL", "", "The"},
      {"ADDIS ABABA, Ethiopia, Sept. 2 - Talks.", true, "ADDIS ABABA, Ethiopia", "2025-09-02",
       "Talks"},
      {"Thursday, July 11, 2024, Tokyo - Japan.", true, "Tokyo", "2024-07-11", "Japan"},
      {"July 11, Nepal -\nAccording to officials.", true, "Nepal", "2025-07-11", "According"},
      {"Kenya and Ethiopia agree on talks\nNAIROBI, March 3 - The two.", true, "NAIROBI",
       "2025-03-03", "The"},
      {"Putin - who spoke - said.", false, "", "", ""},
      {"President Ruto said: we agree.", false, "", "", ""},
      {"In Nairobi: talks.", false, "", "", ""},
      {"Kenya, Ethiopia - the neighbours.", false, "", "", ""},
      {"No dateline here at all.", false, "", "", ""},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    Dateline d;
    const bool found = find_dateline(text, "2025-07-20", d);
    CHECK(found == c.found);
    if (!found || !c.found) continue;
    CHECK(d.place == std::string(c.place));
    CHECK(d.date == std::string(c.date));
    CHECK(std::string_view(c.text).substr(d.end).rfind(c.body, 0) == 0);
  }
  Dateline d;
  REQUIRE(find_dateline("NAIROBI, Oct 14 (Reuters) - Kenya said.", "", d));
  CHECK(d.agency == "Reuters");
  CHECK(d.date.empty());  // no year and no default date
}

TEST_CASE("parse_date: metadata date forms and the nearest year") {
  struct Case {
    const char* in;
    const char* def;
    const char* want;
  };
  const Case cases[] = {
      {"2025-07-11", "", "2025-07-11"},
      {"2025-07-11T09:30:00Z", "", "2025-07-11"},
      {"2025/07/11", "", "2025-07-11"},
      {"20250711", "", "2025-07-11"},
      {"July 11, 2025", "", "2025-07-11"},
      {"11 July 2025", "", "2025-07-11"},
      {"Fri, 11 Jul 2025 09:30:00 +0000", "", "2025-07-11"},
      {"Sept. 3, 2024", "", "2024-09-03"},
      {"July 11", "2025-07-11", "2025-07-11"},
      {"December 30", "2025-01-02", "2024-12-30"},
      {"January 2", "2024-12-30", "2025-01-02"},
      {"February 29", "2024-03-01", "2024-02-29"},
      {"July 11", "", ""},
      {"2025-02-30", "", ""},
      {"2025-13-01", "", ""},
      {"tomorrow", "", ""},
      {"2025", "", ""},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    const std::string in = c.in, def = c.def;
    CAPTURE(in);
    CAPTURE(def);
    CHECK(parse_date(in, def) == std::string(c.want));
  }
}

TEST_CASE("make_document: date from metadata, dateline, or default; body after the dateline") {
  Diagnostics diag(false);
  Article a;
  a.origin = "x.txt";
  a.text = "July 11, Pakistan -- Officials met in Moscow. They talked.\n";
  Document d = make_document(a, "2025-07-12", diag);
  CHECK(d.article.date == "2025-07-11");
  CHECK(d.article.date_source == DateSource::dateline);
  CHECK(d.dateline_place == "Pakistan");
  CHECK(d.text.substr(d.body_start).rfind("Officials", 0) == 0);
  REQUIRE(d.sentences.size() == 2);
  CHECK(d.sentence_text(0) == "Officials met in Moscow.");
  CHECK(d.tokens[d.sentences[0].first_token].start == d.body_start);

  // Metadata wins over the dateline; its year anchors nothing else.
  a.date = "2024-01-05";
  a.date_source = DateSource::metadata;
  d = make_document(a, "2025-07-12", diag);
  CHECK(d.article.date == "2024-01-05");
  CHECK(d.dateline_place == "Pakistan");

  // No dateline: the default date.
  Article b;
  b.text = "Officials met.";
  d = make_document(b, "2025-07-12", diag);
  CHECK(d.article.date == "2025-07-12");
  CHECK(d.article.date_source == DateSource::default_date);
  CHECK(d.body_start == 0);
  d = make_document(b, "", diag);
  CHECK(d.article.date.empty());

  // The agency fills an empty source.
  Article c;
  c.text = "NAIROBI, Oct 14 (Reuters) - Kenya said so.";
  d = make_document(c, "2025-10-20", diag);
  CHECK(d.article.source == "Reuters");
  CHECK(d.article.date == "2025-10-14");
  CHECK(diag.all().empty());
}

TEST_CASE("utf8: decoding, case and lower()") {
  CHECK(utf8::lower("\xC3\x89LYS\xC3\x89"
                    "E Moscow \xD0\x9C") ==
        "\xC3\xA9lys\xC3\xA9"
        "e moscow \xD0\xBC");
  CHECK(utf8::is_upper(0x141));           // Ł
  CHECK(utf8::is_lower(0x142));           // ł
  CHECK(utf8::to_lower(0x17D) == 0x17E);  // Ž
  CHECK(utf8::decode("\xF0\x9F\x98\x80", 0).cp == 0x1F600);
  CHECK(utf8::decode("\xF4\x90\x80\x80", 0).cp == utf8::kInvalid);
  CHECK(utf8::length("S\xC3\xA3o") == 3);
}
