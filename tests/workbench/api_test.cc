// The workbench's JSON API (docs/serve.md): each call and each bad request,
// through HTTP against a server on a free port.
#include <SQLiteCpp/Database.h>
#include <sys/resource.h>

#include <csignal>
#include <filesystem>

#include "corpus/codings.h"
#include "corpus/project.h"
#include "tests/support/uncoded_checks.h"
#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

TEST_F(WorkbenchTest, ProjectSaysWhoYouAreAndWhatItHolds) {
  auto r = Get("anna", "/api/project");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json p = Body(r);
  EXPECT_EQ(p["you"], "anna");
  EXPECT_EQ(p["coders"], json({"anna", "bram"}));
  EXPECT_EQ(p["schema"], kSchemaVersion);
  EXPECT_EQ(p["counts"]["stories"], 3);
  EXPECT_EQ(p["counts"]["codes"], 5);
  EXPECT_EQ(p["roles"], json({"klantmanager", "statushouder"}));
  EXPECT_EQ(p["kinds"], json({"experience", "interview", "other", "reflection"}));
  EXPECT_EQ(p["waves"], json::array());
  EXPECT_EQ(p["blind"], false);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(WorkbenchTest, CodebookIsTheTreeWithCounts) {
  CodeWillen("anna");
  const json codes = Body(Get("bram", "/api/codebook"))["codes"];
  ASSERT_EQ(codes.size(), 5u);
  EXPECT_EQ(codes[0]["path"], "motivatie");
  EXPECT_EQ(codes[0]["codable"], false);
  EXPECT_EQ(codes[0]["codings"], 0);
  EXPECT_EQ(codes[0]["total"], 1);
  EXPECT_EQ(codes[2]["path"], "motivatie/willen");
  EXPECT_EQ(codes[2]["parent"], "motivatie");
  EXPECT_EQ(codes[2]["codings"], 1);
  EXPECT_EQ(codes[3]["colour"], "#1f77b4");
  EXPECT_EQ(codes[4]["retired"], true);
}

TEST_F(WorkbenchTest, StoryListFiltersSearchesAndPages) {
  json page = Body(Get("anna", "/api/stories"));
  EXPECT_EQ(page["total"], 3);
  EXPECT_EQ(page["stories"][0]["key"], "S1");
  EXPECT_EQ(page["stories"][0]["respondent"], "R1");
  EXPECT_EQ(page["stories"][0]["role"], "statushouder");
  page = Body(Get("anna", "/api/stories?q=lastig"));
  ASSERT_EQ(page["total"], 1);
  EXPECT_EQ(page["stories"][0]["key"], "S2");
  EXPECT_EQ(page["stories"][0]["snippet"], "Taal blijft [lastig].");
  page = Body(Get("anna", "/api/stories?role=statushouder&limit=1&offset=1"));
  EXPECT_EQ(page["total"], 2);
  ASSERT_EQ(page["stories"].size(), 1u);
  EXPECT_EQ(page["stories"][0]["key"], "S3");
  CodeWillen("bram");
  page = Body(Get("anna", "/api/stories?code=motivatie"));  // a sub-code counts
  ASSERT_EQ(page["total"], 1);
  EXPECT_EQ(page["stories"][0]["coded"], 1);
  EXPECT_EQ(Body(Get("anna", "/api/stories?coder=bram"))["total"], 1);
  EXPECT_EQ(Body(Get("anna", "/api/stories?coder=anna"))["total"], 0);
  EXPECT_EQ(Body(Get("anna", "/api/stories?uncoded=1"))["total"], 2);
  page = Body(Get("anna", "/api/stories?coded=1"));
  EXPECT_EQ(page["total"], 1);
  EXPECT_EQ(page["total_exact"], true);
  EXPECT_EQ(page["stories"][0]["coded"], 1);
}

TEST_F(WorkbenchTest, StoryListRejectsBadParameters) {
  const struct {
    std::string query;
    int status;
    std::string field;
  } cases[] = {
      {"limit=0", 400, "limit"},   {"limit=501", 400, "limit"}, {"offset=-1", 400, "offset"},
      {"limit=ten", 400, "limit"}, {"q=%22open", 400, "q"},     {"code=nergens", 400, "code"},
      {"set=nergens", 400, "set"},
  };
  for (const auto& c : cases) {
    auto r = Get("anna", "/api/stories?" + c.query);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, c.status) << c.query << ": " << r->body;
    EXPECT_EQ(Body(r)["field"], c.field) << c.query;
    EXPECT_FALSE(Body(r)["error"].get<std::string>().empty());
  }
}

TEST_F(WorkbenchTest, StoryHasTextRespondentAndCodings) {
  CodeWillen("bram", "tweede keer");
  auto r = Get("anna", "/api/stories/S1");
  ASSERT_EQ(r->status, 200) << r->body;
  const json s = Body(r);
  EXPECT_EQ(s["text"], "Één café: ik wil werken. 😀 Ik wil werken, zei ze.");
  EXPECT_EQ(s["length"], 49);
  EXPECT_EQ(s["respondent"], "R1");
  EXPECT_EQ(s["role"], "statushouder");
  ASSERT_EQ(s["codings"].size(), 1u);
  const json& c = s["codings"][0];
  EXPECT_EQ(c["code"], "motivatie/willen");
  EXPECT_EQ(c["coder"], "bram");
  EXPECT_EQ(c["start"], 30);
  EXPECT_EQ(c["end"], 40);
  EXPECT_EQ(c["memo"], "tweede keer");
  EXPECT_EQ(c["origin"], "manual");
  EXPECT_EQ(c["mine"], false);
  r = Get("anna", "/api/stories/S9");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(Body(r)["field"], "story");
}

// A coding made over the API is the row `verhaal code` makes: the CLI finds
// exactly that coding already there, and bram's CLI coding of the same
// segment differs from anna's API one only in the coder.
TEST_F(WorkbenchTest, ApiCodingEqualsTheCliCoding) {
  const json made = CodeWillen("anna", "m");
  EXPECT_EQ(made["added"], true);
  EXPECT_EQ(made["origin"], "manual");
  auto cli =
      Cli({"code", "S1", "motivatie/willen", "--span", "30:40", "--coder", "anna", "--memo", "m"});
  EXPECT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_NE(cli.err.find("already coded, not stored twice: S1 30:40 motivatie/willen (anna)"),
            std::string::npos)
      << cli.err;
  cli = Cli({"code", "S1", "motivatie/willen", "--quote", "wil werken", "--occurrence", "2",
             "--coder", "bram", "--memo", "m"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  Project project = Project::Open(dir_ / "p.verhaal");
  const auto rows = ListCodings(project);
  ASSERT_EQ(rows.size(), 2u);
  for (const Coding& row : rows) {
    EXPECT_EQ(row.story_key, "S1");
    EXPECT_EQ(row.code_path, "motivatie/willen");
    EXPECT_EQ(row.start, 30);
    EXPECT_EQ(row.end, 40);
    EXPECT_EQ(row.origin, "manual");
    EXPECT_EQ(row.memo, "m");
    EXPECT_EQ(row.created.size(), 20u) << row.created;  // 2026-12-06T18:01:02Z
  }
  EXPECT_EQ(rows[0].coder, "anna");
  EXPECT_EQ(made["created"], rows[0].created);
  // The same coding again is stored once.
  auto again = Post("anna", "/api/stories/S1/codings",
                    json{{"code", "motivatie/willen"}, {"start", 30}, {"end", 40}}.dump());
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(Body(again)["added"], false);
}

TEST_F(WorkbenchTest, WholeStoryCoding) {
  auto r = Post("anna", "/api/stories/S2/codings", R"({"code": "taal", "whole": true})");
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(Body(r)["start"], 0);
  EXPECT_EQ(Body(r)["end"], 19);
}

TEST_F(WorkbenchTest, BadCodingsAreRefusedAndChangeNothing) {
  const struct {
    std::string story;
    std::string body;
    int status;
    std::string field;
  } cases[] = {
      {"S9", R"({"code": "taal", "start": 0, "end": 4})", 404, "story"},
      {"S1", R"({"code": "taal/nergens", "start": 0, "end": 4})", 404, "code"},
      {"S1", R"({"code": "oud", "start": 0, "end": 4})", 422, "code"},
      {"S1", R"({"code": "motivatie", "start": 0, "end": 4})", 422, "code"},
      {"S1", R"({"code": "taal", "start": 0, "end": 50})", 422, "end"},
      {"S1", R"({"code": "taal", "start": 49, "end": 50})", 422, "start"},
      {"S1", R"({"code": "taal", "start": -1, "end": 4})", 422, "start"},
      {"S1", R"({"code": "taal", "start": 4, "end": 4})", 422, "end"},
      {"S1", R"({"code": "taal", "start": "0", "end": 4})", 400, "start"},
      {"S1", R"({"code": "taal", "start": 1.5, "end": 4})", 400, "start"},
      {"S1", R"({"code": "taal"})", 400, "start"},
      {"S1", R"({"start": 0, "end": 4})", 400, "code"},
      {"S1", R"({"code": "taal", "start": 0, "end": 4)", 400, "body"},
      {"S1", R"(["taal"])", 400, "body"},
  };
  for (const auto& c : cases) {
    auto r = Post("anna", "/api/stories/" + c.story + "/codings", c.body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, c.status) << c.body << ": " << r->body;
    EXPECT_EQ(Body(r)["field"], c.field) << c.body << ": " << r->body;
  }
  auto bad = Post("anna", "/api/stories/S1/codings", R"({"code": "oud", "start": 0, "end": 4})");
  EXPECT_NE(Body(bad)["error"].get<std::string>().find("retired"), std::string::npos);
  Project project = Project::Open(dir_ / "p.verhaal");
  EXPECT_EQ(CountCodings(project), 0);
}

// While no file may grow or be written (RLIMIT_FSIZE 0: a full disk, a
// failing one), a coding cannot be saved: the answer is 503 with SQLite's
// advice as JSON, not 500 "internal error", and the project is unchanged;
// once the disk works again, so does coding.
TEST_F(WorkbenchTest, AProjectFileThatCannotBeWrittenIs503AndChangesNothing) {
  {
    // Write the log back into the file, so that a new change must write it.
    SQLite::Database db((dir_ / "p.verhaal").string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit old_limit{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  rlimit no_writes = old_limit;
  no_writes.rlim_cur = 0;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &no_writes), 0);
  auto r = Post("anna", "/api/stories/S1/codings", R"({"code": "taal", "start": 0, "end": 4})");
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &old_limit), 0);
  std::signal(SIGXFSZ, old_handler);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503) << r->body;
  const std::string error = Body(r)["error"].get<std::string>();
  EXPECT_EQ(error.rfind("cannot read or write " + (dir_ / "p.verhaal").string() + " (", 0), 0u)
      << error;
  EXPECT_NE(error.find("check the disk and the permissions"), std::string::npos) << error;
  {
    Project project = Project::Open(dir_ / "p.verhaal");
    EXPECT_EQ(CountCodings(project), 0);
  }
  CodeWillen("anna");
}

TEST_F(WorkbenchTest, CodersChangeAndRemoveOnlyTheirOwnCodings) {
  const json coding = CodeWillen("anna");
  const std::string id = coding["id"];
  auto r = Patch("anna", "/api/codings/" + id, R"({"memo": "beter"})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["id"], id);  // a memo keeps the id
  EXPECT_EQ(Body(r)["memo"], "beter");
  r = Patch("anna", "/api/codings/" + id, R"({"code": "motivatie/moeten", "start": 27})");
  ASSERT_EQ(r->status, 200) << r->body;
  const json moved = Body(r);
  EXPECT_NE(moved["id"], id);
  EXPECT_EQ(moved["code"], "motivatie/moeten");
  EXPECT_EQ(moved["start"], 27);
  EXPECT_EQ(moved["end"], 40);
  EXPECT_EQ(moved["memo"], "beter");
  const std::string new_id = moved["id"];
  EXPECT_EQ(Patch("anna", "/api/codings/" + id, R"({"memo": "x"})")->status, 404);
  EXPECT_EQ(Patch("anna", "/api/codings/" + new_id, R"({"end": 99})")->status, 422);
  EXPECT_EQ(Patch("anna", "/api/codings/" + new_id, R"({"code": "oud"})")->status, 422);
  r = Patch("bram", "/api/codings/" + new_id, R"({"memo": "van bram"})");
  EXPECT_EQ(r->status, 403);
  EXPECT_NE(Body(r)["error"].get<std::string>().find("only your own"), std::string::npos);
  EXPECT_EQ(Delete("bram", "/api/codings/" + new_id)->status, 403);
  EXPECT_EQ(Delete("anna", "/api/codings/not-an-id")->status, 404);
  r = Delete("anna", "/api/codings/" + new_id);
  EXPECT_EQ(r->status, 204);
  EXPECT_TRUE(Body(Get("anna", "/api/stories/S1"))["codings"].empty());
}

TEST_F(WorkbenchTest, UndoAndRedoPerCoderSurviveARestart) {
  EXPECT_EQ(Post("anna", "/api/undo", "")->status, 409);
  const json first = CodeWillen("anna");
  CodeWillen("bram");
  auto r = Patch("anna", "/api/codings/" + first["id"].get<std::string>(), R"({"memo": "m"})");
  ASSERT_EQ(r->status, 200);
  StopServer();  // undo history lives in the project file
  Start({"anna", "bram"});
  r = Post("anna", "/api/undo", "");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["undone"], "change");
  EXPECT_EQ(Body(r)["coding"]["memo"], "");
  EXPECT_EQ(Body(r)["undo"], 1);
  EXPECT_EQ(Body(r)["redo"], 1);
  r = Post("anna", "/api/undo", "");
  EXPECT_EQ(Body(r)["undone"], "add");
  EXPECT_EQ(Body(r)["present"], false);
  json codings = Body(Get("anna", "/api/stories/S1"))["codings"];
  ASSERT_EQ(codings.size(), 1u);  // bram's stays
  EXPECT_EQ(codings[0]["coder"], "bram");
  EXPECT_EQ(Post("anna", "/api/undo", "")->status, 409);
  r = Post("anna", "/api/redo", "{}");
  EXPECT_EQ(Body(r)["redone"], "add");
  r = Post("anna", "/api/redo", "");
  EXPECT_EQ(Body(r)["redone"], "change");
  EXPECT_EQ(Post("anna", "/api/redo", "")->status, 409);
  codings = Body(Get("anna", "/api/stories/S1"))["codings"];
  ASSERT_EQ(codings.size(), 2u);
  EXPECT_EQ(codings[0]["memo"], "m");
  EXPECT_EQ(codings[0]["created"], first["created"]);  // put back as it was
}

// Changing a coding into one the coder had already (same code and segment)
// leaves that one; undoing the change brings the changed coding back and
// keeps the other (it used to take it away: found by bench/serve-load's
// replay reasoning, not by its check, which follows the answers).
TEST_F(WorkbenchTest, UndoingAChangeOntoAnExistingCodingKeepsThatCoding) {
  const json willen = CodeWillen("anna");
  auto r = Post("anna", "/api/stories/S1/codings", R"({"code": "taal", "start": 30, "end": 40})");
  ASSERT_EQ(r->status, 201) << r->body;
  const std::string taal = Body(r)["id"];
  r = Patch("anna", "/api/codings/" + taal, R"({"code": "motivatie/willen"})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["id"], willen["id"]);  // the two are one now
  auto codes = [this] {
    std::string out;
    const json story = Body(Get("anna", "/api/stories/S1"));
    for (const json& c : story["codings"]) {
      out += (out.empty() ? "" : " ") + c["code"].get<std::string>();
    }
    return out;
  };
  EXPECT_EQ(codes(), "motivatie/willen");
  r = Post("anna", "/api/undo", "");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["coding"]["id"], taal);
  EXPECT_EQ(codes(), "motivatie/willen taal");
  ASSERT_EQ(Post("anna", "/api/redo", "")->status, 200);
  EXPECT_EQ(codes(), "motivatie/willen");
  ASSERT_EQ(Post("anna", "/api/undo", "")->status, 200);
  ASSERT_EQ(Post("anna", "/api/undo", "")->status, 200);  // the taal coding's add
  EXPECT_EQ(codes(), "motivatie/willen");
}

// The uncoded list follows codings made, removed, undone and redone in the
// workbench (story_uncoded, kept by triggers); under --blind it is each
// coder's own: stories without a coding of theirs.
TEST_F(WorkbenchTest, TheUncodedListFollowsCodingsUndoAndRedo) {
  auto uncoded = [this](const std::string& coder) {
    const json page = Body(Get(coder, "/api/stories?uncoded=1"));
    std::string keys;
    for (const json& story : page["stories"]) {
      keys += (keys.empty() ? "" : " ") + story["key"].get<std::string>();
    }
    return keys;
  };
  EXPECT_EQ(uncoded("anna"), "S1 S2 S3");
  const json coding = CodeWillen("anna");
  EXPECT_EQ(uncoded("anna"), "S2 S3");
  EXPECT_EQ(Delete("anna", "/api/codings/" + coding["id"].get<std::string>())->status, 204);
  EXPECT_EQ(uncoded("anna"), "S1 S2 S3");
  ASSERT_EQ(Post("anna", "/api/undo", "")->status, 200);  // the coding is back
  EXPECT_EQ(uncoded("anna"), "S2 S3");
  ASSERT_EQ(Post("anna", "/api/redo", "")->status, 200);  // and gone again
  EXPECT_EQ(uncoded("bram"), "S1 S2 S3");
  CodeWillen("bram");
  StopServer();
  Start({"anna", "bram"}, /*blind=*/true);
  EXPECT_EQ(uncoded("anna"), "S1 S2 S3");  // bram's coding is not hers
  EXPECT_EQ(uncoded("bram"), "S2 S3");
  {
    Project project = Project::Open(dir_ / "p.verhaal");
    EXPECT_EQ(testing::KeptTablesOutOfStep(project), "");
  }
}

TEST_F(WorkbenchTest, UndoOfACodingTheCliRemovedIsAConflict) {
  CodeWillen("anna");
  auto cli = Cli({"uncode", "S1", "motivatie/willen", "--span", "30:40", "--coder", "anna"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  auto r = Post("anna", "/api/undo", "");
  EXPECT_EQ(r->status, 409);
  EXPECT_NE(Body(r)["error"].get<std::string>().find("changed or removed since"),
            std::string::npos);
  EXPECT_EQ(Post("anna", "/api/undo", "")->status, 409);  // the step was dropped
}

}  // namespace
}  // namespace verhaal
