package docscreen

import (
	"context"

	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
)

// englishSession is a session's common parts in English, enough for the
// kit's pieces: words, keys and styles.
func englishSession() *common.Common {
	cat := i18n.Catalog{Lang: i18n.English}
	return &common.Common{Ctx: context.Background(), Cat: cat, Keys: common.NewKeyMap(cat), Styles: common.NewStyles(true)}
}
