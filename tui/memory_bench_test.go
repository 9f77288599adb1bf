package tui_test

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/tuitest/benchkit"
)

// memoryWalkDB names, in the environment, the database a process started
// by BenchmarkEveryScreenMemory walks.
const memoryWalkDB = "ORDERDESK_MEMORY_WALK_DB"

// BenchmarkEveryScreenMemory starts a process of its own (this test
// binary, running TestEveryScreenMemoryWalk) that opens the desk of the
// supervisor, who sees nearly every screen, on the demo database of the
// customer benchmarks and visits every screen with tab, each left to
// read what it shows. A process of its own, because building the
// database here would leave its memory in this one. It reports that
// process's peak resident set (MB-peak) and the set it holds after the
// walk (MB-rss), the memory of SQLite's pages and the translated C
// library's heap included, and Go's heap after a collection (MB-heap).
// Goal: a peak of 50 MB. Measured: about 20 MB is the binary, 10 MB
// Go's, and each SQLite connection 5.4 MB, most of it the parsed schema
// (637 triggers; see BenchmarkConnectionCost in store): the connections
// a screen's reads open are what grows.
func BenchmarkEveryScreenMemory(b *testing.B) {
	path := benchDB(b, benchCustomers())
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestEveryScreenMemoryWalk$", "-test.v")
		cmd.Env = append(os.Environ(), memoryWalkDB+"="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("the walk failed: %v\n%s", err, out)
		}
		var screens, peak, rss, heap float64
		line := out[strings.Index(string(out), "walked "):]
		if _, err := fmt.Sscanf(string(line), "walked %g screens: peak %g MB, rss %g MB, heap %g MB", &screens, &peak, &rss, &heap); err != nil {
			b.Fatalf("the walk said %q: %v", out, err)
		}
		b.ReportMetric(peak, "MB-peak")
		b.ReportMetric(rss, "MB-rss")
		b.ReportMetric(heap, "MB-heap")
		b.ReportMetric(screens, "screens")
	}
}

// TestEveryScreenMemoryWalk is the walk BenchmarkEveryScreenMemory
// starts in a process of its own; run alone, it does nothing.
func TestEveryScreenMemoryWalk(t *testing.T) {
	path := os.Getenv(memoryWalkDB)
	if path == "" {
		t.Skip("run by BenchmarkEveryScreenMemory")
	}
	st, eng, u := benchkit.OpenAs(t, path, "zhao")
	defer st.Close()
	app := tui.New(tui.Options{Desk: eng.Desk(u), Lang: "zh", DBPath: path, Theme: "dark"})
	defer app.Close()
	r := benchkit.NewLoop()
	r.Send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	r.Run(app.Init())
	r.Settle(t, app, 300*time.Millisecond)
	first := tabBar(app.Render())
	screens := 1
	for ; screens < 40; screens++ {
		r.Send(app, tea.KeyPressMsg{Code: tea.KeyTab})
		r.Settle(t, app, 300*time.Millisecond)
		if tabBar(app.Render()) == first {
			break
		}
	}
	if screens < 10 {
		t.Fatalf("tab went round after %d screens", screens)
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.Logf("walked %d screens: peak %.1f MB, rss %.1f MB, heap %.1f MB", screens,
		procStatusMB(t, "VmHWM:"), procStatusMB(t, "VmRSS:"), float64(m.HeapAlloc)/(1<<20))
}

// tabBar is the frame's first line, where the screen shown is marked.
func tabBar(frame string) string { first, _, _ := strings.Cut(frame, "\n"); return first }

// procStatusMB is a line of /proc/self/status (in kB there) in MB.
func procStatusMB(t *testing.T, field string) float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc: the resident set is not measured here")
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			if err != nil {
				t.Fatal(err)
			}
			return float64(kb) / 1024
		}
	}
	t.Fatalf("no %s in /proc/self/status", field)
	return 0
}
