package workflow

import (
	"testing"
	"time"
)

func TestParseDayField(t *testing.T) {
	today := time.Date(2026, 11, 2, 9, 0, 0, 0, cst)
	tests := []struct {
		in   string
		mode DateMode
		want string
		code FieldCode
	}{
		{"2026-12-01", NotPast, "2026-12-01", ""},
		{"2026/12/1", NotPast, "2026-12-01", ""},
		{"2026.12.1", NotPast, "2026-12-01", ""},
		{"2026年12月1日", NotPast, "2026-12-01", ""},
		{"20261201", NotPast, "2026-12-01", ""},
		{"２０２６－１２－０１", NotPast, "2026-12-01", ""}, // full-width from an IME
		{" 2026-12-01 ", NotPast, "2026-12-01", ""},
		{"", NotPast, "", ""},                // an empty optional field
		{"12-01", NotPast, "2026-12-01", ""}, // without a year: this year, still ahead
		{"12/1", NotPast, "2026-12-01", ""},
		{"12月1日", NotPast, "2026-12-01", ""},
		{"11-02", NotPast, "2026-11-02", ""}, // today is not past
		{"11-01", NotPast, "", DateInPast},   // just gone: this year's, refused, not read as a year ahead
		{"01-15", NotPast, "2027-01-15", ""}, // nearer next January than last
		{"02-29", NotPast, "2028-02-29", ""}, // the nearest year that has one
		{"11-01", AnyDay, "2026-11-01", ""},  // any day: the nearest such day
		{"05-01", AnyDay, "2027-05-01", ""},  // 180 days ahead, 185 back
		{"05-05", AnyDay, "2026-05-05", ""},  // 181 days back, 184 ahead
		{"05-05", NotPast, "", DateInPast},
		{"11-01", Following, "2027-11-01", ""}, // a range's last day: the next one from its first
		{"11-02", Following, "2026-11-02", ""},
		{"11-01", NotFuture, "2026-11-01", ""}, // a market price: the last such day
		{"11-03", NotFuture, "2025-11-03", ""},
		{"2026-11-02", NotFuture, "2026-11-02", ""},
		{"2026-11-01", NotPast, "", DateInPast},
		{"2025-12-01", NotPast, "", DateInPast},
		{"2026-11-03", NotFuture, "", DateInFuture},
		{"2026-11-01", AnyDay, "2026-11-01", ""},
		{"2026-02-30", NotPast, "", InvalidDate},
		{"2026-13-01", NotPast, "", InvalidDate},
		{"13-01", NotPast, "", InvalidDate},
		{"00-10", NotPast, "", InvalidDate},
		{"2026-12", AnyDay, "", InvalidDate}, // read as month 2026: no such month
		{"26-12-01", NotPast, "", InvalidDate},
		{"tomorrow", NotPast, "", InvalidDate},
		{"明天", NotPast, "", InvalidDate},
		{"2026-12-01-02", NotPast, "", InvalidDate},
		{"2026--12", NotPast, "", InvalidDate},
		{"-12-01", NotPast, "", InvalidDate},
		{"1201", NotPast, "", InvalidDate},
	}
	for _, tc := range tests {
		got, fe := ParseDayField("d", tc.in, today, tc.mode)
		switch {
		case tc.code == "" && (fe != nil || got != tc.want):
			t.Errorf("ParseDayField(%q, %d) = %q, %v; want %q", tc.in, tc.mode, got, fe, tc.want)
		case tc.code != "" && (fe == nil || fe.Code != tc.code || fe.Field != "d"):
			t.Errorf("ParseDayField(%q, %d) = %q, %v; want %s", tc.in, tc.mode, got, fe, tc.code)
		}
	}
}

// TestTodayFollowsTheDeskTimeZone: at 23:30 UTC it is already the next
// day in Shenyang, and "today" there is what a date field is checked
// against.
func TestTodayFollowsTheDeskTimeZone(t *testing.T) {
	p := newPricing(t)
	p.at(time.Date(2026, 11, 30, 23, 30, 0, 0, time.UTC)) // 07:30 on 12-01 in Shenyang
	if got := p.e.todayString(); got != "2026-12-01" {
		t.Fatalf("today %s, want 2026-12-01", got)
	}
	in, _ := p.e.Desk(p.clerk).NewInquiryInput(p.ctx, p.cust)
	in.Lines = []LineInput{{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "1", Unit: "t", WantedOn: "2026-11-30"}}
	_, _, err := p.e.Desk(p.clerk).CreateInquiry(p.ctx, in)
	if fe := fieldErrs(t, err).ForLine(1, FWantedOn); fe == nil || fe.Code != DateInPast {
		t.Fatalf("yesterday in Shenyang accepted: %v", err)
	}
}
