package workflow

import (
	"context"
	"sort"
	"time"

	"orderdesk/store"
)

// Complaint statistics: complaints over a period grouped by type,
// product, customer or rep, each group with how many were recorded,
// are still open and were closed, and the mean time to the first
// action and to the close.

// The dimensions complaints are counted by.
const (
	ComplaintsByType     = "type"
	ComplaintsByProduct  = "product"
	ComplaintsByCustomer = "customer"
	ComplaintsByRep      = "rep"
)

// ComplaintDimensions lists them in the order the screen steps through.
var ComplaintDimensions = []string{ComplaintsByType, ComplaintsByProduct, ComplaintsByCustomer, ComplaintsByRep}

// ComplaintStat is one group's figures (or the totals').
type ComplaintStat struct {
	Key           string // the type's code, the product, the customer's or rep's name ("" for none)
	Count         int
	Open          int // still being worked or waiting for the close
	Closed        int
	Acted         int           // those with a first action
	ToFirstAction time.Duration // mean, over those acted on
	ToClose       time.Duration // mean, over those closed
	firstSum      time.Duration
	closeSum      time.Duration
}

// ComplaintStats is a period's complaints grouped by one dimension,
// most complaints first, with the totals.
type ComplaintStats struct {
	By       string
	From, To time.Time
	Rows     []ComplaintStat
	Total    ComplaintStat
}

// add counts one complaint into the group.
func (s *ComplaintStat) add(c store.ComplaintRow) {
	s.Count++
	switch c.Status {
	case ComplaintClosed:
		s.Closed++
		s.closeSum += c.ClosedAt.Sub(c.CreatedAt)
	case ComplaintWithdrawn:
	default:
		s.Open++
	}
	if !c.FirstAction.IsZero() {
		s.Acted++
		s.firstSum += c.FirstAction.Sub(c.CreatedAt)
	}
}

// settle works out the means.
func (s *ComplaintStat) settle() {
	if s.Acted > 0 {
		s.ToFirstAction = s.firstSum / time.Duration(s.Acted)
	}
	if s.Closed > 0 {
		s.ToClose = s.closeSum / time.Duration(s.Closed)
	}
}

// complaintKey is the group a complaint falls in along by.
func complaintKey(c store.ComplaintRow, by string) string {
	switch by {
	case ComplaintsByProduct:
		return c.Product
	case ComplaintsByCustomer:
		return c.Customer
	case ComplaintsByRep:
		return c.Rep
	}
	return c.Type
}

// ComplaintStatistics groups the complaints recorded from from (inclusive)
// to to (exclusive) by one of ComplaintDimensions.
func (d *Desk) ComplaintStatistics(ctx context.Context, from, to time.Time, by string) (ComplaintStats, error) {
	if err := permitScreen(d.User, ScreenComplaints); err != nil {
		return ComplaintStats{}, err
	}
	out := ComplaintStats{By: by, From: from, To: to}
	rows, err := read(ctx, d.e, func(tx *store.Tx) ([]store.ComplaintRow, error) {
		return tx.Complaints(ctx, store.ComplaintFilter{From: from, To: to})
	})
	if err != nil {
		return out, err
	}
	groups := map[string]*ComplaintStat{}
	for _, c := range rows {
		k := complaintKey(c, by)
		g := groups[k]
		if g == nil {
			g = &ComplaintStat{Key: k}
			groups[k] = g
		}
		g.add(c)
		out.Total.add(c)
	}
	for _, g := range groups {
		g.settle()
		out.Rows = append(out.Rows, *g)
	}
	out.Total.settle()
	sort.Slice(out.Rows, func(i, j int) bool {
		if out.Rows[i].Count != out.Rows[j].Count {
			return out.Rows[i].Count > out.Rows[j].Count
		}
		return out.Rows[i].Key < out.Rows[j].Key
	})
	return out, nil
}
