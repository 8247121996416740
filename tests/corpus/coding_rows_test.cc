// The codings read row by row of corpus/coding_rows.h: which rows, in which
// order, and what the cursor gives each story.
#include "corpus/coding_rows.h"

#include <gtest/gtest.h>

#include <functional>
#include <tuple>

#include "base/error.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;
using Row = std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t>;  // story coder code start end

class CodingRowsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* key : {"A", "B", "C"}) {
      Story story;
      story.key = key;
      story.text = "een korte tekst";
      stories_.push_back(AddStory(project_, story));
    }
    for (const char* name : {"werk", "taal"}) {
      Code code;
      code.name = name;
      codes_.push_back(AddCode(project_, code));
    }
    anna_ = EnsureCoder(project_, "anna");
    bram_ = EnsureCoder(project_, "bram");
    EnsureCoder(project_, "nooit");  // a coder without codings
    // Added out of story order: reads must still come in story order.
    Coded(stories_[2], anna_, codes_[0], 0, 3);
    Coded(stories_[0], bram_, codes_[1], 4, 9);
    Coded(stories_[0], anna_, codes_[1], 4, 9);
    Coded(stories_[0], anna_, codes_[0], 0, 3);
    Coded(stories_[2], bram_, codes_[1], 1, 2);
  }

  void Coded(int64_t story, int64_t coder, int64_t code, int64_t start, int64_t end) {
    Coding coding;
    coding.story_id = story;
    coding.coder_id = coder;
    coding.code_id = code;
    coding.start = start;
    coding.end = end;
    ASSERT_TRUE(AddCoding(project_, coding));
  }

  std::vector<Row> Rows(const std::vector<int64_t>* stories) {
    std::vector<Row> rows;
    ForEachCodingRow(project_, stories, [&](const CodingRow& r) {
      rows.emplace_back(r.story_id, r.coder_id, r.code_id, r.start, r.end);
    });
    return rows;
  }

  TempDir dir_;
  Project project_ = Project::Create(dir_ / "c.verhaal", "c");
  std::vector<int64_t> stories_, codes_;
  int64_t anna_ = 0, bram_ = 0;
};

TEST_F(CodingRowsTest, EveryCodingInStoryOrder) {
  const std::vector<Row> rows = Rows(nullptr);
  ASSERT_EQ(rows.size(), 5u);
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_LE(std::get<0>(rows[i - 1]), std::get<0>(rows[i]));
  }
  EXPECT_EQ(std::count(rows.begin(), rows.end(), Row{stories_[0], bram_, codes_[1], 4, 9}), 1);
  EXPECT_EQ(std::count(rows.begin(), rows.end(), Row{stories_[2], anna_, codes_[0], 0, 3}), 1);
}

TEST_F(CodingRowsTest, AFewStoriesAreLookedUp) {
  const std::vector<int64_t> last = {stories_[2]};
  EXPECT_EQ(Rows(&last), (std::vector<Row>{{stories_[2], anna_, codes_[0], 0, 3},
                                           {stories_[2], bram_, codes_[1], 1, 2}}));
  const std::vector<int64_t> uncoded = {stories_[1]};
  EXPECT_TRUE(Rows(&uncoded).empty());
}

TEST_F(CodingRowsTest, CodingsOfCodesKeepTheCodersSet) {
  auto count = [&](const std::vector<int64_t>& codes, const CoderSet& coders) {
    int n = 0;
    ForEachCodingOfCodes(project_, codes, coders, [&](const CodingRow& r) {
      EXPECT_NE(std::find(codes.begin(), codes.end(), r.code_id), codes.end());
      EXPECT_EQ(r.start, 0);
      ++n;
    });
    return n;
  };
  EXPECT_EQ(count({codes_[0]}, CoderSet{{anna_, bram_}, 1}), 2);
  EXPECT_EQ(count({codes_[1]}, CoderSet{{bram_}, 1}), 2);
  EXPECT_EQ(count(codes_, CoderSet{{anna_, bram_}, 1}), 5);
  // Both coders used code 1 in story A only: its two codings count.
  EXPECT_EQ(count(codes_, CoderSet{{anna_, bram_}, 2}), 2);
  EXPECT_EQ(count(codes_, CoderSet{}), 0);
}

TEST_F(CodingRowsTest, CodersWithCodingsLeaveOutTheIdle) {
  EXPECT_EQ(CodersWithCodings(project_), (std::vector<int64_t>{anna_, bram_}));
}

TEST_F(CodingRowsTest, CursorGivesEachStoryItsCodings) {
  StoryCodingCursor cursor(project_, CoderSet{{anna_}, 1});
  auto of = [&](int64_t story) {
    std::vector<std::pair<int64_t, int64_t>> seen;  // coder, code
    cursor.ForEachOf(story, [&](int64_t coder, int64_t code) { seen.emplace_back(coder, code); });
    std::sort(seen.begin(), seen.end());
    return seen;
  };
  using Pairs = std::vector<std::pair<int64_t, int64_t>>;
  EXPECT_EQ(of(stories_[0]), (Pairs{{anna_, codes_[0]}, {anna_, codes_[1]}}));
  EXPECT_EQ(of(stories_[1]), Pairs{});
  EXPECT_EQ(of(stories_[2]), (Pairs{{anna_, codes_[0]}}));
  EXPECT_EQ(of(stories_[2] + 1), Pairs{});
}

// SQLite's exceptions stay inside corpus/: a failing read is a verhaal::Error
// with SQLite's result code (here a statement that cannot run, a bug:
// kInternal), and an Error a visitor throws passes as it is.
TEST_F(CodingRowsTest, AFailingReadIsAnErrorAndAVisitorsErrorPasses) {
  try {
    ForEachCodingRow(project_, nullptr,
                     [](const CodingRow&) { throw DataError("stop at the first coding"); });
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.message(), "stop at the first coding");
  }
  project_.db().exec("ALTER TABLE coding RENAME TO coding_elsewhere");
  auto expect_internal = [](const std::function<void()>& read) {
    try {
      read();
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kInternal);
      EXPECT_NE(e.sqlite_code(), 0);
      EXPECT_NE(e.message().find("coding"), std::string::npos) << e.message();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not a verhaal::Error: " << e.what();
    }
  };
  expect_internal([&] { ForEachCodingRow(project_, nullptr, [](const CodingRow&) {}); });
  expect_internal([&] { CodersWithCodings(project_); });
  expect_internal([&] { StoryCodingCursor cursor(project_, CoderSet{}); });
}

}  // namespace
}  // namespace verhaal
