// Command etcd runs the etcd server version that the pinned Kubernetes release
// itself depends on (Debian's etcd-server 3.4 is too old for consistent watches).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
