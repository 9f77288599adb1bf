// Package products is the product screen: grades and specs the desk
// sells, with a live filter (mnemonic codes included), create, edit and
// void.
package products

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
)

type mode int

const (
	listing mode = iota
	editing
	confirmingVoid
)

// Screen is the products screen of one session.
type Screen struct {
	c             *common.Common
	width, height int
	mode          mode
	list          *common.Pager[store.Product]
	form          *form
}

// New returns the products screen.
func New(c *common.Common) *Screen {
	desk := c.Desk
	load := func(ctx context.Context, p store.Page) ([]store.Product, error) { return desk.Products(ctx, p) }
	return &Screen{c: c, list: common.NewPager(c, "products", func(p store.Product) int64 { return p.ID }, load)}
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.products") }

// Init loads the first page.
func (s *Screen) Init() tea.Cmd { return s.list.Reload() }

// SetSize keeps the list one page high.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetHeight(h - 4)
	if s.form != nil {
		s.form.setWidth(w)
	}
}

// Capturing is true while the filter or the form has focus.
func (s *Screen) Capturing() bool { return s.list.Editing || s.mode != listing }

// ShortHelp lists the bindings of the current mode.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.c.Keys
	switch {
	case s.mode == editing:
		return []key.Binding{k.Save, k.Cancel}
	case s.mode == confirmingVoid:
		return []key.Binding{k.Confirm, k.Cancel}
	case s.list.Editing:
		return []key.Binding{k.Confirm, k.Cancel}
	}
	return []key.Binding{k.Filter, k.Open, k.New, k.Edit, k.Void, k.Down, k.Up}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// Update routes keys by mode and applies command results.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		return s, s.applySaved(msg)
	case common.ChangedMsg:
		if msg.Change.Kind == "product" {
			return s, s.list.Refresh()
		}
		return s, nil
	}
	if !isInput(msg) {
		// Pages that arrive while a form is open still belong to the list.
		if cmd, handled := s.list.Update(msg); handled {
			return s, cmd
		}
	}
	switch s.mode {
	case editing:
		return s, s.updateForm(msg)
	case confirmingVoid:
		return s, s.updateConfirm(msg)
	}
	k, cmd, left := common.KeyLeft(s.list, msg)
	if left {
		cmd = s.listKey(k)
	}
	return s, cmd
}

func (s *Screen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	switch {
	case key.Matches(msg, k.New):
		return s.openForm(store.Product{Unit: "t"})
	case key.Matches(msg, k.Edit), key.Matches(msg, k.Open):
		if p, ok := s.list.Current(); ok {
			return s.openForm(p)
		}
	case key.Matches(msg, k.Void):
		if _, ok := s.list.Current(); ok {
			s.mode = confirmingVoid
		}
	}
	return nil
}

func (s *Screen) updateConfirm(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.c.Keys.Confirm):
		s.mode = listing
		p, _ := s.list.Current()
		desk, ctx := s.c.Desk, s.c.Ctx
		return func() tea.Msg { return savedMsg{voided: true, err: desk.VoidProduct(ctx, p)} }
	case key.Matches(k, s.c.Keys.Cancel):
		s.mode = listing
	}
	return nil
}

// View renders the list, the form or the void question.
func (s *Screen) View() string {
	st := s.c.Styles
	if s.mode == editing && s.form != nil {
		return s.form.view()
	}
	head := st.Title.Render(s.Title()) + "  " + st.Muted.Render(s.list.Status())
	if f := s.list.FilterView(); f != "" {
		head += "  " + f
	}
	cols := common.Stretch([]common.Column{
		{Title: s.c.T("products.col.grade"), Width: 10},
		{Title: s.c.T("products.col.name"), Width: 16},
		{Title: s.c.T("products.col.spec"), Width: 18},
		{Title: s.c.T("products.col.unit"), Width: 6},
		{Title: s.c.T("products.col.unit_weight"), Width: 12, Right: true},
		{Title: s.c.T("products.col.mnemonic"), Width: 10},
	}, 1, s.width)
	body := s.list.Render(cols, func(p store.Product) ([]string, bool) {
		w := ""
		if p.UnitWeight != 0 {
			w = p.UnitWeight.String()
		}
		return []string{p.Grade, p.Name, p.Spec, s.c.T("unit." + p.Unit), w, p.Mnemonic}, p.Voided
	})
	out := head + "\n" + body
	if s.mode == confirmingVoid {
		if p, ok := s.list.Current(); ok {
			out += "\n\n" + st.Warning.Render(s.c.T("products.void_confirm", p.Grade+" "+p.Name+" "+p.Spec))
		}
	}
	return out
}

// isInput is a key or a paste: what the mode's focus should get.
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return true
	}
	return false
}
