// Options shared by `verhaal code` and `verhaal uncode`: how a segment is
// named (--quote/--occurrence, --span, --whole) and who codes (--coder).
#ifndef VERHAAL_CLI_CODING_OPTIONS_H_
#define VERHAAL_CLI_CODING_OPTIONS_H_

#include <string>

#include "cli/command.h"
#include "coding/manual_coding.h"

namespace verhaal {

// Adds --quote, --occurrence, --span, --whole, --coder and the STORY CODE
// positionals.
void AddCodingOptions(CommandOptions& options);

// The request the parsed options describe. kUsage Errors when STORY or
// CODE is missing or the segment is not named exactly once.
CodingRequest CodingRequestFromOptions(const CommandOptions& options, const std::string& verb);

// "SH-01-E 120:185 motivatie/willen (anna): "Ik wil ..."" for messages.
std::string DescribeCoding(const Coding& coding, const std::string& quote);

}  // namespace verhaal

#endif  // VERHAAL_CLI_CODING_OPTIONS_H_
