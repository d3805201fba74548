// FrameTable's frozen lemma index (ingest/code/frames.hpp): find, in_class
// and is_trigger_lemma answer from one open-addressing table what the file
// says, for verbs, nouns, British spellings, word classes past the 64 kept
// as bits, and a copy of the table.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/code/frames.hpp"

using dipgraph::Diagnostics;
using dipgraph::ingest::FrameTable;

namespace {

FrameTable load_text(const std::string& text) {
  Diagnostics diag(false);
  const auto path = std::filesystem::temp_directory_path() / "dipgraph_frames_index.tsv";
  std::ofstream(path) << text;
  FrameTable t = FrameTable::load(path.string(), diag);
  std::filesystem::remove(path);
  CHECK(diag.error_count() == 0);
  return t;
}

// The frame indices of `lemma` in `t`, empty if none.
std::vector<std::uint32_t> ids(const FrameTable& t, const std::string& lemma, bool noun) {
  const auto* fs = t.find(lemma, noun);
  return fs ? *fs : std::vector<std::uint32_t>{};
}

}  // namespace

TEST_CASE("frames: the lemma index gives each lemma's frames by word class, in file order") {
  std::string text;
  for (int c = 0; c < 70; ++c) {  // 70 classes: those from 64 on are searched, not kept as bits
    const std::string n = std::to_string(c);
    text.append("@c").append(n).append("\tw").append(n).append(" shared\n");
  }
  text +=
      "lemma\tpos\ttype\tcameo\tsource\ttarget\twhen\tflags\n"
      "visit\tV\tvisit\t042\tsubj\tobj\t-\t-\n"
      "visit\tN\tvisit\t042\tposs\tp:to\t-\t-\n"
      "criticize\tV\tcriticism\t111\tsubj\tobj\t-\t-\n"
      "visit\tV\tvisit\t042\tsubj\tp:to\t-\t-\n"
      "normalization\tN\tties\t064\tbetween\t-\t-\t-\n";
  const FrameTable t = load_text(text);
  const FrameTable copy = t;  // indices, not pointers: a copy answers alike
  for (const FrameTable* table : {&t, &copy}) {
    struct Row {
      const char* lemma;
      bool noun;
      std::vector<std::uint32_t> want;
    };
    const std::vector<Row> rows = {
        {"visit", false, {0, 3}},     {"visit", true, {1}},
        {"criticize", false, {2}},    {"criticise", false, {2}},  // British spelling
        {"criticize", true, {}},      {"normalization", true, {4}},
        {"normalisation", true, {4}}, {"visi", false, {}},
        {"visits", false, {}},        {"", false, {}},
        {"w3", false, {}},  // a class word is no trigger
    };
    for (const Row& r : rows) {
      CAPTURE(r.lemma);
      CAPTURE(r.noun);
      CHECK(ids(*table, r.lemma, r.noun) == r.want);
    }
    CHECK(table->is_trigger_lemma("visit"));
    CHECK(table->is_trigger_lemma("criticise"));
    CHECK_FALSE(table->is_trigger_lemma("w3"));
    // ... unless one of the classes asked about holds it
    CHECK(table->is_trigger_lemma("w3", {-1, 3}));
    CHECK_FALSE(table->is_trigger_lemma("w3", {2, 4}));
    CHECK_FALSE(table->is_trigger_lemma("visitor"));
    for (int c = 0; c < 70; ++c) {
      CAPTURE(c);
      const std::string n = std::to_string(c), next = std::to_string((c + 1) % 70);
      const int cls = table->class_index(std::string("c").append(n));
      REQUIRE(cls == c);
      CHECK(table->in_class(cls, std::string("w").append(n)));
      CHECK(table->in_class(cls, "shared"));
      CHECK_FALSE(table->in_class(cls, std::string("w").append(next)));
      CHECK_FALSE(table->in_class(cls, "visit"));
    }
    CHECK_FALSE(table->in_class(-1, "shared"));
    CHECK_FALSE(table->in_class(70, "shared"));
  }
}

TEST_CASE("frames: the shipped frames.tsv finds every frame under its own lemma") {
  Diagnostics diag(false);
  const FrameTable t = FrameTable::load(std::string(DIPGRAPH_DATA_DIR) + "/frames.tsv", diag);
  REQUIRE(t.size() > 100);
  for (std::uint32_t i = 0; i < t.size(); ++i) {
    const auto& f = t.frame(i);
    CAPTURE(f.lemma);
    const auto* fs = t.find(f.lemma, f.noun);
    REQUIRE(fs);
    CHECK(std::count(fs->begin(), fs->end(), i) == 1);
    CHECK(t.is_trigger_lemma(f.lemma));
  }
}

TEST_CASE("frames: a word class defined twice is an error naming its line; the first counts") {
  Diagnostics diag(false);
  const auto path = std::filesystem::temp_directory_path() / "dipgraph_frames_twice.tsv";
  std::ofstream(path) << "@asked\trequest plea\n"
                         "@asked\twithdrawal\n"
                         "lemma\tpos\ttype\tcameo\tsource\ttarget\twhen\tflags\n"
                         "visit\tV\tvisit\t042\tsubj\tobj\t-\t-\n";
  const FrameTable t = FrameTable::load(path.string(), diag);
  std::filesystem::remove(path);
  CHECK(diag.error_count() == 1);
  const int c = t.class_index("asked");
  CHECK(t.in_class(c, "plea"));
  CHECK_FALSE(t.in_class(c, "withdrawal"));
}
