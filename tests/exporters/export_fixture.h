// A small study built inline for the export tests: two respondents with
// Dutch attribute values, three stories (one with hostile text), signifiers
// of each type, a code tree and two coders' codings. Also a helper that runs
// an external reader (pspp, python3, unzip) and collects its output.
#ifndef VERHAAL_TESTS_EXPORTERS_EXPORT_FIXTURE_H_
#define VERHAAL_TESTS_EXPORTERS_EXPORT_FIXTURE_H_

#include <cstdio>
#include <filesystem>
#include <string>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/project.h"
#include "corpus/respondents.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"
#include "corpus/variables.h"

namespace verhaal::testing {

struct ToolResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs `command` with /bin/sh and returns its exit code and output.
inline ToolResult RunTool(const std::string& command) {
  ToolResult result;
  std::FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Whether `tool` is on the PATH.
inline bool HaveTool(const std::string& tool) {
  return RunTool("command -v " + tool + " >/dev/null").exit_code == 0;
}

// Fills `project` with the study described above.
inline void BuildStudy(Project& project) {
  Transaction transaction(project);
  const int64_t sh = AddRespondent(project, {0, "SH-07", "statushouder"});
  const int64_t km = AddRespondent(project, {0, "KM-3", "klantmanager"});
  const int64_t gemeente = EnsureVariable(
      project, {0, VariableSubject::kRespondent, "gemeente", "Gemeente", VariableType::kText, {}});
  const int64_t leeftijd =
      EnsureVariable(project, {0,
                               VariableSubject::kRespondent,
                               "leeftijdsgroep",
                               "Leeftijdsgroep",
                               VariableType::kInteger,
                               {{"1", "jonger dan 30"}, {"2", "30 of ouder"}}});
  const int64_t bron = EnsureVariable(
      project, {0, VariableSubject::kStory, "bron", "Bron", VariableType::kText, {}});
  SetRespondentValue(project, sh, gemeente, "Súdwest-Fryslân");
  SetRespondentValue(project, sh, leeftijd, "1");
  SetRespondentValue(project, km, gemeente, "=HYPERLINK(\"http://evil\")");

  Story one;
  one.key = "S1";
  one.respondent_id = sh;
  one.wave = 1;
  one.date = "2025-03-01";
  one.title = "Eén gesprek";
  one.text = "De klantmanager moedigde mij aan. Ik wilde zelf werken, ook in de zorg.";
  const int64_t s1 = AddStory(project, one);
  Story two;
  two.key = "S2";
  two.respondent_id = km;
  two.kind = "reflection";
  two.wave = 2;
  two.title = "=1+2";
  two.text = "@SUM(A1:A9) -cmd|' /C calc'!A0 en een café met crème brûlée";
  const int64_t s2 = AddStory(project, two);
  Story three;
  three.key = "S3";
  three.kind = "interview";
  three.title = "+31 6 1234";
  three.text = "Zonder respondent, \"met aanhalingstekens\", en;puntkomma\nen een tweede regel.";
  AddStory(project, three);
  SetStoryValue(project, s1, bron, "interview ij");
  SetStoryValue(project, s2, bron, "-2+3");

  Signifier dyad;
  dyad.key = "d1";
  dyad.type = SignifierType::kDyad;
  dyad.title = "Vertrouwen";
  dyad.x_low = "weinig";
  dyad.x_high = "veel";
  EnsureSignifier(project, dyad);
  Signifier triad;
  triad.key = "t1";
  triad.type = SignifierType::kTriad;
  triad.title = "Houding";
  triad.options = {{"a", "moeten"}, {"b", "willen"}, {"c", "kunnen"}};
  EnsureSignifier(project, triad);
  Signifier list;
  list.key = "l1";
  list.type = SignifierType::kList;
  list.title = "Hulp";
  list.multiple = true;
  list.options = {{"taal", "taalles"}, {"werk", "werkervaring"}};
  EnsureSignifier(project, list);
  const Signifier d = *FindSignifier(project, "d1");
  const Signifier t = *FindSignifier(project, "t1");
  const Signifier l = *FindSignifier(project, "l1");
  SignifierValue x;
  x.x = 0.25;
  SetSignifierValue(project, d, s1, x);
  SignifierValue na;
  na.not_applicable = true;
  SetSignifierValue(project, d, s2, na);
  SignifierValue proportions;
  proportions.triad = {0.5, 0.25, 0.25};
  SetSignifierValue(project, t, s1, proportions);
  SignifierValue chosen;
  chosen.items = {0, 1};
  SetSignifierValue(project, l, s1, chosen);

  Code motivatie;
  motivatie.name = "motivatie";
  motivatie.codable = false;
  motivatie.dimension = true;
  const int64_t m = AddCode(project, motivatie);
  Code willen;
  willen.name = "willen";
  willen.parent_id = m;
  willen.description = "wil zelf samenwerken";
  const int64_t w = AddCode(project, willen);
  Code moeten;
  moeten.name = "moeten";
  moeten.parent_id = m;
  const int64_t mo = AddCode(project, moeten);
  const int64_t anna = EnsureCoder(project, "anna");
  const int64_t bram = EnsureCoder(project, "bram");
  AddCoding(project, {s1, w, anna, 34, 54, "manual", "zélf", "", "", "", ""});
  AddCoding(project, {s1, w, bram, 34, 54, "manual", "", "", "", "", ""});
  AddCoding(project, {s1, w, anna, 0, 10, "manual", "", "", "", "", ""});
  AddCoding(project, {s2, mo, anna, 0, 11, "rule:sum", "", "", "", "", ""});
  transaction.Commit();
}

}  // namespace verhaal::testing

#endif  // VERHAAL_TESTS_EXPORTERS_EXPORT_FIXTURE_H_
