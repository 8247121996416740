// Who may use the workbench: one secret token per coder (printed as a link),
// and the browser sessions a token was exchanged for (a cookie value with its
// own CSRF value). Thread-safe: the server's request threads share one.
#ifndef VERHAAL_WORKBENCH_SESSIONS_H_
#define VERHAAL_WORKBENCH_SESSIONS_H_

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verhaal {

struct CoderToken {
  std::string coder;
  std::string token;
};

// A browser session: the coder it belongs to and the value the page must
// send in the X-Verhaal-CSRF header with every change.
struct Session {
  std::string coder;
  std::string csrf;
};

class Sessions {
 public:
  // A fresh random token for each coder.
  explicit Sessions(const std::vector<std::string>& coders);

  const std::vector<CoderToken>& tokens() const { return tokens_; }

  // The coder whose token this is.
  std::optional<std::string> CoderOfToken(std::string_view token) const;

  // Starts a session for `coder`; returns its id (the cookie's value).
  std::string Open(const std::string& coder);

  // The session with this id.
  std::optional<Session> Find(std::string_view id) const;

 private:
  std::vector<CoderToken> tokens_;
  mutable std::mutex mutex_;
  std::map<std::string, Session, std::less<>> sessions_;
};

}  // namespace verhaal

#endif  // VERHAAL_WORKBENCH_SESSIONS_H_
