// export/timeline_plot: the count axis has whole-number ticks up to the
// first at or above the highest bar, few periods fill the plot, text is
// escaped.
#include "export/timeline_plot.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

using namespace dipgraph;

namespace {

// The labels of the left (count) axis: <text ... text-anchor="end" ...>N</text>.
std::vector<std::string> count_ticks(const std::string& svg) {
  std::vector<std::string> out;
  std::regex tick(R"(text-anchor="end" fill="#333">([^<]*)</text>)");
  for (std::sregex_iterator it(svg.begin(), svg.end(), tick), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

std::vector<PlotPeriod> periods(const std::vector<std::uint32_t>& facts) {
  std::vector<PlotPeriod> out;
  for (std::size_t i = 0; i < facts.size(); ++i)
    out.push_back({"2025-0" + std::to_string(i + 1), facts[i], facts[i], 0, 2.0});
  return out;
}

}  // namespace

TEST_CASE("timeline plot: whole-number ticks on the count axis") {
  struct Case {
    std::vector<std::uint32_t> facts;
    std::vector<std::string> ticks;
  } cases[] = {
      {{1, 0, 1}, {"0", "1"}},          {{2, 1}, {"0", "1", "2"}},
      {{7}, {"0", "2", "4", "6", "8"}}, {{10, 3}, {"0", "5", "10"}},
      {{23}, {"0", "10", "20", "30"}},  {{0, 0}, {"0", "1"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.facts.front());
    CHECK(count_ticks(timeline_svg(periods(c.facts), "t")) == c.ticks);
  }
}

TEST_CASE("timeline plot: few periods fill the plot; text is escaped") {
  std::string svg = timeline_svg(periods({1, 2}), "A <&> B: 3 facts");
  // 60 + 60 margins around at least 520 px of periods.
  CHECK(svg.find("width=\"640\"") != std::string::npos);
  // Two slots of 260 px: the second bar is centred at 60 + 390.
  CHECK(svg.find("<circle cx=\"450.0\"") != std::string::npos);
  CHECK(svg.find("A &lt;&amp;&gt; B") != std::string::npos);
  CHECK(svg.find("<&>") == std::string::npos);
  CHECK(timeline_svg({}, "none").find("no dated facts") != std::string::npos);
}
