// Who looks at the project through a front end: the coder, whether they
// work blind (see only their own codings, `verhaal serve --blind`), and who
// leads the team (settles disagreements, `verhaal serve --lead`).
#ifndef VERHAAL_STUDY_VIEWER_H_
#define VERHAAL_STUDY_VIEWER_H_

#include <string>

namespace verhaal {

struct Viewer {
  std::string coder;
  bool blind = false;
  std::string lead;  // the team's lead; empty: nobody may settle

  bool IsLead() const { return !lead.empty() && coder == lead; }
};

}  // namespace verhaal

#endif  // VERHAAL_STUDY_VIEWER_H_
