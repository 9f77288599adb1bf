//go:build linux

package pgcluster

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestTheServerEndsWithAKilledProcess starts a cluster in a child
// process, kills that process outright and checks the server went too:
// a test that dies must not leave servers behind.
func TestTheServerEndsWithAKilledProcess(t *testing.T) {
	if os.Getenv("PGCLUSTER_CHILD") == "1" {
		c, err := Start(context.Background())
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("dir", c.Dir)
		time.Sleep(time.Minute) // killed long before
		return
	}
	child := exec.Command(os.Args[0], "-test.run", "^TestTheServerEndsWithAKilledProcess$")
	child.Env = append(os.Environ(), "PGCLUSTER_CHILD=1")
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	dir, ok := strings.CutPrefix(strings.TrimSpace(line), "dir ")
	if err != nil || !ok {
		child.Process.Kill()
		t.Fatalf("child said %q, %v", line, err)
	}
	defer os.RemoveAll(dir)
	pid := postmasterPID(t, filepath.Join(dir, "data"))
	child.Process.Kill()
	child.Wait()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if syscall.Kill(pid, 0) != nil {
			return
		}
	}
	syscall.Kill(pid, syscall.SIGKILL)
	t.Fatalf("postgres %d still runs 10 s after the process that started it was killed", pid)
}

func postmasterPID(t *testing.T, data string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		t.Fatal(err)
	}
	return pid
}
