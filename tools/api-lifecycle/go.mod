module ascent.io/tools/api-lifecycle

go 1.22
