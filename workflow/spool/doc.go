// Package spool is where a session's printouts go: each user's own
// folder under print.dir (which the office server offers them, read-only,
// over SCP and SFTP), and the office printer through CUPS's lp. The
// printer is chosen per user, else per kind of document, else the
// default.
package spool
