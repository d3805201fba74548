// Calendar days of EDTF dates (docs/facts.md): the first and last day a date
// such as "2025-08" or "197X" covers, as day numbers since 1970-01-01 and
// back as "YYYY-MM-DD". Shared by queries (date windows, recency), the
// exporters (day-precision start/end, GEXF spells) and the CLI.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dipgraph {

// Days since 1970-01-01 of the first and last day an EDTF date covers:
// "2025-08" -> [2025-08-01, 2025-08-31]; "197X" -> [1970-01-01, 1979-12-31].
struct DayRange {
  std::int32_t first = 0;
  std::int32_t last = 0;
  std::int32_t mid() const { return first + (last - first) / 2; }
};
// nullopt for an empty or malformed date.
std::optional<DayRange> edtf_days(std::string_view date);
// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12, day 1..31).
std::int32_t days_from_civil(int year, int month, int day);
// "2025-07-10" for a day number.
std::string civil_from_days(std::int32_t days);
// Days in a month of the proleptic Gregorian calendar.
int month_days(int year, int month);

}  // namespace dipgraph
