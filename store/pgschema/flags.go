package pgschema

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// A prepared statement's argument takes the type PostgreSQL infers from
// its place, and where the SQLite dialect tests a truth value (`? OR
// …`, `CASE WHEN ? …`) that is bool; the store sends a flag there as
// the 0 or 1 the schema's columns hold (CheckNamedValue), which pgx's
// bool codec refuses. flagBool is that codec taking an integer as a
// truth value too, as SQLite does.
type flagBool struct{ pgtype.BoolCodec }

func (c flagBool) PlanEncode(m *pgtype.Map, oid uint32, format int16, value any) pgtype.EncodePlan {
	if _, ok := truth(value); ok {
		return intAsBool{c.BoolCodec.PlanEncode(m, oid, format, true)}
	}
	return c.BoolCodec.PlanEncode(m, oid, format, value)
}

// intAsBool encodes an integer as the truth value it stands for.
type intAsBool struct{ next pgtype.EncodePlan }

func (p intAsBool) Encode(value any, buf []byte) ([]byte, error) {
	b, _ := truth(value)
	return p.next.Encode(b, buf)
}

// truth is an integer's truth value as SQLite reads it (not zero), and
// whether value is an integer.
func truth(value any) (b, ok bool) {
	switch v := value.(type) {
	case int64:
		return v != 0, true
	case int:
		return v != 0, true
	case int32:
		return v != 0, true
	}
	return false, false
}

// takeFlags registers flagBool on a new connection.
func takeFlags(_ context.Context, c *pgx.Conn) error {
	c.TypeMap().RegisterType(&pgtype.Type{Name: "bool", OID: pgtype.BoolOID, Codec: flagBool{}})
	return nil
}
