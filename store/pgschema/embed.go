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

// SearchTables hold each customer's, order's and delivery note's search
// grams (store/search.go), as SQLite's FTS5 tables do there: an array
// per row under a GIN index, which finds the rows holding every gram.
const SearchTables = `
CREATE TABLE customer_fts (rowid bigint PRIMARY KEY, grams text[] NOT NULL);
CREATE INDEX customer_fts_grams ON customer_fts USING gin (grams);
CREATE TABLE order_fts (rowid bigint PRIMARY KEY, grams text[] NOT NULL);
CREATE INDEX order_fts_grams ON order_fts USING gin (grams);
CREATE TABLE delivery_fts (rowid bigint PRIMARY KEY, grams text[] NOT NULL);
CREATE INDEX delivery_fts_grams ON delivery_fts USING gin (grams);
`
