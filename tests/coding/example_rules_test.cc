// The example codebook's autocoding rules parse, compile into one database,
// and code the codebook's own example sentences sensibly.
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "coding/rules_compile.h"
#include "coding/rules_match.h"
#include "coding/rules_parse.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

// Collects the rules of every code in the codebook's tree.
void CollectRules(const YAML::Node& codes, const std::string& parent, const std::string& file,
                  const std::string& text, std::vector<Rule>& out) {
  for (const YAML::Node& code : codes) {
    const std::string path = parent.empty() ? code["name"].as<std::string>()
                                            : parent + "/" + code["name"].as<std::string>();
    for (Rule& rule : ParseRules(code["rules"], path, file, text)) out.push_back(std::move(rule));
    if (code["children"]) CollectRules(code["children"], path, file, text, out);
  }
}

TEST(ExampleRulesTest, CodebookExamplesGetTheirCode) {
  const auto file = testing::SourceDir() / "examples" / "statushouders" / "codebook.yaml";
  const std::string text = testing::ReadFile(file);
  std::vector<Rule> rules;
  CollectRules(YAML::Load(text)["codes"], "", "codebook.yaml", text, rules);
  ASSERT_GE(rules.size(), 13u);
  CompiledRules compiled = CompileRules(std::move(rules));
  RuleMatcher matcher(compiled);
  auto codes_of = [&](const std::string& sentence) {
    std::set<std::string> codes;
    for (const RuleHit& hit : matcher.Match({sentence, "statushouder", "experience", "nl"})) {
      codes.insert(compiled.rules()[hit.rule].code_path);
    }
    return codes;
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Ze zei dat het verplicht was, dus ik heb getekend.", "motivatie/moeten"},
      {"Ik ging naar de kringloop omdat anders mijn uitkering omlaag ging.", "motivatie/moeten"},
      {"Ik doe het omdat ik weer iemand wil zijn die iets kan.", "motivatie/willen"},
      {"Hij zei alleen dat ik maandag moest beginnen, anders kreeg ik een korting.",
       "communicatiestijl/dwingend"},
      {"Ze keek op haar scherm en niet naar mij.", "communicatiestijl/dwingend"},
      {"Ze vroeg: \"Wat heb je altijd graag gedaan?\"", "communicatiestijl/aanmoedigend"},
      {"Het plan lag al op tafel, ik moest alleen tekenen.", "eigenaarschap/klantmanager"},
      {"Ik heb zelf de heftruckcursus gevonden en zij heeft het betaald.",
       "eigenaarschap/statushouder"},
      {"Ze schreef alles op en zei dat we samen gingen kijken hoe ik dat hier weer kon doen.",
       "eigenaarschap/gedeeld"},
      {"Ze regelde een fiets zodat ik naar het magazijn kon.", "ondersteuning/instrumenteel"},
      {"Ze zei niet dat ik moest doorgaan. Ze vroeg wat ik nodig had.", "ondersteuning/holistisch"},
      {"In mijn land zeg je geen nee tegen iemand van de gemeente, dus ik zei ja.",
       "interculturele communicatie"},
      {"Ik wil zelf kiezen wat ik doe, ik ben geen kind.", "eigen regie"},
      {"De brief was in moeilijk Nederlands en ik wist niet dat ik moest komen.", "taalbarrière"},
      {"Aan haar durfde ik te vertellen dat ik niet kon slapen.", "vertrouwen"},
      {"Ik vertel hem niets meer, alles wat ik zeg komt in mijn dossier.", "vertrouwen"},
  };
  for (const auto& [sentence, code] : cases) {
    EXPECT_EQ(codes_of(sentence).count(code), 1u) << sentence << " should get " << code;
  }
  // Negation: "niet graag" is not wanting.
  EXPECT_EQ(codes_of("Ik deed het niet graag.").count("motivatie/willen"), 0u);
}

}  // namespace
}  // namespace verhaal
