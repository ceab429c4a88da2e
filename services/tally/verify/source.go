package verify

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Source is the files of an export.
type Source interface {
	// ReadFile returns a file of the export; fs.ErrNotExist when it has none.
	ReadFile(name string) ([]byte, error)
}

// Dir is an export unpacked into a directory.
type Dir string

// ReadFile implements Source.
func (d Dir) ReadFile(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(string(d), name))
}

// Files is an export held in memory, by file name.
type Files map[string][]byte

// ReadFile implements Source.
func (f Files) ReadFile(name string) ([]byte, error) {
	b, ok := f[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return b, nil
}

// Open opens an export: a directory, or a ZIP archive as ExportElection
// and `mandatectl export` write it.
func Open(path string) (Source, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return Dir(path), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadZip(f, st.Size())
}

// ReadZip reads an export from a ZIP archive. A file that appears twice is
// an error: which one would count?
func ReadZip(r io.ReaderAt, size int64) (Files, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("not a ZIP archive: %w", err)
	}
	out := Files{}
	for _, f := range zr.File {
		if _, dup := out[f.Name]; dup {
			return nil, fmt.Errorf("the archive holds %s twice", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		out[f.Name] = b
	}
	return out, nil
}

func missing(err error) bool { return errors.Is(err, fs.ErrNotExist) }
