// Dictionary: every word list extraction uses, loaded once from data/*.tsv
// and compiled into phrase matchers over token ids.
//
// Files (UTF-8 TSV, a header line naming the columns, '#' comments, lists
// separated by ';'; data/README.md and docs/extraction.md describe them):
//   countries.tsv      code name official aliases demonyms capital metonyms status
//   cities.tsv         country city aliases population_rank
//   organizations.tsv  code name aliases kind members
//   titles.tsv         phrase role rank
//   leaders.tsv        country name surname aliases office start end flags
//   events.tsv         pattern type cameo source target flags   (trigger patterns)
//   cues.tsv           phrase kind value                         (status and tone cues)
//   country_codes.tsv  code iso2 cow cow_letters                 (optional: other codes)
//   states.tsv         code from to successors borrows           (optional: states in time)
//   seats.tsv          city organization                         (optional: seats of organizations)
// A Dictionary is immutable after load and safe to share between threads.
// A missing file or a file without the needed columns throws Error naming
// it; a bad row is reported to Diagnostics ("events.tsv:17: ...") and skipped.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "graph/fact.hpp"
#include "ingest/syntax/lexer.hpp"
#include "ingest/recognize/phrase_matcher.hpp"

namespace dipgraph::ingest {

struct Country {
  std::string code;    // ISO 3166-1 alpha-3
  std::string name;
  std::string status;  // member | observer | territory | historical | other
  int capital = -1;    // index into Dictionary::cities(), -1 if none
  // From country_codes.tsv when present; empty if none.
  std::string iso2, cow, cow_letters;  // ISO 3166-1 alpha-2; Correlates of War number and letters
};

struct City {
  std::string name;
  int country = -1;    // index into countries()
  int rank = 0;        // population rank within its country (0 = unknown)
  bool capital = false;
  bool region = false;  // a province or state of regions.tsv
  int seat_of = -1;     // seats.tsv: the organization it stands for as an actor ("Brussels": the EU), or -1
};

struct Organization {
  std::string code, name, kind;       // igo | un_agency | bloc | ngo | national | armed_group | party
  std::vector<std::string> members;   // ISO3 codes
  int country = -1;                   // of a national body or one-country group, else -1
};

// One term of office of a head of state or government or a foreign minister
// (leaders.tsv). Rows of the same name and country are one person.
struct Leader {
  std::string name;            // full name, as written in the file ("Angela Merkel")
  std::string office;          // "Chancellor", "President", "Foreign Minister" ...
  std::int32_t country = -1;   // index into countries(), -1 for an organization's office
  std::int32_t org = -1;       // index into organizations() ("UN Secretary-General"), else -1
  int start = 0, end = 0;      // years in office; end 0: in office now
  bool bare = false;           // the surname alone names this person ("Putin said")
  std::uint32_t person = 0;    // same for every row of one person
};

// When a state existed (states.tsv); days as yyyymmdd, 0 = open.
struct StateSpan {
  int country = -1;             // index into countries()
  int from = 0, to = 0;         // first day; the day it ended
  std::vector<int> successors;  // indexes into countries()
};

// A capital, seat of government or demonym of one row that stood for another
// state in a period (states.tsv "borrows"): "Moscow" is the Soviet Union's
// before 1991-12-25.
struct Borrow {
  std::uint32_t entry;  // index into entity_entries()
  int country;          // the borrowing state, index into countries()
  int from, to;         // yyyymmdd, 0 = open; the borrow holds on days in [from, to)
};

// "YYYY-MM-DD" as yyyymmdd (19871231); 0 for an empty or malformed date.
int day_number(std::string_view iso_date);

// A leaders.tsv phrase matched in text: leader_entries() values.
struct LeaderEntry {
  std::uint32_t leader;        // index into leaders()
  bool surname;                // a surname ("Merkel"); else a full name or alias
};

struct Title {
  std::string phrase;  // as written in titles.tsv
  std::string role;    // canonical role ("Deputy Prime Minister")
  int rank = 0;
  bool plural = false;  // "presidents", "foreign ministers": the role of each name in a list
};

// What a dictionary phrase names.
enum class EntityKind : std::uint8_t { country, demonym, capital, metonym, city, org, title };

struct EntityEntry {
  EntityKind kind;
  std::uint32_t index;        // into countries / cities / organizations / titles
  std::uint32_t caps_mask;    // bit k set: word k of the phrase is an acronym, matched exactly
  bool needs_capital;         // some matched word must be capitalized (names, not titles)
};

// Grammar classes of words (Tok::cls), fixed English function words.
enum WordClass : std::uint16_t {
  kPrep = 1u << 0,      // in, at, to, with, of, by, between, against ...
  kDet = 1u << 1,       // the, a, its, their, both ...
  kBe = 1u << 2,        // is, was, been ...
  kAux = 1u << 3,       // will, would, has, did, may ...
  kSubord = 1u << 4,    // that, which, who, when, while, because, if ...
  kConj = 1u << 5,      // and, or, nor
  kPronoun = 1u << 6,   // he, she, him, his, her
  kPronounPl = 1u << 7, // they, them, their
  kNegation = 1u << 8,  // not, never, no
  kModifier = 1u << 9,  // senior, top, former, new ... (skipped before a name)
  kLocative = 1u << 10, // in, at, near, outside (a place follows)
  kReport = 1u << 11,   // said, says, told, reported, according (attribution)
  kCalendar = 1u << 12, // month and weekday names, today, yesterday ...
  kNumberWord = 1u << 13, // two, three, dozens ...
  kRoleNoun = 1u << 14, // official, minister, spokesman, leader, delegation ...
  kParticle = 1u << 15, // de, van, bin, al ... inside personal names
};

// Where a pattern finds an actor group (events.tsv "source"/"target").
enum class RoleKind : std::uint8_t {
  subj,  // the subject side of the trigger's clause
  obj,   // the first actor group right of the trigger, not after a preposition
  prep,  // the group after a given preposition right of the trigger ("to", "with")
  poss,  // the possessive or modifier right before the trigger ("Russia's visit", "Soviet aid")
  inner, // an actor inside the matched words ("with Soviet aid")
  outer, // the subject of the clause the trigger's clause depends on ("X said Y must ...")
  place, // the country where the clause's subject is ("the dam in Egypt, which ...")
};

struct Role {
  RoleKind kind = RoleKind::subj;
  TokenId prep = kNoToken;
};

enum PatternFlag : std::uint32_t {
  kSymmetric = 1u << 0,   // sym: actors go to participants
  kTopics = 1u << 1,      // topics: countries on the object side are topics
  kCharacterize = 1u << 2,// charact: tone of the words that follow picks 051 / 111 / 010
  kSay = 1u << 3,         // say: a speech verb; makes a statement when nothing else does
  kNeedsTarget = 1u << 4, // target: no fact unless a target is found
  kNoPassive = 1u << 5,   // active: no passive-voice swap
  kWeak = 1u << 6,        // weak: lower confidence
  kAbsorb = 1u << 7,      // absorb: later triggers in the clause are its content, not events
};

// One element of a pattern after its anchor.
struct PatternElement {
  std::vector<TokenId> words;  // alternatives; empty for a gap
  int max_gap = 0;             // for a gap: how many words may be skipped
};

struct EventPattern {
  std::string text;                   // the pattern as written
  std::string type, cameo;
  std::vector<Role> source, target;   // alternatives, tried in order
  std::uint32_t flags = 0;            // PatternFlag bits
  int status = -1;                    // a Status the trigger implies, -1 if none
  std::vector<PatternElement> tail;   // elements to match after the anchor
  std::size_t line = 0;               // line in events.tsv
};

enum class CueKind : std::uint8_t { status, tone };

struct Cue {
  CueKind kind;
  int value;  // a Status for status cues; +1 / -1 for tone
};

// Contents of the dictionary files, for loading from memory (tests).
struct DictionarySources {
  std::string countries, cities, organizations, titles, events, cues;
  std::string leaders;  // may be empty: no leaders
  std::string country_codes;  // may be empty: no ISO alpha-2 or COW codes
  std::string states;         // may be empty: no states in time
  std::string seats;          // may be empty: no city stands for an organization
};

// The regular inflections of an English verb or noun, base first: "ban" ->
// ban, bans, banned, banning; "open" -> open, opens, opened, opening. A
// pattern word written "ban~" in data/events.tsv matches every one of them.
std::vector<std::string> inflect(const std::string& word);

class Dictionary {
 public:
  // Loads data_dir/{countries,cities,organizations,titles,events,cues,leaders}.tsv.
  // Throws Error if a file is missing or unusable; bad rows go to `diag`.
  static std::shared_ptr<const Dictionary> load(const std::string& data_dir, Diagnostics& diag);
  // The same from in-memory file contents (names in messages: "countries.tsv" ...).
  static std::shared_ptr<const Dictionary> from_sources(const DictionarySources& src,
                                                        Diagnostics& diag);

  const Vocab& vocab() const { return vocab_; }
  const std::vector<std::uint16_t>& word_classes() const { return classes_; }
  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<City>& cities() const { return cities_; }
  const std::vector<Organization>& organizations() const { return orgs_; }
  const std::vector<Title>& titles() const { return titles_; }
  const std::vector<EventPattern>& patterns() const { return patterns_; }
  const std::vector<EntityEntry>& entity_entries() const { return entities_; }
  const std::vector<Cue>& cues() const { return cues_; }
  const std::vector<Leader>& leaders() const { return leaders_; }
  const std::vector<LeaderEntry>& leader_entries() const { return leader_entries_; }
  // The phrase of entity_entries()[i] and of leader_entries()[i] as written
  // in the files ("the U.S.", "Merkel"): the names the query resolver knows.
  std::string_view entity_text(std::size_t i) const { return entity_texts_[i]; }
  std::string_view leader_text(std::size_t i) const { return leader_texts_[i]; }
  // States in time (states.tsv) and the names they borrow, by entry.
  const std::vector<StateSpan>& states() const { return states_; }
  const std::vector<Borrow>& borrows() const { return borrows_; }
  // The country entity entry `entry` names on `day` (yyyymmdd): the state
  // that borrows it then, else its own (entity_entries()[entry].index for
  // countries, demonyms, capitals, metonyms). day 0 (unknown): its own.
  int country_on(std::uint32_t entry, int day) const;

  // Matchers; values index entity_entries(), patterns(), cues().
  const PhraseMatcher& entity_matcher() const { return entity_matcher_; }
  const PhraseMatcher& trigger_matcher() const { return trigger_matcher_; }
  const PhraseMatcher& cue_matcher() const { return cue_matcher_; }
  // Full names, aliases and surnames of leaders.tsv; values index leader_entries().
  const PhraseMatcher& leader_matcher() const { return leader_matcher_; }

  // Country index by ISO3 code, -1 if unknown.
  int country_index(std::string_view code) const;
  // The id of a lower-case word (kNoToken if no dictionary uses it).
  TokenId word(std::string_view lower) const { return vocab_.find(lower); }

  Dictionary() = default;

 private:
  void load_countries(const std::string& text, const std::string& name, Diagnostics& diag);
  void load_cities(const std::string& text, const std::string& name, Diagnostics& diag, bool regions = false);
  void load_organizations(const std::string& text, const std::string& name, Diagnostics& diag);
  void load_titles(const std::string& text, const std::string& name, Diagnostics& diag);
  void load_events(const std::string& text, const std::string& name, Diagnostics& diag);
  void load_cues(const std::string& text, const std::string& name, Diagnostics& diag);
  void load_leaders(const std::string& text, const std::string& name, Diagnostics& diag);
  void load_country_codes(const std::string& text, const std::string& name, Diagnostics& diag);
  void load_states(const std::string& text, const std::string& name, Diagnostics& diag);
  void load_seats(const std::string& text, const std::string& name, Diagnostics& diag);
  void add_grammar();
  void add_entity(std::string_view phrase, EntityKind kind, std::uint32_t index);
  std::vector<TokenId> intern_phrase(std::string_view phrase);
  void finish();

  Vocab vocab_;
  std::vector<std::uint16_t> classes_;
  std::vector<Country> countries_;
  std::vector<City> cities_;
  std::vector<Organization> orgs_;
  std::vector<Title> titles_;
  std::vector<EventPattern> patterns_;
  std::vector<EntityEntry> entities_;
  std::vector<Cue> cues_;
  std::vector<Leader> leaders_;
  std::vector<LeaderEntry> leader_entries_;
  std::vector<std::string> entity_texts_, leader_texts_;
  std::vector<StateSpan> states_;
  std::vector<Borrow> borrows_;  // sorted by entry
  PhraseMatcher entity_matcher_, trigger_matcher_, cue_matcher_, leader_matcher_;
  std::vector<std::pair<std::string, int>> country_codes_;  // sorted by code
  // Pending phrases (interned before the matchers freeze).
  std::vector<std::pair<std::vector<TokenId>, std::uint32_t>> pending_entities_, pending_triggers_,
      pending_cues_, pending_leaders_;
};

}  // namespace dipgraph::ingest
