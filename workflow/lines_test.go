package workflow

import (
	"errors"
	"fmt"
	"testing"

	"orderdesk/store"
)

func TestNormalizeProductFields(t *testing.T) {
	for in, want := range map[string]string{
		"20x1500x6000":     "20×1500×6000",
		"20X1500*6000":     "20×1500×6000",
		"20 × 1500 × 6000": "20×1500×6000",
		"２０×１５００×６０００":     "20×1500×6000",
		"φ50":              "Φ50",
		"1.0x1250xC":       "1.0×1250×C",
		"  Φ50 ":           "Φ50",
		"8#":               "8#",
	} {
		if got := NormalizeSpec(in); got != want {
			t.Errorf("NormalizeSpec(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"q235b": "Q235B", "ｑ２３５ｂ": "Q235B", " 45# ": "45#", "dx51d+z": "DX51D+Z"} {
		if got := NormalizeGrade(in); got != want {
			t.Errorf("NormalizeGrade(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"t": "t", "吨": "t", "KG": "kg", "公斤": "kg", "千克": "kg", "件": "pcs", "支": "pcs", "根": "pcs", "PCS": "pcs"} {
		if got, ok := ParseUnit(in); !ok || got != want {
			t.Errorf("ParseUnit(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := ParseUnit("箱"); ok {
		t.Error("ParseUnit accepted 箱")
	}
}

func fieldErrs(t *testing.T, err error) FieldErrors {
	t.Helper()
	var fes FieldErrors
	if !errors.As(err, &fes) {
		t.Fatalf("want field errors, got %v", err)
	}
	return fes
}

// TestInquiryLineInput: bad input lands at the field and line it came
// from; an unknown grade/spec is kept, flagged for purchasing.
func TestInquiryLineInput(t *testing.T) {
	p := newPricing(t)
	good := line("Q235B", "热轧钢板", "20×1500×6000", "25.35", "t")
	tests := []struct {
		name  string
		edit  func(*LineInput)
		field string
		code  FieldCode // "" for accepted
		warn  bool      // flagged unknown
		check func(t *testing.T, l store.InquiryLine)
	}{
		{"valid", func(*LineInput) {}, "", "", false, func(t *testing.T, l store.InquiryLine) {
			if l.Qty != 25350 || l.Unit != "t" || l.ProductID == 0 || l.Unknown {
				t.Fatalf("%+v", l)
			}
		}},
		{"lower case grade, x in spec, 吨", func(l *LineInput) { l.Grade, l.Spec, l.Unit = "q235b", "20x1500x6000", "吨" }, "", "", false, func(t *testing.T, l store.InquiryLine) {
			if l.Grade != "Q235B" || l.Spec != "20×1500×6000" || l.ProductID == 0 {
				t.Fatalf("%+v", l)
			}
		}},
		{"full-width quantity", func(l *LineInput) { l.Quantity = "２５。３５" }, "", "", false, func(t *testing.T, l store.InquiryLine) {
			if l.Qty != 25350 {
				t.Fatalf("qty %d", l.Qty)
			}
		}},
		{"known product, name left out", func(l *LineInput) { l.Name = "" }, "", "", false, func(t *testing.T, l store.InquiryLine) {
			if l.Name != "热轧钢板" {
				t.Fatalf("name %q", l.Name)
			}
		}},
		{"unknown spec is flagged", func(l *LineInput) { l.Spec = "22×1500×6000" }, "", "", true, func(t *testing.T, l store.InquiryLine) {
			if !l.Unknown || l.ProductID != 0 {
				t.Fatalf("%+v", l)
			}
		}},
		{"unknown grade is flagged", func(l *LineInput) { l.Grade = "Q390C" }, "", "", true, nil},
		{"unknown product needs a name", func(l *LineInput) { l.Grade, l.Name = "Q390C", "" }, FProductName, Required, false, nil},
		{"wanted today", func(l *LineInput) { l.WantedOn = "11-02" }, "", "", false, func(t *testing.T, l store.InquiryLine) {
			if l.WantedOn != "2026-11-02" {
				t.Fatalf("wanted %q", l.WantedOn)
			}
		}},
		{"wanted 2026/12/1", func(l *LineInput) { l.WantedOn = "2026/12/1" }, "", "", false, nil},
		{"zero quantity", func(l *LineInput) { l.Quantity = "0" }, FQuantity, NotPositive, false, nil},
		{"zero quantity with decimals", func(l *LineInput) { l.Quantity = "0.000" }, FQuantity, NotPositive, false, nil},
		{"negative quantity", func(l *LineInput) { l.Quantity = "-3" }, FQuantity, Negative, false, nil},
		{"quantity in letters", func(l *LineInput) { l.Quantity = "三吨" }, FQuantity, NotANumber, false, nil},
		{"quantity to the gram and below", func(l *LineInput) { l.Quantity = "1.2345" }, FQuantity, TooManyPlaces, false, nil},
		{"no quantity", func(l *LineInput) { l.Quantity = "" }, FQuantity, Required, false, nil},
		{"too much", func(l *LineInput) { l.Quantity = "1000001" }, FQuantity, TooLarge, false, nil},
		{"half a pipe", func(l *LineInput) {
			l.Grade, l.Name, l.Spec, l.Unit, l.Quantity = "Q235B", "焊接钢管", "48×3.5×6000", "支", "10.5"
		}, FQuantity, NotWhole, false, nil},
		{"unknown unit", func(l *LineInput) { l.Unit = "箱" }, FUnit, InvalidChoice, false, nil},
		{"no grade", func(l *LineInput) { l.Grade = " " }, FGrade, Required, false, nil},
		{"wanted yesterday", func(l *LineInput) { l.WantedOn = "2026-11-01" }, FWantedOn, DateInPast, false, nil},
		{"wanted on no such day", func(l *LineInput) { l.WantedOn = "2026-02-30" }, FWantedOn, InvalidDate, false, nil},
		{"wanted whenever", func(l *LineInput) { l.WantedOn = "尽快" }, FWantedOn, InvalidDate, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := good
			tc.edit(&l)
			in, _ := p.e.Desk(p.clerk).NewInquiryInput(p.ctx, p.cust)
			in.Lines = []LineInput{good, l} // the line under test is line 2
			id, warn, err := p.e.Desk(p.clerk).CreateInquiry(p.ctx, in)
			if tc.code != "" {
				fe := fieldErrs(t, err)
				if len(fe) != 1 || fe[0].Line != 2 || fe[0].Field != tc.field || fe[0].Code != tc.code {
					t.Fatalf("want line 2 %s %s, got %v", tc.field, tc.code, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(warn); tc.warn != (len(warn) == 1 && warn[0].Line == 2 && warn[0].Code == UnknownProduct) {
				t.Fatalf("warnings %s", got)
			}
			det, err := p.e.Desk(p.clerk).Inquiry(p.ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if tc.check != nil {
				tc.check(t, det.Inquiry.Lines[1])
			}
		})
	}
}

func TestInquiryHeaderInput(t *testing.T) {
	p := newPricing(t)
	d := p.e.Desk(p.clerk)
	in, err := d.NewInquiryInput(p.ctx, p.cust)
	p.must(err)
	if in.PaymentTerms != store.TermsPrepaid || in.TermsDays != "0" {
		t.Fatalf("defaults from the customer: %+v", in)
	}
	in.Lines = []LineInput{line("Q235B", "热轧钢板", "20×1500×6000", "5", "t")}
	in.PaymentTerms, in.TermsDays = store.TermsMonthly, "30" // the customer asks for other terms
	id, _, err := d.CreateInquiry(p.ctx, in)
	p.must(err)
	det, _ := d.Inquiry(p.ctx, id)
	if det.Inquiry.PaymentTerms != store.TermsMonthly || det.Inquiry.TermsDays != 30 || det.Status != "new" || det.Ref != "XJ2026-000001" {
		t.Fatalf("%+v %s %s", det.Inquiry, det.Status, det.Ref)
	}
	for _, tc := range []struct {
		edit  func(*InquiryInput)
		field string
		code  FieldCode
	}{
		{func(in *InquiryInput) { in.PaymentTerms = "weekly" }, FPaymentTerms, InvalidChoice},
		{func(in *InquiryInput) { in.TermsDays = "-1" }, FTermsDays, Negative},
		{func(in *InquiryInput) { in.Lines = nil }, FLines, Required},
	} {
		bad := in
		tc.edit(&bad)
		_, _, err := d.CreateInquiry(p.ctx, bad)
		if fe := fieldErrs(t, err).For(tc.field); fe == nil || fe.Code != tc.code {
			t.Errorf("%s: want %s, got %v", tc.field, tc.code, err)
		}
	}
	// Empty terms take the customer's.
	in.PaymentTerms, in.TermsDays = "", ""
	id2, _, err := d.CreateInquiry(p.ctx, in)
	p.must(err)
	if det, _ := d.Inquiry(p.ctx, id2); det.Inquiry.PaymentTerms != store.TermsPrepaid || det.Ref != "XJ2026-000002" {
		t.Fatalf("%+v", det.Inquiry)
	}
}
