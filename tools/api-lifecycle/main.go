// Command api-lifecycle writes Ascent's API availability table
// (ascent-core/src/main/resources/io/ascent/core/manifest/api/api-lifecycle.tsv)
// from the Kubernetes Go modules served by the Go module proxy.
//
// For every Kubernetes minor release 1.N in [-min-minor, -max-minor] it downloads
// k8s.io/api@v0.N.0 (and the other modules listed in `modules`) with
// `go mod download -json`, then reads, with go/parser only (nothing is compiled or run):
//
//   - register.go-style AddKnownTypes calls: which group/version/kinds exist in that release;
//   - zz_generated.prerelease-lifecycle.go: APILifecycleIntroduced/Deprecated/Replacement/Removed.
//
// See README.md for the exact semantics of every column.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// module says where to look in one Go module and which program accepts what we find there.
type module struct {
	path      string
	dirs      []string // globs relative to the module root; nil = every directory
	component string
}

var modules = []module{
	{path: "k8s.io/api", component: "kube-apiserver"},
	{path: "k8s.io/apiextensions-apiserver", dirs: []string{"pkg/apis/apiextensions/v*"}, component: "kube-apiserver"},
	{path: "k8s.io/kube-aggregator", dirs: []string{"pkg/apis/apiregistration/v*"}, component: "kube-apiserver"},
	// Configuration files, not REST resources: a manifest check must not confuse the two,
	// hence the component column.
	{path: "k8s.io/apiserver", dirs: []string{"pkg/apis/apiserver/v*", "pkg/apis/audit/v*", "pkg/apis/config/v*", "pkg/admission/plugin/*/config/apis/*/v*", "pkg/admission/plugin/*/apis/*/v*"}, component: "kube-apiserver config file"},
	{path: "k8s.io/pod-security-admission", dirs: []string{"admission/api/v*"}, component: "kube-apiserver admission config (PodSecurity)"},
	{path: "k8s.io/kubelet", dirs: []string{"config/v*"}, component: "kubelet config file"},
	{path: "k8s.io/kube-proxy", dirs: []string{"config/v*"}, component: "kube-proxy config file"},
	{path: "k8s.io/kube-scheduler", dirs: []string{"config/v*"}, component: "kube-scheduler config file"},
}

// Groups in k8s.io/api that are request/response payloads, never objects you apply.
var payloadGroups = map[string]string{
	"admission.k8s.io":    "webhook payload",
	"imagepolicy.k8s.io":  "webhook payload",
	"apidiscovery.k8s.io": "discovery response",
}

// Kinds that k8s.io/api registers but nobody writes in a manifest: subresource bodies, wrappers and
// placeholders. They stay in the table (the kind exists) with this component, so a manifest check
// can tell them apart from resources.
var notManifestKinds = map[string]bool{
	"Scale": true, "DeploymentRollback": true, "JobTemplate": true, "EphemeralContainers": true,
	"PodStatusResult": true, "ReplicationControllerDummy": true, "RangeAllocation": true, "SerializedReference": true,
}

type gvk struct{ group, version, kind string }

func (k gvk) apiVersion() string {
	if k.group == "" {
		return k.version
	}
	return k.group + "/" + k.version
}

type lifecycle struct {
	introduced, deprecated, removed int // minor versions of Kubernetes 1.x; 0 = not stated
	replacement                     *gvk
}

type observation struct {
	minors     []int              // releases whose module registers this kind, ascending
	lifecycle  map[int]*lifecycle // release -> lifecycle stated in that release
	source     map[int]string     // release -> module@version:dir
	module     *module
	firstOfMod map[int]bool // release was the first one scanned for that module
}

func main() {
	minMinor := flag.Int("min-minor", 17, "first Kubernetes minor to scan (k8s.io/api has v0.N.0 tags from 1.17)")
	maxMinor := flag.Int("max-minor", 37, "last Kubernetes minor to scan")
	out := flag.String("out", "", "output file (default: stdout)")
	report := flag.String("report", "", "write observed disagreements between lifecycle annotations and module contents here")
	date := flag.String("date", time.Now().UTC().Format("2006-01-02"), "date written into the header")
	flag.Parse()

	obs := map[gvk]*observation{}
	used := map[string][]string{}
	for i := range modules {
		m := &modules[i]
		first := true
		for n := *minMinor; n <= *maxMinor; n++ {
			// A few vN.0.0 tags are not served by the proxy (k8s.io/kube-proxy@v0.27.0,
			// k8s.io/kube-scheduler@v0.27.0); a patch release of the same minor carries the
			// same API types, and skipping the minor would shift removals by one release.
			var dir, ver string
			var err error
			for patch := 0; patch <= 3; patch++ {
				ver = fmt.Sprintf("v0.%d.%d", n, patch)
				if dir, err = download(m.path, ver); err == nil {
					break
				}
				fmt.Fprintf(os.Stderr, "skip %s@%s: %v\n", m.path, ver, firstLine(err))
			}
			if err != nil {
				continue
			}
			used[m.path] = append(used[m.path], ver)
			if err := scanModule(m, dir, ver, n, first, obs); err != nil {
				fatal(err)
			}
			first = false
		}
	}

	var notes []string
	rows := buildRows(obs, *maxMinor, &notes)
	var buf bytes.Buffer
	writeHeader(&buf, used, *minMinor, *maxMinor, *date)
	fmt.Fprintln(&buf, strings.Join(columns, "\t"))
	for _, r := range rows {
		fmt.Fprintln(&buf, strings.Join(r, "\t"))
	}
	if *out == "" {
		os.Stdout.Write(buf.Bytes())
	} else if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fatal(err)
	}
	if *report != "" {
		sort.Strings(notes)
		if err := os.WriteFile(*report, []byte(strings.Join(notes, "\n")+"\n"), 0o644); err != nil {
			fatal(err)
		}
	}
	fmt.Fprintf(os.Stderr, "%d rows, releases 1.%d..1.%d, %d disagreements\n", len(rows), *minMinor, *maxMinor, len(notes))
}

var columns = []string{"apiVersion", "kind", "introduced", "deprecated", "removed", "replacement", "component", "source", "note"}

func firstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "api-lifecycle:", err)
	os.Exit(1)
}

// download asks the go command for one module version and returns its directory in GOMODCACHE.
func download(path, version string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", path+"@"+version)
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stdout
	runErr := cmd.Run()
	var res struct{ Dir, Error string }
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		return "", fmt.Errorf("%v: %s", runErr, strings.TrimSpace(stdout.String()))
	}
	if res.Error != "" {
		return "", fmt.Errorf("%s", res.Error)
	}
	if runErr != nil || res.Dir == "" {
		return "", fmt.Errorf("go mod download failed: %v", runErr)
	}
	return res.Dir, nil
}

func scanModule(m *module, root, ver string, minor int, first bool, obs map[gvk]*observation) error {
	var dirs []string
	if m.dirs == nil {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if d.IsDir() {
				dirs = append(dirs, p)
			}
			return nil
		})
		if err != nil {
			return err
		}
	} else {
		for _, g := range m.dirs {
			matches, err := filepath.Glob(filepath.Join(root, g))
			if err != nil {
				return err
			}
			dirs = append(dirs, matches...)
		}
	}
	for _, dir := range dirs {
		kinds, lcs, err := scanPackage(dir)
		if err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
		rel, _ := filepath.Rel(root, dir)
		for k, typeName := range kinds {
			o := obs[k]
			if o == nil {
				o = &observation{lifecycle: map[int]*lifecycle{}, source: map[int]string{}, module: m, firstOfMod: map[int]bool{}}
				obs[k] = o
			}
			if len(o.minors) > 0 && o.minors[len(o.minors)-1] == minor {
				continue // registered twice in one release (e.g. two modules); keep the first
			}
			o.minors = append(o.minors, minor)
			o.source[minor] = m.path + "@" + ver + ":" + filepath.ToSlash(rel)
			o.firstOfMod[minor] = first
			if lc := lcs[typeName]; lc != nil {
				o.lifecycle[minor] = lc
			}
		}
	}
	return nil
}

// scanPackage returns the kinds registered in one package (kind -> Go type name)
// and the lifecycle functions found there (Go type name -> lifecycle).
func scanPackage(dir string) (map[gvk]string, map[string]*lifecycle, error) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		return nil, nil, err
	}
	kinds := map[gvk]string{}
	lcs := map[string]*lifecycle{}
	for _, pkg := range pkgs {
		consts := map[string]string{}
		gvs := map[string][2]string{}
		// Pass 1: string constants and GroupVersion variables.
		for _, f := range pkg.Files {
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok {
					continue
				}
				for _, spec := range gd.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok {
						continue
					}
					for i, name := range vs.Names {
						if i >= len(vs.Values) {
							continue
						}
						if s, ok := stringLit(vs.Values[i]); ok && gd.Tok == token.CONST {
							consts[name.Name] = s
						}
					}
				}
			}
		}
		for _, f := range pkg.Files {
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if i >= len(vs.Values) {
							continue
						}
						if g, v, ok := groupVersionLit(vs.Values[i], consts); ok {
							gvs[name.Name] = [2]string{g, v}
						}
					}
				}
			}
		}
		// Pass 2: AddKnownTypes calls and lifecycle functions.
		for _, f := range pkg.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || len(call.Args) < 2 {
					return true
				}
				switch sel.Sel.Name {
				case "AddKnownTypes":
					id, ok := call.Args[0].(*ast.Ident)
					if !ok {
						return true
					}
					gv, ok := gvs[id.Name]
					if !ok {
						return true
					}
					for _, a := range call.Args[1:] {
						if t := compositeTypeName(a); t != "" {
							kinds[gvk{gv[0], gv[1], t}] = t
						}
					}
				case "AddKnownTypeWithName":
					// X.WithKind("Kind"), &Type{}
					wk, ok := call.Args[0].(*ast.CallExpr)
					if !ok || len(wk.Args) != 1 {
						return true
					}
					wsel, ok := wk.Fun.(*ast.SelectorExpr)
					if !ok || wsel.Sel.Name != "WithKind" {
						return true
					}
					id, ok := wsel.X.(*ast.Ident)
					if !ok {
						return true
					}
					gv, ok := gvs[id.Name]
					kind, ok2 := stringLit(wk.Args[0])
					if ok && ok2 {
						kinds[gvk{gv[0], gv[1], kind}] = compositeTypeName(call.Args[1])
					}
				}
				return true
			})
			for _, decl := range f.Decls {
				fd, ok := decl.(*ast.FuncDecl)
				if !ok || fd.Recv == nil || !strings.HasPrefix(fd.Name.Name, "APILifecycle") {
					continue
				}
				recv := receiverType(fd)
				lc := lcs[recv]
				if lc == nil {
					lc = &lifecycle{}
					lcs[recv] = lc
				}
				if err := readLifecycleFunc(fd, lc); err != nil {
					return nil, nil, fmt.Errorf("%s.%s: %w", recv, fd.Name.Name, err)
				}
			}
		}
	}
	return kinds, lcs, nil
}

func stringLit(e ast.Expr) (string, bool) {
	bl, ok := e.(*ast.BasicLit)
	if !ok || bl.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(bl.Value)
	return s, err == nil
}

// groupVersionLit recognises schema.GroupVersion{Group: GroupName, Version: "v1"}.
func groupVersionLit(e ast.Expr, consts map[string]string) (string, string, bool) {
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return "", "", false
	}
	sel, ok := cl.Type.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "GroupVersion" {
		return "", "", false
	}
	var group, version string
	var haveG, haveV bool
	for _, el := range cl.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return "", "", false
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			return "", "", false
		}
		val, ok := stringLit(kv.Value)
		if !ok {
			if id, isId := kv.Value.(*ast.Ident); isId {
				val, ok = consts[id.Name]
			}
		}
		if !ok {
			return "", "", false // e.g. runtime.APIVersionInternal: the internal version is not served
		}
		switch key.Name {
		case "Group":
			group, haveG = val, true
		case "Version":
			version, haveV = val, true
		}
	}
	return group, version, haveG && haveV && version != ""
}

func compositeTypeName(e ast.Expr) string {
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return ""
	}
	if id, ok := cl.Type.(*ast.Ident); ok {
		return id.Name
	}
	return "" // metav1.Status and friends belong to meta/v1, not to this group
}

func receiverType(fd *ast.FuncDecl) string {
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func readLifecycleFunc(fd *ast.FuncDecl, lc *lifecycle) error {
	if fd.Body == nil || len(fd.Body.List) != 1 {
		return fmt.Errorf("unexpected body")
	}
	ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
	if !ok {
		return fmt.Errorf("no return")
	}
	switch fd.Name.Name {
	case "APILifecycleIntroduced", "APILifecycleDeprecated", "APILifecycleRemoved":
		if len(ret.Results) != 2 {
			return fmt.Errorf("want (major, minor)")
		}
		major, err1 := intLit(ret.Results[0])
		minor, err2 := intLit(ret.Results[1])
		if err1 != nil || err2 != nil || major != 1 {
			return fmt.Errorf("want (1, minor)")
		}
		switch fd.Name.Name {
		case "APILifecycleIntroduced":
			lc.introduced = minor
		case "APILifecycleDeprecated":
			lc.deprecated = minor
		case "APILifecycleRemoved":
			lc.removed = minor
		}
	case "APILifecycleReplacement":
		if len(ret.Results) != 1 {
			return fmt.Errorf("want one GroupVersionKind")
		}
		cl, ok := ret.Results[0].(*ast.CompositeLit)
		if !ok {
			return fmt.Errorf("want a GroupVersionKind literal")
		}
		r := &gvk{}
		for _, el := range cl.Elts {
			kv := el.(*ast.KeyValueExpr)
			v, _ := stringLit(kv.Value)
			switch kv.Key.(*ast.Ident).Name {
			case "Group":
				r.group = v
			case "Version":
				r.version = v
			case "Kind":
				r.kind = v
			}
		}
		lc.replacement = r
	}
	return nil
}

func intLit(e ast.Expr) (int, error) {
	bl, ok := e.(*ast.BasicLit)
	if !ok || bl.Kind != token.INT {
		return 0, fmt.Errorf("not an int literal")
	}
	return strconv.Atoi(bl.Value)
}

// isSkippedKind drops kinds that are never written as manifests: XList when X exists
// (lists are checked through their items) and request option bodies (PodLogOptions, ...).
func isSkippedKind(k gvk, all map[gvk]*observation) bool {
	if strings.HasSuffix(k.kind, "List") {
		if _, ok := all[gvk{k.group, k.version, strings.TrimSuffix(k.kind, "List")}]; ok {
			return true
		}
	}
	return strings.HasSuffix(k.kind, "Options")
}

func buildRows(obs map[gvk]*observation, maxMinor int, notes *[]string) [][]string {
	keys := make([]gvk, 0, len(obs))
	for k := range obs {
		if !isSkippedKind(k, obs) {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.group != b.group {
			return a.group < b.group
		}
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		return a.version < b.version
	})
	var rows [][]string
	for _, k := range keys {
		o := obs[k]
		first, last := o.minors[0], o.minors[len(o.minors)-1]
		var lc *lifecycle
		lcMinor := 0
		for _, n := range o.minors {
			if l := o.lifecycle[n]; l != nil {
				lc, lcMinor = l, n
			}
		}
		introduced, deprecated, removed, replacement := "", "", "", ""
		var note []string
		observedRemoval := 0
		if last < maxMinor {
			observedRemoval = last + 1
		}
		source := o.source[last]
		if lc != nil {
			source = o.source[lcMinor] + " lifecycle"
			introduced = minorStr(lc.introduced)
			if lc.introduced > first {
				*notes = append(*notes, fmt.Sprintf("%s %s: registered from 1.%d but lifecycle says introduced 1.%d", k.apiVersion(), k.kind, first, lc.introduced))
				if isGA(k.version) {
					// GA types got their tags late and approximately (authorization.k8s.io/v1 reviews,
					// GA since 1.6, say 1.19): a GA type registered earlier was served earlier.
					// Alpha/beta types can be registered a release before they are served
					// (flowcontrol v1alpha1: 1.17 vs 1.18), so their tag wins.
					introduced = minorStr(first)
					if o.firstOfMod[first] {
						introduced = "<=" + introduced
					}
					note = append(note, "stated introduction "+minorStr(lc.introduced)+" is later than the first release registering it")
				}
			}
			if lc.deprecated > 0 {
				deprecated = minorStr(lc.deprecated)
			}
			rem := lc.removed
			if observedRemoval > 0 && (rem == 0 || observedRemoval < rem) {
				stated := "no stated removal"
				if rem > 0 {
					stated = "stated removal " + minorStr(rem)
				}
				*notes = append(*notes, fmt.Sprintf("%s %s: gone from the module in 1.%d (%s)", k.apiVersion(), k.kind, observedRemoval, stated))
				rem = observedRemoval
				note = append(note, fmt.Sprintf("removed: type gone from %s in 1.%d", o.module.path, observedRemoval))
				if lc.deprecated >= rem {
					// It went away before its deprecation date: it was never "deprecated but served".
					deprecated = ""
					note = append(note, "stated deprecation "+minorStr(lc.deprecated)+" dropped")
				}
			}
			if rem > 0 {
				removed = minorStr(rem)
				if rem > maxMinor {
					note = append(note, fmt.Sprintf("planned removal, stated in 1.%d", lcMinor))
				}
			}
			if r := lc.replacement; r != nil {
				kind := r.kind
				if kind == k.kind+"List" {
					// Upstream slip (networking.k8s.io/v1beta1 IngressClass names IngressClassList).
					*notes = append(*notes, fmt.Sprintf("%s %s: lifecycle replacement names %s; using %s", k.apiVersion(), k.kind, kind, k.kind))
					note = append(note, "upstream replacement says "+kind)
					kind = k.kind
				}
				if _, ok := obs[gvk{r.group, r.version, kind}]; !ok {
					// apps/v1beta1 DeploymentRollback names apps/v1 DeploymentRollback, which never existed.
					*notes = append(*notes, fmt.Sprintf("%s %s: lifecycle replacement %s %s is registered in no scanned release; dropped", k.apiVersion(), k.kind, r.apiVersion(), kind))
					note = append(note, "upstream replacement "+r.apiVersion()+" "+kind+" does not exist")
				} else {
					replacement = r.apiVersion() + " " + kind
				}
			}
		} else {
			source = o.source[first] + " registered"
			introduced = minorStr(first)
			if o.firstOfMod[first] {
				introduced = "<=" + introduced
			}
			if observedRemoval > 0 {
				removed = minorStr(observedRemoval)
				note = append(note, fmt.Sprintf("removed: type gone from %s in 1.%d", o.module.path, observedRemoval))
			}
		}
		component := o.module.component
		if p, ok := payloadGroups[k.group]; ok {
			component = p
		}
		if component == "kube-apiserver" && notManifestKinds[k.kind] {
			component = "subresource body or internal type"
		}
		if k.kind == "ConversionReview" {
			component = "webhook payload"
		}
		if strings.Contains(k.version, "alpha") && component == "kube-apiserver" {
			note = append(note, "alpha: served only when enabled")
		}
		rows = append(rows, []string{k.apiVersion(), k.kind, introduced, deprecated, removed, replacement, component, source, strings.Join(note, "; ")})
	}
	return rows
}

func minorStr(n int) string { return fmt.Sprintf("1.%d", n) }

func isGA(version string) bool {
	return !strings.Contains(version, "alpha") && !strings.Contains(version, "beta")
}

func writeHeader(buf *bytes.Buffer, used map[string][]string, minMinor, maxMinor int, date string) {
	w := bufio.NewWriter(buf)
	fmt.Fprintf(w, "# Ascent API availability table, GENERATED by tools/api-lifecycle (do not edit by hand;\n")
	fmt.Fprintf(w, "# hand-kept rows live in api-lifecycle-manual.tsv). Generated on %s.\n", date)
	fmt.Fprintf(w, "# Command: cd tools/api-lifecycle && go run . -min-minor %d -max-minor %d -out <this file>\n", minMinor, maxMinor)
	fmt.Fprintf(w, "# Kubernetes releases scanned: 1.%d .. 1.%d. Semantics of every column: docs/api-table.md.\n", minMinor, maxMinor)
	paths := make([]string, 0, len(used))
	for p := range used {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		vs := used[p]
		var patches []string
		for _, v := range vs {
			if !strings.HasSuffix(v, ".0") {
				patches = append(patches, v)
			}
		}
		extra := ""
		if len(patches) > 0 {
			extra = "; patch releases used where the .0 is not on the proxy: " + strings.Join(patches, ", ")
		}
		fmt.Fprintf(w, "# module %s: %s .. %s (%d releases%s)\n", p, vs[0], vs[len(vs)-1], len(vs), extra)
	}
	w.Flush()
}
