// The CAMEO event codebook compiled in: every 2-, 3- and 4-digit code of CAMEO 1.1b3 with a
// short name of our own wording, the dipgraph fact type it maps to, and the Goldstein scale
// value of the code. Codes and Goldstein values are public facts of the CAMEO codebook and the
// Goldstein conflict-cooperation scale (the values GDELT publishes for CAMEO); the names are
// written for dipgraph.
//
// Fact types follow DESIGN.md: statement 01, appeal 02, intent 03, meeting 04 (visit for 042
// and 043, negotiation for 046), cooperation 05 (praise for 051, agreement for 057), project 06,
// aid 07, yield 08, investigate 09, demand 10, criticism 11, reject 12, threat 13, protest 14,
// force_posture 15, reduce_relations 16 (sanction for 163, expel for 166 and its children),
// coerce 17, assault 18, fight 19, mass_violence 20.
//
// The codes added in CAMEO 1.1b3 (155 cyber forces, 176 cyber attack, 1834 location bombing,
// 1951/1952 aerial munitions) have no Goldstein value of their own; they carry the value of
// their parent (155, 1834, 1951, 1952) or of their root (176).
//
// The table is sorted by code (string order) so find_cameo can binary-search it; a
// static_assert below refuses to compile an unsorted, duplicated or malformed table.
#include "graph/cameo.hpp"

#include <algorithm>
#include <iterator>

namespace dipgraph {
namespace {

constexpr CameoCode kTable[] = {
    {"01", "Make a public statement", "statement", 0.0},
    {"010", "Make a statement, other", "statement", 0.0},
    {"011", "Decline to comment", "statement", -0.1},
    {"012", "Make a pessimistic comment", "statement", -0.4},
    {"013", "Make an optimistic comment", "statement", 0.4},
    {"014", "Consider a policy option", "statement", 0.0},
    {"015", "Acknowledge or claim responsibility", "statement", 0.0},
    {"016", "Deny responsibility", "statement", -2.0},
    {"017", "Engage in a symbolic act", "statement", 0.0},
    {"018", "Make an empathetic comment", "statement", 3.4},
    {"019", "Express accord", "statement", 3.4},
    {"02", "Appeal", "appeal", 3.0},
    {"020", "Make an appeal or request, other", "appeal", 3.0},
    {"021", "Appeal for material cooperation", "appeal", 3.4},
    {"0211", "Appeal for economic cooperation", "appeal", 3.4},
    {"0212", "Appeal for military cooperation", "appeal", 3.4},
    {"0213", "Appeal for judicial cooperation", "appeal", 3.4},
    {"0214", "Appeal for intelligence sharing", "appeal", 3.4},
    {"022", "Appeal for diplomatic cooperation or policy support", "appeal", 3.2},
    {"023", "Appeal for aid", "appeal", 3.4},
    {"0231", "Appeal for economic aid", "appeal", 3.4},
    {"0232", "Appeal for military aid", "appeal", 3.4},
    {"0233", "Appeal for humanitarian aid", "appeal", 3.4},
    {"0234", "Appeal for military protection or peacekeeping", "appeal", 3.4},
    {"024", "Appeal for political reform", "appeal", -0.3},
    {"0241", "Appeal for a change of leadership", "appeal", -0.3},
    {"0242", "Appeal for a policy change", "appeal", -0.3},
    {"0243", "Appeal for rights", "appeal", -0.3},
    {"0244", "Appeal for a change of institutions or regime", "appeal", -0.3},
    {"025", "Appeal to yield", "appeal", -0.3},
    {"0251", "Appeal to ease administrative sanctions", "appeal", -0.3},
    {"0252", "Appeal to ease popular dissent", "appeal", -0.3},
    {"0253", "Appeal to release persons or property", "appeal", -0.3},
    {"0254", "Appeal to ease economic sanctions, boycott or embargo", "appeal", -0.3},
    {"0255", "Appeal to allow international involvement", "appeal", -0.3},
    {"0256", "Appeal to de-escalate military engagement", "appeal", -0.3},
    {"026", "Appeal to others to meet or negotiate", "appeal", 4.0},
    {"027", "Appeal to others to settle a dispute", "appeal", 4.0},
    {"028", "Appeal to others to accept mediation", "appeal", 4.0},
    {"03", "Express intent to cooperate", "intent", 4.0},
    {"030", "Express intent to cooperate, other", "intent", 4.0},
    {"031", "Express intent to cooperate materially", "intent", 5.2},
    {"0311", "Express intent to cooperate economically", "intent", 5.2},
    {"0312", "Express intent to cooperate militarily", "intent", 5.2},
    {"0313", "Express intent to cooperate on judicial matters", "intent", 5.2},
    {"0314", "Express intent to share intelligence", "intent", 5.2},
    {"032", "Express intent to give diplomatic support", "intent", 4.5},
    {"033", "Express intent to provide material aid", "intent", 5.2},
    {"0331", "Express intent to provide economic aid", "intent", 5.2},
    {"0332", "Express intent to provide military aid", "intent", 5.2},
    {"0333", "Express intent to provide humanitarian aid", "intent", 5.2},
    {"0334", "Express intent to provide military protection or peacekeeping", "intent", 6.0},
    {"034", "Express intent to make political reform", "intent", 7.0},
    {"0341", "Express intent to change leadership", "intent", 7.0},
    {"0342", "Express intent to change policy", "intent", 7.0},
    {"0343", "Express intent to grant rights", "intent", 7.0},
    {"0344", "Express intent to change institutions or regime", "intent", 7.0},
    {"035", "Express intent to yield", "intent", 7.0},
    {"0351", "Express intent to ease administrative sanctions", "intent", 7.0},
    {"0352", "Express intent to ease popular dissent", "intent", 7.0},
    {"0353", "Express intent to release persons or property", "intent", 7.0},
    {"0354", "Express intent to ease economic sanctions, boycott or embargo", "intent", 7.0},
    {"0355", "Express intent to allow international involvement", "intent", 7.0},
    {"0356", "Express intent to de-escalate military engagement", "intent", 7.0},
    {"036", "Express intent to meet or negotiate", "intent", 4.0},
    {"037", "Express intent to settle a dispute", "intent", 5.0},
    {"038", "Express intent to accept mediation", "intent", 7.0},
    {"039", "Express intent to mediate", "intent", 5.0},
    {"04", "Consult", "meeting", 1.0},
    {"040", "Consult, other", "meeting", 1.0},
    {"041", "Discuss by telephone", "meeting", 1.0},
    {"042", "Make a visit", "visit", 1.9},
    {"043", "Host a visit", "visit", 2.8},
    {"044", "Meet at a third location", "meeting", 2.5},
    {"045", "Mediate", "meeting", 5.0},
    {"046", "Negotiate", "negotiation", 7.0},
    {"05", "Engage in diplomatic cooperation", "cooperation", 3.5},
    {"050", "Engage in diplomatic cooperation, other", "cooperation", 3.5},
    {"051", "Praise or endorse", "praise", 3.4},
    {"052", "Defend verbally", "cooperation", 3.5},
    {"053", "Rally support on behalf of", "cooperation", 3.8},
    {"054", "Grant diplomatic recognition", "cooperation", 6.0},
    {"055", "Apologize", "cooperation", 7.0},
    {"056", "Forgive", "cooperation", 7.0},
    {"057", "Sign a formal agreement", "agreement", 8.0},
    {"06", "Engage in material cooperation", "project", 6.0},
    {"060", "Engage in material cooperation, other", "project", 6.0},
    {"061", "Cooperate economically", "project", 6.4},
    {"062", "Cooperate militarily", "project", 7.4},
    {"063", "Cooperate on judicial matters", "project", 7.4},
    {"064", "Share intelligence or information", "project", 7.0},
    {"07", "Provide aid", "aid", 7.0},
    {"070", "Provide aid, other", "aid", 7.0},
    {"071", "Provide economic aid", "aid", 7.4},
    {"072", "Provide military aid", "aid", 8.3},
    {"073", "Provide humanitarian aid", "aid", 7.4},
    {"074", "Provide military protection or peacekeeping", "aid", 8.5},
    {"075", "Grant asylum", "aid", 7.0},
    {"08", "Yield", "yield", 5.0},
    {"080", "Yield, other", "yield", 5.0},
    {"081", "Ease administrative sanctions", "yield", 5.0},
    {"0811", "Ease restrictions on political freedoms", "yield", 5.0},
    {"0812", "Lift a ban on political parties or politicians", "yield", 5.0},
    {"0813", "Ease a curfew", "yield", 5.0},
    {"0814", "Ease a state of emergency or martial law", "yield", 5.0},
    {"082", "Ease political dissent", "yield", 5.0},
    {"083", "Accede to demands for political reform", "yield", 5.0},
    {"0831", "Accede to demands for a change of leadership", "yield", 5.0},
    {"0832", "Accede to demands for a policy change", "yield", 5.0},
    {"0833", "Accede to demands for rights", "yield", 5.0},
    {"0834", "Accede to demands for a change of institutions or regime", "yield", 5.0},
    {"084", "Return or release", "yield", 7.0},
    {"0841", "Return or release persons", "yield", 7.0},
    {"0842", "Return or release property", "yield", 7.0},
    {"085", "Ease economic sanctions, boycott or embargo", "yield", 7.0},
    {"086", "Allow international involvement", "yield", 9.0},
    {"0861", "Receive peacekeepers", "yield", 9.0},
    {"0862", "Receive inspectors", "yield", 9.0},
    {"0863", "Allow delivery of humanitarian aid", "yield", 9.0},
    {"087", "De-escalate military engagement", "yield", 9.0},
    {"0871", "Declare a truce or ceasefire", "yield", 9.0},
    {"0872", "Ease a military blockade", "yield", 9.0},
    {"0873", "Demobilize armed forces", "yield", 9.0},
    {"0874", "Retreat or surrender militarily", "yield", 10.0},
    {"09", "Investigate", "investigate", -2.0},
    {"090", "Investigate, other", "investigate", -2.0},
    {"091", "Investigate crime or corruption", "investigate", -2.0},
    {"092", "Investigate human rights abuses", "investigate", -2.0},
    {"093", "Investigate military action", "investigate", -2.0},
    {"094", "Investigate war crimes", "investigate", -2.0},
    {"10", "Demand", "demand", -5.0},
    {"100", "Demand, other", "demand", -5.0},
    {"101", "Demand material cooperation", "demand", -5.0},
    {"1011", "Demand economic cooperation", "demand", -5.0},
    {"1012", "Demand military cooperation", "demand", -5.0},
    {"1013", "Demand judicial cooperation", "demand", -5.0},
    {"1014", "Demand intelligence sharing", "demand", -5.0},
    {"102", "Demand diplomatic cooperation or policy support", "demand", -5.0},
    {"103", "Demand material aid", "demand", -5.0},
    {"1031", "Demand economic aid", "demand", -5.0},
    {"1032", "Demand military aid", "demand", -5.0},
    {"1033", "Demand humanitarian aid", "demand", -5.0},
    {"1034", "Demand military protection or peacekeeping", "demand", -5.0},
    {"104", "Demand political reform", "demand", -5.0},
    {"1041", "Demand a change of leadership", "demand", -5.0},
    {"1042", "Demand a policy change", "demand", -5.0},
    {"1043", "Demand rights", "demand", -5.0},
    {"1044", "Demand a change of institutions or regime", "demand", -5.0},
    {"105", "Demand that the target yield", "demand", -5.0},
    {"1051", "Demand easing of administrative sanctions", "demand", -5.0},
    {"1052", "Demand easing of political dissent", "demand", -5.0},
    {"1053", "Demand release of persons or property", "demand", -5.0},
    {"1054", "Demand easing of economic sanctions, boycott or embargo", "demand", -5.0},
    {"1055", "Demand that the target allow international involvement", "demand", -5.0},
    {"1056", "Demand de-escalation of military engagement", "demand", -5.0},
    {"106", "Demand a meeting or negotiation", "demand", -5.0},
    {"107", "Demand settlement of a dispute", "demand", -5.0},
    {"108", "Demand mediation", "demand", -5.0},
    {"11", "Disapprove", "criticism", -2.0},
    {"110", "Disapprove, other", "criticism", -2.0},
    {"111", "Criticize or denounce", "criticism", -2.0},
    {"112", "Accuse", "criticism", -2.0},
    {"1121", "Accuse of crime or corruption", "criticism", -2.0},
    {"1122", "Accuse of human rights abuses", "criticism", -2.0},
    {"1123", "Accuse of aggression", "criticism", -2.0},
    {"1124", "Accuse of war crimes", "criticism", -2.0},
    {"1125", "Accuse of espionage or treason", "criticism", -2.0},
    {"113", "Rally opposition against", "criticism", -2.0},
    {"114", "Complain officially", "criticism", -2.0},
    {"115", "Bring a lawsuit against", "criticism", -2.0},
    {"116", "Find guilty or liable", "criticism", -2.0},
    {"12", "Reject", "reject", -4.0},
    {"120", "Reject, other", "reject", -4.0},
    {"121", "Reject material cooperation", "reject", -4.0},
    {"1211", "Reject economic cooperation", "reject", -4.0},
    {"1212", "Reject military cooperation", "reject", -4.0},
    {"122", "Reject a request for material aid", "reject", -4.0},
    {"1221", "Reject a request for economic aid", "reject", -4.0},
    {"1222", "Reject a request for military aid", "reject", -4.0},
    {"1223", "Reject a request for humanitarian aid", "reject", -4.0},
    {"1224", "Reject a request for military protection or peacekeeping", "reject", -4.0},
    {"123", "Reject a demand for political reform", "reject", -4.0},
    {"1231", "Reject a demand for a change of leadership", "reject", -4.0},
    {"1232", "Reject a demand for a policy change", "reject", -4.0},
    {"1233", "Reject a demand for rights", "reject", -4.0},
    {"1234", "Reject a demand for a change of institutions or regime", "reject", -4.0},
    {"124", "Refuse to yield", "reject", -4.0},
    {"1241", "Refuse to ease administrative sanctions", "reject", -4.0},
    {"1242", "Refuse to ease popular dissent", "reject", -4.0},
    {"1243", "Refuse to release persons or property", "reject", -4.0},
    {"1244", "Refuse to ease economic sanctions, boycott or embargo", "reject", -4.0},
    {"1245", "Refuse to allow international involvement", "reject", -4.0},
    {"1246", "Refuse to de-escalate military engagement", "reject", -4.0},
    {"125", "Reject a proposal to meet or negotiate", "reject", -5.0},
    {"126", "Reject mediation", "reject", -5.0},
    {"127", "Reject a plan or agreement to settle a dispute", "reject", -5.0},
    {"128", "Defy norms or law", "reject", -5.0},
    {"129", "Veto", "reject", -5.0},
    {"13", "Threaten", "threat", -6.0},
    {"130", "Threaten, other", "threat", -4.4},
    {"131", "Threaten non-force measures", "threat", -5.8},
    {"1311", "Threaten to reduce or stop aid", "threat", -5.8},
    {"1312", "Threaten sanctions, boycott or embargo", "threat", -5.8},
    {"1313", "Threaten to reduce or break relations", "threat", -5.8},
    {"132", "Threaten administrative sanctions", "threat", -5.8},
    {"1321", "Threaten restrictions on political freedoms", "threat", -5.8},
    {"1322", "Threaten to ban political parties or politicians", "threat", -5.8},
    {"1323", "Threaten a curfew", "threat", -5.8},
    {"1324", "Threaten a state of emergency or martial law", "threat", -5.8},
    {"133", "Threaten political dissent or protest", "threat", -5.8},
    {"134", "Threaten to halt negotiations", "threat", -5.8},
    {"135", "Threaten to halt mediation", "threat", -5.8},
    {"136", "Threaten to halt international involvement", "threat", -7.0},
    {"137", "Threaten repression", "threat", -7.0},
    {"138", "Threaten military force", "threat", -7.0},
    {"1381", "Threaten a blockade", "threat", -7.0},
    {"1382", "Threaten occupation", "threat", -7.0},
    {"1383", "Threaten unconventional violence", "threat", -7.0},
    {"1384", "Threaten a conventional attack", "threat", -7.0},
    {"1385", "Threaten an attack with weapons of mass destruction", "threat", -7.0},
    {"139", "Give an ultimatum", "threat", -7.0},
    {"14", "Protest", "protest", -6.5},
    {"140", "Engage in political dissent, other", "protest", -6.5},
    {"141", "Demonstrate or rally", "protest", -6.5},
    {"1411", "Demonstrate for a change of leadership", "protest", -6.5},
    {"1412", "Demonstrate for a policy change", "protest", -6.5},
    {"1413", "Demonstrate for rights", "protest", -6.5},
    {"1414", "Demonstrate for a change of institutions or regime", "protest", -6.5},
    {"142", "Hold a hunger strike", "protest", -6.5},
    {"1421", "Hunger strike for a change of leadership", "protest", -6.5},
    {"1422", "Hunger strike for a policy change", "protest", -6.5},
    {"1423", "Hunger strike for rights", "protest", -6.5},
    {"1424", "Hunger strike for a change of institutions or regime", "protest", -6.5},
    {"143", "Strike or boycott", "protest", -6.5},
    {"1431", "Strike or boycott for a change of leadership", "protest", -6.5},
    {"1432", "Strike or boycott for a policy change", "protest", -6.5},
    {"1433", "Strike or boycott for rights", "protest", -6.5},
    {"1434", "Strike or boycott for a change of institutions or regime", "protest", -6.5},
    {"144", "Obstruct passage or blockade", "protest", -7.5},
    {"1441", "Obstruct passage for a change of leadership", "protest", -7.5},
    {"1442", "Obstruct passage for a policy change", "protest", -7.5},
    {"1443", "Obstruct passage for rights", "protest", -7.5},
    {"1444", "Obstruct passage for a change of institutions or regime", "protest", -7.5},
    {"145", "Protest violently or riot", "protest", -7.5},
    {"1451", "Riot for a change of leadership", "protest", -7.5},
    {"1452", "Riot for a policy change", "protest", -7.5},
    {"1453", "Riot for rights", "protest", -7.5},
    {"1454", "Riot for a change of institutions or regime", "protest", -7.5},
    {"15", "Exhibit force posture", "force_posture", -7.2},
    {"150", "Show military or police power, other", "force_posture", -7.2},
    {"151", "Raise police alert status", "force_posture", -7.2},
    {"152", "Raise military alert status", "force_posture", -7.2},
    {"153", "Mobilize or increase police power", "force_posture", -7.2},
    {"154", "Mobilize or increase armed forces", "force_posture", -7.2},
    {"155", "Mobilize or increase cyber forces", "force_posture", -7.2},
    {"16", "Reduce relations", "reduce_relations", -4.0},
    {"160", "Reduce relations, other", "reduce_relations", -4.0},
    {"161", "Reduce or break diplomatic relations", "reduce_relations", -4.0},
    {"162", "Reduce or stop material aid", "reduce_relations", -5.6},
    {"1621", "Reduce or stop economic assistance", "reduce_relations", -5.6},
    {"1622", "Reduce or stop military assistance", "reduce_relations", -5.6},
    {"1623", "Reduce or stop humanitarian assistance", "reduce_relations", -5.6},
    {"163", "Impose an embargo, boycott or sanctions", "sanction", -8.0},
    {"164", "Halt negotiations", "reduce_relations", -7.0},
    {"165", "Halt mediation", "reduce_relations", -6.5},
    {"166", "Expel or withdraw", "expel", -7.0},
    {"1661", "Expel or withdraw peacekeepers", "expel", -7.0},
    {"1662", "Expel or withdraw inspectors or observers", "expel", -7.0},
    {"1663", "Expel or withdraw aid agencies", "expel", -7.0},
    {"17", "Coerce", "coerce", -7.0},
    {"170", "Coerce, other", "coerce", -7.0},
    {"171", "Seize or damage property", "coerce", -9.2},
    {"1711", "Confiscate property", "coerce", -9.2},
    {"1712", "Destroy property", "coerce", -9.2},
    {"172", "Impose administrative sanctions", "coerce", -5.0},
    {"1721", "Restrict political freedoms", "coerce", -5.0},
    {"1722", "Ban political parties or politicians", "coerce", -5.0},
    {"1723", "Impose a curfew", "coerce", -5.0},
    {"1724", "Impose a state of emergency or martial law", "coerce", -5.0},
    {"173", "Arrest, detain or charge", "coerce", -5.0},
    {"174", "Expel or deport individuals", "coerce", -5.0},
    {"175", "Use violent repression", "coerce", -9.0},
    {"176", "Carry out a cyber attack", "coerce", -7.0},
    {"18", "Assault", "assault", -9.0},
    {"180", "Use unconventional violence, other", "assault", -9.0},
    {"181", "Abduct, hijack or take hostages", "assault", -9.0},
    {"182", "Physically assault", "assault", -9.5},
    {"1821", "Sexually assault", "assault", -9.0},
    {"1822", "Torture", "assault", -9.0},
    {"1823", "Kill by physical assault", "assault", -10.0},
    {"183", "Carry out a non-military bombing", "assault", -10.0},
    {"1831", "Carry out a suicide bombing", "assault", -10.0},
    {"1832", "Carry out a vehicle bombing", "assault", -10.0},
    {"1833", "Carry out a roadside bombing", "assault", -10.0},
    {"1834", "Carry out a location bombing", "assault", -10.0},
    {"184", "Use human shields", "assault", -8.0},
    {"185", "Attempt an assassination", "assault", -8.0},
    {"186", "Assassinate", "assault", -10.0},
    {"19", "Fight", "fight", -10.0},
    {"190", "Use conventional military force, other", "fight", -10.0},
    {"191", "Impose a blockade or restrict movement", "fight", -9.5},
    {"192", "Occupy territory", "fight", -9.5},
    {"193", "Fight with small arms and light weapons", "fight", -10.0},
    {"194", "Fight with artillery and tanks", "fight", -10.0},
    {"195", "Carry out air strikes", "fight", -10.0},
    {"1951", "Use precision-guided aerial munitions", "fight", -10.0},
    {"1952", "Use remotely piloted aerial munitions", "fight", -10.0},
    {"196", "Violate a ceasefire", "fight", -9.5},
    {"20", "Use unconventional mass violence", "mass_violence", -10.0},
    {"200", "Use mass violence, other", "mass_violence", -10.0},
    {"201", "Carry out mass expulsions", "mass_violence", -9.5},
    {"202", "Carry out mass killings", "mass_violence", -10.0},
    {"203", "Carry out ethnic cleansing", "mass_violence", -10.0},
    {"204", "Use weapons of mass destruction", "mass_violence", -10.0},
    {"2041", "Use chemical, biological or radiological weapons", "mass_violence", -10.0},
    {"2042", "Detonate a nuclear weapon", "mass_violence", -10.0},
};

// True if every code is 2 to 4 digits with a valid root (01..20), codes are strictly
// increasing, every 3- and 4-digit code has its parent in the table, and every Goldstein
// value lies in [-10, 10].
constexpr bool table_is_well_formed() {
  constexpr std::size_t n = std::size(kTable);
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view c = kTable[i].code;
    if (c.size() < 2 || c.size() > 4) return false;
    for (char ch : c)
      if (ch < '0' || ch > '9') return false;
    int root = (c[0] - '0') * 10 + (c[1] - '0');
    if (root < 1 || root > 20) return false;
    if (kTable[i].goldstein < -10.0 || kTable[i].goldstein > 10.0) return false;
    if (kTable[i].name.empty() || kTable[i].type.empty()) return false;
    if (i > 0 && !(kTable[i - 1].code < c)) return false;
    if (c.size() > 2) {
      std::string_view parent = c.substr(0, c.size() - 1);
      bool found = false;
      for (std::size_t j = 0; j < i; ++j)
        if (kTable[j].code == parent) found = true;
      if (!found) return false;
    }
  }
  return true;
}
static_assert(table_is_well_formed(), "CAMEO table must be sorted, unique and well formed");

}  // namespace

const std::vector<CameoCode>& cameo_codes() {
  static const std::vector<CameoCode> kCodes(std::begin(kTable), std::end(kTable));
  return kCodes;
}

const CameoCode* find_cameo(std::string_view code) {
  const auto& codes = cameo_codes();
  auto it = std::lower_bound(codes.begin(), codes.end(), code,
                             [](const CameoCode& c, std::string_view k) { return c.code < k; });
  return it != codes.end() && it->code == code ? &*it : nullptr;
}

std::string_view cameo_root(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9')
    return {};
  return code.substr(0, 2);
}

int quad_class_of(std::string_view code) {
  auto root = cameo_root(code);
  if (root.empty()) return 0;
  int r = (root[0] - '0') * 10 + (root[1] - '0');
  if (r >= 1 && r <= 5) return 1;
  if (r >= 6 && r <= 8) return 2;
  if (r >= 9 && r <= 13) return 3;
  if (r >= 14 && r <= 20) return 4;
  return 0;
}

}  // namespace dipgraph

namespace dipgraph {

const std::vector<std::string>& fact_types() {
  static const std::vector<std::string> types = [] {
    std::vector<std::string> out = {"summit", "membership", "accession", "join"};
    for (const CameoCode& c : cameo_codes()) out.emplace_back(c.type);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return types;
}

}  // namespace dipgraph
