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

// NewPalette takes the session's theme: its accent for what was done,
// its red below zero, bold accent for today. The plan and the figures
// take colours of their own, chosen so that a 16-colour terminal still
// tells them apart: the theme's amber and muted grey come down there to
// red and blue, the colours of the figures below zero and of the bars.
func NewPalette(s *common.Styles) Palette {
	ld := lipgloss.LightDark(s.Dark)
	return Palette{
		Actual:   lipgloss.NewStyle().Foreground(s.Accent),
		Negative: s.FieldError,
		Plan:     lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#8a8a00"), lipgloss.Color("#e5e510"))), // yellow in 16
		Today:    s.Key,
		Axis:     lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#5f5f5f"), lipgloss.Color("#909090"))), // grey in 16
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
