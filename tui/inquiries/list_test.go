package inquiries

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// seededList is the clerk's list in lang, height rows high, over
// seedList's inquiries; it returns the oldest.
func seededList(t *testing.T, lang string, height int) (*rig, int64) {
	t.Helper()
	r := newRig(t)
	oldest, _, _ := seedList(r)
	r.open(r.clerk, lang, height)
	return r, oldest
}

// anshanInquiry is the three customers and one inquiry of 鞍山宏达 with
// lines of grade, name, spec and quantity (tonnes); the screen is not
// open yet.
func anshanInquiry(t *testing.T, lines ...[4]string) (*rig, int64) {
	t.Helper()
	r := newRig(t)
	_, as, _ := r.customers()
	return r, r.inquiry(as, lines...)
}

// seedList records inquiries received 3 days, 5 hours and 20 minutes
// before the screen's clock, and one closed (lost) that must not show.
func seedList(r *rig) (oldest, middle, newest int64) {
	sy, as, dl := r.customers()
	r.at(clock.Add(-3 * 24 * time.Hour))
	oldest = r.inquiry(as, [4]string{"Q235B", "热轧钢板", "10×1500×6000", "25"}, [4]string{"Q345B", "花纹板", "4×1250", "8"})
	r.at(clock.Add(-4 * 24 * time.Hour))
	lost := r.inquiry(dl, [4]string{"45#", "圆钢", "Φ50", "3"})
	if err := r.Engine.Desk(r.clerk).Act(r.Ctx, lost, workflow.ActionLose, "价格高"); err != nil {
		r.t.Fatal(err)
	}
	r.at(clock.Add(-5 * time.Hour))
	middle = r.inquiry(sy, [4]string{"45#", "圆钢", "Φ50", "12.5"})
	r.at(clock.Add(-20 * time.Minute))
	newest = r.inquiry(dl, [4]string{"304", "不锈钢板", "2×1219×2438", "1.2"})
	r.at(clock)
	return
}

func TestListShowsOpenInquiriesOldestFirstWithAge(t *testing.T) {
	r, _ := seededList(t, "zh", 20)
	r.MustShow("鞍山宏达钢材贸易有限公司", "沈阳钢铁有限公司", "Dalian Harbour")
	v := r.View()
	a, s, d := strings.Index(v, "3天"), strings.Index(v, "5小时"), strings.Index(v, "20分钟")
	if a < 0 || s < 0 || d < 0 || !(a < s && s < d) {
		t.Fatalf("want ages 3天, 5小时, 20分钟 in that order:\n%s", v)
	}
	if strings.Count(v, "Dalian") != 1 {
		t.Fatalf("the lost inquiry is listed:\n%s", v)
	}
	// The unknown grade Q345B is flagged for purchasing on its row.
	if !strings.Contains(screenrig.LineWith(v, "鞍山宏达"), "*1") {
		t.Fatalf("the flagged line is not counted:\n%s", v)
	}
}

func TestListGolden(t *testing.T) {
	r, _ := seededList(t, "zh", 12)
	r.MustShow("Dalian Harbour")
	golden.RequireEqual(t, []byte(r.View()))
}

func TestListFilterByMnemonic(t *testing.T) {
	r, _ := seededList(t, "zh", 20)
	r.MustShow("沈阳钢铁有限公司")
	r.Press("/")
	r.Type("sygt")
	r.MustShow("沈阳钢铁有限公司")
	r.MustNotShow("鞍山宏达钢材", "Dalian")
	r.Press("enter", "esc")
	r.MustShow("鞍山宏达钢材", "Dalian", "沈阳钢铁有限公司")
}

func TestListFollowsChanges(t *testing.T) {
	r := newRig(t)
	_, as, _ := r.customers()
	r.open(r.clerk, "en", 20)
	r.MustShow("no open inquiries")
	id := r.inquiry(as, [4]string{"Q235B", "热轧钢板", "10×1500×6000", "25"})
	r.Send(changed(id))
	r.MustShow("鞍山宏达钢材贸易有限公司", "0m")
}
