// Date expressions -> EDTF (dates.hpp).
#include "ingest/recognize/dates.hpp"

#include "ingest/recognize/dictionary.hpp"

namespace dipgraph::ingest {

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<Ymd> parse_ymd(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](std::size_t b, std::size_t n) {
    int v = 0;
    for (std::size_t i = b; i < b + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  Ymd d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.y < 0 || d.m < 1 || d.m > 12 || d.d < 1 || d.d > days_in_month(d.y, d.m)) return std::nullopt;
  return d;
}

// Howard Hinnant's civil-date algorithms.
std::int64_t days_from_civil(const Ymd& date) {
  std::int64_t y = date.y - (date.m <= 2);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (date.m + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + date.d - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd civil_from_days(std::int64_t z) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = yoe + era * 400;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2)), m, d};
}

int weekday_of(const Ymd& d) {
  std::int64_t z = days_from_civil(d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

DateLexicon::DateLexicon(const Dictionary& dict) {
  static const char* kMonths[][2] = {
      {"january", "jan"}, {"february", "feb"}, {"march", "mar"},    {"april", "apr"},
      {"may", "may"},     {"june", "jun"},     {"july", "jul"},      {"august", "aug"},
      {"september", "sep"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"}};
  for (int m = 0; m < 12; ++m)
    for (const char* w : kMonths[m])
      if (TokenId id = dict.word(w)) months_.emplace_back(id, m + 1);
  if (TokenId id = dict.word("sept")) months_.emplace_back(id, 9);
  static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                "friday", "saturday", "sunday"};
  for (int d = 0; d < 7; ++d)
    if (TokenId id = dict.word(kDays[d])) weekdays_.emplace_back(id, d);
  static const char* kNumbers[] = {"zero", "one", "two", "three", "four", "five", "six",
                                   "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (int n = 1; n <= 12; ++n)
    if (TokenId id = dict.word(kNumbers[n])) numbers_.emplace_back(id, n);
  auto w = [&](const char* s) { return dict.word(s); };
  today_ = w("today"), yesterday_ = w("yesterday"), tomorrow_ = w("tomorrow");
  tonight_ = w("tonight"), last_ = w("last"), next_ = w("next"), this_ = w("this");
  coming_ = w("coming"), past_ = w("past"), previous_ = w("previous"), ago_ = w("ago");
  later_ = w("later"), earlier_ = w("earlier"), early_ = w("early"), late_ = w("late");
  mid_ = w("mid"), week_ = w("week"), weeks_ = w("weeks"), month_ = w("month");
  months_w_ = w("months"), year_ = w("year"), years_ = w("years"), day_ = w("day");
  days_ = w("days"), weekend_ = w("weekend"), the_ = w("the"), in_ = w("in"), on_ = w("on");
  of_ = w("of"), since_ = w("since"), until_ = w("until"), by_ = w("by"), from_ = w("from");
  during_ = w("during"), a_ = w("a"), an_ = w("an");
}

int DateLexicon::month_of(TokenId id) const {
  if (id == kNoToken) return 0;
  for (auto [t, m] : months_)
    if (t == id) return m;
  return 0;
}

int DateLexicon::weekday_of_word(TokenId id) const {
  if (id == kNoToken) return -1;
  for (auto [t, d] : weekdays_)
    if (t == id) return d;
  return -1;
}

namespace {

// Value of a plain integer token ("2025", "11", "11th"); -1 otherwise.
int int_value(std::string_view text, const Tok& t, bool allow_suffix) {
  if (!t.is(kNumber)) return -1;
  int v = 0;
  std::uint32_t i = t.start;
  for (; i < t.end && text[i] >= '0' && text[i] <= '9'; ++i) {
    v = v * 10 + (text[i] - '0');
    if (v > 100000) return -1;
  }
  if (i == t.end) return v;
  std::string_view rest = text.substr(i, t.end - i);
  if (allow_suffix && (rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) return v;
  return -1;
}

bool is_year(int v) { return v >= 1800 && v <= 2100; }

}  // namespace

void DateLexicon::find(std::string_view text, const std::vector<Tok>& toks, std::uint32_t begin,
                       std::uint32_t end, std::vector<DateMention>& out) const {
  auto id = [&](std::uint32_t i) { return i < end ? toks[i].id : kNoToken; };
  auto year_at = [&](std::uint32_t i) {
    return i < end && toks[i].is(kNumber) && !toks[i].is(kHyphenJoined) ? int_value(text, toks[i], false) : -1;
  };
  auto punct = [&](std::uint32_t i, char c) {
    return i < end && toks[i].is(kPunct) && text[toks[i].start] == c;
  };
  auto number_word = [&](std::uint32_t i) {
    if (i >= end) return -1;
    int v = int_value(text, toks[i], false);
    if (v > 0 && v < 1000) return v;
    for (auto [t, n] : numbers_)
      if (t == toks[i].id) return n;
    if (toks[i].id == a_ || toks[i].id == an_) return 1;
    return -1;
  };
  for (std::uint32_t i = begin; i < end; ++i) {
    const Tok& t = toks[i];
    DateMention dm;
    dm.begin = i;
    // Decades: "1970s", "the 1990s".
    if (t.is(kNumber)) {
      std::string_view s = text.substr(t.start, t.end - t.start);
      if (s.size() == 5 && s[4] == 's' && s[3] == '0') {
        int v = int_value(text, Tok{t.start, t.end - 1, 0, kNumber, 0}, false);
        if (is_year(v)) {
          dm.kind = DateKind::decade;
          dm.y = v;
          dm.end = i + 1;
          dm.tense = -1;
          out.push_back(dm);
          continue;
        }
      }
      // "11 July [2025]", "11th of July"
      int day = int_value(text, t, true);
      std::uint32_t j = i + 1;
      if (id(j) == of_) ++j;
      if (day >= 1 && day <= 31 && month_of(id(j)) && toks[j].is(kCap)) {
        dm.m = month_of(id(j));
        dm.d = day;
        dm.end = j + 1;
        int y = year_at(j + 1);
        if (is_year(y)) {
          dm.kind = DateKind::absolute;
          dm.y = y;
          dm.end = j + 2;
        } else {
          dm.kind = DateKind::month_day;
        }
        out.push_back(dm);
        i = dm.end - 1;
        continue;
      }
      // "N days/weeks/months/years ago"
      int n = number_word(i);
      if (n > 0 && id(i + 2) == ago_) {
        TokenId u = id(i + 1);
        DateKind k = (u == day_ || u == days_)       ? DateKind::offset_days
                     : (u == week_ || u == weeks_)   ? DateKind::offset_weeks
                     : (u == month_ || u == months_w_) ? DateKind::offset_months
                     : (u == year_ || u == years_)   ? DateKind::offset_years
                                                     : DateKind::absolute;
        if (k != DateKind::absolute) {
          dm.kind = k;
          dm.offset = -n;
          dm.tense = -1;
          dm.end = i + 3;
          out.push_back(dm);
          i = dm.end - 1;
          continue;
        }
      }
      // A bare year: "in 2015", "(2015)", "2015," — not "2015 troops".
      int y = year_at(i);
      if (is_year(y) && t.end - t.start == 4) {
        std::uint32_t next = i + 1;
        constexpr std::uint16_t kGrammar = kPrep | kDet | kBe | kAux | kSubord | kConj |
                                           kPronoun | kPronounPl | kNegation | kReport | kCalendar;
        bool before_noun = next < end && toks[next].is(kWord) && !toks[next].is(kCap) &&
                           !(toks[next].cls & kGrammar);
        // ... but after an article, a year modifies the noun: "a 2012
        // deal", "the 1951 treaty" (after "the", a singular noun: "the
        // 2000 troops" counts)
        if (before_noun && i > begin) {
          const TokenId before = toks[i - 1].id;
          const bool singular = text[toks[next].end - 1] != 's';
          if (before == a_ || before == an_ || (before == the_ && singular)) before_noun = false;
        }
        if (!before_noun) {
          dm.kind = DateKind::absolute;
          dm.y = y;
          dm.end = i + 1;
          out.push_back(dm);
        }
      }
      continue;
    }
    if (t.is(kWord) && (t.cls & kNumberWord) && id(i + 2) == ago_) {  // "three years ago"
      int n = number_word(i);
      TokenId u = id(i + 1);
      DateKind k = (u == day_ || u == days_)         ? DateKind::offset_days
                   : (u == week_ || u == weeks_)     ? DateKind::offset_weeks
                   : (u == month_ || u == months_w_) ? DateKind::offset_months
                   : (u == year_ || u == years_)     ? DateKind::offset_years
                                                     : DateKind::absolute;
      if (n > 0 && k != DateKind::absolute) {
        dm.kind = k;
        dm.offset = -n;
        dm.tense = -1;
        dm.end = i + 3;
        out.push_back(dm);
        i = dm.end - 1;
        continue;
      }
    }
    if (!t.is(kWord) || !(t.cls & kCalendar)) continue;
    TokenId w = t.id;
    // "a year ago", "a week ago"
    if ((w == year_ || w == week_ || w == month_ || w == day_) && id(i + 1) == ago_ && i > begin &&
        (toks[i - 1].id == a_)) {
      dm.begin = i - 1;
      dm.kind = w == year_ ? DateKind::offset_years : w == month_ ? DateKind::offset_months
                : w == week_ ? DateKind::offset_weeks : DateKind::offset_days;
      dm.offset = -1;
      dm.tense = -1;
      dm.end = i + 2;
      out.push_back(dm);
      i = dm.end - 1;
      continue;
    }
    int tense = 0;
    std::uint32_t k = i;
    if (w == last_ || w == past_ || w == previous_) tense = -1, ++k;
    else if (w == next_ || w == coming_) tense = 1, ++k;
    else if (w == this_) ++k;
    bool this_period = w == this_;
    if (w == later_ || w == earlier_) {
      tense = w == later_ ? 1 : -1;
      ++k;
      this_period = id(k) == this_;
      if (id(k) == in_ || id(k) == this_ || id(k) == on_) ++k;
    } else if (w == early_ || w == late_ || w == mid_) {
      ++k;
      if (id(k) == in_) ++k;
    }
    bool prefixed = k > i;
    TokenId u = id(k);
    // last/next/this + week/month/year/weekend
    if (prefixed && (u == week_ || u == month_ || u == year_ || u == weekend_)) {
      dm.kind = u == year_ ? DateKind::offset_years : u == month_ ? DateKind::offset_months
                                                                  : DateKind::offset_weeks;
      dm.offset = this_period ? 0 : tense;  // "later this year" is this year
      dm.tense = tense;
      dm.end = k + 1;
      out.push_back(dm);
      i = dm.end - 1;
      continue;
    }
    // Months: "July 11, 2025", "July 2025", "in July", "last November".
    int m = month_of(u);
    if (m && k < end && (toks[k].is(kCap))) {
      bool ok = prefixed;
      std::uint32_t e = k + 1;
      int day = e < end ? int_value(text, toks[e], true) : -1;
      int y = -1;
      if (day >= 1 && day <= 31 && !toks[e].is(kHyphenJoined)) {
        e += 1;
        if (punct(e, ',') && is_year(year_at(e + 1))) ++e;
        y = year_at(e);
        if (is_year(y)) ++e;
        ok = true;
      } else if (is_year(day)) {
        y = day;
        day = 0;
        e += 1;
        ok = true;
      } else {
        day = 0;
      }
      if (!ok && k > begin) {
        TokenId p = toks[k - 1].id;
        ok = p == in_ || p == since_ || p == until_ || p == by_ || p == from_ || p == of_ ||
             p == during_ || p == on_;
      }
      if (!ok && m != 5) ok = true;  // a capitalized month name other than "May"
      if (ok) {
        dm.m = m;
        dm.d = day;
        dm.tense = tense;
        dm.end = e;
        if (is_year(y)) {
          dm.kind = DateKind::absolute;
          dm.y = y;
        } else {
          dm.kind = day ? DateKind::month_day : DateKind::month;
        }
        out.push_back(dm);
        i = dm.end - 1;
        continue;
      }
    }
    // Weekdays: "on Thursday", "last Friday".
    int wd = weekday_of_word(u);
    if (wd >= 0 && toks[k].is(kCap)) {
      dm.kind = DateKind::weekday;
      dm.d = wd;
      dm.tense = tense;
      dm.end = k + 1;
      out.push_back(dm);
      i = dm.end - 1;
      continue;
    }
    if (!prefixed && (w == today_ || w == yesterday_ || w == tomorrow_ || w == tonight_)) {
      dm.kind = DateKind::offset_days;
      dm.offset = w == yesterday_ ? -1 : w == tomorrow_ ? 1 : 0;
      dm.tense = dm.offset;
      dm.end = i + 1;
      out.push_back(dm);
    }
  }
}

std::string edtf(int y, int m, int d) {
  char buf[16];
  int n = 0;
  auto put = [&](int v, int width) {
    for (int k = width - 1; k >= 0; --k) {
      buf[n + k] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    n += width;
  };
  put(y < 0 ? 0 : y % 10000, 4);
  if (m > 0) {
    buf[n++] = '-';
    put(m, 2);
    if (d > 0) {
      buf[n++] = '-';
      put(d, 2);
    }
  }
  return std::string(buf, static_cast<std::size_t>(n));
}

std::string resolve_date(const DateMention& m, const std::optional<Ymd>& article, int tense) {
  if (m.tense != 0) tense = m.tense;
  switch (m.kind) {
    case DateKind::absolute:
      if (m.m == 0) return edtf(m.y);
      if (m.d == 0 || m.d > days_in_month(m.y, m.m)) return edtf(m.y, m.m);
      return edtf(m.y, m.m, m.d);
    case DateKind::decade:
      return edtf(m.y).substr(0, 3) + "X";
    default:
      break;
  }
  if (!article) return {};
  const Ymd& a = *article;
  std::int64_t today = days_from_civil(a);
  switch (m.kind) {
    case DateKind::month_day:
    case DateKind::month: {
      int y = a.y;
      if (tense > 0 && m.m < a.m) y = a.y + 1;
      else if (tense < 0 && m.m > a.m) y = a.y - 1;
      else if (tense == 0 && m.m - a.m > 6) y = a.y - 1;
      else if (tense == 0 && a.m - m.m > 6) y = a.y + 1;
      if (m.kind == DateKind::month || m.d > days_in_month(y, m.m))
        return edtf(y, m.m);
      return edtf(y, m.m, m.d);
    }
    case DateKind::weekday: {
      int wd = weekday_of(a);
      std::int64_t day;
      if (tense > 0) {
        int ahead = (m.d - wd + 7) % 7;
        day = today + (ahead == 0 ? 7 : ahead);
      } else {
        // The article's own weekday means the article date (wire copy says
        // "on Friday" for today); any other the most recent one before it.
        int back = (wd - m.d + 7) % 7;
        day = today - back;
      }
      Ymd d = civil_from_days(day);
      return edtf(d.y, d.m, d.d);
    }
    case DateKind::offset_days: {
      Ymd d = civil_from_days(today + m.offset);
      return edtf(d.y, d.m, d.d);
    }
    case DateKind::offset_weeks: {
      Ymd d = civil_from_days(today + 7 * m.offset);
      return edtf(d.y, d.m);
    }
    case DateKind::offset_months: {
      int total = a.y * 12 + (a.m - 1) + m.offset;
      return edtf(total / 12, total % 12 + 1);
    }
    case DateKind::offset_years:
      return edtf(a.y + m.offset);
    default:
      return {};
  }
}

}  // namespace dipgraph::ingest
