package workflow

import "context"

// checkpointLine is a signed checkpoint of the audit chain, printed on
// statements so that a copy kept by the customer can prove what the chain
// was ("" where the database is not keyed, or none could be signed: the
// statement is no less valid without it).
func (e *Engine) checkpointLine(ctx context.Context) string {
	c, err := e.st.Checkpoint(ctx)
	if err != nil || c.AuditID == 0 {
		return ""
	}
	return c.String()
}
