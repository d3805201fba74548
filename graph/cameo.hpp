// The CAMEO event codebook: code -> name, fact type, root, quad class and
// Goldstein value. Codes and Goldstein values are public facts of the CAMEO
// and Goldstein scales; the table is compiled in (graph/cameo.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dipgraph {

struct CameoCode {
  std::string_view code;      // "043"
  std::string_view name;      // "Host a visit"
  std::string_view type;      // dipgraph fact type: "visit"
  double goldstein;           // -10..10
};

// The entry for a 2-, 3- or 4-digit code; nullptr if unknown.
const CameoCode* find_cameo(std::string_view code);
// All entries, sorted by code.
const std::vector<CameoCode>& cameo_codes();
// "04" for "043"; empty for a malformed code.
std::string_view cameo_root(std::string_view code);
// 1 verbal cooperation (01-05), 2 material cooperation (06-08),
// 3 verbal conflict (09-13), 4 material conflict (14-20); 0 if malformed.
int quad_class_of(std::string_view code);
// Every fact type dipgraph knows, sorted: the codebook's types plus summit
// (a meeting of heads of state or government) and the membership types that
// make member_of edges (membership, accession, join).
const std::vector<std::string>& fact_types();

}  // namespace dipgraph

// PLOVER beside CAMEO (data/plover.tsv): the PLOVER event category and mode
// of a CAMEO code, from one table that the user can edit.
namespace dipgraph {

struct PloverCode {
  std::string cameo;  // "042"
  std::string event;  // "CONSULT"; empty: CAMEO 01 has no PLOVER category
  std::string mode;   // "visit"; empty when the code implies none
};

// Reads a table in the format of data/plover.tsv (header `cameo plover mode`,
// '#' comments), sorted by code. Throws Error naming file and line for a
// missing file, a bad header, a malformed code or a repeated one.
std::vector<PloverCode> load_plover_table(const std::string& path);

// The row for a CAMEO code: the code itself or its longest listed prefix
// (0234 -> 023 -> 02); nullptr for an empty or unknown code. The table is
// read once, on first use, from $DIPGRAPH_DATA/plover.tsv, else the
// built-in data folder; if it cannot be read every lookup gives nullptr and
// one warning goes to stderr.
const PloverCode* find_plover(std::string_view cameo);
// find_plover over a given table (for tests).
const PloverCode* find_plover(const std::vector<PloverCode>& table, std::string_view cameo);

}  // namespace dipgraph
