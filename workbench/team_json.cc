// The JSON of the Team view's calls (docs/serve.md, "GET /api/team"):
// numbers as `verhaal agreement --format json` gives them, null where a
// coefficient is undefined or was not computed.
#include <cmath>

#include "workbench/json_view.h"

namespace verhaal {
namespace {

using nlohmann::json;

json Number(double value) { return std::isnan(value) ? json(nullptr) : json(value); }

json AgreementRowJson(const AgreementRow& r) {
  const bool c = r.compared;
  return {{"unit", r.unit},
          {"code", r.code},
          {"coders", r.coders},
          {"names", r.names},
          {"n", r.n},
          {"agreement", c ? Number(r.agreement) : json(nullptr)},
          {"kappa", c && r.kappa ? Number(*r.kappa) : json(nullptr)},
          {"fleiss", c ? Number(r.fleiss) : json(nullptr)},
          {"ac1", c ? Number(r.ac1) : json(nullptr)},
          {"alpha", c ? Number(r.alpha) : json(nullptr)},
          {"note", r.note}};
}

json SegmentsJson(const std::vector<DisagreementSegment>& segments) {
  json out = json::array();
  for (const auto& s : segments) {
    out.push_back({{"coder", s.coder},
                   {"code", s.code},
                   {"start", s.start},
                   {"end", s.end},
                   {"text", s.text},
                   {"origin", s.origin},
                   {"created", s.created}});
  }
  return out;
}

}  // namespace

json TeamOverviewJson(const TeamOverview& overview, const Viewer& viewer) {
  json coders = json::array();
  for (const CoderWork& c : overview.coders) {
    coders.push_back(
        {{"name", c.name}, {"kind", c.kind}, {"stories", c.stories}, {"codings", c.codings}});
  }
  json agreement = nullptr;
  if (overview.agreement) {
    agreement = json::array();
    for (const AgreementRow& r : overview.agreement->rows) agreement.push_back(AgreementRowJson(r));
  }
  return {{"lead", viewer.lead},
          {"you_lead", viewer.IsLead()},
          {"coders", coders},
          {"compared", overview.compared},
          {"unit", overview.agreement && !overview.agreement->rows.empty()
                       ? overview.agreement->rows.front().unit
                       : std::string("presence")},
          {"agreement", agreement},
          {"agreement_error", overview.agreement_error},
          {"problems", overview.agreement ? json(overview.agreement->problems) : json::array()},
          {"settled", overview.settled}};
}

json TeamDisagreementJson(const TeamDisagreement& d) {
  json settled = nullptr;
  if (d.settled) {
    settled = {{"decision", d.settled->decision},
               {"coder_a", d.settled->coder_a},
               {"coder_b", d.settled->coder_b},
               {"by", d.settled->by},
               {"at", d.settled->at}};
  }
  return {{"story", d.story_key},
          {"code", d.code},
          {"value_a", d.value_a},
          {"value_b", d.value_b},
          {"segments_a", SegmentsJson(d.segments_a)},
          {"segments_b", SegmentsJson(d.segments_b)},
          {"consensus", SegmentsJson(d.consensus)},
          {"settled", settled}};
}

json TeamDisagreementsJson(const TeamDisagreements& list, const Viewer& viewer) {
  json items = json::array();
  for (const TeamDisagreement& d : list.disagreements) items.push_back(TeamDisagreementJson(d));
  return {{"coder_a", list.coder_a},
          {"coder_b", list.coder_b},
          {"lead", viewer.lead},
          {"you_lead", viewer.IsLead()},
          {"disagreements", items}};
}

}  // namespace verhaal
