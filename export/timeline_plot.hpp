// A timeline as an SVG chart of our own (Graphviz is no plotting tool): one
// stacked bar per period (cooperative, conflictual and other facts) and the
// mean Goldstein value per period as a line on a second axis (docs/queries.md,
// "timeline").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dipgraph {

struct PlotPeriod {
  std::string label;  // "2025-07", "2025-W28", ...
  std::uint32_t facts = 0, cooperative = 0, conflictual = 0;
  double mean_goldstein = 0.0;  // drawn only where facts > 0
};

// The SVG document (UTF-8, escaped text). Throws nothing; an empty list gives
// a chart that says so.
std::string timeline_svg(const std::vector<PlotPeriod>& periods, const std::string& title);

}  // namespace dipgraph
