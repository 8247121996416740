#include "privacy/key_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/error.h"

namespace verhaal {
namespace {

constexpr std::string_view kMagic = "VHKEY001";  // format and version

void StoreU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
uint64_t LoadU64(std::string_view in) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i)
    v = (v << 8) | static_cast<unsigned char>(in[static_cast<size_t>(i)]);
  return v;
}

void InitSodium() {
  if (sodium_init() < 0) throw Error(ErrorKind::kInternal, "libsodium cannot be initialised");
}

std::vector<unsigned char> DeriveKey(std::string_view passphrase, const unsigned char* salt,
                                     uint64_t ops, uint64_t mem) {
  std::vector<unsigned char> key(crypto_secretstream_xchacha20poly1305_KEYBYTES);
  if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt, ops,
                    static_cast<size_t>(mem), crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw Error(ErrorKind::kInternal, "Argon2id ran out of memory deriving the key");
  }
  return key;
}

}  // namespace

std::string SealKey(std::string_view plaintext, std::string_view passphrase) {
  InitSodium();
  if (passphrase.empty()) throw DataError("the passphrase is empty");
  unsigned char salt[crypto_pwhash_SALTBYTES];
  randombytes_buf(salt, sizeof salt);
  const uint64_t ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const uint64_t mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  std::vector<unsigned char> key = DeriveKey(passphrase, salt, ops, mem);
  crypto_secretstream_xchacha20poly1305_state state;
  unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  crypto_secretstream_xchacha20poly1305_init_push(&state, header, key.data());
  sodium_memzero(key.data(), key.size());
  std::string cipher(plaintext.size() + crypto_secretstream_xchacha20poly1305_ABYTES, '\0');
  unsigned long long written = 0;
  crypto_secretstream_xchacha20poly1305_push(
      &state, reinterpret_cast<unsigned char*>(cipher.data()), &written,
      reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
      reinterpret_cast<const unsigned char*>(kMagic.data()), kMagic.size(),
      crypto_secretstream_xchacha20poly1305_TAG_FINAL);
  cipher.resize(static_cast<size_t>(written));
  std::string out(kMagic);
  out.append(reinterpret_cast<const char*>(salt), sizeof salt);
  StoreU64(out, ops);
  StoreU64(out, mem);
  out.append(reinterpret_cast<const char*>(header), sizeof header);
  out += cipher;
  return out;
}

std::string OpenKey(std::string_view sealed, std::string_view passphrase, const std::string& file) {
  InitSodium();
  const size_t head = kMagic.size() + crypto_pwhash_SALTBYTES + 16 +
                      crypto_secretstream_xchacha20poly1305_HEADERBYTES;
  if (sealed.size() < head + crypto_secretstream_xchacha20poly1305_ABYTES ||
      sealed.substr(0, kMagic.size()) != kMagic) {
    throw DataError("not a verhaal pseudonym key file (written by verhaal pseudonymise --key)",
                    Location{file});
  }
  const auto* salt = reinterpret_cast<const unsigned char*>(sealed.data() + kMagic.size());
  const size_t limits = kMagic.size() + crypto_pwhash_SALTBYTES;
  const uint64_t ops = LoadU64(sealed.substr(limits, 8));
  const uint64_t mem = LoadU64(sealed.substr(limits + 8, 8));
  if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > crypto_pwhash_OPSLIMIT_MAX ||
      mem < crypto_pwhash_MEMLIMIT_MIN || mem > (uint64_t{1} << 32)) {
    throw DataError("the key file is damaged (its Argon2id limits are out of range)",
                    Location{file});
  }
  std::vector<unsigned char> key = DeriveKey(passphrase, salt, ops, mem);
  crypto_secretstream_xchacha20poly1305_state state;
  const auto* header = reinterpret_cast<const unsigned char*>(sealed.data() + limits + 16);
  if (crypto_secretstream_xchacha20poly1305_init_pull(&state, header, key.data()) != 0) {
    throw DataError("the key file is damaged (bad header)", Location{file});
  }
  sodium_memzero(key.data(), key.size());
  const std::string_view cipher = sealed.substr(head);
  std::string plain(cipher.size(), '\0');
  unsigned long long length = 0;
  unsigned char tag = 0;
  if (crypto_secretstream_xchacha20poly1305_pull(
          &state, reinterpret_cast<unsigned char*>(plain.data()), &length, &tag,
          reinterpret_cast<const unsigned char*>(cipher.data()), cipher.size(),
          reinterpret_cast<const unsigned char*>(kMagic.data()), kMagic.size()) != 0 ||
      tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
    throw DataError(
        "wrong passphrase, or the key file is damaged: it cannot be decrypted; check "
        "VERHAAL_PASSPHRASE or type the passphrase used with --out",
        Location{file});
  }
  plain.resize(static_cast<size_t>(length));
  return plain;
}

void WriteKeyFile(const std::filesystem::path& file, const PseudonymKey& key,
                  std::string_view passphrase) {
  nlohmann::json entries = nlohmann::json::array();
  for (const KeyEntry& e : key.entries) {
    entries.push_back({{"pseudonym", e.pseudonym},
                       {"category", std::string(CategoryName(e.category))},
                       {"originals", e.originals}});
  }
  const nlohmann::json doc = {{"format", "verhaal pseudonym key"},
                              {"version", 1},
                              {"project", key.project},
                              {"created", key.created},
                              {"entries", entries}};
  const std::string sealed = SealKey(doc.dump(), passphrase);
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int error = errno;
    throw Error(ErrorKind::kCannotCreate,
                "cannot create the key file " + file.string() + ": " + std::strerror(error) +
                    (error == EEXIST ? " (choose another name; a key is never overwritten)" : ""));
  }
  size_t done = 0;
  while (done < sealed.size()) {
    const ssize_t n = ::write(fd, sealed.data() + done, sealed.size() - done);
    if (n <= 0) {
      const int error = errno;
      ::close(fd);
      std::filesystem::remove(file);
      throw IoError("cannot write the key file " + file.string() + ": " + std::strerror(error));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::filesystem::remove(file);
    throw IoError("cannot write the key file " + file.string());
  }
}

PseudonymKey ReadKeyFile(const std::filesystem::path& file, std::string_view passphrase) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw MissingError("cannot read the key file " + file.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string plain = OpenKey(buffer.str(), passphrase, file.string());
  PseudonymKey key;
  try {
    const nlohmann::json doc = nlohmann::json::parse(plain);
    key.project = doc.at("project").get<std::string>();
    key.created = doc.at("created").get<std::string>();
    for (const auto& e : doc.at("entries")) {
      KeyEntry entry;
      entry.pseudonym = e.at("pseudonym").get<std::string>();
      entry.category =
          ParseCategory(e.at("category").get<std::string>()).value_or(Category::kPerson);
      entry.originals = e.at("originals").get<std::vector<std::string>>();
      key.entries.push_back(std::move(entry));
    }
  } catch (const nlohmann::json::exception& e) {
    throw DataError(std::string("the key file decrypts but its contents are damaged: ") + e.what(),
                    Location{file.string()});
  }
  return key;
}

}  // namespace verhaal
