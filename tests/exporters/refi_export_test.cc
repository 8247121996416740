// REFI-QDA export: schema validity (xmllint against the standard's XSDs),
// stable GUIDs, and a round trip export -> import that keeps stories, codes,
// coders, attributes and codings one by one.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdlib>
#include <pugixml.hpp>
#include <sstream>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/respondents.h"
#include "corpus/signifiers.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "exporters/refi_qda.h"
#include "importers/refi_qda.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

// A small study: two respondents with attributes, three stories (diacritics,
// emoji, several lines), a code tree, two coders, codings and memos.
void FillStudy(Project& project) {
  Transaction transaction(project);
  const int64_t sh07 = EnsureRespondent(project, "SH-07", "statushouder");
  const int64_t km3 = EnsureRespondent(project, "KM-3", "klantmanager");
  Variable gemeente{0, VariableSubject::kRespondent, "gemeente", "", VariableType::kText, {}};
  Variable leeftijd{0, VariableSubject::kRespondent, "leeftijd", "", VariableType::kInteger, {}};
  Variable werkt{0, VariableSubject::kRespondent, "werkt", "", VariableType::kBoolean, {}};
  Variable score{0, VariableSubject::kStory, "score", "", VariableType::kFloat, {}};
  const int64_t g = EnsureVariable(project, gemeente);
  const int64_t l = EnsureVariable(project, leeftijd);
  const int64_t w = EnsureVariable(project, werkt);
  const int64_t s = EnsureVariable(project, score);
  SetRespondentValue(project, sh07, g, "Zoetermeer");
  SetRespondentValue(project, sh07, l, "34");
  SetRespondentValue(project, sh07, w, "1");
  SetRespondentValue(project, km3, g, "Delft");
  SetRespondentValue(project, km3, w, "0");
  Story a;
  a.key = "SH-07-1";
  a.respondent_id = sh07;
  a.kind = "experience";
  a.date = "2025-02-03";
  a.language = "nl";
  a.title = "Naar werk";
  a.text =
      "Mijn klantmanager zei: je moet. Ik wíl juist werken \xF0\x9F\x98\x80.\nDat voelde goed.";
  const int64_t story_a = AddStory(project, a);
  SetStoryValue(project, story_a, s, "0.75");
  Story b;
  b.key = "KM-3-w2";
  b.respondent_id = km3;
  b.kind = "reflection";
  b.wave = 2;
  b.text = "Samen een plan maken werkt beter dan dwingen.";
  const int64_t story_b = AddStory(project, b);
  Story c;
  c.key = "los verhaal";
  c.text = "Geen respondent, één zin.";
  AddStory(project, c);
  Code motivatie;
  motivatie.name = "motivatie";
  motivatie.codable = false;
  motivatie.colour = "#336699";
  motivatie.description = "Moeten of willen samenwerken";
  const int64_t m = AddCode(project, motivatie);
  Code willen;
  willen.name = "willen";
  willen.parent_id = m;
  const int64_t wi = AddCode(project, willen);
  Code moeten;
  moeten.name = "moeten";
  moeten.parent_id = m;
  const int64_t mo = AddCode(project, moeten);
  Code stijl;
  stijl.name = "aanmoedigend";
  const int64_t st = AddCode(project, stijl);
  const int64_t anna = EnsureCoder(project, "anna");
  const int64_t bram = EnsureCoder(project, "bram");
  auto code = [&](int64_t story, int64_t code_id, int64_t coder, int64_t start, int64_t end) {
    Coding coding;
    coding.story_id = story;
    coding.code_id = code_id;
    coding.coder_id = coder;
    coding.start = start;
    coding.end = end;
    coding.created = "2025-03-0" + std::to_string(1 + start % 8) + "T09:30:00Z";
    AddCoding(project, coding);
  };
  code(story_a, mo, anna, 23, 30);  // "je moet"
  code(story_a, wi, anna, 32, 53);  // "Ik wíl juist werken 😀"
  code(story_a, wi, bram, 32, 53);
  code(story_a, st, bram, 0, 71);  // the whole story
  code(story_b, st, anna, 0, 18);
  Memo memo;
  memo.story_id = story_a;
  memo.start = 32;
  memo.end = 53;
  memo.author = "anna";
  memo.title = "kern";
  memo.text = "Hier zit de omslag.";
  AddMemo(project, memo);
  Memo on_code;
  on_code.code_id = wi;
  on_code.text = "Let op intrinsieke motivatie.";
  AddMemo(project, on_code);
  transaction.Commit();
}

TEST(RefiExportTest, ExportValidatesAgainstBothSchemas) {
  VERHAAL_REQUIRE_SHARED(shared);
  if (std::system("xmllint --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "no xmllint";
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "Statushouders");
  FillStudy(project);
  const RefiExportFiles files = BuildRefiProject(project);
  ASSERT_EQ(files.entries.front().name, "project.qde");
  const auto qde = dir.Write("project.qde", files.entries.front().bytes);
  const auto qdc = dir.Write("codes.qdc", BuildRefiCodebook(project));
  for (const auto& [xml, schema] : {std::pair{qde, shared / "refi/Project.xsd"},
                                    std::pair{qdc, shared / "refi/Codebook.xsd"}}) {
    const std::string command = "xmllint --noout --schema '" + schema.string() + "' '" +
                                xml.string() + "' > '" + (dir / "lint.txt").string() + "' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << xml << ":\n"
                                               << testing::ReadFile(dir / "lint.txt");
  }
}

TEST(RefiExportTest, GuidsAreStableAcrossExportsAndCodesKeepTheirs) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  FillStudy(project);
  const RefiExportFiles first = BuildRefiProject(project);
  const RefiExportFiles second = BuildRefiProject(project);
  ASSERT_EQ(first.entries.size(), 4u);  // project.qde and three sources
  for (size_t i = 0; i < first.entries.size(); ++i) {
    EXPECT_EQ(first.entries[i].name, second.entries[i].name);
    EXPECT_EQ(first.entries[i].bytes, second.entries[i].bytes);
  }
  const std::string guid = FindCodeByPath(project, "motivatie/willen")->guid;
  EXPECT_NE(first.entries[0].bytes.find("guid=\"" + guid + "\" name=\"willen\""),
            std::string::npos);
  EXPECT_EQ(StableGuid("story", "SH-07-1"), StableGuid("story", "SH-07-1"));
  EXPECT_NE(StableGuid("story", "SH-07-1"), StableGuid("story", "SH-07-2"));
  EXPECT_EQ(StableGuid("story", "SH-07-1").size(), 36u);
  EXPECT_EQ(first.counts.codings, 5);
  EXPECT_EQ(first.counts.selections, 4);
  EXPECT_EQ(first.counts.memos, 2);
}

TEST(RefiExportTest, RoundTripKeepsStoriesCodesCodersAttributesAndCodings) {
  TempDir dir;
  Project original = Project::Create(dir / "a.verhaal", "a");
  FillStudy(original);
  ExportRefiProject(original, dir / "studie.qdpx");
  Project copy = Project::Create(dir / "b.verhaal", "b");
  {
    Transaction transaction(copy);
    const auto report = ImportRefi(copy, dir / "studie.qdpx");
    EXPECT_TRUE(report.skipped.empty());
    transaction.Commit();
  }
  const auto stories_a = ListStories(original);
  const auto stories_b = ListStories(copy);
  ASSERT_EQ(stories_a.size(), stories_b.size());
  for (size_t i = 0; i < stories_a.size(); ++i) {
    const Story& a = stories_a[i];
    const Story& b = stories_b[i];
    EXPECT_EQ(a.key, b.key);
    EXPECT_EQ(a.text, b.text) << a.key;
    EXPECT_EQ(a.hash, b.hash) << a.key;
    EXPECT_EQ(a.title, b.title) << a.key;
    EXPECT_EQ(a.kind, b.kind) << a.key;
    EXPECT_EQ(a.wave, b.wave) << a.key;
    EXPECT_EQ(a.date, b.date) << a.key;
    EXPECT_EQ(a.language, b.language) << a.key;
    EXPECT_EQ(a.respondent_key, b.respondent_key) << a.key;
    EXPECT_EQ(a.role, b.role) << a.key;
    EXPECT_EQ(StoryValues(original, a.id), StoryValues(copy, b.id)) << a.key;
  }
  const auto codes_a = ListCodes(original);
  const auto codes_b = ListCodes(copy);
  ASSERT_EQ(codes_a.size(), codes_b.size());
  for (size_t i = 0; i < codes_a.size(); ++i) {
    EXPECT_EQ(codes_a[i].path, codes_b[i].path);
    EXPECT_EQ(codes_a[i].guid, codes_b[i].guid);
    EXPECT_EQ(codes_a[i].colour, codes_b[i].colour);
    EXPECT_EQ(codes_a[i].description, codes_b[i].description);
    EXPECT_EQ(codes_a[i].codable, codes_b[i].codable);
  }
  const auto coders_a = ListCoders(original);
  const auto coders_b = ListCoders(copy);
  ASSERT_EQ(coders_a.size(), coders_b.size());
  for (size_t i = 0; i < coders_a.size(); ++i) EXPECT_EQ(coders_a[i].name, coders_b[i].name);
  const auto respondents_a = ListRespondents(original);
  const auto respondents_b = ListRespondents(copy);
  ASSERT_EQ(respondents_a.size(), respondents_b.size());
  for (size_t i = 0; i < respondents_a.size(); ++i) {
    EXPECT_EQ(respondents_a[i].key, respondents_b[i].key);
    EXPECT_EQ(respondents_a[i].role, respondents_b[i].role);
    EXPECT_EQ(RespondentValues(original, respondents_a[i].id),
              RespondentValues(copy, respondents_b[i].id))
        << respondents_a[i].key;
  }
  for (const Variable& v : ListVariables(original)) {
    const auto found = FindVariable(copy, v.subject, v.name);
    ASSERT_TRUE(found) << v.name;
    EXPECT_EQ(found->type, v.type) << v.name;
  }
  const auto codings_a = ListCodings(original);
  const auto codings_b = ListCodings(copy);
  ASSERT_EQ(codings_a.size(), codings_b.size());
  for (size_t i = 0; i < codings_a.size(); ++i) {
    const Coding& a = codings_a[i];
    const Coding& b = codings_b[i];
    EXPECT_EQ(a.story_key, b.story_key);
    EXPECT_EQ(a.code_path, b.code_path);
    EXPECT_EQ(a.coder, b.coder);
    EXPECT_EQ(a.start, b.start);
    EXPECT_EQ(a.end, b.end);
    EXPECT_EQ(a.created, b.created);
  }
  const auto memos = ListMemos(copy);
  ASSERT_EQ(memos.size(), 2u);
  // And exporting the copy gives the same project.qde (same GUIDs).
  EXPECT_EQ(BuildRefiProject(original).entries[1].bytes, BuildRefiProject(copy).entries[1].bytes);
}

// What the export used to drop (issue 25): a coding's own memo, the
// signifier answers and an interview's speaker turns. The file still
// validates, and a re-import keeps them readable: the answers as story
// variables, the coding memo as a memo on its span and code, each turn as
// a memo on its span named after the speaker.
TEST(RefiExportTest, CodingMemosSignifierAnswersAndSpeakerTurnsAreExported) {
  VERHAAL_REQUIRE_SHARED(shared);
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  FillStudy(project);
  {
    Transaction transaction(project);
    const int64_t story = FindStory(project, "KM-3-w2")->id;
    Coding coding;
    coding.story_id = story;
    coding.code_id = FindCodeByPath(project, "motivatie/willen")->id;
    coding.coder_id = EnsureCoder(project, "anna");
    coding.start = 19;
    coding.end = 45;
    coding.memo = "Eigen plan, eigen tempo.";
    coding.created = "2025-03-04T10:00:00Z";
    AddCoding(project, coding);
    Signifier dyad;
    dyad.key = "motivatie";
    dyad.type = SignifierType::kDyad;
    dyad.title = "Samenwerking";
    dyad.x_low = "moeten";
    dyad.x_high = "willen";
    Signifier triad;
    triad.key = "belang";
    triad.type = SignifierType::kTriad;
    triad.title = "Wat was het belangrijkst?";
    triad.options = {{"geld", "Geld"}, {"taal", "Taal"}, {"werk", "Werk"}};
    Signifier list;
    list.key = "hulp";
    list.type = SignifierType::kList;
    list.multiple = true;
    list.options = {{"buurt", "Buren"}, {"familie", "Familie"}, {"gemeente", "Gemeente"}};
    Signifier text;
    text.key = "toelichting";
    text.type = SignifierType::kFreetext;
    for (Signifier* sig : {&dyad, &triad, &list, &text}) sig->id = EnsureSignifier(project, *sig);
    SignifierValue x;
    x.x = 0.8;
    SetSignifierValue(project, dyad, story, x);
    SignifierValue t;
    t.triad = {0.5, 0.25, 0.25};
    SetSignifierValue(project, triad, story, t);
    SignifierValue l;
    l.items = {0, 2};
    SetSignifierValue(project, list, story, l);
    SignifierValue na;
    na.not_applicable = true;
    SetSignifierValue(project, text, story, na);
    ReplaceSpeakerTurns(
        project, story,
        {{0, "Interviewer", true, 0, 18, "00:00:05"}, {1, "Amina", false, 19, 45, ""}});
    transaction.Commit();
  }
  const RefiExportFiles files = BuildRefiProject(project);
  const std::string& qde = files.entries.front().bytes;
  EXPECT_NE(qde.find("<PlainTextContent>Eigen plan, eigen tempo.</PlainTextContent>"),
            std::string::npos);
  EXPECT_NE(qde.find("name=\"signifier:belang:top\" typeOfVariable=\"Float\""), std::string::npos);
  // What NVivo or ATLAS.ti users read, then the whole definition for import refi.
  EXPECT_NE(
      qde.find("<Description>Wat was het belangrijkst? (triad): the share of Geld\n"
               R"(verhaal: {"key":"belang","type":"triad","title":"Wat was het belangrijkst?",)"
               R"("options":[{"key":"geld","label":"Geld"},{"key":"taal","label":"Taal"},)"
               R"({"key":"werk","label":"Werk"}]}</Description>)"),
      std::string::npos)
      << qde;
  EXPECT_NE(qde.find(R"(verhaal: {"key":"hulp","type":"list","multiple":true,"options":)"),
            std::string::npos);
  EXPECT_NE(qde.find("<FloatValue>0.8</FloatValue>"), std::string::npos);
  EXPECT_NE(qde.find("<TextValue>buurt; gemeente</TextValue>"), std::string::npos);
  EXPECT_NE(qde.find("name=\"Amina\" startPosition=\"19\" endPosition=\"45\""), std::string::npos);
  EXPECT_EQ(files.counts.speaker_turns, 2);
  if (std::system("xmllint --version > /dev/null 2>&1") == 0) {
    const auto file = dir.Write("project.qde", qde);
    const std::string command = "xmllint --noout --schema '" +
                                (shared / "refi/Project.xsd").string() + "' '" + file.string() +
                                "' > '" + (dir / "lint.txt").string() + "' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << testing::ReadFile(dir / "lint.txt");
  }
  ExportRefiProject(project, dir / "studie.qdpx");
  Project copy = Project::Create(dir / "b.verhaal", "b");
  {
    Transaction transaction(copy);
    ImportRefi(copy, dir / "studie.qdpx");
    transaction.Commit();
  }
  // import refi brings them back as what they were (tests/cli/refi_round_trip_test.cc
  // compares everything).
  const int64_t story = FindStory(copy, "KM-3-w2")->id;
  EXPECT_TRUE(StoryValues(copy, story).empty());
  const auto motivatie = FindSignifier(copy, "motivatie");
  ASSERT_TRUE(motivatie);
  EXPECT_EQ(GetSignifierValue(copy, *motivatie, story)->x, 0.8);
  const auto hulp = FindSignifier(copy, "hulp");
  ASSERT_TRUE(hulp);
  EXPECT_EQ(GetSignifierValue(copy, *hulp, story)->items, (std::vector<int>{0, 2}));
  EXPECT_TRUE(GetSignifierValue(copy, *FindSignifier(copy, "toelichting"), story)->not_applicable);
  bool coding_memo = false;
  for (const Coding& coding : ListCodings(copy)) {
    if (coding.memo == "Eigen plan, eigen tempo.") {
      coding_memo = true;
      EXPECT_EQ(coding.code_path, "motivatie/willen");
      EXPECT_EQ(coding.start, 19);
      EXPECT_EQ(coding.end, 45);
    }
  }
  EXPECT_TRUE(coding_memo);
  EXPECT_TRUE(ListMemos(copy, {.story_id = story}).empty());
  std::vector<std::string> speakers;
  for (const SpeakerTurn& turn : ListSpeakerTurns(copy, story)) {
    speakers.push_back(turn.speaker + (turn.interviewer ? " (interviewer)" : "") + " " +
                       turn.timestamp);
  }
  EXPECT_EQ(speakers, (std::vector<std::string>{"Interviewer (interviewer) 00:00:05", "Amina "}));
}

// The selections are formatted by hand for speed (issue 25): project.qde is
// still exactly what pugixml prints for the same document, with a coding
// memo and a span memo (printed by pugixml) beside plain codings.
TEST(RefiExportTest, ProjectQdeIsPrintedAsPugixmlPrintsIt) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p & <q>");
  FillStudy(project);
  {
    Transaction transaction(project);
    Coding coding;
    coding.story_id = FindStory(project, "KM-3-w2")->id;
    coding.code_id = FindCodeByPath(project, "aanmoedigend")->id;
    coding.coder_id = EnsureCoder(project, "bram");
    coding.start = 5;
    coding.end = 9;
    coding.memo = "\"plan\" & <tempo>";
    AddCoding(project, coding);
    transaction.Commit();
  }
  const std::string qde = BuildRefiProject(project).entries.front().bytes;
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(qde.c_str(), pugi::parse_default | pugi::parse_declaration));
  std::ostringstream again;
  document.save(again, "  ", pugi::format_default, pugi::encoding_utf8);
  EXPECT_EQ(again.str(), qde);
  EXPECT_NE(qde.find("<PlainTextContent>\"plan\" &amp; &lt;tempo&gt;</PlainTextContent>"),
            std::string::npos);
}

// The entries of a zip archive, in order, with their bytes.
std::vector<ZipEntry> ReadZip(const std::filesystem::path& file) {
  std::vector<ZipEntry> entries;
  zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY, nullptr);
  if (archive == nullptr) return entries;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    ZipEntry entry{stat.name, std::string(stat.size, '\0')};
    zip_file_t* opened = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    zip_fread(opened, entry.bytes.data(), stat.size);
    zip_fclose(opened);
    entries.push_back(std::move(entry));
  }
  zip_discard(archive);
  return entries;
}

// export refi writes project.qde through a temporary file and each source
// when its entry is written (issue 25): the archive holds the files built
// in memory, and two exports are the same bytes.
TEST(RefiExportTest, TheStreamedArchiveHoldsTheFilesBuiltInMemory) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  FillStudy(project);
  ExportRefiProject(project, dir / "a.qdpx");
  ExportRefiProject(project, dir / "b.qdpx");
  EXPECT_EQ(testing::ReadFile(dir / "a.qdpx"), testing::ReadFile(dir / "b.qdpx"));
  const std::vector<ZipEntry> streamed = ReadZip(dir / "a.qdpx");
  const RefiExportFiles built = BuildRefiProject(project);
  ASSERT_EQ(streamed.size(), built.entries.size());
  for (size_t i = 0; i < streamed.size(); ++i) {
    EXPECT_EQ(streamed[i].name, built.entries[i].name);
    EXPECT_EQ(streamed[i].bytes, built.entries[i].bytes) << built.entries[i].name;
  }
  // An empty project: <Project ... /> on its own.
  Project empty = Project::Create(dir / "e.verhaal", "leeg");
  const RefiExportFiles files = BuildRefiProject(empty);
  ASSERT_EQ(files.entries.size(), 1u);
  EXPECT_EQ(files.entries[0].bytes,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project "
            "xmlns=\"urn:QDA-XML:project:1.0\" name=\"leeg\" origin=\"verhaal\" />\n");
}

TEST(RefiExportTest, CodebookOfAnEmptyProjectIsRefused) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  try {
    BuildRefiCodebook(project);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.message(),
              "the project has no codes, and a REFI-QDA codebook needs at least one; load a "
              "codebook first");
  }
}

}  // namespace
}  // namespace verhaal
