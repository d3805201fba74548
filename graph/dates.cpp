// EDTF dates as day ranges, parsed in place (no allocation): called for
// every event a query touches.
#include "graph/dates.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "graph/fact_json.hpp"

namespace dipgraph {

int month_days(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Howard Hinnant's days_from_civil.
std::int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

std::string civil_from_days(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::optional<DayRange> edtf_days(std::string_view d) {
  // Called for every event a query touches: parse in place, no allocation.
  if (d.empty() || !is_edtf_date(d)) return std::nullopt;
  int lo = 0, hi = 0;
  for (int i = 0; i < 4; ++i) {
    lo = lo * 10 + (d[i] == 'X' ? 0 : d[i] - '0');
    hi = hi * 10 + (d[i] == 'X' ? 9 : d[i] - '0');
  }
  if (d.size() == 4) return DayRange{days_from_civil(lo, 1, 1), days_from_civil(hi, 12, 31)};
  int m = (d[5] - '0') * 10 + (d[6] - '0');
  if (d.size() == 7)
    return DayRange{days_from_civil(lo, m, 1), days_from_civil(lo, m, month_days(lo, m))};
  int day = std::min((d[8] - '0') * 10 + (d[9] - '0'), month_days(lo, m));
  std::int32_t x = days_from_civil(lo, m, day);
  return DayRange{x, x};
}

}  // namespace dipgraph
