package cli

import (
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/tallylog"
	"github.com/mandate-project/mandate/services/tally/verify"
)

// download writes an election's export (a ZIP archive) to w.
func download(ctx context.Context, c tallyv1.TallyServiceClient, election string, w io.Writer) error {
	s, err := c.ExportElection(ctx, &tallyv1.ExportElectionRequest{Name: "elections/" + election})
	if err != nil {
		return err
	}
	for {
		m, err := s.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := w.Write(m.GetData()); err != nil {
			return err
		}
	}
}

// runExport: `mandatectl export` downloads an election's public export.
func runExport(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("export", errOut)
	cf := connFlags(fs, "127.0.0.1:50051")
	election := fs.String("election", "", "election id (required)")
	file := fs.String("out", "", "where to write the archive (default ELECTION-export.zip)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *election == "" {
		return fmt.Errorf("%w: --election is required", errUsage)
	}
	if *file == "" {
		*file = *election + "-export.zip"
	}
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	n, err := downloadTo(ctx, tallyv1.NewTallyServiceClient(conn), *election, *file)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "wrote %s (%d bytes)\n", *file, n)
	return nil
}

// downloadTo downloads an export into a file as it arrives (a national
// export is hundreds of megabytes), through a temporary file beside it so
// that a failed download leaves no partial archive under the name.
func downloadTo(ctx context.Context, c tallyv1.TallyServiceClient, election, file string) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(file), ".export-*.zip.part")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name()) // after the rename, nothing to remove
	w := &countWriter{w: bufio.NewWriterSize(tmp, 1<<16)}
	err = download(ctx, c, election, w)
	if err == nil {
		err = w.w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	return w.n, err
}

type countWriter struct {
	w *bufio.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// readKey reads a verifier key given as the key itself or as a file
// holding it.
func readKey(k string) (string, error) {
	if k == "" {
		return k, nil
	}
	if _, err := note.NewVerifier(k); err == nil {
		return k, nil
	}
	b, err := os.ReadFile(k)
	if err != nil {
		return "", fmt.Errorf("--key: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

// runVerify: `mandatectl verify` checks an export, offline or downloaded
// from a server, and prints what matched and what did not.
func runVerify(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("verify", errOut)
	cf := connFlags(fs, "")
	export := fs.String("export", "", "an export: a directory or a ZIP archive (offline)")
	election := fs.String("election", "", "with --server: the election to download and check")
	key := fs.String("key", "", "the tally's verifier key (name+hash+key) as the election authority publishes it, or a file holding it (default: the export's own, with a warning)")
	previous := fs.String("previous-checkpoint", "", "a checkpoint saved earlier (mandatectl log checkpoint): the log must extend it")
	protocol := fs.String("protocol", "", `a paper protocol to find: a file of "label: number" lines, or - to type it in`)
	save := fs.String("save", "", "with --server: also write the downloaded export here")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if (*export == "") == (*cf.server == "") {
		return fmt.Errorf("%w: give --export DIR|FILE, or --server ADDR --election ID", errUsage)
	}
	var opts verify.Options
	var err error
	if opts.Key, err = readKey(*key); err != nil {
		return err
	}
	if *previous != "" {
		if opts.Previous, err = os.ReadFile(*previous); err != nil {
			return fmt.Errorf("--previous-checkpoint: %w", err)
		}
	}
	if *protocol != "" {
		var r io.Reader = os.Stdin
		if *protocol != "-" {
			f, err := os.Open(*protocol)
			if err != nil {
				return fmt.Errorf("--protocol: %w", err)
			}
			defer f.Close()
			r = f
		} else {
			fmt.Fprintln(errOut, `type the protocol: "station: ID", then one "line or party: number" per line; end with Ctrl-D`)
		}
		p, err := verify.ParsePaper(r)
		if err != nil {
			return fmt.Errorf("--protocol: %w", err)
		}
		opts.Paper = &p
	}

	var src verify.Source
	var c tallyv1.TallyServiceClient
	if *export != "" {
		if src, err = verify.Open(*export); err != nil {
			return err
		}
		defer src.Close()
	} else {
		if *election == "" {
			return fmt.Errorf("%w: --server needs --election", errUsage)
		}
		conn, err := cf.dial()
		if err != nil {
			return err
		}
		defer conn.Close()
		c = tallyv1.NewTallyServiceClient(conn)
		// Into a file, not memory: --save's, or a temporary one.
		file := *save
		if file == "" {
			dir, err := os.MkdirTemp("", "mandate-verify-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			file = filepath.Join(dir, "export.zip")
		}
		if _, err := downloadTo(ctx, c, *election, file); err != nil {
			return fmt.Errorf("download the export: %w", err)
		}
		if src, err = verify.Open(file); err != nil {
			return err
		}
		defer src.Close()
	}
	rep := verify.Check(src, opts)
	if c != nil && rep.Checkpoint != nil {
		serverConsistent(ctx, c, src, opts.Key, rep)
	}
	if _, err := rep.WriteTo(out); err != nil {
		return err
	}
	if n := rep.Mismatches(); n > 0 {
		return fmt.Errorf("%d %s", n, map[bool]string{true: "mismatch", false: "mismatches"}[n == 1])
	}
	return nil
}

// serverConsistent asks the server to prove that its current log extends
// the exported one, and checks the proof.
func serverConsistent(ctx context.Context, c tallyv1.TallyServiceClient, src verify.Source, key string, rep *verify.Report) {
	if key == "" {
		b, err := verify.ReadFile(src, tallylog.FileKey)
		if err != nil {
			return
		}
		key = strings.TrimSpace(string(b))
	}
	v, err := note.NewVerifier(key)
	if err != nil {
		return
	}
	old := rep.Checkpoint
	p, err := c.GetConsistencyProof(ctx, &tallyv1.GetConsistencyProofRequest{Name: "elections/" + old.Election + "/log", FirstTreeSize: old.Size})
	if err != nil {
		rep.AddAbout(verify.AboutServer, verify.Mismatch, "server: no proof that its log extends the export: %v", err)
		return
	}
	now, err := tallylog.OpenCheckpoint([]byte(p.GetSecond().GetNote()), v)
	if err != nil {
		rep.AddAbout(verify.AboutServer, verify.Mismatch, "server: its current checkpoint does not check with the key: %v", err)
		return
	}
	var proof tlog.TreeProof
	for _, h := range p.GetHashes() {
		proof = append(proof, tlog.Hash(h))
	}
	if err := tlog.CheckTree(proof, now.Size, now.Root, old.Size, old.Root); err != nil {
		rep.AddAbout(verify.AboutServer, verify.Mismatch, "server: its current log (%d entries) does not extend the exported one: %v", now.Size, err)
		return
	}
	rep.Add(verify.OK, "server: its current log (%d entries) extends the exported one (consistency proof checked)", now.Size)
}

// runLog: `mandatectl log keygen` makes the tally's log signing key;
// `mandatectl log checkpoint` saves a signed checkpoint to check later.
func runLog(ctx context.Context, args []string, out, errOut io.Writer) error {
	usage := fmt.Errorf("%w: mandatectl log keygen [--name NAME] --out FILE | log checkpoint --election ID [--size N] [--out FILE]", errUsage)
	if len(args) == 0 {
		return usage
	}
	switch args[0] {
	case "keygen":
		fs := newFlags("log keygen", errOut)
		name := fs.String("name", "mandate-tally", "the key's name, which every checkpoint's signature shows (no spaces or +)")
		file := fs.String("out", "", "file for the signing key, for tallyd --log-key (required; written 0600)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *file == "" {
			return usage
		}
		skey, vkey, err := note.GenerateKey(rand.Reader, *name)
		if err != nil {
			return err
		}
		f, err := os.OpenFile(*file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintln(f, skey); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(out, "signing key written to %s; publish the verifier key:\n%s\n", *file, vkey)
		return nil
	case "checkpoint":
		fs := newFlags("log checkpoint", errOut)
		cf := connFlags(fs, "127.0.0.1:50051")
		election := fs.String("election", "", "election id (required)")
		size := fs.Int64("size", 0, "a tree size (default: the whole log now)")
		file := fs.String("out", "", "write the signed checkpoint here (default: print it)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *election == "" {
			return usage
		}
		conn, err := cf.dial()
		if err != nil {
			return err
		}
		defer conn.Close()
		which := "current"
		if *size > 0 {
			which = strconv.FormatInt(*size, 10)
		}
		cp, err := tallyv1.NewTallyServiceClient(conn).GetCheckpoint(ctx, &tallyv1.GetCheckpointRequest{Name: "elections/" + *election + "/checkpoints/" + which})
		if err != nil {
			return err
		}
		if *file == "" {
			_, err = io.WriteString(out, cp.GetNote())
			return err
		}
		return os.WriteFile(*file, []byte(cp.GetNote()), 0o644)
	}
	return usage
}
