// The country network as data: countries as nodes, country-to-country ties
// (graph/country_view.hpp, the same ties `ties` and `neighbors` count) as
// undirected edges, written as GraphML, node-link JSON, CSV (one row per
// tie) or GEXF with time (docs/usage.md, "The country network").
//
// Per tie: weight (the tie strength of queries/neighbors.hpp), facts,
// cooperative / neutral / conflictual counts and the four quad classes,
// mean Goldstein, counts each way (source -> target and back, where source
// is the edge's first end), first and last date (EDTF) and the first and
// last day they cover. Per country: name, ISO alpha-3 and alpha-2, COW
// code, and totals over the distinct facts tying it to another country.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "export/exporters.hpp"
#include "graph/country_view.hpp"

namespace dipgraph {

// CountryCodes, CountryCodeTable and load_country_codes: export/exporters.hpp.

struct CountryNetworkOptions {
  std::string gexf_version = "1.3";  // "1.3" or "1.2draft"
  std::string description;           // GEXF/GraphML/JSON: what was exported (filters)
};

// Writes the network of `view` in `format` (graphml, json, csv or gexf;
// anything else throws Error). strengths[i] is the weight of view.ties()[i]
// (tie_strengths); codes may lack countries (their iso2/cow stay empty).
// `nodes` counts countries, `edges` ties.
ExportCounts write_country_network(ExportFormat format, const CountryView& view,
                                   const std::vector<double>& strengths,
                                   const CountryCodeTable& codes, std::ostream& out,
                                   const CountryNetworkOptions& options = {});

// The CSV columns of write_country_network, in order.
const std::vector<std::string_view>& country_tie_columns();

}  // namespace dipgraph
