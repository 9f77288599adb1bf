package upgradetest

import (
	"testing"

	"orderdesk/store/storetest"
	"orderdesk/workflow/workflowtest"
)

// TestLoggedVisitsBecomeVisits: the visits each earlier version's
// customer files logged become reviewed visits at the first start on
// this schema, one for each entry whose writer still makes visits, of
// that writer, with its note as what was achieved and pointing back at
// it; the file stays whole, and a second start moves nothing more.
func TestLoggedVisitsBecomeVisits(t *testing.T) {
	logged := 0
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			old, path := f.upgrade(t)
			db := storetest.ReadOnly(t, old)
			var want int
			if err := db.QueryRow(`SELECT count(*) FROM customer_visits v JOIN users u ON u.id = v.updated_by
				WHERE v.kind = 'visit' AND u.active = 1 AND length(v.visited_on) = 10
				  AND (instr(u.roles, ',clerk,') > 0 OR instr(u.roles, ',sales_rep,') > 0 OR instr(u.roles, ',supervisor,') > 0)`).Scan(&want); err != nil {
				t.Fatal(err)
			}
			db.Close()
			logged += want
			d := openDesk(t, path)
			d.checkWhole("after the logged visits moved")
			moved := func() (n, wrong int) {
				d.must(d.raw.QueryRow(`SELECT count(*), coalesce(sum(d.status <> 'reviewed' OR x.owner_id <> v.updated_by
				        OR x.customer_id <> v.customer_id OR x.visit_on <> v.visited_on
				        OR r.achieved <> CASE WHEN trim(v.notes) = '' THEN '—' ELSE trim(v.notes) END), 0)
				  FROM visits x JOIN documents d ON d.id = x.doc_id JOIN customer_visits v ON v.id = x.log_id
				  JOIN visit_reviews r ON r.doc_id = x.doc_id`).Scan(&n, &wrong))
				return n, wrong
			}
			if n, wrong := moved(); n != want || wrong != 0 {
				t.Fatalf("%d of %d logged visits became visits, %d not as logged", n, want, wrong)
			}
			d.e.Store().Close()
			e := workflowtest.Open(t, path, keyOf(path)...)
			defer e.Store().Close()
			if n, _ := moved(); n != want {
				t.Fatalf("a second start made more visits of %d logged", want)
			}
		})
	}
	if logged == 0 {
		t.Fatal("no fixture has a logged visit: the move is not tested")
	}
}
