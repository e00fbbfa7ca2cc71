package main

import (
	"bytes"
	"fmt"
	"os"
	"syscall"
	"testing"
	"unsafe"
)

// openPty opens a pseudo-terminal pair through /dev/ptmx, as posix_openpt, unlockpt and ptsname do: the standard
// library has no terminal of its own to hand a child process.
func openPty(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("no pseudo-terminal on this machine: %v", err)
	}
	var unlock int32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCSPTLCK,
		uintptr(unsafe.Pointer(&unlock))); errno != 0 {
		t.Fatalf("unlockpt: %v", errno)
	}
	var n uint32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCGPTN,
		uintptr(unsafe.Pointer(&n))); errno != 0 {
		t.Fatalf("ptsname: %v", errno)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { slave.Close(); master.Close() })
	return master, slave
}

func TestShouldTellTheServerWhichOfItsStreamsAreTerminals(t *testing.T) {
	f := newFixture(t)
	_, slave := openPty(t)
	cmd := f.client(nil, "tty")
	var out bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, &out, slave
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	// The server's help colours need standard input as well as output (docs/daemon.md): each flag is its own stream's.
	if out.String() != "stdin=true stdout=false stderr=true\n" {
		t.Fatalf("terminal flags %q, want stdin and stderr on the terminal, stdout a pipe", out.String())
	}
}
