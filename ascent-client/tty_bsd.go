//go:build darwin || freebsd || netbsd || openbsd

package main

import (
	"syscall"
	"unsafe"
)

// isTerminal: see tty_linux.go.
func isTerminal(fd uintptr) bool {
	var t syscall.Termios
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCGETA, uintptr(unsafe.Pointer(&t)))
	return errno == 0
}
