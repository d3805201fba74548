// make_document: the ingest stages in order (normalize, dateline and date,
// tokenize, split), as the extractor sees them.
#include "ingest/read/document.hpp"

#include <cstdint>
#include <limits>

#include "ingest/read/dateline.hpp"

namespace dipgraph::ingest {

Document make_document(Article article, const std::string& default_date, Diagnostics& diag) {
  Document doc;
  doc.text = normalize_text(article.text, article.origin, diag);
  if (doc.text.size() > std::numeric_limits<std::uint32_t>::max()) {
    diag.error(Place{article.origin}, "article too large for 32-bit offsets; skipped");
    doc.text.clear();
  }

  // The year a dateline lacks comes from the publication date when the
  // metadata has one, else from the default date.
  const bool from_metadata = article.date_source == DateSource::metadata && !article.date.empty();
  const std::string& anchor =
      from_metadata ? article.date : (!default_date.empty() ? default_date : article.date);
  Dateline dateline;
  if (find_dateline(doc.text, anchor, dateline)) {
    doc.body_start = dateline.end;
    doc.dateline_place = std::move(dateline.place);
    doc.dateline_agency = std::move(dateline.agency);
    if (!from_metadata && !dateline.date.empty()) {
      article.date = std::move(dateline.date);
      article.date_source = DateSource::dateline;
    }
  }
  if (article.date.empty() && is_iso_date(default_date)) {
    article.date = default_date;
    article.date_source = DateSource::default_date;
  }
  if (article.source.empty() && !doc.dateline_agency.empty()) article.source = doc.dateline_agency;

  doc.tokens = tokenize(doc.text);
  doc.sentences = split_sentences(doc.text, doc.tokens, doc.body_start);
  doc.article = std::move(article);
  return doc;
}

}  // namespace dipgraph::ingest
