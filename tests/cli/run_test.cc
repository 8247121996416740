// End-to-end tests of `verhaal run` on the example study and of `verhaal
// report`: the outputs' key figures, running twice changes nothing, a
// failing step leaves the project as it was, and the report renders in a
// real browser (headless Chromium, skipped when absent).
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>
#include <tuple>

#include "corpus/codings.h"
#include "corpus/project.h"
#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunVerhaal;
using testing::TempDir;

fs::path ExampleManifest() { return testing::SourceDir() / "examples/statushouders/study.yaml"; }

size_t Occurrences(const std::string& text, const std::string& word) {
  size_t n = 0;
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}

// A copy of the example study in `dir`, to break on purpose.
void CopyExample(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(ExampleManifest().parent_path())) {
    if (entry.is_regular_file()) fs::copy_file(entry.path(), dir / entry.path().filename());
  }
}

class RunStudyTest : public ::testing::Test {
 protected:
  // The example study, run once for the whole suite (it takes a few seconds).
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    first_ = new testing::RunResult(
        RunVerhaal({"run", ExampleManifest().string(), "--out", "out"}, dir_->path()));
  }
  static void TearDownTestSuite() {
    delete first_;
    delete dir_;
  }
  static fs::path Out(const std::string& name) { return dir_->path() / "out" / name; }

  static TempDir* dir_;
  static testing::RunResult* first_;
};

TempDir* RunStudyTest::dir_ = nullptr;
testing::RunResult* RunStudyTest::first_ = nullptr;

TEST_F(RunStudyTest, FirstRunCreatesTheProjectAndSaysWhereTheOutputsAre) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  EXPECT_EQ(first_->out,
            "study: Statushouders op weg naar werk\n"
            "project: out/statushouders.verhaal (created)\n"
            "outputs: out/ (17 of 17 written)\n"
            "open out/report.html in a browser\n");
  EXPECT_NE(first_->err.find("import statushouders.csv: added 38 stories"), std::string::npos)
      << first_->err;
  EXPECT_NE(first_->err.find("codings codings.csv: 136 rows: 136 codings added, 0 already there"),
            std::string::npos)
      << first_->err;
  for (const char* name :
       {"matrix.txt", "matrix.csv", "matrix-gemeente.md", "matrix-gemeente.svg", "matrix-codes.txt",
        "matrix-codes-any.txt", "scatter.svg", "summary.md", "agreement.csv", "stories.csv",
        "stories.sav", "stories.dta", "codings.csv", "respondents.csv", "statushouders.xlsx",
        "statushouders.qdpx", "report.html"}) {
    EXPECT_TRUE(fs::exists(Out(name))) << name;
    EXPECT_GT(fs::file_size(Out(name)), 100u) << name;
  }
  // No working copy or temporary file is left behind.
  for (const auto& entry : fs::directory_iterator(dir_->path() / "out")) {
    EXPECT_NE(entry.path().filename().string().front(), '.') << entry.path();
  }
}

TEST_F(RunStudyTest, ProjectHoldsTheStudy) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  Project project = Project::Open(Out("statushouders.verhaal"));
  EXPECT_EQ(project.name(), "Statushouders op weg naar werk");
  StoryFilter statushouders;
  statushouders.role = "statushouder";
  EXPECT_EQ(ListStories(project, statushouders).size(), 38u);
  CodingFilter anna;
  anna.coder = "anna";
  EXPECT_EQ(ListCodings(project, anna).size(), 68u);
  CodingFilter rules;
  rules.coder = "rules";
  EXPECT_GT(ListCodings(project, rules).size(), 0u);
}

TEST_F(RunStudyTest, MatrixHasTheDesignedPattern) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  // motivatie x stijl cut at 0.5 (examples/statushouders/README.md): the
  // diagonal 13 + 14, off-diagonal 5 + 4, 36 stories with both sliders.
  const std::string csv = ReadFile(Out("matrix.csv"));
  EXPECT_NE(csv.find(",13,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",14,"), std::string::npos) << csv;
  const std::string text = ReadFile(Out("matrix.txt"));
  EXPECT_NE(text.find("36"), std::string::npos) << text;
  // From the analysis set (analysis: coders: [anna, bram]), not the rule
  // coder: moeten 4 / 0, willen 2 / 5 (with `rules` pooled in, as before
  // the set existed, it was 1 / 0 and 3 / 5 of 9 stories).
  const std::string codes = ReadFile(Out("matrix-codes-any.txt"));
  EXPECT_EQ(codes.rfind("counted: stories; codings: code:motivatie: codings of anna, bram (the "
                        "analysis set), combined: any coder; ",
                        0),
            0u)
      << codes;
  EXPECT_NE(codes.find("11 stories used, 27 left out: code:communicatiestijl: mixed 1; "
                       "code:motivatie: mixed 3; code:motivatie: no coding 23\n"),
            std::string::npos)
      << codes;
  EXPECT_NE(codes.find("moeten  count            4             0      4\n"), std::string::npos);
  EXPECT_NE(codes.find("willen  count            2             5      7\n"), std::string::npos);
  EXPECT_NE(codes.find("Fisher's exact test  p = 0.06061 (exact)"), std::string::npos);
  EXPECT_NE(first_->err.find("analysis set: anna, bram"), std::string::npos) << first_->err;
  const std::string by = ReadFile(Out("matrix-gemeente.md"));
  for (const char* gemeente : {"Ermelo", "Harderwijk", "Zeewolde"}) {
    EXPECT_NE(by.find(gemeente), std::string::npos) << gemeente;
  }
}

TEST_F(RunStudyTest, AgreementAndDataFiles) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  const std::string agreement = ReadFile(Out("agreement.csv"));
  // n is the stories both coders rated: of the 16 both coded, SH-14-E has no
  // motivatie level from either, and they agree on 12 of 15 (80%; SH-09,
  // SH-15 and SH-16 differ); on the eigenaarschap levels on 3 of 5.
  EXPECT_NE(agreement.find("eigenaarschap,dimension,5,60.0,"), std::string::npos) << agreement;
  EXPECT_EQ(agreement.rfind("code,unit,stories,% agreement,Cohen's kappa,Krippendorff's alpha\r\n"
                            "motivatie,dimension,15,80.0,0.59,0.61\r\n"
                            "communicatiestijl,dimension,15,80.0,0.61,0.61\r\n",
                            0),
            0u)
      << agreement;
  // One header line plus one line per story (texts hold line breaks, so count keys).
  const std::string stories = ReadFile(Out("stories.csv"));
  EXPECT_EQ(Occurrences(stories, "\nSH-"), 38u);
  const std::string respondents = ReadFile(Out("respondents.csv"));
  EXPECT_EQ(Occurrences(respondents, "\nSH-"), 38u);
}

TEST_F(RunStudyTest, ReportHasTheMatrixQuotesAndNoNetwork) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  const std::string html = ReadFile(Out("report.html"));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<h2>Matrix: "), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_GE(Occurrences(html, "<details>"), 4u + 13u);  // 4 cells, 13 codes
  EXPECT_GE(Occurrences(html, "<blockquote>"), 12u);
  EXPECT_NE(html.find("SH-01, statushouder"), std::string::npos);
  // The manifest asks for Dutch (language: nl).
  EXPECT_NE(html.find("Cram\u00e9rs V"), std::string::npos);
  // The manifest restricts the matrix to statushouders, and the table says so.
  EXPECT_NE(html.find("verhalen met rol statushouder (n = 36)"), std::string::npos);
  EXPECT_EQ(html.find("alle verhalen (n = "), std::string::npos);
  // Self-contained: nothing is fetched (the SVG namespace URI is only a name).
  for (const char* fetch : {"src=", "href=\"http", "<link", "@import", "url("}) {
    EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
  }
}

// The page's visible text: tags (SVG's too) and the style and script
// elements dropped, entities decoded.
std::string VisibleText(std::string html) {
  for (const char* element : {"style", "script"}) {
    const std::string open = std::string("<") + element + ">";
    const std::string close = std::string("</") + element + ">";
    for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at)) {
      const size_t end = html.find(close, at);
      html.erase(at, end == std::string::npos ? std::string::npos : end + close.size() - at);
    }
  }
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) text += c;
    if (c == '>') {
      in_tag = false;
      text += ' ';
    }
  }
  for (const auto& [entity, c] : {std::pair{"&lt;", "<"}, std::pair{"&gt;", ">"},
                                  std::pair{"&quot;", "\""}, std::pair{"&amp;", "&"}}) {
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at)) {
      text.replace(at, std::string(entity).size(), c);
    }
  }
  return text;
}

// True when `word` occurs in `text` as a whole word (case as given).
bool HasWord(const std::string& text, const std::string& word) {
  auto letter = [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool before = at > 0 && letter(text[at - 1]);
    const bool after = at + word.size() < text.size() && letter(text[at + word.size()]);
    if (!before && !after) return true;
  }
  return false;
}

// English words of the English report's own text (headings, table headers,
// sentences about the statistics, captions, chart labels), none of which the
// example's stories use.
constexpr const char* kEnglishWords[] = {
    "Agreement", "All",         "Coders",       "Codings",    "Counted",     "Each",
    "Expected",  "Fewer",       "For",          "Left",       "More",        "Overview",
    "Quotes",    "Respondents", "Scatter",      "Signifiers", "Stories",     "Story",
    "Whose",     "above",       "adjusted",     "against",    "agreement",   "almost",
    "alpha",     "and",         "answer",       "answered",   "any",         "applicable",
    "are",       "asked",       "association",  "be",         "behind",      "between",
    "both",      "by",          "cell",         "cells",      "centre",      "chance",
    "chi",       "chose",       "clearly",      "coded",      "coder",       "codings",
    "col",       "coloured",    "combined",     "compared",   "count",       "counted",
    "counts",    "could",       "differ",       "dimension",  "dot",         "each",
    "expected",  "experience",  "fewer",        "figures",    "for",         "from",
    "group",     "groups",      "how",          "its",        "kind",        "left",
    "level",     "lists",       "marks",        "mean",       "measure",     "median",
    "moderate",  "more",        "no",           "none",       "number",      "numbers",
    "once",      "one",         "opening",      "or",         "own",         "pattern",
    "percent",   "placed",      "presence",     "quadrant",   "quotes",      "reflection",
    "replaced",  "residual",    "respondents",  "right",      "role",        "row",
    "rule",      "rules",       "same",         "shaded",     "share",       "skipped",
    "sliders",   "small",       "smallest",     "statistic",  "statistics",  "stories",
    "story",     "storyteller", "storytellers", "strong",     "substantial", "tell",
    "than",      "that",        "their",        "these",      "to",          "top",
    "total",     "triad",       "triads",       "trust",      "unit",        "unlikely",
    "used",      "value",       "wave",         "well",       "whether",     "with",
    "zeros",     "square",      "bottom",       "item"};

// summary --combine each: each coder's code figures side by side (anna coded
// moeten in SH-02, 04, 05, 08, 09, 11 and 15; bram in 02, 04, 05, 08, 11
// and 16), co-occurrence per coder below each other.
TEST_F(RunStudyTest, SummaryGivesEachCodersFiguresSideBySide) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  const auto r = RunVerhaal({"-p", Out("statushouders.verhaal").string(), "summary", "--only",
                             "codes,cooccurrence", "--combine", "each", "--format", "csv"},
                            dir_->path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("combined: each coder separately"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("code,anna: all stories,anna: all respondents,anna: all %,bram: all "
                       "stories,bram: all respondents,bram: all %"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\nmotivatie/moeten,7,7,9.0,6,6,7.7\r"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("coder,code,with code,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nbram,communicatiestijl,motivatie,15,15,1.000\r"), std::string::npos)
      << r.out;
  const auto svg = RunVerhaal({"-p", Out("statushouders.verhaal").string(), "summary", "--combine",
                               "each", "--svg", "charts"},
                              dir_->path());
  EXPECT_EQ(svg.exit_code, 2) << svg.err;
}

// The report shows a code's memos with its quotes (escaped as text), also for
// a code that has no codings yet, and no story memo there.
TEST_F(RunStudyTest, ReportShowsCodeMemos) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  // A copy: the suite's other tests read the project as the run left it.
  const fs::path copy = dir_->path() / "memos.verhaal";
  fs::copy_file(Out("statushouders.verhaal"), copy, fs::copy_options::overwrite_existing);
  const std::string project = copy.string();
  auto run = [&](const std::vector<std::string>& args) {
    std::vector<std::string> all{"-p", project};
    all.insert(all.end(), args.begin(), args.end());
    auto r = RunVerhaal(all, dir_->path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
  };
  run({"memo", "add", "Moeten: de klantmanager <of de wet> bepaalt.", "--code", "motivatie/moeten",
       "--title", "Afbakening", "--author", "anna"});
  run({"memo", "add", "Nog niet gebruikt.", "--code", "motivatie", "--author", "bram"});
  run({"memo", "add", "Over dit verhaal.", "--story", "SH-01-E", "--author", "anna"});
  run({"report", "-o", "memos.html", "--rows", "dyad:motivatie", "--cols", "dyad:stijl", "--lang",
       "nl"});
  const std::string html = ReadFile(dir_->path() / "memos.html");
  const size_t block = html.find("<summary>motivatie/moeten: ");
  ASSERT_NE(block, std::string::npos);
  const std::string details = html.substr(block, html.find("</details>", block) - block);
  EXPECT_NE(details.find("Memo's bij deze code"), std::string::npos) << details;
  EXPECT_NE(details.find("<strong>Afbakening</strong>"), std::string::npos) << details;
  EXPECT_NE(details.find("de klantmanager &lt;of de wet&gt; bepaalt."), std::string::npos)
      << details;
  EXPECT_NE(details.find("<footer>anna, "), std::string::npos) << details;
  // The group has codings only through its sub-codes, but a memo: a block
  // with the memo and no quotes.
  EXPECT_NE(html.find("<summary>motivatie</summary>"), std::string::npos);
  EXPECT_NE(html.find("Nog niet gebruikt."), std::string::npos);
  EXPECT_EQ(html.find("Over dit verhaal."), std::string::npos);
}

// A code group's row counts its sub-codes' codings, each story once (it
// read 0 before): motivatie holds moeten (8 stories, 13 codings) and willen
// (10, 17) in 15 stories, since 3 stories have both; a group gets no quote
// block of its own, its sub-codes do.
TEST_F(RunStudyTest, ReportCountsACodeGroupsSubCodes) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  const std::string html = ReadFile(Out("report.html"));
  auto row = [&](const std::string& code) {
    const size_t at = html.find("<tr><td>" + code + "</td>");
    return at == std::string::npos ? std::string() : html.substr(at, html.find("</tr>", at) - at);
  };
  const std::string group = row("motivatie");
  EXPECT_NE(group.find("<td class=\"num\">15</td>"), std::string::npos) << group;
  EXPECT_NE(group.find("<td class=\"num\">30</td>"), std::string::npos) << group;
  EXPECT_NE(row("motivatie/moeten").find("<td class=\"num\">8</td>"), std::string::npos);
  EXPECT_NE(row("motivatie/willen").find("<td class=\"num\">10</td>"), std::string::npos);
  EXPECT_EQ(html.find("<summary>motivatie: "), std::string::npos);
  EXPECT_NE(html.find("<summary>motivatie/moeten: 13 coderingen in 8 verhalen"), std::string::npos);
}

// The example asks for a Dutch report (language: nl): no English word of the
// report's own is left, in the text or the charts, and numbers have a
// decimal comma.
TEST_F(RunStudyTest, DutchReportHasNoEnglishWordsLeft) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  const std::string html = ReadFile(Out("report.html"));
  EXPECT_NE(html.find("<html lang=\"nl\">"), std::string::npos);
  const std::string text = VisibleText(html);
  for (const char* word : kEnglishWords) EXPECT_FALSE(HasWord(text, word)) << word;
  // The English report has every one of them.
  auto english =
      RunVerhaal({"-p", Out("statushouders.verhaal").string(), "report", "-o", "en.html", "--rows",
                  "dyad:motivatie", "--cols", "dyad:stijl", "--by", "var:gemeente", "--role",
                  "statushouder", "--coders", "anna,bram", "--lang", "en"},
                 dir_->path());
  ASSERT_EQ(english.exit_code, 0) << english.err;
  const std::string english_html = ReadFile(dir_->path() / "en.html");
  EXPECT_NE(english_html.find("<html lang=\"en\">"), std::string::npos);
  const std::string english_text = VisibleText(english_html);
  for (const char* word : kEnglishWords) EXPECT_TRUE(HasWord(english_text, word)) << word;
  EXPECT_NE(english_text.find("Fisher's exact test p = 0.00671"), std::string::npos);
  // Statistics in Dutch words with decimal commas.
  for (const char* dutch :
       {"Bij deze 36 verhalen is het patroon waarschijnlijk geen toeval (exacte toets van Fisher: "
        "p = 0,00671; \u03c7\u00b2(1) = 9,03, p = 0,002659). Cram\u00e9rs V = 0,50: een sterk "
        "verband.",
        "Cram\u00e9rs V</td><td>0,501, 95%-BI 0,174 tot 0,827</td>", "72,2% van de rij",
        "De verhalen achter de cijfers",
        "Weggelaten: dyad:motivatie: n.v.t. (1), dyad:stijl: geen antwoord (1).",
        "coderingen van anna, bram (coders: in study.yaml), samengenomen: minstens één codeur"}) {
    EXPECT_NE(html.find(dutch), std::string::npos) << dutch;
  }
  // The charts too: Dutch axis titles and decimal commas at the bin edges.
  EXPECT_NE(html.find(">verhalen</text>"), std::string::npos);
  EXPECT_NE(html.find(">0,5</text>"), std::string::npos);
  EXPECT_EQ(html.find(">0.5</text>"), std::string::npos);
}

// verhaal's own dimensions speak Dutch too: role, kind and the story kinds.
TEST_F(RunStudyTest, DutchReportNamesBuiltInDimensionsInDutch) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  auto r = RunVerhaal({"-p", Out("statushouders.verhaal").string(), "report", "-o", "kind.html",
                       "--rows", "kind", "--cols", "role", "--lang", "nl"},
                      dir_->path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = ReadFile(dir_->path() / "kind.html");
  EXPECT_NE(html.find("<h2>Matrix: soort \u00d7 rol</h2>"), std::string::npos);
  EXPECT_NE(html.find("<th>soort \u2193 / rol \u2192</th>"), std::string::npos);
  EXPECT_NE(html.find("<tr><th>ervaring</th>"), std::string::npos);
  EXPECT_EQ(html.find("<tr><th>experience</th>"), std::string::npos);
}

// The report's agreement table is the one `verhaal agreement` computes: with
// three coders its row for a dimension is the "all (3)" row (no kappa, which
// compares two), and its data problems name their code as `verhaal
// agreement` does (before, the report computed its own and left the code out).
TEST_F(RunStudyTest, ReportAgreementIsWhatAgreementComputes) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  const std::string project = Out("statushouders.verhaal").string();
  auto report = RunVerhaal({"-p", project, "report", "-o", "three.html", "--rows", "dyad:motivatie",
                            "--cols", "dyad:stijl", "--coders", "anna,bram,rules", "--lang", "en"},
                           dir_->path());
  ASSERT_EQ(report.exit_code, 0) << report.err;
  auto agreement = RunVerhaal({"-p", project, "agreement", "--unit", "dimension", "--coders",
                               "anna,bram,rules", "--format", "csv"},
                              dir_->path());
  ASSERT_EQ(agreement.exit_code, 0) << agreement.err;
  std::smatch row;
  ASSERT_TRUE(std::regex_search(agreement.out, row,
                                std::regex("dimension,motivatie,all \\(3\\),(\\d+),([-0-9.]+),,"
                                           "[^,]*,[^,]*,([-0-9.]+),")))
      << agreement.out;
  char percent[32], alpha[32];
  std::snprintf(percent, sizeof percent, "%.1f", 100 * std::stod(row[2]));
  std::snprintf(alpha, sizeof alpha, "%.2f", std::stod(row[3]));
  const std::string html = ReadFile(dir_->path() / "three.html");
  const std::string expected = "<tr><td>motivatie</td><td>dimension</td><td class=\"num\">" +
                               row[1].str() + "</td><td class=\"num\">" + percent +
                               "</td><td class=\"num\">-</td><td class=\"num\">" + alpha +
                               "</td></tr>";
  EXPECT_NE(html.find(expected), std::string::npos) << expected;
  EXPECT_NE(html.find("<li>motivatie: SH-02-E: rules assigned 2 levels (moeten, willen); left "
                      "out</li>"),
            std::string::npos);
}

// Two runs of the example give the same bytes in every output, the project
// file included, when SOURCE_DATE_EPOCH fixes "now" (the codings' stamps);
// the zip entries of the .qdpx carry that time.
// A study's exports count what `verhaal matrix` and `verhaal export stories`
// count for the same choices: the unit of a matrix, the coders and text of
// a stories file (they are the same library calls; the bytes are equal).
TEST(RunStudyExportsTest, AMatrixByUnitAndStoriesWithTextEqualTheCommands) {
  TempDir dir;
  CopyExample(dir.path());
  std::string yaml = ReadFile(dir / "study.yaml");
  yaml =
      yaml.substr(0, yaml.find("outputs:")) +
      "outputs:\n  folder: out\n  exports:\n"
      "    - {type: matrix, file: respondenten.csv, rows: code:motivatie,\n"
      "       cols: code:communicatiestijl, unit: respondent, mixed: level, role: statushouder}\n"
      "    - {type: stories, file: verhalen.csv, with_text: true, coders: [anna]}\n";
  dir.Write("study.yaml", yaml);
  const auto run = RunVerhaal({"run", "study.yaml"}, dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto matrix =
      RunVerhaal({"-p", "out/statushouders.verhaal", "matrix", "--rows", "code:motivatie", "--cols",
                  "code:communicatiestijl", "--unit", "respondent", "--mixed", "level", "--role",
                  "statushouder", "--format", "csv"},
                 dir.path());
  ASSERT_EQ(matrix.exit_code, 0) << matrix.err;
  EXPECT_NE(matrix.out.find("respondents"), std::string::npos) << matrix.out;
  EXPECT_EQ(ReadFile(dir / "out/respondenten.csv"), matrix.out);
  const auto stories = RunVerhaal({"-p", "out/statushouders.verhaal", "export", "stories",
                                   "--coders", "anna", "--with-text", "-o", "verhalen.csv"},
                                  dir.path());
  ASSERT_EQ(stories.exit_code, 0) << stories.err;
  const std::string exported = ReadFile(dir / "verhalen.csv");
  EXPECT_NE(exported.find(",text,"), std::string::npos) << exported.substr(0, 400);
  EXPECT_EQ(ReadFile(dir / "out/verhalen.csv"), exported);
}

// A study run's warnings name the output file, not the temporary file it is
// written to first (issue 25: "out/stories.dta.tmp-31856-22: variable labels
// longer than ..." before).
TEST_F(RunStudyTest, WarningsNameTheOutputFileNotItsTemporaryFile) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  EXPECT_NE(first_->err.find("verhaal: warning: out/stories.dta: variable labels longer than "
                             "Stata's 80 characters"),
            std::string::npos)
      << first_->err;
  EXPECT_EQ(first_->err.find(".tmp-"), std::string::npos) << first_->err;
}

// `syntax: true` and `codebook_doc:` give a study run the companions of
// `verhaal export --syntax --codebook-doc` (issue 25), the same bytes, and
// the CSV the syntax reads (not-applicable answers as -9).
TEST(RunStudyExportsTest, SyntaxAndCodebookDocumentEqualTheCommands) {
  TempDir dir;
  CopyExample(dir.path());
  std::string yaml = ReadFile(dir / "study.yaml");
  yaml = yaml.substr(0, yaml.find("outputs:")) +
         "outputs:\n  folder: out\n  exports:\n"
         "    - {type: stories, file: verhalen.sav, syntax: true, codebook_doc: verhalen.md}\n"
         "    - {type: respondents, file: respondenten.dta, syntax: true,\n"
         "       codebook_doc: respondenten.html}\n";
  dir.Write("study.yaml", yaml);
  const auto run = RunVerhaal({"run", "study.yaml"}, dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("(8 of 8 written)"), std::string::npos) << run.out;
  EXPECT_NE(run.err.find("export verhalen.sps (beside verhalen.sav): written"), std::string::npos)
      << run.err;
  const std::string project = "out/statushouders.verhaal";
  for (const auto& [shape, data, other] : {std::tuple{"stories", "verhalen.sav", ".md"},
                                           {"respondents", "respondenten.dta", ".html"}}) {
    const fs::path file = data;
    const auto exported =
        RunVerhaal({"-p", project, "export", shape, "-o", file.string(), "--syntax",
                    "--codebook-doc", fs::path(file).replace_extension(other).string()},
                   dir.path());
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    const auto csv = RunVerhaal({"-p", project, "export", shape, "--not-applicable", "-9", "-o",
                                 fs::path(file).replace_extension(".csv").string()},
                                dir.path());
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    const std::string own = file.extension().string();
    for (const std::string& extension : {std::string(own == ".sav" ? ".sps" : ".do"),
                                         std::string(".csv"), std::string(other), own}) {
      const fs::path name = fs::path(file).replace_extension(extension);
      SCOPED_TRACE(name.string());
      ASSERT_TRUE(fs::exists(dir / "out" / name));
      EXPECT_EQ(ReadFile(dir / "out" / name), ReadFile(dir / name));
    }
  }
  const auto again = RunVerhaal({"run", "study.yaml"}, dir.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("(0 of 8 written; nothing changed)"), std::string::npos) << again.out;
}

TEST(RunStudyBytesTest, TwoRunsGiveTheSameBytes) {
  TempDir dir;
  setenv("SOURCE_DATE_EPOCH", "1735689600", 1);  // 2025-01-01T00:00:00Z
  auto first = RunVerhaal({"run", ExampleManifest().string(), "--out", "a"}, dir.path());
  auto second = RunVerhaal({"run", ExampleManifest().string(), "--out", "b"}, dir.path());
  unsetenv("SOURCE_DATE_EPOCH");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(dir / "a")) {
    const fs::path other = dir / "b" / entry.path().filename();
    ASSERT_TRUE(fs::exists(other)) << other;
    EXPECT_TRUE(ReadFile(entry.path()) == ReadFile(other)) << entry.path().filename();
    ++compared;
  }
  EXPECT_EQ(compared, 18u);  // 17 outputs and the project
  // The first local header's DOS time and date: 00:00:00, 2025-01-01.
  const std::string qdpx = ReadFile(dir / "a/statushouders.qdpx");
  ASSERT_GT(qdpx.size(), 14u);
  EXPECT_EQ(static_cast<unsigned char>(qdpx[10]) | static_cast<unsigned char>(qdpx[11]) << 8, 0);
  EXPECT_EQ(static_cast<unsigned char>(qdpx[12]) | static_cast<unsigned char>(qdpx[13]) << 8,
            (45 << 9) | (1 << 5) | 1);
  EXPECT_NE(ReadFile(dir / "a/codings.csv").find(",2025-01-01T00:00:00Z\r\n"), std::string::npos);
}

// Without SOURCE_DATE_EPOCH the binary exports carry the project's newest
// stamp, not the clock: exporting again a second later gives the same bytes.
TEST_F(RunStudyTest, BinaryExportsDoNotCarryTheClock) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  const std::string project = Out("statushouders.verhaal").string();
  const std::vector<std::vector<std::string>> exports = {{"export", "stories", "-o", "STEM.sav"},
                                                         {"export", "stories", "-o", "STEM.dta"},
                                                         {"export", "workbook", "-o", "STEM.xlsx"},
                                                         {"export", "refi", "-o", "STEM.qdpx"}};
  for (const char* stem : {"one", "two"}) {
    for (auto args : exports) {
      args.back().replace(0, 4, stem);
      args.insert(args.begin(), {"-p", project});
      auto r = RunVerhaal(args, dir_->path());
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    if (std::string(stem) == "one") std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  }
  for (const char* extension : {".sav", ".dta", ".xlsx", ".qdpx"}) {
    EXPECT_TRUE(ReadFile(dir_->path() / (std::string("one") + extension)) ==
                ReadFile(dir_->path() / (std::string("two") + extension)))
        << extension;
  }
  // The run wrote the same bytes as the commands.
  EXPECT_TRUE(ReadFile(dir_->path() / "one.sav") == ReadFile(Out("stories.sav")));
  EXPECT_TRUE(ReadFile(dir_->path() / "one.qdpx") == ReadFile(Out("statushouders.qdpx")));
}

TEST(RunStudyBytesTest, MalformedSourceDateEpochIsAUsageError) {
  TempDir dir;
  setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
  auto r = RunVerhaal({"run", ExampleManifest().string(), "--out", "a"}, dir.path());
  unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("SOURCE_DATE_EPOCH is 'yesterday'; it must be a whole number of seconds "
                       "since 1970-01-01 UTC, e.g. 1735689600, or unset"),
            std::string::npos)
      << r.err;
}

TEST_F(RunStudyTest, SecondRunChangesNothingAndSaysSo) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  const fs::path project = Out("statushouders.verhaal");
  const std::string before = ReadFile(project);
  const auto project_time = fs::last_write_time(project);
  const auto report_time = fs::last_write_time(Out("report.html"));
  auto again = RunVerhaal({"run", ExampleManifest().string(), "--out", "out"}, dir_->path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out,
            "study: Statushouders op weg naar werk\n"
            "project: out/statushouders.verhaal (unchanged)\n"
            "outputs: out/ (0 of 17 written; nothing changed)\n"
            "open out/report.html in a browser\n");
  EXPECT_NE(again.err.find(
                "import statushouders.csv: nothing to change; all 38 stories are already in the "
                "project\n"),
            std::string::npos)
      << again.err;
  EXPECT_NE(again.err.find("autocode: "), std::string::npos);
  EXPECT_NE(again.err.find("codings unchanged"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("export report.html: up to date"), std::string::npos) << again.err;
  EXPECT_EQ(ReadFile(project), before);
  EXPECT_EQ(fs::last_write_time(project), project_time);
  EXPECT_EQ(fs::last_write_time(Out("report.html")), report_time);
}

TEST(RunStudyFailureTest, FailingStepNamesItAndLeavesTheProjectAsItWas) {
  TempDir dir;
  CopyExample(dir.path());
  const fs::path manifest = dir / "study.yaml";
  auto good = RunVerhaal({"run", manifest.string()}, dir.path());
  ASSERT_EQ(good.exit_code, 0) << good.err;
  const fs::path project = dir / "out/statushouders.verhaal";
  const std::string before = ReadFile(project);

  // A new story (the import step would add it) and a coding of a code that
  // does not exist (the codings step fails after the import).
  {
    std::ofstream csv(dir / "statushouders.csv", std::ios::app);
    csv << "SH-39-E,SH-39,Ermelo,28-40,Overig,2025-11-05,nl,Nieuw,\"Een nieuw verhaal over "
           "werk.\",0.60,0.70,0.20,0.10,0.70\n";
    std::ofstream codings(dir / "codings.csv", std::ios::app);
    codings << "SH-01-E,motivatie/wil,anna,Ik doe het omdat ik weer iemand wil zijn die iets "
               "kan.,\n";
  }
  auto bad = RunVerhaal({"run", manifest.string()}, dir.path());
  EXPECT_EQ(bad.exit_code, 66);  // the code is missing
  EXPECT_NE(bad.err.find("import statushouders.csv: added 1 story"), std::string::npos) << bad.err;
  const std::string error =
      "verhaal: error: " + (dir / "codings.csv").string() +
      ":138:9: step 'codings codings.csv' failed: code 'motivatie/wil' does not exist; did you "
      "mean 'motivatie/willen'? see `verhaal codebook show`\n"
      "  SH-01-E,motivatie/wil,anna,Ik doe het omdat ik weer iemand wil zijn die iets kan.,\n"
      "          ^\n";
  EXPECT_EQ(bad.err.substr(bad.err.find("verhaal: error: ")), error);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(ReadFile(project), before);
  for (const auto& entry : fs::directory_iterator(dir / "out")) {
    EXPECT_NE(entry.path().filename().string().front(), '.') << entry.path();
  }
  Project opened = Project::Open(project);
  EXPECT_FALSE(FindStory(opened, "SH-39-E").has_value());
}

TEST(RunStudyOptionsTest, ProjectOptionNamesAnotherProjectFile) {
  TempDir dir;
  auto r = RunVerhaal({"-p", "mijn.verhaal", "run", ExampleManifest().string(), "--out", "o"},
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("project: mijn.verhaal (created)\n"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(dir / "mijn.verhaal"));
  EXPECT_FALSE(fs::exists(dir / "o/statushouders.verhaal"));
  EXPECT_TRUE(fs::exists(dir / "o/report.html"));
}

TEST(RunStudyFailureTest, MissingManifestAndBadManifest) {
  TempDir dir;
  auto none = RunVerhaal({"run"}, dir.path());
  EXPECT_EQ(none.exit_code, 66);
  EXPECT_EQ(none.err,
            "verhaal: error: no study.yaml in the current folder; name the manifest, e.g. "
            "`verhaal run examples/statushouders/study.yaml`\n");
  dir.Write("study.yaml", "project: s.verhaal\nsources:\n  - file: a.csv\n    maping: a.yaml\n");
  auto bad = RunVerhaal({"run", "study.yaml"}, dir.path());
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_EQ(bad.err,
            "verhaal: error: study.yaml:4:5: unknown key 'maping' in a csv source; did you mean "
            "'mapping'? the keys here are type, file, mapping (docs/study.md)\n"
            "      maping: a.yaml\n      ^\n");
  EXPECT_FALSE(fs::exists(dir / "s.verhaal"));
}

TEST_F(RunStudyTest, ReportCommandWritesThePageAndRefusesBadInput) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  const std::string project = Out("statushouders.verhaal").string();
  auto r = RunVerhaal({"-p", project, "report", "-o", "codes.html", "--rows",
                       "code:motivatie@anna+bram", "--cols", "code:communicatiestijl@anna+bram",
                       "--title", "Codes van anna en bram", "--quotes", "1", "--lang", "en"},
                      dir_->path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("wrote codes.html (", 0), 0u) << r.err;
  const std::string html = ReadFile(dir_->path() / "codes.html");
  EXPECT_NE(html.find("<title>Codes van anna en bram</title>"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("moeten \u00d7 dwingend: 4 stories"), std::string::npos);
  // Code dimensions have no scatter.
  EXPECT_EQ(html.find("id=\"scatter\""), std::string::npos);

  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string err;
  };
  const Case cases[] = {
      {{"report", "-o", "x.html", "--rows", "dyad:motivatie"},
       2,
       "verhaal: error: report needs --rows and --cols; e.g. `verhaal report -o report.html "
       "--rows dyad:motivatie --cols dyad:stijl`\n"},
      {{"report", "-o", "x.html", "--rows", "dyad:motivatie", "--cols", "dyad:stil"}, 66, ""},
      {{"report", "-o", "x.html", "--rows", "dyad:motivatie", "--cols", "dyad:stijl", "--role",
        "wethouder"},
       65,
       "verhaal: error: no stories for the report; import stories first, or loosen its role, "
       "kind or wave filter\n"},
      {{"report", "-o", "x.html", "--rows", "dyad:motivatie", "--cols", "dyad:stijl", "--lang",
        "de"},
       2,
       "verhaal: error: --lang takes en or nl, not 'de'\n"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"-p", project};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto bad = RunVerhaal(args, dir_->path());
    EXPECT_EQ(bad.exit_code, c.exit_code) << bad.err;
    if (!c.err.empty()) {
      EXPECT_EQ(bad.err, c.err);
    }
    EXPECT_FALSE(fs::exists(dir_->path() / "x.html"));
  }
}

// The report in a real browser: headless Chromium renders it; the rendered
// text holds the matrix and the quotes, and a screenshot is taken.
TEST_F(RunStudyTest, ReportRendersInHeadlessChromium) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  std::string chromium;
  for (const char* name : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (fs::exists(name)) chromium = name;
  }
  if (chromium.empty())
    GTEST_SKIP() << "chromium is absent; `scripts/bootstrap --tests` installs it";
  const fs::path profile = dir_->path() / "chromium-profile";
  const fs::path png = dir_->path() / "report.png";
  const fs::path dom = dir_->path() / "report.dom";
  const std::string flags =
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
      " --disable-background-networking --disable-component-update --disable-sync"
      " --user-data-dir=" +
      profile.string() + " ";
  const std::string url = "file://" + Out("report.html").string();
  const std::string shot = chromium + flags + "--screenshot=" + png.string() +
                           " --window-size=1280,2000 " + url + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(shot.c_str()), 0) << shot;
  EXPECT_GT(fs::file_size(png), 20000u);
  const std::string dump =
      chromium + flags + "--dump-dom " + url + " >" + dom.string() + " 2>/dev/null";
  ASSERT_EQ(std::system(dump.c_str()), 0) << dump;
  const std::string rendered = ReadFile(dom);
  EXPECT_NE(rendered.find("Matrix: "), std::string::npos);
  EXPECT_NE(rendered.find("De verhalen achter de cijfers"), std::string::npos);
  EXPECT_NE(rendered.find("<blockquote>"), std::string::npos);
  EXPECT_NE(rendered.find("SH-01, statushouder"), std::string::npos);
  if (const char* keep = std::getenv("VERHAAL_KEEP_SCREENSHOT"))
    fs::copy_file(png, keep, fs::copy_options::overwrite_existing);
}

}  // namespace
}  // namespace verhaal
