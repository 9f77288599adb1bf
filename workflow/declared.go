package workflow

import "orderdesk/store"

// DeclaredRules are the states and rules this program's kinds declare, as
// New writes them into the database: for tests that add to them, and for
// comparing a database's rules with the program's.
func DeclaredRules() ([]store.StateDef, []store.RuleDef) { return storeDefs(Kinds()) }
