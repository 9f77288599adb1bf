// Package upgradetest keeps databases made by earlier versions of
// orderdesk (testdata/schemaN.db.gz, one per schema version, made by the
// demo of the last commit at that version; make.sh regenerates them) and
// tests that each upgrades to the current schema and works.
package upgradetest
