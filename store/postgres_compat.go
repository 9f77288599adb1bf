package store

// pgCompat is what the store's own reads, written once for both engines,
// need of PostgreSQL beside the schema: SQLite counts the rows where a
// test holds by summing the test (1 or 0);
// as there, no rows or none but nulls sum to null. A unary plus keeps
// SQLite from an index (+d.kind) and is the text itself.
const pgCompat = `
CREATE FUNCTION orderdesk_sum_flag(bigint, boolean) RETURNS bigint LANGUAGE sql IMMUTABLE
  AS 'SELECT CASE WHEN $2 IS NULL THEN $1 ELSE coalesce($1, 0) + $2::int END';
CREATE AGGREGATE sum(boolean) (SFUNC = orderdesk_sum_flag, STYPE = bigint);
CREATE FUNCTION orderdesk_same_text(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT $1';
CREATE OPERATOR + (RIGHTARG = text, FUNCTION = orderdesk_same_text);`
