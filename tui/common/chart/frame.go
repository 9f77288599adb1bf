package chart

// frame is what every chart lays out alike: the plot's rows (all but
// the line under the plot, from a height of 3), the value scale over
// them, and the axis beside them, left out when it would leave the
// plot fewer than least columns.
type frame struct {
	scale        vscale
	axis         axis
	rows, height int
	width        int // of the plot
}

func newFrame(width, height int, lo, hi int64, format func(int64) string, least int) frame {
	f := frame{rows: height, height: height}
	if height >= 3 {
		f.rows--
	}
	f.scale = newVScale(lo, hi, f.rows)
	f.axis = newAxis(f.scale.labels(orPlain(format)))
	if width-f.axis.cells() < least {
		f.axis = axis{} // too narrow for figures: the plot alone
	}
	f.width = width - f.axis.cells()
	return f
}

// grid is an empty plot.
func (f frame) grid() grid { return newGrid(f.width, f.rows) }

// render joins the axis and the plot, and under them, where the height
// leaves a line for it, what under draws in the plot's width.
func (f frame) render(g grid, p Palette, under func() string) string {
	var foot []string
	if f.rows < f.height {
		foot = []string{f.axis.foot() + under()}
	}
	return f.axis.lines(g, p, foot, f.height)
}
