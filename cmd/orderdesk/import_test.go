package main

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestImportCommands(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("customers.csv", "客户名称,助记码,电话,付款方式,账期天数,信用额度\n鞍山恒达重工机械有限公司,ASHD,0412-5551234,月结,30,500000\n大连船用阀门有限公司,,0411-8881234,,,\n")
	bad := write("bad.csv", "客户名称,助记码,电话\n13812345678,,\n沈阳钢铁,SYGT,\n沈阳钢管,SYGT,\n")
	gbkBody, _ := simplifiedchinese.GBK.NewEncoder().String("牌号,品名,规格,单位\nQ235B,热轧钢板,10×1500×6000,吨\n45#,圆钢,Φ50,吨位\n")
	gbk := write("products-gbk.csv", gbkBody)
	template := filepath.Join(dir, "products.xlsx")
	c.steps([]step{
		{name: "a clerk", args: []string{"user", "add", "wangli", "--name", "王丽", "--roles", "clerk"}},
		{name: "a supervisor", args: []string{"user", "add", "zhao", "--name", "赵主管", "--roles", "supervisor"}},
		{name: "no person to make it", args: []string{"import", "customers", good}, wantErr: true, want: []string{"--as LOGIN"}},
		{name: "every bad row, nothing imported", args: []string{"import", "customers", bad, "--as", "wangli"}, wantErr: true,
			want: []string{`row 2, column 客户名称 ("13812345678"): looks like a phone number`, `row 4, column 助记码 ("SYGT"): repeats row 3`,
				"2 problems: nothing was imported"}},
		{name: "a GBK file from an older Excel", args: []string{"import", "products", gbk, "--as", "wangli"}, wantErr: true,
			want: []string{"read as such", `row 3, column 单位 ("吨位"): unknown unit`}},
		{name: "a batch", args: []string{"import", "customers", good, "--as", "wangli"}, want: []string{"batch DR", "2 new, 0 changed, 0 same", "Review (9)"}},
		{name: "the same file again", args: []string{"import", "customers", good, "--as", "wangli"}, wantErr: true,
			want: []string{"the same content is batch DR", "(waiting)"}},
		{name: "a template", args: []string{"import", "template", "products", "--out", template}, want: []string{"written to"}},
		{name: "the template's example row imports", args: []string{"import", "products", template, "--as", "zhao"}, want: []string{"1 new"}},
		{name: "an unknown template", args: []string{"import", "template", "orders"}, wantErr: true, want: []string{"no import called orders"}},
	})
}
