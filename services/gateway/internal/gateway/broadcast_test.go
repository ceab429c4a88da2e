package gateway

import (
	"io"
	"net"
	"sync"
	"testing"
	"time"
)

// TestBroadcastStalledReaders: with hundreds of watchers, a message reaches
// every reading watcher and exactly the stalled ones are returned, whether
// the writes ran inline or on several writers.
func TestBroadcastStalledReaders(t *testing.T) {
	for _, n := range []int{10, 700} {
		subs := map[*watchSub]struct{}{}
		stalled := map[*watchSub]bool{}
		var readers sync.WaitGroup
		msg := []byte("5\r\nhello\r\n")
		for i := range n {
			server, client := net.Pipe()
			t.Cleanup(func() { _ = server.Close(); _ = client.Close() })
			sub := &watchSub{conn: server}
			subs[sub] = struct{}{}
			if i%3 == 0 {
				stalled[sub] = true // nobody reads the client end
				continue
			}
			readers.Add(1)
			go func() {
				defer readers.Done()
				got := make([]byte, len(msg))
				if _, err := io.ReadFull(client, got); err != nil || string(got) != string(msg) {
					t.Errorf("watcher read %q, %v", got, err)
				}
			}()
		}
		failed := broadcast(subs, msg, 20*time.Millisecond)
		readers.Wait()
		if len(failed) != len(stalled) {
			t.Fatalf("%d watchers: %d failed, want the %d stalled", n, len(failed), len(stalled))
		}
		for _, sub := range failed {
			if !stalled[sub] {
				t.Fatalf("%d watchers: a reading watcher was dropped", n)
			}
		}
	}
}
