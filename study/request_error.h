// The error a front end's request gets when it cannot be carried out: a
// verhaal::Error (kind decides usage/missing/data) that also names the
// request field at fault and, for the two cases a kind does not cover,
// whether the request was forbidden (someone else's coding) or conflicts
// with the project's state (nothing to undo, changed since).
#ifndef VERHAAL_STUDY_REQUEST_ERROR_H_
#define VERHAAL_STUDY_REQUEST_ERROR_H_

#include <string>
#include <utility>

#include "base/error.h"

namespace verhaal {

enum class RequestProblem {
  kNone,       // the Error's kind says it all
  kForbidden,  // the coder may not do this
  kConflict,   // the project's state does not allow it now
};

class RequestError : public Error {
 public:
  RequestError(ErrorKind kind, std::string message, std::string field,
               RequestProblem problem = RequestProblem::kNone)
      : Error(kind, std::move(message)), field_(std::move(field)), problem_(problem) {}
  // The same error as `error`, naming `field`.
  RequestError(const Error& error, std::string field)
      : Error(error.kind(), error.message(), error.location()), field_(std::move(field)) {}

  const std::string& field() const { return field_; }
  RequestProblem problem() const { return problem_; }

 private:
  std::string field_;
  RequestProblem problem_ = RequestProblem::kNone;
};

// Runs `action`; a verhaal::Error it throws (not already a RequestError)
// becomes a RequestError naming `field`.
template <typename Action>
auto BlameField(const std::string& field, Action&& action) -> decltype(action()) {
  try {
    return action();
  } catch (const RequestError&) {
    throw;
  } catch (const Error& e) {
    throw RequestError(e, field);
  }
}

}  // namespace verhaal

#endif  // VERHAAL_STUDY_REQUEST_ERROR_H_
