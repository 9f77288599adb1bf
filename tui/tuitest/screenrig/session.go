package screenrig

import (
	"context"
	"time"

	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// Session is what the root hands a screen for one user: desk in lang
// ("zh" or "en"), the dark theme, and now for the screen's clock.
func Session(ctx context.Context, desk *workflow.Desk, lang string, now func() time.Time) *common.Common {
	cat := i18n.Catalog{Lang: i18n.Resolve(lang, "")}
	return &common.Common{Ctx: ctx, Desk: desk, Cat: cat, Styles: common.NewStyles(true),
		Keys: common.NewKeyMap(cat), DBPath: "desk.db", Now: now}
}
