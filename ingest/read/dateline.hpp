// Datelines and dates of articles.
//
// A dateline opens a news article: "July 11, Pakistan - ", "NAIROBI, Oct 14
// (Reuters) - ", "WASHINGTON (AP) - ", "Moscow, 3 March 2024: ". find_dateline
// recognizes one at the start of the normalized text (or after up to two
// short paragraphs that do not end a sentence: a headline, a byline); parse_date reads the dates
// found in batch metadata and HTML meta tags. Dates come out as YYYY-MM-DD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dipgraph::ingest {

struct Dateline {
  std::uint32_t start = 0;  // first byte of the dateline in the text
  std::uint32_t end = 0;    // first byte of the body after it (after "- " or ": ")
  std::string place;        // as written: "Pakistan", "NAIROBI", "KYIV, Ukraine"; may be ""
  std::string agency;       // "Reuters", "AP" from "(Reuters)"; may be ""
  std::string date;         // YYYY-MM-DD, "" when the dateline has no date or no year
                            // could be supplied
};

// Looks for a dateline at the start of normalized text (normalize_text
// output: one paragraph a line, dashes as " - "). A dateline needs a
// separator (" - " or ": ") within its first 120 bytes and a head made of a
// date and/or a place and/or an agency; a place alone must be in capitals
// ("KABUL - ") and ':' needs a date. `default_date` (YYYY-MM-DD or "")
// supplies a missing year: the year that puts the date nearest to it.
// Returns false (and leaves `out` alone) if there is none.
bool find_dateline(std::string_view text, const std::string& default_date, Dateline& out);

// Reads a date as written in metadata: "2025-07-11", "2025-07-11T09:30:00Z",
// "2025/07/11", "July 11, 2025", "11 July 2025", "Fri, 11 Jul 2025 09:30:00
// +0000", "20250711". Returns YYYY-MM-DD, or "" if it is not a full valid
// date. A date without a year ("July 11") takes the year nearest to
// `default_date`, and is "" without one.
std::string parse_date(std::string_view text, const std::string& default_date = {});

// True if `date` is a valid YYYY-MM-DD date (Gregorian, years 1000-2999).
bool is_iso_date(std::string_view date);

// The month (1-12) named by `word` ("July", "jul", "Sept", "Oct."), else 0.
int month_number(std::string_view word);

}  // namespace dipgraph::ingest
