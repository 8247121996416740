#include "corpus/schema.h"

#include <array>
#include <string>

#include "corpus/error.h"

namespace verhaal {
namespace {

// Version 1: the core entities of DESIGN.md.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE project_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE respondent (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL DEFAULT ''
);
CREATE TABLE variable (
  id INTEGER PRIMARY KEY,
  subject TEXT NOT NULL CHECK (subject IN ('respondent', 'story')),
  name TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL CHECK (type IN ('text', 'integer', 'float', 'date', 'boolean')),
  UNIQUE (subject, name)
);
CREATE TABLE value_label (
  variable_id INTEGER NOT NULL REFERENCES variable(id) ON DELETE CASCADE,
  value TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (variable_id, value)
);
CREATE TABLE respondent_value (
  respondent_id INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
  variable_id INTEGER NOT NULL REFERENCES variable(id) ON DELETE CASCADE,
  value TEXT NOT NULL,
  PRIMARY KEY (respondent_id, variable_id)
);
CREATE TABLE story (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  respondent_id INTEGER REFERENCES respondent(id),
  kind TEXT NOT NULL DEFAULT 'experience',
  wave INTEGER,
  date TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  hash TEXT NOT NULL,
  source_file TEXT NOT NULL DEFAULT '',
  source_line INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX story_respondent ON story(respondent_id);
CREATE TABLE story_value (
  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
  variable_id INTEGER NOT NULL REFERENCES variable(id) ON DELETE CASCADE,
  value TEXT NOT NULL,
  PRIMARY KEY (story_id, variable_id)
);
CREATE TABLE speaker_turn (
  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  speaker TEXT NOT NULL,
  interviewer INTEGER NOT NULL DEFAULT 0,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  timestamp TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (story_id, position)
);
CREATE TABLE code (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  parent_id INTEGER REFERENCES code(id),
  name TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL DEFAULT 0,
  description TEXT NOT NULL DEFAULT '',
  inclusion TEXT NOT NULL DEFAULT '',
  exclusion TEXT NOT NULL DEFAULT '',
  examples TEXT NOT NULL DEFAULT '[]',
  colour TEXT NOT NULL DEFAULT '',
  codable INTEGER NOT NULL DEFAULT 1,
  dimension INTEGER NOT NULL DEFAULT 0,
  retired INTEGER NOT NULL DEFAULT 0,
  rules TEXT NOT NULL DEFAULT ''
);
CREATE TABLE coder (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE coding (
  id INTEGER PRIMARY KEY,
  story_id INTEGER NOT NULL REFERENCES story(id),
  code_id INTEGER NOT NULL REFERENCES code(id),
  coder_id INTEGER NOT NULL REFERENCES coder(id),
  start INTEGER NOT NULL CHECK (start >= 0),
  end INTEGER NOT NULL CHECK (end >= start),
  origin TEXT NOT NULL DEFAULT 'manual',
  memo TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (story_id, code_id, coder_id, start, end)
);
CREATE INDEX coding_code ON coding(code_id);
CREATE INDEX coding_coder ON coding(coder_id);
CREATE TABLE memo (
  id INTEGER PRIMARY KEY,
  story_id INTEGER REFERENCES story(id) ON DELETE CASCADE,
  code_id INTEGER REFERENCES code(id) ON DELETE CASCADE,
  start INTEGER,
  end INTEGER,
  author TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
)sql";

// Version 2: self-signification (signifiers and their values).
constexpr const char* kVersion2 = R"sql(
CREATE TABLE signifier (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('dyad', 'triad', 'stones', 'list', 'freetext')),
  title TEXT NOT NULL DEFAULT '',
  multiple INTEGER NOT NULL DEFAULT 0,
  x_low TEXT NOT NULL DEFAULT '',
  x_high TEXT NOT NULL DEFAULT '',
  y_low TEXT NOT NULL DEFAULT '',
  y_high TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT ''
);
CREATE TABLE signifier_option (
  signifier_id INTEGER NOT NULL REFERENCES signifier(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (signifier_id, position)
);
CREATE TABLE signifier_value (
  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
  signifier_id INTEGER NOT NULL REFERENCES signifier(id) ON DELETE CASCADE,
  option INTEGER NOT NULL DEFAULT -1,
  not_applicable INTEGER NOT NULL DEFAULT 0,
  a REAL,
  b REAL,
  c REAL,
  text TEXT,
  PRIMARY KEY (story_id, signifier_id, option)
);
CREATE INDEX signifier_value_signifier ON signifier_value(signifier_id);
)sql";

// Version 3: the full-text index, kept in step with story by triggers.
constexpr const char* kVersion3 = R"sql(
CREATE VIRTUAL TABLE story_fts USING fts5(
  title, text, content='story', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER story_fts_insert AFTER INSERT ON story BEGIN
  INSERT INTO story_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER story_fts_delete AFTER DELETE ON story BEGIN
  INSERT INTO story_fts(story_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER story_fts_update AFTER UPDATE OF title, text ON story BEGIN
  INSERT INTO story_fts(story_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO story_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
INSERT INTO story_fts(story_fts) VALUES ('rebuild');
)sql";

// Version 4: a lean coding table for millions of rule codings. Keyed by what
// makes a coding unique (one B-tree instead of a row table plus a unique
// index); origin and time stamp, shared by every coding of one command run or
// rule, move to coding_origin; no secondary index (rebuilding one after a
// million-story autocode run took longer than the run's writing; queries by
// code or coder read the table in one pass). coding_detail shows the rows as
// before.
constexpr const char* kVersion4 = R"sql(
CREATE TABLE coding_origin (
  id INTEGER PRIMARY KEY,
  origin TEXT NOT NULL,
  created TEXT NOT NULL,
  UNIQUE (origin, created)
);
INSERT INTO coding_origin(origin, created)
  SELECT DISTINCT origin, created FROM coding ORDER BY created, origin;
CREATE TABLE coding_v4 (
  story_id INTEGER NOT NULL REFERENCES story(id),
  code_id INTEGER NOT NULL REFERENCES code(id),
  coder_id INTEGER NOT NULL REFERENCES coder(id),
  start INTEGER NOT NULL CHECK (start >= 0),
  end INTEGER NOT NULL CHECK (end >= start),
  origin_id INTEGER NOT NULL REFERENCES coding_origin(id),
  memo TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (story_id, code_id, coder_id, start, end)
) WITHOUT ROWID;
INSERT INTO coding_v4
  SELECT g.story_id, g.code_id, g.coder_id, g.start, g.end, o.id, g.memo
  FROM coding g JOIN coding_origin o ON o.origin = g.origin AND o.created = g.created;
DROP TABLE coding;
ALTER TABLE coding_v4 RENAME TO coding;
CREATE VIEW coding_detail AS
  SELECT g.story_id, g.code_id, g.coder_id, g.start, g.end, o.origin, g.memo, o.created
  FROM coding g JOIN coding_origin o ON o.id = g.origin_id;
)sql";

// Version 5: the workbench's undo history, per coder (corpus/undo_steps.h).
// A step holds the coding before and after one change as JSON ('' for none);
// done = 0 marks a step that was undone and may be redone. The partial index
// story_wave lets the workbench list the waves without reading every story.
constexpr const char* kVersion5 = R"sql(
CREATE TABLE undo_step (
  id INTEGER PRIMARY KEY,
  coder_id INTEGER NOT NULL REFERENCES coder(id),
  action TEXT NOT NULL CHECK (action IN ('add', 'change', 'remove')),
  before TEXT NOT NULL DEFAULT '',
  after TEXT NOT NULL DEFAULT '',
  done INTEGER NOT NULL DEFAULT 1,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX undo_step_coder ON undo_step(coder_id, done, id);
CREATE INDEX story_wave ON story(wave) WHERE wave IS NOT NULL;
)sql";

// Version 6: the decisions on the autocoder's codings (corpus/rule_reviews.h),
// keyed as the coding is (story, code, coder, segment), so a decision
// outlives a re-run of `verhaal autocode` that finds the same segment. Not a
// foreign key to coding (it has no row id, and a decision may outlive its
// coding); it goes with its story, code or coders.
constexpr const char* kVersion6 = R"sql(
CREATE TABLE rule_review (
  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,
  coder_id INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  reviewer_id INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
  decided TEXT NOT NULL,
  PRIMARY KEY (story_id, code_id, coder_id, start, end)
) WITHOUT ROWID;
)sql";

// Version 7: named story sets (corpus/story_sets.h), e.g. the stories selected
// on a triangle in the workbench's Signifiers view, usable as a story filter
// (--set NAME). A member goes with its story or its set.
constexpr const char* kVersion7 = R"sql(
CREATE TABLE story_set (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE story_set_member (
  set_id INTEGER NOT NULL REFERENCES story_set(id) ON DELETE CASCADE,
  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
  PRIMARY KEY (set_id, story_id)
) WITHOUT ROWID;
CREATE INDEX story_set_member_story ON story_set_member(story_id);
)sql";

// Version 8: the stories without any coding, kept in step by triggers, so
// that the workbench's "uncoded" list walks them in story order and stops
// after a page instead of probing the codings of every story (seconds at a
// million stories with few uncoded). A story is in story_uncoded exactly when
// no coding names it. autocode's CodingBulkWriter (corpus/rule_codings.h)
// drops story_uncoded_coding_insert for its transaction and brings the table
// in step in one statement at its end. A migration that rebuilds story or
// coding must create the triggers again.
constexpr const char* kVersion8 = R"sql(
CREATE TABLE story_uncoded (story_id INTEGER PRIMARY KEY);
INSERT INTO story_uncoded(story_id)
  SELECT id FROM story s WHERE NOT EXISTS (SELECT 1 FROM coding g WHERE g.story_id = s.id);
CREATE TRIGGER story_uncoded_story AFTER INSERT ON story BEGIN
  INSERT OR IGNORE INTO story_uncoded(story_id)
    SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM coding g WHERE g.story_id = new.id);
END;
CREATE TRIGGER story_uncoded_story_delete AFTER DELETE ON story BEGIN
  DELETE FROM story_uncoded WHERE story_id = old.id;
END;
CREATE TRIGGER story_uncoded_coding_insert AFTER INSERT ON coding BEGIN
  DELETE FROM story_uncoded WHERE story_id = new.story_id;
END;
CREATE TRIGGER story_uncoded_coding_delete AFTER DELETE ON coding
  WHEN NOT EXISTS (SELECT 1 FROM coding g WHERE g.story_id = old.story_id) BEGIN
  INSERT OR IGNORE INTO story_uncoded(story_id)
    SELECT old.story_id WHERE EXISTS (SELECT 1 FROM story s WHERE s.id = old.story_id);
END;
CREATE TRIGGER story_uncoded_coding_update AFTER UPDATE OF story_id ON coding BEGIN
  DELETE FROM story_uncoded WHERE story_id = new.story_id;
  INSERT OR IGNORE INTO story_uncoded(story_id)
    SELECT old.story_id WHERE NOT EXISTS (SELECT 1 FROM coding g WHERE g.story_id = old.story_id)
      AND EXISTS (SELECT 1 FROM story s WHERE s.id = old.story_id);
END;
)sql";

// Version 9: the number of codings per code and coder, kept in step by
// triggers, so that the workbench's project and codebook counts (and
// `codebook show`) read a few hundred rows instead of every coding (seconds
// at 18 million codings, and the page waited for them). autocode's
// CodingBulkWriter drops coding_count_insert and coding_count_delete for its
// transaction and applies the counts it kept at its end. A migration that
// rebuilds coding must create the triggers again. The index respondent_role
// serves the page's list of roles and the role filter (the distinct roles of
// 200,000 respondents were sorted at every page load).
constexpr const char* kVersion9 = R"sql(
CREATE TABLE coding_count (
  code_id INTEGER NOT NULL,
  coder_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (code_id, coder_id)
) WITHOUT ROWID;
INSERT INTO coding_count(code_id, coder_id, n)
  SELECT code_id, coder_id, count(*) FROM coding GROUP BY code_id, coder_id;
CREATE INDEX respondent_role ON respondent(role);
CREATE TRIGGER coding_count_insert AFTER INSERT ON coding BEGIN
  INSERT INTO coding_count(code_id, coder_id, n) VALUES (new.code_id, new.coder_id, 1)
    ON CONFLICT(code_id, coder_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER coding_count_delete AFTER DELETE ON coding BEGIN
  UPDATE coding_count SET n = n - 1 WHERE code_id = old.code_id AND coder_id = old.coder_id;
  DELETE FROM coding_count WHERE code_id = old.code_id AND coder_id = old.coder_id AND n <= 0;
END;
CREATE TRIGGER coding_count_update AFTER UPDATE OF code_id, coder_id ON coding BEGIN
  UPDATE coding_count SET n = n - 1 WHERE code_id = old.code_id AND coder_id = old.coder_id;
  DELETE FROM coding_count WHERE code_id = old.code_id AND coder_id = old.coder_id AND n <= 0;
  INSERT INTO coding_count(code_id, coder_id, n) VALUES (new.code_id, new.coder_id, 1)
    ON CONFLICT(code_id, coder_id) DO UPDATE SET n = n + 1;
END;
)sql";

// Version 10: the codes each coder used in each story, kept in step by
// triggers, so that the counts of stories per code (summary, the matrix's
// code dimensions, the respondents export, the signifier plot's colours) read
// one row per story and coder instead of every coding (18 million at a
// million stories). `codes` is the set of code ids between commas, each
// once, in no particular order (",3,17,42,"); a row exists exactly when the
// coder has a coding in the story. The triggers are plain SQL, so every
// connection (the sqlite3 shell too) keeps the table right; the coding key
// (story_id, code_id, coder_id, start, end) tells a delete whether another
// coding of the same story, code and coder remains. autocode's
// CodingBulkWriter drops them for its transaction and computes its coder's
// rows again at its end (corpus/rule_codings.h). A migration that rebuilds
// coding must create the triggers again.
//
// And the index coding_code_coder, so that a code dimension of a matrix at
// segment level (ForEachCodingOfCodes) reads the codings of its codes by its
// coders instead of the whole coding table; as coding has no row id the
// index holds the rest of the key (story, segment) too. CodingBulkWriter
// drops it while it writes many codings and builds it again at its end
// (kept, it made autocode at 100,000 stories 5.5 -> 24.7 s).
constexpr const char* kVersion10 = R"sql(
CREATE TABLE story_code_set (
  coder_id INTEGER NOT NULL,
  story_id INTEGER NOT NULL,
  codes TEXT NOT NULL,
  PRIMARY KEY (coder_id, story_id)
) WITHOUT ROWID;
INSERT INTO story_code_set(coder_id, story_id, codes)
  SELECT coder_id, story_id, ',' || group_concat(code_id, ',') || ','
    FROM (SELECT DISTINCT coder_id, story_id, code_id FROM coding)
    GROUP BY coder_id, story_id;
CREATE TRIGGER story_code_set_insert AFTER INSERT ON coding BEGIN
  INSERT INTO story_code_set(coder_id, story_id, codes)
    VALUES (new.coder_id, new.story_id, ',' || new.code_id || ',')
    ON CONFLICT(coder_id, story_id) DO UPDATE SET codes = codes || new.code_id || ','
      WHERE instr(codes, ',' || new.code_id || ',') = 0;
END;
CREATE TRIGGER story_code_set_delete AFTER DELETE ON coding
  WHEN NOT EXISTS (SELECT 1 FROM coding g WHERE g.story_id = old.story_id
                     AND g.code_id = old.code_id AND g.coder_id = old.coder_id) BEGIN
  UPDATE story_code_set SET codes = replace(codes, ',' || old.code_id || ',', ',')
    WHERE coder_id = old.coder_id AND story_id = old.story_id;
  DELETE FROM story_code_set
    WHERE coder_id = old.coder_id AND story_id = old.story_id AND codes = ',';
END;
CREATE TRIGGER story_code_set_update AFTER UPDATE OF story_id, code_id, coder_id ON coding BEGIN
  UPDATE story_code_set SET codes = replace(codes, ',' || old.code_id || ',', ',')
    WHERE coder_id = old.coder_id AND story_id = old.story_id
      AND NOT EXISTS (SELECT 1 FROM coding g WHERE g.story_id = old.story_id
                        AND g.code_id = old.code_id AND g.coder_id = old.coder_id);
  DELETE FROM story_code_set
    WHERE coder_id = old.coder_id AND story_id = old.story_id AND codes = ',';
  INSERT INTO story_code_set(coder_id, story_id, codes)
    VALUES (new.coder_id, new.story_id, ',' || new.code_id || ',')
    ON CONFLICT(coder_id, story_id) DO UPDATE SET codes = codes || new.code_id || ','
      WHERE instr(codes, ',' || new.code_id || ',') = 0;
END;
CREATE INDEX coding_code_coder ON coding(code_id, coder_id);
)sql";

constexpr std::array<const char*, 10> kMigrations = {kVersion1, kVersion2, kVersion3, kVersion4,
                                                     kVersion5, kVersion6, kVersion7, kVersion8,
                                                     kVersion9, kVersion10};
static_assert(kMigrations.size() == 10, "kSchemaVersion in project.h must match");

}  // namespace

void MigrateSchema(SQLite::Database& db, int from, int target) {
  for (int version = from + 1; version <= target; ++version) {
    db.exec(kMigrations[static_cast<size_t>(version - 1)]);
    db.exec("PRAGMA user_version = " + std::to_string(version));
  }
}

}  // namespace verhaal
