package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// daemonID is the first 16 hex digits of SHA-256 over
// "<jar absolute path>\n<jar size>\n<jar mtime in ms>\n<java path>\n<daemon opts joined by \n>",
// so that a rebuilt jar, another JVM or other daemon flags get a daemon of their own (the old one idles out).
func daemonID(jarAbs, java string, daemonOpts []string) (string, error) {
	info, err := os.Stat(jarAbs)
	if err != nil {
		return "", fmt.Errorf("cannot read the jar %s: %v", jarAbs, underlying(err))
	}
	text := jarAbs + "\n" + strconv.FormatInt(info.Size(), 10) + "\n" +
		strconv.FormatInt(info.ModTime().UnixMilli(), 10) + "\n" + java + "\n" + strings.Join(daemonOpts, "\n")
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])[:16], nil
}
