package workflow

import (
	"context"
	"strings"

	"orderdesk/store"
)

// The weighing basis (计重方式) of a contract: 理计 (theoretical weight)
// or 磅计 (the weighbridge's figure at loading). An order takes its
// customer's usual basis, else the desk's (config orders.weighing, kept
// in the settings table). What a delivery line bills on each basis is
// worked out in one place, the database's delivery_line_billed, which the
// gate, the ledger, the invoices, the statements and the collections read.
const (
	FWeighing       = "weighing"
	SettingWeighing = "orders.weighing"
	DefaultWeighing = store.WeighingWeighed
)

// weighingWords are what a clerk may type for a basis.
var weighingWords = map[string]string{
	store.WeighingTheoretical: store.WeighingTheoretical, "理计": store.WeighingTheoretical, "理": store.WeighingTheoretical,
	"theoretical weight":  store.WeighingTheoretical,
	store.WeighingWeighed: store.WeighingWeighed, "磅计": store.WeighingWeighed, "过磅": store.WeighingWeighed, "磅": store.WeighingWeighed,
	"weighed weight": store.WeighingWeighed,
}

// weighingClauses are a basis as the printed contract states it.
var weighingClauses = map[string]string{
	store.WeighingTheoretical: "理计（按理论重量结算）",
	store.WeighingWeighed:     "磅计（按过磅实际重量结算）",
}

// ParseWeighing reads a basis as typed; "" stays "" (take the default).
func ParseWeighing(field, s string) (string, *FieldError) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", nil
	}
	if b, ok := weighingWords[s]; ok {
		return b, nil
	}
	return "", &FieldError{Field: field, Code: InvalidChoice}
}

// SetWeighing records the desk's default basis where orders read it
// (audited, as the system user), when it changed; at its default it is
// left unset.
func (e *Engine) SetWeighing(ctx context.Context, basis string) error {
	b, fe := ParseWeighing(FWeighing, basis)
	if fe != nil {
		return &Refusal{Code: InvalidSetting}
	}
	if b == "" {
		b = DefaultWeighing
	}
	return e.keepConfigured(ctx, configured{SettingWeighing, b, DefaultWeighing})
}

// weighingFor is the basis a new order of customer c takes: the
// customer file's, else the desk's.
func weighingFor(ctx context.Context, tx *store.Tx, c store.Customer) (string, error) {
	if c.Weighing != "" {
		return c.Weighing, nil
	}
	v, err := tx.Setting(ctx, SettingWeighing)
	if err != nil || v == "" {
		return DefaultWeighing, err
	}
	return v, nil
}
