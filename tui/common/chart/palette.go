package chart

import (
	"charm.land/lipgloss/v2"

	"orderdesk/tui/common"
)

// Palette colours a chart's marks. The zero Palette draws without
// colour, and every chart still reads: the shapes carry the meaning.
type Palette struct {
	Actual   lipgloss.Style // █ bars, the month's actual
	Negative lipgloss.Style // bars below zero (credits, returns)
	Plan     lipgloss.Style // ┄ the plan
	Today    lipgloss.Style // ▲ and ┊ today
	Axis     lipgloss.Style // figures and day numbers
}

// NewPalette takes the session's theme: the accent for what was done,
// amber for the plan, red below zero, muted figures. Its hex colours
// come down to distinct colours of a 16-colour terminal (blue, yellow,
// red, grey) when the program writes to one.
func NewPalette(s *common.Styles) Palette {
	return Palette{
		Actual:   lipgloss.NewStyle().Foreground(s.Accent),
		Negative: s.FieldError,
		Plan:     s.Warning,
		Today:    s.Key,
		Axis:     s.Muted,
	}
}

// paint styles s unless it is blank, so a plain line stays plain.
func paint(st lipgloss.Style, s string) string {
	if s == "" || isBlank(s) {
		return s
	}
	return st.Render(s)
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' {
			return false
		}
	}
	return true
}

// style is the style of a kind of cell.
func (p Palette) style(k kind) lipgloss.Style {
	switch k {
	case actual:
		return p.Actual
	case negative:
		return p.Negative
	case plan:
		return p.Plan
	case today:
		return p.Today
	}
	return lipgloss.NewStyle()
}
