#include "exporters/pseudonymised_note.h"

#include "corpus/project_settings.h"

namespace verhaal {
namespace {

// `text` cut to `bytes` at a character boundary.
std::string Fit(std::string text, size_t bytes) {
  if (text.size() <= bytes) return text;
  size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

}  // namespace

std::vector<std::string> PseudonymisedNoteLines(Project& project) {
  const auto note = ReadPseudonymisationNote(project);
  if (!note) return {};
  return {
      Fit("Pseudonymised copy, made by verhaal pseudonymise on " + note->date + " from:",
          kNoteLineBytes),
      Fit(note->source, kNoteLineBytes),
      "Names, places, numbers and other identifiers in the texts were replaced",
      Fit("(" + std::to_string(note->replacements) + " replacements, " + note->style +
              "). The key to the pseudonyms is kept apart.",
          kNoteLineBytes),
  };
}

}  // namespace verhaal
