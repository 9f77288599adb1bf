// Command benchtable prints the speed table of the README from go test
// -bench output on its standard input (make bench-quick): each figure
// beside the floor measured in the same run, their ratio, and the goal.
// A benchmark run several times (-count) shows its medians.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
)

func main() {
	res, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	writeTable(os.Stdout, res)
}

// writeTable writes the table of rows from res; a row whose benchmark did not
// run says so.
func writeTable(w io.Writer, res results) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "what\tfigure\tfloor\tratio\tgoal\t")
	for _, r := range rows {
		if res[r.bench] == nil {
			fmt.Fprintf(tw, "%s\t(%s did not run)\t\t\t%s\t\n", r.what, r.bench, r.goal.text)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", r.what, shown(res, r.bench, r.shown...), shown(res, r.bench, r.floor),
			ratio(res, r), verdict(res, r))
	}
	tw.Flush()
}

// shown prints figures of bench, "—" for those it has none of.
func shown(res results, bench string, fs ...figure) string {
	var parts []string
	for _, f := range fs {
		if f.metric == "" {
			continue
		}
		v, ok := res.median(bench, f.metric)
		if !ok {
			continue
		}
		s := fmt.Sprintf("%.3g %s", v*f.scale, f.unit)
		if v*f.scale >= 1000 {
			s = fmt.Sprintf("%.0f %s", v*f.scale, f.unit)
		}
		if f.label != "" {
			s = f.label + " " + s
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, ", ")
}

func ratio(res results, r row) string {
	if v, ok := res.median(r.bench, r.ratio); ok && r.ratio != "" {
		return fmt.Sprintf("%.2f×", v)
	}
	return "—"
}

// verdict is the goal and whether the run met it.
func verdict(res results, r row) string {
	v, ok := res.median(r.bench, r.goal.metric)
	switch {
	case r.goal.metric == "" || !ok:
		return r.goal.text + " (no floor measured yet)"
	case v <= r.goal.max:
		return r.goal.text + ": met"
	default:
		return r.goal.text + ": not yet"
	}
}
