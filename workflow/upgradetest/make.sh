#!/bin/sh
# Regenerates the upgrade fixtures in testdata/: for each schema version,
# the binary of the last commit whose newest migration was that version
# (with migrations identical to today's) builds a small demo database,
# which is gzipped as testdata/schemaN.db.gz. The tests never run this;
# run it by hand after a new migration, from anywhere in the repository:
#
#   sh workflow/upgradetest/make.sh            # every version
#   sh workflow/upgradetest/make.sh 8 9        # only these
#
# It needs git, go, sqlite3 and gzip.
#
# Schema 1 has no fixture: 0001 was still being edited when 0002 was
# added, so no commit ever wrote a database of today's schema 1.
set -eu

root=$(git rev-parse --show-toplevel)
out="$root/workflow/upgradetest/testdata"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# commit_for N prints the newest commit, on any branch merged into HEAD,
# that holds exactly migrations 0001..N, each identical to HEAD's (a
# branch's commit holding 1..N-1 and a later one, renumbered before it
# landed, holds N files but not today's first N).
commit_for() {
	git -C "$root" ls-tree HEAD store/migrations/ | grep '\.sql$' | head -n "$1" >"$work/head.txt"
	for c in $(git -C "$root" rev-list HEAD); do
		t=$(git -C "$root" ls-tree "$c" store/migrations/ | grep '\.sql$')
		if [ "$t" = "$(cat "$work/head.txt")" ]; then
			echo "$c"
			return
		fi
	done
}

versions=${*:-$(seq 2 "$(git -C "$root" ls-tree --name-only HEAD store/migrations/ | grep -c '\.sql$')")}
for n in $versions; do
	c=$(commit_for "$n")
	[ -n "$c" ] || { echo "schema $n: no commit holds today's migrations 1..$n" >&2; exit 1; }
	src="$work/v$n"
	mkdir -p "$src"
	git -C "$root" archive "$c" | tar -x -C "$src"
	(cd "$src" && GOFLAGS=-mod=mod go build -o "$work/orderdesk$n" ./cmd/orderdesk)
	db="$work/schema$n.db"
	# The demo's flags at that commit: a few customers, every state it knows.
	help=$("$work/orderdesk$n" demo --help 2>&1)
	flags="--customers 12 --products 20 --seed 14"
	for f in "--orders 24" "--shipments 14" "--invoices 12"; do
		case "$help" in *"${f% *}"*) flags="$flags $f" ;; esac
	done
	# Its own data folder: a version that seals the audit trail with a
	# key (schema 12 on) writes it there, and the key goes beside the
	# fixture, as an office keeps it beside its database.
	XDG_DATA_HOME="$work/data$n" XDG_CONFIG_HOME="$work/config$n" "$work/orderdesk$n" --db "$db" demo $flags >"$work/demo$n.log"
	key=$(find "$work/data$n" -name audit.key 2>/dev/null | head -n 1)
	rm -f "$out/schema$n.audit.key"
	[ -z "$key" ] || cp "$key" "$out/schema$n.audit.key"
	[ "$(sqlite3 "$db" 'PRAGMA user_version')" -eq "$n" ] || { echo "schema $n: demo wrote another version" >&2; exit 1; }
	sqlite3 "$db" 'PRAGMA journal_mode=DELETE; VACUUM;' >/dev/null
	gzip -9n <"$db" >"$out/schema$n.db.gz"
	echo "schema $n: $(git -C "$root" log -1 --format='%h %ad' --date=short "$c") $(wc -c <"$out/schema$n.db.gz") bytes"
done
