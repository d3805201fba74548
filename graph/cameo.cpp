// The CAMEO codebook table (root codes only for now; see cameo.hpp).
#include "graph/cameo.hpp"

#include <algorithm>

namespace dipgraph {

const std::vector<CameoCode>& cameo_codes() {
  static const std::vector<CameoCode> kCodes = {
      {"01", "Make public statement", "statement", 0.0},
      {"02", "Appeal", "appeal", 3.0},
      {"03", "Express intent to cooperate", "intent", 4.0},
      {"04", "Consult", "meeting", 1.0},
      {"05", "Engage in diplomatic cooperation", "cooperation", 3.5},
      {"06", "Engage in material cooperation", "project", 6.0},
      {"07", "Provide aid", "aid", 7.0},
      {"08", "Yield", "yield", 5.0},
      {"09", "Investigate", "investigate", -2.0},
      {"10", "Demand", "demand", -5.0},
      {"11", "Disapprove", "criticism", -2.0},
      {"12", "Reject", "reject", -4.0},
      {"13", "Threaten", "threat", -6.0},
      {"14", "Protest", "protest", -6.5},
      {"15", "Exhibit force posture", "force_posture", -7.2},
      {"16", "Reduce relations", "reduce_relations", -4.0},
      {"17", "Coerce", "coerce", -7.0},
      {"18", "Assault", "assault", -9.0},
      {"19", "Fight", "fight", -10.0},
      {"20", "Use unconventional mass violence", "mass_violence", -10.0},
  };
  return kCodes;
}

const CameoCode* find_cameo(std::string_view code) {
  const auto& codes = cameo_codes();
  auto it = std::lower_bound(codes.begin(), codes.end(), code,
                             [](const CameoCode& c, std::string_view k) { return c.code < k; });
  return it != codes.end() && it->code == code ? &*it : nullptr;
}

std::string_view cameo_root(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9') return {};
  return code.substr(0, 2);
}

int quad_class_of(std::string_view code) {
  auto root = cameo_root(code);
  if (root.empty()) return 0;
  int r = (root[0] - '0') * 10 + (root[1] - '0');
  if (r >= 1 && r <= 5) return 1;
  if (r >= 6 && r <= 8) return 2;
  if (r >= 9 && r <= 13) return 3;
  if (r >= 14 && r <= 20) return 4;
  return 0;
}

}  // namespace dipgraph
