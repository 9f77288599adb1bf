package common

import (
	"fmt"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/i18n"
)

// TestStoreErrorWords: a full disk, a folder that cannot be entered and
// one that cannot be created are told in words, naming where, in both
// languages; never as "something went wrong: database or disk is full (13)".
func TestStoreErrorWords(t *testing.T) {
	full := fmt.Errorf("save: %w", &store.DiskFullError{Folder: "/home/wl/.local/share/orderdesk", Volume: "/home",
		Err: fmt.Errorf("%w: database or disk is full (13)", store.ErrDiskFull)})
	denied := &store.FolderError{Folder: "/srv/desk", Err: store.ErrFolderDenied}
	notMade := &store.FolderError{Folder: "/srv/desk/data", Err: store.ErrCannotCreate}
	notUTF8 := fmt.Errorf("save: %w: ERROR: invalid byte sequence for encoding \"UTF8\": 0xff (SQLSTATE 22021)", store.ErrNotUTF8)
	for _, tc := range []struct {
		err  error
		lang i18n.Lang
		want []string
	}{
		{full, i18n.English, []string{"the disk is full", "nothing was saved", "input is kept", "free space on /home", "/home/wl/.local/share/orderdesk"}},
		{full, i18n.Chinese, []string{"磁盘已满", "未保存", "输入已保留", "/home"}},
		{denied, i18n.English, []string{"the folder /srv/desk cannot be entered"}},
		{denied, i18n.Chinese, []string{"无法进入文件夹 /srv/desk"}},
		{notMade, i18n.English, []string{"the folder /srv/desk/data cannot be created"}},
		{notMade, i18n.Chinese, []string{"无法创建文件夹 /srv/desk/data"}},
		{notUTF8, i18n.English, []string{"not UTF-8", "nothing was saved", "input is kept"}},
		{notUTF8, i18n.Chinese, []string{"UTF-8", "未保存", "输入已保留"}},
	} {
		got := ErrorText(i18n.Catalog{Lang: tc.lang}, tc.err)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v (%s): %q lacks %q", tc.err, tc.lang, got, w)
			}
		}
		if strings.Contains(got, "(13)") || strings.Contains(got, "SQLSTATE") || strings.Contains(got, "went wrong") {
			t.Errorf("%q", got)
		}
	}
}
