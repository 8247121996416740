// The pseudonym key: pseudonym -> originals, written apart from the clean
// project, encrypted with a passphrase (libsodium: Argon2id derives the key,
// crypto_secretstream_xchacha20poly1305 encrypts and authenticates) and
// created with mode 0600. Format: docs/privacy.md, "The key file".
#ifndef VERHAAL_PRIVACY_KEY_FILE_H_
#define VERHAAL_PRIVACY_KEY_FILE_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/pseudonyms.h"

namespace verhaal {

struct PseudonymKey {
  std::string project;  // the original project's file name
  std::string created;  // ISO 8601 UTC
  std::vector<KeyEntry> entries;
};

// Encrypts `plaintext` with `passphrase`: the whole file's bytes. kData
// for an empty passphrase; kInternal when libsodium fails (out of memory).
std::string SealKey(std::string_view plaintext, std::string_view passphrase);

// Decrypts what SealKey wrote. kData naming `file` when it is no verhaal
// key file, is damaged, or the passphrase is wrong (the two cannot be told
// apart: authentication fails).
std::string OpenKey(std::string_view sealed, std::string_view passphrase, const std::string& file);

// Writes `key` to `file`, which must not exist (kCannotCreate), with mode
// 0600. kIo when writing fails (the partial file is removed).
void WriteKeyFile(const std::filesystem::path& file, const PseudonymKey& key,
                  std::string_view passphrase);

// Reads a key file. kMissing when it cannot be read, kData as OpenKey.
PseudonymKey ReadKeyFile(const std::filesystem::path& file, std::string_view passphrase);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_KEY_FILE_H_
