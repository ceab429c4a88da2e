package tally

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"slices"
	"strings"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/form"
)

// The image (decision 101).
//
// Rebuilding the totals reads every protocol row of the store: 23 s for a
// country of a million stations, against a target of 5 s (issue 19). A
// Service that stops gracefully can instead write its memory image (units,
// each station's current protocols, phases, results version) and the next
// Service read it back, then catch up from the store on what changed after
// it. The image is only ever a shortcut: it is used for an election when
//
//   - the file is whole (its CRC-32C matches) and of this format;
//   - the election's stored definition is the one the image was made of
//     (SHA-256 of its JSON);
//   - the store's log, cut at the image's log size, has the tree hash the
//     image recorded: the log commits to every change up to the image's
//     results version, so the store holds exactly what the image was made
//     from (a store restored from an older backup, or another store, fails);
//   - the store is at most imageMaxBehind results versions ahead of it
//     (catching up reads changes one page at a time, slower than the
//     rebuild's scan over that many).
//
// Otherwise the election is rebuilt from the store as without an image.
// Aggregates are not in the image: they are summed again from the
// stations' protocols while reading, so the image cannot hold totals that
// differ from its own protocols.

// imageMagic opens an image file; the format number follows it.
const imageMagic = "MANDATE-TALLY-IMAGE\n"

const imageFormat = 1

// imageMaxBehind is how many results versions the store may be ahead of an
// election's image for the image to be used and caught up.
const imageMaxBehind = 50_000

var imageCRC = crc32.MakeTable(crc32.Castagnoli)

// ImageLoad says how NewServiceWith loaded one election.
type ImageLoad struct {
	Election string
	// FromImage: the image was used; CaughtUp results versions were then
	// read from the store.
	FromImage bool
	CaughtUp  int64
	// Refused says why an image was not used (empty when it was, or when
	// there was none).
	Refused string
}

// Loads reports how each election was loaded when the Service started,
// by election ID.
func (s *Service) Loads() []ImageLoad { return slices.Clone(s.loads) }

// WriteImage writes the memory image of every election to w, for
// ServiceOptions.Image of the next Service on the same store. Each
// election is written under its read lock, so it is the state at one
// results version; writes may go on meanwhile (a graceful stop writes it
// once they have drained).
func (s *Service) WriteImage(ctx context.Context, w io.Writer) error {
	iw := &imageWriter{w: bufio.NewWriterSize(w, 1<<20), crc: crc32.New(imageCRC)}
	iw.raw([]byte(imageMagic))
	iw.uvarint(imageFormat)
	ids := s.electionIDs()
	slices.Sort(ids)
	iw.uvarint(uint64(len(ids)))
	for _, id := range ids {
		es, err := s.election(id)
		if err != nil {
			return err
		}
		if err := s.writeElection(ctx, iw, es); err != nil {
			return fmt.Errorf("image of election %s: %w", id, err)
		}
	}
	if iw.err != nil {
		return iw.err
	}
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], iw.crc.Sum32())
	if _, err := iw.w.Write(sum[:]); err != nil {
		return err
	}
	return iw.w.Flush()
}

// An election's section: its header written directly, then its units and
// protocols walked four times in the same order (imagePass): once to size
// them, once for every string's bytes, once for every count vector's bytes,
// once for the rest (numbers and lengths). The reader then takes all the
// strings of an election as one allocation and the counts as another, and
// every unit ID, name, idempotency key or count vector is a slice of them:
// a million stations load with a few allocations each instead of a dozen
// (most of a start's time was the allocator and the collector).

// imagePass is what a walk of an election writes.
type imagePass int

const (
	passDirect  imagePass = iota // everything in place (the header)
	passSize                     // nothing: sums the strings' and blobs' lengths
	passStrings                  // the strings' bytes only
	passBlobs                    // the count vectors' bytes only
	passRecords                  // numbers, and the lengths of strings and blobs
)

func (s *Service) writeElection(ctx context.Context, iw *imageWriter, es *electionState) error {
	es.mu.RLock()
	defer es.mu.RUnlock()
	var root tlog.Hash
	if es.resultsLogSize > 0 {
		h, err := tlog.TreeHash(es.resultsLogSize, s.ledger.hashes(ctx, es.def.ID))
		if err != nil {
			return fmt.Errorf("tree hash at %d: %w", es.resultsLogSize, err)
		}
		root = h
	}
	defSum := sha256.Sum256([]byte(es.defJSON))
	iw.pass = passDirect
	iw.str(es.def.ID)
	iw.raw(defSum[:])
	iw.varint(es.resultsVersion)
	iw.varint(es.resultsLogSize)
	iw.raw(root[:])
	iw.uvarint(uint64(len(es.phases)))
	for _, p := range es.phases {
		iw.uvarint(uint64(p))
	}
	// Units parents first (depth first from the root, children in ID
	// order, as memory keeps them), each naming its parent by its position.
	order := make([]*node, 0, es.unitCount())
	pos := make(map[*node]uint64, es.unitCount())
	if es.root != nil {
		stack := []*node{es.root}
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			pos[n] = uint64(len(order))
			order = append(order, n)
			kids := n.kids()
			for i := len(kids) - 1; i >= 0; i-- {
				stack = append(stack, kids[i])
			}
		}
	}
	if len(order) != es.unitCount() {
		return fmt.Errorf("%d units reachable from the root of %d", len(order), es.unitCount())
	}
	walk := func() {
		for _, n := range order {
			iw.str(n.unit.ID)
			if n.parent == nil {
				iw.uvarint(0)
			} else {
				iw.uvarint(pos[n.parent] + 1)
			}
			iw.str(n.unit.Name)
			iw.varint(n.unit.Registered)
			if n.protos == nil {
				iw.uvarint(1)
				iw.str(n.unit.Level)
				continue
			}
			iw.uvarint(0) // a station
			for _, p := range n.protos {
				if p == nil {
					iw.uvarint(0)
					continue
				}
				iw.uvarint(1)
				iw.writeProto(p, n.unit.ID)
			}
		}
	}
	iw.pass, iw.strLen, iw.blobLen = passSize, 0, 0
	walk()
	iw.pass = passDirect
	iw.uvarint(uint64(len(order)))
	iw.uvarint(uint64(iw.strLen))
	iw.uvarint(uint64(iw.blobLen))
	for _, p := range []imagePass{passStrings, passBlobs, passRecords} {
		iw.pass = p
		walk()
	}
	// The stations in ID order, by position: the reader need not sort.
	iw.pass = passDirect
	iw.uvarint(uint64(len(es.stations)))
	for _, st := range es.stations {
		iw.uvarint(pos[st])
	}
	return iw.err
}

func (iw *imageWriter) writeProto(p *stationProto, station string) {
	iw.uvarint(uint64(p.version))
	iw.uvarint(uint64(p.kind))
	iw.varint(p.resultsVersion)
	iw.varint(p.submittedAt)
	iw.str(p.idempotencyKey(station))
	iw.str(p.reason())
	iw.str(p.submitter)
	if p.hexHash() {
		iw.uvarint(1)
		iw.fixed(p.hash[:])
	} else {
		iw.uvarint(0)
		iw.str(p.rare.hashText)
	}
	iw.blob(p.counts)
	iw.uvarint(uint64(len(p.warnings())))
	for _, w := range p.warnings() {
		iw.str(w.Code)
		iw.str(w.Message)
		iw.uvarint(uint64(w.Severity))
		iw.uvarint(uint64(len(w.Lines)))
		for _, l := range w.Lines {
			iw.str(l)
		}
		iw.varint(w.Left)
		iw.varint(w.Right)
	}
}

type imageWriter struct {
	w               *bufio.Writer
	crc             hash.Hash32
	buf             [binary.MaxVarintLen64]byte
	err             error
	pass            imagePass
	strLen, blobLen int
}

func (iw *imageWriter) raw(b []byte) {
	if iw.err != nil {
		return
	}
	iw.crc.Write(b)
	_, iw.err = iw.w.Write(b)
}

// numbers reports whether the pass writes numbers.
func (iw *imageWriter) numbers() bool { return iw.pass == passDirect || iw.pass == passRecords }

func (iw *imageWriter) uvarint(x uint64) {
	if iw.numbers() {
		iw.raw(binary.AppendUvarint(iw.buf[:0], x))
	}
}

func (iw *imageWriter) varint(x int64) {
	if iw.numbers() {
		iw.raw(binary.AppendVarint(iw.buf[:0], x))
	}
}

// fixed writes bytes of a fixed size in the records (a hash).
func (iw *imageWriter) fixed(b []byte) {
	if iw.numbers() {
		iw.raw(b)
	}
}

func (iw *imageWriter) str(s string) {
	switch iw.pass {
	case passSize:
		iw.strLen += len(s)
	case passRecords:
		iw.uvarint(uint64(len(s)))
	case passDirect:
		iw.uvarint(uint64(len(s)))
		fallthrough
	case passStrings:
		if iw.err == nil {
			iw.crc.Write([]byte(s))
			_, iw.err = iw.w.WriteString(s)
		}
	}
}

func (iw *imageWriter) blob(b []byte) {
	switch iw.pass {
	case passSize:
		iw.blobLen += len(b)
	case passRecords:
		iw.uvarint(uint64(len(b)))
	case passDirect:
		iw.uvarint(uint64(len(b)))
		fallthrough
	case passBlobs:
		iw.raw(b)
	}
}

// errImage marks an image that cannot be read as one: damaged, cut short,
// of another format or another store's definitions.
var errImage = errors.New("tally image")

// imageElection is an election's state as read from an image, before the
// store has confirmed it.
type imageElection struct {
	es       *electionState
	treeHash tlog.Hash
}

// readImage reads an image made against the stored definitions defs (by
// election ID). Any election of the image the store does not have, or
// has with another definition, refuses the whole image.
func readImage(r io.Reader, defs map[string]StoredElection) (map[string]*imageElection, error) {
	ir := &imageReader{r: bufio.NewReaderSize(r, 1<<20), crc: crc32.New(imageCRC)}
	magic := ir.bytes(len(imageMagic))
	if ir.err == nil && string(magic) != imageMagic {
		return nil, fmt.Errorf("%w: not an image", errImage)
	}
	if f := ir.uvarint(); ir.err == nil && f != imageFormat {
		return nil, fmt.Errorf("%w: format %d, not %d", errImage, f, imageFormat)
	}
	n := ir.count(1 << 20)
	out := make(map[string]*imageElection, n)
	for range n {
		if ir.err != nil {
			break
		}
		ie, err := ir.election(defs)
		if err != nil {
			return nil, err
		}
		if ie != nil {
			out[ie.es.def.ID] = ie
		}
	}
	if ir.err != nil {
		return nil, fmt.Errorf("%w: %v", errImage, ir.err)
	}
	want := ir.crc.Sum32()
	var sum [4]byte
	if _, err := io.ReadFull(ir.r, sum[:]); err != nil {
		return nil, fmt.Errorf("%w: no checksum: %v", errImage, err)
	}
	if binary.LittleEndian.Uint32(sum[:]) != want {
		return nil, fmt.Errorf("%w: checksum mismatch", errImage)
	}
	if _, err := ir.r.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("%w: bytes after the checksum", errImage)
	}
	return out, nil
}

// election reads an election's section; nil, nil when the reader failed
// (ir.err says why).
func (ir *imageReader) election(defs map[string]StoredElection) (*imageElection, error) {
	id := ir.directStr()
	defSum := ir.bytes(sha256.Size)
	if ir.err != nil {
		return nil, nil
	}
	se, ok := defs[id]
	if !ok {
		return nil, fmt.Errorf("%w: election %s is not in the store", errImage, id)
	}
	def := se.Election
	def.Units = nil
	defJSON := definitionJSON(def)
	if sum := sha256.Sum256([]byte(defJSON)); string(sum[:]) != string(defSum) {
		return nil, fmt.Errorf("%w: election %s has another definition in the store", errImage, id)
	}
	contests, err := form.CompileElection(def)
	if err != nil {
		return nil, fmt.Errorf("stored definition of %s no longer compiles: %w", id, err)
	}
	es := newElectionState(def, contests, defJSON)
	es.resultsVersion = ir.varint()
	es.resultsLogSize = ir.varint()
	ie := &imageElection{es: es}
	copy(ie.treeHash[:], ir.bytes(tlog.HashSize))
	if np := ir.count(1 << 16); np != len(es.phases) && ir.err == nil {
		return nil, fmt.Errorf("%w: election %s: %d phases for %d contests", errImage, id, np, len(es.phases))
	}
	for i := range es.phases {
		es.phases[i] = Phase(ir.uvarint())
	}
	nUnits := ir.count(1 << 31)
	strLen, blobLen := ir.count(1<<40), ir.count(1<<40)
	ir.strs = ir.block(strLen)
	ir.blobs = ir.blockBytes(blobLen)
	ir.strOff, ir.blobOff = 0, 0
	if ir.err == nil {
		ir.units(es, nUnits)
	}
	if ir.err == nil && (ir.strOff != len(ir.strs) || ir.blobOff != len(ir.blobs)) {
		ir.err = fmt.Errorf("election %s: %d of %d bytes of strings and %d of %d of counts used", id, ir.strOff, len(ir.strs), ir.blobOff, len(ir.blobs))
	}
	ir.strs, ir.blobs = "", nil
	if ir.err != nil {
		return nil, nil
	}
	return ie, nil
}

// units reads n units, parents first, with their stations' protocols,
// and the stations' order, into the empty state es.
func (ir *imageReader) units(es *electionState, n int) {
	nc := len(es.contests)
	slab := make([]node, n)
	es.nodes = map[string]*node{}  // units above stations only (tree.go)
	var protoSlots []*stationProto // every station's protos slice, cut from one array
	var vals []int64
	for i := range slab {
		nd := &slab[i]
		nd.unit.ID = ir.str()
		parent := ir.uvarint()
		nd.unit.Name = ir.str()
		nd.unit.Registered = ir.varint()
		inner := ir.uvarint() == 1
		if inner {
			nd.unit.Level = ir.str()
		}
		if ir.err != nil {
			return
		}
		// A station twice is refused with the station order below.
		if inner {
			if es.nodes[nd.unit.ID] != nil {
				ir.err = fmt.Errorf("unit %s twice", nd.unit.ID)
				return
			}
			es.nodes[nd.unit.ID] = nd
		}
		switch {
		case parent == 0 && es.root != nil:
			ir.err = fmt.Errorf("units %s and %s both without a parent", es.root.unit.ID, nd.unit.ID)
			return
		case parent == 0:
			es.root = nd
		case parent > uint64(i) || slab[parent-1].inner == nil:
			ir.err = fmt.Errorf("unit %s: its parent is not a unit listed before it", nd.unit.ID)
			return
		default:
			p := &slab[parent-1]
			if k := len(p.inner.children); k > 0 && p.inner.children[k-1].unit.ID >= nd.unit.ID {
				ir.err = fmt.Errorf("unit %s: children of %s out of order", nd.unit.ID, p.unit.ID)
				return
			}
			nd.parent = p
			nd.unit.Parent = p.unit.ID // one copy for all its children
			p.inner.children = append(p.inner.children, nd)
		}
		if inner {
			nd.inner = &innerNode{aggs: make([]*agg, nc)}
			es.view.inner = append(es.view.inner, nd)
			nd.inner.viewSlot = int32(len(es.view.inner))
			es.view.grown = true
			es.touch(nd)
			continue
		}
		nd.unit.Level = LevelStation
		if len(protoSlots) < nc {
			protoSlots = make([]*stationProto, nc*1024)
		}
		nd.protos, protoSlots = protoSlots[:nc:nc], protoSlots[nc:]
		for ci, cc := range es.contests {
			if ir.uvarint() == 0 {
				continue
			}
			p := ir.proto(es, nd.unit.ID)
			w := cc.Width()
			if cap(vals) < w {
				vals = make([]int64, w)
			}
			if ir.err != nil {
				return
			}
			if !unpackVals(p.counts, vals[:w]) {
				ir.err = fmt.Errorf("station %s: counts do not fit contest %s", nd.unit.ID, cc.ID)
				return
			}
			es.account(nd, ci, w, nil, p, vals[:w])
		}
	}
	nst := ir.count(n)
	es.stations = make([]*node, 0, nst)
	for range nst {
		i := ir.uvarint()
		if ir.err != nil {
			return
		}
		if i >= uint64(n) || slab[i].inner != nil {
			ir.err = fmt.Errorf("station order: %d is not a station", i)
			return
		}
		st := &slab[i]
		if es.nodes[st.unit.ID] != nil {
			ir.err = fmt.Errorf("unit %s twice", st.unit.ID)
			return
		}
		// Strictly increasing IDs: a station listed twice, or two stations
		// with one ID, are refused too.
		if k := len(es.stations); k > 0 && es.stations[k-1].unit.ID >= st.unit.ID {
			ir.err = fmt.Errorf("station order: %s after %s", st.unit.ID, es.stations[k-1].unit.ID)
			return
		}
		es.stations = append(es.stations, st)
		for a := st.parent; a != nil; a = a.parent {
			a.inner.nStations++
			a.inner.regAll += st.unit.Registered
		}
	}
	if ir.err == nil && n > 0 && len(es.stations)+len(es.view.inner) != n {
		ir.err = fmt.Errorf("%d stations in the station order, %d units in all", len(es.stations), n)
	}
}

func (ir *imageReader) proto(es *electionState, station string) *stationProto {
	if len(ir.protoSlab) == 0 {
		ir.protoSlab = make([]stationProto, 1024)
	}
	p := &ir.protoSlab[0]
	ir.protoSlab = ir.protoSlab[1:]
	p.version = int32(ir.uvarint())
	p.kind = ProtocolKind(ir.uvarint())
	p.resultsVersion = ir.varint()
	p.submittedAt = ir.varint()
	p.setKey(ir.str(), station, es.intern)
	reason := ir.str()
	p.submitter = es.intern(ir.str())
	var hashText string
	textHash := ir.uvarint() != 1
	if !textHash {
		if ir.err == nil {
			_, ir.err = io.ReadFull(ir.r, p.hash[:])
			ir.crc.Write(p.hash[:])
		}
	} else {
		hashText = ir.str()
	}
	p.counts = ir.blob()
	var warnings []Violation
	for range ir.count(1 << 16) {
		if ir.err != nil {
			break
		}
		w := Violation{Code: ir.str(), Message: ir.str(), Severity: Severity(ir.uvarint())}
		for range ir.count(1 << 16) {
			if ir.err != nil {
				break
			}
			w.Lines = append(w.Lines, ir.str())
		}
		w.Left, w.Right = ir.varint(), ir.varint()
		warnings = append(warnings, w)
	}
	p.setRare(reason, warnings, hashText, textHash)
	return p
}

// unpackVals decodes packVals's bytes into vals (exactly len(vals) of
// them) and reports whether they were exactly that many.
func unpackVals(b []byte, vals []int64) bool {
	for i := range vals {
		v, n := binary.Varint(b)
		if n <= 0 {
			return false
		}
		vals[i], b = v, b[n:]
	}
	return len(b) == 0
}

type imageReader struct {
	r   *bufio.Reader
	crc hash.Hash32
	err error
	// strs and blobs are the current election's strings and count
	// vectors, read up to strOff and blobOff.
	strs            string
	blobs           []byte
	strOff, blobOff int
	// protoSlab is where the next protocols are made, 1,024 at a time.
	protoSlab []stationProto
	vbuf      [binary.MaxVarintLen64]byte // a varint read (not on the heap per call)
}

func (ir *imageReader) bytes(n int) []byte {
	if ir.err != nil {
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(ir.r, b); err != nil {
		ir.err = err
		return nil
	}
	ir.crc.Write(b)
	return b
}

// block reads n bytes as one string.
func (ir *imageReader) block(n int) string {
	if ir.err != nil || n == 0 {
		return ""
	}
	var sb strings.Builder
	sb.Grow(min(n, 256<<20)) // a damaged length fails at the end of the file, not here
	if _, err := io.CopyN(&sb, io.TeeReader(ir.r, ir.crc), int64(n)); err != nil {
		ir.err = err
		return ""
	}
	return sb.String()
}

// blockBytes reads n bytes as one slice.
func (ir *imageReader) blockBytes(n int) []byte {
	if ir.err != nil || n == 0 {
		return nil
	}
	var b bytes.Buffer
	b.Grow(min(n, 256<<20))
	if _, err := io.CopyN(&b, io.TeeReader(ir.r, ir.crc), int64(n)); err != nil {
		ir.err = err
		return nil
	}
	return b.Bytes()
}

func (ir *imageReader) uvarint() uint64 {
	if ir.err != nil {
		return 0
	}
	buf := ir.vbuf[:]
	for i := range buf {
		c, err := ir.r.ReadByte()
		if err != nil {
			ir.err = err
			return 0
		}
		buf[i] = c
		if c < 0x80 {
			ir.crc.Write(buf[:i+1])
			x, n := binary.Uvarint(buf[:i+1])
			if n <= 0 {
				ir.err = errors.New("bad varint")
				return 0
			}
			return x
		}
	}
	ir.err = errors.New("varint too long")
	return 0
}

func (ir *imageReader) varint() int64 {
	u := ir.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

// count reads a length and refuses one above limit, so that a damaged
// image cannot make the reader allocate without bound.
func (ir *imageReader) count(limit int) int {
	n := ir.uvarint()
	if ir.err == nil && n > uint64(limit) {
		ir.err = fmt.Errorf("length %d above %d", n, limit)
	}
	if ir.err != nil {
		return 0
	}
	return int(n)
}

// directStr reads a string written in place (passDirect).
func (ir *imageReader) directStr() string {
	n := ir.count(1 << 24)
	if n == 0 {
		return ""
	}
	return string(ir.bytes(n))
}

// str takes the next string of the election's strings.
func (ir *imageReader) str() string {
	n := ir.count(len(ir.strs) - ir.strOff)
	s := ir.strs[ir.strOff : ir.strOff+n]
	ir.strOff += n
	return s
}

// blob takes the next count vector of the election's counts.
func (ir *imageReader) blob() []byte {
	n := ir.count(len(ir.blobs) - ir.blobOff)
	b := ir.blobs[ir.blobOff : ir.blobOff+n : ir.blobOff+n]
	ir.blobOff += n
	return b
}

// fromImage makes an election's state from its image once the store
// confirms it, catching up on what the store has after it; refused says
// why not.
func (s *Service) fromImage(ctx context.Context, se StoredElection, ie *imageElection) (es *electionState, caughtUp int64, refused string, err error) {
	es = ie.es
	switch {
	case se.ResultsVersion < es.resultsVersion || se.ResultsLogSize < es.resultsLogSize:
		return nil, 0, fmt.Sprintf("the store is at results version %d, the image at %d", se.ResultsVersion, es.resultsVersion), nil
	case se.ResultsVersion-es.resultsVersion > imageMaxBehind:
		return nil, 0, fmt.Sprintf("the store is %d results versions ahead of the image", se.ResultsVersion-es.resultsVersion), nil
	case se.UnitCount < es.unitCount():
		return nil, 0, fmt.Sprintf("the store has %d units, the image %d", se.UnitCount, es.unitCount()), nil
	}
	if es.resultsLogSize > 0 {
		root, err := tlog.TreeHash(es.resultsLogSize, tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
			return s.store.ReadHashes(ctx, se.Election.ID, idx)
		}))
		if err != nil {
			return nil, 0, "", fmt.Errorf("tree hash at %d: %w", es.resultsLogSize, err)
		}
		if root != ie.treeHash {
			return nil, 0, fmt.Sprintf("the store's log at size %d has another tree hash", es.resultsLogSize), nil
		}
	}
	es.view.presign = s.presign
	from := es.resultsVersion
	if err := s.syncUnits(ctx, es, se.UnitCount); err != nil {
		return nil, 0, "", err
	}
	if err := s.catchUp(ctx, es, se.ResultsVersion); err != nil {
		return nil, 0, "", err
	}
	es.publish()
	return es, es.resultsVersion - from, "", nil
}
