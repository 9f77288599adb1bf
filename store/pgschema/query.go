package pgschema

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

var insertOrIgnore = regexp.MustCompile(`(?is)^(\s*INSERT)\s+OR\s+IGNORE\b`)

// maxQueries bounds the translations kept.
const maxQueries = 2000

// queries caches each text's translation: the store runs a few hundred
// texts all day. Texts built from input (a filter's words) are few in
// practice, but the cache is bounded all the same.
var (
	queries    sync.Map // string → translated
	queryCount atomic.Int32
)

type translated struct {
	text string
	err  error
}

// Query carries one of the store's statements over to PostgreSQL: the
// same rewrites as the schema's, and $1, $2 … for SQLite's ? marks.
func Query(q string) (string, error) {
	if v, ok := queries.Load(q); ok {
		tr := v.(translated)
		return tr.text, tr.err
	}
	text, err := query(q)
	if queryCount.Load() < maxQueries {
		if _, loaded := queries.LoadOrStore(q, translated{text, err}); !loaded {
			queryCount.Add(1)
		}
	}
	return text, err
}

// tableExists is SQLite's look-up of a table in its schema.
var tableExists = regexp.MustCompile(`EXISTS \(SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '(\w+)'\)`)

// The search indexes: SQLite's FTS5 tables of character grams are
// tables of gram arrays here (SearchTables), matched by containment.
var (
	gramsWrite = regexp.MustCompile(`INSERT OR REPLACE INTO (\w+_fts)\(rowid, grams\) VALUES \(\?, \?\)`)
	gramsMatch = regexp.MustCompile(`\b\w+_fts MATCH \?`)
)

// dropTrigger is SQLite's DROP TRIGGER, which names no table.
var dropTrigger = regexp.MustCompile(`(?is)^\s*DROP\s+TRIGGER\s+(IF\s+EXISTS\s+)?(\w+)\s*;?\s*$`)

// droppedTrigger drops the trigger SQLite's name stands for here: the
// name itself (a generated guard) or a hand-written rule's (FiringName).
func droppedTrigger(m []string) string {
	missing := fmt.Sprintf("RAISE EXCEPTION 'no such trigger: %s';", m[2])
	if m[1] != "" {
		missing = "NULL;"
	}
	return Native(fmt.Sprintf(`DO $d$
DECLARE t record;
BEGIN
  FOR t IN SELECT tgname, tgrelid::regclass AS tbl FROM pg_trigger
            WHERE NOT tgisinternal AND (tgname = '%[1]s' OR tgname ~ '^r[0-9]{4}_%[1]s$') LOOP
    EXECUTE format('DROP TRIGGER %%I ON %%s', t.tgname, t.tbl);
  END LOOP;
  IF NOT FOUND THEN
    %[2]s
  END IF;
END $d$`, m[2], missing))
}

// WriterLock is the advisory lock every writer of a database holds for
// its transaction (the store's begin).
const WriterLock = 0x6f72646b // "ordk"

// beginWriting is SQLite's BEGIN IMMEDIATE (or EXCLUSIVE): a transaction
// that holds the writers' lock from its start.
var beginWriting = regexp.MustCompile(`(?is)^\s*BEGIN\s+(IMMEDIATE|EXCLUSIVE)(\s+TRANSACTION)?\s*;?\s*$`)

func query(q string) (string, error) {
	if m := dropTrigger.FindStringSubmatch(q); m != nil {
		return droppedTrigger(m), nil
	}
	if beginWriting.MatchString(q) {
		return fmt.Sprintf("BEGIN; SELECT pg_advisory_xact_lock(%d)", WriterLock), nil
	}
	q = tableExists.ReplaceAllString(q, "(to_regclass('$1') IS NOT NULL)")
	q = gramsWrite.ReplaceAllString(q, `INSERT INTO $1(rowid, grams) VALUES (?, string_to_array(?, ' '))
	  ON CONFLICT (rowid) DO UPDATE SET grams = excluded.grams`)
	q, _ = replaceAsUpsert(q)
	q = gramsMatch.ReplaceAllString(q, `grams @> string_to_array(replace(?, '"', ''), ' ')`)
	out, err := carryCalls(q)
	if err != nil {
		return "", err
	}
	out = aliasSubqueries(expr(out, "", nil))
	if insertOrIgnore.MatchString(out) {
		out = insertOrIgnore.ReplaceAllString(out, "$1") + "\nON CONFLICT DO NOTHING"
	}
	return numberMarks(qualifyUpsert(out)), nil
}

// numberMarks turns each ? outside strings into $1, $2 … in order; as
// in SQLite, a bare ? after ?NNN takes the number after the largest yet.
func numberMarks(q string) string {
	var b strings.Builder
	n := 0
	toks := lex(q)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tokOther || t.text != "?" {
			b.WriteString(t.text)
			continue
		}
		if i+1 < len(toks) && toks[i+1].kind == tokWord && toks[i+1].text[0] >= '0' && toks[i+1].text[0] <= '9' {
			b.WriteString("$" + toks[i+1].text) // ?NNN names its argument
			if k, err := strconv.Atoi(toks[i+1].text); err == nil {
				n = max(n, k)
			}
			i++
			continue
		}
		n++
		fmt.Fprintf(&b, "$%d", n)
	}
	return b.String()
}
