// The streaming zip writer behind `export refi` (issue 25): archives that
// libzip reads back with its consistency checks, Zip64 records past 65,535
// entries, entries written in pieces, the same bytes every time, and nothing
// left behind when an export fails.
#include "exporters/zip_writer.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

// The entries of `file` as libzip reads them with ZIP_CHECKCONS (every local
// header compared with its central directory entry); empty when it refuses.
std::vector<ZipEntry> ReadChecked(const std::filesystem::path& file) {
  std::vector<ZipEntry> entries;
  int code = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (archive == nullptr) {
    ADD_FAILURE() << "libzip refuses " << file << ": error " << code;
    return entries;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    ZipEntry entry{stat.name, std::string(stat.size, '\0')};
    zip_file_t* opened = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    EXPECT_NE(opened, nullptr) << stat.name;
    if (opened == nullptr) continue;
    EXPECT_EQ(zip_fread(opened, entry.bytes.data(), stat.size), static_cast<zip_int64_t>(stat.size))
        << stat.name;
    zip_fclose(opened);
    entries.push_back(std::move(entry));
  }
  zip_discard(archive);
  return entries;
}

// Text that deflates to something, but not to nothing.
std::string Text(size_t size, unsigned seed) {
  std::string text;
  text.reserve(size);
  unsigned x = seed;
  while (text.size() < size) {
    x = x * 1103515245 + 12345;
    text += "woord" + std::to_string((x >> 16) % 997) + ((x >> 8) % 7 == 0 ? "\n" : " ");
  }
  text.resize(size);
  return text;
}

TEST(ZipWriterTest, EntriesInPiecesAndWholeReadBackWithConsistencyChecks) {
  TempDir dir;
  const std::string big = Text(3 << 20, 1);  // over the 1 MB pieces
  {
    ZipWriter zip(dir / "a.zip", 1'700'000'000);
    zip.BeginEntry("project.qde", 1);
    for (size_t at = 0; at < big.size(); at += 4093) zip.WriteEntry(big.substr(at, 4093));
    zip.EndEntry();
    zip.AddBytes("sources/één.txt", "Ik wíl werken \xF0\x9F\x98\x80.", 1);
    zip.AddBytes("sources/empty.txt", "");
    zip.BeginEntry("empty-streamed.txt");
    zip.EndEntry();
    zip.Close();
  }
  const std::vector<ZipEntry> entries = ReadChecked(dir / "a.zip");
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].name, "project.qde");
  EXPECT_TRUE(entries[0].bytes == big);
  EXPECT_EQ(entries[1].name, "sources/één.txt");
  EXPECT_EQ(entries[1].bytes, "Ik wíl werken \xF0\x9F\x98\x80.");
  EXPECT_EQ(entries[2].bytes, "");
  EXPECT_EQ(entries[3].bytes, "");
  // The entry time is the UTC date and time given: 2023-11-14 22:13:20.
  zip_t* archive = zip_open((dir / "a.zip").c_str(), ZIP_RDONLY, nullptr);
  ASSERT_NE(archive, nullptr);
  zip_stat_t stat;
  ASSERT_EQ(zip_stat_index(archive, 1, 0, &stat), 0);
  EXPECT_EQ(stat.comp_method, ZIP_CM_DEFLATE);
  zip_uint8_t system = 0;
  zip_uint32_t attributes = 0;
  ASSERT_EQ(zip_file_get_external_attributes(archive, 1, 0, &system, &attributes), 0);
  EXPECT_EQ(system, ZIP_OPSYS_UNIX);
  EXPECT_EQ(attributes >> 16, 0100666u);
  zip_discard(archive);
  const std::string bytes = testing::ReadFile(dir / "a.zip");
  // DOS time 22:13:20 and date 2023-11-14, little-endian, in the first header.
  EXPECT_EQ(bytes.substr(10, 4), std::string("\xaa\xb1\x6e\x57", 4));
}

// XML as the REFI export writes it: long runs that repeat, as project.qde.
std::string Xml(size_t selections) {
  std::string xml = "<Project>\n";
  for (size_t i = 0; i < selections; ++i) {
    xml += "  <PlainTextSelection guid=\"" + std::to_string(i * 7919 % 100'003) +
           "\" startPosition=\"" + std::to_string(i % 500) +
           "\" creatingUser=\"37844B81-8995-5A07-854B-431B15061E15\">\n    <Coding>" +
           Text(40, static_cast<unsigned>(i)) + "</Coding>\n  </PlainTextSelection>\n";
  }
  return xml + "</Project>\n";
}

TEST(ZipWriterTest, FastEntriesReadBackAndAreSmallerThanZlibsFastestLevel) {
  // kZipFast (ISA-L's igzip, issue 25): what libzip (zlib's inflate) reads
  // back, in pieces and whole, empty or not; smaller than zlib's level 1.
  TempDir dir;
  const std::string xml = Xml(60'000);  // ~8 MB: many pieces and output buffers
  for (int level : {1, kZipFast}) {
    const auto file = dir / (std::to_string(level) + ".zip");
    {
      ZipWriter zip(file, 1'700'000'000);
      zip.BeginEntry("project.qde", level);
      for (size_t at = 0; at < xml.size(); at += 100'003) zip.WriteEntry(xml.substr(at, 100'003));
      zip.EndEntry();
      zip.AddBytes("sources/één.txt", "Ik wíl werken \xF0\x9F\x98\x80.", level);
      zip.AddBytes("sources/big.txt", xml.substr(0, 3 << 20), level);
      zip.AddBytes("sources/empty.txt", "", level);
      zip.BeginEntry("empty-streamed.txt", level);
      zip.EndEntry();
      zip.Close();
    }
    const std::vector<ZipEntry> entries = ReadChecked(file);
    ASSERT_EQ(entries.size(), 5u) << level;
    EXPECT_TRUE(entries[0].bytes == xml) << level;
    EXPECT_EQ(entries[1].bytes, "Ik wíl werken \xF0\x9F\x98\x80.");
    EXPECT_TRUE(entries[2].bytes == xml.substr(0, 3 << 20)) << level;
    EXPECT_EQ(entries[3].bytes, "");
    EXPECT_EQ(entries[4].bytes, "");
  }
  EXPECT_LT(std::filesystem::file_size(dir / "0.zip"), std::filesystem::file_size(dir / "1.zip"));
}

TEST(ZipWriterTest, MoreThan65535EntriesGetZip64Records) {
  TempDir dir;
  const int count = 70'000;
  {
    ZipWriter zip(dir / "many.zip");
    for (int i = 0; i < count; ++i) {
      zip.AddBytes("sources/" + std::to_string(i) + ".txt", "tekst " + std::to_string(i));
    }
    zip.Close();
  }
  const std::vector<ZipEntry> entries = ReadChecked(dir / "many.zip");
  ASSERT_EQ(entries.size(), static_cast<size_t>(count));
  EXPECT_EQ(entries[69'999].name, "sources/69999.txt");
  EXPECT_EQ(entries[69'999].bytes, "tekst 69999");
  const std::string bytes = testing::ReadFile(dir / "many.zip");
  EXPECT_NE(bytes.find(std::string("PK\x06\x06", 4)), std::string::npos);  // Zip64 end record
}

TEST(ZipWriterTest, TheSameEntriesGiveTheSameBytes) {
  TempDir dir;
  for (const char* name : {"a.zip", "b.zip"}) {
    ZipWriter zip(dir / name, 1'700'000'000);
    zip.BeginEntry("project.qde", 1);
    zip.WriteEntry(Text(100'000, 2));
    zip.EndEntry();
    zip.AddBytes("sources/x.txt", Text(5'000, 3), 1);
    zip.BeginEntry("fast.qde", kZipFast);
    zip.WriteEntry(Xml(2'000));
    zip.EndEntry();
    zip.AddBytes("sources/runs.txt", Text(5'000, 4), kZipRunsOnly);
    zip.Close();
  }
  EXPECT_EQ(testing::ReadFile(dir / "a.zip"), testing::ReadFile(dir / "b.zip"));
}

TEST(ZipWriterTest, AnArchiveNotClosedLeavesNothing) {
  TempDir dir;
  {
    ZipWriter zip(dir / "half.zip");
    zip.BeginEntry("project.qde");
    zip.WriteEntry(Text(2 << 20, 4));
    // An export that fails here (an exception) never reaches Close().
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "half.zip"));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace verhaal
