package i18n_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

func TestEveryMessageHasBothLanguages(t *testing.T) {
	for _, k := range i18n.Keys() {
		txt, _ := i18n.Lookup(k)
		if strings.TrimSpace(txt.Zh) == "" || strings.TrimSpace(txt.En) == "" {
			t.Errorf("%s: missing a language (zh=%q en=%q)", k, txt.Zh, txt.En)
		}
		if strings.Count(txt.Zh, "%") != strings.Count(txt.En, "%") {
			t.Errorf("%s: the languages take different arguments (zh=%q en=%q)", k, txt.Zh, txt.En)
		}
	}
}

// literalKey finds T("some.key" calls in the program's source, and
// t("some.key" where a screen shortens its catalogue's T to t.
var literalKey = regexp.MustCompile(`(?:\.T|\bt)\("([a-z0-9_.]+)"`)

func TestEveryLiteralKeyExists(t *testing.T) {
	root := filepath.Join("..", "..")
	found := 0
	for _, dir := range []string{"tui", "cmd"} {
		filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range literalKey.FindAllStringSubmatch(string(src), -1) {
				found++
				if strings.HasSuffix(m[1], ".") {
					continue // a prefix completed at run time; checked below
				}
				if !i18n.Has(m[1]) {
					t.Errorf("%s uses %q, which is not in the catalogue", path, m[1])
				}
			}
			return nil
		})
	}
	if found < 20 {
		t.Fatalf("found only %d keys in the source: is the pattern still right?", found)
	}
}

func TestKeysBuiltAtRunTimeExist(t *testing.T) {
	var want []string
	for _, r := range workflow.AllRoles {
		want = append(want, "role."+string(r))
	}
	for _, k := range workflow.Kinds() {
		want = append(want, "kind."+k.Name)
		for _, s := range k.States {
			want = append(want, "state."+k.Name+"."+s.Name)
		}
		for _, tr := range k.Transitions {
			want = append(want, "action."+tr.Action, "key."+tr.Action)
		}
	}
	for _, c := range []workflow.Code{workflow.MakerCannotSignOff, workflow.EditorCannotSignOff, workflow.RoleNotAllowed,
		workflow.NoSuchTransition, workflow.StaleStatus, workflow.CommentRequired, workflow.NotEditable,
		workflow.TermsNeedSignOff, workflow.PendingTermsChange, workflow.NotAllowed, workflow.MakerOnly,
		workflow.Voided, workflow.NoDelete, workflow.AppendOnly, workflow.StatusWithoutTransition} {
		want = append(want, "refusal."+string(c))
	}
	for _, c := range []workflow.FieldCode{workflow.Required, workflow.TooLong, workflow.InvalidText, workflow.NotANumber,
		workflow.TooManyPlaces, workflow.Negative, workflow.TooLarge, workflow.InvalidEmail, workflow.InvalidPhone,
		workflow.InvalidChoice, workflow.OutOfRange} {
		want = append(want, "field."+string(c))
	}
	for _, k := range want {
		if !i18n.Has(k) {
			t.Errorf("missing %s", k)
		}
	}
}

func TestLanguageFollowsConfigThenLANG(t *testing.T) {
	tests := []struct {
		configured, env string
		want            i18n.Lang
	}{
		{"", "zh_CN.UTF-8", i18n.Chinese},
		{"", "en_US.UTF-8", i18n.English},
		{"", "", i18n.English},
		{"en", "zh_CN.UTF-8", i18n.English},
		{"zh", "C", i18n.Chinese},
	}
	for _, tc := range tests {
		if got := i18n.Resolve(tc.configured, tc.env); got != tc.want {
			t.Errorf("Resolve(%q, %q) = %s, want %s", tc.configured, tc.env, got, tc.want)
		}
	}
	if got := (i18n.Catalog{Lang: i18n.Chinese}).T("screen.customers"); got != "客户" {
		t.Errorf("zh customers = %q", got)
	}
}

// TestEveryRefusalAndFieldCodeIsWorded reads the codes straight from the
// workflow's source, so a code added there cannot go unworded here.
func TestEveryRefusalAndFieldCodeIsWorded(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "workflow", "errors.go"))
	if err != nil {
		t.Fatal(err)
	}
	codes := regexp.MustCompile(`(?m)^\s*\w+\s+(Code|FieldCode)\s*=\s*"([a-z_]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(codes) < 20 {
		t.Fatalf("found only %d codes in errors.go: is the pattern still right?", len(codes))
	}
	for _, m := range codes {
		key := "refusal." + m[2]
		if m[1] == "FieldCode" {
			key = "field." + m[2]
		}
		if !i18n.Has(key) {
			t.Errorf("missing %s", key)
		}
	}
}
