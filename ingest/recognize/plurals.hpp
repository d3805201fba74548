// English plurals of dictionary phrases: a title's plural ("foreign
// ministers", "chiefs of staff") names each person of a list after it.
#pragma once

#include <string>
#include <string_view>

namespace dipgraph::ingest {

// The plural of one lower-case noun: "presidents", "secretaries",
// "spokesmen", "coaches"; empty for a word in -s, which has no clear one.
std::string plural_noun(std::string w);

// The plural of a lower-case title phrase: its head noun, the word before
// "of", "for", "to" or "on" ("chiefs of staff") or else the last one, takes
// the plural; in "secretary-general" the first part does. Empty for
// acronyms and abbreviations, which have none in news use.
std::string plural_title(std::string_view phrase);

}  // namespace dipgraph::ingest
