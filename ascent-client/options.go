package main

import (
	"errors"
	"flag"
	"io"
	"strings"
)

// options are what the ./ascent launcher passes:
//
//	ascent-client [--socket DIR] --java JAVA --jar JAR [--jvm-opt OPT]... [--daemon-opt OPT]... [--idle D] -- ARGS...
//
// --socket names the socket folder (the protocol's "<folder>"); the file in it is <id>.sock, and only the client
// can compute the id. Without it the folder is the protocol's default (defaultSocketDir).
type options struct {
	socketDir  string
	java       string
	jar        string
	jvmOpts    []string // the launcher's flags for a direct run: the fallback is exactly today's run
	daemonOpts []string // the daemon JVM's flags (part of the daemon's identity)
	idle       string   // empty: the server's default
	args       []string // the Ascent command line
}

type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, " ") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

func parseOptions(argv []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("ascent-client", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.socketDir, "socket", "", "the socket folder")
	fs.StringVar(&o.java, "java", "", "the java executable")
	fs.StringVar(&o.jar, "jar", "", "the CLI jar")
	fs.Var((*repeated)(&o.jvmOpts), "jvm-opt", "a JVM flag of the direct run")
	fs.Var((*repeated)(&o.daemonOpts), "daemon-opt", "a JVM flag of the daemon")
	fs.StringVar(&o.idle, "idle", "", "the daemon's idle timeout")
	if err := fs.Parse(argv); err != nil {
		return o, err
	}
	// flag stops at "--" and consumes it; anything before it that is not a flag is a launcher mistake, because
	// an Ascent argument that looks like one of ours would otherwise be taken for it.
	if len(argv)-len(fs.Args()) == 0 || argv[len(argv)-len(fs.Args())-1] != "--" {
		return o, errors.New("the Ascent arguments must follow --")
	}
	o.args = fs.Args()
	switch {
	case o.java == "":
		return o, errors.New("--java is required")
	case o.jar == "":
		return o, errors.New("--jar is required")
	}
	return o, nil
}
