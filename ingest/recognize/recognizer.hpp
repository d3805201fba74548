// Recognizer: Document -> Analysis (lexed words, mentions, people, dates).
//
// Mentions are found with the Dictionary's entity matcher (longest, then
// earliest match wins), then people are built around titles ("Norwegian
// Deputy Prime Minister Kari Nordvik"), appositions ("Tomasz Wilk, Adviser
// to the President on Energy Security"; "DG of Ports and Shipping, Ana
// Folau") and "of <country>" phrases. Later references are resolved in
// reading order: a surname or full name, "he", "him", "his", "the Peruvian
// official", "the Chilean president", "the prime minister of Fiji", "the
// country", "the two sides", "they".
// Leaders of data/leaders.tsv are people by full name, title + surname or
// (flag bare) surname alone, chosen by title and article date; they get the
// dictionary's name, so their ids are the same in every article. "The
// delegation" refers back to the last country's delegation read.
// A person's country comes from a demonym, a possessive country, "of
// <country>", a later definite description, the leaders dictionary, else the
// article's dateline (without one: the article's only country).
// Capitalized words alone never make a person.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/recognize/dates.hpp"
#include "ingest/recognize/dictionary.hpp"
#include "ingest/read/document.hpp"
#include "ingest/syntax/lexer.hpp"

namespace dipgraph::ingest {

enum class MentionKind : std::uint8_t {
  country,   // a country name or alias                 entity = country
  demonym,   // "Russian", "Pakistanis"                  entity = country
  capital,   // a capital: place, or its government      entity = city, country set
  metonym,   // "the Kremlin"                            entity = country
  city,      // another city or town                     entity = city, country set
  org,       // an organization                          entity = org, country if national
  person,    // a person, also "he", "the Russian president" entity = person
  role,      // "the Pakistani official" with no known person: country actor with a role
  group,     // "the two sides", "they", "both countries"  entity = group index
  title,     // a title not attached to anyone (internal; not an actor)
};

struct Mention {
  std::uint32_t begin = 0, end = 0;  // Tok range
  std::uint32_t sentence = 0;        // index into Analysis::sentences
  MentionKind kind = MentionKind::country;
  std::int32_t entity = -1;
  std::int32_t country = -1;         // the country it stands for or lies in, -1 if none
  bool possessive = false;           // ends with 's
  bool anaphor = false;              // a pronoun or description resolved to an earlier entity
  std::int32_t title = -1;           // for role mentions: the title index
  std::int32_t alt_country = -1;     // a description ("the country"): the one read before, if
                                     // the clause's own subject is `country` itself
};

struct Person {
  std::string name;                   // "Kari Nordvik"
  std::string role;                   // "Deputy Prime Minister", "DG of Ports and Shipping"
  std::string base_role;              // the canonical title alone, for matching descriptions
  std::int32_t country = -1;
  std::int32_t org = -1;              // affiliation ("UN Secretary-General ...")
  std::vector<std::string> words;     // lower-case name words
  std::uint32_t first_sentence = 0;
  std::int32_t leader = -1;           // the leaders.tsv row it was matched to, -1 if none
  bool former = false;                // "former President X", "the late leader X": acts for
                                      // no state or organization now (country, org -1)
};

struct SentenceSpan {
  std::uint32_t begin = 0, end = 0;   // Tok range
  std::uint32_t index = 0;            // Document sentence index
};

struct Analysis {
  std::vector<Tok> toks;
  std::vector<SentenceSpan> sentences;
  std::vector<Mention> mentions;            // sorted by begin, not overlapping
  std::vector<std::int32_t> mention_at;     // per Tok: covering mention or -1
  std::vector<Person> people;
  std::vector<std::vector<std::int32_t>> groups;  // country sets of group mentions
  std::vector<DateMention> dates;           // sorted by begin
  std::vector<std::int32_t> date_at;        // per Tok: covering date or -1
  std::int32_t dateline_country = -1;
  std::optional<Ymd> article_date;
  std::vector<std::uint32_t> country_counts;  // actor mentions per country index
};

class Recognizer {
 public:
  explicit Recognizer(std::shared_ptr<const Dictionary> dict);
  // Finds everything in `doc`. Never throws on odd text.
  Analysis analyze(const Document& doc) const;
  const Dictionary& dictionary() const { return *dict_; }

 private:
  struct Ids;
  std::shared_ptr<const Dictionary> dict_;
  DateLexicon dates_;
  std::shared_ptr<const Ids> ids_;
};

// True for mentions that can be parties to an event.
bool is_actor(const Mention& m);

}  // namespace dipgraph::ingest
