// English plurals of dictionary phrases (plurals.hpp).
#include "ingest/recognize/plurals.hpp"

namespace dipgraph::ingest {

std::string plural_noun(std::string w) {
  auto ends = [&](std::string_view e) {
    return w.size() >= e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0;
  };
  if (w.size() < 3 || ends("s")) return {};
  if (ends("x") || ends("ch") || ends("sh")) return w + "es";
  if (ends("man")) return w.replace(w.size() - 3, 3, "men");
  if (ends("y") && std::string_view("aeiou").find(w[w.size() - 2]) == std::string_view::npos)
    return w.replace(w.size() - 1, 1, "ies");
  return w + "s";
}

std::string plural_title(std::string_view phrase) {
  for (char ch : phrase)
    if ((ch >= 'A' && ch <= 'Z') || ch == '.') return {};
  std::string p(phrase);
  std::size_t head_end = p.size();
  for (const char* prep : {" of ", " for ", " to ", " on "}) {
    std::size_t at = p.find(prep);
    if (at != std::string::npos && at < head_end) head_end = at;
  }
  std::size_t head_begin = p.rfind(' ', head_end - 1);
  head_begin = head_begin == std::string::npos ? 0 : head_begin + 1;
  std::string head = p.substr(head_begin, head_end - head_begin);
  std::size_t hyphen = head.find("-general");
  if (hyphen != std::string::npos && hyphen + 8 == head.size()) {
    std::string first = plural_noun(head.substr(0, hyphen));
    return first.empty() ? first : p.substr(0, head_begin) + first + head.substr(hyphen) + p.substr(head_end);
  }
  std::string plural = plural_noun(head);
  return plural.empty() ? plural : p.substr(0, head_begin) + plural + p.substr(head_end);
}

}  // namespace dipgraph::ingest
