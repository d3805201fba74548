// Parties a place gives (coder.hpp, place_parties).
#include "ingest/code/coder.hpp"
#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::is_rel;

void Coder::place_parties(const Ctx& c, int w, const Frame& f, CodedEvent& e, std::string& why, bool& placed) const {
  const Tree& tr = c.t;
  // "COLOMBO - India has extended $2 billion in credit": aid that
  // names no receiver, in a story from the country it is about, is
  // that country's.
  // (told by a verb: "some U.N. assistance" names no act of giving)
  if (e.target.empty() && !e.source.empty() && !f.noun && f.cameo.rfind("07", 0) == 0 && c.in.home_named_most &&
      c.home_mention >= 0 && !c.among(-c.home_mention - 1, e.source)) {
    e.target.push_back(-c.home_mention - 1);
    why += "target=home ";
  }
  // "X, who arrived late on Tuesday, met ...": an arrival that names
  // no place ("arrived", "flew in", "landed"), in a story datelined in
  // another state, is there.
  auto arrival = [&]() {
    if (tr.lemma(w) == "arrive" || tr.lemma(w) == "land") return true;
    // ("days before a visit by X": a visit noun naming no place, in a
    // sentence that names no city or capital of another state)
    if (f.noun) {
      if (tr.lemma(w) != "visit" || tr.child(w, "nmod") < 0 || tr.marker(tr.child(w, "nmod")) != "by") return false;
      for (std::uint32_t i = c.in.first_tok; i < c.in.end_tok; ++i)
        if (const int mi = c.rec.mention_at[i]; mi >= 0) {
          const Mention& m = c.rec.mentions[mi];
          if ((m.kind == MentionKind::city || m.kind == MentionKind::capital) && m.country != c.rec.dateline_country)
            return false;
        }
      return true;
    }
    const int prt = tr.child(w, "compound:prt");
    return tr.lemma(w) == "fly" && prt >= 0 && tr.lemma(prt) == "in";
  };
  if (e.target.empty() && !e.source.empty() && f.cameo == "042" && arrival() &&
      c.home_mention >= 0 && c.rec.dateline_country >= 0 &&
      c.rec.mentions[c.home_mention].country == c.rec.dateline_country &&
      !c.among(-c.home_mention - 1, e.source)) {
    e.target.push_back(-c.home_mention - 1);
    why += "target=dateline ";
  }
  // ... and so is a ban told in the passive without its maker ("imports
  // of X beef, which were banned in 2003").
  if (e.source.empty() && !f.noun && (f.cameo == "173" || f.cameo == "174" || (f.cameo == "163" && tr.passive(w))))
    authority_of_place(c, w, e.source, why);
  // ... and people who protest with no country named are of the place
  // they protest in ("hundreds protested in Manila against X"; "marched
  // in Athens to protest": the place of the verb the purpose is of).
  if (e.source.empty() && !f.noun && f.cameo.rfind("14", 0) == 0) {
    std::string ignored;
    const int sj = subject_of(c, w, ignored);
    int mi = place_in(c, w);
    if (mi < 0 && tr.base(w) == "advcl" && tr.head(w) >= 0) mi = place_in(c, tr.head(w));
    // ("protested outside the French embassy in Bamako": the place of
    // the mission protested at)
    for (const int* k = tr.kids_begin(w); k != tr.kids_end(w) && mi < 0; ++k)
      if (tr.base(*k) == "obl" && is_rel(tr.marker(*k), {"outside", "at", "near", "in front of"}))
        for (const int* j = tr.kids_begin(*k); j != tr.kids_end(*k) && mi < 0; ++j)
          if (tr.base(*j) == "nmod" && tr.marker(*j) == "in")
            if (const int pm = c.mention(*j); pm >= 0 && c.rec.mentions[pm].country >= 0 &&
                                              c.rec.mentions[pm].kind != MentionKind::org)
              mi = pm;
    if (sj >= 0 && c.mention(sj) < 0 && mi >= 0) {
      e.source.push_back(-mi - 1);
      why += "source=place of the protest ";
    }
  }
  // ... and so is a noun of arrest or deportation "in" a place
  if (e.source.empty() && f.noun && (f.cameo == "173" || f.cameo == "174"))
    if (const int p = place_of_noun(c, w); p >= 0) {
      e.source.push_back(p);
      placed = true;
      why += "source=place ";
    }
}

}  // namespace dipgraph::ingest
