// End-to-end: `verhaal export refi`, `verhaal export codebook` and
// `verhaal import refi` through the real binary.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

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
            "dry run of studie.qdpx (verhaal): would add 1 story, would update 0, 0 unchanged; 0 "
            "new respondents, 0 new variables, 0 new signifiers; would also add 1 code, 1 coder, "
            "1 coding, 0 memos; nothing was written\n");
  EXPECT_EQ(testing::ReadFile(dir / "b.verhaal"), empty);
  auto imported = RunVerhaal({"-p", "b.verhaal", "import", "refi", "studie.qdpx"}, dir.path());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out, "");
  EXPECT_EQ(imported.err,
            "studie.qdpx (verhaal): added 1 story, updated 0, 0 unchanged; 0 new respondents, 0 "
            "new variables, 0 new signifiers; also added 1 code, 1 coder, 1 coding, 0 memos\n");
  Project copy = Project::Open(dir / "b.verhaal");
  const auto codings = ListCodings(copy);
  ASSERT_EQ(codings.size(), 1u);
  EXPECT_EQ(codings[0].start, 3);
  EXPECT_EQ(codings[0].end, 6);
  EXPECT_EQ(codings[0].coder, "anna");
}

// A project with story SH-01 of `text`, coded willen by anna at each span.
void MakeProject(const std::filesystem::path& file, const std::string& text,
                 const std::vector<std::pair<int64_t, int64_t>>& spans) {
  Project project = Project::Create(file, "Studie");
  Story story;
  story.key = "SH-01";
  story.text = text;
  const int64_t id = AddStory(project, story);
  Code code;
  code.name = "willen";
  const int64_t code_id = AddCode(project, code);
  for (const auto& [start, end] : spans) {
    Coding coding;
    coding.story_id = id;
    coding.code_id = code_id;
    coding.coder_id = EnsureCoder(project, "anna");
    coding.start = start;
    coding.end = end;
    AddCoding(project, coding);
  }
}

// REFI-QDA goes the one story path (issue 20): importing the same project
// again changes nothing, a source whose text changed is kept until --update,
// and --dry-run and --update mean what they mean for every importer. Before,
// the second import added the story again as "SH-01 (2)" and --update was an
// unknown option.
TEST(RefiCliTest, ImportingAgainMergesByKeyAndUpdateReplacesAChangedSource) {
  TempDir dir;
  MakeProject(dir / "a.verhaal", "Ik wíl werken.", {{3, 6}});
  MakeProject(dir / "a2.verhaal", "Ik wíl graag werken.", {{3, 6}, {13, 19}});
  ASSERT_EQ(
      RunVerhaal({"-p", "a.verhaal", "export", "refi", "-o", "v1.qdpx"}, dir.path()).exit_code, 0);
  ASSERT_EQ(
      RunVerhaal({"-p", "a2.verhaal", "export", "refi", "-o", "v2.qdpx"}, dir.path()).exit_code, 0);
  ASSERT_EQ(RunVerhaal({"init", "b.verhaal"}, dir.path()).exit_code, 0);
  auto import = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"-p", "b.verhaal", "import", "refi"});
    auto r = RunVerhaal(args, dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.err;
  };
  import({"v1.qdpx"});
  EXPECT_EQ(import({"v1.qdpx"}),
            "v1.qdpx (verhaal): nothing to change; all 1 story are already in the project\n");
  {
    Project project = Project::Open(dir / "b.verhaal");
    EXPECT_EQ(CountStories(project), 1);
    EXPECT_EQ(ListCodings(project).size(), 1u);
  }
  // The changed source is kept, with its codings, and the summary says so.
  EXPECT_EQ(import({"v2.qdpx"}),
            "verhaal: warning: story SH-01 (v2.qdpx:18) differs from the one in the project; kept "
            "the stored one (import with --update to replace it)\n"
            "verhaal: warning: source 'SH-01': its codings, memos and values were not imported, "
            "as they belong to its new text\n"
            "v2.qdpx (verhaal): added 0 stories, updated 0, 0 unchanged, 1 changed but kept (use "
            "--update); 0 new respondents, 0 new variables, 0 new signifiers; also added 0 codes, "
            "0 coders, 0 codings, 0 memos\n");
  const std::string before = testing::ReadFile(dir / "b.verhaal");
  EXPECT_EQ(import({"v2.qdpx", "--update", "--dry-run"}),
            "dry run of v2.qdpx (verhaal): would add 0 stories, would update 1, 0 unchanged; 0 "
            "new respondents, 0 new variables, 0 new signifiers; would also add 0 codes, 0 "
            "coders, 1 coding, 0 memos; nothing was written\n");
  EXPECT_EQ(testing::ReadFile(dir / "b.verhaal"), before);
  EXPECT_EQ(import({"v2.qdpx", "--update"}),
            "v2.qdpx (verhaal): added 0 stories, updated 1, 0 unchanged; 0 new respondents, 0 new "
            "variables, 0 new signifiers; also added 0 codes, 0 coders, 1 coding, 0 memos\n");
  Project project = Project::Open(dir / "b.verhaal");
  ASSERT_EQ(CountStories(project), 1);
  EXPECT_EQ(FindStory(project, "SH-01")->text, "Ik wíl graag werken.");
  const auto codings = ListCodings(project);
  ASSERT_EQ(codings.size(), 2u);
  EXPECT_EQ(codings[0].start, 3);
  EXPECT_EQ(codings[1].start, 13);
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
