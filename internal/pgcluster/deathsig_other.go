//go:build unix && !linux

package pgcluster

import "os/exec"

// Elsewhere the server outlives a test process that is killed; Stop ends
// it in every other case.
func setParentDeathSignal(*exec.Cmd) {}
