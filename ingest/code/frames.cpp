// Loading data/frames.tsv (frames.hpp).
#include "ingest/code/frames.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

namespace dipgraph::ingest {

namespace {

// FNV-1a of the lemma's bytes, mixed so that its low bits pick a slot;
// never 0 (the mark of an empty slot).
std::uint64_t lemma_hash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h | 1;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t b = 0;
  for (;;) {
    std::size_t e = s.find(sep, b);
    out.emplace_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

bool parse_slots(const std::string& col, std::vector<Slot>& out, std::string& err) {
  if (col == "-") return true;
  for (const std::string& alt : split(col, '|')) {
    Slot s;
    if (alt == "subj") s.kind = SlotKind::subj;
    else if (alt == "obj") s.kind = SlotKind::obj;
    else if (alt == "iobj") s.kind = SlotKind::iobj;
    else if (alt == "poss" || alt == "mod") s.kind = SlotKind::poss;
    else if (alt == "between") s.kind = SlotKind::between;
    else if (alt == "comp") s.kind = SlotKind::comp;
    else if (alt.rfind("p:", 0) == 0 && alt.size() > 2) s.kind = SlotKind::prep, s.word = alt.substr(2);
    else {
      err = fmt::format("unknown slot '{}'", alt);
      return false;
    }
    out.push_back(std::move(s));
  }
  return true;
}

}  // namespace

FrameTable FrameTable::load(const std::string& path, Diagnostics& diag) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot open the trigger classes", path));
  FrameTable t;
  std::string name = path.substr(path.find_last_of('/') + 1);
  std::string line;
  std::size_t n = 0;
  bool header = false;
  std::vector<std::pair<std::size_t, std::string>> pending_when;  // frame index, column
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](const std::string& why) { diag.error(Place{name, n}, why); };
    std::vector<std::string> col = split(line, '\t');
    if (line[0] == '@') {
      if (col.size() != 2) {
        bad("a word class needs two columns: @NAME and its lemmas");
        continue;
      }
      if (std::find(t.class_names_.begin(), t.class_names_.end(), col[0].substr(1)) != t.class_names_.end()) {
        bad(fmt::format("word class {} is defined twice (the first one counts)", col[0]));
        continue;
      }
      t.class_names_.push_back(col[0].substr(1));
      std::vector<std::string> words;
      std::istringstream ws(col[1]);
      for (std::string w; ws >> w;) words.push_back(w);
      std::sort(words.begin(), words.end());
      t.classes_.push_back(std::move(words));
      continue;
    }
    if (!header) {
      if (col.size() < 8 || col[0] != "lemma") throw Error(fmt::format("{}:{}: expected the header 'lemma pos type cameo source target when flags'", path, n));
      header = true;
      continue;
    }
    if (col.size() != 8) {
      bad(fmt::format("expected 8 columns, found {}", col.size()));
      continue;
    }
    Frame f;
    f.lemma = col[0];
    f.line = n;
    if (col[1] == "N") f.noun = true;
    else if (col[1] == "A") f.adjective = true;
    else if (col[1] != "V") {
      bad(fmt::format("word class '{}' is neither V, N nor A", col[1]));
      continue;
    }
    f.type = col[2];
    f.cameo = col[3];
    if (f.cameo.size() < 2 || f.cameo.size() > 4 ||
        !std::all_of(f.cameo.begin(), f.cameo.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      bad(fmt::format("CAMEO code '{}' is not 2 to 4 digits", f.cameo));
      continue;
    }
    std::string err;
    if (!parse_slots(col[4], f.source, err) || !parse_slots(col[5], f.target, err)) {
      bad(err);
      continue;
    }
    bool ok = true;
    if (col[7] != "-") {
      for (const std::string& fl : split(col[7], ',')) {
        if (fl == "sym") f.flags |= kFrameSym;
        else if (fl == "need2") f.flags |= kFrameNeed2;
        else if (fl == "say") f.flags |= kFrameSay;
        else if (fl == "charact") f.flags |= kFrameCharact;
        else if (fl == "intent") f.flags |= kFrameIntent;
        else if (fl == "plan") f.flags |= kFramePlan;
        else if (fl == "control") f.flags |= kFrameControl;
        else if (fl == "guest") f.flags |= kFrameGuest;
        else if (fl == "also") f.flags |= kFrameAlso;
        else {
          bad(fmt::format("unknown flag '{}'", fl));
          ok = false;
        }
      }
    }
    if (!ok) continue;
    pending_when.emplace_back(t.frames_.size(), col[6]);
    t.frames_.push_back(std::move(f));
  }
  if (!header) throw Error(fmt::format("{}: no header line", path));
  // Conditions, once every class is known.
  std::vector<char> drop(t.frames_.size(), 0);
  for (auto& [fi, col] : pending_when) {
    Frame& f = t.frames_[fi];
    if (col == "-") continue;
    for (std::string c : split(col, ',')) {
      Cond cond;
      if (c.size() > 1 && c[0] == '!') cond.negate = true, c.erase(0, 1);
      auto class_of = [&](const std::string& nm) {
        auto it = std::find(t.class_names_.begin(), t.class_names_.end(), nm);
        return it == t.class_names_.end() ? -1 : static_cast<int>(it - t.class_names_.begin());
      };
      if (c == "xcomp") cond.kind = CondKind::xcomp;
      else if (c == "neg") cond.kind = CondKind::neg;
      else if (c == "clause") cond.kind = CondKind::clause;
      else if (c == "must") cond.kind = CondKind::must;
      else if (c.rfind("xcomp:@", 0) == 0) cond.kind = CondKind::xcomp, cond.word_class = class_of(c.substr(7));
      else if (c.rfind("p:", 0) == 0 && c.find('@') != std::string::npos && c.find('@') > 2) {
        // p:WORD@CLASS: "to" a word of CLASS ("sent troops to the border")
        std::size_t at = c.find('@');
        cond.kind = CondKind::prep_class, cond.word = c.substr(2, at - 2), cond.word_class = class_of(c.substr(at + 1));
      } else if (c.rfind("p:", 0) == 0 && c.size() > 2) cond.kind = CondKind::prep, cond.word = c.substr(2);
      else if (c.rfind("obj:@", 0) == 0) cond.kind = CondKind::obj_class, cond.word_class = class_of(c.substr(5));
      else if (c.rfind("mod:@", 0) == 0) cond.kind = CondKind::mod_class, cond.word_class = class_of(c.substr(5));
      else if (c.rfind("subj:@", 0) == 0) cond.kind = CondKind::subj_class, cond.word_class = class_of(c.substr(6));
      else if (c.rfind("gov:@", 0) == 0) cond.kind = CondKind::gov_class, cond.word_class = class_of(c.substr(5));
      else {
        diag.error(Place{name, f.line}, fmt::format("unknown condition '{}'", c));
        drop[fi] = 1;
        break;
      }
      if ((cond.kind == CondKind::obj_class || cond.kind == CondKind::mod_class ||
           cond.kind == CondKind::prep_class || cond.kind == CondKind::subj_class ||
           cond.kind == CondKind::gov_class || (cond.kind == CondKind::xcomp && c != "xcomp")) &&
          cond.word_class < 0) {
        diag.error(Place{name, f.line}, fmt::format("unknown word class in '{}'", c));
        drop[fi] = 1;
        break;
      }
      f.when.push_back(std::move(cond));
    }
  }
  std::vector<Frame> kept;
  for (std::size_t i = 0; i < t.frames_.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(t.frames_[i]));
  t.frames_ = std::move(kept);
  Lists verbs, nouns;
  for (std::uint32_t i = 0; i < t.frames_.size(); ++i)
    (t.frames_[i].noun ? nouns : verbs)[t.frames_[i].lemma].push_back(i);
  // British spellings read as the American ones the table is written in:
  // "criticise", "apologise", "normalisation".
  for (auto* m : {&nouns, &verbs}) {
    std::vector<std::pair<std::string, std::vector<std::uint32_t>>> extra;
    for (const auto& [lemma, ids] : *m) {
      std::string_view l = lemma;
      std::size_t at = l.size() >= 6 && l.substr(l.size() - 3) == "ize" ? l.size() - 3 : l.rfind("ization");
      if (at == std::string_view::npos) continue;
      std::string uk = lemma;
      uk[at + 1] = 's';
      if (!m->count(uk)) extra.emplace_back(std::move(uk), ids);
    }
    for (auto& [uk, ids] : extra) m->emplace(std::move(uk), std::move(ids));
  }
  t.freeze(std::move(verbs), std::move(nouns));
  return t;
}

void FrameTable::freeze(Lists verbs, Lists nouns) {
  std::vector<std::string_view> all;
  for (const Lists* m : {&verbs, &nouns})
    for (const auto& [lemma, ids] : *m) all.push_back(lemma);
  for (const auto& words : classes_) all.insert(all.end(), words.begin(), words.end());
  std::size_t cap = 16;
  while (cap < all.size() * 2) cap <<= 1;
  lemmas_.assign(cap, LemmaSlot{});
  lists_.clear();
  text_.clear();
  auto slot = [&](std::string_view lemma) -> LemmaSlot& {  // found or added
    const std::uint64_t h = lemma_hash(lemma);
    for (std::size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
      LemmaSlot& sl = lemmas_[i];
      if (sl.hash == h && std::string_view(text_).substr(sl.text, sl.size) == lemma) return sl;
      if (sl.hash) continue;
      sl.hash = h;
      sl.text = static_cast<std::uint32_t>(text_.size());
      sl.size = static_cast<std::uint32_t>(lemma.size());
      text_ += lemma;
      return sl;
    }
  };
  for (auto& [lemma, ids] : verbs) {
    slot(lemma).verbs = static_cast<std::int32_t>(lists_.size());
    lists_.push_back(std::move(ids));
  }
  for (auto& [lemma, ids] : nouns) {
    slot(lemma).nouns = static_cast<std::int32_t>(lists_.size());
    lists_.push_back(std::move(ids));
  }
  for (std::size_t c = 0; c < classes_.size() && c < 128; ++c)
    for (const std::string& w : classes_[c]) slot(w).classes[c >> 6] |= std::uint64_t{1} << (c & 63);
}

const FrameTable::LemmaSlot* FrameTable::slot_of(std::string_view lemma) const {
  if (lemmas_.empty()) return nullptr;
  const std::uint64_t h = lemma_hash(lemma);
  const std::size_t mask = lemmas_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const LemmaSlot& sl = lemmas_[i];
    if (!sl.hash) return nullptr;
    if (sl.hash == h && sl.size == lemma.size() &&
        std::memcmp(text_.data() + sl.text, lemma.data(), lemma.size()) == 0)
      return &sl;
  }
}

const std::vector<std::uint32_t>* FrameTable::find(std::string_view lemma, bool noun) const {
  const LemmaSlot* sl = slot_of(lemma);
  const std::int32_t i = !sl ? -1 : noun ? sl->nouns : sl->verbs;
  return i < 0 ? nullptr : &lists_[static_cast<std::size_t>(i)];
}

bool FrameTable::in_class(int cls, std::string_view lemma) const {
  if (cls < 0 || static_cast<std::size_t>(cls) >= classes_.size()) return false;
  if (cls < 128) {
    const LemmaSlot* sl = slot_of(lemma);
    return sl && (sl->classes[cls >> 6] >> (cls & 63) & 1);
  }
  const auto& v = classes_[cls];
  return std::binary_search(v.begin(), v.end(), lemma, [](const auto& a, const auto& b) {
    return std::string_view(a) < std::string_view(b);
  });
}

int FrameTable::class_index(std::string_view name) const {
  for (std::size_t i = 0; i < class_names_.size(); ++i)
    if (class_names_[i] == name) return static_cast<int>(i);
  return -1;
}

bool FrameTable::is_trigger_lemma(std::string_view lemma, std::initializer_list<int> also) const {
  const LemmaSlot* sl = slot_of(lemma);
  if (!sl) return false;
  if (sl->verbs >= 0 || sl->nouns >= 0) return true;
  for (int c : also)
    if (c >= 0 && c < 128 && (sl->classes[c >> 6] >> (c & 63) & 1)) return true;
  return false;
}

}  // namespace dipgraph::ingest
