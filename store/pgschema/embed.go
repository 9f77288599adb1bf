package pgschema

import _ "embed"

// Tables is the PostgreSQL script of every table and index, generated
// from the SQLite schema (go test ./store/pgschema -update).
//
//go:embed tables.sql
var Tables string

// Rules is the PostgreSQL script of every view and hand-written trigger,
// generated from the SQLite schema (go test ./store/pgschema -update).
//
//go:embed rules.sql
var RulesScript string
