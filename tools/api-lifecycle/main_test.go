package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A package shaped like k8s.io/api/policy/v1beta1: constants, a GroupVersion variable,
// AddKnownTypes and generated lifecycle functions.
const registerGo = `package v1beta1

import (
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

const GroupName = "policy"

var SchemeGroupVersion = schema.GroupVersion{Group: GroupName, Version: "v1beta1"}
var internal = schema.GroupVersion{Group: GroupName, Version: runtime.APIVersionInternal}

func addKnownTypes(scheme *runtime.Scheme) error {
	scheme.AddKnownTypes(SchemeGroupVersion, &PodDisruptionBudget{}, &PodDisruptionBudgetList{}, &Eviction{})
	scheme.AddKnownTypes(internal, &Hidden{})
	scheme.AddKnownTypeWithName(SchemeGroupVersion.WithKind("Renamed"), &Other{})
	return nil
}
`

const lifecycleGo = `package v1beta1

import schema "k8s.io/apimachinery/pkg/runtime/schema"

func (in *PodDisruptionBudget) APILifecycleIntroduced() (major, minor int) { return 1, 5 }
func (in *PodDisruptionBudget) APILifecycleDeprecated() (major, minor int) { return 1, 21 }
func (in *PodDisruptionBudget) APILifecycleRemoved() (major, minor int) { return 1, 25 }
func (in *PodDisruptionBudget) APILifecycleReplacement() schema.GroupVersionKind {
	return schema.GroupVersionKind{Group: "policy", Version: "v1", Kind: "PodDisruptionBudget"}
}
`

func writePackage(t *testing.T) string {
	dir := t.TempDir()
	for name, body := range map[string]string{"register.go": registerGo, "zz_generated.prerelease-lifecycle.go": lifecycleGo} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestScanPackageFindsKindsAndLifecycle(t *testing.T) {
	kinds, lcs, err := scanPackage(writePackage(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []gvk{{"policy", "v1beta1", "PodDisruptionBudget"}, {"policy", "v1beta1", "PodDisruptionBudgetList"},
		{"policy", "v1beta1", "Eviction"}, {"policy", "v1beta1", "Renamed"}} {
		if _, ok := kinds[k]; !ok {
			t.Errorf("kind %v not found in %v", k, kinds)
		}
	}
	if len(kinds) != 4 {
		t.Errorf("the internal version must not be registered: %v", kinds)
	}
	lc := lcs["PodDisruptionBudget"]
	if lc == nil || lc.introduced != 5 || lc.deprecated != 21 || lc.removed != 25 {
		t.Fatalf("lifecycle = %+v", lc)
	}
	if lc.replacement == nil || lc.replacement.apiVersion() != "policy/v1" || lc.replacement.kind != "PodDisruptionBudget" {
		t.Errorf("replacement = %+v", lc.replacement)
	}
}

func TestBuildRowsPrefersStatedRemovalOverPresenceAndDropsLists(t *testing.T) {
	m := &module{path: "k8s.io/api", component: "kube-apiserver"}
	lc := &lifecycle{introduced: 5, deprecated: 21, removed: 25, replacement: &gvk{"policy", "v1", "PodDisruptionBudget"}}
	obs := map[gvk]*observation{
		// Still in the module in 1.30 (as extensions/v1beta1 is), but stated removed in 1.25.
		{"policy", "v1beta1", "PodDisruptionBudget"}:     {minors: []int{17, 30}, lifecycle: map[int]*lifecycle{30: lc}, source: map[int]string{17: "a", 30: "b"}, module: m, firstOfMod: map[int]bool{17: true}},
		{"policy", "v1beta1", "PodDisruptionBudgetList"}: {minors: []int{17}, lifecycle: map[int]*lifecycle{}, source: map[int]string{17: "a"}, module: m, firstOfMod: map[int]bool{17: true}},
		{"policy", "v1", "PodDisruptionBudget"}:          {minors: []int{21, 30}, lifecycle: map[int]*lifecycle{}, source: map[int]string{21: "c", 30: "d"}, module: m, firstOfMod: map[int]bool{}},
		// Registered in the first scanned release, gone in 1.20, no lifecycle.
		{"settings.k8s.io", "v1alpha1", "PodPreset"}: {minors: []int{17, 19}, lifecycle: map[int]*lifecycle{}, source: map[int]string{17: "e", 19: "f"}, module: m, firstOfMod: map[int]bool{17: true}},
	}
	var notes []string
	rows := buildRows(obs, 30, &notes)
	if len(rows) != 3 {
		t.Fatalf("want 3 rows (the List dropped), got %v", rows)
	}
	byKey := map[string][]string{}
	for _, r := range rows {
		byKey[r[0]+" "+r[1]] = r
	}
	if r := byKey["policy/v1beta1 PodDisruptionBudget"]; r[2] != "1.5" || r[3] != "1.21" || r[4] != "1.25" || r[5] != "policy/v1 PodDisruptionBudget" {
		t.Errorf("beta row = %v", r)
	}
	if r := byKey["policy/v1 PodDisruptionBudget"]; r[2] != "1.21" || r[4] != "" {
		t.Errorf("GA row = %v", r)
	}
	if r := byKey["settings.k8s.io/v1alpha1 PodPreset"]; r[2] != "<=1.17" || r[4] != "1.20" {
		t.Errorf("alpha row = %v", r)
	}
}
