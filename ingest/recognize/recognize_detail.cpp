// Shared helpers of the recognizer's phases (recognize_detail.hpp): word
// tests, the fixed word ids, finding people by name and the edits a phase
// makes to a sentence's mention list.
#include "ingest/recognize/recognize_detail.hpp"

#include <algorithm>

#include "ingest/read/utf8.hpp"

namespace dipgraph::ingest::detail {

std::string lower(std::string_view s) {
  std::string out;
  to_lower(s, out);
  return out;
}

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return false;
  }
  return true;
}

bool upper_initial(std::string_view w) {
  if (w.size() > 2 && w[1] == '\'' && (w[0] == 'd' || w[0] == 'D' || w[0] == 'l' || w[0] == 'L' || w[0] == 'O'))
    w.remove_prefix(2);
  if (w.empty()) return false;
  auto c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  char32_t cp = utf8::decode(w, 0).cp;
  return cp != utf8::kInvalid && (utf8::is_upper(cp) || cp == 0x1A0 || cp == 0x1AF);
}

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : name) {
    if (ch == ' ') {
      if (!cur.empty()) out.push_back(lower(cur));
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) out.push_back(lower(cur));
  return out;
}

WordIds::WordIds(const Dictionary& dict) {
  auto w = [&](const char* s) { return dict.word(s); };
  the = w("the"), a = w("a"), an = w("an"), of = w("of"), on = w("on");
  for_ = w("for"), to = w("to"), and_ = w("and"), in = w("in");
  with = w("with"), two = w("two"), both = w("both"), country = w("country");
  nation = w("nation"), kingdom = w("kingdom"), countries = w("countries");
  nations = w("nations"), sides = w("sides"), side = w("side");
  parties = w("parties"), governments = w("governments"), leaders = w("leaders");
  neighbours = w("neighbours"), neighbors = w("neighbors");
  delegations = w("delegations"), states = w("states"), he = w("he");
  she = w("she"), him = w("him"), his = w("his"), her = w("her");
  they = w("they"), them = w("them"), their = w("their");
  according = w("according"), latin = w("latin"), ethnic = w("ethnic");
  it = w("it"), its = w("its");
  north = w("north"), south = w("south"), central = w("central"), east = w("east"), west = w("west");
  for (const char* s : {"official", "minister", "leader", "envoy", "diplomat", "spokesman",
                        "spokeswoman", "spokesperson", "negotiator", "representative",
                        "ambassador", "president", "premier", "counterpart", "chief", "commissioner",
                        "secretary", "chairman", "chairwoman"})
    person_nouns.push_back(w(s));
  for (const char* s : {"sea", "ocean", "gulf", "strait", "straits", "river", "lake", "bay",
                        "peninsula", "basin", "channel", "canal", "desert", "highlands", "plateau"})
    if (TokenId t = w(s)) geo.push_back(t);
  for (const char* s : {"group", "accord", "accords", "agreement", "agreements", "protocol", "process", "convention",
                        "declaration", "format", "club", "consensus", "treaty", "charter", "principles"})
    if (TokenId t = w(s)) named_for.push_back(t);
  for (const char* s : {"former", "late", "ex", "retired", "onetime", "erstwhile", "ousted", "deposed"})
    if (TokenId t = w(s)) past_words.push_back(t);
  counterpart = w("counterpart");
  counterparts = w("counterparts");
  for (const char* s : {"delegation", "delegates", "visitors", "team", "mission"})
    if (TokenId t = w(s)) visitor_nouns.push_back(t);
  delegation = w("delegation");
  embassy = w("embassy");
  presidents = w("presidents");
  consulate = w("consulate");
  for (const char* s : {"government", "parliament", "cabinet", "legislature", "regime", "administration",
                        "ministry", "military", "army", "navy"})
    if (TokenId t = w(s)) body_nouns.push_back(t);
  for (const char* s : {"commission", "council", "secretariat", "assembly", "parliament", "court", "committee", "board"})
    if (TokenId t = w(s)) org_organs.push_back(t);
  from = w("from");
  for (const char* s : {"group", "groups", "organization", "organizations", "organisation",
                        "organisations", "agency", "agencies", "charity", "charities"})
    if (TokenId t = w(s)) ngo_heads.push_back(t);
  rights = w("rights"), human = w("human");
  for (const char* s : {"aid", "relief", "humanitarian"})
    if (TokenId t = w(s)) aid_words.push_back(t);
  for (std::size_t k = 0; k < dict.organizations().size(); ++k) {
    const std::string& code = dict.organizations()[k].code;
    if (code == "NGO_RIGHTS") ngo_rights = static_cast<std::int32_t>(k);
    if (code == "NGO_AID") ngo_aid = static_cast<std::int32_t>(k);
  }
}

int ArticleState::find_person(const std::vector<std::string>& words) const {
  // Same full name, or `words` is a tail of a known name ("Putin", "Nordvik").
  for (int p = static_cast<int>(a.people.size()) - 1; p >= 0; --p) {
    const auto& pw = a.people[p].words;
    if (words.size() > pw.size()) continue;
    if (std::equal(words.rbegin(), words.rend(), pw.rbegin())) return p;
  }
  // A longer form of a known tail: "Vladimir Putin" after "Putin".
  for (int p = static_cast<int>(a.people.size()) - 1; p >= 0; --p) {
    const auto& pw = a.people[p].words;
    if (pw.size() < words.size() && std::equal(pw.rbegin(), pw.rend(), words.rbegin())) return p;
  }
  // A family name written first ("Park" for "Park Min-seo"), if only one person has it.
  if (words.size() == 1) {
    int found = -1;
    for (int p = 0; p < static_cast<int>(a.people.size()); ++p) {
      const auto& pw = a.people[p].words;
      if (pw.size() >= 2 && pw.front() == words[0]) {
        if (found >= 0) return -1;
        found = p;
      }
    }
    return found;
  }
  return -1;
}

void SentenceState::reindex() {
  std::sort(ms.begin(), ms.end(), [](const Mention& x, const Mention& y) { return x.begin < y.begin; });
  for (std::uint32_t i = span.begin; i < span.end; ++i) art.at[i] = -1;
  for (std::size_t k = 0; k < ms.size(); ++k)
    for (std::uint32_t i = ms[k].begin; i < ms[k].end; ++i) art.at[i] = static_cast<int>(k);
}

Mention* SentenceState::mention_at(std::uint32_t i) {
  return i >= span.begin && i < span.end && art.at[i] >= 0 ? &ms[art.at[i]] : nullptr;
}

bool SentenceState::capital_at(std::uint32_t i) const {
  const auto& toks = art.a.toks;
  return toks[i].is(kCap | kAllCaps) || (toks[i].is(kWord) && upper_initial(art.tok_text(i)));
}

bool SentenceState::name_like(std::uint32_t i) const {
  if (i >= span.end) return false;
  const Tok& t = art.a.toks[i];
  return t.is(kWord) && capital_at(i) && art.at[i] < 0 && !(t.cls & kNotName);
}

std::uint32_t SentenceState::scan_name(std::uint32_t i, std::vector<std::string>& words,
                                  std::string& shown) const {
  const auto& toks = art.a.toks;
  const auto& at = art.at;
  words.clear();
  shown.clear();
  std::uint32_t j = i, last = i;
  while (j < span.end && words.size() < 5) {
    if (art.is_punct(j, '[') || (art.is_punct(j, ']') && !words.empty())) {
      ++j;
      continue;
    }
    if (name_like(j)) {
      words.push_back(lower(art.tok_text(j)));
      if (!shown.empty()) shown += ' ';
      shown += art.tok_text(j);
      last = ++j;
      // "Min-seo", "Jean-Bertrand": one name word.
      while (j < span.end && toks[j].is(kHyphenJoined) && toks[j].is(kWord) && at[j] < 0 &&
             !toks[j - 1].is(kPossessive)) {
        words.back() += "-" + lower(art.tok_text(j));
        shown += "-";
        shown += art.tok_text(j);
        last = ++j;
      }
      if (toks[j - 1].is(kPossessive)) break;
      continue;
    }
    // A surname spelt like a month or a one-word title ends the name after
    // a given name ("Ling Jun", "Tom King"), where no further name, date
    // or number follows.
    if (words.size() == 1 && toks[j].is(kWord) && capital_at(j) && !toks[j].is(kAllCaps) &&
        (j + 1 >= span.end || !(toks[j + 1].is(kCap) || toks[j + 1].is(kNumber) || art.is_punct(j + 1, '-')))) {
      static constexpr std::string_view kMonths[] = {"apr", "aug", "dec", "feb", "jan", "jul", "jun",
                                                     "mar", "may", "nov", "oct", "sep", "sept"};
      const std::string w = lower(art.tok_text(j));
      const bool month = at[j] < 0 && std::binary_search(std::begin(kMonths), std::end(kMonths), w);
      const bool title = at[j] >= 0 && ms[at[j]].kind == MentionKind::title && ms[at[j]].begin == j &&
                         ms[at[j]].end == j + 1;
      if (month || title) {
        words.push_back(w);
        shown += ' ';
        shown += art.tok_text(j);
        return ++j;
      }
    }
    if (!words.empty() && (toks[j].cls & kParticle) && j + 1 < span.end && name_like(j + 1) &&
        !toks[j].is(kCap)) {
      words.push_back(lower(art.tok_text(j)));
      shown += ' ';
      shown += art.tok_text(j);
      ++j;
      continue;
    }
    break;
  }
  return words.empty() ? i : last;
}

std::uint32_t SentenceState::scan_name_back(std::uint32_t end, std::vector<std::string>& words,
                                       std::string& shown) const {
  std::uint32_t j = end;
  while (j > span.begin && name_like(j - 1) && end - j < 4) --j;
  words.clear();
  shown.clear();
  for (std::uint32_t k = j; k < end; ++k) {
    words.push_back(lower(art.tok_text(k)));
    if (!shown.empty()) shown += ' ';
    shown += art.tok_text(k);
  }
  return j;
}

int SentenceState::add_person(const std::string& shown, const std::vector<std::string>& words,
                         const std::string& role, const std::string& base_role, int country, int org) {
  auto& people = art.a.people;
  int p = art.find_person(words);
  if (p < 0) {
    p = static_cast<int>(people.size());
    Person person;
    person.name = shown;
    person.words = words;
    person.first_sentence = s;
    people.push_back(std::move(person));
  }
  Person& pr = people[p];
  if (words.size() > pr.words.size()) {
    pr.words = words;
    pr.name = shown;
  }
  if (pr.role.empty() || (pr.role.size() < role.size() && pr.base_role == base_role)) {
    pr.role = role;
    pr.base_role = base_role;
  }
  if (pr.country < 0 && !pr.former) pr.country = country;
  if (pr.org < 0 && !pr.former) pr.org = org;
  return p;
}

void SentenceState::replace(std::uint32_t b, std::uint32_t e, Mention m) {
  ms.erase(std::remove_if(ms.begin(), ms.end(), [&](const Mention& x) { return x.begin < e && b < x.end; }),
           ms.end());
  m.begin = b;
  m.end = e;
  m.sentence = s;
  m.possessive = art.a.toks[e - 1].is(kPossessive);
  ms.push_back(m);
  reindex();
}

void SentenceState::replace_with_country(std::uint32_t b, std::uint32_t e, int c) {
  Mention cm;
  cm.kind = MentionKind::country;
  cm.entity = cm.country = c;
  cm.anaphor = true;
  replace(b, e, cm);
}

bool SentenceState::inside_ok(std::uint32_t k, std::uint32_t b, std::uint32_t e, bool full) const {
  if (art.at[k] < 0) return true;
  const Mention& m = ms[art.at[k]];
  return full && e - b >= 2 && m.begin >= b && m.end <= e && m.end - m.begin < e - b &&
         m.kind != MentionKind::person && m.kind != MentionKind::group && m.kind != MentionKind::role;
}

bool SentenceState::visitor_noun(std::uint32_t i) const {
  const auto& toks = art.a.toks;
  const auto& vn = art.id.visitor_nouns;
  return i < span.end && toks[i].is(kWord) && !toks[i].is(kCap) && art.at[i] < 0 &&
         std::find(vn.begin(), vn.end(), toks[i].id) != vn.end();
}

bool SentenceState::mission_noun(std::uint32_t i) const {
  TokenId t = art.a.toks[i].id;
  return t != kNoToken && (t == art.id.embassy || t == art.id.consulate);
}

int SentenceState::quotes_before(std::uint32_t k) const {
  int n = 0;
  for (std::uint32_t q = span.begin; q < k; ++q) n += art.a.toks[q].is(kPunct) && art.tok_text(q) == "\"";
  return n;
}

TokenId SentenceState::body_noun(std::uint32_t i) const {
  const auto& toks = art.a.toks;
  if (i >= span.end || !toks[i].is(kWord) || art.at[i] >= 0) return kNoToken;
  const auto& bn = art.id.body_nouns;
  return std::find(bn.begin(), bn.end(), toks[i].id) != bn.end() ? toks[i].id : kNoToken;
}

int SentenceState::opening_setting(std::uint32_t* comma) const {
  const auto& toks = art.a.toks;
  if (ms.empty() || span.end < span.begin + 3 || toks[span.begin].id != art.id.in ||
      ms.front().begin != span.begin + 1)
    return -1;
  const Mention& place = ms.front();
  if (!(place.kind == MentionKind::capital || place.kind == MentionKind::country) || place.country < 0) return -1;
  // (a date may follow the place before the comma: "In Moscow on Monday,")
  std::uint32_t c = place.end;
  while (c < span.end && c < place.end + 4 && !art.is_punct(c, ',')) ++c;
  if (c >= span.end || !art.is_punct(c, ',')) return -1;
  if (comma) *comma = c;
  return place.country;
}

const LeaderHit* SentenceState::hit_at(std::uint32_t b) const {
  for (const LeaderHit& h : hits)
    if (h.begin == b) return &h;
  return nullptr;
}

// True if mention m opens a prepositional phrase ("with the Polish
// prime minister", "in Kenya"): a preposition before it, determiners
// between. Such a mention is no subject.
bool in_prepositional_phrase(const std::vector<Tok>& toks, const SentenceSpan& span, const Mention& m) {
  std::uint32_t k = m.begin;
  while (k > span.begin && (toks[k - 1].cls & kDet)) --k;
  return k > span.begin && (toks[k - 1].cls & kPrep);
}

}  // namespace dipgraph::ingest::detail
