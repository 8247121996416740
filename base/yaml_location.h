// Where a yaml-cpp mark points, as a Location for messages. Header only: the
// corpus library itself does not read YAML.
#ifndef VERHAAL_BASE_YAML_LOCATION_H_
#define VERHAAL_BASE_YAML_LOCATION_H_

#include <yaml-cpp/mark.h>

#include <string>
#include <string_view>
#include <utility>

#include "base/error.h"
#include "base/text.h"

namespace verhaal {

// The place `mark` points at in `text` (the YAML that was parsed), with its
// line, in `file`, where `text` starts on line `first_line`. Unknown (line 0)
// for a null mark.
inline Location YamlLocation(std::string file, std::string_view text, const YAML::Mark& mark,
                             int first_line = 1) {
  if (mark.is_null()) return Location{std::move(file), 0, 0, ""};
  return Location{std::move(file), mark.line + first_line, mark.column + 1,
                  std::string(NthLine(text, mark.line))};
}

}  // namespace verhaal

#endif  // VERHAAL_BASE_YAML_LOCATION_H_
