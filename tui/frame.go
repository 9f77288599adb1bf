package tui

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// bodyHeight leaves room for the tab bar, the footer and the status line.
func (a *App) bodyHeight() int { return max(a.height-3, 1) }

// View draws the frame around the active screen.
func (a *App) View() tea.View {
	v := tea.NewView(a.Render())
	v.AltScreen = true
	v.WindowTitle = a.c.T("app.name")
	return v
}

// Render is the frame as text; tests compare it with golden files.
func (a *App) Render() string {
	body := a.screenView()
	if a.showHelp {
		body = a.helpView()
	}
	return a.tabBar() + "\n" + fitHeight(body, a.bodyHeight()) + "\n" + a.footer() + "\n" + a.statusLine()
}

// fitHeight pads or cuts text to exactly h lines. It is what a lipgloss
// height style would do, without measuring every line's width again on
// every frame.
func fitHeight(s string, h int) string {
	n := strings.Count(s, "\n") + 1
	switch {
	case n == h:
		return s
	case n < h:
		return s + strings.Repeat("\n", h-n)
	}
	cut := 0
	for i := 0; i < h; i++ {
		cut += strings.IndexByte(s[cut:], '\n') + 1
	}
	return s[:cut-1]
}

func (a *App) tabBar() string {
	return a.tabs.get(fmt.Sprint(a.active, a.width, a.c.Styles.Dark), a.drawTabBar)
}

func (a *App) drawTabBar() string {
	st := a.c.Styles
	titles := make([]string, len(a.screens))
	for i, s := range a.screens {
		titles[i] = s.Title()
	}
	// Where the whole titles do not fit (ten English ones in 80 columns),
	// tabs lose their padding, the screens without a digit fold into »,
	// then the tabs take their short titles (Quote, Price), and only then
	// shorten with "…": a cut title such as "Pr…" no longer tells Pricing
	// from Price list from Products.
	// Screens without a digit give way to » (foldTabs) before the
	// digits' tabs take short titles.
	pad := 4 // digit, space and the tab's padding
	if a.tabsWidth(titles, pad) > a.width {
		pad = 3 // digit, space and one space between tabs
	}
	shown, room := a.foldTabs(titles, pad)
	if a.shownWidth(titles, shown, pad, nil) > room {
		titles = a.shortTitles(titles)
		shown, room = a.foldTabs(titles, pad)
	}
	limit := a.tabTitleLimit(titles, shown, pad, room)
	var tabs []string
	for _, i := range shown {
		title := titles[i]
		if i != a.active && ansi.StringWidth(title) > limit {
			title = ansi.Truncate(title, limit, "…")
		}
		label := title
		if d := a.screenDigit(i); d != 0 {
			label = string(d) + " " + title
		}
		style := st.Tab
		if i == a.active {
			style = st.ActiveTab
		}
		if pad == 3 {
			style = style.Padding(0)
		}
		tabs = append(tabs, style.Render(label))
	}
	sep := ""
	if pad == 3 {
		sep = " "
	}
	if len(shown) < len(titles) {
		tabs = append(tabs, st.Tab.Padding(0).Render(moreTabs))
	}
	return common.Fit(strings.Join(tabs, sep), a.width, false)
}

// tabsWidth is the width of the tab bar with whole titles, pad cells
// around each.
func (a *App) tabsWidth(titles []string, pad int) int {
	return a.shownWidth(titles, allTabs(len(titles)), pad, nil)
}

// shownWidth is the width of the tabs shown (indexes into titles), each
// title as short as limit makes it where limit is given, the one shown
// always whole.
func (a *App) shownWidth(titles []string, shown []int, pad int, limit *int) int {
	total := barEnds(pad)
	for _, i := range shown {
		w := ansi.StringWidth(titles[i])
		if limit != nil && i != a.active {
			w = min(w, *limit)
		}
		total += w + a.tabPad(i, pad)
	}
	return total
}

func allTabs(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// barEnds corrects the sum of the tabs' pads for the bar's ends: joined
// by spaces (pad 3), the last tab has none after it.
func barEnds(pad int) int {
	if pad == 3 {
		return -1
	}
	return 0
}

// tabPad is the cells around tab i's title: pad counts a digit and its
// space, which a screen reached only with tab does not have.
func (a *App) tabPad(i, pad int) int {
	if a.screenDigit(i) == 0 {
		return pad - 2
	}
	return pad
}

// shortTitles are the tabs' short titles (tab.NAME in the catalogue),
// the one shown keeping its whole title.
func (a *App) shortTitles(titles []string) []string {
	out := make([]string, len(titles))
	for i, d := range a.defs {
		out[i] = titles[i]
		if i != a.active && i18n.Has("tab."+d.name) {
			out[i] = a.c.T("tab." + d.name)
		}
	}
	return out
}

// tabTitleLimit is the widest an inactive tab's title may be for the
// tabs shown to fit width (English titles of eleven screens do not): the
// screen shown keeps its whole title, the others shorten evenly.
func (a *App) tabTitleLimit(titles []string, shown []int, pad, width int) int {
	widest := 0
	for _, i := range shown {
		widest = max(widest, ansi.StringWidth(titles[i]))
	}
	for limit := widest; limit > 1; limit-- {
		if a.shownWidth(titles, shown, pad, &limit) <= width {
			return limit
		}
	}
	return 1
}

// footer lists the screen's keys that fit whole, then always "? help"
// and "q quit": a binding is never cut in half, and the rest are one ?
// away.
func (a *App) footer() string {
	k := a.c.Keys
	var plain strings.Builder
	var bindings []key.Binding
	for _, b := range a.screens[a.active].ShortHelp() {
		if b.Enabled() {
			bindings = append(bindings, b)
			plain.WriteString(b.Help().Key + "\x00" + b.Help().Desc + "\x00")
		}
	}
	return a.foot.get(fmt.Sprint(plain.String(), a.width, a.c.Styles.Dark), func() string {
		st := a.c.Styles
		render := func(b key.Binding) string { return st.Key.Render(b.Help().Key) + " " + st.Help.Render(b.Help().Desc) }
		tail := render(k.Help) + "  " + render(k.Quit)
		room := a.width - ansi.StringWidth(tail)
		var parts []string
		for _, b := range bindings {
			part := render(b)
			if w := ansi.StringWidth(part) + 2; w > room {
				break
			} else {
				room -= w
			}
			parts = append(parts, part)
		}
		return common.Fit(strings.Join(append(parts, tail), "  "), a.width, false)
	})
}

func (a *App) statusLine() string {
	return a.statusBar.get(fmt.Sprint(a.status.shown, a.width, a.c.Styles.Dark), a.drawStatusLine)
}

func (a *App) drawStatusLine() string {
	st := a.c.Styles
	u := a.c.Desk.User
	roles := make([]workflow.Role, len(u.Roles))
	for i, r := range u.Roles {
		roles[i] = workflow.Role(r)
	}
	left := strings.Join([]string{
		a.c.T("status.user", u.Name),
		a.c.T("status.roles", common.RoleList(a.c.Cat, roles)),
		a.c.T("status.db", a.c.DBPath),
	}, " · ")
	if shown := a.status.shown; shown.Text != "" {
		msgStyle := st.StatusOK
		if shown.Error {
			msgStyle = st.StatusError
		}
		left = msgStyle.Render(shown.Text) + "  " + st.StatusBar.Render(left)
		return common.Fit(left, a.width, false)
	}
	return common.Fit(st.StatusBar.Render(left), a.width, false)
}

func (a *App) helpView() string {
	st := a.c.Styles
	k := a.c.Keys
	var b strings.Builder
	b.WriteString(st.Title.Render(a.c.T("help.title")+" · "+a.screens[a.active].Title()) + "\n\n")
	// The screen's groups, then what every screen shares. / and enter
	// are the screen's own to offer: one that neither filters nor opens
	// must not promise them.
	groups := append(a.screens[a.active].FullHelp(),
		k.ListKeys(),
		[]key.Binding{k.NewInquiry, k.NewComplaint, k.PlanVisit, k.Back, k.NextScreen, k.PrevScreen, k.GotoScreen, k.Help, k.Quit},
	)
	// A key is listed once, with the first (the screen's own) label.
	seen := map[string]bool{}
	for _, g := range groups {
		wrote := false
		for _, bnd := range g {
			h := bnd.Help()
			if seen[h.Key] || h.Key == "" || !bnd.Enabled() {
				continue
			}
			seen[h.Key], wrote = true, true
			b.WriteString("  " + common.Fit(st.Key.Render(h.Key), 12, false) + h.Desc + "\n")
		}
		if wrote {
			b.WriteString("\n")
		}
	}
	b.WriteString(st.Muted.Render(a.c.T("help.close")))
	return st.Box.Render(b.String())
}

// memo keeps a drawn piece of the frame with the inputs it was drawn
// from: the chrome changes rarely but styling it on every frame cost more
// than the screen itself.
type memo struct{ key, text string }

func (m *memo) get(key string, draw func() string) string {
	if key != m.key || m.text == "" {
		m.key, m.text = key, draw()
	}
	return m.text
}
