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
		"save a customer (edit)":        {"p50 530 µs, own 180 µs", "350 µs", "1.60×", "own ≤ 200 µs: met"},
		"save a 20-line order":          {"p50 3845 µs, own 3389 µs", "479 µs", "8.08×", "own ≤ 1 ms: not yet"},
		"cold start to the first frame": {"41 ms", "≤ 50 ms: met"},
		"customer filter keystroke":     {"BenchmarkFilterKeystroke did not run"},
		"memory after every screen":     {"peak 71.5 MB, Go heap 4.5 MB", "peak ≤ 50 MB: not yet"},
		"memory per idle SSH session":   {"did not run"},
	} {
		for _, w := range want {
			if !strings.Contains(lines[what], w) {
				t.Errorf("%s: want %q in %q", what, w, lines[what])
			}
		}
	}
}
