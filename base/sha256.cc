#include "base/sha256.h"

#include <array>
#include <cstdint>

#include "base/sha256_x86.h"

namespace verhaal {
namespace {

uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void Compress(std::array<uint32_t, 8>& h, const uint8_t* block) {
  std::array<uint32_t, 64> w{};
  for (int i = 0; i < 16; ++i) {
    w[i] = (uint32_t{block[4 * i]} << 24) | (uint32_t{block[4 * i + 1]} << 16) |
           (uint32_t{block[4 * i + 2]} << 8) | uint32_t{block[4 * i + 3]};
  }
  for (int i = 16; i < 64; ++i) {
    const uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (int i = 0; i < 64; ++i) {
    const uint32_t t1 = k + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) +
                        kSha256Round[i] + w[i];
    const uint32_t t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    k = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

// Compresses `blocks` 64-byte blocks, with SHA-NI when the processor has it
// (about five times faster: the hash is a tenth of an import otherwise).
void CompressBlocks(std::array<uint32_t, 8>& h, const uint8_t* data, size_t blocks) {
  static const bool kHardware = HasSha256Instructions();
  if (kHardware) {
    CompressSha256Blocks(h.data(), data, blocks);
    return;
  }
  for (size_t i = 0; i < blocks; ++i) Compress(h, data + 64 * i);
}

}  // namespace

namespace {

// The SHA-256 state after hashing `data`.
std::array<uint32_t, 8> Sha256Words(std::string_view data) {
  std::array<uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* bytes = reinterpret_cast<const uint8_t*>(data.data());
  size_t full = data.size() / 64;
  CompressBlocks(h, bytes, full);
  std::array<uint8_t, 128> tail{};
  const size_t rest = data.size() % 64;
  for (size_t i = 0; i < rest; ++i) tail[i] = bytes[64 * full + i];
  tail[rest] = 0x80;
  const size_t tail_size = rest < 56 ? 64 : 128;
  const uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_size - 1 - i] = static_cast<uint8_t>(bits >> (8 * i));
  CompressBlocks(h, tail.data(), tail_size / 64);
  return h;
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (uint32_t word : Sha256Words(data)) {
    for (int shift = 28; shift >= 0; shift -= 4) out += kHex[(word >> shift) & 0xF];
  }
  return out;
}

std::string NameBasedGuid(std::string_view kind, std::string_view key) {
  // Written straight from the digest's first 128 bits (the REFI-QDA export
  // makes a few per coding: issue 25); the same characters as formatting
  // the hex digest would give.
  std::string name;
  name.reserve(9 + kind.size() + key.size());
  name.append("verhaal:").append(kind).append(":").append(key);
  const std::array<uint32_t, 8> h = Sha256Words(name);
  static constexpr char kHex[] = "0123456789ABCDEF";
  char nibbles[32];
  for (int i = 0; i < 32; ++i) nibbles[i] = kHex[(h[i / 8] >> (28 - 4 * (i % 8))) & 0xF];
  nibbles[12] = '5';                               // version 5 (name-based)
  nibbles[16] = "89AB"[((h[2] >> 28) & 0xF) & 3];  // RFC 4122 variant
  std::string guid;
  guid.reserve(36);
  guid.append(nibbles, 8).append("-").append(nibbles + 8, 4).append("-");
  guid.append(nibbles + 12, 4).append("-").append(nibbles + 16, 4).append("-");
  guid.append(nibbles + 20, 12);
  return guid;
}

}  // namespace verhaal
