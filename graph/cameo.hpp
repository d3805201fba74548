// The CAMEO event codebook: code -> name, fact type, root, quad class and
// Goldstein value. Codes and Goldstein values are public facts of the CAMEO
// and Goldstein scales; the table is compiled in (graph/cameo.cpp).
#pragma once

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

}  // namespace dipgraph
