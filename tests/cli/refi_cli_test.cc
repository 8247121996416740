// End-to-end: `verhaal export refi`, `verhaal export codebook` and
// `verhaal import refi` through the real binary.
#include <gtest/gtest.h>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/stories.h"
#include "exporters/zip_writer.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

void MakeProject(const std::filesystem::path& file) {
  Project project = Project::Create(file, "Studie");
  Story story;
  story.key = "SH-01";
  story.text = "Ik wíl werken.";
  const int64_t id = AddStory(project, story);
  Code code;
  code.name = "willen";
  Coding coding;
  coding.story_id = id;
  coding.code_id = AddCode(project, code);
  coding.coder_id = EnsureCoder(project, "anna");
  coding.start = 3;
  coding.end = 6;
  AddCoding(project, coding);
}

TEST(RefiCliTest, ExportThenImportIntoANewProject) {
  TempDir dir;
  MakeProject(dir / "a.verhaal");
  auto exported =
      RunVerhaal({"-p", "a.verhaal", "export", "refi", "-o", "studie.qdpx"}, dir.path());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out,
            "wrote studie.qdpx: 1 stories, 1 codes, 1 coders, 0 respondents, 1 codings, 0 memos\n");
  auto codebook = RunVerhaal({"-p", "a.verhaal", "export", "codebook", "-o", "c.qdc"}, dir.path());
  ASSERT_EQ(codebook.exit_code, 0) << codebook.err;
  EXPECT_EQ(codebook.out, "wrote c.qdc: 1 codes\n");
  ASSERT_EQ(RunVerhaal({"init", "b.verhaal"}, dir.path()).exit_code, 0);
  const std::string empty = testing::ReadFile(dir / "b.verhaal");
  auto dry =
      RunVerhaal({"-p", "b.verhaal", "import", "refi", "studie.qdpx", "--dry-run"}, dir.path());
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_EQ(dry.err,
            "dry run of studie.qdpx (verhaal): would import 1 stories, 1 codes, 1 coders, 0 "
            "respondents, 0 variables, 1 codings, 0 memos; 0 skipped; nothing was written\n");
  EXPECT_EQ(testing::ReadFile(dir / "b.verhaal"), empty);
  auto imported = RunVerhaal({"-p", "b.verhaal", "import", "refi", "studie.qdpx"}, dir.path());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out, "");
  EXPECT_EQ(imported.err,
            "imported studie.qdpx (verhaal): 1 stories, 1 codes, 1 coders, 0 respondents, 0 "
            "variables, 1 codings, 0 memos; 0 skipped\n");
  Project copy = Project::Open(dir / "b.verhaal");
  const auto codings = ListCodings(copy);
  ASSERT_EQ(codings.size(), 1u);
  EXPECT_EQ(codings[0].start, 3);
  EXPECT_EQ(codings[0].end, 6);
  EXPECT_EQ(codings[0].coder, "anna");
}

TEST(RefiCliTest, AFailingImportChangesNothing) {
  TempDir dir;
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">\n"
      "<CodeBook><Codes><Code guid=\"00000000-0000-0000-0000-000000000001\" name=\"a\" "
      "isCodable=\"true\"/></Codes></CodeBook>\n<Sources>\n"
      "<TextSource guid=\"00000000-0000-0000-0000-000000000002\" name=\"s\">"
      "<PlainTextContent>tekst</PlainTextContent>\n"
      "<PlainTextSelection guid=\"00000000-0000-0000-0000-000000000003\" startPosition=\"0\" "
      "endPosition=\"9\"/></TextSource>\n</Sources>\n</Project>\n";
  WriteZip(dir / "bad.qdpx", {{"project.qde", xml}});
  ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir.path()).exit_code, 0);
  auto r = RunVerhaal({"import", "refi", "bad.qdpx"}, dir.path());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(
      r.err,
      "verhaal: error: bad.qdpx:project.qde:6:1: the selection [0, 9) lies beyond the end "
      "of source 's', which has 5 characters; if the tool counted CRLF as one character "
      "(ATLAS.ti) or two, say so with --crlf one|two\n"
      // The offending line, cut to 100 characters, and a caret under the element.
      "  <PlainTextSelection guid=\"00000000-0000-0000-0000-000000000003\" startPosition=\"0\" "
      "endPosition=\"9\"/><\n  ^\n");
  Project project = Project::Open(dir / "p.verhaal");
  EXPECT_EQ(ListCodes(project).size(), 0u);
  EXPECT_EQ(CountStories(project), 0);
}

TEST(RefiCliTest, UsageErrors) {
  TempDir dir;
  ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir.path()).exit_code, 0);
  auto r = RunVerhaal({"export", "refy", "-o", "x.qdpx"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown export format 'refy'; did you mean 'refi'?"), std::string::npos)
      << r.err;
  r = RunVerhaal({"export", "refi"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  r = RunVerhaal({"import", "refi", "missing.qdpx"}, dir.path());
  EXPECT_EQ(r.exit_code, 66);
  r = RunVerhaal({"export", "refi", "--help"}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("example:\n  verhaal export refi"), std::string::npos);
}

}  // namespace
}  // namespace verhaal
