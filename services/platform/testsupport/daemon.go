package testsupport

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Daemon is a daemon process started by Start.
type Daemon struct {
	// Addr is the address of its "serving" log line.
	Addr string
	// Log is the file its stderr goes to.
	Log  string
	cmd  *exec.Cmd
	done chan struct{}
	once sync.Once
	tb   testing.TB
}

// Start runs bin with args, its stderr (JSON log lines) copied to logFile
// (a file in the test's temporary directory when empty), and waits for the
// line whose msg is serving: its addr is the daemon's address. The daemon
// is stopped when the test ends; the last lines of its log are shown when
// the test failed.
func Start(tb testing.TB, bin, logFile, serving string, args ...string) *Daemon {
	tb.Helper()
	name := filepath.Base(bin)
	if logFile == "" {
		logFile = filepath.Join(tb.TempDir(), name+".log")
	}
	logf, err := os.Create(logFile)
	if err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	pipe, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	d := &Daemon{Log: logFile, cmd: cmd, done: make(chan struct{}), tb: tb}
	addr := make(chan string, 1)
	go func() {
		defer close(d.done)
		sc := bufio.NewScanner(io.TeeReader(pipe, logf))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == serving {
				select {
				case addr <- line.Addr:
				default:
				}
			}
		}
	}()
	tb.Cleanup(func() {
		d.Stop()
		logf.Close()
		if tb.Failed() {
			b, _ := os.ReadFile(logFile)
			lines := strings.Split(strings.TrimSpace(string(b)), "\n")
			tb.Logf("%s log (last lines):\n%s", name, strings.Join(lines[max(0, len(lines)-15):], "\n"))
		}
	})
	select {
	case d.Addr = <-addr:
		return d
	case <-d.done:
		tb.Fatalf("%s exited before serving; see %s", name, logFile)
	case <-time.After(2 * time.Minute):
		tb.Fatalf("%s did not serve within 2 minutes", name)
	}
	return d
}

// Stop sends SIGINT and waits for the daemon to exit, killing it after 20 s
// (an error of the test). Later calls do nothing.
func (d *Daemon) Stop() {
	d.once.Do(func() {
		_ = d.cmd.Process.Signal(os.Interrupt)
		select {
		case <-d.done:
		case <-time.After(20 * time.Second):
			_ = d.cmd.Process.Kill()
			d.tb.Errorf("%s did not stop within 20 s of SIGINT", filepath.Base(d.cmd.Path))
		}
		_ = d.cmd.Wait()
	})
}
