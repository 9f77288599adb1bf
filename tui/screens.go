package tui

import (
	"context"

	"orderdesk/tui/common"
	"orderdesk/tui/placeholder"
	"orderdesk/tui/products"
	"orderdesk/tui/review"
)

// buildScreens lists the desk's screens in tab order.
func buildScreens(c *common.Common) []common.Screen {
	return []common.Screen{
		placeholder.New(c, "screen.customers", "placeholder.customers"),
		placeholder.New(c, "screen.inquiries", "placeholder.inquiries"),
		placeholder.New(c, "screen.pricing", "placeholder.pricing"),
		placeholder.New(c, "screen.orders", "placeholder.orders"),
		placeholder.New(c, "screen.shipping", "placeholder.shipping"),
		placeholder.New(c, "screen.invoices", "placeholder.invoices"),
		placeholder.New(c, "screen.reconciliation", "placeholder.reconciliation"),
		review.New(c),
		products.New(c),
	}
}

func contextBackground() context.Context { return context.Background() }
