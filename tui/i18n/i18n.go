// Package i18n is orderdesk's message catalogue: every word on screen, in
// Chinese and English. Each area of the program keeps its messages in a
// file of its own here; a test checks both languages are complete and
// that every key the program uses exists.
package i18n

import (
	"fmt"
	"os"
	"strings"
)

// Lang is a display language.
type Lang string

// The languages of the catalogue.
const (
	Chinese Lang = "zh"
	English Lang = "en"
)

// Text is one message in both languages.
type Text struct{ Zh, En string }

// catalog is every message by key; built once from the area files.
var catalog = merge(common, customers, products, review, placeholders, cli, cliKeys, refusals, users, pricing, pricelist, reviewPricing,
	inquiries, orders, pricingScreen, ordersScreen, ordersCLI, ordersReview, shipping, invoicing, reconciliation, tabShort, orderFill,
	inboxTasks, repeatOrder, charts,
	printing, upgrade, backups, tamper, imports, plans, statistics, plansScreen, purchasePlans, dashboard, reports,
	complaints, complaintsScreen, leads, leadsScreen, reviewLeads, complaintExport, visits, visitsScreen, credits, customerSource, meetings, returns, materials,
	meetingSteps, winningFigures, heldForms, returnedFigures, returnEdit,
	layout, newUserFixes, winningCheck, postgres)

func merge(parts ...map[string]Text) map[string]Text {
	out := map[string]Text{}
	for _, p := range parts {
		for k, v := range p {
			if _, dup := out[k]; dup {
				panic("i18n: duplicate key " + k)
			}
			out[k] = v
		}
	}
	return out
}

// Catalog renders messages in one language. It is a value: each session
// has its own.
type Catalog struct{ Lang Lang }

// New returns the catalogue for lang ("zh", "en", or "" to follow LANG).
func New(lang string) Catalog { return Catalog{Lang: Resolve(lang, os.Getenv("LANG"))} }

// Resolve picks the language: a configured one wins; otherwise LANG
// starting with zh gives Chinese; anything else English.
func Resolve(configured, envLang string) Lang {
	switch strings.ToLower(strings.TrimSpace(configured)) {
	case "zh", "zh_cn", "chinese", "中文":
		return Chinese
	case "en", "english":
		return English
	}
	if strings.HasPrefix(strings.ToLower(envLang), "zh") {
		return Chinese
	}
	return English
}

// T returns the message for key, formatted with args. A missing key shows
// itself, so a gap is visible rather than blank (the tests forbid gaps).
func (c Catalog) T(key string, args ...any) string {
	t, ok := catalog[key]
	if !ok {
		return key
	}
	s := t.En
	if c.Lang == Chinese {
		s = t.Zh
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Count is T of a message about n things, n its first argument: where
// n is 1 and the catalogue has key+".one" (English: "1 day old", not
// "1 days old"), that one.
func (c Catalog) Count(key string, n int, args ...any) string {
	if _, ok := catalog[key+".one"]; ok && n == 1 {
		key += ".one"
	}
	return c.T(key, append([]any{n}, args...)...)
}

// Has reports whether key exists.
func Has(key string) bool {
	_, ok := catalog[key]
	return ok
}

// Keys lists every key, for tests.
func Keys() []string {
	out := make([]string, 0, len(catalog))
	for k := range catalog {
		out = append(out, k)
	}
	return out
}

// Lookup returns both languages of key, for tests.
func Lookup(key string) (Text, bool) {
	t, ok := catalog[key]
	return t, ok
}
