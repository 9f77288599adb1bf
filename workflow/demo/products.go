package demo

import (
	"context"
	"fmt"
	"sort"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Product families, in the order of families below.
const (
	famPlate = iota
	famHeavyPlate
	famCold
	famRound
	famPipe
	famAngle
	famChannel
	famHBeam
	famStainless
	famGalv
	famRebar
	famWelded
)

// family is a product name with the grades and specs it comes in.
type family struct {
	name   string
	grades []string
	specs  []string
	unit   string
	// pipe sizes (outside diameter, wall, in tenths of a millimetre) of
	// pieces sold by count, for their weight.
	pipes [][2]int
}

var families = []family{
	{name: "热轧钢板", grades: []string{"Q235B", "Q345B", "Q355B"}, unit: "t",
		specs: cross3([]string{"3", "4", "5", "6", "8", "10", "12", "14", "16", "20"}, []string{"1250", "1500", "1800", "2000"}, []string{"6000", "8000", "12000"})},
	{name: "中厚板", grades: []string{"Q235B", "Q345B", "Q355B", "Q345R"}, unit: "t",
		specs: cross3([]string{"20", "25", "30", "40", "50", "60", "80"}, []string{"2000", "2200", "2500"}, []string{"8000", "10000"})},
	{name: "冷轧板卷", grades: []string{"SPCC", "DC01", "Q195"}, unit: "t",
		specs: cross3([]string{"0.5", "0.8", "1.0", "1.2", "1.5", "2.0"}, []string{"1000", "1250", "1500"}, []string{"C"})},
	{name: "圆钢", grades: []string{"45#", "20#", "40Cr", "65Mn", "Q235B"}, unit: "t",
		specs: prefixed("Φ", "12", "16", "20", "25", "30", "35", "40", "50", "60", "80", "100", "120", "150", "200")},
	{name: "无缝钢管", grades: []string{"20#", "45#", "Q345B"}, unit: "t",
		specs: []string{"57×3.5", "76×4", "89×4", "108×4.5", "133×5", "159×6", "219×8", "273×10", "325×10", "377×12"}},
	{name: "角钢", grades: []string{"Q235B", "Q355B"}, unit: "t",
		specs: []string{"40×40×4", "50×50×5", "63×63×6", "75×75×7", "100×100×10", "125×125×10"}},
	{name: "槽钢", grades: []string{"Q235B"}, unit: "t",
		specs: []string{"8#", "10#", "12#", "14#", "16#", "20#", "25#"}},
	{name: "H型钢", grades: []string{"Q235B", "Q355B"}, unit: "t",
		specs: []string{"100×100×6×8", "150×150×7×10", "200×200×8×12", "250×250×9×14", "300×300×10×15", "400×200×8×13"}},
	{name: "不锈钢板", grades: []string{"304", "316L"}, unit: "kg",
		specs: []string{"1.0×1219×2438", "2.0×1219×2438", "3.0×1500×6000", "6.0×1500×6000"}},
	{name: "镀锌板卷", grades: []string{"DX51D+Z"}, unit: "t",
		specs: []string{"0.5×1000×C", "0.8×1250×C", "1.0×1250×C", "1.5×1250×C"}},
	{name: "螺纹钢", grades: []string{"HRB400E"}, unit: "t",
		specs: prefixed("Φ", "12", "14", "16", "18", "20", "22", "25", "28", "32")},
	{name: "焊接钢管", grades: []string{"Q235B"}, unit: "pcs",
		pipes: [][2]int{{213, 28}, {269, 28}, {337, 32}, {423, 32}, {480, 35}, {600, 38}, {760, 40}, {890, 40}}},
}

func cross3(a, b, c []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			for _, z := range c {
				out = append(out, x+"×"+y+"×"+z)
			}
		}
	}
	return out
}

func prefixed(p string, vs ...string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = p + v
	}
	return out
}

// tenths writes a length in tenths of a millimetre: 213 → 21.3, 280 → 28.
func tenths(v int) string {
	if v%10 == 0 {
		return fmt.Sprint(v / 10)
	}
	return fmt.Sprintf("%d.%d", v/10, v%10)
}

// pipeWeight is the weight in kg of a 6 m welded pipe, to the gram:
// (D − t) × t × 0.02466 kg/m per mm², times 6 m. D and t are in tenths of
// a millimetre, so (D − t) × t is in hundredths of mm²; rounded to the gram.
func pipeWeight(d, t int) store.Milli {
	return store.Milli(((d-t)*t*2466*6 + 5000) / 10000)
}

// productInput is one catalogue entry as the product form would take it.
type productInput struct {
	order int // position in the full catalogue, to list products in order
	in    workflow.ProductInput
}

// catalogue is every distinct product the demo can make, in family order.
func catalogue() []productInput {
	var out []productInput
	add := func(in workflow.ProductInput) {
		out = append(out, productInput{order: len(out), in: in})
	}
	for _, f := range families {
		for _, grade := range f.grades {
			for _, spec := range f.specs {
				add(workflow.ProductInput{Grade: grade, Name: f.name, Spec: spec, Unit: f.unit})
			}
			for _, p := range f.pipes {
				spec := tenths(p[0]) + "×" + tenths(p[1]) + "×6000"
				add(workflow.ProductInput{Grade: grade, Name: f.name, Spec: spec, Unit: f.unit, UnitWeight: pipeWeight(p[0], p[1]).String()})
			}
		}
	}
	return out
}

// MaxProducts is how many distinct products the catalogue holds.
func MaxProducts() int { return len(catalogue()) }

// sample is one grade/name/spec a customer buys, for their file and notes.
func (g *gen) sample(fam int) string {
	f := families[fam]
	spec := ""
	if len(f.specs) > 0 {
		spec = pick(g, f.specs)
	} else {
		p := pick(g, f.pipes)
		spec = tenths(p[0]) + "×" + tenths(p[1])
	}
	return pick(g, f.grades) + " " + f.name + " " + spec
}

// products writes n distinct products, chosen at random from the
// catalogue and listed in catalogue order, as entered by purchasing.
func (g *gen) products(ctx context.Context, st *store.Store, t team, n int, sum *Summary) error {
	all := catalogue()
	g.rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	chosen := all[:n]
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].order < chosen[j].order })
	return st.Write(ctx, func(tx *store.Tx) error {
		for _, c := range chosen {
			p, errs := c.in.Validate()
			if len(errs) > 0 {
				return fmt.Errorf("demo product %s %s: %w", c.in.Grade, c.in.Spec, errs)
			}
			if _, err := tx.CreateProduct(ctx, t.purchasing.ID, p); err != nil {
				return err
			}
			sum.Products++
		}
		return nil
	})
}
