package main

import (
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkSaveCustomer/update-2   	     200	   2395044 ns/op	       404.5 floor-µs-p50	       529.6 own-µs-p50	         2.309 x-floor	       931.1 µs-p50	      8009 µs-p99
BenchmarkSaveCustomer/update-2   	     200	   2395044 ns/op	       300 floor-µs-p50	       150 own-µs-p50	         1.5 x-floor	       450 µs-p50	      8009 µs-p99
BenchmarkSaveCustomer/update-2   	     200	   2395044 ns/op	       350 floor-µs-p50	       180 own-µs-p50	         1.6 x-floor	       530 µs-p50	      8009 µs-p99
BenchmarkOrderSave-2             	     200	   6752743 ns/op	       478.9 floor-µs-p50	      3389 own-µs-p50	         8.077 x-floor	      3845 µs-p50	     13725 µs-p99
    bench_test.go:12: BenchmarkOrderSave-2 a log line
BenchmarkColdStart-2             	       3	  41000000 ns/op
BenchmarkEveryScreenMemory-2   	       1	6631006857 ns/op	         4.500 MB-heap	        71.50 MB-peak	        71.50 MB-rss	        19.00 screens
BenchmarkOffice-2   	       1	18436283848 ns/op	      1807 KiB/idle-session	         1.742 MB-held-after-leave	       823.2 bare-KiB/idle-session	         1.305 bare-MB-held-after-leave	         7.365 bare-p50-ms	         9.055 bare-p99-ms	         0 errors	         2.195 idle-x-bare	       740.0 keys	         7.471 p50-ms	        11.29 p99-ms	         1.247 p99-x-bare	         0.437 MB-held-over-bare
PASS
`

func TestTableShowsMediansRatiosAndGoals(t *testing.T) {
	res, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	writeTable(&out, res)
	lines := map[string]string{}
	for _, l := range strings.Split(out.String(), "\n") {
		for _, r := range rows {
			if strings.HasPrefix(l, r.what+" ") {
				lines[r.what] = l
			}
		}
	}
	for what, want := range map[string][]string{
		"save a customer (edit)":                  {"p50 530 µs, own 180 µs", "350 µs", "1.60×", "own ≤ 200 µs: met"},
		"save a 20-line order":                    {"p50 3845 µs, own 3389 µs", "479 µs", "8.08×", "own ≤ 1 ms: not yet"},
		"cold start to the first frame":           {"41 ms", "≤ 50 ms: met"},
		"customer filter keystroke":               {"BenchmarkFilterKeystroke did not run"},
		"memory after every screen":               {"peak 71.5 MB, Go heap 4.5 MB", "peak ≤ 50 MB: not yet"},
		"SSH sessions typing: key to first bytes": {"p50 7.47 ms, p99 11.3 ms", "p99 9.05 ms", "1.25×", "p99 ≤ 1.2× the bare program: not yet"},
		"memory per idle SSH session":             {"1.76 MB", "0.804 MB", "2.19×", "≤ 1.2× the bare program: not yet"},
		"memory kept once SSH sessions leave":     {"1.74 MB", "1.3 MB", "returned (≤ 2 MB over the bare program's): met"},
		"orders filter keystroke":                 {"did not run"},
	} {
		for _, w := range want {
			if !strings.Contains(lines[what], w) {
				t.Errorf("%s: want %q in %q", what, w, lines[what])
			}
		}
	}
}
