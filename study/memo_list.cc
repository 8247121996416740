#include "study/memo_list.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "base/text.h"
#include "coding/rules_text.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/stories.h"
#include "study/coding_id.h"
#include "study/request_error.h"

namespace verhaal {
namespace {

std::string KindOf(const Memo& memo) {
  if (memo.story_id) return "story";
  if (memo.code_id) return "code";
  return "project";
}

void CheckQuery(const MemoQuery& query) {
  if (query.kind && std::find(std::begin(kMemoKinds), std::end(kMemoKinds), *query.kind) ==
                        std::end(kMemoKinds)) {
    throw RequestError(ErrorKind::kUsage,
                       "kind must be project, code, story or coding; got '" + *query.kind + "'",
                       "kind");
  }
  if (query.offset < 0) {
    throw RequestError(ErrorKind::kUsage, "offset must be 0 or more", "offset");
  }
  if (query.limit < 1 || query.limit > kMaxMemoPage) {
    throw RequestError(ErrorKind::kUsage,
                       "limit must be between 1 and " + std::to_string(kMaxMemoPage), "limit");
  }
}

// Folds text into its words, lower case and without accents, each followed
// by a space, as autocoding compares words (coding/rules_text.h).
class WordFolder {
 public:
  std::vector<std::string> Words(std::string_view text) { return preparer_.FoldWords(text); }
  std::string Joined(std::string_view text) {
    std::string out = " ";
    for (const std::string& word : Words(text)) out += word + " ";
    return out;
  }

 private:
  TextPreparer preparer_;
};

// The search words of `q`; kUsage (`q`) when it has none or is not UTF-8.
std::vector<std::string> SearchWords(WordFolder& folder, const std::string& q) {
  std::string text;
  try {
    text = NormalizeText(q);
  } catch (const Error&) {
    throw RequestError(ErrorKind::kUsage, "q is not UTF-8 text; percent-encode its UTF-8 bytes",
                       "q");
  }
  std::vector<std::string> words = folder.Words(text);
  if (words.empty()) {
    throw RequestError(ErrorKind::kUsage,
                       "q has no word to look for; give words of the memo, e.g. q=twijfel", "q");
  }
  return words;
}

// The story texts memos point into, read once each.
class StoryTexts {
 public:
  explicit StoryTexts(Project& project) : project_(project) {}

  // The text of [start, end) of story `id`, cut at kMemoPassageChars.
  std::string Passage(int64_t id, int64_t start, int64_t end) {
    auto found = texts_.find(id);
    if (found == texts_.end()) {
      const auto story = FindStoryById(project_, id);
      found = texts_.emplace(id, story ? story->text : std::string()).first;
    }
    const std::string& text = found->second;
    const auto length = static_cast<int64_t>(CodePointCount(text));
    start = std::clamp<int64_t>(start, 0, length);
    end = std::clamp<int64_t>(end, start, std::min(length, start + int64_t{kMemoPassageChars}));
    std::string passage(
        SliceCodePoints(text, static_cast<size_t>(start), static_cast<size_t>(end)));
    return end - start == int64_t{kMemoPassageChars} ? passage + "…" : passage;
  }

 private:
  Project& project_;
  std::map<int64_t, std::string> texts_;
};

// Every memo the viewer may see, unordered, passages not yet read.
std::vector<MemoEntry> AllMemos(Project& project, const Viewer& viewer) {
  std::vector<MemoEntry> all;
  for (Memo& memo : ListMemos(project)) {
    MemoEntry entry;
    entry.kind = KindOf(memo);
    entry.id = memo.id;
    entry.author = std::move(memo.author);
    entry.title = std::move(memo.title);
    entry.text = std::move(memo.text);
    entry.created = std::move(memo.created);
    entry.story_id = memo.story_id.value_or(0);
    entry.story_key = std::move(memo.story_key);
    entry.code_path = std::move(memo.code_path);
    entry.start = memo.start;
    entry.end = memo.end;
    all.push_back(std::move(entry));
  }
  CodingFilter filter;
  filter.with_memo = true;
  if (viewer.blind) filter.coder = viewer.coder;
  for (Coding& coding : ListCodings(project, filter)) {
    MemoEntry entry;
    entry.kind = "coding";
    entry.coding_id = FormatCodingId(coding);
    entry.author = std::move(coding.coder);
    entry.text = std::move(coding.memo);
    entry.created = std::move(coding.created);
    entry.story_id = coding.story_id;
    entry.story_key = std::move(coding.story_key);
    entry.code_path = std::move(coding.code_path);
    entry.start = coding.start;
    entry.end = coding.end;
    all.push_back(std::move(entry));
  }
  return all;
}

std::vector<std::string> AuthorsOf(const std::vector<MemoEntry>& memos) {
  std::set<std::string> authors;
  for (const MemoEntry& memo : memos) authors.insert(memo.author);
  return {authors.begin(), authors.end()};
}

void CheckAuthor(const std::vector<std::string>& authors, const std::string& author) {
  if (std::find(authors.begin(), authors.end(), author) != authors.end()) return;
  std::string names;
  for (const std::string& name : authors) names += (names.empty() ? "" : ", ") + name;
  throw RequestError(ErrorKind::kUsage,
                     "no memo by '" + author + "'; the authors are " +
                         (names.empty() ? std::string("none yet") : names),
                     "author");
}

bool Contains(const std::string& folded, const std::vector<std::string>& words) {
  return std::all_of(words.begin(), words.end(), [&](const std::string& word) {
    return folded.find(word) != std::string::npos;
  });
}

}  // namespace

MemoList ListProjectMemos(Project& project, const Viewer& viewer, const MemoQuery& query) {
  CheckQuery(query);
  WordFolder folder;
  const std::vector<std::string> words =
      query.q.empty() ? std::vector<std::string>() : SearchWords(folder, query.q);
  std::vector<MemoEntry> all = AllMemos(project, viewer);
  MemoList list;
  list.authors = AuthorsOf(all);
  if (query.author) CheckAuthor(list.authors, *query.author);
  std::vector<MemoEntry> chosen;
  for (MemoEntry& memo : all) {
    if (query.kind && memo.kind != *query.kind) continue;
    if (query.author && memo.author != *query.author) continue;
    if (!words.empty() && !Contains(folder.Joined(memo.title + "\n" + memo.text), words)) continue;
    chosen.push_back(std::move(memo));
  }
  // Newest first; memos of one moment in the order they were written.
  std::stable_sort(chosen.begin(), chosen.end(), [](const MemoEntry& a, const MemoEntry& b) {
    if (a.created != b.created) return a.created > b.created;
    return a.id > b.id;
  });
  list.total = static_cast<int64_t>(chosen.size());
  StoryTexts texts(project);
  const auto from = std::min<size_t>(static_cast<size_t>(query.offset), chosen.size());
  const auto to = std::min<size_t>(from + static_cast<size_t>(query.limit), chosen.size());
  for (size_t i = from; i < to; ++i) {
    MemoEntry& memo = chosen[i];
    if (memo.story_id && memo.start && memo.end) {
      memo.passage = texts.Passage(memo.story_id, *memo.start, *memo.end);
    }
    list.memos.push_back(std::move(memo));
  }
  return list;
}

}  // namespace verhaal
