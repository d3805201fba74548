// The fixed English function words the recognizer looks for by id
// (prepositions, determiners, auxiliaries, calendar and number words, role
// nouns ...), with their word classes (dictionary.hpp, Dictionary::finish).
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/recognize/dictionary.hpp"

namespace dipgraph::ingest {

namespace {

struct GrammarWords {
  std::uint16_t cls;
  const char* words;
};

// Fixed English function words. Domain words (triggers, cues) live in data/.
const GrammarWords kGrammar[] = {
    {kPrep, "in at on to with from for by of against between among amongst about over into onto "
            "toward towards near during under within without across upon via through including "
            "like alongside behind beyond inside outside throughout"},
    {kLocative, "in at near outside inside"},
    {kDet, "the a an its his her their this that these those some any both each every all our "
           "your my whose another other such several many most"},
    {kBe, "is are was were be been being am"},
    {kAux, "will would shall should can could may might must has have had do does did"},
    {kSubord, "that which who whom whose when where while after before because although though "
              "if unless until since whereas whether once as"},
    {kConj, "and or nor but"},
    {kPronoun, "he she him his her himself herself"},
    {kPronounPl, "they them their themselves"},
    {kPronoun, "it its"},
    {kNegation, "not never no"},
    {kModifier, "senior top former retired onetime erstwhile deposed new old visiting acting outgoing incoming then late deputy "
                "chief key leading main fellow rival neighbouring neighboring powerful influential "
                "veteran current interim ousted exiled embattled jailed detained slain elected "
                "high-ranking ranking junior local regional national federal provincial state "
                "military civilian ethnic radical moderate hardline mainstream opposition ruling "
                "government governing pro-government separatist rebel armed islamist muslim "
                "christian jewish hindu sunni shiite shia catholic protestant orthodox communist "
                "socialist conservative liberal democratic republican nationalist tribal "
                "northern southern eastern western central largest biggest major minor"},
    {kReport, "said says say told tells reported reports according stated states added adds "
              "noted notes quoted"},
    {kCalendar, "january february march april may june july august september october november "
                "december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday "
                "wednesday thursday friday saturday sunday today yesterday tomorrow tonight "
                "weekend last next this coming past previous ago later earlier early late mid week "
                "weeks month months year years day days"},
    {kNumberWord, "one two three four five six seven eight nine ten eleven twelve dozen dozens "
                  "hundred hundreds thousand thousands million millions several some"},
    {kRoleNoun, "official officials minister ministers spokesman spokeswoman spokesperson leader "
                "leaders delegation delegations envoy envoys diplomat diplomats ambassador "
                "ambassadors president presidents prime premier premiers counterpart counterparts side sides "
                "government governments authorities authority administration negotiator "
                "negotiators representative representatives officer officers forces troops "
                "soldiers police army military navy army's militants rebels guerrillas "
                "insurgents fighters demonstrators protesters protestors activists students "
                "workers people civilians team party parties country countries nation nations "
                "state states regime leadership parliament lawmakers neighbours neighbors "
                "delegates kingdom republic"},
    {kParticle, "de da di du del della dos das van von der den ter bin ibn al el abu le la"},
    // Words the recognizer and extractor look for by id (group nouns before
    // "of", geographic nouns after a country name, "despite", "Latin").
    {kRoleNoun, "inhabitants residents citizens members member supporters nationals groups group"},
    {kPrep, "despite"},
    {0, "also well police"},
    // Nouns for a visiting group ("the delegation", "the visitors").
    {0, "visitors mission"},
    // Diplomatic missions ("the embassy").
    {0, "embassy consulate"},
    // A state's bodies ("the parliament"), besides those of kRoleNoun.
    {0, "cabinet legislature ministry"},
    {0, "presidents"},
    {0, "latin sea ocean gulf strait straits river lake bay peninsula basin channel canal desert "
        "highlands plateau"},
    // Bodies and treaties named after a city ("the Minsk Group", "the Oslo Accords").
    {0, "accord accords agreement agreements protocol process convention declaration format club consensus "
        "treaty charter principles"},
};

}  // namespace

void Dictionary::add_grammar() {
  std::vector<std::pair<TokenId, std::uint16_t>> marks;
  for (const auto& g : kGrammar) {
    std::string_view all(g.words);
    while (!all.empty()) {
      const std::size_t e = all.find(' ');
      const std::string_view w = all.substr(0, e);
      if (!w.empty()) marks.emplace_back(vocab_.intern(w), g.cls);
      if (e == std::string_view::npos) break;
      all.remove_prefix(e + 1);
    }
  }
  classes_.assign(vocab_.size(), 0);
  for (auto [id, cls] : marks) classes_[id] |= cls;
}

}  // namespace dipgraph::ingest
