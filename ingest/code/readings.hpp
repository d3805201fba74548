// Where both coders read the same words of a sentence, the tree's reading
// wins: the pattern coder's drafts take the tree's dates, and those that
// restate, re-read in another sense or contradict the tree's reading go.
// Written for dipgraph; see docs/coding.md ("Status from the tree") and
// docs/extraction.md ("The pattern coder").
#pragma once

#include <cstddef>
#include <vector>

#include "ingest/code/draft.hpp"

namespace dipgraph::ingest {

// A word whose sense (CAMEO root) the parse coder chose among several.
struct ChosenSense {
  int tok;
  char root[2];
};

// drafts[0, parse_drafts) are the parse coder's, the rest the pattern
// coder's. `vetoed`: sorted Toks of words the parse coder rejected as
// triggers; `senses`: words whose sense it chose. Dates the pattern
// coder's drafts as the tree dates the same word, and drops those the
// tree's reading overrules (see readings.cpp).
void prefer_tree_readings(std::vector<Draft>& drafts, std::size_t parse_drafts, const std::vector<int>& vetoed,
                          const std::vector<ChosenSense>& senses);

}  // namespace dipgraph::ingest
