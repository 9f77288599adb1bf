# orderdesk: the usual tasks. `make run` to work at the desk, `make test`
# before you commit.

GO        ?= go
BIN       := bin/orderdesk
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)
# DB=path/to/file.db picks the database for `make run` (default: the
# configured one, ~/.local/share/orderdesk/orderdesk.db).
DB        ?=
# `make demo` rebuilds this file from scratch with CUSTOMERS customers.
DEMO_DB   ?= demo.db
CUSTOMERS ?= 500
# Orders shipped, invoiced and paid over the last two years in `make demo`.
INVOICE_VOLUME ?= 300

.PHONY: build run test test-postgres bench bench-quick demo vet fmt fmt-check clean

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/orderdesk

# On an empty database the operating-system user becomes the first user
# (admin and clerk) and lands straight in the desk.
run: build
	./$(BIN) $(if $(DB),--db $(DB))

# -race needs cgo, so a C compiler (gcc). TESTFLAGS=-count=1 skips the
# test cache (CI does).
TESTFLAGS ?=
# The workflow package's property and month-end tests take several
# minutes under -race on two cores: past go test's default ten.
# The race detector also turns on pointer checks everywhere; in
# modernc.org/sqlite's machine-translated C they cost about half the
# suite's CPU and find nothing of ours, so they are off there only (our
# code keeps them).
# The translated C itself is not instrumented either, as a C library
# under cgo would not be: SQLite (modernc.org/sqlite/lib), the C library
# it runs on (modernc.org/libc) and its allocator (modernc.org/memory).
# They guard their state with sync.Mutex, whose ordering the race
# detector still sees; the driver, database/sql and all of our code stay
# instrumented. A package that writes to a database spends a third
# less CPU than with SQLite alone left out (tui/review: 47 s, 30 s).
RACEFLAGS ?= -race -gcflags='modernc.org/...=-d=checkptr=0' \
	-gcflags='modernc.org/sqlite/lib=-race=false -d=checkptr=0' \
	-gcflags='modernc.org/libc/...=-race=false -d=checkptr=0' \
	-gcflags='modernc.org/memory=-race=false -d=checkptr=0'
# go test runs packages in the order named, two at a time on two cores:
# the longest first, so the short ones fill in beside them rather than
# a long one running alone at the end (./workflow/upgradetest, a minute,
# came last of all by name and ran alone for most of it). ./... adds
# the rest once each.
SLOWEST   := ./workflow/demo ./workflow ./cmd/orderdesk ./store ./tui ./sshserver ./workflow/upgradetest \
	./tui/review ./tui/inquiries ./tui/statistics ./tui/customers ./tui/orders
# Each test binary runs on one thread (GOMAXPROCS=1) while go test runs
# one package more at once than there are cores (-p): under the race
# detector a package given both cores spends a third of its CPU on
# threads contending for the same locks and atomics (tui/pricing: 23.7 s
# of CPU on two threads, 15.2 s on one), and the cores are already
# shared between packages. Races are still found: the detector judges
# the order of accesses, not whether they overlapped in time. The one
# package more fills the time a package waits on a server it started
# or on the disk (two cores: 15m37s with -p 2, 13m31s with -p 3).
# Only the tests get the one thread (-cpu, and -parallel as GOMAXPROCS=1
# made it), not go test itself: the compiler and the linker it runs take
# every core (building and linking every test binary with nothing to
# run: 90 s on one thread, 50 s on two, half the CPU time; the whole
# suite 13m23s, from 16m06s with the other changes of that day). Not
# -exec 'env GOMAXPROCS=1', which would turn go test's cache of passed
# packages off.
TEST_P    ?= $(shell echo $$(( $$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2) + 1 )))
TEST_GOMAXPROCS ?= 1
# The race detector sleeps a second as each process ends
# (atexit_sleep_ms), in case a goroutine still running finds a race
# then: fifty test binaries and the copies some start of themselves. On
# the one thread the tests have, such a goroutine barely runs in that
# second anyway; races met while the tests run are reported at once.
test:
	GORACE="atexit_sleep_ms=0 $$GORACE" CGO_ENABLED=1 $(GO) test -p $(TEST_P) -cpu $(TEST_GOMAXPROCS) -parallel $(TEST_GOMAXPROCS) $(RACEFLAGS) -timeout 30m $(TESTFLAGS) $(SLOWEST) ./...

# The store's and the workflow's tests again with every database on a
# private PostgreSQL server (initdb and postgres installed), each
# fixture built once and copied per test by PostgreSQL; no -race, which
# `make test` has run over the same code.
test-postgres:
	ORDERDESK_TEST_POSTGRES=1 $(GO) test -timeout 40m $(TESTFLAGS) ./store ./workflow

# The first run builds the benchmark databases (the pricing one, 200,000
# quotes and 2,000,000 market prices, takes about ten minutes) and keeps
# them in the temporary folder; later runs take seconds to start.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -timeout 60m ./...

# The speed table (README, "Performance") on small volumes: each save
# beside a bare commit measured in the same run, the screens on 10,000
# customers or orders, 20 SSH sessions for 5 s; a few seconds per
# benchmark once the small databases are built (the first run, about
# two minutes; kept in the temporary folder). The saves run
# QUICK_COUNT times and the table shows their medians.
QUICK_COUNT ?= 3
bench-quick:
	@out=$$(mktemp); \
	{ $(GO) test -run '^$$' -bench '^(BenchmarkSaveCustomer|BenchmarkOrderSave)$$' -benchtime 200x -count $(QUICK_COUNT) ./store; \
	  ORDERDESK_BENCH_SMALL=1 $(GO) test -run '^$$' -bench '^(BenchmarkColdStart|BenchmarkFilterKeystroke)$$' -benchtime 2s -timeout 30m ./tui; \
	  ORDERDESK_BENCH_SMALL=1 $(GO) test -run '^$$' -bench '^BenchmarkProcessStart$$' -benchtime 20x -timeout 30m ./cmd/orderdesk; \
	  ORDERDESK_BENCH_SMALL=1 $(GO) test -run '^$$' -bench '^BenchmarkEveryScreenMemory$$' -benchtime 1x -timeout 30m ./tui; \
	  ORDERDESK_BENCH_SMALL=1 $(GO) test -run '^$$' -bench '^BenchmarkOrdersFilterKeystroke$$' -benchtime 2s -timeout 30m ./tui/orders; \
	  $(GO) test -run '^$$' -bench '^BenchmarkOffice$$' -benchtime 1x ./sshserver -load 5s -sessions 20; \
	} 2>&1 | tee $$out; echo; $(GO) run ./internal/benchtable < $$out; rm -f $$out

demo: build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	./$(BIN) --db $(DEMO_DB) demo --customers $(CUSTOMERS) --invoice-volume $(INVOICE_VOLUME)
	@echo "work in it: make run DB=$(DEMO_DB)"

vet:
	$(GO) vet ./...

fmt:
	gofmt -l -w .

fmt-check:
	@out="$$(gofmt -l .)"; if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

clean:
	rm -rf bin
