// Helpers for the extraction tests: one Extractor over the repository's
// data/ (loaded once), Documents from a text and a date, and small queries
// over facts (countries of a side, the first fact of a type).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "graph/error.hpp"
#include "graph/fact.hpp"
#include "ingest/read/document.hpp"
#include "ingest/syntax/analysis.hpp"
#include "ingest/code/extractor.hpp"

namespace dipgraph::test {

// The Extractor over DIPGRAPH_DATA_DIR; built on first use, shared.
inline const ingest::Extractor& extractor() {
  static const std::unique_ptr<ingest::Extractor> kExtractor = [] {
    Diagnostics diag(false);
    auto e = ingest::Extractor::load(DIPGRAPH_DATA_DIR, diag);
    if (diag.error_count() != 0) throw Error("test dictionaries have errors");
    return e;
  }();
  return *kExtractor;
}

// The Extractor with the parse coder alone (DIPGRAPH_PATTERN_CODER=0), for
// rules the pattern coder would also guess from word order.
inline const ingest::Extractor& parse_only() {
  static const std::unique_ptr<ingest::Extractor> kParseOnly = [] {
    setenv("DIPGRAPH_PATTERN_CODER", "0", 1);
    Diagnostics diag(false);
    auto e = ingest::Extractor::load(DIPGRAPH_DATA_DIR, diag);
    unsetenv("DIPGRAPH_PATTERN_CODER");
    return e;
  }();
  return *kParseOnly;
}

// A Document of `text` dated `date` (YYYY-MM-DD), id "t".
inline ingest::Document document(const std::string& text, const std::string& date = "2025-03-14") {
  Diagnostics diag(false);
  ingest::Article a;
  a.id = "t";
  a.date = date;
  a.text = text;
  a.origin = "test";
  return ingest::make_document(std::move(a), date, diag);
}

inline std::vector<Fact> facts(const std::string& text, const std::string& date = "2025-03-14") {
  return extractor().extract(document(text, date));
}

// Countries (ISO3) of the actors of one side: "source", "target",
// "participants", or "" for all parties.
inline std::set<std::string> countries(const Fact& f, const std::string& side = "") {
  std::set<std::string> out;
  auto add = [&](const std::vector<Actor>& group) {
    for (const Actor& a : group)
      if (!a.country.empty()) out.insert(a.country);
  };
  if (side.empty() || side == "source") add(f.source);
  if (side.empty() || side == "target") add(f.target);
  if (side.empty() || side == "participants") add(f.participants);
  return out;
}

// "PAK,RUS" -> {"PAK", "RUS"}; "" -> {}.
inline std::set<std::string> codes(const std::string& list) {
  std::set<std::string> out;
  std::size_t b = 0;
  while (b < list.size()) {
    std::size_t e = list.find(',', b);
    if (e == std::string::npos) e = list.size();
    if (e > b) out.insert(list.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

// A sentence and the fact expected of it: its CAMEO root and the countries
// of its source and target ("PAK,RUS"; "" for any).
struct RoleCase {
  const char* text;
  const char* root;
  const char* source;
  const char* target;
};

// True if the source and target of `f` contain the given countries ("" =
// no check).
inline bool has_sides(const Fact& f, const std::string& source, const std::string& target) {
  bool ok = true;
  for (const auto& s : test::codes(source)) ok &= test::countries(f, "source").count(s) > 0;
  for (const auto& s : test::codes(target)) ok &= test::countries(f, "target").count(s) > 0;
  return ok;
}

// The first fact of `root` whose source and target contain the given
// countries ("" = no check), or nullptr.
inline const Fact* find(const std::vector<Fact>& fs, const std::string& root, const std::string& source,
                        const std::string& target) {
  for (const Fact& f : fs)
    if (f.root == root && has_sides(f, source, target)) return &f;
  return nullptr;
}

// The same for an exact CAMEO code ("039").
inline const Fact* find_code(const std::vector<Fact>& fs, const std::string& cameo,
                             const std::string& source, const std::string& target) {
  for (const Fact& f : fs)
    if (f.cameo == cameo && has_sides(f, source, target)) return &f;
  return nullptr;
}

// The first fact of `root` whose parties contain the given countries, or nullptr.
inline const Fact* find_sym(const std::vector<Fact>& fs, const std::string& root, const std::string& parties) {
  for (const Fact& f : fs) {
    if (f.root != root) continue;
    bool ok = true;
    for (const auto& s : test::codes(parties)) ok &= test::countries(f).count(s) > 0;
    if (ok) return &f;
  }
  return nullptr;
}

// The first fact whose CAMEO root is `root`, or nullptr.
inline const Fact* with_root(const std::vector<Fact>& fs, const std::string& root) {
  auto it = std::find_if(fs.begin(), fs.end(), [&](const Fact& f) { return f.root == root; });
  return it == fs.end() ? nullptr : &*it;
}

// The first fact whose CAMEO code is `cameo`, or nullptr.
inline const Fact* with_cameo(const std::vector<Fact>& fs, const std::string& cameo) {
  auto it = std::find_if(fs.begin(), fs.end(), [&](const Fact& f) { return f.cameo == cameo; });
  return it == fs.end() ? nullptr : &*it;
}

// A readable one-line summary of facts, for CAPTURE in failing cases.
inline std::string summary(const std::vector<Fact>& fs) {
  std::string out;
  for (const Fact& f : fs) {
    out += "[" + f.type + " " + f.cameo + " " + std::string(to_string(f.status)) + " " + f.date;
    for (const char* side : {"source", "target", "participants"}) {
      out += std::string(" ") + side[0] + "=";
      for (const auto& c : countries(f, side)) out += c + ",";
    }
    if (f.location) out += " @" + f.location->name + "/" + f.location->country;
    out += "] ";
  }
  return out;
}

// Checks that the extractor finds c's fact in c's text (doctest CHECK,
// with the text and the facts found logged on failure).
inline void check_found(const RoleCase& c) {
  const std::string text = c.text;
  CAPTURE(text);
  auto fs = facts(text);
  CAPTURE(summary(fs));
  CHECK(find(fs, c.root, c.source, c.target) != nullptr);
}

// A parsed sentence as the parser might give it: per word its lemma, UPOS,
// Penn tag, head (-1 for the root) and relation (an unknown relation or tag
// throws).
inline syntax::Analysis analysis(std::vector<std::tuple<std::string, syntax::Upos, std::string, int, std::string>> ws) {
  syntax::Analysis a;
  const auto& xs = syntax::xpos_names();
  for (const auto& w : ws) {
    a.lemma.push_back(std::get<0>(w));
    a.upos.push_back(std::get<1>(w));
    auto x = std::find(xs.begin(), xs.end(), std::get<2>(w));
    if (x == xs.end()) throw Error("unknown tag " + std::get<2>(w));
    a.xpos.push_back(static_cast<std::uint8_t>(x - xs.begin()));
    a.head.push_back(std::get<3>(w));
    syntax::Deprel d = 0;
    if (!syntax::parse_deprel(std::get<4>(w), d)) throw Error("unknown relation " + std::get<4>(w));
    a.rel.push_back(d);
  }
  return a;
}

}  // namespace dipgraph::test
