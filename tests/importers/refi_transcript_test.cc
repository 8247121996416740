// Importing the transcripts of REFI-QDA AudioSources and VideoSources
// (issue 25): each Transcript becomes an interview story with its speaker
// turns and the codings of its TranscriptSelections, placed by SyncPoints.
// The .qdpx is written here, with our own text, and checked against the
// standard's schema when ../shared has it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "base/text.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "exporters/zip_writer.h"
#include "importers/refi_qda.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

// GUIDs written short: G(1) = "00000000-0000-0000-0000-000000000001".
std::string G(int n) {
  std::string tail = std::to_string(n);
  return "00000000-0000-0000-0000-" + std::string(12 - tail.size(), '0') + tail;
}

// An interview with CRLF line ends and a decomposed é (e + U+0301), as a
// recording's transcript. Source positions (CRLF two, é two): "Ik" at 37,
// the end of "café." at 66, "werk" at [100, 104).
const std::string kTranscript =
    "Interviewer: Hoe begon het?\r\n"
    "Samira: Ik wilde werken in een cafe\xCC\x81.\r\n"
    "Interviewer: En nu?\r\n"
    "Samira: Nu werk ik.\r\n";

std::string ProjectXml() {
  return R"(<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Opnames" origin="NVivo 15">
  <Users>
    <User guid=")" +
         G(1) + R"(" name="anna"/>
    <User guid=")" +
         G(2) + R"(" name="bram"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid=")" +
         G(10) + R"(" name="werk" isCodable="true"/>
      <Code guid=")" +
         G(11) + R"(" name="taal" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Cases>
    <Case guid=")" +
         G(30) + R"(" name="R-12">
      <SourceRef targetGUID=")" +
         G(40) + R"("/>
    </Case>
  </Cases>
  <Sources>
    <AudioSource guid=")" +
         G(40) + R"(" name="Gesprek 12" path="internal://)" + G(40) + R"(.m4a">
      <Description>Tweede gesprek</Description>
      <Transcript guid=")" +
         G(41) + R"(" name="transcript" plainTextPath="internal://)" + G(41) + R"(.txt">
        <SyncPoint guid=")" +
         G(91) + R"(" timeStamp="5000" position="37"/>
        <SyncPoint guid=")" +
         G(92) + R"(" timeStamp="9000" position="66"/>
        <SyncPoint guid=")" +
         G(94) + R"(" timeStamp="21000" position="104"/>
        <SyncPoint guid=")" +
         G(93) + R"(" timeStamp="20000" position="100"/>
        <TranscriptSelection guid=")" +
         G(50) + R"(" fromSyncPoint=")" + G(91) + R"(" toSyncPoint=")" + G(92) +
         R"(" creatingUser=")" + G(1) + R"(">
          <Coding guid=")" +
         G(51) + R"("><CodeRef targetGUID=")" + G(10) + R"("/></Coding>
        </TranscriptSelection>
        <TranscriptSelection guid=")" +
         G(52) + R"(" fromSyncPoint=")" + G(93) + R"(" toSyncPoint=")" + G(94) + R"(">
          <Coding guid=")" +
         G(53) + R"(" creatingUser=")" + G(2) + R"("><CodeRef targetGUID=")" + G(10) +
         R"("/></Coding>
        </TranscriptSelection>
        <NoteRef targetGUID=")" +
         G(60) + R"("/>
      </Transcript>
      <AudioSelection guid=")" +
         G(54) + R"(" begin="5000" end="9000">
        <Coding guid=")" +
         G(55) + R"("><CodeRef targetGUID=")" + G(11) + R"("/></Coding>
      </AudioSelection>
    </AudioSource>
    <VideoSource guid=")" +
         G(42) + R"(" name="Markt">
      <Transcript guid=")" +
         G(43) + R"(">
        <PlainTextContent>Een korte video over de markt.</PlainTextContent>
        <SyncPoint guid=")" +
         G(95) + R"(" position="4"/>
        <SyncPoint guid=")" +
         G(96) + R"(" position="9"/>
        <TranscriptSelection guid=")" +
         G(56) + R"(" fromSyncPoint=")" + G(95) + R"(" toSyncPoint=")" + G(96) + R"(">
          <Coding guid=")" +
         G(57) + R"("><CodeRef targetGUID=")" + G(11) + R"("/></Coding>
        </TranscriptSelection>
      </Transcript>
    </VideoSource>
    <VideoSource guid=")" +
         G(44) + R"(" name="Zonder tekst" path="internal://)" + G(44) + R"(.mp4"/>
  </Sources>
  <Notes>
    <Note guid=")" +
         G(60) + R"(" name="toon" creatingUser=")" + G(1) + R"(">
      <PlainTextContent>Rustig gesprek.</PlainTextContent>
    </Note>
  </Notes>
</Project>
)";
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::filesystem::path WriteQdpx(const TempDir& dir) {
  const auto file = dir / "opnames.qdpx";
  WriteZip(file, {{"project.qde", ProjectXml()},
                  {"sources/" + Lower(G(41)) + ".txt", kTranscript},
                  {"sources/" + Lower(G(40)) + ".m4a", "not really audio"}});
  return file;
}

TEST(RefiTranscriptTest, TheTestProjectIsValidQdaXml) {
  VERHAAL_REQUIRE_SHARED(shared);
  if (std::system("xmllint --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "no xmllint";
  TempDir dir;
  const auto qde = dir.Write("project.qde", ProjectXml());
  const std::string command = "xmllint --noout --schema '" +
                              (shared / "refi/Project.xsd").string() + "' '" + qde.string() +
                              "' > '" + (dir / "lint.txt").string() + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << testing::ReadFile(dir / "lint.txt");
}

// Before issue 25 both recordings were skipped ("verhaal imports text
// sources only") and nothing of them came in.
TEST(RefiTranscriptTest, TranscriptsBecomeInterviewStoriesWithTurnsAndCodings) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const RefiImportReport report = ImportRefi(project, WriteQdpx(dir));
  EXPECT_EQ(report.stories.stories_added, 2);
  EXPECT_EQ(report.codings, 3);
  EXPECT_EQ(report.memos, 1);
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_EQ(report.skipped[0],
            "VideoSource 'Zonder tekst' (line 48) skipped: it has no transcript, and verhaal "
            "imports text sources and transcripts only");
  EXPECT_EQ(report.notes,
            std::vector<std::string>{"1 selections of the recording of AudioSource 'Gesprek 12' "
                                     "not imported (verhaal codes text: code its transcript)"});

  const auto story = FindStory(project, "Gesprek 12");
  ASSERT_TRUE(story);
  EXPECT_EQ(story->kind, "interview");
  EXPECT_EQ(story->title, "Tweede gesprek");
  EXPECT_EQ(story->respondent_key, "R-12");
  EXPECT_EQ(story->text.find('\r'), std::string::npos);

  // Each turn from its label; a turn without a time in its label takes its
  // earliest sync point's.
  const auto turns = ListSpeakerTurns(project, story->id);
  ASSERT_EQ(turns.size(), 4u);
  const struct {
    std::string speaker;
    bool interviewer;
    std::string words;
    std::string timestamp;
  } kTurns[] = {
      {"Interviewer", true, "Hoe begon het?", ""},
      {"Samira", false, "Ik wilde werken in een caf\xC3\xA9.", "00:00:05"},
      {"Interviewer", true, "En nu?", ""},
      {"Samira", false, "Nu werk ik.", "00:00:20"},
  };
  for (size_t i = 0; i < turns.size(); ++i) {
    EXPECT_EQ(turns[i].speaker, kTurns[i].speaker) << i;
    EXPECT_EQ(turns[i].interviewer, kTurns[i].interviewer) << i;
    EXPECT_EQ(SliceCodePoints(story->text, turns[i].start, turns[i].end), kTurns[i].words) << i;
    EXPECT_EQ(turns[i].timestamp, kTurns[i].timestamp) << i;
  }

  // Selections from sync point to sync point, mapped past the CRLFs and the
  // decomposed é; the coder is the coding's, else the selection's.
  CodingFilter filter;
  filter.story_id = story->id;
  const auto codings = ListCodings(project, filter);
  ASSERT_EQ(codings.size(), 2u);
  EXPECT_EQ(codings[0].code_path, "werk");
  EXPECT_EQ(SliceCodePoints(story->text, codings[0].start, codings[0].end),
            "Ik wilde werken in een caf\xC3\xA9.");
  EXPECT_EQ(codings[0].coder, "anna");
  EXPECT_EQ(SliceCodePoints(story->text, codings[1].start, codings[1].end), "werk");
  EXPECT_EQ(codings[1].coder, "bram");

  const auto memos = ListMemos(project);
  ASSERT_EQ(memos.size(), 1u);
  EXPECT_EQ(memos[0].story_id, story->id);
  EXPECT_EQ(memos[0].text, "Rustig gesprek.");

  // A transcript without speaker labels is a story without turns.
  const auto video = FindStory(project, "Markt");
  ASSERT_TRUE(video);
  EXPECT_EQ(video->kind, "interview");
  EXPECT_TRUE(ListSpeakerTurns(project, video->id).empty());
  filter.story_id = video->id;
  const auto video_codings = ListCodings(project, filter);
  ASSERT_EQ(video_codings.size(), 1u);
  EXPECT_EQ(SliceCodePoints(video->text, video_codings[0].start, video_codings[0].end), "korte");

  // Imported again: found by key, nothing twice.
  const RefiImportReport again = ImportRefi(project, dir / "opnames.qdpx");
  EXPECT_FALSE(again.stories.changed());
  EXPECT_EQ(ListCodings(project).size(), 3u);
  EXPECT_EQ(ListSpeakerTurns(project, story->id).size(), 4u);
}

TEST(RefiTranscriptTest, ASelectionNamingNoSyncPointIsALocatedError) {
  TempDir dir;
  std::string xml = ProjectXml();
  const std::string from = "fromSyncPoint=\"" + G(95) + "\"";
  xml.replace(xml.find(from), from.size(), "fromSyncPoint=\"" + G(99) + "\"");
  WriteZip(dir / "bad.qdpx",
           {{"project.qde", xml}, {"sources/" + Lower(G(41)) + ".txt", kTranscript}});
  Project project = Project::Create(dir / "p.verhaal", "p");
  try {
    ImportRefi(project, dir / "bad.qdpx");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.location().line, 43);
    EXPECT_NE(e.message().find("fromSyncPoint " + G(99) +
                               " names no <SyncPoint> of this "
                               "transcript"),
              std::string::npos)
        << e.message();
  }
}

}  // namespace
}  // namespace verhaal
