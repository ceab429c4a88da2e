package verify

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// lineCompare compares a file of the export with its rendering from the
// log, as the rendering is written to it, a line at a time: neither is
// ever whole in memory. Lines are the pieces strings.SplitAfter(s, "\n")
// gives, so a file has one more line than it has newlines (the last one
// empty when it ends with a newline).
type lineCompare struct {
	got     *bufio.Reader
	gotDone bool  // got's last piece was read
	gotErr  error // reading got failed (not at its end)
	partial []byte
	n       int // pieces compared
	nGot    int
	nWant   int
	same    bool
	diffs   []lineDiff // the first maxShown
}

type lineDiff struct {
	line      int
	got, want string
}

const maxShown = 3

func newLineCompare(got io.Reader) *lineCompare {
	return &lineCompare{got: bufio.NewReaderSize(got, 1<<16), same: true}
}

// Write implements io.Writer for the rendering.
func (c *lineCompare) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			c.partial = append(c.partial, p...)
			break
		}
		if len(c.partial) > 0 {
			c.partial = append(c.partial, p[:i+1]...)
			c.piece(c.partial)
			c.partial = c.partial[:0]
		} else {
			c.piece(p[:i+1])
		}
		p = p[i+1:]
	}
	return n, nil
}

// piece compares the rendering's next piece with the file's.
func (c *lineCompare) piece(want []byte) {
	c.nWant++
	c.compare(c.nextGot(), string(want))
}

func (c *lineCompare) compare(got, want string) {
	c.n++
	if got == want {
		return
	}
	c.same = false
	if len(c.diffs) < maxShown {
		c.diffs = append(c.diffs, lineDiff{line: c.n, got: got, want: want})
	}
}

// nextGot is the file's next piece, "" past its last.
func (c *lineCompare) nextGot() string {
	if c.gotDone {
		return ""
	}
	s, err := c.got.ReadString('\n')
	switch {
	case errors.Is(err, io.EOF):
		c.gotDone = true
	case err != nil:
		c.gotDone, c.gotErr = true, err
	}
	c.nGot++
	return s
}

// finish compares the rendering's last piece and counts the file's that
// are left: after it, the comparison is complete.
func (c *lineCompare) finish() {
	c.nWant++
	c.compare(c.nextGot(), string(c.partial))
	for !c.gotDone {
		c.compare(c.nextGot(), "")
	}
	if c.nGot != c.nWant {
		c.same = false
	}
}
