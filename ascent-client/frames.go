package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Frame types of protocol v1 (docs/daemon.md): one byte type, four bytes big-endian payload length, payload.
const (
	frameRequest byte = 'Q' // client → server, once, first: the request as JSON
	frameSignal  byte = 'S' // client → server: a signal the client received, 4-byte big-endian number
	frameStdout  byte = 'O' // server → client: bytes for standard output
	frameStderr  byte = 'E' // server → client: bytes for standard error
	frameExit    byte = 'X' // server → client, last: 4-byte big-endian exit status
)

// maxPayload is the protocol's limit; a bigger frame is a protocol error and ends the connection.
const maxPayload = 16 << 20

var errFrameTooBig = errors.New("frame payload over 16 MiB")

// writeFrame writes one whole frame with a single Write, so that frames written from two goroutines under one
// lock never interleave.
func writeFrame(w io.Writer, kind byte, payload []byte) error {
	if len(payload) > maxPayload {
		return errFrameTooBig
	}
	buf := make([]byte, 5+len(payload))
	buf[0] = kind
	binary.BigEndian.PutUint32(buf[1:5], uint32(len(payload)))
	copy(buf[5:], payload)
	_, err := w.Write(buf)
	return err
}

// readFrame reads one frame. A length over the limit is refused before anything is allocated for it.
func readFrame(r io.Reader) (byte, []byte, error) {
	var header [5]byte
	if _, err := io.ReadFull(r, header[:]); err != nil {
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(header[1:5])
	if n > maxPayload {
		return 0, nil, errFrameTooBig
	}
	payload := make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return 0, nil, err
	}
	return header[0], payload, nil
}

// uint32Payload encodes a signal number or an exit status.
func uint32Payload(v uint32) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], v)
	return b[:]
}

// parseUint32Payload decodes the payload of an S or X frame.
func parseUint32Payload(kind byte, payload []byte) (uint32, error) {
	if len(payload) != 4 {
		return 0, fmt.Errorf("%q frame with %d bytes instead of 4", kind, len(payload))
	}
	return binary.BigEndian.Uint32(payload), nil
}
