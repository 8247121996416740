// End-to-end tests of `verhaal pseudonymise`: the real binary on the example
// study and on our Dutch test set (tests/privacy/data/stories.txt).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "base/text.h"
#include "corpus/codings.h"
#include "corpus/project_settings.h"
#include "corpus/rewrite.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunResult;
using testing::RunVerhaal;
using testing::SourceDir;
using testing::TempDir;

constexpr const char* kPassphrase = "lange zin met spaties 42";

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return s;
}

// Whether `word` occurs in `text` as a whole word (or words).
bool ContainsWord(const std::string& text, const std::string& word) {
  const auto letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool before = at == 0 || !letter(text[at - 1]);
    const bool after = at + word.size() >= text.size() || !letter(text[at + word.size()]);
    if (before && after) return true;
  }
  return false;
}

// The code points [start, end) of `text`.
std::string Slice(const std::string& text, int64_t start, int64_t end) {
  const size_t a = ByteOffsetOf(text, static_cast<size_t>(start));
  const size_t b = ByteOffsetOf(text, static_cast<size_t>(end));
  return text.substr(a, b - a);
}

class PseudonymiseCliTest : public ::testing::Test {
 protected:
  // The example study, run once for the suite.
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    const RunResult run = RunVerhaal(
        {"run", (SourceDir() / "examples/statushouders/study.yaml").string(), "--out", "out"},
        dir_->path());
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  static void TearDownTestSuite() { dir_.reset(); }
  void SetUp() override { ::setenv("VERHAAL_PASSPHRASE", kPassphrase, 1); }
  void TearDown() override { ::unsetenv("VERHAAL_PASSPHRASE"); }

  static fs::path Example() { return dir_->path() / "out/statushouders.verhaal"; }
  static std::unique_ptr<TempDir> dir_;
};
std::unique_ptr<TempDir> PseudonymiseCliTest::dir_;

TEST_F(PseudonymiseCliTest, DryRunListsDetectionsInCodePointsOfTheStoredText) {
  const RunResult r = RunVerhaal(
      {"-p", Example().string(), "pseudonymise", "--dry-run", "--format", "json"}, dir_->path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto list = nlohmann::json::parse(r.out);
  ASSERT_GT(list.size(), 10u);
  Project project = Project::Open(Example());
  bool marloes = false;
  for (const auto& d : list) {
    for (const char* key : {"story", "start", "end", "category", "text", "replacement", "reason"}) {
      ASSERT_TRUE(d.contains(key)) << d.dump();
    }
    if (d["field"] != "text") continue;
    const auto story = FindStory(project, d["story"].get<std::string>());
    ASSERT_TRUE(story) << d.dump();
    EXPECT_EQ(Slice(story->text, d["start"], d["end"]), d["text"].get<std::string>()) << d.dump();
    marloes = marloes || (d["text"] == "Marloes" && d["category"] == "PERSOON");
  }
  EXPECT_TRUE(marloes) << "the klantmanager Marloes of SH-01-E is found";
}

TEST_F(PseudonymiseCliTest, CleanCopyKeepsTheMatrixAndTheCodedWords) {
  TempDir out;
  const fs::path clean = out / "schoon.verhaal";
  const fs::path key = out / "schoon.key";
  const std::string before = ReadFile(Example());
  const RunResult r = RunVerhaal(
      {"-p", Example().string(), "pseudonymise", "--out", clean.string(), "--key", key.string()},
      out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("replacements"), std::string::npos) << r.out;
  struct stat st {};
  ASSERT_EQ(::stat(key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  for (const std::vector<std::string>& axes :
       {std::vector<std::string>{"--rows", "dyad:motivatie", "--cols", "dyad:stijl"},
        std::vector<std::string>{"--rows", "code:motivatie@anna+bram", "--cols",
                                 "code:communicatiestijl@anna+bram"}}) {
    std::vector<std::string> a = {"-p", Example().string(), "matrix"};
    std::vector<std::string> b = {"-p", clean.string(), "matrix"};
    a.insert(a.end(), axes.begin(), axes.end());
    b.insert(b.end(), axes.begin(), axes.end());
    const RunResult original = RunVerhaal(a, out.path());
    const RunResult copy = RunVerhaal(b, out.path());
    ASSERT_EQ(original.exit_code, 0) << original.err;
    EXPECT_EQ(copy.out, original.out) << axes[1];
  }
  // Every coding is there, on the same words (a segment without identifiers
  // reads the same; one with them holds their pseudonyms).
  Project original = Project::Open(Example());
  Project copy = Project::Open(clean);
  const auto codings_before = ListCodings(original);
  const auto codings_after = ListCodings(copy);
  ASSERT_EQ(codings_after.size(), codings_before.size());
  int same = 0;
  for (size_t i = 0; i < codings_before.size(); ++i) {
    const auto story_before = FindStoryById(original, codings_before[i].story_id);
    const auto story_after = FindStoryById(copy, codings_after[i].story_id);
    const std::string a = Slice(story_before->text, codings_before[i].start, codings_before[i].end);
    const std::string b = Slice(story_after->text, codings_after[i].start, codings_after[i].end);
    if (b.find('[') == std::string::npos) {
      EXPECT_EQ(b, a);
      ++same;
    } else {
      EXPECT_NE(b.find("]"), std::string::npos);
    }
  }
  EXPECT_GT(same, 0);
  // The copy says it is pseudonymised; the original, that a copy was made.
  const auto note = GetProjectSetting(copy, "pseudonymised");
  ASSERT_TRUE(note);
  EXPECT_TRUE(nlohmann::json::parse(*note)["counts"].contains("PERSOON")) << *note;
  const auto copies = GetProjectSetting(original, "pseudonymised_copies");
  ASSERT_TRUE(copies);
  EXPECT_NE(copies->find("schoon.verhaal"), std::string::npos);
  EXPECT_FALSE(FindStory(copy, "SH-01-E")->text.find("Marloes") != std::string::npos);
  // The copy's report and info say so; the original's do not.
  for (const auto& [project, lang, expected] :
       {std::tuple{clean, "nl", "Gepseudonimiseerde kopie: namen, plaatsen"},
        std::tuple{clean, "en", "Pseudonymised copy: names, places"},
        std::tuple{Example(), "en", ""}}) {
    const fs::path html = out / (std::string("r-") + lang + project.stem().string() + ".html");
    const RunResult report =
        RunVerhaal({"-p", project.string(), "report", "--lang", lang, "--rows", "dyad:motivatie",
                    "--cols", "dyad:stijl", "-o", html.string()},
                   out.path());
    ASSERT_EQ(report.exit_code, 0) << report.err;
    const std::string page = ReadFile(html);
    if (*expected) {
      EXPECT_NE(page.find(expected), std::string::npos) << lang;
      EXPECT_NE(page.find(" " + Example().filename().string() + "."), std::string::npos) << lang;
    } else {
      EXPECT_EQ(page.find("Pseudonymised copy"), std::string::npos);
    }
  }
  const RunResult info = RunVerhaal({"-p", clean.string(), "info", "--format", "csv"}, out.path());
  EXPECT_NE(info.out.find("pseudonymised copy,\"of " + Example().filename().string() + ", "),
            std::string::npos)
      << info.out;
  EXPECT_NE(FindStory(original, "SH-01-E")->text.find("Marloes"), std::string::npos);
  // The SPSS and Stata files made from the copy carry the note (document
  // records, notes); those of the original do not.
  for (const char* format : {"sav", "dta"}) {
    for (const fs::path& project : {clean, Example()}) {
      const fs::path data = out / (project.stem().string() + "." + format);
      const RunResult exported = RunVerhaal(
          {"-p", project.string(), "export", "stories", "--no-codes", "-o", data.string()},
          out.path());
      ASSERT_EQ(exported.exit_code, 0) << exported.err;
      const std::string bytes = ReadFile(data);
      const bool noted =
          bytes.find("Pseudonymised copy, made by verhaal pseudonymise on ") != std::string::npos;
      EXPECT_EQ(noted, project == clean) << data;
      if (project == clean) {
        EXPECT_NE(bytes.find(Example().filename().string()), std::string::npos) << data;
        EXPECT_NE(bytes.find("The key to the pseudonyms is kept apart."), std::string::npos)
            << data;
      }
    }
  }
}

// The story's own date (SH-01-E was told on 2025-02-11) is a specific date:
// listed by the dry run, replaced in the copy, kept with a policy that keeps
// dates.
TEST_F(PseudonymiseCliTest, TheStoryDateIsListedAndReplaced) {
  TempDir out;
  const RunResult r = RunVerhaal(
      {"-p", Example().string(), "pseudonymise", "--dry-run", "--format", "json"}, out.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json date;
  int dates = 0;
  for (const auto& d : nlohmann::json::parse(r.out)) {
    if (d["field"] != "date") continue;
    ++dates;
    if (d["story"] == "SH-01-E") date = d;
  }
  ASSERT_FALSE(date.is_null()) << "SH-01-E's date is listed";
  EXPECT_EQ(date["start"], 0);
  EXPECT_EQ(date["end"], 10);
  EXPECT_EQ(date["category"], "DATUM");
  EXPECT_EQ(date["text"], "2025-02-11");
  EXPECT_EQ(date["reason"], "field:date");
  const std::string replacement = date["replacement"].get<std::string>();
  EXPECT_TRUE(replacement.starts_with("[DATUM-")) << replacement;
  Project original = Project::Open(Example());
  int dated = 0;
  for (const Story& s : ListStoryHeads(original)) dated += !s.date.empty();
  EXPECT_EQ(dates, dated);

  const fs::path clean = out / "schoon.verhaal";
  const RunResult w = RunVerhaal({"-p", Example().string(), "pseudonymise", "--out", clean.string(),
                                  "--key", (out / "schoon.key").string()},
                                 out.path());
  ASSERT_EQ(w.exit_code, 0) << w.err;
  {
    Project copy = Project::Open(clean);
    EXPECT_EQ(FindStory(copy, "SH-01-E")->date, replacement);
    for (const Story& s : ListStoryHeads(copy)) {
      EXPECT_TRUE(s.date.empty() || s.date.starts_with("[DATUM-")) << s.key << " " << s.date;
    }
  }
  EXPECT_EQ(FindStory(original, "SH-01-E")->date, "2025-02-11");

  // A researcher who keeps dates leaves DATUM out of `replace`.
  const fs::path policy = out / "policy.yaml";
  {
    std::ofstream file(policy);
    file << "replace: [PERSOON, PLAATS, ADRES, ORGANISATIE, LEEFTIJD, TELEFOON, EMAIL, URL, BSN, "
            "IBAN, POSTCODE, NUMMER]\n";
  }
  const RunResult kept = RunVerhaal({"-p", Example().string(), "pseudonymise", "--dry-run",
                                     "--format", "json", "--policy", policy.string()},
                                    out.path());
  ASSERT_EQ(kept.exit_code, 0) << kept.err;
  for (const auto& d : nlohmann::json::parse(kept.out)) {
    EXPECT_NE(d["category"], "DATUM") << d.dump();
  }
}

TEST_F(PseudonymiseCliTest, KeyDecryptsWithThePassphraseAndFailsClearlyWithAWrongOne) {
  TempDir out;
  const fs::path key = out / "k.key";
  ASSERT_EQ(RunVerhaal({"-p", Example().string(), "pseudonymise", "--out",
                        (out / "c.verhaal").string(), "--key", key.string()},
                       out.path())
                .exit_code,
            0);
  EXPECT_EQ(ReadFile(key).find("Marloes"), std::string::npos) << "the key is encrypted";
  const RunResult dry = RunVerhaal(
      {"-p", Example().string(), "pseudonymise", "--dry-run", "--format", "json"}, out.path());
  std::string pseudonym;
  for (const auto& d : nlohmann::json::parse(dry.out)) {
    if (d["text"] == "Marloes") pseudonym = d["replacement"];
  }
  ASSERT_FALSE(pseudonym.empty());
  const RunResult good =
      RunVerhaal({"pseudonymise", "--reverse", "--key", key.string(), pseudonym}, out.path());
  ASSERT_EQ(good.exit_code, 0) << good.err;
  EXPECT_NE(good.out.find("Marloes"), std::string::npos) << good.out;
  ::setenv("VERHAAL_PASSPHRASE", "niet de goede", 1);
  const RunResult bad =
      RunVerhaal({"pseudonymise", "--reverse", "--key", key.string(), pseudonym}, out.path());
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_NE(bad.err.find(key.string() + ": wrong passphrase"), std::string::npos) << bad.err;
  EXPECT_EQ(bad.out, "");
}

TEST_F(PseudonymiseCliTest, BadInputIsLocatedAndWritesNothing) {
  TempDir out;
  const fs::path clean = out / "c.verhaal";
  const fs::path key = out / "c.key";
  const std::string before = ReadFile(Example());
  // A decisions file naming an unknown story, then a span outside a text.
  out.Write("onbekend.yaml", "reject:\n  - {story: SH-99-E, start: 0, end: 5}\n");
  RunResult r = RunVerhaal({"-p", Example().string(), "pseudonymise", "--out", clean.string(),
                            "--key", key.string(), "--decisions", "onbekend.yaml"},
                           out.path());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.err.find("onbekend.yaml:2:5: unknown story 'SH-99-E'"), std::string::npos) << r.err;
  out.Write("buiten.yaml", "add:\n  - story: SH-01-E\n    start: 10\n    end: 999999\n");
  r = RunVerhaal({"-p", Example().string(), "pseudonymise", "--out", clean.string(), "--key",
                  key.string(), "--decisions", "buiten.yaml"},
                 out.path());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.err.find("buiten.yaml:2:5: span 10:999999 is outside story SH-01-E"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(clean));
  EXPECT_FALSE(fs::exists(key));
  // An output that exists is refused before anything is read or written.
  out.Write("c.verhaal", "al hier");
  r = RunVerhaal(
      {"-p", Example().string(), "pseudonymise", "--out", clean.string(), "--key", key.string()},
      out.path());
  EXPECT_EQ(r.exit_code, 73);
  EXPECT_NE(r.err.find("c.verhaal exists"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(clean), "al hier");
  EXPECT_FALSE(fs::exists(key));
  // An unreadable key.
  r = RunVerhaal({"pseudonymise", "--reverse", "--key", "geen.key", "[PERSOON-1]"}, out.path());
  EXPECT_EQ(r.exit_code, 66);
  EXPECT_NE(r.err.find("cannot read the key file geen.key"), std::string::npos) << r.err;
  out.Write("kapot.key", "VHKEY001 maar verder niets bruikbaars, ook geen header van 24 tekens");
  r = RunVerhaal({"pseudonymise", "--reverse", "--key", "kapot.key", "[PERSOON-1]"}, out.path());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(ReadFile(Example()), before) << "the project is unchanged";
}

// Our Dutch test set as a project: after pseudonymising, the exported
// stories and the clean project file itself hold none of its direct
// identifiers.
TEST(PseudonymiseTestSetTest, ExportedTextsHoldNoneOfTheTestSetsIdentifiers) {
  ::setenv("VERHAAL_PASSPHRASE", kPassphrase, 1);
  TempDir dir;
  std::vector<std::pair<std::string, std::string>> identifiers;  // category, text
  {
    Project project = Project::Create(dir / "set.verhaal", "testset");
    const std::string marked = ReadFile(SourceDir() / "tests/privacy/data/stories.txt");
    std::string key, body;
    const auto flush = [&] {
      if (key.empty()) return;
      std::string text;
      size_t i = 0;
      while (true) {
        const size_t open = body.find("[[", i);
        if (open == std::string::npos) {
          text += body.substr(i);
          break;
        }
        text += body.substr(i, open - i);
        const size_t close = body.find("]]", open);
        const std::string inner = body.substr(open + 2, close - open - 2);
        const size_t bar = inner.rfind('|');
        identifiers.push_back({inner.substr(bar + 1), inner.substr(0, bar)});
        text += inner.substr(0, bar);
        i = close + 2;
      }
      Story story;
      story.key = key;
      story.text = text;
      AddStory(project, story);
    };
    std::istringstream in(marked);
    std::string line;
    while (std::getline(in, line)) {
      if (line.starts_with("#")) continue;
      if (line.starts_with("=== ")) {
        flush();
        key = line.substr(4);
        body.clear();
      } else {
        body += line + "\n";
      }
    }
    flush();
  }
  const RunResult r = RunVerhaal(
      {"-p", "set.verhaal", "pseudonymise", "--out", "schoon.verhaal", "--key", "schoon.key"},
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The texts as they leave verhaal: a REFI-QDA project (its sources are
  // text files inside the zip, read back with unzip).
  const RunResult e =
      RunVerhaal({"-p", "schoon.verhaal", "export", "refi", "-o", "verhalen.qdpx"}, dir.path());
  ASSERT_EQ(e.exit_code, 0) << e.err;
  const std::string unzip =
      "cd '" + dir.path().string() + "' && unzip -p verhalen.qdpx > verhalen.txt";
  ASSERT_EQ(std::system(unzip.c_str()), 0) << "unzip (scripts/bootstrap --tests) is needed";
  const std::string exported = Lower(ReadFile(dir / "verhalen.txt"));
  const std::string file = Lower(ReadFile(dir / "schoon.verhaal"));
  ASSERT_NE(exported.find("[persoon-1]"), std::string::npos) << "the export holds the texts";
  const std::vector<std::string> direct = {"PERSOON", "TELEFOON", "EMAIL", "BSN",
                                           "IBAN",    "POSTCODE", "URL"};
  int checked = 0;
  for (const auto& [category, text] : identifiers) {
    if (std::find(direct.begin(), direct.end(), category) == direct.end()) continue;
    ++checked;
    EXPECT_FALSE(ContainsWord(exported, Lower(text))) << category << " " << text;
    EXPECT_FALSE(ContainsWord(file, Lower(text))) << "in the project file: " << text;
  }
  EXPECT_GT(checked, 50);
  ::unsetenv("VERHAAL_PASSPHRASE");
}

}  // namespace
}  // namespace verhaal
