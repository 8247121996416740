// The words of the HTML report, in English and Dutch, in one table: every
// heading, table header, label, sentence about a statistic, footnote and
// chart label the report writes, including those of the tables and charts it
// shares with other outputs (matrix_report.h, summary.h, slider_scatter.h,
// agreement_summary.h, svg_charts.h), whose English stays the default. A word
// without its Dutch does not compile: each entry of VERHAAL_REPORT_WORDS has
// both. Numbers follow the language too (LocalNumber). See docs/report.md.
#ifndef VERHAAL_EXPORTERS_REPORT_WORDS_H_
#define VERHAAL_EXPORTERS_REPORT_WORDS_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "coding/dimension.h"
#include "corpus/language.h"

namespace verhaal {

// X(id, English, Dutch). {1}, {2}, ... are filled in by Fill().
#define VERHAAL_REPORT_WORDS(X)                                                                   \
  /* The page */                                                                                  \
  X(kLead, "A verhaal report of {1}: {2}, {3} counted. Whose codings: {4}.",                      \
    "Een rapport van verhaal over {1}: {2}, {3} geteld. Wiens coderingen tellen: {4}.")           \
  X(kPseudonymised,                                                                               \
    "Pseudonymised copy: names, places, numbers and other identifiers in the stories were "       \
    "replaced ({1}, {2}) by verhaal pseudonymise on {3}, from {4}.",                              \
    "Gepseudonimiseerde kopie: namen, plaatsen, nummers en andere herkenbare gegevens in de "     \
    "verhalen zijn vervangen ({1}, {2}) door verhaal pseudonymise op {3}, uit {4}.")              \
  X(kReplacements, "{1} replacements", "{1} vervangingen")                                        \
  X(kOverview, "Overview", "Overzicht")                                                           \
  X(kMatrix, "Matrix", "Matrix")                                                                  \
  X(kScatterShort, "Scatter", "Spreiding")                                                        \
  X(kCodes, "Codes", "Codes")                                                                     \
  X(kSignifiers, "Signifiers", "Zelfduiding")                                                     \
  X(kAgreementShort, "Agreement", "Overeenstemming")                                              \
  X(kStoryOne, "story", "verhaal")                                                                \
  X(kStoryMany, "stories", "verhalen")                                                            \
  X(kCodingOne, "coding", "codering")                                                             \
  X(kCodingMany, "codings", "coderingen")                                                         \
  X(kRespondentOne, "respondent", "respondent")                                                   \
  X(kRespondentMany, "respondents", "respondenten")                                               \
  X(kResponseMany, "responses", "antwoorden")                                                     \
  X(kDataProblemOne, "data problem", "gegevensprobleem")                                          \
  X(kDataProblemMany, "data problems", "gegevensproblemen")                                       \
  /* Quotes */                                                                                    \
  X(kCodedBy, "{1}, coded by {2}", "{1}, gecodeerd door {2}")                                     \
  X(kOpeningOfStory, "opening of the story", "begin van het verhaal")                             \
  X(kNoRespondent, "no respondent", "geen respondent")                                            \
  X(kStoryKey, "story {1}", "verhaal {1}")                                                        \
  /* Overview */                                                                                  \
  X(kWithoutRole, "without a role", "zonder rol")                                                 \
  X(kNoRole, "(no role)", "(geen rol)")                                                           \
  X(kRespondentsBy, "Respondents by {1}", "Respondenten naar {1}")                                \
  X(kStoriesByKindAndWave, "Stories by kind and wave", "Verhalen naar soort en meting")           \
  X(kKind, "kind", "soort")                                                                       \
  X(kRole, "role", "rol")                                                                         \
  X(kWave, "wave", "meting")                                                                      \
  X(kZonesOf, "{1} zones", "zones van {1}")                                                       \
  X(kNoWave, "no wave", "geen meting")                                                            \
  X(kWaveN, "wave {1}", "meting {1}")                                                             \
  X(kAll, "all", "alle")                                                                          \
  X(kKindExperience, "experience", "ervaring")                                                    \
  X(kKindReflection, "reflection", "reflectie")                                                   \
  X(kKindInterview, "interview", "interview")                                                     \
  X(kKindOther, "other", "overig")                                                                \
  /* Which stories */                                                                             \
  X(kAllStories, "all stories", "alle verhalen")                                                  \
  X(kStoriesWith, "stories with {1}", "verhalen met {1}")                                         \
  X(kRoleIs, "role {1}", "rol {1}")                                                               \
  X(kKindIs, "kind {1}", "soort {1}")                                                             \
  X(kWaveIs, "wave {1}", "meting {1}")                                                            \
  X(kLanguageIs, "language {1}", "taal {1}")                                                      \
  /* The matrix */                                                                                \
  X(kMatrixHeading, "Matrix: {1} \u00d7 {2}", "Matrix: {1} \u00d7 {2}")                           \
  X(kTotal, "total", "totaal")                                                                    \
  X(kOfRow, "{1}% of row", "{1}% van de rij")                                                     \
  X(kMatrixCaption,                                                                               \
    "Each cell: number of stories and share of its row, shaded by that share; * marks a cell "    \
    "with clearly more or fewer stories than expected (|adjusted residual| \u2265 1.96). "        \
    "Counted: stories. Codings: {1}.",                                                            \
    "Elke cel: het aantal verhalen en hun aandeel in de rij, gekleurd naar dat aandeel; * "       \
    "markeert een cel met duidelijk meer of minder verhalen dan verwacht (|gecorrigeerd "         \
    "residu| \u2265 1,96). Geteld: verhalen. Coderingen: {1}.")                                   \
  X(kNoCodeDimension, "none (no code dimension)", "geen (geen codedimensie)")                     \
  X(kCodersWhereTheyAgree, "codings of {1} where they agree ({2})",                               \
    "coderingen van {1} waar zij het eens zijn ({2})")                                            \
  X(kLeftOut, "Left out: {1}.", "Weggelaten: {1}.")                                               \
  X(kAllStatistics, "All statistics", "Alle statistieken")                                        \
  X(kPer, "Per {1}", "Per {1}")                                                                   \
  X(kInNoGroup, "In no group of {1}: {2}.", "In geen groep van {1}: {2}.")                        \
  X(kGroupsDiffer, "Do the groups differ?", "Verschillen de groepen?")                            \
  X(kGroupsAgainstCells,                                                                          \
    "The groups against the matrix cells:", "De groepen tegenover de cellen van de matrix:")      \
  X(kStoriesBehindNumbers, "The stories behind the numbers", "De verhalen achter de cijfers")     \
  /* Why a story has no level (coding/dimension.h) */                                             \
  X(kReasonNoCoding, "no coding", "geen codering")                                                \
  X(kReasonCodersDisagree, "coders disagree", "codeurs oneens")                                   \
  X(kReasonNoConsensus, "too few coders agree", "te weinig codeurs eens")                         \
  X(kReasonMixed, "mixed", "gemengd")                                                             \
  X(kReasonNotApplicable, "N/A", "n.v.t.")                                                        \
  X(kReasonNoAnswer, "no answer", "geen antwoord")                                                \
  X(kReasonNoValue, "no value", "geen waarde")                                                    \
  X(kReasonNoZone, "no zone", "geen zone")                                                        \
  /* The tests in words */                                                                        \
  X(kNoTest, "No test: {1}", "Geen toets: {1}")                                                   \
  X(kOfThese, "Of these {1}, {2}", "Bij deze {1} {2}")                                            \
  X(kUnlikelyChance, "the pattern is unlikely to be chance",                                      \
    "is het patroon waarschijnlijk geen toeval")                                                  \
  X(kCouldBeChance, "the pattern could well be chance", "kan het patroon goed toeval zijn")       \
  X(kFisherInWords, " (Fisher's exact test p = {1}", " (exacte toets van Fisher: p = {1}")        \
  X(kChiSquareInWords, "; chi-square({1}) = {2}, p = {3}", "; \u03c7\u00b2({1}) = {2}, p = {3}")  \
  X(kCramersVInWords, "). Cram\u00e9r's V = {1}", "). Cram\u00e9rs V = {1}")                      \
  X(kTooFewForStrength, ", but with {1}{2} it does not tell how strong the association is.",      \
    ", maar met {1}{2} zegt dat niet hoe sterk het verband is.")                                  \
  X(kAndSmallExpected, " and small expected counts", " en kleine verwachte aantallen")            \
  X(kAssociation, ": a {1} association.", ": een {1} verband.")                                   \
  X(kUndefined, "undefined", "onbepaald")                                                         \
  X(kNegligible, "negligible", "verwaarloosbaar")                                                 \
  X(kWeak, "weak", "zwak")                                                                        \
  X(kModerate, "moderate", "matig")                                                               \
  X(kStrong, "strong", "sterk")                                                                   \
  X(kOddsRatioInWords, " The odds ratio is {1} (95% CI {2}\u2013{3}).",                           \
    " De odds ratio is {1} (95%-BI {2}\u2013{3}).")                                               \
  X(kCellExpected, "{1} \u00d7 {2} ({3}, expected {4})", "{1} \u00d7 {2} ({3}, verwacht {4})")    \
  X(kMoreThanExpected, " More stories than expected: {1}.", " Meer verhalen dan verwacht: {1}.")  \
  X(kFewerThanExpected, " Fewer than expected: {1}.", " Minder dan verwacht: {1}.")               \
  X(kTrustFisher, " Expected counts are small, so trust Fisher's test over chi-square.",          \
    " De verwachte aantallen zijn klein; vertrouw daarom eerder op de toets van Fisher dan op "   \
    "\u03c7\u00b2.")                                                                              \
  /* The matrix in figures (CrossTabGrid, CrossTabTests) */                                       \
  X(kMeasure, "measure", "maat")                                                                  \
  X(kCount, "count", "aantal")                                                                    \
  X(kRowPercent, "row %", "rij-%")                                                                \
  X(kColPercent, "col %", "kolom-%")                                                              \
  X(kTotalPercent, "total %", "totaal-%")                                                         \
  X(kExpected, "expected", "verwacht")                                                            \
  X(kResidual, "residual", "residu")                                                              \
  X(kStatistic, "statistic", "statistiek")                                                        \
  X(kValue, "value", "waarde")                                                                    \
  X(kNotTested, "not tested", "niet getoetst")                                                    \
  X(kEmptyRow, "empty row '{1}'", "lege rij '{1}'")                                               \
  X(kEmptyColumn, "empty column '{1}'", "lege kolom '{1}'")                                       \
  X(kTests, "tests", "toetsen")                                                                   \
  X(kChiSquare, "chi-square", "\u03c7\u00b2")                                                     \
  X(kChiSquareYates, "chi-square (Yates)", "\u03c7\u00b2 (Yates)")                                \
  X(kChiSquareValue, "X2 = {1}, df = {2}, p = {3}", "\u03c7\u00b2 = {1}, df = {2}, p = {3}")      \
  X(kChiSquareUnreliable, " (unreliable: expected counts too small; read Fisher's exact test)",   \
    " (onbetrouwbaar: verwachte aantallen te klein; lees de exacte toets van Fisher)")            \
  X(kFisher, "Fisher's exact test", "exacte toets van Fisher")                                    \
  X(kExact, "exact", "exact")                                                                     \
  X(kMonteCarlo, "Monte Carlo, {1} draws, seed {2}",                                              \
    "Monte Carlo, {1} trekkingen, startgetal {2}")                                                \
  X(kCramersV, "Cram\u00e9r's V", "Cram\u00e9rs V")                                               \
  X(kOddsRatio, "odds ratio", "odds ratio")                                                       \
  X(kValueWithCi, "{1}, 95% CI {2} to {3}", "{1}, 95%-BI {2} tot {3}")                            \
  X(kHaldane, " (0.5 added to every cell)", " (0,5 bij elke cel opgeteld)")                       \
  X(kCochran, "Cochran's rule", "regel van Cochran")                                              \
  X(kCochranMet, "met (smallest expected count {1})", "voldaan (kleinste verwachte aantal {1})")  \
  X(kCochranNotMet, "not met: {1}", "niet voldaan: {1}")                                          \
  X(kCochranWarning,                                                                              \
    "{1} of {2} cells have an expected count below 5 and {3} below 1 (smallest {4}); the "        \
    "chi-square approximation may be poor: use Fisher's exact test or merge categories",          \
    "{1} van de {2} cellen hebben een verwacht aantal onder 5 en {3} onder 1 (kleinste {4}); "    \
    "de \u03c7\u00b2-benadering kan slecht zijn: gebruik de exacte toets van Fisher of voeg "     \
    "categorie\u00ebn samen")                                                                     \
  X(kCochranEmpty, "the table is empty; no chi-square test is possible",                          \
    "de tabel is leeg; een \u03c7\u00b2-toets is niet mogelijk")                                  \
  X(kNote, "note", "opmerking")                                                                   \
  X(kNoteFewLevels, "no tests: fewer than two rows or columns have stories",                      \
    "geen toetsen: minder dan twee rijen of kolommen hebben verhalen")                            \
  X(kNoteYates, "Yates' correction applies to 2x2 tables only; not applied",                      \
    "de correctie van Yates geldt alleen voor 2\u00d72-tabellen; niet toegepast")                 \
  X(kNoteMultiple,                                                                                \
    "not computed: with --mixed each a story counts in more than one cell, so the cells are "     \
    "not independent and chi-square, Fisher's test and Cramer's V do not apply; for a test, "     \
    "use --mixed exclude or level (one level a story)",                                           \
    "niet berekend: met --mixed each telt een verhaal in meer dan \u00e9\u00e9n cel, dus de "     \
    "cellen zijn niet onafhankelijk en \u03c7\u00b2, de toets van Fisher en Cram\u00e9rs V "      \
    "gelden niet; voor een toets: --mixed exclude of level (\u00e9\u00e9n niveau per verhaal)")   \
  /* Scatter */                                                                                   \
  X(kScatter, "Story scatter", "Verhalen op twee schuifbalken")                                   \
  X(kScatterCaption, "Each dot is one story, placed by its storyteller on both sliders{1}.",      \
    "Elke stip is \u00e9\u00e9n verhaal, door de verteller zelf op beide schuifbalken "           \
    "geplaatst{1}.")                                                                              \
  X(kColouredBy, ", coloured by {1}", ", gekleurd naar {1}")                                      \
  X(kQuadrant, "quadrant", "kwadrant")                                                            \
  X(kPercent, "percent", "procent")                                                               \
  X(kBottomLeft, "bottom-left", "linksonder")                                                     \
  X(kBottomRight, "bottom-right", "rechtsonder")                                                  \
  X(kTopLeftQuadrant, "top-left", "linksboven")                                                   \
  X(kTopRightQuadrant, "top-right", "rechtsboven")                                                \
  X(kHigh, "high", "hoog")                                                                        \
  X(kLow, "low", "laag")                                                                          \
  X(kHighOne, "high (1)", "hoog (1)")                                                             \
  X(kLowZero, "low (0)", "laag (0)")                                                              \
  /* Codes */                                                                                     \
  X(kStoriesPerCode,                                                                              \
    "Stories per code, from the {1}; a code group counts the codings of its sub-codes, each "     \
    "story once; quotes come from the same codings.",                                             \
    "Verhalen per code, uit de {1}; een codegroep telt de coderingen van haar subcodes, elk "     \
    "verhaal één keer; de citaten komen uit dezelfde coderingen.")                                \
  X(kCode, "code", "code")                                                                        \
  X(kStoriesColumn, "stories", "verhalen")                                                        \
  X(kCodingsByHand, "codings by hand", "coderingen met de hand")                                  \
  X(kCodingsByRules, "codings by rules", "coderingen door regels")                                \
  X(kQuotesPerCode, "Quotes per code", "Citaten per code")                                        \
  X(kCodeMemos, "Memos on this code", "Memo's bij deze code")                                     \
  X(kCodingsInStories, "{1}: {2} in {3}", "{1}: {2} in {3}")                                      \
  /* Signifiers */                                                                                \
  X(kSignifiersLead, "How the storytellers placed their own stories (all stories).",              \
    "Hoe de vertellers hun eigen verhalen plaatsten (alle verhalen).")                            \
  X(kDyad, "dyad", "dyade")                                                                       \
  X(kTriad, "triad", "triade")                                                                    \
  X(kStones, "stones", "stenen")                                                                  \
  X(kList, "list", "lijst")                                                                       \
  X(kFreeText, "freetext", "vrije tekst")                                                         \
  X(kAnswerCounts, "{1} answered, {2} not applicable, {3} skipped or not asked.",                 \
    "{1} beantwoord, {2} niet van toepassing, {3} overgeslagen of niet gevraagd.")                \
  X(kSignifiersInFigures, "Dyads, triads and lists in figures, per role",                         \
    "Dyades, triades en lijsten in cijfers, per rol")                                             \
  X(kGroup, "group", "groep")                                                                     \
  X(kN, "n", "n")                                                                                 \
  X(kNotApplicableColumn, "N/A", "n.v.t.")                                                        \
  X(kNoAnswer, "no answer", "geen antwoord")                                                      \
  X(kMean, "mean", "gemiddelde")                                                                  \
  X(kMedian, "median", "mediaan")                                                                 \
  X(kSd, "sd", "sd")                                                                              \
  X(kQ1, "q1", "q1")                                                                              \
  X(kQ3, "q3", "q3")                                                                              \
  X(kBinN, "bin {1}", "klasse {1}")                                                               \
  X(kMeanTop, "mean top", "gemiddelde boven")                                                     \
  X(kMeanLeft, "mean left", "gemiddelde links")                                                   \
  X(kMeanRight, "mean right", "gemiddelde rechts")                                                \
  X(kZerosReplaced, "zeros replaced", "nullen vervangen")                                         \
  X(kTop, "top", "boven")                                                                         \
  X(kLeft, "left", "links")                                                                       \
  X(kRight, "right", "rechts")                                                                    \
  X(kTopLeft, "top-left", "boven-links")                                                          \
  X(kTopRight, "top-right", "boven-rechts")                                                       \
  X(kLeftRight, "left-right", "links-rechts")                                                     \
  X(kCentre, "centre", "midden")                                                                  \
  X(kItem, "item", "keuze")                                                                       \
  X(kPercentOfAnswered, "% of answered", "% van de beantwoorde")                                  \
  X(kClosedGeometricMean, "closed geometric mean", "gesloten meetkundig gemiddelde")              \
  X(kShown, "{1}, {2} shown", "{1}, {2} getoond")                                                 \
  /* Agreement */                                                                                 \
  X(kAgreement, "Agreement between coders", "Overeenstemming tussen codeurs")                     \
  X(kAgreementLead,                                                                               \
    "Coders compared: {1}. For a dimension each story counts once with the level each coder "     \
    "chose; for a code, whether each coder used it in the story. Stories: those two or more "     \
    "coders rated (a story where a coder gave a dimension no level does not enter). Kappa and "   \
    "alpha above 0.80 "                                                                           \
    "mean almost perfect agreement, 0.60\u20130.80 substantial, 0.40\u20130.60 moderate "         \
    "(Landis & Koch).",                                                                           \
    "Vergeleken codeurs: {1}. Bij een dimensie telt elk verhaal \u00e9\u00e9n keer, met het "     \
    "niveau dat elke codeur koos; bij een code telt of elke codeur de code in het verhaal "       \
    "gebruikte. Verhalen: die door twee of meer codeurs beoordeeld zijn (een verhaal waarin een " \
    "codeur de dimensie geen niveau gaf, telt niet mee). Een kappa of alfa boven 0,80 betekent "  \
    "vrijwel volledige overeenstemming, "                                                         \
    "0,60\u20130,80 aanzienlijke, 0,40\u20130,60 matige (Landis & Koch).")                        \
  X(kUnit, "unit", "eenheid")                                                                     \
  X(kPercentAgreement, "% agreement", "% overeenstemming")                                        \
  X(kCohensKappa, "Cohen's kappa", "kappa van Cohen")                                             \
  X(kKrippendorffsAlpha, "Krippendorff's alpha", "alfa van Krippendorff")                         \
  X(kUnitDimension, "dimension", "dimensie")                                                      \
  X(kUnitPresence, "presence", "aanwezigheid")

enum class Word {
#define VERHAAL_WORD_ID(id, english, dutch) id,
  VERHAAL_REPORT_WORDS(VERHAAL_WORD_ID)
#undef VERHAAL_WORD_ID
};

// The word in `language`.
std::string_view Say(Language language, Word word);

// `pattern` with {1}, {2}, ... replaced by `values` in order.
std::string Fill(std::string_view pattern, std::initializer_list<std::string_view> values);

// Say() and Fill() together.
std::string Say(Language language, Word word, std::initializer_list<std::string_view> values);

// A number formatted the English way ("0.501", "+3.00*", "12345", "-") in
// `language`: in Dutch with a decimal comma and, from five digits, points
// between thousands ("0,501", "+3,00*", "12.345"). Other text is kept.
std::string LocalNumber(std::string_view number, Language language);

// An integer count in `language` ("12.345" in Dutch, "12345" in English).
std::string LocalCount(int64_t n, Language language);

// "1 story", "36 stories" / "1 verhaal", "36 verhalen".
std::string Counted(Language language, int64_t n, Word one, Word many);

// A story kind (experience, reflection, interview, other) in `language`;
// another kind as it is.
std::string KindName(Language language, std::string_view kind);

// A reason a story was left out of a matrix (coding/dimension.h: "no
// coding", "N/A", ...), or a left-out line "motivatie: N/A", in `language`.
std::string ReasonText(Language language, std::string_view reason);

// A built-in dimension in `language`: the title and label of role, kind,
// wave and respondent, a triad's zones, and the levels verhaal names itself
// (story kinds, a triad's centre). Names from the project stay as they are;
// English leaves the dimension as it is.
void LocalizeDimension(ResolvedDimension& dim, const DimensionSpec& spec, Language language);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_REPORT_WORDS_H_
