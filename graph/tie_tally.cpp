// TieTally: which facts enter a tie's tone, and how.
#include "graph/tie_tally.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace dipgraph {

Tone tone_of(std::string_view cameo, int quad_class) {
  if (quad_class < 1 || quad_class > 4 || cameo.substr(0, 2) == "01") return Tone::neutral;
  return quad_class <= 2 ? Tone::cooperative : Tone::conflictual;
}

bool realized(Status status) {
  return status == Status::occurred || status == Status::ongoing || status == Status::negotiating;
}

namespace {
std::atomic<bool> count_unrealized{false};
}  // namespace

bool counts_in_tone(Status status) { return realized(status) || count_unrealized.load(std::memory_order_relaxed); }
void set_count_unrealized(bool on) { count_unrealized.store(on, std::memory_order_relaxed); }
bool counting_unrealized() { return count_unrealized.load(std::memory_order_relaxed); }

double fact_weight(Status status, double confidence, int mentions,
                   const std::optional<DayRange>& days, std::optional<std::int32_t> reference_day,
                   double half_life_days) {
  if (!counts_in_tone(status)) return 0.0;  // negated, planned, intended: shown, not weighed (by default)
  double w = confidence * (1.0 + std::log(std::max(1, mentions)));
  if (reference_day) {
    double age = half_life_days;  // undated: one half-life
    if (days) age = std::max(0, *reference_day - days->mid());
    w *= std::exp2(-age / half_life_days);
  }
  return w;
}

void TieTally::add(std::string_view cameo, int quad_class, double goldstein, Status status) {
  ++count;
  if (!counts_in_tone(status)) return;
  ++happened;
  ++by_tone[static_cast<int>(tone_of(cameo, quad_class))];
  ++by_quad[quad_class >= 1 && quad_class <= 4 ? quad_class : 0];
  goldstein_sum += goldstein;
}

std::string tally_text(const TieTally& t) {
  std::string unrealized =
      t.unrealized() ? fmt::format("; {} not realized", t.unrealized()) : std::string();
  return fmt::format(
      "{} fact{} ({} cooperative, {} neutral, {} conflictual{}), mean Goldstein {:+.1f}", t.count,
      t.count == 1 ? "" : "s", t.cooperative(), t.neutral(), t.conflictual(), unrealized,
      t.mean_goldstein());
}

std::string tally_json(const TieTally& t) {
  double mean = t.mean_goldstein();
  return fmt::format(
      "\"facts\": {}, \"cooperative\": {}, \"neutral\": {}, \"conflictual\": {}, "
      "\"unrealized\": {}, \"by_quad_class\": [{}, {}, {}, {}], \"mean_goldstein\": {}",
      t.count, t.cooperative(), t.neutral(), t.conflictual(), t.unrealized(), t.by_quad[1],
      t.by_quad[2], t.by_quad[3], t.by_quad[4],
      mean == 0 || !std::isfinite(mean) ? std::string("0") : fmt::format("{:.6g}", mean));
}

}  // namespace dipgraph
