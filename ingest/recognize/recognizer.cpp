// Mentions, people and dates of a Document (recognizer.hpp).
//
// Order of work, per article: lex every sentence; match dictionary phrases
// (longest, then earliest); then, sentence by sentence in reading order,
// build people around titles, match known names, resolve pronouns and
// descriptions against what was read before; last, give people without a
// country the dateline's country. This file is the table of contents; the
// phases are declared in recognize_detail.hpp.
#include "ingest/recognize/recognizer.hpp"

#include "ingest/recognize/recognize_detail.hpp"

namespace dipgraph::ingest {

struct Recognizer::Ids : detail::WordIds {
  using detail::WordIds::WordIds;
};

bool is_actor(const Mention& m) {
  switch (m.kind) {
    case MentionKind::country:
    case MentionKind::demonym:
    case MentionKind::capital:
    case MentionKind::metonym:
    case MentionKind::org:
    case MentionKind::person:
    case MentionKind::role:
    case MentionKind::group:
      return true;
    default:
      return false;
  }
}

Recognizer::Recognizer(std::shared_ptr<const Dictionary> dict)
    : dict_(std::move(dict)), dates_(*dict_), ids_(std::make_shared<Ids>(*dict_)) {}

Analysis Recognizer::analyze(const Document& doc) const {
  using namespace detail;
  Analysis a;
  a.article_date = parse_ymd(doc.article.date);

  // 1. Words.
  lex_sentences(doc, *dict_, a);
  const auto n = static_cast<std::uint32_t>(a.toks.size());
  ArticleState art{*dict_, *ids_, doc.text, a};
  art.year = a.article_date ? a.article_date->y : 0;

  // 2. Dictionary phrases, per sentence; the dateline's country.
  art.per_sentence.resize(a.sentences.size());
  for (std::uint32_t s = 0; s < a.sentences.size(); ++s) {
    match_dictionary(art, s);
    add_unnamed_ngos(art, s);
    settle_ethnic_demonyms(art, s);
    drop_stances(art, s);
    seats_as_organizations(art, s);
  }
  a.dateline_country = dateline_country(doc, *dict_);

  // 3. People and references, in reading order.
  a.country_counts.assign(dict_->countries().size(), 0);
  art.at.assign(n, -1);
  for (std::uint32_t s = 0; s < a.sentences.size(); ++s) {
    SentenceState sen{art, s, a.sentences[s], art.per_sentence[s]};
    sen.reindex();
    find_leader_hits(sen);
    drop_titles_in_names(sen);
    titles_to_people(sen);
    counterparts(sen);
    known_names(sen);
    untitled_leaders(sen);
    placed_speakers(sen);
    visiting_groups(sen);
    pronouns_and_descriptions(sen);
    demonym_descriptions(sen);
    remember_sentence(sen);
  }

  // 4. People without a country.
  int fallback = fallback_country(art);
  for (Person& p : a.people)
    if (p.country < 0 && p.org < 0 && !p.former) p.country = fallback;

  // 5. Flatten.
  a.mention_at.assign(n, -1);
  for (auto& ms : art.per_sentence) {
    for (Mention& m : ms) {
      if (m.kind == MentionKind::person) m.country = a.people[m.entity].country;
      auto idx = static_cast<std::int32_t>(a.mentions.size());
      for (std::uint32_t i = m.begin; i < m.end; ++i) a.mention_at[i] = idx;
      a.mentions.push_back(m);
    }
  }

  // 6. Dates.
  for (const SentenceSpan& span : a.sentences) dates_.find(doc.text, a.toks, span.begin, span.end, a.dates);
  a.date_at.assign(n, -1);
  for (std::size_t k = 0; k < a.dates.size(); ++k)
    for (std::uint32_t i = a.dates[k].begin; i < a.dates[k].end; ++i) a.date_at[i] = static_cast<int>(k);
  return a;
}

}  // namespace dipgraph::ingest
