package workflow

import (
	"context"

	"orderdesk/store"
)

// ImportBatch is an import from a spreadsheet (customers, products,
// prices, opening balances): a clerk, supervisor or finance makes it,
// and nothing in it takes effect until someone else signs it off. A
// refused batch leaves nothing behind; its file is fixed and imported
// again. Prices are signed by a supervisor, as any price-list change;
// opening balances by finance, whose figures they are. The sign-off
// stands for the terms changes and the price-list change the batch
// makes, which are recorded as made by its maker and approved by its
// signer (importapply.go).
var ImportBatch = &Kind{
	Name:        store.ImportBatchKind,
	before:      (*Engine).checkImportSigner,
	after:       (*Engine).applyImport, // importapply.go
	States:      requestStates(),
	Transitions: requested([]Role{Supervisor, Finance}, importMakers),
}

// importMakers are who may import (each import asks its own permission
// as well: customers the customer files', prices the price list's).
var importMakers = []Role{Clerk, Supervisor, Finance, Purchasing}

// importSigner is the role that signs off each import.
var importSigner = map[string][]Role{
	store.ImportCustomers: {Supervisor, Finance},
	store.ImportProducts:  {Supervisor, Finance},
	store.ImportPrices:    {Supervisor},
	store.ImportBalances:  {Finance},
}

// checkImportSigner refuses an approval by someone who could not sign
// what the batch brings in (the database's import_batch_signer agrees).
func (e *Engine) checkImportSigner(ctx context.Context, tx *store.Tx, m move) error {
	if !m.t.SignOff || m.t.To != "approved" {
		return nil
	}
	b, err := tx.ImportBatch(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	if roles := importSigner[b.What]; !hasAnyRole(m.actor, roles) {
		return &Refusal{Code: RoleNotAllowed, Action: m.t.Action, Roles: roles}
	}
	return nil
}
