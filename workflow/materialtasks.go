package workflow

import (
	"context"
	"strconv"
	"time"

	"orderdesk/store"
)

// SettingMaterialDays is the setting (config materials.confirm_after_days)
// of how many days a row of the register may wait for its receipt before
// it is a task of its sender.
const SettingMaterialDays = "materials.confirm_after_days"

// DefaultMaterialDays is that wait when none is configured: a week.
const DefaultMaterialDays = 7

// MaterialTask is a row of the register the caller sent whose receipt is
// not confirmed after the configured days: it waits in their inbox until
// it is confirmed or voided.
type MaterialTask struct {
	store.MaterialSent
	Days int // whole days since it was sent
}

// SetMaterialDays records the configured wait (audited, as the system
// user) where it differs from the one in force.
func (e *Engine) SetMaterialDays(ctx context.Context, days int) error {
	if days < 0 || days > 365 {
		return &Refusal{Code: InvalidSetting}
	}
	return e.keepConfigured(ctx, configuredInt(SettingMaterialDays, days, DefaultMaterialDays))
}

// materialDays reads the wait in force.
func materialDays(ctx context.Context, tx *store.Tx) (int, error) {
	v, err := tx.Setting(ctx, SettingMaterialDays)
	if err != nil {
		return DefaultMaterialDays, err
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= 365 {
		return n, nil
	}
	return DefaultMaterialDays, nil
}

// MaterialDays is the wait in force, for the screens to mark rows late.
func (d *Desk) MaterialDays(ctx context.Context) (int, error) {
	return read(ctx, d.e, func(tx *store.Tx) (int, error) { return materialDays(ctx, tx) })
}

// MyMaterialTasks lists what the caller sent whose receipt is still not
// confirmed more than the configured days after it left, the oldest
// first.
func (d *Desk) MyMaterialTasks(ctx context.Context) ([]MaterialTask, error) {
	if !SeesScreen(d.User, ScreenMaterials) {
		return nil, nil
	}
	today := d.e.todayString()
	ms, err := read(ctx, d.e, func(tx *store.Tx) ([]store.MaterialSent, error) {
		days, err := materialDays(ctx, tx)
		if err != nil {
			return nil, err
		}
		by := d.e.today().AddDate(0, 0, -days-1).Format(time.DateOnly)
		return tx.Materials(ctx, store.MaterialFilter{SenderID: d.User.ID, Status: MaterialSent, SentBy: by, Oldest: true})
	})
	out := make([]MaterialTask, len(ms))
	for i, m := range ms {
		out[i] = MaterialTask{MaterialSent: m}
		out[i].Days, _ = DaysBetween(m.SentOn, today)
	}
	return out, err
}
