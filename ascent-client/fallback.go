package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"syscall"
)

// runDirectly replaces this process with the direct run the launcher would have made without the resident engine,
// `JAVA <jvm-opts> -jar JAR ARGS...`: the same process, so the exit status and the signals are the JVM's own.
// It returns only when the exec fails.
func runDirectly(o options, why string, stderr io.Writer) int {
	fmt.Fprintf(stderr, "ascent: the resident engine is not available (%s); running directly\n", why)
	javaPath, err := exec.LookPath(o.java)
	if err != nil {
		fmt.Fprintf(stderr, "ascent: cannot run %s: %v; set ASCENT_JAVA or put java on PATH\n", o.java, err)
		return 3
	}
	argv := append([]string{o.java}, o.jvmOpts...)
	argv = append(argv, "-jar", o.jar)
	argv = append(argv, o.args...)
	err = syscall.Exec(javaPath, argv, os.Environ())
	fmt.Fprintf(stderr, "ascent: cannot run %s: %v\n", javaPath, err)
	return 3
}
