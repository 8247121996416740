#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <ctime>
#include <ostream>
#include <sstream>
#include <thread>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "coding/coder_name.h"
#include "corpus/output_guard.h"
#include "workbench/server.h"

extern char** environ;

namespace verhaal {
namespace {

namespace po = boost::program_options;

std::vector<std::string> SplitCoders(const std::string& list) {
  std::vector<std::string> coders;
  std::stringstream in(list);
  for (std::string name; std::getline(in, name, ',');) {
    if (name.empty()) throw UsageError("--coders takes names separated by commas, e.g. anna,bram");
    for (const std::string& seen : coders) {
      if (seen == name) throw UsageError("--coders names " + name + " twice");
    }
    coders.push_back(name);
  }
  if (coders.empty()) throw UsageError("--coders takes names separated by commas, e.g. anna,bram");
  return coders;
}

void WriteTokenFile(const std::string& file, const std::string& lines) {
  const int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod(fd, 0600) != 0 ||
      write(fd, lines.data(), lines.size()) != static_cast<ssize_t>(lines.size()) ||
      close(fd) != 0) {
    throw Error(ErrorKind::kCannotCreate,
                "cannot write the token file " + file + "; check the folder");
  }
}

// Starts `xdg-open url` without waiting for it; false when it cannot run.
bool OpenBrowser(const std::string& url) {
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char**>(argv), environ) != 0) {
    return false;
  }
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
  return true;
}

}  // namespace

int RunServe(CommandContext& context) {
  CommandOptions options(
      context,
      "verhaal serve [-p PROJECT] [--port N] [--listen ADDR] [--coder NAME | --coders a,b,...]\n"
      "              [--lead NAME] [--blind] [--lang nl|en] [--no-browser] [--token-file F]\n"
      "              [--tls-cert F --tls-key F] [--decisions FILE]",
      "Opens the workbench: read and code the project's stories in the browser.\n"
      "Prints one link per coder (with that coder's secret token) and opens the\n"
      "first in the browser; keeps running until Ctrl+C. The page needs no\n"
      "internet; the CLI may change the project meanwhile. Listening beyond\n"
      "this machine (--listen) needs --coders; use TLS there. The lead (the first\n"
      "of --coders, or --lead) settles the coders' disagreements in the Team view\n"
      "and decides in the Privacy view what `verhaal pseudonymise` replaces; those\n"
      "decisions go to PROJECT.review.yaml beside the project (or --decisions FILE).\n"
      "API and security: docs/serve.md.",
      "  verhaal serve -p statushouders.verhaal\n"
      "  verhaal serve --coders anna,bram --blind --no-browser --token-file links.txt\n"
      "  verhaal serve --coders anna,bram,carla --lead carla");
  options.add()("port", po::value<int>()->default_value(8470), "port; 0 takes any free port")(
      "listen", po::value<std::string>()->default_value("127.0.0.1"), "address to listen on")(
      "coder", po::value<std::string>(), "the coder (default $VERHAAL_CODER, else login name)")(
      "coders", po::value<std::string>(), "one link per coder: anna,bram,...")(
      "lead", po::value<std::string>(),
      "the coder who settles disagreements (default: the first of --coders)")(
      "blind", "coders see only their own codings; the Team view is the lead's only")(
      "lang", po::value<std::string>(), "the page's first language: nl or en")(
      "no-browser", "do not open the browser")("token-file", po::value<std::string>(),
                                               "also write the links to this file (mode 0600)")(
      "tls-cert", po::value<std::string>(), "serve HTTPS with this PEM certificate")(
      "tls-key", po::value<std::string>(), "and this PEM private key")(
      "decisions", po::value<std::string>(),
      "the Privacy view's review file (default PROJECT.review.yaml beside the project)");
  if (!options.Parse()) return 0;
  ServeOptions serve;
  serve.project = options.ProjectPath();
  serve.listen = options.Get<std::string>("listen");
  serve.port = options.Get<int>("port");
  if (serve.port < 0 || serve.port > 65535) {
    throw UsageError("--port takes 0 to 65535 (0: any free port)");
  }
  if (options.Has("coders") && options.Has("coder")) {
    throw UsageError("give --coder or --coders, not both");
  }
  serve.coders =
      options.Has("coders")
          ? SplitCoders(options.Get<std::string>("coders"))
          : std::vector<std::string>{ResolveCoderName(options.Optional<std::string>("coder"))};
  if (!IsLoopback(serve.listen) && !options.Has("coders")) {
    throw UsageError("listening on " + serve.listen +
                     " lets other machines in; name the coders with --coders anna,bram so that "
                     "each needs a token");
  }
  serve.blind = options.Has("blind");
  if (auto lead = options.Optional<std::string>("lead")) serve.lead = *lead;
  if (auto lang = options.Optional<std::string>("lang")) {
    if (*lang != "nl" && *lang != "en") throw UsageError("--lang takes nl or en");
    serve.lang = *lang;
  }
  if (auto cert = options.Optional<std::string>("tls-cert")) serve.tls_cert = *cert;
  if (auto key = options.Optional<std::string>("tls-key")) serve.tls_key = *key;
  if (auto decisions = options.Optional<std::string>("decisions")) serve.decisions = *decisions;
  if (!IsLoopback(serve.listen) && serve.tls_cert.empty()) {
    context.err << "verhaal: warning: serving on " << serve.listen
                << " without TLS: tokens and stories cross the network unencrypted; give "
                   "--tls-cert and --tls-key\n";
  }

  // Ctrl+C and SIGTERM go to a thread that stops the server; every thread
  // started from here on inherits the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
  struct RestoreMask {
    sigset_t mask;
    ~RestoreMask() { pthread_sigmask(SIG_SETMASK, &mask, nullptr); }
  } restore{previous};

  Workbench workbench(serve);
  // The project is open (and so protected) now: refuse a token file that is
  // the project or one of its companions before anything is written.
  const auto token_file = options.Optional<std::string>("token-file");
  if (token_file) CheckOutputFile(*token_file);
  // The Privacy view writes its review file: never the project.
  if (!serve.decisions.empty()) CheckOutputFile(serve.decisions);
  workbench.Bind();
  std::string lines;
  for (const CoderToken& t : workbench.tokens()) {
    lines += t.coder + " " + workbench.BaseUrl() + "/?token=" + t.token + "\n";
  }
  if (token_file) WriteTokenFile(*token_file, lines);
  context.out << lines << std::flush;
  context.err << "serving " << serve.project.string() << " at " << workbench.BaseUrl()
              << "; Ctrl+C stops\n"
              << std::flush;
  if (!options.Has("no-browser")) {
    const std::string first =
        lines.substr(lines.find(' ') + 1, lines.find('\n') - lines.find(' ') - 1);
    if (!OpenBrowser(first)) {
      context.err << "verhaal: cannot start xdg-open; open the link above in a browser\n";
    }
  }
  std::atomic<bool> done = false;
  std::thread watcher([&] {
    const timespec wait{0, 200'000'000};
    while (!done) {
      if (sigtimedwait(&stop_signals, nullptr, &wait) > 0) {
        workbench.Stop();
        return;
      }
    }
  });
  workbench.Run();
  done = true;
  watcher.join();
  context.err << "stopped; every change is saved in " << serve.project.string() << "\n";
  return 0;
}

}  // namespace verhaal
