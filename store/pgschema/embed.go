package pgschema

import _ "embed"

// Tables is the PostgreSQL script of every table and index, generated
// from the SQLite schema (go test ./store/pgschema -update).
//
//go:embed tables.sql
var Tables string
