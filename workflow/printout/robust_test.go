package printout

import (
	"bytes"
	"sync"
	"testing"
)

// Half-filled documents print with blanks to fill by hand, never fail.
func TestEmptyDocumentsPrint(t *testing.T) {
	renders := map[string]func() ([]byte, error){
		"contract":  func() ([]byte, error) { return ContractPDF(Contract{}) },
		"delivery":  func() ([]byte, error) { return DeliveryPDF(DeliveryNote{}) },
		"text":      func() ([]byte, error) { return DeliveryText(DeliveryNote{}, TextOptions{}) },
		"statement": func() ([]byte, error) { return StatementPDF(Statement{}) },
		"letter":    func() ([]byte, error) { return OverdueLetterPDF(OverdueLetter{}) },
	}
	for name, render := range renders {
		out, err := render()
		if err != nil || len(out) == 0 {
			t.Errorf("%s: %d bytes, %v", name, len(out), err)
		}
	}
	pdf, _ := ContractPDF(Contract{})
	mustContain(t, "empty contract", extract(t, pdf).all(), "销售合同", "签订日期：年月日", "零元整")
}

// Odd input: a character the font lacks, tabs, a spec longer than a
// line: the document still prints, the rest of the text intact.
func TestOddTextPrints(t *testing.T) {
	c := sampleContract(3)
	c.Buyer.Name = "鞍山😀恒达\t公司"
	c.Lines[1].Spec = string(bytes.Repeat([]byte("超长规格说明"), 30))
	pdf, err := ContractPDF(c)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "contract", extract(t, pdf).all(), "鞍山", "超长规格说明超长规格说明", "3 20# 无缝钢管")
}

// Documents render at once from many sessions (the SSH server) without
// sharing anything but the read-only font; run with -race.
func TestConcurrentRendering(t *testing.T) {
	want, err := DeliveryText(sampleDelivery(10), TextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 4 {
		wg.Go(func() {
			if _, err := ContractPDF(sampleContract(30)); err != nil {
				errs <- err
			}
			if _, err := DeliveryPDF(sampleDelivery(10)); err != nil {
				errs <- err
			}
			got, _ := DeliveryText(sampleDelivery(10), TextOptions{})
			if !bytes.Equal(got, want) {
				t.Error("concurrent text rendering differs")
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
