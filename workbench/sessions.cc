#include "workbench/sessions.h"

#include "workbench/tokens.h"

namespace verhaal {

Sessions::Sessions(const std::vector<std::string>& coders) {
  for (const std::string& coder : coders) tokens_.push_back({coder, RandomToken()});
}

std::optional<std::string> Sessions::CoderOfToken(std::string_view token) const {
  for (const CoderToken& t : tokens_) {
    if (SameSecret(t.token, token)) return t.coder;
  }
  return std::nullopt;
}

std::string Sessions::Open(const std::string& coder) {
  std::string id = RandomToken();
  std::lock_guard lock(mutex_);
  sessions_[id] = Session{coder, RandomToken()};
  return id;
}

std::optional<Session> Sessions::Find(std::string_view id) const {
  std::lock_guard lock(mutex_);
  const auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  return it->second;
}

}  // namespace verhaal
