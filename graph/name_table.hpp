// NameTable: every name a user may type for an entity that the dictionaries
// know (official and short names, aliases, demonyms, capitals and seats of
// government, ISO alpha-2 and alpha-3 codes, Correlates of War codes,
// organizations' names and acronyms, leaders' names and surnames), mapped to
// stable ids (`country:USA`, `org:AU`, `person:angela-merkel`).
//
// The graph library holds no dictionary: ingest/recognize/name_table.hpp
// fills a table from the Dictionary the recognizer loads, and
// KnowledgeGraph::resolve consults it beside the graph's own labels
// (docs/graph.md, "Naming an entity"). Names compare folded (fold_name):
// case, accents, dots and apostrophes and a leading "the" do not matter.
// Also here: the bounded edit distance and the "did you mean" helper every
// command uses for its suggestions (entities, types, statuses, subcommands).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dipgraph {

// How strongly a name designates its entity; lower wins when several
// entities share a folded name.
enum class NameRank : std::uint8_t {
  code = 0,     // ISO 3166-1 alpha-3, an organization's code
  name = 1,     // short, official and other names; acronyms; a person's full name
  related = 2,  // demonym, capital, seat of government, ISO alpha-2, COW letter or number code
  former = 3,   // a capital, seat or demonym that stood for a state of the past ("Moscow", SUN)
  surname = 4,  // a person's surname alone
};

struct NameEntry {
  std::string id;     // stable id: country:USA, org:AU, person:angela-merkel
  std::string label;  // the entity's own name: "United States"
  NameRank rank = NameRank::name;
  std::string what;  // how the name relates: "alias", "capital", "ISO alpha-2", ...
  // Validity (EDTF days YYYY-MM-DD, empty = open): a state's names hold while
  // it exists; a capital stands for the state of its time.
  std::string from, to;
};

// Case-, accent- and punctuation-insensitive form of a name: Latin letters
// lowered and stripped of diacritics (Côte -> cote, Ü -> u, ß -> ss), '.'
// and apostrophes dropped (U.S. -> us), every other run of non-alphanumeric
// characters one space, a leading "the " dropped. Other scripts are kept as
// written. "The U.S." -> "us", "Côte d'Ivoire" -> "cote divoire".
std::string fold_name(std::string_view name);

class NameTable {
 public:
  // Adds `name` (folded) for `entry.id`. The same (name, id) twice keeps the
  // better rank. An empty folded name is ignored.
  void add(std::string_view name, NameEntry entry);
  // Entries whose folded name equals fold_name(query); empty if none.
  const std::vector<NameEntry>& find(std::string_view query) const;
  // Every folded name with its entries (for suggestions).
  const std::unordered_map<std::string, std::vector<NameEntry>>& all() const { return names_; }
  std::size_t size() const { return names_.size(); }
  bool empty() const { return names_.empty(); }

  // A note on an entity for whoever names it: "the Soviet Union until
  // 1991-12-25, succeeded by Russia (country:RUS)". Empty if none.
  // `before` (a day, YYYY-MM-DD; empty: always): the note concerns only a
  // query whose dates reach before that day (a successor's note, before its
  // succession).
  void set_note(const std::string& id, std::string note, std::string before = {}) {
    notes_[id] = {std::move(note), std::move(before)};
  }
  std::string_view note(const std::string& id) const {
    auto it = notes_.find(id);
    return it == notes_.end() ? std::string_view() : std::string_view(it->second.first);
  }
  std::string_view note_before(const std::string& id) const {
    auto it = notes_.find(id);
    return it == notes_.end() ? std::string_view() : std::string_view(it->second.second);
  }

 private:
  std::unordered_map<std::string, std::vector<NameEntry>> names_;
  std::unordered_map<std::string, std::pair<std::string, std::string>> notes_;  // note, before
};

// Levenshtein distance of a and b (bytes), or max_d + 1 if it exceeds max_d.
std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t max_d);

// The edit distance allowed for a suggestion for a word of `length` bytes:
// 1 up to 5, 2 up to 8, 3 beyond.
std::size_t suggestion_distance(std::size_t length);

// Up to `max` of `choices` nearest to `word` (case-insensitive; within
// suggestion_distance, a prefix counting as one edit), nearest first, ties
// in the order given. For "did you mean" messages of flags and subcommands.
std::vector<std::string> nearest_words(std::string_view word,
                                       const std::vector<std::string>& choices,
                                       std::size_t max = 3);

// "did you mean a, b or c?" for nearest_words, or "" when there is none:
// `prefix` + the list, e.g. "; did you mean meeting?".
std::string did_you_mean(const std::vector<std::string>& near);

}  // namespace dipgraph
