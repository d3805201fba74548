// The names of the recognizer's dictionary as a NameTable for the query
// resolver (graph/name_table.hpp), so that a query accepts every name the
// extractor knows: `neighbors US`, `U.S.`, `America`, `USSR`, `Britain`,
// `PRC`, `Beijing`, `AU`, `Merkel` (docs/graph.md, "Naming an entity").
#pragma once

#include "graph/name_table.hpp"
#include "ingest/recognize/dictionary.hpp"

namespace dipgraph::ingest {

// Every country, capital, seat of government, demonym, organization and
// leader name of `dict`, with the codes of countries.tsv and
// country_codes.tsv (ISO alpha-3 and alpha-2, COW number and letters).
// Ranks: codes, then names, then related words (demonyms, capitals,
// alpha-2 and COW codes), then surnames.
NameTable dictionary_names(const Dictionary& dict);

}  // namespace dipgraph::ingest
