// Tests of the HTML report's pieces (study/report_html.h): the tests of
// a matrix in plain words, HTML escaping and tables.
#include <gtest/gtest.h>

#include "exporters/matrix.h"
#include "exporters/matrix_report.h"
#include "study/report_html.h"

namespace verhaal {
namespace {

TEST(ReportTest, TestsInPlainWords) {
  struct Case {
    std::vector<std::vector<int64_t>> counts;
    std::string words;
  };
  const Case cases[] = {
      // The example study's design: a strong, clear association.
      {{{13, 5}, {4, 14}},
       "<p class=\"words\">Of these 36 stories, the pattern is unlikely to be chance (Fisher's "
       "exact test p = 0.00671; chi-square(1) = 9.03, p = 0.002659). Cram\u00e9r's V = 0.50: a "
       "strong association. The odds ratio is 9.1 (95% CI 2.0\u201341.4). More stories than "
       "expected: a \u00d7 x (13, expected 8.5), b \u00d7 y (14, expected 9.5). Fewer than "
       "expected: a \u00d7 y (5, expected 9.5), b \u00d7 x (4, expected 8.5).</p>\n"},
      // No association, small counts.
      {{{2, 2}, {2, 2}},
       "<p class=\"words\">Of these 8 stories, the pattern could well be chance (Fisher's exact "
       "test p = 1; chi-square(1) = 0.00, p = 1). Cram\u00e9r's V = 0.00, but with 8 stories "
       "and small expected counts it does not tell how strong the association is. The odds ratio "
       "is 1.0 (95% CI 0.1\u201316.0). Expected counts are small, "
       "so trust Fisher's test over chi-square.</p>\n"},
  };
  for (const auto& c : cases) {
    const CrossTab tab =
        MakeCrossTab("", {"a", "b"}, {"x", "y"}, stats::ContingencyTable(c.counts));
    EXPECT_EQ(TestsInWords(tab), c.words);
  }
}

// The same sentence in Dutch: decimal commas, Dutch words, p and χ² as they are.
TEST(ReportTest, TestsInDutch) {
  const CrossTab tab =
      MakeCrossTab("", {"a", "b"}, {"x", "y"}, stats::ContingencyTable({{13, 5}, {4, 14}}));
  EXPECT_EQ(TestsInWords(tab, Language::kDutch),
            "<p class=\"words\">Bij deze 36 verhalen is het patroon waarschijnlijk geen toeval "
            "(exacte toets van Fisher: p = 0,00671; \u03c7\u00b2(1) = 9,03, p = 0,002659). "
            "Cram\u00e9rs V = 0,50: een sterk verband. De odds ratio is 9,1 (95%-BI "
            "2,0\u201341,4). Meer verhalen dan verwacht: a \u00d7 x (13, verwacht 8,5), b \u00d7 y "
            "(14, verwacht 9,5). Minder dan verwacht: a \u00d7 y (5, verwacht 9,5), b \u00d7 x (4, "
            "verwacht 8,5).</p>\n");
  const CrossTab small =
      MakeCrossTab("", {"a", "b"}, {"x", "y"}, stats::ContingencyTable({{2, 2}, {2, 2}}));
  EXPECT_NE(TestsInWords(small, Language::kDutch)
                .find("maar met 8 verhalen en kleine verwachte aantallen zegt dat niet hoe sterk "
                      "het verband is. De odds ratio is 1,0 (95%-BI 0,1\u201316,0). De verwachte "
                      "aantallen zijn klein; vertrouw daarom eerder op de toets van Fisher dan op "
                      "\u03c7\u00b2."),
            std::string::npos)
      << TestsInWords(small, Language::kDutch);
  const Table tests = CrossTabTests(small, Language::kDutch);
  EXPECT_EQ(tests.columns, (std::vector<std::string>{"statistiek", "waarde"}));
  EXPECT_EQ(tests.rows.back(),
            (std::vector<std::string>{
                "regel van Cochran",
                "niet voldaan: 4 van de 4 cellen hebben een verwacht aantal onder 5 en 0 onder 1 "
                "(kleinste 2,00); de \u03c7\u00b2-benadering kan slecht zijn: gebruik de exacte "
                "toets van Fisher of voeg categorie\u00ebn samen"}));
}

TEST(ReportTest, TablesLocaliseTheirNumbers) {
  Table table{{"code", "n", "%"}, {}, {false, true, true}};
  table.AddRow({"taal 1.5", "12345", "72.2"});
  EXPECT_EQ(HtmlTable(table, "", Language::kDutch),
            "<table><thead><tr><th>code</th><th class=\"num\">n</th><th class=\"num\">%</th>"
            "</tr></thead><tbody>\n<tr><td>taal 1.5</td><td class=\"num\">12.345</td>"
            "<td class=\"num\">72,2</td></tr>\n</tbody></table>\n");
}

// Two stories in opposite corners: X2 = 4 x 0.5^2 / 0.5 = 2, V = sqrt(2 / 2)
// = 1, Fisher p = 0.5 + 0.5 = 1. V is 1, but nobody should call it strong.
TEST(ReportTest, NoStrengthWordForTwoStories) {
  const CrossTab tab =
      MakeCrossTab("", {"a", "b"}, {"x", "y"}, stats::ContingencyTable({{1, 0}, {0, 1}}));
  const std::string words = TestsInWords(tab);
  EXPECT_NE(words.find("(Fisher's exact test p = 1; chi-square(1) = 2.00, p = 0.1573). "
                       "Cram\u00e9r's V = 1.00, but with 2 stories and small expected counts it "
                       "does not tell how strong the association is."),
            std::string::npos)
      << words;
  EXPECT_EQ(words.find("strong association"), std::string::npos);
}

TEST(ReportTest, NoTestWhenALevelIsEmpty) {
  const CrossTab tab =
      MakeCrossTab("", {"a", "b"}, {"x", "y"}, stats::ContingencyTable({{3, 0}, {0, 0}}));
  EXPECT_EQ(TestsInWords(tab).rfind("<p class=\"words\">No test: ", 0), 0u);
}

TEST(ReportTest, EscapesAndTables) {
  EXPECT_EQ(HtmlEscape("<b> & \"x\""), "&lt;b&gt; &amp; &quot;x&quot;");
  Table table{{"code", "n"}, {}, {false, true}};
  table.AddRow({"taal<barri\u00e8re>", "3"});
  EXPECT_EQ(HtmlTable(table),
            "<table><thead><tr><th>code</th><th class=\"num\">n</th></tr></thead><tbody>\n"
            "<tr><td>taal&lt;barri\u00e8re&gt;</td><td class=\"num\">3</td></tr>\n"
            "</tbody></table>\n");
  EXPECT_EQ(InlineSvg("<?xml version=\"1.0\"?>\n<svg a=\"1\"/>"), "<svg a=\"1\"/>");
}

}  // namespace
}  // namespace verhaal
