// TieTally: the one definition of a tie's numbers (docs/graph.md, "What a
// tie counts"), shared by the country view (graph/country_view.hpp) and the
// tie queries (queries/ties.hpp), so that `ties`, `neighbors`, `rank`,
// `path --countries`, `render`, `stats`, `timeline` and the exports give the
// same numbers for the same pair and filters.
//
// Every fact counts in `count`, whatever its status. Only facts that took
// place (status occurred, ongoing or negotiating: realized()) enter the tone:
// cooperative, neutral and conflictual counts, the counts per quad class and
// the mean Goldstein value. Negated, planned and intended facts are shown
// and counted in `count` and unrealized(), never in the tone (nor in tie
// weights: queries/neighbors.hpp). A fact's tone is neutral when its CAMEO
// root is 01 (public statements) or it has no code; else cooperative for
// quad classes 1-2, conflictual for 3-4.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/dates.hpp"
#include "graph/fact.hpp"

namespace dipgraph {

enum class Tone : std::uint8_t { cooperative, neutral, conflictual };

// The tone of an event of CAMEO code `cameo` and quad class `quad_class`.
Tone tone_of(std::string_view cameo, int quad_class);
// Whether a fact of this status took place: occurred, ongoing, negotiating.
bool realized(Status status);

// Whether a fact of this status enters tone and weights: realized() ones,
// and every fact once set_count_unrealized(true) was called (the
// --count-unrealized flag of queries, exports and render: negated, planned
// and intended facts then count as if they had taken place). Process-wide,
// set once by the command line before any query runs.
bool counts_in_tone(Status status);
void set_count_unrealized(bool on);
// Whether set_count_unrealized(true) is in effect. Numbers stored in a
// snapshot (its country ties and their strengths) are those of the default
// and are not used then.
bool counting_unrealized();

inline constexpr double kDefaultHalfLifeDays = 365.0;

// The weight of one fact in a tie's strength (queries/neighbors.hpp):
// confidence × (1 + ln(max(1, mentions))) × 2^(−age / half_life), age the
// days from the middle of `days` to `reference_day` (never negative; one
// half-life when undated; no decay when reference_day is nullopt); 0 for a
// fact that does not count in the tone (counts_in_tone).
double fact_weight(Status status, double confidence, int mentions,
                   const std::optional<DayRange>& days, std::optional<std::int32_t> reference_day,
                   double half_life_days = kDefaultHalfLifeDays);

struct TieTally {
  std::uint32_t count = 0;        // every fact
  std::uint32_t happened = 0;     // facts counts_in_tone(): the tone's base
  std::uint32_t by_tone[3] = {};  // realized facts per Tone
  std::uint32_t by_quad[5] = {};  // realized facts per quad class; [0] = none
  double goldstein_sum = 0.0;     // over realized facts

  std::uint32_t cooperative() const { return by_tone[0]; }
  std::uint32_t neutral() const { return by_tone[1]; }
  std::uint32_t conflictual() const { return by_tone[2]; }
  std::uint32_t unrealized() const { return count - happened; }  // left out of the tone
  // Mean Goldstein value of the realized facts; 0 if none.
  double mean_goldstein() const { return happened ? goldstein_sum / happened : 0.0; }
  // Counts one fact.
  void add(std::string_view cameo, int quad_class, double goldstein, Status status);
};

// The tally as every command prints it: "5 facts (3 cooperative, 1 neutral,
// 0 conflictual; 1 not realized), mean Goldstein +1.2" (the part after ';'
// only when some facts did not take place).
std::string tally_text(const TieTally& t);
// Its JSON members (no braces): "facts": 5, "cooperative": 3, "neutral": 1,
// "conflictual": 0, "unrealized": 1, "by_quad_class": [..4 counts], "mean_goldstein": 1.2
std::string tally_json(const TieTally& t);

}  // namespace dipgraph
