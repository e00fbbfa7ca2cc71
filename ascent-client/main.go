// Command ascent-client runs an Ascent command in the resident engine (io.ascent.cli.daemon.DaemonMain), starting
// the engine when none runs, and falls back to the direct run `java -jar ascent.jar` when it cannot be used. The
// ./ascent launcher runs it when ASCENT_DAEMON=1. Protocol: docs/daemon.md; notes: README.md next to this file.
package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
)

// sunPathMax: a Unix socket's path must fit sockaddr_un's sun_path with its terminating NUL.
const sunPathMax = 108

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(argv []string, stdout, stderr io.Writer) int {
	o, err := parseOptions(argv)
	if err != nil {
		fmt.Fprintf(stderr, "ascent-client: %v (the ./ascent launcher runs this program; see ascent-client/README.md)\n", err)
		return 2
	}
	if o.socketDir == "" {
		o.socketDir = defaultSocketDir()
	}
	// Before anything connects: a client killed by SIGPIPE would hang up, and the server would then stop the run.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)

	if special, status := daemonCommand(o.args); special {
		return runDaemonCommand(o, status, stdout, stderr)
	}
	conn, why := reach(o, true)
	if conn == nil {
		return runDirectly(o, why, stderr)
	}
	return converse(o, conn, stdout, stderr)
}

// reach connects to the daemon, starting one when start is set. A nil connection comes with the reason.
func reach(o options, start bool) (conn net.Conn, why string) {
	if err := prepareSocketDir(o.socketDir); err != nil {
		return nil, err.Error()
	}
	jarAbs, err := filepath.Abs(o.jar)
	if err != nil {
		return nil, err.Error()
	}
	id, err := daemonID(jarAbs, o.java, o.daemonOpts)
	if err != nil {
		return nil, err.Error()
	}
	p := pathsFor(o.socketDir, id)
	if len(p.socket) >= sunPathMax {
		return nil, fmt.Sprintf("the socket path %s is longer than %d bytes", p.socket, sunPathMax-1)
	}
	if !start {
		c, err := dial(p.socket)
		if err != nil {
			return nil, "no daemon is running"
		}
		return c, ""
	}
	javaPath, err := exec.LookPath(o.java)
	if err != nil {
		return nil, fmt.Sprintf("cannot find %s: %v", o.java, err)
	}
	c, err := connectOrStart(o, jarAbs, javaPath, p)
	if err != nil {
		return nil, err.Error()
	}
	return c, ""
}

// converse runs the request on an open connection and returns the status this process must exit with.
func converse(o options, conn net.Conn, stdout, stderr io.Writer) int {
	defer conn.Close()
	// The kernel's path, not $PWD's spelling of it through a symbolic link: the JVM of a direct run takes its
	// user.dir from getcwd(3) too, so paths in reports come out the same.
	cwd, err := syscall.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "ascent: cannot read the working directory: %v\n", err)
		return 3
	}
	// From here on a signal belongs to the request: the server stops the run as the CLI stops on it (teardown,
	// the interrupted report) and answers 128+signal, which this process then exits with.
	// A signal this process inherited as ignored (SIGHUP under nohup, SIGINT of a background job in a script) stays
	// ignored, as the JVM of a direct run leaves it.
	sigs := make(chan os.Signal, 4)
	for _, sig := range []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		if !signal.Ignored(sig) {
			signal.Notify(sigs, sig)
		}
	}
	defer signal.Stop(sigs)
	s := &session{conn: conn}
	status, err := s.run(request{
		Version:   1,
		Cwd:       cwd,
		Args:      o.args,
		Env:       environment(),
		StdinTty:  isTerminal(os.Stdin.Fd()),
		StdoutTty: isTerminal(os.Stdout.Fd()),
		StderrTty: isTerminal(os.Stderr.Fd()),
	}, sigs, stdout, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "ascent: the resident engine ended without an answer")
		return 4
	}
	return status
}

// daemonCommand recognises `daemon status` and `daemon stop`, which the server answers itself. The second value
// says whether it is status.
func daemonCommand(args []string) (bool, bool) {
	if len(args) == 2 && args[0] == "daemon" && (args[1] == "status" || args[1] == "stop") {
		return true, args[1] == "status"
	}
	return false, false
}

// runDaemonCommand sends `daemon status` or `daemon stop` to a running daemon only: starting one to ask it how it
// is, or to stop it, would be absurd, and the direct CLI has no such command.
func runDaemonCommand(o options, status bool, stdout, stderr io.Writer) int {
	conn, why := reach(o, false)
	if conn == nil {
		fmt.Fprintf(stdout, "ascent daemon: not running (%s)\n", why)
		if status {
			return 1
		}
		return 0
	}
	return converse(o, conn, stdout, stderr)
}
