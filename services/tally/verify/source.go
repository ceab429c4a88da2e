package verify

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// Source is the files of an export.
type Source interface {
	// ReadFile returns a file of the export; fs.ErrNotExist when it has none.
	ReadFile(name string) ([]byte, error)
	// Names lists every file the export holds, so that a file added to it
	// is seen: verification refuses any name that is not an export file.
	Names() ([]string, error)
}

// Dir is an export unpacked into a directory.
type Dir string

// ReadFile implements Source.
func (d Dir) ReadFile(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(string(d), name))
}

// Names implements Source: every file and directory under d, by its path
// relative to d with "/" between the parts.
func (d Dir) Names() ([]string, error) {
	var out []string
	err := filepath.WalkDir(string(d), func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(string(d), path)
		if err != nil || rel == "." {
			return err
		}
		name := filepath.ToSlash(rel)
		if e.IsDir() {
			name += "/"
		}
		out = append(out, name)
		return nil
	})
	slices.Sort(out)
	return out, err
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

// Names implements Source.
func (f Files) Names() ([]string, error) { return slices.Sorted(maps.Keys(f)), nil }

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
