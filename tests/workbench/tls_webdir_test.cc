// The workbench over TLS (verhaal serve --tls-cert/--tls-key) and its page
// served from a folder (VERHAAL_WEB_DIR), both end to end over a socket
// (issue 22): HTTPS answers with the API and marks the session cookie
// Secure, plain HTTP to the TLS port gets no answer, missing or half-given
// certificates are refused before anything listens; VERHAAL_WEB_DIR serves
// the folder's files and nothing outside it.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>

#include "base/error.h"
#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

class TlsTest : public WorkbenchTest {
 protected:
  void SetUp() override {
    MakeProject();
    if (std::system("command -v openssl >/dev/null 2>&1") != 0) {
      GTEST_SKIP() << "openssl is not installed (it makes the test certificate)";
    }
    const std::string command = "cd '" + dir_.path().string() +
                                "' && openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem "
                                "-out cert.pem -days 1 -subj /CN=127.0.0.1 >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << "openssl could not make a certificate";
  }

  ServeOptions Options() const {
    ServeOptions options;
    options.project = dir_ / "p.verhaal";
    options.port = 0;
    options.coders = {"anna"};
    options.tls_cert = dir_ / "cert.pem";
    options.tls_key = dir_ / "key.pem";
    return options;
  }
};

TEST_F(TlsTest, HttpsServesTheApiAndPlainHttpGetsNoAnswer) {
  server_ = std::make_unique<Workbench>(Options());
  port_ = server_->Bind();
  thread_ = std::thread([this] { server_->Run(); });
  httplib::SSLClient https("127.0.0.1", port_);
  https.enable_server_certificate_verification(false);
  https.set_read_timeout(10, 0);
  auto project = https.Get("/api/project", As("anna"));
  ASSERT_TRUE(project) << httplib::to_string(project.error());
  EXPECT_EQ(project->status, 200);
  EXPECT_EQ(Body(project)["you"], "anna") << project->body;
  // The token link sets a Secure cookie over HTTPS.
  auto login = https.Get(("/?token=" + TokenOf("anna")).c_str());
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 303);
  EXPECT_NE(login->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);
  // Plain HTTP to the same port: no HTTP answer.
  httplib::Client plain("127.0.0.1", port_);
  plain.set_read_timeout(2, 0);
  auto refused = plain.Get("/api/project", As("anna"));
  EXPECT_FALSE(refused && refused->status == 200);
}

TEST_F(TlsTest, MissingOrHalfGivenCertificatesAreRefused) {
  ServeOptions missing = Options();
  missing.tls_cert = dir_ / "geen.pem";
  try {
    Workbench server(missing);
    FAIL() << "a missing certificate was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kMissing);
    EXPECT_NE(e.message().find("geen.pem does not exist; give a PEM file"), std::string::npos)
        << e.message();
  }
  ServeOptions half = Options();
  half.tls_key.clear();
  try {
    Workbench server(half);
    FAIL() << "a certificate without its key was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    EXPECT_EQ(e.message(), "give both --tls-cert and --tls-key, or neither");
  }
}

class WebDirTest : public WorkbenchTest {
 protected:
  void TearDown() override {
    WorkbenchTest::TearDown();
    unsetenv("VERHAAL_WEB_DIR");
  }
};

TEST_F(WebDirTest, ThePageComesFromTheFolderAndNothingOutsideIt) {
  dir_.Write("web/index.html", "<!doctype html><title>van schijf</title>\n");
  dir_.Write("web/app.js", "export const bron = 'schijf';\n");
  dir_.Write("geheim.txt", "niet voor de browser\n");
  setenv("VERHAAL_WEB_DIR", (dir_ / "web").c_str(), 1);
  auto page = Client().Get("/", As("anna"));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->body, "<!doctype html><title>van schijf</title>\n");
  auto script = Client().Get("/app.js", As("anna"));
  ASSERT_TRUE(script);
  EXPECT_EQ(script->body, "export const bron = 'schijf';\n");
  EXPECT_NE(script->get_header_value("Content-Type").find("javascript"), std::string::npos);
  for (const char* path : {"/../geheim.txt", "/%2e%2e/geheim.txt", "/style.css"}) {
    auto outside = Client().Get(path, As("anna"));
    ASSERT_TRUE(outside) << path;
    EXPECT_EQ(outside->status, 404) << path << ": " << outside->body;
    EXPECT_EQ(outside->body.find("niet voor de browser"), std::string::npos) << path;
  }
  // The page itself is behind the login too.
  auto anonymous = Client().Get("/app.js");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  // Without the variable the embedded page is back.
  unsetenv("VERHAAL_WEB_DIR");
  auto embedded = Client().Get("/", As("anna"));
  ASSERT_TRUE(embedded);
  EXPECT_NE(embedded->body.find("<script type=\"module\" src=\"app.js\">"), std::string::npos);
}

TEST_F(WorkbenchTest, ThePageNamesEveryModuleAndAnUnchangedFileIsNotSentAgain) {
  auto page = Client().Get("/", As("anna"));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  // The browser fetches the modules at once instead of import by import.
  const size_t script = page->body.find("<script type=\"module\" src=\"app.js\">");
  ASSERT_NE(script, std::string::npos);
  for (const char* module : {"lib/api.js", "lib/i18n.js", "views/story_list.js", "views/team.js"}) {
    const size_t link =
        page->body.find(std::string("<link rel=\"modulepreload\" href=\"") + module + "\">");
    ASSERT_NE(link, std::string::npos) << module;
    EXPECT_LT(link, script) << module;
  }
  EXPECT_EQ(page->body.find("href=\"app.js\""), std::string::npos);  // loaded by its script tag

  auto first = Client().Get("/views/story_list.js", As("anna"));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->get_header_value("Cache-Control"), "no-cache");
  EXPECT_EQ(first->get_header_value_count("Cache-Control"), 1u);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  // A reload asks again and gets "not modified" without the bytes.
  httplib::Headers again = As("anna");
  again.emplace("If-None-Match", etag);
  auto unchanged = Client().Get("/views/story_list.js", again);
  ASSERT_TRUE(unchanged);
  EXPECT_EQ(unchanged->status, 304);
  EXPECT_TRUE(unchanged->body.empty());
  httplib::Headers stale = As("anna");
  stale.emplace("If-None-Match", "\"an older build\"");
  auto changed = Client().Get("/views/story_list.js", stale);
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_EQ(changed->body, first->body);
  // The page's files are behind the login, also for revalidation.
  httplib::Headers anonymous{{"If-None-Match", etag}};
  auto refused = Client().Get("/views/story_list.js", anonymous);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  // Answers of the API are never stored.
  auto project = Get("anna", "/api/project");
  ASSERT_TRUE(project);
  EXPECT_EQ(project->get_header_value("Cache-Control"), "no-store");
}

}  // namespace
}  // namespace verhaal
