package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"syscall"
)

// request is the Q frame's JSON.
type request struct {
	Version   int               `json:"version"`
	Cwd       string            `json:"cwd"`
	Args      []string          `json:"args"`
	Env       map[string]string `json:"env"`
	StdinTty  bool              `json:"stdinTty"`
	StdoutTty bool              `json:"stdoutTty"`
	StderrTty bool              `json:"stderrTty"`
}

// errNoAnswer: the connection ended, or broke the protocol, before the X frame.
var errNoAnswer = errors.New("the resident engine ended without an answer")

// environment is this process's environment as a map; the first of duplicate names wins, as getenv(3) finds it.
func environment() map[string]string {
	env := make(map[string]string)
	for _, kv := range os.Environ() {
		for i := 0; i < len(kv); i++ {
			if kv[i] == '=' {
				if _, seen := env[kv[:i]]; !seen {
					env[kv[:i]] = kv[i+1:]
				}
				break
			}
		}
	}
	return env
}

// session is one request on one connection.
type session struct {
	conn    net.Conn
	writeMu sync.Mutex // the signal goroutine and the request share the connection's write side
}

func (s *session) send(kind byte, payload []byte) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return writeFrame(s.conn, kind, payload)
}

// run sends the request, forwards every signal from sigs as an S frame, copies O and E frames to stdout and
// stderr, and returns the X frame's status. Output that cannot be written (a closed pipe) is dropped, as the JVM
// of a direct run drops it, so the run still ends as the server decides.
func (s *session) run(req request, sigs <-chan os.Signal, stdout, stderr io.Writer) (int, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return 0, err
	}
	if err := s.send(frameRequest, body); err != nil {
		return 0, errNoAnswer
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case sig := <-sigs:
				if n, ok := sig.(syscall.Signal); ok {
					// A failed send means the connection is gone; the reader below sees that too.
					_ = s.send(frameSignal, uint32Payload(uint32(n)))
				}
			case <-done:
				return
			}
		}
	}()
	in := bufio.NewReaderSize(s.conn, 64<<10)
	for {
		kind, payload, err := readFrame(in)
		if err != nil {
			return 0, errNoAnswer
		}
		switch kind {
		case frameStdout:
			_, _ = stdout.Write(payload)
		case frameStderr:
			_, _ = stderr.Write(payload)
		case frameExit:
			status, err := parseUint32Payload(kind, payload)
			if err != nil {
				return 0, errNoAnswer
			}
			return int(status), nil
		default:
			return 0, errNoAnswer // an unknown frame type: the protocol is broken, nothing after it can be trusted
		}
	}
}
