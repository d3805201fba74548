// CoNLL-U reading and writing: see conllu.hpp.
#include "ingest/syntax/conllu.hpp"

#include <charconv>
#include <string_view>

#include <fmt/format.h>

#include "graph/error.hpp"

namespace dipgraph::syntax {

namespace {

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::vector<ConlluSentence> read_conllu(std::istream& in, const std::string& origin) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  bool open = false;
  std::string line;
  std::size_t lineno = 0;
  auto fail = [&](const std::string& why) {
    throw Error(fmt::format("{}:{}: {}", origin, lineno, why));
  };
  auto flush = [&] {
    if (open) {
      if (cur.words.empty()) fail("sentence without words");
      out.push_back(std::move(cur));
    }
    cur = ConlluSentence{};
    open = false;
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    open = true;
    if (line[0] == '#') {
      cur.comments.push_back(line);
      continue;
    }
    std::string_view f[10];
    std::size_t n = 0, start = 0;
    std::string_view sv(line);
    while (n < 10) {
      std::size_t tab = sv.find('\t', start);
      if (tab == std::string_view::npos) {
        f[n++] = sv.substr(start);
        break;
      }
      f[n++] = sv.substr(start, tab - start);
      start = tab + 1;
      if (n == 10) fail("more than 10 fields");
    }
    if (n != 10) fail(fmt::format("{} fields, expected 10", n));
    std::string_view id = f[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    if (std::size_t dash = id.find('-'); dash != std::string_view::npos) {
      int a = 0, b = 0;
      if (!parse_int(id.substr(0, dash), a) || !parse_int(id.substr(dash + 1), b) || b < a)
        fail(fmt::format("bad range id '{}'", id));
      if (a != static_cast<int>(cur.words.size()) + 1)
        fail(fmt::format("range '{}' does not start at the next word", id));
      cur.multiword.emplace_back(static_cast<int>(cur.words.size()), line);
      continue;
    }
    int num = 0;
    if (!parse_int(id, num)) fail(fmt::format("bad word id '{}'", id));
    if (num != static_cast<int>(cur.words.size()) + 1)
      fail(fmt::format("word id {} out of sequence (expected {})", num, cur.words.size() + 1));
    ConlluWord w;
    w.form = f[1];
    w.lemma = f[2];
    w.upos = f[3];
    w.xpos = f[4];
    w.feats = f[5];
    if (f[6] == "_") {
      w.head = -1;
    } else if (!parse_int(f[6], w.head) || w.head < 0) {
      fail(fmt::format("bad head '{}'", f[6]));
    }
    w.deprel = f[7];
    w.deps = f[8];
    w.misc = f[9];
    cur.words.push_back(std::move(w));
  }
  flush();
  return out;
}

void write_conllu(std::ostream& out, const ConlluSentence& s) {
  for (const auto& c : s.comments) out << c << '\n';
  std::size_t m = 0;
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    while (m < s.multiword.size() && s.multiword[m].first == static_cast<int>(i))
      out << s.multiword[m++].second << '\n';
    const ConlluWord& w = s.words[i];
    out << (i + 1) << '\t' << w.form << '\t' << w.lemma << '\t' << w.upos << '\t' << w.xpos
        << '\t' << w.feats << '\t';
    if (w.head < 0)
      out << '_';
    else
      out << w.head;
    out << '\t' << w.deprel << '\t' << w.deps << '\t' << w.misc << '\n';
  }
  out << '\n';
}

}  // namespace dipgraph::syntax
