// Tests of exporters/study.{h,cc}: the study manifest parser, its paths and
// its located errors.
#include "study/manifest.h"

#include <gtest/gtest.h>

#include <string>

#include "base/error.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kStudy = R"(name: Voorbeeld
project: out/voorbeeld.verhaal
sources:
  - file: verhalen.csv
    mapping: verhalen.mapping.yaml
codebook: codebook.yaml
autocode: {coder: regels, codes: [motivatie]}
codings:
  - codings.csv
  - {file: extra.csv, coder: anna}
outputs:
  folder: out
  exports:
    - {type: matrix, file: matrix.md, rows: dyad:motivatie, cols: dyad:stijl, role: statushouder}
    - {type: stories, file: data/stories.sav}
    - {type: report, file: report.html, rows: dyad:motivatie, cols: dyad:stijl, by: var:gemeente, coders: [anna, bram], wave: 2}
)";

TEST(StudyTest, ParsesEveryPartWithPathsFromTheManifestFolder) {
  const StudyManifest study = ParseStudyManifest(kStudy, "/studie/study.yaml");
  EXPECT_EQ(study.name, "Voorbeeld");
  EXPECT_EQ(study.project, fs::path("/studie/out/voorbeeld.verhaal"));
  ASSERT_EQ(study.sources.size(), 1u);
  EXPECT_EQ(study.sources[0].file, fs::path("/studie/verhalen.csv"));
  EXPECT_EQ(study.sources[0].mapping, fs::path("/studie/verhalen.mapping.yaml"));
  EXPECT_EQ(study.sources[0].where.line, 4);
  EXPECT_EQ(study.codebook, fs::path("/studie/codebook.yaml"));
  ASSERT_TRUE(study.autocode.has_value());
  EXPECT_EQ(study.autocode->coder, "regels");
  EXPECT_EQ(study.autocode->codes, std::vector<std::string>{"motivatie"});
  ASSERT_EQ(study.codings.size(), 2u);
  EXPECT_EQ(study.codings[0].file, fs::path("/studie/codings.csv"));
  EXPECT_EQ(study.codings[1].coder, "anna");
  EXPECT_EQ(study.output_folder, fs::path("/studie/out"));
  ASSERT_EQ(study.exports.size(), 3u);
  EXPECT_EQ(study.exports[0].type, StudyExportType::kMatrix);
  EXPECT_EQ(study.exports[0].file, fs::path("/studie/out/matrix.md"));
  EXPECT_EQ(study.exports[0].filter.role, "statushouder");
  EXPECT_EQ(study.exports[1].file, fs::path("/studie/out/data/stories.sav"));
  EXPECT_EQ(study.exports[2].type, StudyExportType::kReport);
  EXPECT_EQ(study.exports[2].by, "var:gemeente");
  EXPECT_EQ(study.exports[2].coders, (std::vector<std::string>{"anna", "bram"}));
  EXPECT_EQ(study.exports[2].filter.wave, 2);
  EXPECT_EQ(StudyExportTypeName(study.exports[1].type), "stories");
  EXPECT_FALSE(study.language.has_value());  // the report's default
}

TEST(StudyTest, LanguageOfTheReport) {
  const StudyManifest dutch = ParseStudyManifest("project: a.verhaal\nlanguage: nl\n", "s.yaml");
  EXPECT_EQ(dutch.language, Language::kDutch);
  const StudyManifest english = ParseStudyManifest("project: a.verhaal\nlanguage: en\n", "s.yaml");
  EXPECT_EQ(english.language, Language::kEnglish);
}

TEST(StudyTest, DefaultsWhenOnlyTheProjectIsNamed) {
  const StudyManifest study = ParseStudyManifest("project: a.verhaal\n", "s/study.yaml");
  EXPECT_EQ(study.name, "a");
  EXPECT_EQ(study.project, fs::path("s/a.verhaal"));
  EXPECT_EQ(study.output_folder, fs::path("s"));
  EXPECT_FALSE(study.autocode.has_value());
  EXPECT_FALSE(study.codebook.has_value());
  EXPECT_TRUE(study.exports.empty());
}

TEST(StudyTest, AutocodeTrueUsesTheRulesCoder) {
  const StudyManifest study = ParseStudyManifest("project: a.verhaal\nautocode: true\n", "s.yaml");
  ASSERT_TRUE(study.autocode.has_value());
  EXPECT_EQ(study.autocode->coder, "rules");
}

TEST(StudyTest, ErrorsAreLocatedAndSayWhatToDo) {
  struct Case {
    std::string yaml;
    std::string described;  // Error::Describe()
  };
  const Case cases[] = {
      {"project: a.verhaal\nsorces: []\n",
       "s.yaml:2:1: unknown key 'sorces' in the top of the manifest; did you mean 'sources'? the "
       "keys here are name, project, sources, codebook, autocode, codings, analysis, language, "
       "outputs (docs/study.md)\n  sorces: []\n  ^"},
      {"project: a.verhaal\nlanguage: xx\n",
       "s.yaml:2:11: unknown language 'xx'; the report is written in en or nl (docs/study.md)\n"
       "  language: xx\n            ^"},
      {"name: x\n",
       "s.yaml:1:1: the manifest names no project file; add e.g. 'project: study.verhaal'\n"
       "  name: x\n  ^"},
      {"project: a.verhaal\nsources:\n  - file: a.csv\n",
       "s.yaml:3:5: source a.csv has no 'mapping:'; write one (docs/import-mapping.md), or let "
       "`verhaal import csv FILE --text COLUMN` print a first version\n    - file: a.csv\n      ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: matrx, file: m.md}\n",
       "s.yaml:4:14: unknown export type 'matrx'; did you mean 'matrix'? the types are matrix, "
       "scatter, summary, stories, codings, respondents, codebook-table, workbook, refi, "
       "agreement, report\n      - {type: matrx, file: m.md}\n               ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: stories, file: s.pdf}\n",
       "s.yaml:4:29: a stories export cannot write 's.pdf'; name a file ending in .csv, .sav, "
       ".dta, .xlsx\n      - {type: stories, file: s.pdf}\n                              ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: matrix, file: m.md, rows: dyad:a}\n",
       "s.yaml:4:7: a matrix export needs 'rows:' and 'cols:' dimensions, e.g. 'rows: "
       "dyad:motivatie' and 'cols: dyad:stijl' (docs/matrix.md)\n"
       "      - {type: matrix, file: m.md, rows: dyad:a}\n        ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: stories, file: s.csv}\n"
       "    - {type: stories, file: s.csv}\n",
       "s.yaml:5:7: two exports write s.csv (the first at line 4); give each its own file\n"
       "      - {type: stories, file: s.csv}\n        ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: stories, file: ../../x.csv}\n",
       "s.yaml:4:29: export file '../../x.csv' is outside the output folder; name a file inside "
       "it, such as 'x.csv' (docs/study.md)\n      - {type: stories, file: ../../x.csv}\n"
       "                              ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: stories, file: /tmp/x.csv}\n",
       "s.yaml:4:29: export file '/tmp/x.csv' is outside the output folder; name a file inside "
       "it, such as 'x.csv' (docs/study.md)\n      - {type: stories, file: /tmp/x.csv}\n"
       "                              ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: stories, file: d/../../x.csv}\n",
       "s.yaml:4:29: export file 'd/../../x.csv' is outside the output folder; name a file "
       "inside it, such as 'x.csv' (docs/study.md)\n      - {type: stories, file: d/../../x.csv}\n"
       "                              ^"},
      {"project: a.verhaal\nsources:\n  - {type: nvivo, file: a.nvp}\n",
       "s.yaml:3:12: unknown source type 'nvivo'; use csv, folder, transcript, sensemaker, spryng "
       "or refi (for NVivo, ATLAS.ti or MAXQDA: export a REFI-QDA .qdpx and use refi)\n"
       "    - {type: nvivo, file: a.nvp}\n             ^"},
      {"project: a.verhaal\nsources:\n  - {type: sensemaker, file: d.csv}\n",
       "s.yaml:3:5: sensemaker source d.csv has no 'definition:'; name the framework definition "
       "JSON that comes with the data export\n    - {type: sensemaker, file: d.csv}\n      ^"},
      {"project: a.verhaal\nsources:\n  - {folder: verhalen, mapping: m.yaml}\n",
       "s.yaml:3:24: unknown key 'mapping' in a folder source; the keys here are type, folder, "
       "role, kind, language, encoding (docs/study.md)\n"
       "    - {folder: verhalen, mapping: m.yaml}\n                         ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: stories, file: s.csv, unit: "
       "respondent}\n",
       "s.yaml:4:42: a stories export does not take 'unit:'; only a matrix counts by unit\n"
       "      - {type: stories, file: s.csv, unit: respondent}\n"
       "                                           ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: matrix, file: m.md, rows: role, "
       "cols: kind, unit: persoon}\n",
       "s.yaml:4:64: unknown unit 'persoon'; use story, segment or respondent\n"
       "      - {type: matrix, file: m.md, rows: role, cols: kind, unit: persoon}\n"
       "                                                                 ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: matrix, file: m.md, rows: role, "
       "cols: kind, within: turn}\n",
       "s.yaml:4:66: 'within:' needs 'unit: segment' (segments that meet)\n"
       "      - {type: matrix, file: m.md, rows: role, cols: kind, within: turn}\n"
       "                                                                   ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: matrix, file: m.md, rows: role, "
       "cols: kind, unit: segment, within: alinea}\n",
       "s.yaml:4:81: 'within:' takes a number of characters of 0 or more, sentence or turn, not "
       "'alinea'\n"
       "      - {type: matrix, file: m.md, rows: role, cols: kind, unit: segment, within: alinea}\n"
       "                                                                                  ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: matrix, file: m.md, rows: role, "
       "cols: kind, mixed: both}\n",
       "s.yaml:4:65: unknown 'mixed: both'; use exclude, level or each\n"
       "      - {type: matrix, file: m.md, rows: role, cols: kind, mixed: both}\n"
       "                                                                  ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: stories, file: s.csv, with_text: "
       "ja}\n",
       "s.yaml:4:47: 'with_text' is true or false\n"
       "      - {type: stories, file: s.csv, with_text: ja}\n"
       "                                                ^"},
      {"project: a.verhaal\noutputs:\n  exports:\n    - {type: refi, file: r.qdpx, speaker: "
       "respondent}\n",
       "s.yaml:4:43: a refi export does not take 'speaker:'; matrix, summary, stories and report "
       "exports count codings by speaker\n"
       "      - {type: refi, file: r.qdpx, speaker: respondent}\n"
       "                                            ^"},
      {"project: [a\n",
       "s.yaml:2:1: the study manifest is not valid YAML: end of sequence flow not found"},
  };
  for (const auto& c : cases) {
    try {
      ParseStudyManifest(c.yaml, "s.yaml");
      ADD_FAILURE() << "no error for:\n" << c.yaml;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kData) << c.yaml;
      EXPECT_EQ(e.Describe(), c.described) << c.yaml;
    }
  }
}

TEST(StudyTest, AMatrixSaysItsUnitAndStoriesTheirText) {
  const StudyManifest study = ParseStudyManifest(
      "project: a.verhaal\noutputs:\n  exports:\n"
      "    - {type: matrix, file: m.csv, rows: role, cols: kind, unit: segment, within: sentence,\n"
      "       mixed: level, speaker: respondent}\n"
      "    - {type: stories, file: s.csv, with_text: true, coders: [anna]}\n",
      "s.yaml");
  ASSERT_EQ(study.exports.size(), 2u);
  EXPECT_EQ(study.exports[0].unit, "segment");
  EXPECT_EQ(study.exports[0].within, "sentence");
  EXPECT_EQ(study.exports[0].mixed, "level");
  EXPECT_EQ(study.exports[0].speaker, "respondent");
  EXPECT_TRUE(study.exports[1].with_text);
  EXPECT_FALSE(study.exports[0].with_text);
}

// The companions `verhaal export` writes with --syntax and --codebook-doc,
// asked for in the manifest (issue 25); each is a file of the run.
TEST(StudyTest, DataExportsAskForTheirSyntaxAndCodebookDocument) {
  const StudyManifest study = ParseStudyManifest(
      "project: a.verhaal\noutputs:\n  folder: out\n  exports:\n"
      "    - {type: stories, file: verhalen.sav, syntax: true, codebook_doc: verhalen.md}\n"
      "    - {type: codings, file: data/coderingen.dta, syntax: true}\n"
      "    - {type: respondents, file: respondenten.csv, codebook_doc: data/respondenten.html}\n",
      "/s/s.yaml");
  ASSERT_EQ(study.exports.size(), 3u);
  EXPECT_TRUE(study.exports[0].syntax);
  EXPECT_EQ(study.exports[0].codebook_doc, fs::path("/s/out/verhalen.md"));
  EXPECT_EQ(
      study.exports[0].Companions(),
      (std::vector<fs::path>{"/s/out/verhalen.sps", "/s/out/verhalen.csv", "/s/out/verhalen.md"}));
  EXPECT_EQ(study.exports[1].Companions(),
            (std::vector<fs::path>{"/s/out/data/coderingen.do", "/s/out/data/coderingen.csv"}));
  EXPECT_FALSE(study.exports[2].syntax);
  EXPECT_EQ(study.exports[2].Companions(),
            (std::vector<fs::path>{"/s/out/data/respondenten.html"}));
}

TEST(StudyTest, CompanionsThatCannotBeAreLocated) {
  const struct {
    std::string exports;
    std::string described;
  } cases[] = {
      {"    - {type: stories, file: s.csv, syntax: true}\n",
       "s.yaml:4:44: 'syntax: true' goes with a .sav or .dta file (an SPSS .sps or Stata .do that "
       "labels the CSV export), not 's.csv'\n"
       "      - {type: stories, file: s.csv, syntax: true}\n"
       "                                             ^"},
      {"    - {type: matrix, file: m.md, rows: role, cols: kind, syntax: true}\n",
       "s.yaml:4:66: a matrix export does not take 'syntax:'; only a stories, codings, "
       "respondents or codebook_table export to .sav or .dta has a syntax companion\n"
       "      - {type: matrix, file: m.md, rows: role, cols: kind, syntax: true}\n"
       "                                                                   ^"},
      {"    - {type: stories, file: s.sav, codebook_doc: s.txt}\n",
       "s.yaml:4:50: 'codebook_doc' is a .md (Markdown) or .html file inside the output folder, "
       "such as 's.md', not 's.txt'\n"
       "      - {type: stories, file: s.sav, codebook_doc: s.txt}\n"
       "                                                   ^"},
      {"    - {type: stories, file: s.sav, syntax: true}\n"
       "    - {type: codings, file: s.csv}\n",
       "s.yaml:5:7: two exports write s.csv (the first at line 4); give each its own file\n"
       "      - {type: codings, file: s.csv}\n"
       "        ^"},
  };
  for (const auto& c : cases) {
    const std::string yaml = "project: a.verhaal\noutputs:\n  exports:\n" + c.exports;
    try {
      ParseStudyManifest(yaml, "s.yaml");
      ADD_FAILURE() << "no error for:\n" << yaml;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kData) << yaml;
      EXPECT_EQ(e.Describe(), c.described) << yaml;
    }
  }
}

TEST(StudyTest, BadDimensionIsLocatedAtItsValue) {
  try {
    ParseStudyManifest(
        "project: a.verhaal\noutputs:\n  exports:\n"
        "    - {type: matrix, file: m.md, rows: 'dyad:x@2', cols: role}\n",
        "s.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.location().line, 4);
    EXPECT_EQ(e.location().column, 40);  // the quote that starts the value
  }
}

TEST(StudyTest, MissingManifestIsKMissing) {
  try {
    LoadStudyManifest("/nonexistent/study.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kMissing);
  }
}

}  // namespace
}  // namespace verhaal
