package workflow

import (
	"context"
	"strconv"

	"orderdesk/store"
)

// After-sales settings (config aftersales.*), kept in the settings table.
const (
	SettingFlagAfter          = "aftersales.flag_after_days"
	SettingFollowAfterDeliver = "aftersales.follow_up_after_delivery_days"
	SettingFollowAfterResolve = "aftersales.follow_up_after_resolution_days"
)

// AfterSalesRules are the after-sales thresholds, in days.
type AfterSalesRules struct {
	// FlagAfter: a complaint with no action for more days than this is
	// flagged to the supervisor.
	FlagAfter int
	// FollowAfterDelivery, FollowAfterResolution: the follow-up call
	// (回访) is due this many days after a delivery left, after a
	// complaint was resolved.
	FollowAfterDelivery   int
	FollowAfterResolution int
}

// DefaultAfterSales are the thresholds when none are configured.
var DefaultAfterSales = AfterSalesRules{FlagAfter: 3, FollowAfterDelivery: 7, FollowAfterResolution: 3}

// followUpWindow is how many days a follow-up stays on the list after
// its day: a call not made within a month is not made.
const followUpWindow = 30

// Valid reports whether every threshold is a day count the desk can use.
func (r AfterSalesRules) Valid() bool {
	ok := func(n int) bool { return n >= 0 && n <= 365 }
	return ok(r.FlagAfter) && ok(r.FollowAfterDelivery) && ok(r.FollowAfterResolution)
}

// settings pairs each threshold with its key.
func (r *AfterSalesRules) settings() []struct {
	key string
	val *int
} {
	return []struct {
		key string
		val *int
	}{{SettingFlagAfter, &r.FlagAfter}, {SettingFollowAfterDeliver, &r.FollowAfterDelivery}, {SettingFollowAfterResolve, &r.FollowAfterResolution}}
}

// SetAfterSalesRules records the configured thresholds (audited, as the
// system user) where they differ from those in force.
func (e *Engine) SetAfterSalesRules(ctx context.Context, r AfterSalesRules) error {
	if !r.Valid() {
		return &Refusal{Code: InvalidSetting}
	}
	d := DefaultAfterSales
	return e.keepConfigured(ctx, configuredInt(SettingFlagAfter, r.FlagAfter, d.FlagAfter),
		configuredInt(SettingFollowAfterDeliver, r.FollowAfterDelivery, d.FollowAfterDelivery),
		configuredInt(SettingFollowAfterResolve, r.FollowAfterResolution, d.FollowAfterResolution))
}

// afterSalesRules reads the thresholds in force.
func afterSalesRules(ctx context.Context, tx *store.Tx) (AfterSalesRules, error) {
	r := DefaultAfterSales
	for _, kv := range r.settings() {
		v, err := tx.Setting(ctx, kv.key)
		if err != nil {
			return r, err
		}
		if n, err := strconv.Atoi(v); err == nil {
			*kv.val = n
		}
	}
	if !r.Valid() {
		return DefaultAfterSales, nil
	}
	return r, nil
}
