// Dates: finding date expressions in lexed text and turning them into EDTF.
//
// Absolute ("July 11, 2025", "11 July", "August 2025", "in 2015"), relative
// to the article date ("on Thursday", "yesterday", "last week", "last year",
// "later in August", "next month", "two years ago") and decades ("the
// 1970s" -> "197X"). Finding is kept apart from resolving: find_dates() says
// what the words say; resolve_date() places it against the article date and
// the tense of the event it dates (a month or weekday without a year means
// the nearest one before the article date in past-tense text, after it in
// future-tense text).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/syntax/lexer.hpp"

namespace dipgraph::ingest {

class Dictionary;

struct Ymd {
  int y = 0, m = 0, d = 0;
  friend bool operator==(const Ymd&, const Ymd&) = default;
};

// "2025-07-11" -> Ymd; nullopt for anything else (or an impossible day).
std::optional<Ymd> parse_ymd(std::string_view s);
// Days since 1970-01-01 and back (proleptic Gregorian).
std::int64_t days_from_civil(const Ymd& d);
Ymd civil_from_days(std::int64_t days);
// 0 = Monday ... 6 = Sunday.
int weekday_of(const Ymd& d);
int days_in_month(int y, int m);

enum class DateKind : std::uint8_t {
  absolute,        // year (and month, day) given: y, m, d (m, d may be 0)
  month_day,       // "11 July", "July 11": m, d; the year comes from the article
  month,           // "in August", "later in August": m
  weekday,         // "on Thursday": weekday 0..6 in `d`
  offset_days,     // today (0), yesterday (-1), tomorrow (+1), N days ago
  offset_weeks,    // last week (-1), next week (+1), this week (0)
  offset_months,   // last month (-1), next month (+1), this month (0)
  offset_years,    // last year (-1), next year (+1), this year (0), N years ago
  decade,          // "the 1970s": y = 1970
};

struct DateMention {
  std::uint32_t begin = 0, end = 0;  // Tok index range of the expression
  DateKind kind = DateKind::absolute;
  int y = 0, m = 0, d = 0;           // meaning depends on kind
  int offset = 0;                    // for offset_* kinds
  int tense = 0;                     // -1 the words say past ("last", "ago", "earlier"),
                                     // +1 future ("next", "later", "coming"), 0 neither
};

// Word ids the date finder needs, looked up once in a Dictionary's vocab.
class DateLexicon {
 public:
  explicit DateLexicon(const Dictionary& dict);
  // Finds date expressions in toks[begin, end) and appends them to `out`,
  // left to right, not overlapping. `text` is the text the Toks point into.
  void find(std::string_view text, const std::vector<Tok>& toks, std::uint32_t begin,
            std::uint32_t end, std::vector<DateMention>& out) const;

 private:
  int month_of(TokenId id) const;    // 1..12 or 0
  int weekday_of_word(TokenId id) const;  // 0..6 or -1
  std::vector<std::pair<TokenId, int>> months_, weekdays_;
  TokenId today_, yesterday_, tomorrow_, tonight_, last_, next_, this_, coming_, past_, previous_,
      ago_, later_, earlier_, early_, late_, mid_, week_, weeks_, month_, months_w_, year_, years_,
      day_, days_, weekend_, the_, in_, on_, of_, since_, until_, by_, from_, during_, a_, an_;
  std::vector<std::pair<TokenId, int>> numbers_;  // "two" -> 2
};

// "2025", "2025-07", "2025-07-11" (m, d 0 = absent), without a formatting library.
std::string edtf(int y, int m = 0, int d = 0);

// EDTF for `m` against the article date ("" when the article date is unknown
// and the expression is relative). `tense` is the event's tense (-1 past,
// 0 unknown, +1 future); the expression's own tense wins when it has one.
std::string resolve_date(const DateMention& m, const std::optional<Ymd>& article, int tense);

}  // namespace dipgraph::ingest
