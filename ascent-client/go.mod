module github.com/ascent/ascent-client

go 1.22
