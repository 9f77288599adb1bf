package workflow

import (
	"fmt"
	"strings"
	"testing"

	"orderdesk/store"
)

func TestCustomerInputValidate(t *testing.T) {
	base := CustomerInput{Name: "沈阳钢铁有限公司", PaymentTerms: store.TermsPrepaid}
	tests := []struct {
		name  string
		edit  func(*CustomerInput)
		field string    // the field in error, "" for valid input
		code  FieldCode // its problem
		check func(t *testing.T, c store.Customer, tc store.TermsChange)
	}{
		{"valid minimal", func(*CustomerInput) {}, "", "", func(t *testing.T, c store.Customer, tc store.TermsChange) {
			if c.Mnemonic != "SYGTYXGS" || c.Category != "sales" || tc.NewTerms != store.TermsPrepaid || tc.NewCredit != 0 {
				t.Fatalf("%+v %+v", c, tc)
			}
		}},
		{"empty name", func(in *CustomerInput) { in.Name = "" }, FName, Required, nil},
		{"blank name", func(in *CustomerInput) { in.Name = " \t　" }, FName, Required, nil},
		{"10,000-character name", func(in *CustomerInput) { in.Name = strings.Repeat("钢", 10000) }, FName, TooLong, nil},
		{"100 characters is the limit", func(in *CustomerInput) { in.Name = strings.Repeat("钢", MaxName) }, "", "", nil},
		{"invalid UTF-8", func(in *CustomerInput) { in.Name = "沈阳\xff" }, FName, InvalidText, nil},
		{"control character", func(in *CustomerInput) { in.Contact = "王\x1b[31m" }, FContact, InvalidText, nil},
		{"spaces folded", func(in *CustomerInput) { in.Name = "  沈阳   钢铁\t公司 " }, "", "", func(t *testing.T, c store.Customer, _ store.TermsChange) {
			if c.Name != "沈阳 钢铁 公司" {
				t.Fatalf("name %q", c.Name)
			}
		}},
		{"notes keep their lines", func(in *CustomerInput) { in.Notes = "第一行\n第二行" }, "", "", func(t *testing.T, c store.Customer, _ store.TermsChange) {
			if c.Notes != "第一行\n第二行" {
				t.Fatalf("notes %q", c.Notes)
			}
		}},
		{"full-width days and credit", func(in *CustomerInput) {
			in.PaymentTerms, in.TermsDays, in.CreditLimit = store.TermsMonthly, "３０", "５００００"
		}, "", "", func(t *testing.T, _ store.Customer, tc store.TermsChange) {
			if tc.NewDays != 30 || tc.NewCredit != 5000000 || tc.NewTerms != store.TermsMonthly {
				t.Fatalf("%+v", tc)
			}
		}},
		{"credit with separators and yuan sign", func(in *CustomerInput) { in.CreditLimit = "¥1,234,567.89" }, "", "", func(t *testing.T, _ store.Customer, tc store.TermsChange) {
			if tc.NewCredit != 123456789 {
				t.Fatalf("credit %d", tc.NewCredit)
			}
		}},
		{"prepaid ignores days", func(in *CustomerInput) { in.TermsDays = "30" }, "", "", func(t *testing.T, _ store.Customer, tc store.TermsChange) {
			if tc.NewDays != 0 {
				t.Fatalf("days %d", tc.NewDays)
			}
		}},
		{"negative credit", func(in *CustomerInput) { in.CreditLimit = "-1" }, FCreditLimit, Negative, nil},
		{"full-width negative credit", func(in *CustomerInput) { in.CreditLimit = "－１" }, FCreditLimit, Negative, nil},
		{"non-numeric credit", func(in *CustomerInput) { in.CreditLimit = "五万" }, FCreditLimit, NotANumber, nil},
		{"credit in fen", func(in *CustomerInput) { in.CreditLimit = "0.001" }, FCreditLimit, TooManyPlaces, nil},
		{"credit too large", func(in *CustomerInput) { in.CreditLimit = "99999999999999999" }, FCreditLimit, TooLarge, nil},
		{"negative days", func(in *CustomerInput) { in.PaymentTerms, in.TermsDays = store.TermsMonthly, "-30" }, FTermsDays, Negative, nil},
		{"days out of range", func(in *CustomerInput) { in.PaymentTerms, in.TermsDays = store.TermsMonthly, "366" }, FTermsDays, OutOfRange, nil},
		{"non-numeric days", func(in *CustomerInput) { in.PaymentTerms, in.TermsDays = store.TermsMonthly, "30天" }, FTermsDays, NotANumber, nil},
		{"no payment terms", func(in *CustomerInput) { in.PaymentTerms = "" }, FPaymentTerms, InvalidChoice, nil},
		{"unknown payment terms", func(in *CustomerInput) { in.PaymentTerms = "weekly" }, FPaymentTerms, InvalidChoice, nil},
		{"unknown category", func(in *CustomerInput) { in.Category = "vip" }, FCategory, InvalidChoice, nil},
		{"bad e-mail", func(in *CustomerInput) { in.Email = "wang at sygt.cn" }, FEmail, InvalidEmail, nil},
		{"e-mail without domain", func(in *CustomerInput) { in.Email = "wang@" }, FEmail, InvalidEmail, nil},
		{"full-width e-mail", func(in *CustomerInput) { in.Email = "ｗａｎｇ＠ｓｙｇｔ．ｃｎ" }, "", "", func(t *testing.T, c store.Customer, _ store.TermsChange) {
			if c.Email != "wang@sygt.cn" {
				t.Fatalf("email %q", c.Email)
			}
		}},
		{"bad phone", func(in *CustomerInput) { in.Phone = "call me" }, FPhone, InvalidPhone, nil},
		{"phone too short", func(in *CustomerInput) { in.Phone = "12" }, FPhone, InvalidPhone, nil},
		{"bad fax", func(in *CustomerInput) { in.Fax = "024#1234" }, FFax, InvalidPhone, nil},
		{"full-width phone with extension", func(in *CustomerInput) { in.Phone = "０２４－２３４５６７８９ 转 ８０１" }, "", "", func(t *testing.T, c store.Customer, _ store.TermsChange) {
			if c.Phone != "024-23456789 转 801" {
				t.Fatalf("phone %q", c.Phone)
			}
		}},
		{"mnemonic typed is kept", func(in *CustomerInput) { in.Mnemonic = "SG" }, "", "", func(t *testing.T, c store.Customer, _ store.TermsChange) {
			if c.Mnemonic != "SG" {
				t.Fatalf("mnemonic %q", c.Mnemonic)
			}
		}},
		{"address too long", func(in *CustomerInput) { in.Address = strings.Repeat("路", MaxShort+1) }, FAddress, TooLong, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := base
			tc.edit(&in)
			c, terms, errs := in.Validate()
			if tc.field == "" {
				if len(errs) != 0 {
					t.Fatalf("want valid, got %v", errs)
				}
				if tc.check != nil {
					tc.check(t, c, terms)
				}
				return
			}
			fe := errs.For(tc.field)
			if fe == nil || fe.Code != tc.code {
				t.Fatalf("want %s: %s, got %v", tc.field, tc.code, errs)
			}
			if len(errs) != 1 {
				t.Fatalf("one bad field reported as %v", errs)
			}
			if tc.code == TooLong && fe.Max == 0 {
				t.Fatal("too_long without its limit")
			}
		})
	}
}

func TestCheckCustomerFieldMatchesValidate(t *testing.T) {
	// Inline checks and the full check must agree, or a form could show
	// no error and still be refused on save.
	for _, v := range []string{"", "abc", "-1", "１２", "0.001", "1e5", "30"} {
		for _, f := range []string{FTermsDays, FCreditLimit} {
			in := CustomerInput{Name: "x", PaymentTerms: store.TermsMonthly}
			if f == FTermsDays {
				in.TermsDays = v
			} else {
				in.CreditLimit = v
			}
			_, _, errs := in.Validate()
			inline := CheckCustomerField(f, v)
			if fmt.Sprint(inline) != fmt.Sprint(errs.For(f)) {
				t.Errorf("%s=%q: inline %v, on save %v", f, v, inline, errs.For(f))
			}
		}
	}
}

func TestProductInputValidate(t *testing.T) {
	base := ProductInput{Grade: "q235b", Name: "热轧钢板", Spec: "２０×１５００×６０００", Unit: "t"}
	tests := []struct {
		name  string
		edit  func(*ProductInput)
		field string
		code  FieldCode
	}{
		{"valid", func(*ProductInput) {}, "", ""},
		{"no grade", func(in *ProductInput) { in.Grade = " " }, FGrade, Required},
		{"no name", func(in *ProductInput) { in.Name = "" }, FProductName, Required},
		{"unknown unit", func(in *ProductInput) { in.Unit = "吨" }, FUnit, InvalidChoice},
		{"weight in grams past kg", func(in *ProductInput) { in.UnitWeight = "1.2345" }, FUnitWeight, TooManyPlaces},
		{"negative weight", func(in *ProductInput) { in.UnitWeight = "-2" }, FUnitWeight, Negative},
		{"grade too long", func(in *ProductInput) { in.Grade = strings.Repeat("Q", 41) }, FGrade, TooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := base
			tc.edit(&in)
			p, errs := in.Validate()
			if tc.field == "" {
				if len(errs) != 0 {
					t.Fatal(errs)
				}
				if p.Grade != "Q235B" || p.Spec != "20×1500×6000" || p.Mnemonic != "RZGB" || p.Unit != "t" {
					t.Fatalf("%+v", p)
				}
				return
			}
			if fe := errs.For(tc.field); fe == nil || fe.Code != tc.code || len(errs) != 1 {
				t.Fatalf("want %s: %s, got %v", tc.field, tc.code, errs)
			}
		})
	}
}

func TestMnemonic(t *testing.T) {
	tests := []struct{ in, want string }{
		{"沈阳钢铁有限公司", "SYGTYXGS"},
		{"鞍钢Q235", "AGQ235"},
		{"鞍钢q235b", "AGQ235B"},
		{"45#钢", "45G"},
		{"本钢（集团）有限责任公司", "BGJTYXZRGS"},
		{"ABC 钢材 2号库", "ABCGC2HK"},
		{"Ｑ２３５Ｂ热轧板", "Q235BRZB"}, // full-width Latin from an IME
		{"", ""},
		{"—·—", ""},
		{"中国第一重型机械集团大连加氢反应器制造有限公司", "ZGDYZXJXJTDLJQFYQZZY"}, // capped at 20
	}
	for _, tc := range tests {
		if got := Mnemonic(tc.in); got != tc.want {
			t.Errorf("Mnemonic(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
