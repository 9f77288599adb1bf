package store_test

import (
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// Every start searches the old log for visits still to move: the search
// walks the index of the log's visits, never the log with its notes.
func TestVisitLogSearchWalksItsIndex(t *testing.T) {
	v := newEnv(t)
	db := raw(t, v.path)
	if storetest.IsPostgres(db) {
		t.Skip("SQLite's plan: PostgreSQL's planner picks its indexes by its own statistics")
	}
	rows, err := db.Query(`EXPLAIN QUERY PLAN ` + store.VisitLogToMoveQuery([]string{"sales_rep", "sales_manager"}))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if got := strings.Join(plan, "\n"); !strings.Contains(got, "customer_visits_to_move") {
		t.Errorf("the search reads the whole log:\n%s", got)
	}
}
