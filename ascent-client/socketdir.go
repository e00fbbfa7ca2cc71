package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// defaultSocketDir is $XDG_RUNTIME_DIR/ascent, or /tmp/ascent-<uid> without it.
func defaultSocketDir() string {
	if runtime := os.Getenv("XDG_RUNTIME_DIR"); runtime != "" {
		return filepath.Join(runtime, "ascent")
	}
	return filepath.Join(os.TempDir(), "ascent-"+strconv.Itoa(os.Getuid()))
}

// prepareSocketDir creates the folder (mode 0700) when it is missing, then checks that it can be trusted: another
// user who can write into it could put a socket there that receives our environment (tokens included), or swap the
// daemon's log. A symlink is refused even when it points at a good folder, because its target can be changed.
func prepareSocketDir(dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) {
		return fmt.Errorf("cannot create %s: %v", dir, underlying(err))
	}
	return checkSocketDir(dir)
}

func checkSocketDir(dir string) error {
	info, err := os.Lstat(dir)
	if err != nil {
		return fmt.Errorf("cannot read %s: %v", dir, underlying(err))
	}
	if info.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("%s is a symbolic link", dir)
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a folder", dir)
	}
	if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Getuid() {
		return fmt.Errorf("%s belongs to uid %d, not to uid %d", dir, st.Uid, os.Getuid())
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Errorf("%s has mode %04o; it must grant nothing to group or others (chmod 700)", dir, perm)
	}
	return nil
}

// underlying drops the "op path:" prefix of an *os.PathError, whose path the caller names already.
func underlying(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
