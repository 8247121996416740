#include "corpus/coding_scan.h"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "corpus/raw_rows.h"

namespace verhaal {

void CodingScan::Visit(std::string sql, bool with_segment, int64_t from, int64_t to,
                       const std::function<void(const CodingSpan&)>& visit) {
  if (coders_) {
    const size_t order = sql.find(" ORDER BY");
    sql.insert(order, " AND " + CodingCondition(*coders_));
  }
  CodingSpan span;
  ForEachRawRow(
      connection_.get(), sql.c_str(), "the codings",
      [&](sqlite3_stmt* row) {
        sqlite3_bind_int64(row, 1, from);
        sqlite3_bind_int64(row, 2, to);
      },
      [&](sqlite3_stmt* row) {
        span.story_id = sqlite3_column_int64(row, 0);
        span.code_id = sqlite3_column_int64(row, 1);
        if (with_segment) {
          span.start = sqlite3_column_int64(row, 2);
          span.end = sqlite3_column_int64(row, 3);
        }
        visit(span);
      });
}

// Both read the coding table in its own order (its primary key starts with
// these columns).
void CodingScan::ForEachCodingSpan(const std::function<void(const CodingSpan&)>& visit) {
  Visit(
      "SELECT story_id, code_id, start, end FROM coding WHERE story_id BETWEEN ?1 AND ?2 "
      "ORDER BY story_id, code_id, coder_id, start, end",
      true, INT64_MIN, INT64_MAX, visit);
}

void CodingScan::ForEachCodingSpanOfCodes(const std::vector<int64_t>& code_ids,
                                          const std::function<void(const CodingSpan&)>& visit) {
  sqlite3* db = connection_.get();
  std::vector<int64_t> coder_ids;
  if (coders_) {
    coder_ids = coders_->coder_ids;
  } else {
    ForEachRawRow(
        db, "SELECT id FROM coder ORDER BY id", "the coders", [](sqlite3_stmt*) {},
        [&](sqlite3_stmt* row) { coder_ids.push_back(sqlite3_column_int64(row, 0)); });
  }
  if (code_ids.empty() || coder_ids.empty()) return;
  // One cursor per code and coder: the index coding_code_coder gives each
  // one's codings in story and segment order, and the cursors are merged
  // into the coding key's order (story, code, coder, segment), as
  // ForEachCodingSpan gives them, holding one row per cursor.
  std::string sql = "SELECT story_id, start, end FROM coding WHERE code_id = ?1 AND coder_id = ?2";
  if (coders_) sql += " AND " + CodingCondition(*coders_);
  sql += " ORDER BY story_id, start, end";
  struct Cursor {
    RawStatement rows{nullptr, sqlite3_finalize};
    int64_t code_id = 0;
    int64_t coder_id = 0;
    CodingSpan at;  // the row it stands on
  };
  std::vector<Cursor> cursors;
  auto step = [&](Cursor& cursor) {
    if (!StepRaw(db, cursor.rows.get(), "the codings")) return false;
    cursor.at = CodingSpan{sqlite3_column_int64(cursor.rows.get(), 0), cursor.code_id,
                           sqlite3_column_int64(cursor.rows.get(), 1),
                           sqlite3_column_int64(cursor.rows.get(), 2)};
    return true;
  };
  for (int64_t code_id : code_ids) {
    for (int64_t coder_id : coder_ids) {
      Cursor cursor;
      cursor.rows = PrepareRaw(db, sql.c_str(), "the codings");
      cursor.code_id = code_id;
      cursor.coder_id = coder_id;
      sqlite3_bind_int64(cursor.rows.get(), 1, code_id);
      sqlite3_bind_int64(cursor.rows.get(), 2, coder_id);
      if (step(cursor)) cursors.push_back(std::move(cursor));
    }
  }
  // A heap of the cursors, the one whose row comes first on top.
  auto later = [&](size_t a, size_t b) {
    const Cursor& x = cursors[a];
    const Cursor& y = cursors[b];
    return std::tie(x.at.story_id, x.code_id, x.coder_id, x.at.start, x.at.end) >
           std::tie(y.at.story_id, y.code_id, y.coder_id, y.at.start, y.at.end);
  };
  std::vector<size_t> heap(cursors.size());
  for (size_t i = 0; i < heap.size(); ++i) heap[i] = i;
  std::make_heap(heap.begin(), heap.end(), later);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    Cursor& cursor = cursors[heap.back()];
    visit(cursor.at);
    if (step(cursor)) {
      std::push_heap(heap.begin(), heap.end(), later);
    } else {
      heap.pop_back();
    }
  }
}

void CodingScan::ForEachStoryCode(const std::function<void(const CodingSpan&)>& visit, int64_t from,
                                  int64_t to) {
  // A speaker's turns are stretches of text: only the codings tell whether
  // a code was used in one. Each (story, code) pair once.
  if (coders_ && !coders_->speaker.empty()) {
    CodingSpan last{-1, -1};
    Visit(
        "SELECT story_id, code_id FROM coding WHERE story_id >= ?1 AND story_id < ?2 "
        "ORDER BY story_id, code_id",
        false, from, to, [&](const CodingSpan& span) {
          if (span.story_id == last.story_id && span.code_id == last.code_id) return;
          last = span;
          visit(span);
        });
    return;
  }
  sqlite3* db = connection_.get();
  std::vector<int64_t> coder_ids;
  int min_coders = 1;
  if (coders_) {
    coder_ids = coders_->coder_ids;
    min_coders = coders_->min_coders;
  } else {
    ForEachRawRow(
        db, "SELECT id FROM coder ORDER BY id", "the coders", [](sqlite3_stmt*) {},
        [&](sqlite3_stmt* row) { coder_ids.push_back(sqlite3_column_int64(row, 0)); });
  }
  if (coder_ids.empty() || min_coders > static_cast<int>(coder_ids.size())) return;
  // One cursor per coder over story_code_set, in story order, merged.
  struct Cursor {
    RawStatement rows{nullptr, sqlite3_finalize};
    bool on_row = false;
  };
  auto step = [&](Cursor& cursor) {
    cursor.on_row = StepRaw(db, cursor.rows.get(), "the codes of the stories");
  };
  std::vector<Cursor> cursors(coder_ids.size());
  for (size_t i = 0; i < coder_ids.size(); ++i) {
    cursors[i].rows = PrepareRaw(db,
                                 "SELECT story_id, codes FROM story_code_set WHERE coder_id = ?1 "
                                 "AND story_id >= ?2 AND story_id < ?3 ORDER BY story_id",
                                 "the codes of the stories");
    sqlite3_stmt* prepared = cursors[i].rows.get();
    sqlite3_bind_int64(prepared, 1, coder_ids[i]);
    sqlite3_bind_int64(prepared, 2, from);
    sqlite3_bind_int64(prepared, 3, to);
    step(cursors[i]);
  }
  std::vector<int64_t> codes;  // of the story being read, from every coder
  for (;;) {
    int64_t story = INT64_MAX;
    bool any = false;
    for (const Cursor& cursor : cursors) {
      if (!cursor.on_row) continue;
      story = std::min<int64_t>(story, sqlite3_column_int64(cursor.rows.get(), 0));
      any = true;
    }
    if (!any) return;
    codes.clear();
    for (Cursor& cursor : cursors) {
      if (!cursor.on_row || sqlite3_column_int64(cursor.rows.get(), 0) != story) continue;
      // ",3,17,42,": each code once per coder.
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(cursor.rows.get(), 1));
      const int bytes = sqlite3_column_bytes(cursor.rows.get(), 1);
      int64_t id = 0;
      bool digits = false;
      for (int k = 0; k < bytes; ++k) {
        const char c = text[k];
        if (c >= '0' && c <= '9') {
          id = id * 10 + (c - '0');
          digits = true;
        } else if (digits) {
          codes.push_back(id);
          id = 0;
          digits = false;
        }
      }
      if (digits) codes.push_back(id);
      step(cursor);
    }
    std::sort(codes.begin(), codes.end());
    CodingSpan span;
    span.story_id = story;
    for (size_t k = 0; k < codes.size();) {
      size_t run = k + 1;
      while (run < codes.size() && codes[run] == codes[k]) ++run;
      if (static_cast<int>(run - k) >= min_coders) {
        span.code_id = codes[k];
        visit(span);
      }
      k = run;
    }
  }
}

}  // namespace verhaal
