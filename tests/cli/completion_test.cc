// Shell completion (cli/completion.h): the candidates `verhaal __complete`
// gives, that every command answers without doing anything, and the bash
// script in a real bash.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> Complete(const std::vector<std::string>& words,
                                  const std::filesystem::path& cwd) {
  std::vector<std::string> args = {"__complete"};
  args.insert(args.end(), words.begin(), words.end());
  const auto r = RunVerhaal(args, cwd);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  return Lines(r.out);
}

using Words = std::vector<std::string>;

TEST(CompletionTest, CommandsSubcommandsFormatsOptionsAndFiles) {
  TempDir dir;
  const auto commands = Complete({""}, dir.path());
  ASSERT_GE(commands.size(), 20u);
  EXPECT_EQ(commands.front(), "init");
  EXPECT_NE(std::find(commands.begin(), commands.end(), "completion"), commands.end());
  EXPECT_EQ(Complete({"mat"}, dir.path()), Words{"matrix"});
  EXPECT_EQ(Complete({"codebook", ""}, dir.path()), (Words{"load", "diff", "show", "export"}));
  EXPECT_EQ(Complete({"import", "s"}, dir.path()), (Words{"sensemaker", "spryng"}));
  EXPECT_EQ(Complete({"-p", "studie.verhaal", "memo", "a"}, dir.path()), Words{"add"});
  EXPECT_EQ(Complete({"matrix", "--ro"}, dir.path()), (Words{"--rows", "--role"}));
  const auto stories = Complete({"export", "stories", "--"}, dir.path());
  EXPECT_NE(std::find(stories.begin(), stories.end(), "--with-text"), stories.end());
  EXPECT_NE(std::find(stories.begin(), stories.end(), "--project"), stories.end());
  EXPECT_EQ(Complete({"--ver"}, dir.path()), Words{"--version"});
  // Where a file name goes, the shell completes it.
  EXPECT_EQ(Complete({"-p", ""}, dir.path()), Words{"<files>"});
  EXPECT_EQ(Complete({"export-for-coder", "-o", ""}, dir.path()), Words{"<files>"});
  EXPECT_EQ(Complete({"codebook", "load", ""}, dir.path()), Words{"<files>"});
  // Nothing for what is not a command.
  EXPECT_EQ(Complete({"nonsense", ""}, dir.path()), Words{});
  EXPECT_EQ(Complete({"codebook", "laod", "--"}, dir.path()), Words{});
}

// Completion runs each handler to read its options; a handler that did
// anything else first (opened a project, wrote a file, printed) would do it
// on every Tab.
TEST(CompletionTest, EveryCommandDeclaresItsOptionsAndDoesNothingElse) {
  TempDir dir;
  int leaves = 0;
  for (const auto& command : Complete({""}, dir.path())) {
    Words subs = Complete({command, ""}, dir.path());
    if (subs == Words{"<files>"}) subs = {""};
    for (const auto& sub : subs) {
      Words words = {command};
      if (!sub.empty()) words.push_back(sub);
      words.push_back("-");
      const auto options = Complete(words, dir.path());
      EXPECT_NE(std::find(options.begin(), options.end(), "--help"), options.end())
          << command << " " << sub;
      ++leaves;
    }
  }
  EXPECT_GE(leaves, 40);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

std::string Shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  pclose(pipe);
  return out;
}

TEST(CompletionTest, TheBashScriptCompletesInBash) {
  TempDir dir;
  const auto script = RunVerhaal({"completion", "bash"}, dir.path());
  ASSERT_EQ(script.exit_code, 0) << script.err;
  const auto file = dir.Write("verhaal.bash", script.out);
  dir.Write("studie.verhaal", "");
  const std::string bin = VERHAAL_BINARY;
  auto complete = [&](const std::string& words, int cword) {
    return Shell("cd '" + dir.path().string() + "' && bash -c 'source " + file.string() +
                 " && COMP_WORDS=(" + bin + " " + words + ") && COMP_CWORD=" +
                 std::to_string(cword) + " && _verhaal && printf \"%s\\n\" \"${COMPREPLY[@]}\"'");
  };
  EXPECT_EQ(complete("codebook sh", 2), "show\n");
  EXPECT_EQ(complete("-p stu", 2), "studie.verhaal\n");
  EXPECT_EQ(complete("summary --by", 2), "--by\n");
  const auto zsh = RunVerhaal({"completion", "zsh"}, dir.path());
  EXPECT_EQ(zsh.exit_code, 0);
  EXPECT_NE(zsh.out.find("#compdef verhaal"), std::string::npos);
  const auto wrong = RunVerhaal({"completion", "fish"}, dir.path());
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_EQ(wrong.err, "verhaal: error: no completion for 'fish'; use bash or zsh\n");
}

}  // namespace
}  // namespace verhaal
