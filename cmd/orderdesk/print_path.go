package main

import (
	"path/filepath"

	"orderdesk/workflow/spool"
)

// printPath is where a printout is written: out when given, otherwise
// prefix, the number made file-safe, and ext, in dir ("" is the current
// folder).
func printPath(out, dir, prefix, number, ext string) string {
	if out != "" {
		return out
	}
	if dir == "" {
		dir = "."
	}
	return filepath.Join(dir, prefix+spool.FileName(number, ext))
}
