// The recognizer's inside: per-article state and the phases of analyze().
//
// Recognizer::analyze (recognizer.cpp) is a table of contents; the phases it
// calls live in mentions.cpp (dictionary matches -> mentions, the dateline),
// leaders.cpp (leaders.tsv names -> people), people.cpp (titles,
// appositions, counterparts, known names -> people) and coreference.cpp
// (visiting groups, pronouns, descriptions, groups, the country fallback).
// They share one ArticleState (what the whole article has read so far) and, in
// reading order, one SentenceState at a time (its mention list and the helpers
// that edit it). Nothing here is public API: recognizer.hpp is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/recognize/recognizer.hpp"

namespace dipgraph::ingest::detail {

inline constexpr std::uint16_t kFunction = kPrep | kDet | kBe | kAux | kSubord | kConj | kPronoun |
                                           kPronounPl | kNegation | kReport;
inline constexpr std::uint16_t kNotName = kPrep | kDet | kBe | kAux | kSubord | kConj | kPronoun |
                                          kPronounPl | kNegation | kReport | kCalendar |
                                          kRoleNoun | kModifier;

// `s` in lower case (ASCII letters only).
std::string lower(std::string_view s);
// True if `a` and `b` are equal but for ASCII case.
bool iequal(std::string_view a, std::string_view b);
// True if a word begins with a capital letter: ASCII, or an upper-case letter
// of utf8::is_upper (Latin-1, Latin Extended-A and Additional, Greek, Cyrillic
// ...: "Özal", "Čaputová", "Đinđić", "Ứng") or Vietnamese Ơ, Ư; also after an
// elided particle ("d'Estaing", "O'Neill"). The lexer's kCap is ASCII only.
bool upper_initial(std::string_view w);
// "Luiz Inácio Lula da Silva" -> its lower-case words, as scan_name makes them.
std::vector<std::string> name_words(std::string_view name);

// Dictionary ids of the fixed words the phases test for; kNoToken for a word
// the dictionary lacks. Built once per Recognizer.
struct WordIds {
  explicit WordIds(const Dictionary& dict);
  TokenId the, a, an, of, on, for_, to, and_, in, with, two, both, country, nation, kingdom,
      countries, nations, sides, side, parties, governments, leaders, neighbours, neighbors,
      delegations, states, he, she, him, his, her, they, them, their, according, latin, ethnic, it, its, north, south, central, east, west;
  std::vector<TokenId> person_nouns;  // official, minister, leader ...
  std::vector<TokenId> geo;           // sea, ocean, river ... after a country name
  std::vector<TokenId> named_for;     // Group, Accords, Protocol ... after a city's name ("the Minsk Group")
  std::vector<TokenId> past_words;    // former, late, ex: before a title, an office no longer held
  TokenId counterpart, counterparts;
  std::vector<TokenId> visitor_nouns;  // delegation, delegates, visitors, team, mission
  TokenId delegation, from;
  TokenId embassy, consulate;  // "the embassy": the last country's embassy read
  // A state's bodies ("the parliament", "the government"): the last country
  // read with the same noun.
  std::vector<TokenId> body_nouns;
  // An organization's organs, named after it ("the ECOWAS Commission",
  // "the OAS Permanent Council" aside: one word).
  std::vector<TokenId> org_organs;
  TokenId presidents;          // with leaders, governments: "the leaders" of the last sentence's countries
  // Unnamed NGOs: "a human rights group", "aid agencies".
  std::vector<TokenId> ngo_heads;        // group organization agency charity ...
  TokenId rights = kNoToken, human = kNoToken;
  std::vector<TokenId> aid_words;        // aid relief humanitarian
  std::int32_t ngo_rights = -1, ngo_aid = -1;  // organizations() rows NGO_RIGHTS, NGO_AID
};

// What analyze() knows of one article while it reads it. `a` is the result
// being built (toks and sentences are fixed once lexed); per_sentence holds
// each sentence's mentions until they are flattened into a.mentions.
struct ArticleState {
  const Dictionary& dict;
  const WordIds& id;
  std::string_view text;  // the Document's normalized text
  Analysis& a;
  int year = 0;  // of the article date, 0 if none
  std::vector<std::vector<Mention>> per_sentence{};
  std::vector<std::int32_t> at{};  // per tok: index in its sentence's mention list, or -1
  int last_subject_person = -1;
  // The last sentence subject that was a person named by a title alone
  // ("the Lithuanian defence minister"), kept while no named person has
  // been a subject since: "he" may be that official.
  Mention last_subject_role{};
  bool last_subject_is_role = false;
  std::vector<int> prev_persons{};      // the people the last sentence names, in order
  std::vector<int> recent_countries{};  // countries read, distinct, the latest last
  int last_delegation_country = -1;  // of the last "Chilean delegation" read
  int last_embassy_country = -1;     // of the last "US Embassy", "Japan's embassy" read
  // titles read without a name ("Ghana's finance minister"): base role and
  // country, the latest last, for "the minister" later on
  std::vector<std::pair<std::string, int>> roles_read{};
  std::vector<std::pair<TokenId, int>> body_country{};  // per body noun, the country of its last "Iraqi parliament"
  int last_org = -1;                 // the last international organization named ("the bloc" later)
  int last_org_before = -1;          // ... as of the sentences before the current one
  // organizations named by a name of two words or more: its last word as
  // written, for "the Fund", "the Bank", "the Commission" later on
  std::vector<std::pair<std::string_view, int>> org_heads{};
  std::vector<std::int32_t> prev_subject_countries{};  // the last sentence's subject group
  std::vector<std::int32_t> prev_countries{};          // the countries the last sentence names as actors
  // the latest two states named joined by "and" ("the presidents of Armenia
  // and Azerbaijan", "between Laos and Thailand"), for "the two presidents"
  std::vector<std::int32_t> last_pair{};
  // The countries of the last list of three to six states the article gave
  // ("Saudi Arabia, the UAE and Bahrain"), for "the three states".
  std::vector<std::int32_t> last_list{};

  std::uint32_t size() const { return static_cast<std::uint32_t>(a.toks.size()); }
  std::string_view tok_text(std::uint32_t i) const {
    return text.substr(a.toks[i].start, a.toks[i].end - a.toks[i].start);
  }
  // True if tok i exists and is the punctuation byte c.
  bool is_punct(std::uint32_t i, char c) const {
    return i < size() && a.toks[i].is(kPunct) && text[a.toks[i].start] == c;
  }
  // The person read last with these name words (same full name or a tail of
  // it, a longer form of a known tail, or a family name written first that
  // only one person has), else -1.
  int find_person(const std::vector<std::string>& words) const;
};

// Leaders (leaders.tsv) named in a sentence: [begin, end) and the
// leader_entries() indexes matched there at the longest length.
struct LeaderHit {
  std::uint32_t begin, end;
  std::vector<std::uint32_t> values;  // leader_entries() indexes
  bool full = false;                  // some value is a full name or alias
};

// The leaders.tsv row a name stands for (one person), or only its country
// (two President Bushes), or neither (-1).
struct LeaderPick {
  int row = -1, country = -1;
};

// One sentence being read in step 3: its mention list `ms` (kept sorted by
// begin and indexed by ArticleState::at) and the edits the phases make to it.
struct SentenceState {
  ArticleState& art;
  std::uint32_t s;           // index into a.sentences
  const SentenceSpan& span;
  std::vector<Mention>& ms;  // art.per_sentence[s]
  std::vector<LeaderHit> hits{};  // found by find_leader_hits

  // Sorts ms by begin and rebuilds art.at over the span.
  void reindex();
  // The mention covering tok i of this sentence, or nullptr.
  Mention* mention_at(std::uint32_t i);
  // True if tok i begins with a capital letter (any script).
  bool capital_at(std::uint32_t i) const;
  // True if tok i (in the span) is a capitalized word in no mention and of no function class.
  bool name_like(std::uint32_t i) const;
  // A personal name from i: capitalized words, particles inside, [brackets]
  // skipped. Fills lower-case `words` and the text `shown`; returns its end
  // (i if there is none).
  std::uint32_t scan_name(std::uint32_t i, std::vector<std::string>& words, std::string& shown) const;
  // Name words (at most 4) ending right before `end`; returns their begin.
  std::uint32_t scan_name_back(std::uint32_t end, std::vector<std::string>& words,
                               std::string& shown) const;
  // The person with these words (find_person), else a new one; fills an empty
  // or shorter role of the same base, an unknown country or org. Returns its index.
  int add_person(const std::string& shown, const std::vector<std::string>& words,
                 const std::string& role, const std::string& base_role, int country, int org);
  // Puts m on words [b, e), dropping the mentions it overlaps; reindexes.
  void replace(std::uint32_t b, std::uint32_t e, Mention m);
  // Words [b, e) refer back to country c ("the delegation", "the country").
  void replace_with_country(std::uint32_t b, std::uint32_t e, int c);
  // True if tok k may be part of the leader name [b, e): in no mention, or
  // (for a full name) in a shorter place, country or title inside it.
  bool inside_ok(std::uint32_t k, std::uint32_t b, std::uint32_t e, bool full) const;
  // True if tok i is a lower-case visitor noun ("delegation", "team") in no mention.
  bool visitor_noun(std::uint32_t i) const;
  // True if tok i is "embassy" or "consulate" (any case).
  bool mission_noun(std::uint32_t i) const;
  // The quote marks before tok k in the sentence: odd inside a quote.
  int quotes_before(std::uint32_t k) const;
  // The body noun at tok i ("parliament", "government"; lower case), or kNoToken.
  TokenId body_noun(std::uint32_t i) const;
  // The leader hit beginning at b, or nullptr.
  const LeaderHit* hit_at(std::uint32_t b) const;
  // The country of a capital or state that opens the sentence as its
  // setting ("In Rabat, ...", "In Moscow on Monday, ..."), or -1; *comma
  // gets the comma that closes the setting. The bodies and officials
  // after it that name no state of their own are seated there.
  int opening_setting(std::uint32_t* comma = nullptr) const;
};

// --- mentions.cpp: dictionary matches -> mentions ---------------------------

// Lexes every sentence of doc into a.toks; a.sentences gets the non-empty ones.
void lex_sentences(const Document& doc, const Dictionary& dict, Analysis& a);
// Dictionary phrases of sentence s (longest, then earliest) -> art.per_sentence[s], sorted.
void match_dictionary(ArticleState& art, std::uint32_t s);
// Adds unnamed NGOs ("a human rights group", "aid agencies") to art.per_sentence[s].
void add_unnamed_ngos(ArticleState& art, std::uint32_t s);
// "ethnic Albanians in Serbia" become Serbia's; other "ethnic" demonyms are dropped.
void settle_ethnic_demonyms(ArticleState& art, std::uint32_t s);
// Drops stances ("pro-Iranian") and backers of a group ("Syrian-backed Amal").
void drop_stances(ArticleState& art, std::uint32_t s);
// A city of seats.tsv as an actor ("Brussels said") becomes its
// organization; in a phrase of place ("in Brussels") it stays the city.
void seats_as_organizations(ArticleState& art, std::uint32_t s);
// The country of the dateline's place, or -1.
int dateline_country(const Document& doc, const Dictionary& dict);

// --- leaders.cpp: leaders.tsv names -> people --------------------------------

// Fills sen.hits: leader names, aliases and surnames in the sentence, longest first.
void find_leader_hits(SentenceState& sen);
// Drops title mentions inside full leader names ("Sheikh Hasina").
void drop_titles_in_names(SentenceState& sen);
// The leaders.tsv row hit h stands for, given the title before it (`role`,
// `rank`; "" if none) and a country the text states (-1 if none).
LeaderPick pick_leader(const ArticleState& art, const LeaderHit& h, std::string_view role, int rank,
                       int stated);
// Gives person p the identity of leaders.tsv row `row` (no-op for -1 or a
// person already matched): its name, office and country unless the text said.
void make_leader(ArticleState& art, int p, int row);
// Leaders without a title ("Vladimir Putin said", "Putin said") -> person mentions.
void untitled_leaders(SentenceState& sen);

// --- people.cpp: titles, appositions, counterparts, known names -> people ---

// Title mentions -> people (with a name after, an apposition, a known leader),
// references to people read before, or country roles.
void titles_to_people(SentenceState& sen);
// "his Ghanaian counterpart, Ama Mensah" -> a person of that country.
void counterparts(SentenceState& sen);
// Names of people read before ("Nordvik", "Wilk's") -> person mentions.
void known_names(SentenceState& sen);
// "In Beijing, spokesman Lin Hao said ...": people of no known country in a
// sentence that opens with "In <capital or country>," are of that state.
void placed_speakers(SentenceState& sen);

// --- coreference.cpp: groups, pronouns, descriptions, the fallback ----------

// Visiting groups: "a delegation from Kenya" becomes Kenya; "a Kenyan
// delegation" sets art.last_delegation_country.
void visiting_groups(SentenceState& sen);
// Pronouns ("he", "it", "they"), "the delegation", "the two countries",
// "the country" -> mentions of what they refer to.
void pronouns_and_descriptions(SentenceState& sen);
// "the Peruvian official" -> the person of that country read last.
void demonym_descriptions(SentenceState& sen);
// True if mention m sits in a prepositional phrase ("to Kenya's prime
// minister", "in Kenya"): no subject.
bool in_prepositional_phrase(const std::vector<Tok>& toks, const SentenceSpan& span, const Mention& m);
// The country a mention stands for: a person's country, else the mention's.
inline int country_of(const Analysis& a, const Mention& m) {
  return m.kind == MentionKind::person && m.entity >= 0 ? a.people[m.entity].country : m.country;
}
// After a sentence (sentence_memory.cpp): its subject (for later
// pronouns), the countries it names, the latest pair of states it joins
// (art.last_pair), and a.country_counts.
void remember_sentence(SentenceState& sen);
// The country of people without one: the dateline's, else the article's only
// country where it names it as a setting, else -1.
int fallback_country(const ArticleState& art);

}  // namespace dipgraph::ingest::detail
