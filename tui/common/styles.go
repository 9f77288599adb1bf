package common

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles are built per session from its background, never shared.
type Styles struct {
	Dark                             bool
	App, Tab, ActiveTab, TabBar      lipgloss.Style
	StatusBar, StatusError, StatusOK lipgloss.Style
	Title, Label, Value, Muted, Help lipgloss.Style
	Header, Row, Selected, Voided    lipgloss.Style
	FieldError, Warning, Box, Key    lipgloss.Style
	Accent                           color.Color
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(dark bool) *Styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#1d4ed8"), lipgloss.Color("#7aa2f7"))
	muted := ld(lipgloss.Color("#6b7280"), lipgloss.Color("#8b93a7"))
	red := ld(lipgloss.Color("#b91c1c"), lipgloss.Color("#f7768e"))
	green := ld(lipgloss.Color("#15803d"), lipgloss.Color("#9ece6a"))
	amber := ld(lipgloss.Color("#b45309"), lipgloss.Color("#e0af68"))
	selBg := ld(lipgloss.Color("#dbeafe"), lipgloss.Color("#283457"))
	s := &Styles{Dark: dark, Accent: accent}
	s.App = lipgloss.NewStyle()
	s.Tab = lipgloss.NewStyle().Padding(0, 1).Foreground(muted)
	s.ActiveTab = lipgloss.NewStyle().Padding(0, 1).Bold(true).Foreground(accent).Underline(true)
	s.TabBar = lipgloss.NewStyle()
	s.StatusBar = lipgloss.NewStyle().Foreground(muted)
	s.StatusError = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.StatusOK = lipgloss.NewStyle().Foreground(green)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Label = lipgloss.NewStyle().Foreground(muted)
	s.Value = lipgloss.NewStyle()
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Help = lipgloss.NewStyle().Foreground(muted)
	s.Header = lipgloss.NewStyle().Bold(true)
	s.Row = lipgloss.NewStyle()
	s.Selected = lipgloss.NewStyle().Background(selBg).Bold(true)
	s.Voided = lipgloss.NewStyle().Foreground(muted).Strikethrough(true)
	s.FieldError = lipgloss.NewStyle().Foreground(red)
	s.Warning = lipgloss.NewStyle().Foreground(amber)
	s.Box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(muted).Padding(0, 1)
	s.Key = lipgloss.NewStyle().Foreground(accent).Bold(true)
	return s
}
