package main

import (
	"path/filepath"
	"strings"
)

// fileSafe keeps a document number from making folders or spaces in a
// file name.
var fileSafe = strings.NewReplacer("/", "-", `\`, "-", " ", "_")

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
	return filepath.Join(dir, prefix+fileSafe.Replace(number)+ext)
}
