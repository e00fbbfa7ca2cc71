package main

// The test binary plays three parts besides running the tests, chosen by ASCENT_CLIENT_TEST_ROLE:
//   client  the client itself (main), so that tests run it as a whole process: signals, exec and exit status
//           are real;
//   java    the `java` the client runs: with io.ascent.cli.daemon.DaemonMain among its arguments a fake daemon
//           that speaks protocol v1, with -jar a fake direct run that prints its arguments and exits 7.
// The fake daemon answers according to the request's first argument (fakeDaemon.serve).

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const roleVariable = "ASCENT_CLIENT_TEST_ROLE"

func TestMain(m *testing.M) {
	switch os.Getenv(roleVariable) {
	case "client":
		os.Unsetenv(roleVariable)
		main()
	case "java":
		os.Exit(fakeJava(os.Args[1:]))
	default:
		os.Exit(m.Run())
	}
}

// fakeJava is the JVM: a daemon, or a direct run.
func fakeJava(args []string) int {
	for i, a := range args {
		if a == "io.ascent.cli.daemon.DaemonMain" {
			return fakeDaemonMain(args[i+1:])
		}
		if a == "-jar" {
			fmt.Printf("direct run: %s\n", strings.Join(args, " "))
			return 7
		}
	}
	fmt.Fprintln(os.Stderr, "fake java: unexpected arguments", args)
	return 99
}

// fakeDaemonMain: --socket PATH --idle D. It notes each start in <folder>/starts (the lock test counts them) and
// its pid in <folder>/pids (the tests stop it), waits FAKE_DAEMON_DELAY before it listens (to let a second client
// race), and exits after the idle time without a connection.
func fakeDaemonMain(args []string) int {
	var socket string
	idle := 20 * time.Second
	for i := 0; i+1 < len(args); i++ {
		switch args[i] {
		case "--socket":
			socket = args[i+1]
		case "--idle":
			d, err := time.ParseDuration(args[i+1])
			if err == nil {
				idle = d
			}
		}
	}
	dir := filepath.Dir(socket)
	appendLine(filepath.Join(dir, "starts"), strconv.Itoa(os.Getpid()))
	if d, err := time.ParseDuration(os.Getenv("FAKE_DAEMON_DELAY")); err == nil {
		time.Sleep(d)
	}
	if os.Getenv("FAKE_DAEMON_FAIL") != "" {
		fmt.Fprintln(os.Stderr, "fake daemon: failing on purpose")
		return 1
	}
	l, err := net.Listen("unix", socket)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fake daemon:", err)
		return 3
	}
	defer l.Close()
	go func() {
		time.Sleep(idle)
		os.Exit(0)
	}()
	for {
		c, err := l.Accept()
		if err != nil {
			return 3
		}
		go serveFake(c)
	}
}

func appendLine(path, line string) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintln(f, line)
}

// serveFake answers one request according to its first argument:
//
//	echo ARGS...     O: the arguments, one per line; E: "to stderr\n"; X 0
//	cwd              O: the request's cwd; X 0
//	env NAME         O: the request's value of NAME; X 0
//	tty              O: "stdin=<bool> stdout=<bool> stderr=<bool>", each as sent ("absent" when not); X 0
//	status N         X N
//	wait-signal      O: "running\n", then waits for an S frame; E: "stopped by signal N\n"; X 128+N
//	die              O: "partial\n", then closes the connection without X
//	big N            O: N bytes in frames of at most 1 MiB; X 0
func serveFake(c net.Conn) {
	defer c.Close()
	kind, payload, err := readFrame(c)
	if err != nil || kind != frameRequest {
		return
	}
	var req request
	if err := json.Unmarshal(payload, &req); err != nil || req.Version != 1 || len(req.Args) == 0 {
		_ = writeFrame(c, frameStderr, []byte("bad request\n"))
		_ = writeFrame(c, frameExit, uint32Payload(4))
		return
	}
	exit := func(n uint32) { _ = writeFrame(c, frameExit, uint32Payload(n)) }
	switch req.Args[0] {
	case "echo":
		_ = writeFrame(c, frameStdout, []byte(strings.Join(req.Args[1:], "\n")+"\n"))
		_ = writeFrame(c, frameStderr, []byte("to stderr\n"))
		exit(0)
	case "cwd":
		_ = writeFrame(c, frameStdout, []byte(req.Cwd+"\n"))
		exit(0)
	case "env":
		_ = writeFrame(c, frameStdout, []byte(req.Env[req.Args[1]]+"\n"))
		exit(0)
	case "daemon-env": // the daemon's own environment, not the request's
		_ = writeFrame(c, frameStdout, []byte(req.Args[1]+"="+os.Getenv(req.Args[1])+"\n"))
		exit(0)
	case "tty":
		var sent map[string]any
		_ = json.Unmarshal(payload, &sent)
		flag := func(name string) any {
			if v, ok := sent[name]; ok {
				return v
			}
			return "absent"
		}
		_ = writeFrame(c, frameStdout, []byte(fmt.Sprintf("stdin=%v stdout=%v stderr=%v\n", flag("stdinTty"),
			flag("stdoutTty"), flag("stderrTty"))))
		exit(0)
	case "status":
		n, _ := strconv.Atoi(req.Args[1])
		exit(uint32(n))
	case "wait-signal":
		_ = writeFrame(c, frameStdout, []byte("running\n"))
		kind, payload, err := readFrame(c)
		if err != nil || kind != frameSignal {
			return
		}
		n, _ := parseUint32Payload(kind, payload)
		_ = writeFrame(c, frameStderr, []byte(fmt.Sprintf("stopped by signal %d\n", n)))
		exit(128 + n)
	case "die":
		_ = writeFrame(c, frameStdout, []byte("partial\n"))
	case "big":
		n, _ := strconv.Atoi(req.Args[1])
		chunk := make([]byte, 1<<20)
		for i := range chunk {
			chunk[i] = 'a' + byte(i%26)
		}
		for n > 0 {
			k := min(n, len(chunk))
			_ = writeFrame(c, frameStdout, chunk[:k])
			n -= k
		}
		exit(0)
	case "daemon":
		_ = writeFrame(c, frameStdout, []byte("ascent daemon: "+req.Args[1]+"\n"))
		exit(0)
	}
}

// fixture is one test's world: a socket folder, a fake java, a jar, and a way to run the client.
type fixture struct {
	t    *testing.T
	dir  string // socket folder
	java string
	jar  string
	env  []string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	// Short paths: t.TempDir() can be longer than a socket path may be.
	base, err := os.MkdirTemp("/tmp", "acl")
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, dir: filepath.Join(base, "s"), jar: filepath.Join(base, "ascent.jar")}
	t.Cleanup(func() {
		f.stopDaemons()
		os.RemoveAll(base)
	})
	if err := os.WriteFile(f.jar, []byte("not really a jar"), 0o600); err != nil {
		t.Fatal(err)
	}
	f.java = filepath.Join(base, "java")
	f.setJavaEnv()
	return f
}

// setJavaEnv writes the fake java script with settings of its own (FAKE_DAEMON_*): the client starts the daemon
// with a few variables of its environment only, so a test cannot hand them over through the client.
func (f *fixture) setJavaEnv(settings ...string) {
	self, err := os.Executable()
	if err != nil {
		f.t.Fatal(err)
	}
	script := fmt.Sprintf("#!/bin/sh\n%s=java %s exec %q \"$@\"\n", roleVariable, strings.Join(settings, " "), self)
	if err := os.WriteFile(f.java, []byte(script), 0o700); err != nil {
		f.t.Fatal(err)
	}
}

// stopDaemons kills every fake daemon this fixture started (they run in sessions of their own).
func (f *fixture) stopDaemons() {
	data, _ := os.ReadFile(filepath.Join(f.dir, "starts"))
	for _, line := range strings.Fields(string(data)) {
		if pid, err := strconv.Atoi(line); err == nil {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}

func (f *fixture) starts() int {
	data, _ := os.ReadFile(filepath.Join(f.dir, "starts"))
	return len(strings.Fields(string(data)))
}

func (f *fixture) clientArgs(args ...string) []string {
	return append([]string{"--socket", f.dir, "--java", f.java, "--jar", f.jar,
		"--jvm-opt", "-Xshare:auto", "--daemon-opt", "-XX:+UseSerialGC", "--idle", "20s", "--"}, args...)
}
