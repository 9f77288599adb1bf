package main

// row is one line of the speed table: what is measured, by which
// benchmark, the figures shown, the floor measured beside it in the same
// run (when the benchmark has one) and the goal.
type row struct {
	what  string
	bench string // as go test names it, without the -GOMAXPROCS suffix
	shown []figure
	floor figure // zero while the benchmark measures no floor
	ratio string // the metric of the figure over the floor
	goal  goal
}

// figure is a metric as printed: scaled into unit.
type figure struct {
	label, metric string
	scale         float64
	unit          string
}

// goal is met when metric is at most max; with no metric the goal is
// relative to a floor the benchmark does not measure yet.
type goal struct {
	metric string
	max    float64
	text   string
}

func µs(label, metric string) figure { return figure{label, metric, 1, "µs"} }
func ms(label, metric string) figure { return figure{label, metric, 1, "ms"} }

// rows are the table of issue 18, "Every key and every save close to
// what the machine allows", as far as a benchmark measures each today.
var rows = []row{
	{what: "save a customer (edit)", bench: "BenchmarkSaveCustomer/update",
		shown: []figure{µs("p50", "µs-p50"), µs("own", "own-µs-p50")}, floor: µs("", "floor-µs-p50"), ratio: "x-floor",
		goal: goal{"own-µs-p50", 200, "own ≤ 200 µs"}},
	{what: "save a customer (new)", bench: "BenchmarkSaveCustomer/create",
		shown: []figure{µs("p50", "µs-p50"), µs("own", "own-µs-p50")}, floor: µs("", "floor-µs-p50"), ratio: "x-floor",
		goal: goal{"own-µs-p50", 200, "own ≤ 200 µs"}},
	{what: "save a 20-line order", bench: "BenchmarkOrderSave",
		shown: []figure{µs("p50", "µs-p50"), µs("own", "own-µs-p50")}, floor: µs("", "floor-µs-p50"), ratio: "x-floor",
		goal: goal{"own-µs-p50", 1000, "own ≤ 1 ms"}},
	{what: "cold start to the first frame", bench: "BenchmarkColdStart",
		shown: []figure{{"", "ns/op", 1e-6, "ms"}}, goal: goal{"ns/op", 50e6, "≤ 50 ms"}},
	{what: "cold start as a process", bench: "BenchmarkProcessStart",
		shown: []figure{ms("p50", "p50-ms")}, goal: goal{"p50-ms", 100, "≤ 100 ms"}},
	{what: "customer filter keystroke", bench: "BenchmarkFilterKeystroke",
		shown: []figure{ms("p50", "p50-ms"), ms("p99", "p99-ms")}, goal: goal{"p99-ms", 2, "p99 ≤ 2 ms"}},
	{what: "orders filter keystroke", bench: "BenchmarkOrdersFilterKeystroke",
		shown: []figure{ms("p50", "ms-p50"), ms("p99", "ms-p99")}, goal: goal{"ms-p99", 5, "p99 ≤ 5 ms"}},
	{what: "memory after every screen", bench: "BenchmarkEveryScreenMemory",
		shown: []figure{{"peak", "MB-peak", 1, "MB"}, {"Go heap", "MB-heap", 1, "MB"}}, goal: goal{"MB-peak", 50, "peak ≤ 50 MB"}},
	{what: "SSH sessions typing: key to first bytes", bench: "BenchmarkOffice",
		shown: []figure{ms("p50", "p50-ms"), ms("p99", "p99-ms")}, floor: ms("p99", "bare-p99-ms"), ratio: "p99-x-bare",
		goal: goal{"p99-x-bare", 1.2, "p99 ≤ 1.2× the bare program"}},
	{what: "memory per idle SSH session", bench: "BenchmarkOffice",
		shown: []figure{{"", "KiB/idle-session", 1.0 / 1024, "MB"}}, floor: figure{"", "bare-KiB/idle-session", 1.0 / 1024, "MB"},
		ratio: "idle-x-bare", goal: goal{"idle-x-bare", 1.2, "≤ 1.2× the bare program"}},
	// Returned when sessions leave: the heap still held once every
	// session has gone, within 2 MB of what the bare program's sessions
	// leave behind (the runtime's and the SSH server's own noise).
	{what: "memory kept once SSH sessions leave", bench: "BenchmarkOffice",
		shown: []figure{{"", "MB-held-after-leave", 1, "MB"}}, floor: figure{"", "bare-MB-held-after-leave", 1, "MB"},
		goal: goal{"MB-held-over-bare", 2, "returned (≤ 2 MB over the bare program's)"}},
}
