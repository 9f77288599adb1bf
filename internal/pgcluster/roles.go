package pgcluster

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// CreateOwnedDatabase makes two login roles, owner and desk (no
// passwords: the cluster trusts its socket), and an empty database owned
// by owner, as an office's administrator would; it returns the URLs the
// two connect by.
func (c *Cluster) CreateOwnedDatabase(ctx context.Context, name, owner, desk string) (ownerURL, deskURL string, err error) {
	if err := c.exec(ctx,
		"CREATE ROLE "+pgx.Identifier{owner}.Sanitize()+" LOGIN",
		"CREATE ROLE "+pgx.Identifier{desk}.Sanitize()+" LOGIN",
		"CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" OWNER "+pgx.Identifier{owner}.Sanitize(),
	); err != nil {
		return "", "", err
	}
	return c.URL(name, owner), c.URL(name, desk), nil
}
