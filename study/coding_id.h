// A coding's id for front ends: the five numbers that make a coding unique
// (story, code, coder, start, end) as "S.C.K.START.END". The coding table has
// no row id (corpus/schema.cc, version 4), so the id changes when the coding's
// code or segment does.
#ifndef VERHAAL_STUDY_CODING_ID_H_
#define VERHAAL_STUDY_CODING_ID_H_

#include <string>
#include <string_view>

#include "corpus/codings.h"

namespace verhaal {

std::string FormatCodingId(const Coding& coding);

// The coding key `id` names (story_id, code_id, coder_id, start, end); a
// kMissing RequestError (field "id") when it is not of that form.
Coding ParseCodingId(std::string_view id);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_CODING_ID_H_
