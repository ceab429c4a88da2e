package verify

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// Source is the files of an export. Verification reads each file as a
// stream, once: the files of a national election are gigabytes.
type Source interface {
	// Open opens a file of the export; fs.ErrNotExist when it has none.
	Open(name string) (io.ReadCloser, error)
	// Names lists every file the export holds, so that a file added to it
	// is seen: verification refuses any name that is not an export file.
	Names() ([]string, error)
	// Close releases what the source holds open.
	Close() error
}

// ReadFile reads a whole file of an export: for the small ones (the key,
// the checkpoint).
func ReadFile(src Source, name string) ([]byte, error) {
	f, err := src.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Dir is an export unpacked into a directory.
type Dir string

// Open implements Source.
func (d Dir) Open(name string) (io.ReadCloser, error) {
	return os.Open(filepath.Join(string(d), name))
}

// Close implements Source.
func (d Dir) Close() error { return nil }

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

// Open implements Source.
func (f Files) Open(name string) (io.ReadCloser, error) {
	b, ok := f[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

// Close implements Source.
func (f Files) Close() error { return nil }

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
	z, err := OpenZip(f, st.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	z.closer = f
	return z, nil
}

// Zip is an export in a ZIP archive, each file decompressed as it is read.
type Zip struct {
	files  map[string]*zip.File
	closer io.Closer
}

// OpenZip opens an export in a ZIP archive. A file that appears twice is
// an error: which one would count?
func OpenZip(r io.ReaderAt, size int64) (*Zip, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("not a ZIP archive: %w", err)
	}
	z := &Zip{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		if _, dup := z.files[f.Name]; dup {
			return nil, fmt.Errorf("the archive holds %s twice", f.Name)
		}
		z.files[f.Name] = f
	}
	return z, nil
}

// Open implements Source.
func (z *Zip) Open(name string) (io.ReadCloser, error) {
	f, ok := z.files[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return f.Open()
}

// Names implements Source.
func (z *Zip) Names() ([]string, error) { return slices.Sorted(maps.Keys(z.files)), nil }

// Close implements Source: the file Open opened.
func (z *Zip) Close() error {
	if z.closer == nil {
		return nil
	}
	return z.closer.Close()
}

// ReadZip reads a whole export from a ZIP archive into memory, for
// changing its files (tests of what verification catches).
func ReadZip(r io.ReaderAt, size int64) (Files, error) {
	z, err := OpenZip(r, size)
	if err != nil {
		return nil, err
	}
	out := Files{}
	for name := range z.files {
		b, err := ReadFile(z, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = b
	}
	return out, nil
}

func missing(err error) bool { return errors.Is(err, fs.ErrNotExist) }
