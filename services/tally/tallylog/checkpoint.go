package tallylog

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// OriginPrefix starts the first line of every checkpoint; the election id
// follows it.
const OriginPrefix = "mandate.dev/elections/"

// Checkpoint is a signed statement of an election's log: its size and the
// root hash of the tree of its first Size leaves. Its text is three lines
// (the conventions of golang.org/x/mod/sumdb and C2SP checkpoints):
//
//	mandate.dev/elections/kz-2012
//	115
//	hkN5...base64 of the root hash...=
//
// and Note is that text signed in the signed-note format.
type Checkpoint struct {
	Election string
	Size     int64
	Root     tlog.Hash
	// Note is the signed note: the text, a blank line and the signatures.
	Note []byte
}

// CheckpointText is the text a checkpoint signs.
func CheckpointText(election string, size int64, root tlog.Hash) string {
	return OriginPrefix + election + "\n" + strconv.FormatInt(size, 10) + "\n" +
		base64.StdEncoding.EncodeToString(root[:]) + "\n"
}

// ParseCheckpointText reads what CheckpointText writes.
func ParseCheckpointText(text string) (Checkpoint, error) {
	var c Checkpoint
	lines := strings.SplitAfter(text, "\n")
	if len(lines) != 4 || lines[3] != "" {
		return c, errors.New("checkpoint: want three lines")
	}
	origin := strings.TrimSuffix(lines[0], "\n")
	election, ok := strings.CutPrefix(origin, OriginPrefix)
	if !ok || election == "" {
		return c, fmt.Errorf("checkpoint: origin %q is not %s<election>", origin, OriginPrefix)
	}
	size, err := strconv.ParseInt(strings.TrimSuffix(lines[1], "\n"), 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10)+"\n" != lines[1] {
		return c, fmt.Errorf("checkpoint: bad size %q", strings.TrimSpace(lines[1]))
	}
	h, err := base64.StdEncoding.DecodeString(strings.TrimSuffix(lines[2], "\n"))
	if err != nil || len(h) != len(c.Root) {
		return c, fmt.Errorf("checkpoint: bad root hash %q", strings.TrimSpace(lines[2]))
	}
	c.Election, c.Size = election, size
	copy(c.Root[:], h)
	return c, nil
}

// SignCheckpoint signs the checkpoint of a tree.
func SignCheckpoint(s note.Signer, election string, size int64, root tlog.Hash) (Checkpoint, error) {
	msg, err := note.Sign(&note.Note{Text: CheckpointText(election, size, root)}, s)
	if err != nil {
		return Checkpoint{}, err
	}
	return Checkpoint{Election: election, Size: size, Root: root, Note: msg}, nil
}

// OpenCheckpoint checks a signed checkpoint against the tally's verifier
// key (a note verifier key, "name+hash+key") and parses it. The note must
// be exactly what SignCheckpoint writes: the text and that one signature.
func OpenCheckpoint(msg []byte, v note.Verifier) (Checkpoint, error) {
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		return Checkpoint{}, err
	}
	if len(n.Sigs) != 1 || len(n.UnverifiedSigs) != 0 ||
		string(msg) != n.Text+"\n\u2014 "+n.Sigs[0].Name+" "+n.Sigs[0].Base64+"\n" {
		return Checkpoint{}, errors.New("checkpoint: not one signed text and its one signature")
	}
	// The signature's base64 must be the one encoding of its bytes (a
	// decoder ignores the bits of the last character that pad).
	if sig, err := base64.StdEncoding.Strict().DecodeString(n.Sigs[0].Base64); err != nil ||
		base64.StdEncoding.EncodeToString(sig) != n.Sigs[0].Base64 {
		return Checkpoint{}, errors.New("checkpoint: the signature is not in canonical base64")
	}
	c, err := ParseCheckpointText(n.Text)
	if err != nil {
		return c, err
	}
	c.Note = msg
	return c, nil
}

// NewSigner parses a note signer key ("PRIVATE+KEY+name+hash+key", as
// note.GenerateKey makes them) and returns the signer with its verifier
// key ("name+hash+key"), which is what checkpoints are checked with.
func NewSigner(skey string) (note.Signer, string, error) {
	s, err := note.NewSigner(strings.TrimSpace(skey))
	if err != nil {
		return nil, "", fmt.Errorf("log key: %w", err)
	}
	fields := strings.SplitN(strings.TrimSpace(skey), "+", 5)
	raw, err := base64.StdEncoding.DecodeString(fields[len(fields)-1])
	if err != nil || len(raw) != 1+ed25519.SeedSize || raw[0] != 1 {
		return nil, "", errors.New("log key: not an Ed25519 note key")
	}
	pub := ed25519.NewKeyFromSeed(raw[1:]).Public().(ed25519.PublicKey)
	vkey, err := note.NewEd25519VerifierKey(s.Name(), pub)
	if err != nil {
		return nil, "", err
	}
	return s, vkey, nil
}
