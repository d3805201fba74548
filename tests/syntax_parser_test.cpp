// Tests of the dependency parser: the shipped model (data/syntax/parser.bin)
// on a small treebank of our own news-like sentences
// (tests/data/syntax_parser_news.conllu, gold tags, MISC Key=Yes on the arcs
// that must come out right), tree well-formedness on odd inputs, and the
// model file's error paths.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "ingest/syntax/conllu.hpp"
#include "ingest/syntax/parser.hpp"

using namespace dipgraph;
using namespace dipgraph::syntax;
namespace fs = std::filesystem;

namespace {

const std::string kModel = std::string(DIPGRAPH_DATA_DIR) + "/syntax/parser.bin";

const Parser& model() {
  static const std::unique_ptr<Parser> p = Parser::load(kModel);
  return *p;
}

std::vector<ConlluSentence> news() {
  const std::string path = std::string(DIPGRAPH_SOURCE_DIR) + "/tests/data/syntax_parser_news.conllu";
  std::ifstream in(path);
  return read_conllu(in, path);
}

void gold_tags(const ConlluSentence& s, Analysis& a) {
  a.clear();
  for (const ConlluWord& w : s.words) {
    Upos u = Upos::X;
    REQUIRE(parse_upos(w.upos, u));
    a.upos.push_back(u);
    std::uint8_t x = 255;
    for (std::size_t i = 0; i < xpos_names().size(); ++i)
      if (xpos_names()[i] == w.xpos) x = static_cast<std::uint8_t>(i);
    REQUIRE(x != 255);
    a.xpos.push_back(x);
    std::string lemma = w.lemma;
    for (char& c : lemma) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    a.lemma.push_back(lemma);
  }
}

// True if head/rel describe one tree over all words with one root.
bool is_tree(const Analysis& a, std::size_t n) {
  if (a.head.size() != n || a.rel.size() != n) return false;
  int roots = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (a.head[i] == -1) {
      ++roots;
      if (deprel_name(a.rel[i]) != "root") return false;
    } else if (a.head[i] < 0 || a.head[i] >= static_cast<int>(n) || a.head[i] == static_cast<int>(i)) {
      return false;
    }
  }
  if (n > 0 && roots != 1) return false;
  for (std::size_t i = 0; i < n; ++i) {  // every word reaches the root
    int h = static_cast<int>(i);
    std::size_t steps = 0;
    while (h != -1 && steps++ <= n) h = a.head[h];
    if (h != -1) return false;
  }
  return true;
}

std::string read_bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

TEST_CASE("parser: key arcs of our news sentences (subject, object, obl, passive agent, ccomp)") {
  // The shipped model (five seeds of the clustered joint model averaged,
  // format 4) misses 2 of the 68 key arcs, both in one sentence: a subject
  // with a relative clause set off by commas, whose verb it reads as a
  // conjunct of that clause ("The president, who arrived ..., condemned
  // ..."). The coder's tree repairs mend that reading (docs/coding-repairs.md);
  // the joint model of format 2 shipped before it got all 68.
  constexpr std::size_t kKnownMisses = 2;
  const Parser& p = model();
  ParserScratch scratch;
  Analysis a;
  std::size_t words = 0, right = 0, keys = 0, missed = 0;
  std::string misses;
  for (const ConlluSentence& s : news()) {
    std::vector<std::string_view> forms;
    for (const ConlluWord& w : s.words) forms.emplace_back(w.form);
    gold_tags(s, a);
    p.parse(forms, a, scratch);
    CAPTURE(s.comments.back());
    REQUIRE(is_tree(a, forms.size()));
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const ConlluWord& w = s.words[i];
      const bool ok = a.head[i] == w.head - 1 && deprel_name(a.rel[i]) == w.deprel;
      words += w.deprel != "punct";
      right += w.deprel != "punct" && a.head[i] == w.head - 1;
      if (w.misc != "Key=Yes") continue;
      ++keys;
      if (ok) continue;
      ++missed;
      misses += w.form + " -> " + std::to_string(a.head[i] + 1) + " " +
                std::string(deprel_name(a.rel[i])) + "; ";
    }
  }
  CAPTURE(misses);
  CHECK(keys == 68);
  CHECK(missed <= kKnownMisses);
  CHECK(right >= words * 9 / 10);  // unlabelled attachment on the whole set
}

TEST_CASE("parser: a scratch reused across sentences gives the parses of a fresh one") {
  // Decoding keeps sums per stack depth in the scratch (Parser::parse):
  // nothing of one sentence may leak into the next. The sentences are
  // parsed as written and word by word backwards, in both orders.
  const Parser& p = model();
  std::vector<std::vector<std::string>> inputs;
  for (const ConlluSentence& s : news()) {
    std::vector<std::string> forms;
    for (const ConlluWord& w : s.words) forms.push_back(w.form);
    inputs.push_back(forms);
    std::reverse(forms.begin(), forms.end());
    inputs.push_back(forms);
  }
  ParserScratch reused;
  for (int round = 0; round < 2; ++round) {
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      const std::vector<std::string>& in = inputs[round == 0 ? k : inputs.size() - 1 - k];
      const std::vector<std::string_view> forms(in.begin(), in.end());
      Analysis a, b;  // no tags: read as unknown
      ParserScratch fresh;
      p.parse(forms, a, fresh);
      p.parse(forms, b, reused);
      CAPTURE(in.front());
      CHECK(a.head == b.head);
      CHECK(a.rel == b.rel);
    }
  }
}

TEST_CASE("parser: every output is one tree, whatever the input") {
  const Parser& p = model();
  ParserScratch scratch;
  std::vector<std::vector<std::string>> inputs = {
      {},
      {"Talks"},
      {"Japan", "protested"},
      {"\xff\xfe", "", "!!!!", "\x01", "-"},
      {",", ",", ",", ".", ".", "\""},
  };
  std::vector<std::string> longest;  // 300 words
  const char* vocab[] = {"the", "minister", "said", "China", "and", "Japan", "met", "in", ",", "talks", "on", "."};
  std::uint64_t x = 7;
  for (int i = 0; i < 300; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    longest.push_back(vocab[(x >> 33) % std::size(vocab)]);
  }
  inputs.push_back(longest);
  for (const auto& in : inputs) {
    std::vector<std::string_view> words(in.begin(), in.end());
    CAPTURE(words.size());
    Analysis tagged;  // plausible tags
    for (std::size_t i = 0; i < words.size(); ++i) {
      tagged.upos.push_back(i % 3 == 0 ? Upos::NOUN : i % 3 == 1 ? Upos::VERB : Upos::PUNCT);
      tagged.xpos.push_back(static_cast<std::uint8_t>(i % xpos_names().size()));
      tagged.lemma.emplace_back(words[i]);
    }
    p.parse(words, tagged, scratch);
    CHECK(is_tree(tagged, words.size()));
    Analysis untagged;  // missing tags and lemmas are read as unknown
    p.parse(words, untagged, scratch);
    CHECK(is_tree(untagged, words.size()));
  }
}

TEST_CASE("parser: a saved model reloads to the same bytes") {
  const fs::path tmp = fs::temp_directory_path() / "dipgraph_parser_test_resave.bin";
  REQUIRE(model().save(tmp.string()));
  CHECK(read_bytes(tmp.string()) == read_bytes(kModel));
  CHECK(model().header().find("CC BY-SA 4.0") != std::string::npos);
  CHECK(model().header().find("Leland Stanford Junior University") != std::string::npos);
  fs::remove(tmp);
}

TEST_CASE("parser: a missing or damaged model file is an Error naming the file") {
  const fs::path dir = fs::temp_directory_path();
  const std::string original = read_bytes(kModel);
  REQUIRE(original.size() > 1000);
  std::string flipped = original;
  flipped[flipped.size() / 2] ^= 0x20;
  struct Case {
    const char* name;
    std::string bytes;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"not_a_model.bin", "hello, world\n", "not a dipgraph parser model"},
      {"truncated.bin", original.substr(0, original.size() / 2), "damaged"},
      {"flipped.bin", flipped, "damaged"},
      {"empty.bin", "", "not a dipgraph parser model"},
  };
  for (const Case& c : cases) {
    const std::string path = (dir / (std::string("dipgraph_parser_test_") + c.name)).string();
    write_bytes(path, c.bytes);
    CAPTURE(c.name);
    try {
      Parser::load(path);
      FAIL("no error");
    } catch (const Error& e) {
      const std::string what = e.what();
      CHECK(what.find(path) != std::string::npos);
      CHECK(what.find(c.says) != std::string::npos);
    }
    fs::remove(path);
  }
  const std::string missing = (dir / "dipgraph_parser_test_missing.bin").string();
  try {
    Parser::load(missing);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find(missing) != std::string::npos);
  }
}

TEST_CASE("parser: a version-1 file still loads; compact() shrinks and saves as version 2") {
  // A hand-made version-1 model: labels root and nsubj, one transition row
  // (u32 key + 3 x i16), one label row (u32 key, count, column + i16).
  std::string v1 = "DIPGRAPH-PARSER 1\nheader-bytes 5\nhello";
  auto put = [&v1](auto v) { v1.append(reinterpret_cast<const char*>(&v), sizeof v); };
  put(std::uint32_t{2});
  for (std::string l : {"root", "nsubj"}) {
    put(static_cast<std::uint8_t>(l.size()));
    v1 += l;
  }
  put(1.0f);
  put(std::uint64_t{1});
  put(std::uint32_t{0x80000001u});
  for (std::int16_t w : {1, -2, 300}) put(w);
  put(std::uint64_t{1});
  put(std::uint32_t{0x80000002u});
  put(std::uint8_t{1});
  put(std::uint8_t{1});
  put(std::int16_t{-5});
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : v1) h = (h ^ c) * 0x100000001b3ULL;
  put(h);
  const fs::path dir = fs::temp_directory_path();
  const std::string p1 = (dir / "dipgraph_parser_test_v1.bin").string();
  const std::string p2 = (dir / "dipgraph_parser_test_v2.bin").string();
  write_bytes(p1, v1);
  auto p = Parser::load(p1);
  CHECK(p->header() == "hello");
  const std::vector<std::string_view> words = {"Kenya", "signed", "it"};
  ParserScratch scratch;
  Analysis a;
  p->parse(words, a, scratch);
  CHECK(is_tree(a, words.size()));
  REQUIRE(p->save(p2));
  CHECK(read_bytes(p2).rfind("DIPGRAPH-PARSER 2\n", 0) == 0);
  auto back = Parser::load(p2);
  REQUIRE(back->save(p1));
  CHECK(read_bytes(p1) == read_bytes(p2));
  // Rounding to multiples of 4 keeps 300 and -4 (from -5); pruning below 10
  // then drops the label row and keeps the transition row.
  back->compact(10, 4);
  CHECK(back->header().find("Compacted after training") != std::string::npos);
  CHECK(back->header().find("transition rows 1 -> 1, label rows 1 -> 0") != std::string::npos);
  REQUIRE(back->save(p2));
  auto small = Parser::load(p2);
  small->parse(words, a, scratch);
  CHECK(is_tree(a, words.size()));
  fs::remove(p1);
  fs::remove(p2);
}

namespace {
// A hand-made model of format 2 or later: `magic`, header "hi", relations
// root and obj, scale 1, step 1, then `after_step`, one transition row (key
// 0x80000001, weights 1, -2, 2), no label rows, then `tail`, and the
// checksum.
std::string hand_model(const std::string& magic, const std::string& after_step,
                       const std::string& tail) {
  std::string m = magic + "header-bytes 2\nhi";
  auto put = [&m](auto v) { m.append(reinterpret_cast<const char*>(&v), sizeof v); };
  put(std::uint32_t{2});
  for (std::string l : {"root", "obj"}) {
    put(static_cast<std::uint8_t>(l.size()));
    m += l;
  }
  put(1.0f);
  put(std::uint32_t{1});  // step
  m += after_step;
  m += std::string("\x01\x81\x80\x80\x80\x08\x02\x03\x04", 9);  // 1 row: key 0x80000001, weights
  m += std::string("\x00", 1);                                  // no label rows
  m += tail;
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : m) h = (h ^ c) * 0x100000001b3ULL;
  put(h);
  return m;
}

// Writes `bytes`, loads them, checks that a parse is a tree and that the
// model saves back to the same bytes.
void check_round_trip(const std::string& bytes, const std::string& name) {
  const fs::path dir = fs::temp_directory_path();
  const std::string path = (dir / ("dipgraph_parser_test_" + name + ".bin")).string();
  const std::string again = (dir / ("dipgraph_parser_test_" + name + "_again.bin")).string();
  write_bytes(path, bytes);
  auto p = Parser::load(path);
  const std::vector<std::string_view> words = {"Kenya", "signed", "the", "pact"};
  ParserScratch scratch;
  Analysis a;
  a.upos.assign(words.size(), Upos::NOUN);
  a.xpos.assign(words.size(), 0);
  a.lemma.assign(words.begin(), words.end());
  p->parse(words, a, scratch);
  CHECK(is_tree(a, words.size()));
  REQUIRE(p->save(again));
  CHECK(read_bytes(again) == bytes);
  fs::remove(path);
  fs::remove(again);
}
}  // namespace

TEST_CASE("parser: a split model (format 3) loads, parses and saves back as format 3") {
  // Split decoding: transition first, then one labelling per arc. The
  // shipped model is a joint one with word clusters (format 4).
  CHECK(read_bytes(kModel).rfind("DIPGRAPH-PARSER 4\n", 0) == 0);
  // A format-2 (joint) file with the magic of format 3 reads as a split model.
  check_round_trip(hand_model("DIPGRAPH-PARSER 3\n", "", ""), "v3");
}

TEST_CASE("parser: a format-4 model with word clusters loads, parses and saves back the same") {
  // Format 4: a flags byte after the step (0x80 split, feature-set bits:
  // 1 extended, 2 affixes, 4 clusters) and, with clusters, the word
  // clusters after the label rows.
  // 2 words: hash 5 -> cluster 3, hash 12 -> cluster 1.
  auto model_bytes = [](std::uint8_t flags) {
    return hand_model("DIPGRAPH-PARSER 4\n", std::string(1, static_cast<char>(flags)),
                      std::string("\x02\x05\x03\x07\x01", 5));
  };
  for (std::uint8_t flags : {std::uint8_t{0x85}, std::uint8_t{0x87}, std::uint8_t{0x04}}) {
    CAPTURE(int(flags));
    check_round_trip(model_bytes(flags), "v4");
  }
  const std::string p4 = (fs::temp_directory_path() / "dipgraph_parser_test_v4.bin").string();
  write_bytes(p4, model_bytes(0x88));  // a feature-set bit this build does not know
  try {
    Parser::load(p4);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("unknown feature set") != std::string::npos);
  }
  fs::remove(p4);
}

TEST_CASE("parser: averaging a model with itself keeps its parses; no models is an Error") {
  auto joint = Parser::load(kModel);
  std::vector<const Parser*> none;
  CHECK_THROWS_AS(Parser::average(none), Error);
  // The averaged shipped model with itself parses as the shipped one.
  auto same = Parser::average({joint.get(), joint.get()});
  const std::vector<std::string_view> words = {"Kenya", "signed", "the", "pact", "with", "Japan"};
  ParserScratch scratch;
  Analysis a, b;
  for (Analysis* x : {&a, &b}) {
    x->upos = {Upos::PROPN, Upos::VERB, Upos::DET, Upos::NOUN, Upos::ADP, Upos::PROPN};
    x->xpos.assign(words.size(), 0);
    x->lemma.assign(words.begin(), words.end());
  }
  joint->parse(words, a, scratch);
  same->parse(words, b, scratch);
  CHECK(a.head == b.head);
  CHECK(a.rel == b.rel);
}
