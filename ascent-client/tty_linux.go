package main

import (
	"syscall"
	"unsafe"
)

// isTerminal tells the server whether the client's stream is a terminal (the CLI colours and shows progress only
// there); a character device such as /dev/null is not one, so a stat is not enough.
func isTerminal(fd uintptr) bool {
	var t syscall.Termios
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TCGETS, uintptr(unsafe.Pointer(&t)))
	return errno == 0
}
