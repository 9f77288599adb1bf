package workflow

import (
	"context"
	"strconv"

	"orderdesk/store"
)

// configured is a setting the configuration file gives: its key, the
// value configured, and the value it reads as while unset.
type configured struct{ key, want, unset string }

// configuredInt is a figure's setting.
func configuredInt(key string, want, unset int) configured {
	return configured{key, strconv.Itoa(want), strconv.Itoa(unset)}
}

// keepConfigured records each setting whose value in force differs
// from the one configured (audited, as the system user); one unset and
// configured at what it reads as stays unset, as the triggers assume.
// It asks a reader first: at nearly every start nothing differs, and a
// write would open the writer's connection, which parses the whole
// schema, for nothing.
func (e *Engine) keepConfigured(ctx context.Context, cs ...configured) error {
	differing := func(tx *store.Tx) ([]configured, error) {
		var out []configured
		for _, c := range cs {
			cur, err := tx.Setting(ctx, c.key)
			if err != nil {
				return nil, err
			}
			if (cur == "" && c.want != c.unset) || (cur != "" && cur != c.want) {
				out = append(out, c)
			}
		}
		return out, nil
	}
	var todo []configured
	err := e.st.Read(ctx, func(tx *store.Tx) (err error) { todo, err = differing(tx); return err })
	if err != nil || len(todo) == 0 {
		return err
	}
	return e.st.Write(ctx, func(tx *store.Tx) error {
		todo, err := differing(tx)
		for _, c := range todo {
			if err == nil {
				err = tx.SetSetting(ctx, store.SystemUserID, c.key, c.want)
			}
		}
		return err
	})
}
