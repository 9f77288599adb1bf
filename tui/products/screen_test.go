package products_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
)

func enter() tea.KeyPressMsg { return tuitest.Key("enter") }

func TestCreateProductWithRealKeys(t *testing.T) {
	f := tuitest.New(t)
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.Send(tea.KeyPressMsg{Code: '0', Text: "0"})
	scr.WaitText(t, "没有记录")
	scr.Send(tea.KeyPressMsg{Code: 'n', Text: "n"})
	scr.WaitText(t, "新建产品", "牌号")
	scr.Type("q345b")
	scr.Send(enter())
	// Each field shows its focus before it is typed into.
	scr.WaitText(t, "▌ 品名")
	scr.Type("热轧钢板")
	scr.Send(enter())
	scr.WaitText(t, "▌ 规格")
	scr.Type("２０×1500×6000") // full-width digits from an input method
	scr.Send(enter())
	scr.WaitText(t, "▌ 计量单位")
	scr.Send(enter()) // unit: 吨
	scr.WaitText(t, "▌ 单重")
	scr.Type("abc") // weight per piece: not a number
	scr.Send(enter())
	scr.WaitText(t, "不是数字")
	for range 3 {
		scr.Send(tuitest.Key("backspace"))
	}
	scr.Send(enter())
	scr.WaitText(t, "▌ 助记码")
	scr.Send(enter()) // mnemonic: derived
	scr.WaitText(t, "产品已保存", "Q345B", "热轧钢板", "20×1500×6000", "RZGB")
	scr.Quit(t)

	rows, err := f.Engine.Desk(f.Clerk).Products(context.Background(), store.Page{Query: "rzgb"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("want the product findable by mnemonic, got %v %v", rows, err)
	}
	if rows[0].Grade != "Q345B" || rows[0].Spec != "20×1500×6000" || rows[0].Unit != "t" {
		t.Fatalf("saved %+v", rows[0])
	}
}

func TestFilterAndVoid(t *testing.T) {
	f := tuitest.New(t)
	d := f.Engine.Desk(f.Clerk)
	for _, in := range [][2]string{{"Q235B", "中厚板"}, {"304", "不锈钢板"}, {"45#", "圆钢"}} {
		if _, err := d.SaveProduct(context.Background(), store.Product{}, productInput(in[0], in[1])); err != nil {
			t.Fatal(err)
		}
	}
	scr := tuitest.Run(t, f.App(f.Clerk, "en"))
	scr.Send(tea.KeyPressMsg{Code: '0', Text: "0"})
	scr.WaitText(t, "rows 1–3")
	scr.Send(tea.KeyPressMsg{Code: '/', Text: "/"})
	scr.Type("bxg") // 不锈钢板 by its mnemonic
	scr.WaitText(t, "rows 1–1", "不锈钢板")
	scr.Send(enter())
	scr.Send(tea.KeyPressMsg{Code: 'x', Text: "x"})
	scr.WaitText(t, "void 304 不锈钢板")
	scr.Send(enter())
	scr.WaitText(t, "product voided", "nothing matches")
	scr.Quit(t)
	rows, _ := d.Products(context.Background(), store.Page{Voided: true, Query: "304"})
	if len(rows) != 1 || !rows[0].Voided {
		t.Fatalf("want 304 voided, not deleted: %+v", rows)
	}
}

func TestSavingTwiceMakesOneProduct(t *testing.T) {
	f := tuitest.New(t)
	scr := tuitest.Run(t, f.App(f.Clerk, "en"))
	scr.Send(tea.KeyPressMsg{Code: '0', Text: "0"})
	scr.WaitText(t, "nothing here")
	scr.Send(tea.KeyPressMsg{Code: 'n', Text: "n"})
	scr.WaitText(t, "▌ Grade")
	scr.Type("Q195")
	scr.Send(enter())
	scr.WaitText(t, "▌ Product name")
	scr.Type("冷轧卷")
	save := tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	// The second and third wait for the first save's answer, then land on
	// the list it leads back to (and clear its message): nothing more is made.
	scr.Send(save, save, save)
	scr.WaitText(t, "rows 1–1", "冷轧卷")
	scr.Quit(t)
	rows, _ := f.Engine.Desk(f.Clerk).Products(context.Background(), store.Page{})
	if len(rows) != 1 {
		t.Fatalf("three quick saves made %d products", len(rows))
	}
}
