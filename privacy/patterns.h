// Stage 1 of detection: identifiers with a fixed shape, found by
// hand-written scanners over the UTF-8 bytes and validated where a check
// exists (BSN elfproef, IBAN mod 97, real calendar dates). Each returns
// byte spans with the rule that matched ("pattern:bsn-elfproef", ...).
// They never fail; a malformed text simply yields fewer detections.
// Private to privacy/.
#ifndef VERHAAL_PRIVACY_PATTERNS_H_
#define VERHAAL_PRIVACY_PATTERNS_H_

#include <string>
#include <string_view>
#include <vector>

#include "privacy/detection.h"

namespace verhaal {

// E-mail addresses and URLs (with a scheme, "www." or a bare domain under a
// known top-level domain: "gemeente-ermelo.nl").
std::vector<Detection> FindContactPatterns(std::string_view text);

// Numbers: phone numbers (Dutch national and international forms), BSNs,
// IBANs, postcodes ("3891 AB") and other numbers of 7 or more digits.
std::vector<Detection> FindNumberPatterns(std::string_view text);

// Dates ("12 maart 2021", "03-04-2023", "2023-04-03", "maart 2021") and ages
// ("34 jaar", "34-jarige", "de oudste is 16").
std::vector<Detection> FindDatePatterns(std::string_view text);

// The day or month a date found by FindDatePatterns (or a story's date,
// YYYY-MM-DD) names, however it is written: "2021-03-12" for "12 maart
// 2021", "12-03-2021", "12/3/21" and "2021-03-12"; "2021-03" for "maart
// 2021"; "--03-12" for "12 maart" without a year. Empty for anything else.
// Two-digit years are 2000-2049 (00-49) or 1950-1999 (50-99).
std::string CanonicalDate(std::string_view text);

// The eleven-test of a Dutch citizen service number (BSN): nine digits
// d1..d9 with 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11 (and not zero).
bool PassesElfproef(std::string_view nine_digits);

// ISO 13616 check of an IBAN (spaces allowed): moving the first four
// characters to the end and reading letters as 10..35 gives 1 mod 97.
bool PassesIbanCheck(std::string_view iban);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_PATTERNS_H_
