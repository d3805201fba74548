// extract: the word lexer, the vocabulary, the phrase matcher and the
// dictionary loader (in-memory sources, every error path by its message).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ingest/recognize/dictionary.hpp"
#include "ingest/syntax/lexer.hpp"
#include "ingest/recognize/phrase_matcher.hpp"

using namespace dipgraph;
using namespace dipgraph::ingest;

namespace {

std::string words(std::string_view text) {
  std::vector<RawTok> raw;
  lex_raw(text, 0, static_cast<std::uint32_t>(text.size()), raw);
  std::string out;
  for (const RawTok& r : raw) {
    if (!out.empty()) out += ' ';
    if (r.is_not) out += "<not>";
    else out += std::string(text.substr(r.start, r.end - r.start));
    if (r.flags & kPossessive) out += "<'s>";
    if (r.flags & kHyphenJoined) out = out.substr(0, out.size() - (r.end - r.start)) + "-" + std::string(text.substr(r.start, r.end - r.start));
  }
  return out;
}

DictionarySources tiny_sources() {
  DictionarySources s;
  s.countries =
      "code\tname\tofficial\taliases\tdemonyms\tcapital\tmetonyms\tstatus\n"
      "# a comment\n"
      "NLD\tNetherlands\tKingdom of the Netherlands\tHolland;the Netherlands\tDutch\tAmsterdam\tThe Hague\tmember\n"
      "USA\tUnited States\t\tUS;U.S.;the United States\tAmerican\tWashington\tthe White House\tmember\n"
      "CHN\tChina\t\t\tChinese\tBeijing\t\tmember\n";
  s.cities = "country\tcity\taliases\tpopulation_rank\nCHN\tShanghai\t\t1\nNLD\tRotterdam\t\t2\n";
  s.organizations =
      "code\tname\taliases\tkind\tmembers\n"
      "SCO\tShanghai Cooperation Organization\tSCO\tbloc\tCHN\n";
  s.titles = "phrase\trole\trank\nprime minister\tPrime Minister\t2\ndeputy prime minister\tDeputy Prime Minister\t3\nDPM\tDeputy Prime Minister\t3\n";
  s.events =
      "pattern\ttype\tcameo\tsource\ttarget\tflags\n"
      "meet|met\tmeeting\t040\tsubj\tobj|with\tsym\n"
      "sign~ * treaty|accord\tagreement\t057\tsubj\twith\tsym\n";
  s.cues = "phrase\tkind\tvalue\nplans to\tstatus\tplanned\nnot\tstatus\tnegated\nally\ttone\t+\n";
  return s;
}

}  // namespace

TEST_CASE("extract lexer: words, possessives, hyphens, initials, negation") {
  struct Case {
    const char* text;
    const char* words;
  };
  const Case cases[] = {
      {"Russia's envoy", "Russia<'s> envoy"},
      {"the allies' plan", "the allies<'s> plan"},
      {"Pakistan-Russia ties", "Pakistan -Russia ties"},
      {"the U.S. and U.N. said", "the U.S. and U.N. said"},
      {"F.W. de Klerk", "F.W. de Klerk"},
      {"did not sign, didn't sign", "did not sign , did <not> sign"},
      {"Kenya cannot sign; Cannot. cannots", "Kenya can <not> sign ; Can <not> . cannots"},
      {"Côte d'Ivoire", "Côte d'Ivoire"},
      {"in the 1970s, 25,000 tons, 5.1 million", "in the 1970s , 25,000 tons , 5.1 million"},
      {"SCO-Council (SCO)", "SCO -Council ( SCO )"},
      {"", ""},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    CHECK(words(c.text) == c.words);
  }
}

TEST_CASE("extract lexer: case flags") {
  std::vector<RawTok> raw;
  std::string_view text = "SAPM Sapm sapm U.S. A";
  lex_raw(text, 0, static_cast<std::uint32_t>(text.size()), raw);
  REQUIRE(raw.size() == 5);
  CHECK((raw[0].flags & kAllCaps));
  CHECK((raw[1].flags & kCap));
  CHECK(!(raw[1].flags & kAllCaps));
  CHECK(!(raw[2].flags & (kCap | kAllCaps)));
  CHECK((raw[3].flags & kAllCaps));
  CHECK(!(raw[4].flags & kAllCaps));  // one letter is not an acronym
}

TEST_CASE("extract lexer: phrases are cut like text") {
  CHECK(lex_phrase("the U.S.-based") == std::vector<std::string>{"the", "u.s.", "based"});
  CHECK(lex_phrase("People's Republic of China") ==
        std::vector<std::string>{"people", "republic", "of", "china"});
}

TEST_CASE("extract vocab: intern and find, growing past its first table") {
  Vocab v;
  std::vector<TokenId> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back(v.intern("w" + std::to_string(i)));
  for (int i = 0; i < 5000; ++i) {
    CAPTURE(i);
    REQUIRE(v.find("w" + std::to_string(i)) == ids[i]);
  }
  CHECK(v.find("absent") == kNoToken);
  CHECK(v.intern("w7") == ids[7]);
  CHECK(v.word(ids[42]) == "w42");
}

TEST_CASE("extract lexer: lex() finds each word's lower-case form in the vocabulary") {
  // lex() lower-cases and hashes words in 8-byte chunks; whatever the word's
  // length, case, script or place in the text it must find what find() finds.
  Vocab v;
  for (const char* w : {"a", "russia", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "u.s.", "not",
                        "did", "côte", "d'ivoire", "sapm", "2025", ",", "pakistan", "ivoire",
                        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl"})
    v.intern(w);
  std::vector<std::uint16_t> classes(v.size(), 0);
  const char* texts[] = {
      "Russia didn't sign, said the U.S. in 2025",
      "ABCDEFGH abcdefghI AbCdEfGhIjKlMnOp RUSSIA's",
      "Côte d'Ivoire and CÔTE D'IVOIRE, SAPM Pakistan-Russia",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKL abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm",
      "a", "Russia", "abcdefgh", "abcdefghi",  // words ending the text
  };
  for (const char* c : texts) {
    std::string text = c;
    CAPTURE(text);
    std::vector<RawTok> raw;
    lex_raw(text, 0, static_cast<std::uint32_t>(text.size()), raw);
    std::vector<Tok> toks;
    lex(text, 0, static_cast<std::uint32_t>(text.size()), v, classes, toks);
    REQUIRE(toks.size() == raw.size());
    std::string lower;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      CAPTURE(k);
      CHECK(toks[k].start == raw[k].start);
      CHECK(toks[k].end == raw[k].end);
      CHECK(toks[k].flags == raw[k].flags);
      to_lower(std::string_view(text).substr(raw[k].start, raw[k].end - raw[k].start), lower);
      TokenId want = raw[k].is_not ? v.find("not") : lower.size() <= 64 ? v.find(lower) : kNoToken;
      CHECK(toks[k].id == want);
    }
  }
}

TEST_CASE("extract matcher: longest match at a position, values of every depth offered") {
  PhraseMatcher m;
  // ids: 1 new, 2 york, 3 times, 4 city
  m.add({1, 2}, 10);
  m.add({1, 2, 4}, 11);
  m.add({2}, 12);
  m.add({1, 2}, 13);  // a second value on the same phrase
  m.freeze(8);
  std::vector<TokenId> text = {1, 2, 4, 3, 2};
  auto ids = [&](std::size_t i) { return text[i]; };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> offered;
  auto len = m.longest(ids, 0, text.size(), [&](std::uint32_t n, std::uint32_t v) {
    offered.emplace_back(n, v);
    return false;
  });
  CHECK(len == 0);
  REQUIRE(offered.size() == 3);
  CHECK(offered[0] == std::pair<std::uint32_t, std::uint32_t>{3, 11});  // longest first
  CHECK(offered[1].first == 2);
  CHECK(m.longest(ids, 0, 2, [](std::uint32_t, std::uint32_t v) { return v == 13; }) == 2);
  CHECK(m.longest(ids, 4, text.size(), [](std::uint32_t, std::uint32_t) { return true; }) == 1);
  CHECK(m.longest(ids, 3, text.size(), [](std::uint32_t, std::uint32_t) { return true; }) == 0);
  CHECK(m.phrase_count() == 4);
}

TEST_CASE("extract dictionary: loads every file from memory") {
  Diagnostics diag(false);
  auto d = Dictionary::from_sources(tiny_sources(), diag);
  CHECK(diag.error_count() == 0);
  CHECK(d->countries().size() == 3);
  CHECK(d->country_index("CHN") == 2);
  CHECK(d->country_index("XYZ") == -1);
  CHECK(d->cities().size() == 5);  // three capitals and two other cities
  CHECK(d->organizations()[0].code == "SCO");
  // Each lower-case title also in the plural, flagged; an acronym has none.
  REQUIRE(d->titles().size() == 5);
  CHECK(d->titles()[1].phrase == "prime ministers");
  CHECK(d->titles()[1].plural);
  CHECK(d->titles()[1].role == "Prime Minister");
  CHECK(d->titles()[3].phrase == "deputy prime ministers");
  CHECK(d->titles()[4].phrase == "DPM");
  CHECK(!d->titles()[4].plural);
  // "sign~ * treaty|accord": one pattern per inflection-free variant, four anchors.
  REQUIRE(d->patterns().size() == 2);
  CHECK(d->patterns()[1].tail.size() == 2);
  CHECK(d->patterns()[0].flags == kSymmetric);
  CHECK(d->word("signed") != kNoToken);
  CHECK(d->word("signing") != kNoToken);
  CHECK(d->cues().size() == 3);
}

TEST_CASE("extract dictionary: inflections of pattern words") {
  struct Row {
    const char* base;
    std::vector<std::string> forms;
  };
  const Row rows[] = {
      {"ban", {"ban", "bans", "banned", "banning"}},       // one syllable, CVC: doubled
      {"stop", {"stop", "stops", "stopped", "stopping"}},
      {"open", {"open", "opens", "opened", "opening"}},     // two syllables: not doubled
      {"edit", {"edit", "edits", "edited", "editing"}},
      {"meet", {"meet", "meets", "meeted", "meeting"}},     // irregular past is listed apart
      {"agree", {"agree", "agrees", "agreed", "agreeing"}},
      {"urge", {"urge", "urges", "urged", "urging"}},
      {"deny", {"deny", "denies", "denied", "denying"}},
      {"push", {"push", "pushes", "pushed", "pushing"}},
      {"slow", {"slow", "slows", "slowed", "slowing"}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.base);
    CHECK(inflect(r.base) == r.forms);
  }
}

TEST_CASE("extract dictionary: errors name the file and the line") {
  struct Case {
    const char* what;
    void (*edit)(DictionarySources&);
    const char* message;
  };
  const Case cases[] = {
      {"bad cameo", [](DictionarySources& s) { s.events += "meet\tmeeting\t4x\tsubj\tobj\t-\n"; },
       "events.tsv:4: \"4x\" is not a 2-4 digit CAMEO code"},
      {"bad flag", [](DictionarySources& s) { s.events += "meet\tmeeting\t040\tsubj\tobj\tloud\n"; },
       "events.tsv:4: unknown flag \"loud\""},
      {"gap first", [](DictionarySources& s) { s.events += "* meet\tmeeting\t040\tsubj\tobj\t-\n"; },
       "events.tsv:4: a pattern must start with a word"},
      {"bad status", [](DictionarySources& s) { s.cues += "soon\tstatus\tsoonish\n"; },
       "cues.tsv:5: unknown status \"soonish\""},
      {"bad city", [](DictionarySources& s) { s.cities += "XXX\tNowhere\t\t1\n"; },
       "cities.tsv:4: unknown country code \"XXX\""},
      {"bad country", [](DictionarySources& s) { s.countries += "NL\tNowhere\t\t\t\t\t\tmember\n"; },
       "countries.tsv:6: expected a 3-letter code"},
  };
  for (const auto& c : cases) {
    std::string what = c.what;
    CAPTURE(what);
    DictionarySources s = tiny_sources();
    c.edit(s);
    Diagnostics diag(false);
    auto d = Dictionary::from_sources(s, diag);
    REQUIRE(diag.error_count() == 1);
    CHECK(format_diagnostic(diag.all()[0]).find(c.message) != std::string::npos);
  }
}

TEST_CASE("extract dictionary: titles take the English plural of their head noun") {
  DictionarySources s = tiny_sources();
  s.titles = "phrase\trole\trank\nsecretary\tSecretary\t3\nspokesman\tSpokesman\t5\n"
             "chief of staff\tChief of Staff\t6\nenvoy\tEnvoy\t4\ncoach\tCoach\t7\n"
             "secretary-general\tSecretary-General\t4\ngen.\tGeneral\t6\nFM\tForeign Minister\t3\nvice-premier\tVice-Premier\t3\n";
  Diagnostics diag(false);
  auto d = Dictionary::from_sources(s, diag);
  std::vector<std::string> plurals;
  for (const auto& t : d->titles())
    if (t.plural) plurals.push_back(t.phrase);
  CHECK(plurals == std::vector<std::string>{"secretaries", "spokesmen", "chiefs of staff", "envoys",
                                            "coaches", "secretaries-general", "vice-premiers"});
}

TEST_CASE("extract dictionary: a missing column or file is an Error") {
  DictionarySources s = tiny_sources();
  s.titles = "phrase\trole\nminister\tMinister\n";
  Diagnostics diag(false);
  CHECK_THROWS_WITH(Dictionary::from_sources(s, diag),
                    doctest::Contains("titles.tsv: missing column \"rank\""));
  CHECK_THROWS_WITH(Dictionary::load("/nonexistent-dir", diag),
                    doctest::Contains("/nonexistent-dir/countries.tsv: cannot open"));
}
