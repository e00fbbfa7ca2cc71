package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// startWait is how long a starting daemon may take to accept connections before the client gives up on it.
const startWait = 30 * time.Second

// daemonPaths are the files of one daemon in the socket folder.
type daemonPaths struct {
	socket, lock, log string
}

func pathsFor(dir, id string) daemonPaths {
	base := dir + "/" + id
	return daemonPaths{socket: base + ".sock", lock: base + ".lock", log: base + ".log"}
}

// absent says whether a failed connect means "no daemon here" (no socket file, or a file nobody listens on) rather
// than something the client cannot mend, such as a permission error.
func absent(err error) bool {
	return errors.Is(err, syscall.ENOENT) || errors.Is(err, syscall.ECONNREFUSED)
}

func dial(socket string) (*net.UnixConn, error) {
	conn, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: socket, Net: "unix"})
	if err != nil {
		return nil, err
	}
	return conn, nil
}

// connectOrStart connects to the daemon, starting one when none answers. Starting happens under an exclusive
// flock on the lock file: a second client that arrives meanwhile waits for the lock, then finds the daemon the
// first one started instead of starting another.
func connectOrStart(o options, jarAbs, javaPath string, p daemonPaths) (*net.UnixConn, error) {
	conn, err := dial(p.socket)
	if err == nil {
		return conn, nil
	}
	if !absent(err) {
		return nil, fmt.Errorf("cannot connect to %s: %v", p.socket, err)
	}
	lock, err := os.OpenFile(p.lock, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot open the start lock: %v", underlying(err))
	}
	defer lock.Close() // closing releases the flock
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return nil, fmt.Errorf("cannot take the start lock: %v", err)
	}
	// Another client may have started one while this one waited for the lock.
	conn, err = dial(p.socket)
	if err == nil {
		return conn, nil
	}
	if !absent(err) {
		return nil, fmt.Errorf("cannot connect to %s: %v", p.socket, err)
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		// A socket file nobody listens on: its daemon died without removing it. Under the lock nobody else is
		// starting one, so it is stale.
		if err := os.Remove(p.socket); err != nil && !os.IsNotExist(err) {
			return nil, fmt.Errorf("cannot remove the stale socket %s: %v", p.socket, underlying(err))
		}
	}
	exited, err := startDaemon(o, jarAbs, javaPath, p)
	if err != nil {
		return nil, err
	}
	return awaitDaemon(p.socket, exited, startWait)
}

// startDaemon runs `JAVA <daemon-opts> -cp JAR io.ascent.cli.daemon.DaemonMain --socket PATH [--idle D]` in a
// session of its own (a Ctrl-C in this terminal must not reach it), stdin from /dev/null, stdout and stderr
// appended to the log. The returned channel is closed when the process ends.
func startDaemon(o options, jarAbs, javaPath string, p daemonPaths) (<-chan struct{}, error) {
	log, err := os.OpenFile(p.log, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot open the daemon log %s: %v", p.log, underlying(err))
	}
	defer log.Close()
	args := append([]string{}, o.daemonOpts...)
	args = append(args, "-cp", jarAbs, "io.ascent.cli.daemon.DaemonMain", "--socket", p.socket)
	if o.idle != "" {
		args = append(args, "--idle", o.idle)
	}
	cmd := exec.Command(javaPath, args...)
	cmd.Stdin = nil // os/exec opens /dev/null
	cmd.Stdout = log
	cmd.Stderr = log
	cmd.Dir = "/" // the daemon must not keep the first client's folder busy; every request brings its own
	cmd.Env = daemonEnvironment(os.Environ())
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot start %s: %v", javaPath, err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait() // reaps it if it dies while this client still runs
		close(exited)
	}()
	return exited, nil
}

// awaitDaemon connects as soon as the new daemon accepts, and gives up when it ends first or takes too long.
func awaitDaemon(socket string, exited <-chan struct{}, limit time.Duration) (*net.UnixConn, error) {
	deadline := time.Now().Add(limit)
	for delay := 5 * time.Millisecond; ; {
		conn, err := dial(socket)
		if err == nil {
			return conn, nil
		}
		select {
		case <-exited:
			// It may have exited because another daemon already answers there (a start outside this lock).
			if conn, err := dial(socket); err == nil {
				return conn, nil
			}
			return nil, errors.New("the daemon ended while starting; see " + trimSock(socket) + ".log")
		default:
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("the daemon did not accept connections within %s; see %s.log", limit, trimSock(socket))
		}
		time.Sleep(delay)
		if delay < 50*time.Millisecond {
			delay *= 2
		}
	}
}

func trimSock(socket string) string {
	if len(socket) > 5 && socket[len(socket)-5:] == ".sock" {
		return socket[:len(socket)-5]
	}
	return socket
}

// daemonKeeps are the variables the daemon JVM itself gets from the client that starts it. Every request brings its
// whole environment, and the engine must read that one; the first client's tokens and passwords (ASCENT_GIT_TOKEN,
// cloud credentials) have no business living on in the daemon's own environment for the next half hour, and a
// command that read the JVM's environment instead of its request's would otherwise pass by chance with the first
// client's values. JAVA_TOOL_OPTIONS and the like stay out too: the daemon's JVM flags are its --daemon-opts,
// which are part of its identity.
var daemonKeeps = map[string]bool{
	"PATH": true, "HOME": true, "USER": true, "LOGNAME": true, "TMPDIR": true, "TZ": true,
	"LANG": true, "LC_ALL": true, "LC_CTYPE": true, "XDG_RUNTIME_DIR": true,
}

func daemonEnvironment(environ []string) []string {
	var kept []string
	for _, kv := range environ {
		if name, _, ok := strings.Cut(kv, "="); ok && daemonKeeps[name] {
			kept = append(kept, kv)
		}
	}
	return kept
}
