package workflow

import (
	"context"
	"testing"

	"orderdesk/store"
)

// A customer's source is one of the leads' sources or "other", or none.
func TestCustomerSourceChoices(t *testing.T) {
	for _, c := range []struct {
		source string
		ok     bool
	}{{"", true}, {"phone", true}, {"website", true}, {"exhibition", true}, {"referral", true}, {"investment", true},
		{"email", true}, {"im", true}, {"other", true}, {"fax", false}, {"展会", false}, {"Phone", false}} {
		e := CheckCustomerField(FSource, c.source)
		if (e == nil) != c.ok {
			t.Errorf("source %q: %v", c.source, e)
		}
		_, _, errs := CustomerInput{Name: "抚顺特钢", Source: c.source, PaymentTerms: store.TermsPrepaid}.Validate()
		if (errs.For(FSource) == nil) != c.ok {
			t.Errorf("source %q in the form: %v", c.source, errs)
		}
	}
	if n := len(CustomerSources); n != len(LeadSources)+1 || CustomerSources[n-1] != SourceOther {
		t.Errorf("customer sources %v: the leads' and other", CustomerSources)
	}
}

// A lead converted into a customer passes its source on: the form starts
// with it, and a form that left it out takes it all the same; one the
// user changed keeps the change.
func TestLeadConversionPassesItsSource(t *testing.T) {
	for _, c := range []struct{ name, typed, want string }{
		{"as the form starts", "", "exhibition"}, {"left out of the form", "-", "exhibition"}, {"changed on the form", "referral", "referral"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := newPricing(t)
			id := p.lead(p.rep, yingkou())
			in, err := p.e.Desk(p.rep).LeadCustomerInput(p.ctx, id)
			p.must(err)
			if in.Source != "exhibition" {
				t.Fatalf("the form from the lead: source %q", in.Source)
			}
			switch c.typed {
			case "-":
				in.Source = ""
			case "":
			default:
				in.Source = c.typed
			}
			cust, _, err := p.e.Desk(p.rep).ConvertLeadToCustomer(p.ctx, id, in)
			p.must(err)
			f, err := p.e.Desk(p.clerk).CustomerFile(p.ctx, cust)
			p.must(err)
			if f.Source != c.want {
				t.Errorf("the customer's source %q, want %q", f.Source, c.want)
			}
		})
	}
}

// A customer sheet's source column takes the desk's Chinese names, the
// English ones and the keys; a blank cell leaves a file's source alone.
func TestImportCustomerSources(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	res := mustImport(t, f, f.clerk, store.ImportCustomers, "客户名称,客户来源\n鞍山恒达重工,展会\n大连船用阀门,QQ/微信\n抚顺特钢,Referral\n本溪钢管,其他\n丹东机械,\n")
	if err := f.e.Desk(f.boss).Act(ctx, res.DocID, ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"鞍山恒达重工": "exhibition", "大连船用阀门": "im", "抚顺特钢": "referral", "本溪钢管": "other", "丹东机械": ""} {
		var got string
		if err := f.rawDB(t).QueryRow(`SELECT source FROM customers WHERE name = ?`, name).Scan(&got); err != nil || got != want {
			t.Errorf("%s: source %q, want %q (%v)", name, got, want, err)
		}
	}
}
