// syntax: CoNLL-U reading and writing (our own sentences; every error path
// by its message).
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "ingest/syntax/conllu.hpp"

using namespace dipgraph;
using namespace dipgraph::syntax;

namespace {

const char* kSample =
    "# sent_id = s1\n"
    "# text = Kenya didn't sign.\n"
    "1\tKenya\tKenya\tPROPN\tNNP\tNumber=Sing\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tsign\tsign\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "4.1\tsigned\tsign\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "1\tTalks\ttalk\tNOUN\tNNS\t_\t0\troot\t0:root\t_\n"
    "\n";

std::string read_error(const std::string& text) {
  std::istringstream in(text);
  try {
    read_conllu(in, "t.conllu");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("conllu: reads words, comments and ranges; skips empty nodes") {
  std::istringstream in(kSample);
  auto sents = read_conllu(in, "t.conllu");
  REQUIRE(sents.size() == 2);
  const ConlluSentence& s = sents[0];
  CHECK(s.comments.size() == 2);
  CHECK(s.comments[1] == "# text = Kenya didn't sign.");
  REQUIRE(s.words.size() == 5);
  CHECK(s.words[0].form == "Kenya");
  CHECK(s.words[0].head == 4);
  CHECK(s.words[0].feats == "Number=Sing");
  CHECK(s.words[3].head == 0);
  CHECK(s.words[3].misc == "SpaceAfter=No");
  CHECK(s.words[4].upos == "PUNCT");
  REQUIRE(s.multiword.size() == 1);
  CHECK(s.multiword[0].first == 1);
  CHECK(s.multiword[0].second.substr(0, 10) == "2-3\tdidn't");
  CHECK(sents[1].words.size() == 1);
}

TEST_CASE("conllu: writing what was read gives the file back, without empty nodes") {
  std::istringstream in(kSample);
  auto sents = read_conllu(in, "t.conllu");
  std::ostringstream out;
  for (const auto& s : sents) write_conllu(out, s);
  std::string expected = kSample;
  auto at = expected.find("4.1\t");
  expected.erase(at, expected.find('\n', at) + 1 - at);
  CHECK(out.str() == expected);
}

TEST_CASE("conllu: a file without a final blank line still ends its sentence") {
  std::istringstream in("1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_");
  auto sents = read_conllu(in, "t.conllu");
  REQUIRE(sents.size() == 1);
  CHECK(sents[0].words[0].lemma == "yes");
}

TEST_CASE("conllu: malformed lines throw with file and line") {
  struct Case {
    std::string text, message;
  };
  const Case cases[] = {
      {"1\tA\ta\tDET\n", "t.conllu:1: 4 fields, expected 10"},
      {"# c\nx\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n", "t.conllu:2: bad word id 'x'"},
      {"2\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n", "t.conllu:1: word id 2 out of sequence (expected 1)"},
      {"1\tA\ta\tDET\tDT\t_\tone\troot\t_\t_\n", "t.conllu:1: bad head 'one'"},
      {"1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\t_\n", "t.conllu:1: more than 10 fields"},
      {"3-4\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n", "t.conllu:1: range '3-4' does not start at the next word"},
      {"# only a comment\n\n", "t.conllu:2: sentence without words"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(read_error(c.text) == c.message);
  }
}
