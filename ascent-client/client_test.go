package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const fallbackWarning = "ascent: the resident engine is not available ("

type result struct {
	stdout, stderr string
	status         int
}

// client starts the client as a process of its own (see TestMain) in the fixture's world.
func (f *fixture) client(extraEnv []string, args ...string) *exec.Cmd {
	self, err := os.Executable()
	if err != nil {
		f.t.Fatal(err)
	}
	cmd := exec.Command(self, f.clientArgs(args...)...)
	cmd.Env = append(append(os.Environ(), roleVariable+"=client"), extraEnv...)
	return cmd
}

func (f *fixture) run(extraEnv []string, args ...string) result {
	f.t.Helper()
	cmd := f.client(extraEnv, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		f.t.Fatalf("cannot run the client: %v", err)
	}
	return result{out.String(), errOut.String(), cmd.ProcessState.ExitCode()}
}

func TestShouldWriteAndReadFramesBothWays(t *testing.T) {
	var buf bytes.Buffer
	if err := writeFrame(&buf, frameStdout, []byte("hello")); err != nil {
		t.Fatal(err)
	}
	if err := writeFrame(&buf, frameExit, uint32Payload(143)); err != nil {
		t.Fatal(err)
	}
	if got := buf.Bytes()[:5]; !bytes.Equal(got, []byte{'O', 0, 0, 0, 5}) {
		t.Fatalf("header %v, want O and big-endian length 5", got)
	}
	kind, payload, err := readFrame(&buf)
	if err != nil || kind != 'O' || string(payload) != "hello" {
		t.Fatalf("first frame %q %q %v", kind, payload, err)
	}
	kind, payload, err = readFrame(&buf)
	status, _ := parseUint32Payload(kind, payload)
	if err != nil || kind != 'X' || status != 143 {
		t.Fatalf("second frame %q %d %v", kind, status, err)
	}
	if _, _, err := readFrame(&buf); err != io.EOF {
		t.Fatalf("after the last frame: %v, want EOF", err)
	}
}

func TestShouldRefuseFramesOverSixteenMebibytes(t *testing.T) {
	if err := writeFrame(io.Discard, frameStdout, make([]byte, maxPayload+1)); err != errFrameTooBig {
		t.Fatalf("writing: %v", err)
	}
	header := []byte{'O', 0x01, 0x00, 0x00, 0x01} // 16 MiB + 1
	if _, _, err := readFrame(bytes.NewReader(header)); err != errFrameTooBig {
		t.Fatalf("reading: %v", err)
	}
	// Exactly 16 MiB is allowed.
	var buf bytes.Buffer
	if err := writeFrame(&buf, frameStdout, make([]byte, maxPayload)); err != nil {
		t.Fatal(err)
	}
	if _, p, err := readFrame(&buf); err != nil || len(p) != maxPayload {
		t.Fatalf("16 MiB frame: %d bytes, %v", len(p), err)
	}
}

func TestShouldReportATruncatedFrameAsUnexpectedEnd(t *testing.T) {
	if _, _, err := readFrame(bytes.NewReader([]byte{'O', 0, 0, 0, 9, 'a'})); err != io.ErrUnexpectedEOF {
		t.Fatalf("got %v", err)
	}
}

func TestShouldChangeTheDaemonIdWhenJarOrFlagsChange(t *testing.T) {
	jar := filepath.Join(t.TempDir(), "a.jar")
	os.WriteFile(jar, []byte("x"), 0o600)
	a, _ := daemonID(jar, "java", []string{"-Xmx1g"})
	b, _ := daemonID(jar, "java", []string{"-Xmx2g"})
	c, _ := daemonID(jar, "/opt/jdk/bin/java", []string{"-Xmx1g"})
	os.Chtimes(jar, time.Now(), time.Now().Add(-time.Hour))
	d, _ := daemonID(jar, "java", []string{"-Xmx1g"})
	if len(a) != 16 || a == b || a == c || a == d {
		t.Fatalf("ids %s %s %s %s must be 16 hex digits and differ", a, b, c, d)
	}
	again, _ := daemonID(jar, "java", []string{"-Xmx1g"})
	if again != d {
		t.Fatalf("the same inputs gave %s and %s", d, again)
	}
}

func TestShouldRequireTheArgumentsAfterDoubleDash(t *testing.T) {
	if _, err := parseOptions([]string{"--java", "j", "--jar", "a.jar", "validate"}); err == nil {
		t.Fatal("arguments without -- were accepted")
	}
	o, err := parseOptions([]string{"--java", "j", "--jar", "a.jar", "--jvm-opt", "-Xms16m", "--jvm-opt", "-Xshare:auto",
		"--", "validate", "--", "--java"})
	if err != nil || strings.Join(o.args, " ") != "validate -- --java" || len(o.jvmOpts) != 2 {
		t.Fatalf("%v %q %q", err, o.args, o.jvmOpts)
	}
}

func TestShouldRelayOutputAndExitStatusWhenTheDaemonAnswers(t *testing.T) {
	f := newFixture(t)
	r := f.run(nil, "echo", "validate", "examples/hello-web")
	if r.status != 0 || r.stdout != "validate\nexamples/hello-web\n" || r.stderr != "to stderr\n" {
		t.Fatalf("got %+v", r)
	}
	if r := f.run(nil, "status", "5"); r.status != 5 {
		t.Fatalf("status: got %+v", r)
	}
	if n := f.starts(); n != 1 {
		t.Fatalf("%d daemons started; the second client must reuse the first's", n)
	}
	info, err := os.Lstat(f.dir)
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("the socket folder: %v %v", info.Mode(), err)
	}
}

func TestShouldSendTheWorkingDirectoryAndEnvironment(t *testing.T) {
	f := newFixture(t)
	// Started in a folder through a symbolic link, with PWD spelling it that way, as a shell would.
	link := filepath.Join(filepath.Dir(f.dir), "link")
	if err := os.Symlink(filepath.Dir(f.dir), link); err != nil {
		t.Fatal(err)
	}
	cmd := f.client([]string{"ASCENT_TEST_VALUE=a=b c", "PWD=" + link}, "cwd")
	cmd.Dir = link
	out, err := cmd.Output()
	want, _ := filepath.EvalSymlinks(filepath.Dir(f.dir))
	if err != nil || strings.TrimSpace(string(out)) != want {
		t.Fatalf("cwd %q, want %q (%v)", out, want, err)
	}
	if r := f.run([]string{"ASCENT_TEST_VALUE=a=b c"}, "env", "ASCENT_TEST_VALUE"); r.stdout != "a=b c\n" {
		t.Fatalf("env: %+v", r)
	}
	if r := f.run(nil, "tty"); r.stdout != "stdin=false stdout=false stderr=false\n" {
		t.Fatalf("pipes are no terminals: %+v", r)
	}
}

func TestShouldRelayOutputBiggerThanOneFrame(t *testing.T) {
	f := newFixture(t)
	r := f.run(nil, "big", "20000000")
	if r.status != 0 || len(r.stdout) != 20000000 || r.stdout[:3] != "abc" {
		t.Fatalf("status %d, %d bytes", r.status, len(r.stdout))
	}
}

func TestShouldForwardSignalsAndExitWithTheServersStatus(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			f := newFixture(t)
			cmd := f.client(nil, "wait-signal")
			stdout, _ := cmd.StdoutPipe()
			var errOut bytes.Buffer
			cmd.Stderr = &errOut
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line := make([]byte, len("running\n"))
			if _, err := io.ReadFull(stdout, line); err != nil || string(line) != "running\n" {
				t.Fatalf("the request did not start: %q %v", line, err)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, stdout)
			cmd.Wait()
			want := 128 + int(sig)
			if got := cmd.ProcessState.ExitCode(); got != want || errOut.String() != fmt.Sprintf("stopped by signal %d\n", int(sig)) {
				t.Fatalf("exit %d (want %d), stderr %q", got, want, errOut.String())
			}
		})
	}
}

func TestShouldExitFourWhenTheDaemonDiesMidRequest(t *testing.T) {
	f := newFixture(t)
	r := f.run(nil, "die")
	if r.status != 4 || r.stdout != "partial\n" || r.stderr != "ascent: the resident engine ended without an answer\n" {
		t.Fatalf("got %+v", r)
	}
}

func assertFallback(t *testing.T, f *fixture, r result, why string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(r.stderr, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], fallbackWarning) || !strings.Contains(lines[0], why) ||
		!strings.HasSuffix(lines[0], "); running directly") {
		t.Fatalf("stderr %q: want one warning line naming %q", r.stderr, why)
	}
	if want := "direct run: -Xshare:auto -jar " + f.jar + " echo x\n"; r.stdout != want || r.status != 7 {
		t.Fatalf("the direct run: stdout %q status %d, want %q and 7", r.stdout, r.status, want)
	}
}

func TestShouldRunDirectlyWhenTheSocketFolderIsASymlink(t *testing.T) {
	f := newFixture(t)
	real := f.dir + "-real"
	os.Mkdir(real, 0o700)
	if err := os.Symlink(real, f.dir); err != nil {
		t.Fatal(err)
	}
	r := f.run(nil, "echo", "x")
	assertFallback(t, f, r, "is a symbolic link")
	if n := f.starts(); n != 0 {
		t.Fatalf("%d daemons started in an untrusted folder", n)
	}
}

func TestShouldRunDirectlyWhenTheSocketFolderIsOpenToOthers(t *testing.T) {
	for _, mode := range []os.FileMode{0o755, 0o750, 0o701} {
		t.Run(fmt.Sprintf("%04o", mode), func(t *testing.T) {
			f := newFixture(t)
			os.Mkdir(f.dir, 0o700)
			os.Chmod(f.dir, mode)
			r := f.run(nil, "echo", "x")
			assertFallback(t, f, r, fmt.Sprintf("has mode %04o", mode))
			if n := f.starts(); n != 0 {
				t.Fatalf("%d daemons started in an untrusted folder", n)
			}
		})
	}
}

func TestShouldRunDirectlyWhenTheDaemonCannotStart(t *testing.T) {
	f := newFixture(t)
	f.setJavaEnv("FAKE_DAEMON_FAIL=1")
	r := f.run(nil, "echo", "x")
	assertFallback(t, f, r, "the daemon ended while starting")
}

func TestShouldRunDirectlyWhenTheSocketPathIsTooLong(t *testing.T) {
	f := newFixture(t)
	f.dir = filepath.Join(filepath.Dir(f.dir), strings.Repeat("d", 100))
	r := f.run(nil, "echo", "x")
	assertFallback(t, f, r, "is longer than 107 bytes")
}

func TestShouldRemoveAStaleSocketAndStartADaemon(t *testing.T) {
	f := newFixture(t)
	os.Mkdir(f.dir, 0o700)
	jarAbs, _ := filepath.Abs(f.jar)
	id, _ := daemonID(jarAbs, f.java, []string{"-XX:+UseSerialGC"})
	socket := pathsFor(f.dir, id).socket
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: socket, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	l.SetUnlinkOnClose(false)
	l.Close() // the file stays; nobody listens: a daemon that died
	if _, err := os.Stat(socket); err != nil {
		t.Fatalf("the stale socket file is not there: %v", err)
	}
	r := f.run(nil, "echo", "after")
	if r.status != 0 || r.stdout != "after\n" || f.starts() != 1 {
		t.Fatalf("got %+v with %d starts", r, f.starts())
	}
}

func TestShouldStartOneDaemonWhenTwoClientsStartAtOnce(t *testing.T) {
	f := newFixture(t)
	// The daemon takes a while to listen, so every client finds none and tries to start one.
	f.setJavaEnv("FAKE_DAEMON_DELAY=700ms")
	var wg sync.WaitGroup
	results := make([]result, 3)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = f.run(nil, "echo", "together")
		}()
	}
	wg.Wait()
	for _, r := range results {
		if r.status != 0 || r.stdout != "together\n" {
			t.Fatalf("got %+v", r)
		}
	}
	if n := f.starts(); n != 1 {
		t.Fatalf("%d daemons started, want 1", n)
	}
}

func TestShouldNotStartADaemonToAskForItsStatus(t *testing.T) {
	f := newFixture(t)
	if r := f.run(nil, "daemon", "status"); r.status != 1 || !strings.HasPrefix(r.stdout, "ascent daemon: not running") {
		t.Fatalf("status: %+v", r)
	}
	if r := f.run(nil, "daemon", "stop"); r.status != 0 || !strings.HasPrefix(r.stdout, "ascent daemon: not running") {
		t.Fatalf("stop: %+v", r)
	}
	if n := f.starts(); n != 0 {
		t.Fatalf("%d daemons started", n)
	}
	f.run(nil, "echo", "start")
	if r := f.run(nil, "daemon", "status"); r.status != 0 || r.stdout != "ascent daemon: status\n" {
		t.Fatalf("status of a running daemon: %+v", r)
	}
}

func TestShouldStartTheDaemonWithoutTheFirstClientsSecrets(t *testing.T) {
	f := newFixture(t)
	env := []string{"ASCENT_GIT_TOKEN=do-not-keep", "LANG=C.UTF-8"}
	if r := f.run(env, "env", "ASCENT_GIT_TOKEN"); r.stdout != "do-not-keep\n" {
		t.Fatalf("the request's environment: %+v", r)
	}
	if r := f.run(env, "daemon-env", "ASCENT_GIT_TOKEN"); r.stdout != "ASCENT_GIT_TOKEN=\n" {
		t.Fatalf("the daemon's own environment holds the first client's token: %+v", r)
	}
	if r := f.run(env, "daemon-env", "LANG"); r.stdout != "LANG=C.UTF-8\n" {
		t.Fatalf("the daemon's own environment lacks LANG: %+v", r)
	}
}

func TestShouldLeaveAnInheritedIgnoredSignalIgnored(t *testing.T) {
	f := newFixture(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// As nohup starts it: SIGHUP ignored before the client runs.
	quoted := make([]string, 0)
	for _, a := range f.clientArgs("wait-signal") {
		quoted = append(quoted, "'"+a+"'")
	}
	cmd := exec.Command("sh", "-c", "trap '' HUP; exec '"+self+"' "+strings.Join(quoted, " "))
	cmd.Env = append(os.Environ(), roleVariable+"=client")
	stdout, _ := cmd.StdoutPipe()
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line := make([]byte, len("running\n"))
	if _, err := io.ReadFull(stdout, line); err != nil {
		t.Fatalf("the request did not start: %v", err)
	}
	cmd.Process.Signal(syscall.SIGHUP)
	time.Sleep(200 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	io.Copy(io.Discard, stdout)
	cmd.Wait()
	if got := cmd.ProcessState.ExitCode(); got != 143 || errOut.String() != "stopped by signal 15\n" {
		t.Fatalf("exit %d, stderr %q: the ignored SIGHUP must not reach the daemon, SIGTERM must", got, errOut.String())
	}
}
