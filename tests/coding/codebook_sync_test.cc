// Loading a codebook into a project (coding/codebook_sync.h): additions,
// updates, renames, merges and retiring, with every coding surviving.
#include "coding/codebook_sync.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "coding/codebook.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

// The codebook every test starts from (SetUp loads it and codes with it).
constexpr const char* kStartCodebook = R"(codes:
  - name: motivatie
    dimension: true
    children:
      - name: moeten
      - name: willen
  - name: taal
  - name: vertrouwen
    description: oud
)";

class CodebookSyncTest : public ::testing::Test {
 protected:
  CodebookSyncTest() : project_(Project::Create(dir_ / "p.verhaal", "test")) {}

  std::vector<CodebookChange> Load(const std::string& yaml, CodebookSyncOptions options = {}) {
    Transaction transaction(project_);
    auto changes = SyncCodebook(project_, ParseCodebook(yaml, "cb.yaml"), options);
    transaction.Commit();
    return changes;
  }

  void Code(const std::string& path, int64_t start, int64_t end,
            const std::string& coder = "anna") {
    Coding coding;
    coding.story_id = story_;
    coding.code_id = FindCodeByPath(project_, path)->id;
    coding.coder_id = EnsureCoder(project_, coder);
    coding.start = start;
    coding.end = end;
    ASSERT_TRUE(AddCoding(project_, coding));
  }

  // "path start:end coder" for each coding, in order.
  std::vector<std::string> Codings() {
    std::vector<std::string> out;
    for (const auto& c : ListCodings(project_)) {
      out.push_back(c.code_path + " " + std::to_string(c.start) + ":" + std::to_string(c.end) +
                    " " + c.coder);
    }
    return out;
  }

  std::vector<std::string> Paths() {
    std::vector<std::string> out;
    for (const auto& c : ListCodes(project_))
      out.push_back(c.path + (c.retired ? " (retired)" : ""));
    return out;
  }

  static std::string Summary(const std::vector<CodebookChange>& changes) {
    std::string out;
    for (const auto& c : changes) {
      out += std::string(CodebookChangeName(c.kind)) + " " + c.path + " " +
             std::to_string(c.codings) + " | " + c.detail + "\n";
    }
    return out;
  }

  void SetUp() override {
    Story story;
    story.key = "S1";
    story.text = "Ik wil werken en ik moet werken, zei hij tegen de klantmanager.";
    story_ = AddStory(project_, story);
    Load(kStartCodebook);
    Code("motivatie/willen", 0, 10);
    Code("motivatie/moeten", 14, 30);
    Code("taal", 0, 5);
    Code("taal", 0, 5, "bram");
    Code("vertrouwen", 40, 60);
  }

  testing::TempDir dir_;
  Project project_;
  int64_t story_ = 0;
};

TEST_F(CodebookSyncTest, LoadingTheSameFileAgainChangesNothing) {
  EXPECT_EQ(Summary(Load(kStartCodebook)), "");
}

TEST_F(CodebookSyncTest, RenameMergeUpdateAddKeepEveryCoding) {
  const auto changes = Load(R"(codes:
  - name: motivatie
    dimension: true
    children:
      - name: moeten
        was: motivatie/moeten
      - name: intrinsiek
        was: motivatie/willen
  - name: taalbarrière
    was: taal
  - name: vertrouwen
    description: nieuw
  - name: wantrouwen
  - name: oud-vertrouwen
    merge_into: vertrouwen
)");
  EXPECT_EQ(Summary(changes),
            "rename motivatie/willen 1 | now motivatie/intrinsiek; codings kept\n"
            "rename taal 2 | now taalbarrière; codings kept\n"
            "update vertrouwen 1 | description\n"
            "add wantrouwen 0 | \n");
  EXPECT_EQ(Codings(),
            (std::vector<std::string>{"taalbarrière 0:5 anna", "taalbarrière 0:5 bram",
                                      "motivatie/intrinsiek 0:10 anna",
                                      "motivatie/moeten 14:30 anna", "vertrouwen 40:60 anna"}));
  // Loading it again is a no-op: was: names a code that no longer exists.
  EXPECT_EQ(Summary(Load(R"(codes:
  - name: motivatie
    dimension: true
    children:
      - name: moeten
      - name: intrinsiek
        was: motivatie/willen
  - name: taalbarrière
    was: taal
  - name: vertrouwen
    description: nieuw
  - name: wantrouwen
)")),
            "");
}

TEST_F(CodebookSyncTest, SwappingTwoNamesKeepsTheirCodings) {
  Load(R"(codes:
  - name: motivatie
    dimension: true
    children:
      - name: willen
        was: motivatie/moeten
      - name: moeten
        was: motivatie/willen
  - name: taal
  - name: vertrouwen
    description: oud
)");
  EXPECT_EQ(Codings()[2], "motivatie/moeten 0:10 anna");
  EXPECT_EQ(Codings()[3], "motivatie/willen 14:30 anna");
}

TEST_F(CodebookSyncTest, MergeMovesCodingsAndDropsDuplicates) {
  Code("vertrouwen", 0, 5);  // same segment and coder as a taal coding
  const auto changes = Load(R"(codes:
  - name: motivatie
    dimension: true
    children:
      - name: moeten
      - name: willen
  - name: taal
    merge_into: vertrouwen
  - name: vertrouwen
    description: oud
)");
  EXPECT_EQ(Summary(changes),
            "update vertrouwen 2 | order\n"
            "merge taal 2 | codings now in vertrouwen (1 duplicate dropped)\n");
  EXPECT_EQ(Codings(),
            (std::vector<std::string>{"vertrouwen 0:5 anna", "vertrouwen 0:5 bram",
                                      "motivatie/willen 0:10 anna", "motivatie/moeten 14:30 anna",
                                      "vertrouwen 40:60 anna"}));
  EXPECT_FALSE(FindCodeByPath(project_, "taal"));
}

TEST_F(CodebookSyncTest, DroppingAUsedCodeIsRefusedUnlessRetired) {
  const std::string without_taal = R"(codes:
  - name: motivatie
    dimension: true
    children:
      - name: moeten
      - name: willen
  - name: vertrouwen
    description: oud
)";
  try {
    Load(without_taal);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.Describe(),
              "cb.yaml: the codebook drops code 'taal' (2 codings) that still has codings; put "
              "it back, merge it into another code with merge_into:, or keep it as retired with "
              "--retire");
  }
  EXPECT_EQ(Paths(), (std::vector<std::string>{"motivatie", "motivatie/moeten", "motivatie/willen",
                                               "taal", "vertrouwen"}));
  // A preview reports instead of failing.
  CodebookSyncOptions preview;
  preview.preview = true;
  {
    Transaction transaction(project_);  // not committed
    EXPECT_EQ(Summary(SyncCodebook(project_, ParseCodebook(without_taal, "cb.yaml"), preview)),
              "refuse taal 2 | not in the codebook but still used; load needs --retire\n"
              "update vertrouwen 1 | order\n");
  }
  CodebookSyncOptions retire;
  retire.retire = true;
  EXPECT_EQ(Summary(Load(without_taal, retire)),
            "retire taal 2 | not in the codebook; kept with its codings\n"
            "update vertrouwen 1 | order\n");
  EXPECT_EQ(Paths(), (std::vector<std::string>{"motivatie", "motivatie/moeten", "motivatie/willen",
                                               "taal (retired)", "vertrouwen"}));
  EXPECT_EQ(Codings().size(), 5u);
  // Retired codes stay quietly when the file still leaves them out.
  EXPECT_EQ(Summary(Load(without_taal)), "");
}

TEST_F(CodebookSyncTest, UnusedDroppedCodesAreDeleted) {
  Load(R"(codes:
  - name: motivatie
    dimension: true
    children:
      - name: moeten
      - name: willen
  - name: taal
  - name: vertrouwen
    description: oud
  - name: leeg
    children:
      - name: leeg-kind
)");
  EXPECT_EQ(Summary(Load(kStartCodebook)),
            "delete leeg 0 | not in the codebook, unused\n"
            "delete leeg/leeg-kind 0 | not in the codebook, unused\n");
  EXPECT_FALSE(FindCodeByPath(project_, "leeg"));
}

TEST_F(CodebookSyncTest, MovingACodeUnderAnotherParent) {
  Load(R"(codes:
  - name: motivatie
    dimension: true
    children:
      - name: moeten
      - name: willen
  - name: vertrouwen
    description: oud
    children:
      - name: taal
        was: taal
)");
  EXPECT_EQ(Codings()[0], "vertrouwen/taal 0:5 anna");
}

TEST_F(CodebookSyncTest, ExportReadsBackToTheSameTree) {
  const std::string yaml = ExportCodebook(project_);
  testing::TempDir other_dir;
  Project other = Project::Create(other_dir / "q.verhaal", "other");
  {
    Transaction transaction(other);
    SyncCodebook(other, ParseCodebook(yaml, "export.yaml"));
    transaction.Commit();
  }
  const auto a = ListCodes(project_);
  const auto b = ListCodes(other);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].path, b[i].path);
    EXPECT_EQ(a[i].guid, b[i].guid);
    EXPECT_EQ(a[i].description, b[i].description);
    EXPECT_EQ(a[i].codable, b[i].codable);
    EXPECT_EQ(a[i].dimension, b[i].dimension);
  }
  EXPECT_EQ(ExportCodebook(other).substr(ExportCodebook(other).find('\n')),
            yaml.substr(yaml.find('\n')));
}

}  // namespace
}  // namespace verhaal
