// Datelines and metadata dates (dateline.hpp). A dateline head is split at
// ", " into pieces; each piece must read as a date ("July 11", "3 March
// 2024", "Oct. 14", "Thursday", "2025") or a place (capitalized words,
// "Addis Ababa", "NAIROBI"), with an optional "(Agency)" at its end.
#include "ingest/read/dateline.hpp"

#include <fmt/core.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/read/utf8.hpp"

namespace dipgraph::ingest {
namespace {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool valid_ymd(int y, int m, int d) {
  return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string format_ymd(int y, int m, int d) { return fmt::format("{:04}-{:02}-{:02}", y, m, d); }

// The year that puts month/day nearest to `default_date`; 0 if there is no
// usable default date.
int nearest_year(int month, int day, const std::string& default_date) {
  if (!is_iso_date(default_date)) return 0;
  const int dy = to_int(default_date.substr(0, 4));
  const long ref =
      days_from_civil(dy, to_int(default_date.substr(5, 2)), to_int(default_date.substr(8, 2)));
  int best = 0;
  long best_gap = 0;
  for (int y = dy - 1; y <= dy + 1; ++y) {
    if (!valid_ymd(y, month, day)) continue;
    const long gap = std::labs(days_from_civil(y, month, day) - ref);
    if (best == 0 || gap < best_gap) {
      best = y;
      best_gap = gap;
    }
  }
  return best;
}

bool is_weekday(std::string_view w) {
  const std::string l = lower(w);
  for (std::string_view d :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
        "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})
    if (l == d) return true;
  return false;
}

// A day number, with an optional ordinal suffix: "11", "3rd", "21st".
int day_number(std::string_view w) {
  std::size_t k = 0;
  while (k < w.size() && is_digit(w[k])) ++k;
  if (k == 0 || k > 2) return 0;
  const std::string suffix = lower(w.substr(k));
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th")
    return 0;
  const int d = to_int(w.substr(0, k));
  return d >= 1 && d <= 31 ? d : 0;
}

struct DateParts {
  int year = 0, month = 0, day = 0;
  bool weekday = false;
};

// Splits on spaces and commas, dropping a trailing '.' of each word.
std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t k = 0;
  while (k < s.size()) {
    while (k < s.size() && (s[k] == ' ' || s[k] == ',')) ++k;
    const std::size_t b = k;
    while (k < s.size() && s[k] != ' ' && s[k] != ',') ++k;
    std::string_view w = s.substr(b, k - b);
    while (!w.empty() && w.back() == '.') w.remove_suffix(1);
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

// Reads a YYYY-MM-DD prefix (separator '-', '/' or '.').
bool iso_prefix(std::string_view s, DateParts& p) {
  if (s.size() < 10 || !all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) ||
      !all_digits(s.substr(8, 2)))
    return false;
  const char sep = s[4];
  if ((sep != '-' && sep != '/' && sep != '.') || s[7] != sep) return false;
  if (s.size() > 10 && is_digit(s[10])) return false;
  p.year = to_int(s.substr(0, 4));
  p.month = to_int(s.substr(5, 2));
  p.day = to_int(s.substr(8, 2));
  return true;
}

// Reads words that are all date words (weekday, month, day, year, ISO
// date). Returns false if any word is something else or nothing dated.
bool parse_date_words(const std::vector<std::string_view>& words, DateParts& p, bool allow_time) {
  if (words.empty()) return false;
  for (std::string_view w : words) {
    DateParts iso;
    if (iso_prefix(w, iso)) {
      if (p.year || p.month || p.day) return false;
      p.year = iso.year;
      p.month = iso.month;
      p.day = iso.day;
      continue;
    }
    if (is_weekday(w)) {
      p.weekday = true;
      continue;
    }
    if (const int m = month_number(w)) {
      if (p.month) return false;
      p.month = m;
      continue;
    }
    if (w.size() == 4 && all_digits(w)) {
      if (p.year) return false;
      p.year = to_int(w);
      continue;
    }
    if (const int d = day_number(w)) {
      if (p.day) return false;
      p.day = d;
      continue;
    }
    if (allow_time &&
        (w.find(':') != std::string_view::npos || w[0] == '+' || w[0] == '-' || lower(w) == "gmt" ||
         lower(w) == "utc" || lower(w) == "am" || lower(w) == "pm"))
      continue;
    return false;
  }
  return p.month != 0 || p.weekday || p.year != 0;
}

// Resolves parts to YYYY-MM-DD ("" if day or month is missing or invalid).
std::string resolve(const DateParts& p, const std::string& default_date) {
  if (p.month == 0 || p.day == 0) return "";
  const int y = p.year != 0 ? p.year : nearest_year(p.month, p.day, default_date);
  if (!valid_ymd(y, p.month, p.day)) return "";
  return format_ymd(y, p.month, p.day);
}

bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  return utf8::is_upper(utf8::decode(w, 0).cp);
}

bool has_lower(std::string_view w) {
  for (std::size_t k = 0; k < w.size();) {
    const utf8::Decoded d = utf8::decode(w, k);
    if (utf8::is_lower(d.cp)) return true;
    k += d.len;
  }
  return false;
}

// A place piece: 1-5 words, the first capitalized, the others capitalized
// or connectors ("Dar es Salaam", "Port of Spain"); letters, '.', '\'', '-'.
bool is_place(std::string_view piece, bool& all_caps) {
  std::vector<std::string_view> words;
  std::size_t k = 0;
  while (k < piece.size()) {
    while (k < piece.size() && piece[k] == ' ') ++k;
    const std::size_t b = k;
    while (k < piece.size() && piece[k] != ' ') ++k;
    if (k > b) words.push_back(piece.substr(b, k - b));
  }
  if (words.empty() || words.size() > 5 || !starts_upper(words[0])) return false;
  for (std::string_view w : words) {
    for (std::size_t m = 0; m < w.size();) {
      const utf8::Decoded d = utf8::decode(w, m);
      if (d.cp == utf8::kInvalid) return false;
      if (d.cp < 0x80 && !((d.cp | 0x20) >= 'a' && (d.cp | 0x20) <= 'z') && d.cp != '.' &&
          d.cp != '\'' && d.cp != '-')
        return false;
      if (d.cp >= 0x80 && utf8::is_punct(d.cp)) return false;
      m += d.len;
    }
    if (!starts_upper(w)) {
      const std::string l = lower(w);
      bool connector = false;
      for (std::string_view c : {"de", "del", "da", "do", "dos", "das", "du", "des",  "la",  "le",
                                 "el", "al",  "of", "es", "on",  "am",  "an", "upon", "sur", "en"})
        connector |= l == c;
      if (!connector && l.rfind("al-", 0) != 0 && l.rfind("el-", 0) != 0) return false;
    }
    if (has_lower(w)) all_caps = false;
  }
  return true;
}

bool is_agency(std::string_view a) {
  if (a.empty() || a.size() > 40 || !starts_upper(a)) return false;
  for (char c : a) {
    if (is_digit(c)) return false;
    if (static_cast<unsigned char>(c) < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
        c != ' ' && c != '/' && c != '-' && c != '.' && c != '&' && c != '\'')
      return false;
  }
  return true;
}

// Tries the paragraph text[begin, end) as "HEAD - body" or "HEAD: body".
bool dateline_in(std::string_view text, std::size_t begin, std::size_t end,
                 const std::string& default_date, Dateline& out) {
  const std::string_view para = text.substr(begin, end - begin);
  const std::string_view window = para.substr(0, 120);
  std::size_t sep = std::string_view::npos, body = 0;
  bool colon = false;
  const std::size_t dash = window.find(" - ");
  const std::size_t col = window.find(": ");
  if (dash != std::string_view::npos && (col == std::string_view::npos || dash < col)) {
    sep = dash;
    body = dash + 3;
  } else if (col != std::string_view::npos) {
    sep = col;
    body = col + 2;
    colon = true;
  } else if (para.size() <= 120 && para.size() >= 2 &&
             (para.substr(para.size() - 2) == " -" || para.back() == ':')) {
    // A dateline alone on its line: the body is the next paragraph.
    colon = para.back() == ':';
    sep = para.size() - (colon ? 1 : 2);
    body = para.size() + 1;
  }
  if (sep == std::string_view::npos || sep == 0) return false;
  std::string_view head = para.substr(0, sep);

  std::string agency;
  if (!head.empty() && head.back() == ')') {
    const std::size_t open = head.rfind('(');
    if (open == std::string_view::npos) return false;
    const std::string_view a = head.substr(open + 1, head.size() - open - 2);
    if (!is_agency(a)) return false;
    agency = std::string(a);
    head = head.substr(0, open);
    while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
  }

  // Pieces separated by ", ".
  std::vector<std::string_view> pieces;
  std::size_t k = 0;
  while (k <= head.size()) {
    const std::size_t c = head.find(',', k);
    std::string_view piece = head.substr(k, c == std::string_view::npos ? head.size() - k : c - k);
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
    if (!piece.empty()) pieces.push_back(piece);
    if (c == std::string_view::npos) break;
    k = c + 1;
  }
  if (pieces.empty() && agency.empty()) return false;

  DateParts date;
  bool has_date = false, all_caps = true;
  std::string place;
  int places = 0;
  for (std::string_view piece : pieces) {
    DateParts p;
    if (parse_date_words(words_of(piece), p, false)) {
      if ((date.year && p.year) || (date.month && p.month) || (date.day && p.day)) return false;
      if (p.year) date.year = p.year;
      if (p.month) date.month = p.month;
      if (p.day) date.day = p.day;
      has_date = true;
      continue;
    }
    if (!is_place(piece, all_caps)) return false;
    if (++places > 3) return false;
    if (!place.empty()) place += ", ";
    place += piece;
  }
  if (colon && !has_date) return false;
  if (!has_date && agency.empty() && (places == 0 || !all_caps)) return false;
  if (has_date && date.month == 0 && places == 0 && agency.empty()) return false;

  out.start = static_cast<std::uint32_t>(begin);
  out.end = static_cast<std::uint32_t>(std::min(begin + body, text.size()));
  out.place = std::move(place);
  out.agency = std::move(agency);
  out.date = resolve(date, default_date);
  return true;
}

}  // namespace

int month_number(std::string_view word) {
  while (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return 0;
  const std::string l = lower(word);
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kMonths[m];
    if (l == full || (l.size() == 3 && full.substr(0, 3) == l) || (m == 8 && l == "sept"))
      return m + 1;
  }
  return 0;
}

bool is_iso_date(std::string_view date) {
  DateParts p;
  return date.size() == 10 && date[4] == '-' && iso_prefix(date, p) &&
         valid_ymd(p.year, p.month, p.day);
}

std::string parse_date(std::string_view text, const std::string& default_date) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  DateParts p;
  if (iso_prefix(text, p)) {
    return valid_ymd(p.year, p.month, p.day) ? format_ymd(p.year, p.month, p.day) : "";
  }
  if (text.size() == 8 && all_digits(text)) {
    p.year = to_int(text.substr(0, 4));
    p.month = to_int(text.substr(4, 2));
    p.day = to_int(text.substr(6, 2));
    return valid_ymd(p.year, p.month, p.day) ? format_ymd(p.year, p.month, p.day) : "";
  }
  if (!parse_date_words(words_of(text), p, true)) return "";
  return resolve(p, default_date);
}

bool find_dateline(std::string_view text, const std::string& default_date, Dateline& out) {
  // The first paragraph, or one after up to two short lines that do not end
  // a sentence (a headline, a byline).
  std::size_t begin = 0;
  for (int k = 0; k < 3 && begin <= text.size(); ++k) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (dateline_in(text, begin, end, default_date, out)) return true;
    const std::string_view para = text.substr(begin, end - begin);
    if (end == text.size() || para.empty() || para.size() > 150) return false;
    const char last = para.back();
    if (last == '.' || last == '!' || last == '?' || last == '"') return false;
    begin = end + 1;
  }
  return false;
}

}  // namespace dipgraph::ingest
