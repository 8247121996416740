// Importing REFI-QDA projects and codebooks written inline: what ends up in
// the project, vendor differences, located errors, and the NVivo fixture.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/text.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/respondents.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "exporters/zip_writer.h"
#include "importers/refi_qda.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// GUIDs written short: G(1) = "00000000-0000-0000-0000-000000000001".
std::string G(int n) {
  std::string tail = std::to_string(n);
  return "00000000-0000-0000-0000-" + std::string(12 - tail.size(), '0') + tail;
}

// A MAXQDA-like project: two users, a code tree, a respondent case, a
// nameless per-source case, a text source in the archive with CRLF and a
// decomposed é, a PDF, notes.
std::string ProjectXml() {
  return R"(<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Studie" origin="MAXQDA 2022" creatingUserGUID=")" +
         G(1) + R"(">
  <Users>
    <User guid=")" +
         G(1) + R"(" name="anna"/>
    <User guid="{)" +
         G(2) + R"(}" name="bram"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid=")" +
         G(10) + R"(" name="motivatie" isCodable="false" color="#a0c">
        <Description>Waarom iemand meedoet</Description>
        <Code guid=")" +
         G(11) + R"(" name="willen" isCodable="true" color="#00FF00"/>
        <Code guid=")" +
         G(12) + R"(" name="moeten" isCodable="true"/>
      </Code>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid=")" +
         G(20) + R"(" name="gemeente" typeOfVariable="Text"/>
    <Variable guid=")" +
         G(21) + R"(" name="leeftijd" typeOfVariable="Integer"/>
    <Variable guid=")" +
         G(22) + R"(" name="role" typeOfVariable="Text"/>
    <Variable guid=")" +
         G(23) + R"(" name="thema" typeOfVariable="Text"/>
  </Variables>
  <Cases>
    <Case guid=")" +
         G(30) + R"(" name="SH-07">
      <VariableValue><VariableRef targetGUID=")" +
         G(20) + R"("/><TextValue>Utrecht</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID=")" +
         G(21) + R"("/><IntegerValue>34</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID=")" +
         G(22) + R"("/><TextValue>statushouder</TextValue></VariableValue>
      <SourceRef targetGUID=")" +
         G(40) + R"("/>
    </Case>
    <Case guid=")" +
         G(31) + R"(">
      <VariableValue><VariableRef targetGUID=")" +
         G(23) + R"("/><TextValue>werk</TextValue></VariableValue>
      <SourceRef targetGUID=")" +
         G(40) + R"("/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid=")" +
         G(40) + R"(" name="Interview SH-07" plainTextPath="internal://)" + G(40) + R"(.txt">
      <Description>Eerste gesprek</Description>
      <PlainTextSelection guid=")" +
         G(50) + R"(" startPosition="4" endPosition="14" creatingUser=")" + G(2) +
         R"(" creationDateTime="2025-03-01T10:00:00Z">
        <Coding guid=")" +
         G(51) + R"(" creatingUser=")" + G(2) + R"(" creationDateTime="2025-03-01T10:00:05Z">
          <CodeRef targetGUID="{)" +
         G(11) + R"(}"/>
        </Coding>
        <Coding guid=")" +
         G(52) + R"(" creatingUser=")" + G(1) + R"(">
          <CodeRef targetGUID=")" +
         G(12) + R"("/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid=")" +
         G(53) + R"(" name="mooi citaat" startPosition="16" endPosition="20"/>
      <NoteRef targetGUID=")" +
         G(60) + R"("/>
    </TextSource>
    <PDFSource guid=")" +
         G(41) + R"(" name="Beleidsnota" path="internal://)" + G(41) + R"(.pdf"/>
  </Sources>
  <Notes>
    <Note guid=")" +
         G(60) + R"(" name="eerste indruk" creatingUser=")" + G(1) + R"(">
      <PlainTextContent>Open gesprek.</PlainTextContent>
    </Note>
  </Notes>
  <Sets><Set guid=")" +
         G(70) + R"(" name="alles"/></Sets>
</Project>
)";
}

// "Ik wil\r\nwerken, café." with the é decomposed (e + U+0301): the source
// counts 22 code points, the stored text 20.
const std::string kSourceText = "Ik wil\r\nwerken, cafe\xCC\x81.";

RefiPackage Package(std::string xml) {
  RefiPackage package;
  package.file = "studie.qdpx";
  package.project_name = "project.qde";
  package.project_xml = std::move(xml);
  std::string name = G(40) + ".txt";
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  package.sources[name] = kSourceText;
  return package;
}

TEST(RefiImportTest, ImportsUsersCodesCasesSourcesCodingsAndNotes) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const RefiImportReport report = ImportRefiPackage(project, Package(ProjectXml()));
  EXPECT_EQ(report.origin, "MAXQDA 2022");
  EXPECT_EQ(report.coders, 2);
  EXPECT_EQ(report.codes, 3);
  EXPECT_EQ(report.stories.respondents_added, 1);
  EXPECT_EQ(report.stories.stories_added, 1);
  EXPECT_EQ(report.codings, 2);
  EXPECT_EQ(report.memos, 2);
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_EQ(
      report.skipped[0],
      "PDFSource 'Beleidsnota' (line 48) skipped: verhaal imports text sources and transcripts "
      "only");
  EXPECT_EQ(report.notes, std::vector<std::string>{"1 sets not imported (verhaal keeps no sets)"});

  const auto codes = ListCodes(project);
  ASSERT_EQ(codes.size(), 3u);
  EXPECT_EQ(codes[0].path, "motivatie");
  EXPECT_EQ(codes[0].guid, G(10));
  EXPECT_EQ(codes[0].colour, "#AA00CC");
  EXPECT_FALSE(codes[0].codable);
  EXPECT_EQ(codes[0].description, "Waarom iemand meedoet");
  EXPECT_EQ(codes[1].path, "motivatie/willen");
  EXPECT_EQ(codes[1].colour, "#00FF00");
  EXPECT_EQ(codes[2].path, "motivatie/moeten");

  const auto respondent = FindRespondent(project, "SH-07");
  ASSERT_TRUE(respondent);
  EXPECT_EQ(respondent->role, "statushouder");
  EXPECT_EQ(RespondentValues(project, respondent->id),
            (std::map<std::string, std::string>{{"gemeente", "Utrecht"}, {"leeftijd", "34"}}));

  const auto story = FindStory(project, "Interview SH-07");
  ASSERT_TRUE(story);
  EXPECT_EQ(story->text, "Ik wil\nwerken, caf\xC3\xA9.");
  EXPECT_EQ(story->title, "Eerste gesprek");
  EXPECT_EQ(story->respondent_key, "SH-07");
  // The nameless MAXQDA case holds the document's variables.
  EXPECT_EQ(StoryValues(project, story->id),
            (std::map<std::string, std::string>{{"thema", "werk"}}));

  // Source [4, 14) = "il\r\nwerken" -> stored [4, 13) = "il\nwerken".
  const auto codings = ListCodings(project);
  ASSERT_EQ(codings.size(), 2u);
  // Ordered by code path: moeten, then willen.
  EXPECT_EQ(codings[1].code_path, "motivatie/willen");
  EXPECT_EQ(codings[1].coder, "bram");
  EXPECT_EQ(codings[1].start, 4);
  EXPECT_EQ(codings[1].end, 13);
  EXPECT_EQ(codings[1].created, "2025-03-01T10:00:05Z");
  EXPECT_EQ(codings[1].origin, "import:refi");
  EXPECT_EQ(codings[0].code_path, "motivatie/moeten");
  EXPECT_EQ(codings[0].coder, "anna");
  // Without its own date, a coding takes its selection's.
  EXPECT_EQ(codings[0].created, "2025-03-01T10:00:00Z");
  EXPECT_EQ(SliceCodePoints(story->text, 4, 13), "il\nwerken");

  // Source [16, 20) = "cafe\u0301" minus its accent -> stored [15, 19) "café".
  const auto memos = ListMemos(project);
  ASSERT_EQ(memos.size(), 2u);
  bool saw_span = false;
  bool saw_note = false;
  for (const Memo& memo : memos) {
    if (memo.start) {
      saw_span = true;
      EXPECT_EQ(memo.title, "mooi citaat");
      EXPECT_EQ(SliceCodePoints(story->text, *memo.start, *memo.end), "caf\xC3\xA9");
    } else {
      saw_note = true;
      EXPECT_EQ(memo.text, "Open gesprek.");
      EXPECT_EQ(memo.author, "anna");
      EXPECT_EQ(memo.story_id, story->id);
    }
  }
  EXPECT_TRUE(saw_span && saw_note);
}

// Issue 20: the sources are merged by key like every importer's stories, so
// the second import of a project finds everything there (before, it added
// the story again as "Interview SH-07 (2)" with its codings and memos).
TEST(RefiImportTest, ImportingTheSameProjectAgainAddsNothing) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  ImportRefiPackage(project, Package(ProjectXml()));
  const RefiImportReport again = ImportRefiPackage(project, Package(ProjectXml()));
  EXPECT_FALSE(again.stories.changed());
  EXPECT_EQ(again.stories.stories_unchanged, 1);
  EXPECT_EQ(again.coders + again.codes + again.codings + again.memos, 0);
  EXPECT_EQ(again.stories.Summary("studie.qdpx", false),
            "studie.qdpx: nothing to change; all 1 story are already in the project");
  EXPECT_EQ(CountStories(project), 1);
  EXPECT_EQ(ListCodings(project).size(), 2u);
  EXPECT_EQ(ListMemos(project).size(), 2u);
}

// A signifier variable as `export refi` writes it, whose answer is not a
// number: a located error, nothing half-read (issue 25).
TEST(RefiImportTest, ASignifierAnswerThatIsNotANumberIsLocated) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">\n"
      "<Variables><Variable guid=\"" +
      G(20) +
      "\" name=\"signifier:motivatie\" "
      "typeOfVariable=\"Text\"><Description>Waarom? (dyad): 0 = moeten, 1 = willen"
      "</Description></Variable></Variables>\n<Sources>\n"
      "<TextSource guid=\"" +
      G(40) +
      "\" name=\"s\"><PlainTextContent>tekst</PlainTextContent>"
      "<VariableValue><VariableRef targetGUID=\"" +
      G(20) +
      "\"/><TextValue>veel</TextValue>"
      "</VariableValue></TextSource>\n</Sources>\n</Project>\n";
  try {
    ImportRefiPackage(project, Package(xml));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.location().line, 5);
    EXPECT_NE(e.message().find("source 's': signifier motivatie: 'veel' is not a number"),
              std::string::npos)
        << e.message();
  }
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

// The `verhaal: {JSON}` last line that `export refi` adds to a signifier
// variable's Description gives the definition exactly; one that is bad or
// does not fit, from a file another tool wrote or edited, is ignored with a
// warning naming the variable, and the signifier is read from the readable
// part as from other tools (issue 25).
TEST(RefiImportTest, ASignifiersVerhaalLineIsUsedOrIgnoredWithAWarning) {
  const std::string good =
      R"(verhaal: {"key":"steun","type":"triad","title":"Wie?","source":"sensemaker",)"
      R"("options":[{"key":"familie","label":"familie"},{"key":"gemeente"},)"
      R"({"key":"vrienden","label":"vrienden"}]})";
  struct Case {
    const char* name;
    std::string top_line;  // on signifier:steun:top; the others get `good`, or none with ""
    const char* first_anchor;
    const char* warning;  // "" for none
  } cases[] = {
      {"exact", good, "familie", ""},
      {"no line: another tool's file", "", "top", ""},
      {"not JSON", "verhaal: {\"key\":", "top",
       "variable 'signifier:steun:top': its verhaal: line is not a JSON object; signifier "
       "'steun' is read from the descriptions alone, as from other tools"},
      {"another key", Replace(good, "\"key\":\"steun\"", "\"key\":\"hulp\""), "top",
       "variable 'signifier:steun:top': its verhaal: line is of signifier 'hulp'"},
      {"another type", Replace(good, "\"triad\"", "\"dyad\""), "top",
       "its verhaal: line is of a dyad, its description of a triad"},
      {"unknown type", Replace(good, "\"triad\"", "\"slider\""), "top",
       "in its verhaal: line, unknown signifier type 'slider'"},
      {"two anchors", Replace(good, R"({"key":"gemeente"},)", ""), "top",
       "in its verhaal: line, the triad has 2 anchors, not 3"},
      {"same anchor twice", Replace(good, R"({"key":"gemeente"})", R"({"key":"familie"})"), "top",
       "in its verhaal: line, option key 'familie' is empty or not unique"},
      {"label not a string", Replace(good, R"("label":"familie")", R"("label":7)"), "top",
       "in its verhaal: line, \"label\" is not a string"},
      {"multiple not a boolean", Replace(good, "\"source\"", "\"multiple\":\"yes\",\"source\""),
       "top", "in its verhaal: line, \"multiple\" is not true or false"},
      {"differs from the others", Replace(good, "Wie?", "Wie hielp?"), "top",
       "variable 'signifier:steun:left': its verhaal: line differs from that of an earlier "
       "variable of signifier 'steun'"},
      {"a line on some variables only", "-", "top",
       "signifier 'steun': some of its variables have no verhaal: line; it is read from the "
       "descriptions alone, as from other tools"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    Project project = Project::Create(dir / "p.verhaal", "p");
    std::string variables;
    const char* anchors[] = {"top", "left", "right"};
    for (int i = 0; i < 3; ++i) {
      std::string line = i == 0 ? c.top_line : c.top_line.empty() ? "" : good;
      if (line == "-") line.clear();
      variables += "<Variable guid=\"" + G(20 + i) + "\" name=\"signifier:steun:" + anchors[i] +
                   "\" typeOfVariable=\"Float\"><Description>Wie? (triad): the share of " +
                   anchors[i] + (line.empty() ? "" : "\n" + line) + "</Description></Variable>";
    }
    std::string values;
    for (int i = 0; i < 3; ++i) {
      values += "<VariableValue><VariableRef targetGUID=\"" + G(20 + i) + "\"/><FloatValue>" +
                (i == 0 ? "0.5" : "0.25") + "</FloatValue></VariableValue>";
    }
    const std::string xml =
        "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">\n"
        "<Variables>" +
        variables + "</Variables>\n<Sources>\n<TextSource guid=\"" + G(40) +
        "\" name=\"s\"><PlainTextContent>tekst</PlainTextContent>" + values +
        "</TextSource>\n</Sources>\n</Project>\n";
    const RefiImportReport report = ImportRefiPackage(project, Package(xml));
    const auto steun = FindSignifier(project, "steun");
    ASSERT_TRUE(steun);
    ASSERT_EQ(steun->options.size(), 3u);
    EXPECT_EQ(steun->options[0].key, c.first_anchor);
    const auto& warnings = report.stories.warnings;
    if (*c.warning == '\0') {
      EXPECT_TRUE(warnings.empty()) << warnings.front();
      EXPECT_EQ(steun->source, std::string(c.first_anchor) == "top" ? "refi-qda" : "sensemaker");
    } else {
      ASSERT_FALSE(warnings.empty());
      EXPECT_NE(warnings.front().find(c.warning), std::string::npos) << warnings.front();
      EXPECT_EQ(warnings.front().rfind("studie.qdpx:project.qde:", 0), 0u) << warnings.front();
    }
    const auto answer = GetSignifierValue(project, *steun, ListStories(project).at(0).id);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->triad, (Triad{0.5, 0.25, 0.25}));
  }
}

TEST(RefiImportTest, AtlasTiCountsCrlfAsOne) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  // The same text, coded by a tool that counts "\r\n" as one: [4, 13).
  std::string xml = Replace(ProjectXml(), "origin=\"MAXQDA 2022\"", "origin=\"ATLAS.ti 24\"");
  xml = Replace(xml, "startPosition=\"4\" endPosition=\"14\"",
                "startPosition=\"4\" endPosition=\"13\"");
  xml = Replace(xml, "startPosition=\"16\" endPosition=\"20\"",
                "startPosition=\"15\" endPosition=\"19\"");
  const auto report = ImportRefiPackage(project, Package(xml));
  EXPECT_EQ(report.notes.front(),
            "positions read with CRLF as one character, as ATLAS.ti 24 counts them");
  const auto codings = ListCodings(project);
  ASSERT_EQ(codings.size(), 2u);
  EXPECT_EQ(codings[0].start, 4);
  EXPECT_EQ(codings[0].end, 13);
  const auto memos = ListMemos(project, MemoFilter{});
  for (const Memo& memo : memos) {
    if (memo.start) {
      EXPECT_EQ(*memo.start, 15);
    }
  }
}

TEST(RefiImportTest, ErrorsPointAtTheElementAndSayWhy) {
  struct Bad {
    const char* name;
    std::string from;
    std::string to;
    std::string message;
    int line;
  };
  const std::vector<Bad> cases = {
      {"unknown code", "CodeRef targetGUID=\"" + G(12), "CodeRef targetGUID=\"" + G(99),
       "CodeRef " + G(99) + " names no code in the <CodeBook>", 41},
      {"beyond the text", "startPosition=\"16\" endPosition=\"20\"",
       "startPosition=\"16\" endPosition=\"23\"",
       "the selection [16, 23) lies beyond the end of source 'Interview SH-07', which has 22 "
       "characters; if the tool counted CRLF as one character (ATLAS.ti) or two, say so with "
       "--crlf one|two",
       45},
      {"reversed", "startPosition=\"4\" endPosition=\"14\"",
       "startPosition=\"14\" endPosition=\"4\"",
       "endPosition 4 lies before startPosition 14; the selection is reversed", 37},
      {"bad GUID", "<Code guid=\"" + G(12), "<Code guid=\"xyz",
       "guid 'xyz' is not a GUID (8-4-4-4-12 hex digits, optionally in braces)", 12},
      {"bad colour", "color=\"#00FF00\"", "color=\"groen\"",
       "colour 'groen' is not #RGB or #RRGGBB; fix it or remove the color attribute", 11},
      {"bad integer", "<IntegerValue>34<", "<IntegerValue>oud<",
       "variable leeftijd: 'oud' is not an integer", 25},
  };
  for (const Bad& c : cases) {
    TempDir dir;
    Project project = Project::Create(dir / "p.verhaal", "p");
    try {
      ImportRefiPackage(project, Package(Replace(ProjectXml(), c.from, c.to)));
      ADD_FAILURE() << c.name << ": no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kData) << c.name;
      EXPECT_EQ(e.message(), c.message) << c.name;
      EXPECT_EQ(e.location().file, "studie.qdpx:project.qde") << c.name;
      EXPECT_EQ(e.location().line, c.line) << c.name;
    }
  }
}

// The project XML is read as a stream of pieces (one per source, case or
// section); a file on one line is cut in the middle of its line, and the
// pieces still say where they are.
TEST(RefiImportTest, AProjectOnOneLineImportsTheSameAndErrorsKeepTheirColumn) {
  std::string one_line;
  for (char c : ProjectXml()) {
    if (c != '\n') one_line += c;
  }
  {
    TempDir dir;
    Project project = Project::Create(dir / "p.verhaal", "p");
    const RefiImportReport report = ImportRefiPackage(project, Package(one_line));
    EXPECT_EQ(report.stories.stories_added, 1);
    EXPECT_EQ(report.codings, 2);
    EXPECT_EQ(report.memos, 2);
    EXPECT_EQ(report.stories.respondents_added, 1);
    ASSERT_EQ(report.skipped.size(), 1u);
    EXPECT_EQ(
        report.skipped[0],
        "PDFSource 'Beleidsnota' (line 1) skipped: verhaal imports text sources and transcripts "
        "only");
  }
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const std::string bad = Replace(one_line, "startPosition=\"4\" endPosition=\"14\"",
                                  "startPosition=\"14\" endPosition=\"4\"");
  const size_t selection = bad.find("<PlainTextSelection");
  try {
    ImportRefiPackage(project, Package(bad));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "endPosition 4 lies before startPosition 14; the selection is reversed");
    EXPECT_EQ(e.location().line, 1);
    // Shown as 100 code points around the column, the column counted in them.
    EXPECT_EQ(e.location().column, 26);
    EXPECT_EQ(e.location().text, bad.substr(selection - 25, 100));
  }
}

TEST(RefiImportTest, RefusesEntitiesAndMalformedXml) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const std::string entity =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<Project name=\"x\">&x;</Project>\n";
  try {
    ImportRefiPackage(project, Package(entity));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.location().line, 2);
    EXPECT_EQ(e.message(),
              "the XML has a DOCTYPE with entity declarations or an external reference; verhaal "
              "does not expand entities or fetch anything. REFI-QDA files need no DOCTYPE: "
              "remove it");
  }
  try {
    ImportRefiPackage(project, Package("<Project name=\"x\">\n<Users>\n</Project>"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.location().line, 3);
    EXPECT_EQ(e.message().rfind("not well-formed XML: ", 0), 0u) << e.message();
  }
}

// qdpx_fuzz's finding on the streaming REFI import: an archive whose project
// entry libzip cannot open (a damaged entry, the fuzzer's input kept in
// fuzz/seeds/qdpx_fuzz/) crashed in zip_fclose(nullptr) instead of this error.
TEST(RefiImportTest, AProjectEntryThatCannotBeOpenedIsADataError) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  try {
    ImportRefi(project,
               testing::SourceDir() / "fuzz/seeds/qdpx_fuzz/project-entry-unreadable.qdpx");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.message().rfind("cannot read '", 0), 0u) << e.message();
    EXPECT_NE(e.message().find("' in the archive: Invalid argument; the .qdpx may be damaged"),
              std::string::npos)
        << e.message();
  }
}

TEST(RefiImportTest, ReadsAQdpxWithAnotherQdeNameAndCapitalSources) {
  TempDir dir;
  const std::string xml = ProjectXml();
  WriteZip(dir / "Trial.qdpx", {{"Trial.qde", xml},
                                {"Sources/" + G(40) + ".txt", kSourceText},
                                {"Sources/" + G(41) + ".pdf", "%PDF"}});
  Project project = Project::Create(dir / "p.verhaal", "p");
  const auto report = ImportRefi(project, dir / "Trial.qdpx");
  EXPECT_EQ(report.stories.stories_added, 1);
  EXPECT_EQ(report.codings, 2);
}

TEST(RefiImportTest, RefusesZipSlipAndAnArchiveWithoutProject) {
  TempDir dir;
  WriteZip(dir / "evil.qdpx", {{"project.qde", ProjectXml()}, {"sources/../../x.txt", "x"}});
  try {
    ReadRefiPackage(dir / "evil.qdpx");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.message(),
              "the archive has an entry 'sources/../../x.txt' that points outside its folder "
              "(zip slip); refusing to import it. Export the project again from its tool");
  }
  for (const std::string name : {"/etc/x", "C:/x", "a/../../b", "..\\x"}) {
    EXPECT_TRUE(IsUnsafeEntryName(name)) << name;
  }
  for (const std::string name : {"sources/a..b.txt", "project.qde", "sources/x.txt"}) {
    EXPECT_FALSE(IsUnsafeEntryName(name)) << name;
  }
  WriteZip(dir / "empty.qdpx", {{"sources/a.txt", "x"}});
  EXPECT_THROW(ReadRefiPackage(dir / "empty.qdpx"), Error);
  // The project XML is read as a stream and has its own limit; a source is
  // read whole, so one source has a smaller one.
  WriteZip(dir / "big.qdpx", {{"project.qde", std::string(2048, ' ')}});
  RefiPackageLimits limits;
  limits.max_project_bytes = 1024;
  try {
    ReadRefiPackage(dir / "big.qdpx", limits);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("larger than"), std::string::npos) << e.message();
  }
  WriteZip(dir / "big-source.qdpx",
           {{"project.qde", ProjectXml()}, {"sources/" + G(40) + ".txt", std::string(2048, 'x')}});
  limits = RefiPackageLimits{};
  limits.max_entry_bytes = 1024;
  try {
    ReadRefiPackage(dir / "big-source.qdpx", limits);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("larger than 0 MiB"), std::string::npos) << e.message();
  }
}

TEST(RefiImportTest, CodebookWithAnotherNamespaceAndPrefix) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const std::string qdc = R"(<?xml version="1.0" encoding="utf-8"?>
<qdc:CodeBook xmlns:qdc="urn:QDA-XML:codebook:0:4" origin="ATLAS.ti">
  <qdc:Codes>
    <qdc:Code guid="{abcdef01-2345-6789-abcd-ef0123456789}" name="eigen regie" isCodable="true">
      <qdc:Code guid="abcdef01-2345-6789-abcd-ef012345678a" name="plan/doel" isCodable="true"/>
    </qdc:Code>
  </qdc:Codes>
</qdc:CodeBook>
)";
  const auto report = ImportRefiCodebook(project, "themas.qdc", qdc);
  EXPECT_EQ(report.codes, 2);
  const auto codes = ListCodes(project);
  ASSERT_EQ(codes.size(), 2u);
  EXPECT_EQ(codes[0].guid, "ABCDEF01-2345-6789-ABCD-EF0123456789");
  EXPECT_EQ(codes[1].path, "eigen regie/plan-doel");
  // Importing again adds nothing.
  EXPECT_EQ(ImportRefiCodebook(project, "themas.qdc", qdc).codes, 0);
  EXPECT_EQ(ListCodes(project).size(), 2u);
}

TEST(RefiImportTest, NvivoFixtureImportsTheWholeCodeTreeAndReportsEmptySources) {
  VERHAAL_REQUIRE_SHARED(shared);
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const auto report = ImportRefi(project, shared / "fixtures/refi/nvivo15_mac/project.qde");
  EXPECT_EQ(report.origin, "NVivo for Mac 15.0.0");
  EXPECT_EQ(report.codes, 262);
  EXPECT_EQ(report.coders, 2);
  EXPECT_EQ(report.stories.stories_added, 0);
  ASSERT_EQ(report.skipped.size(), 2u);
  EXPECT_EQ(report.skipped[0],
            "source '66653866-6334-3535-3435-366637306566' (line 1) has no plain text: "
            "internal://d097e6fd-7671-4d95-a8b6-7795fa4a72e1.txt is inside the .qdpx, and only "
            "the bare .qde was given; import the .qdpx to get its text");
  const auto codes = ListCodes(project);
  EXPECT_EQ(codes.size(), 262u);
  int roots = 0;
  size_t deepest = 0;
  for (const Code& code : codes) {
    if (!code.parent_id) ++roots;
    deepest =
        std::max(deepest, static_cast<size_t>(std::count(code.path.begin(), code.path.end(), '/')));
  }
  EXPECT_EQ(deepest + 1, 7u);
  EXPECT_TRUE(FindCodeByPath(project, "rq1_definition/competencies/programming"));
  EXPECT_TRUE(FindCodeByGuid(project, "36636563-3863-6264-3638-303637613863"));
  EXPECT_GT(roots, 0);
}

TEST(RefiImportTest, NvivoSourcesWithOnlyANewlineAreReportedAsEmpty) {
  VERHAAL_REQUIRE_SHARED(shared);
  TempDir dir;
  const std::string xml = testing::ReadFile(shared / "fixtures/refi/nvivo15_mac/project.qde");
  WriteZip(dir / "nvivo.qdpx", {{"project.qde", xml},
                                {"Sources/d097e6fd-7671-4d95-a8b6-7795fa4a72e1.txt", "\n"},
                                {"Sources/e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4.txt", "\n"}});
  Project project = Project::Create(dir / "p.verhaal", "p");
  const auto report = ImportRefi(project, dir / "nvivo.qdpx");
  EXPECT_EQ(report.codes, 262);
  ASSERT_EQ(report.skipped.size(), 2u);
  EXPECT_EQ(report.skipped[1],
            "source '33663939-3636-3632-3038-613431643463' (line 1) has no plain text: its text "
            "is empty (the tool may have kept the text only in the rich-text file; export it as "
            "plain text)");
}

}  // namespace
}  // namespace verhaal

namespace verhaal {
namespace {

// ProjectXml() with the text source's plainTextPath replaced.
std::string ProjectXmlWithSourcePath(const std::string& path) {
  std::string xml = ProjectXml();
  const std::string internal = "internal://" + G(40) + ".txt";
  xml.replace(xml.find(internal), internal.size(), path);
  return xml;
}

bool AnyStoryHolds(Project& project, const std::string& text) {
  for (const Story& story : ListStories(project, {})) {
    if (story.text.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(RefiImportTest, AQdpxReadsNoFileOutsideTheArchive) {
  TempDir dir;
  dir.Write("geheim.txt", "GEHEIM wachtwoord");
  fs::create_directory(dir / "a");
  const std::vector<std::string> paths = {
      "absolute://" + (dir / "geheim.txt").string(), "relative://../geheim.txt",
      "relative://geheim.txt", "absolute:///etc/passwd", "relative://../../../../etc/passwd"};
  for (const std::string& path : paths) {
    WriteZip(dir / "a/evil.qdpx", {{"project.qde", ProjectXmlWithSourcePath(path)}});
    Project project = Project::Create(dir / "p.verhaal", "p");
    const auto report = ImportRefi(project, dir / "a/evil.qdpx");
    EXPECT_EQ(report.stories.stories_added, 0) << path;
    EXPECT_FALSE(AnyStoryHolds(project, "GEHEIM")) << path;
    EXPECT_FALSE(AnyStoryHolds(project, "root:")) << path;
    ASSERT_FALSE(report.skipped.empty()) << path;
    EXPECT_NE(report.skipped.front().find("is outside the archive; verhaal reads only the "
                                          "sources inside a .qdpx"),
              std::string::npos)
        << report.skipped.front();
    fs::remove(dir / "p.verhaal");
  }
}

TEST(RefiImportTest, ABareQdeReadsFilesInItsFolderOnlyWhenAllowed) {
  TempDir dir;
  dir.Write("geheim.txt", "GEHEIM wachtwoord");
  fs::create_directory(dir / "qde");
  dir.Write("qde/" + G(40) + ".txt", std::string(kSourceText));
  fs::create_symlink(dir / "geheim.txt", dir / "qde/link.txt");
  struct Case {
    std::string path;
    bool allow;
    int stories;
    std::string skipped;  // part of the reason, when skipped
  };
  const Case cases[] = {
      {"relative://" + G(40) + ".txt", false, 0, "give --allow-external-sources"},
      {"relative://" + G(40) + ".txt", true, 1, ""},
      {"absolute://" + (dir / "qde" / (G(40) + ".txt")).string(), true, 1, ""},
      {"relative://../geheim.txt", true, 0, "outside the .qde's folder"},
      {"absolute://" + (dir / "geheim.txt").string(), true, 0, "outside the .qde's folder"},
      {"relative://link.txt", true, 0, "outside the .qde's folder"},
      {"absolute:///etc/passwd", true, 0, "outside the .qde's folder"},
  };
  for (const Case& c : cases) {
    dir.Write("qde/project.qde", ProjectXmlWithSourcePath(c.path));
    Project project = Project::Create(dir / "p.verhaal", "p");
    RefiImportOptions options;
    options.allow_external_sources = c.allow;
    const auto report = ImportRefi(project, dir / "qde/project.qde", options);
    EXPECT_EQ(report.stories.stories_added, c.stories) << c.path;
    EXPECT_FALSE(AnyStoryHolds(project, "GEHEIM")) << c.path;
    if (!c.skipped.empty()) {
      ASSERT_FALSE(report.skipped.empty()) << c.path;
      EXPECT_NE(report.skipped.front().find(c.skipped), std::string::npos)
          << report.skipped.front();
    }
    fs::remove(dir / "p.verhaal");
  }
}

TEST(RefiImportTest, ABareQdeSourceLargerThanTheLimitIsRefused) {
  TempDir dir;
  fs::create_directory(dir / "qde");
  { std::ofstream big(dir / "qde/big.txt"); }
  fs::resize_file(dir / "qde/big.txt", (256ull << 20) + 1);  // sparse: no disk used
  dir.Write("qde/project.qde", ProjectXmlWithSourcePath("relative://big.txt"));
  Project project = Project::Create(dir / "p.verhaal", "p");
  RefiImportOptions options;
  options.allow_external_sources = true;
  try {
    ImportRefi(project, dir / "qde/project.qde", options);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_NE(e.message().find("a source may have at most 256 MB"), std::string::npos)
        << e.message();
  }
}

}  // namespace
}  // namespace verhaal

namespace verhaal {
namespace {

TEST(RefiImportTest, ADeeplyNestedCodebookIsALocatedErrorNotACrash) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  std::string qdc =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\n<Codes>\n";
  const int depth = 5000;
  for (int i = 0; i < depth; ++i) {
    qdc += "<Code guid=\"" + G(100000 + i) + "\" name=\"c" + std::to_string(i) +
           "\" isCodable=\"true\">\n";
  }
  for (int i = 0; i < depth; ++i) qdc += "</Code>";
  qdc += "\n</Codes>\n</CodeBook>\n";
  try {
    ImportRefiCodebook(project, "diep.qdc", qdc);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.location().line, 3 + kMaxCodeDepth + 1);  // the 101st <Code>
    EXPECT_NE(e.message().find("codes are nested more than 100 levels deep here"),
              std::string::npos)
        << e.message();
  }
}

}  // namespace
}  // namespace verhaal
