// Who looks at the project through a front end: the coder, and whether
// they work blind (see only their own codings, `verhaal serve --blind`).
#ifndef VERHAAL_STUDY_VIEWER_H_
#define VERHAAL_STUDY_VIEWER_H_

#include <string>

namespace verhaal {

struct Viewer {
  std::string coder;
  bool blind = false;
};

}  // namespace verhaal

#endif  // VERHAAL_STUDY_VIEWER_H_
