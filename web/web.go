// Package web holds bloc's web UI: static files (HTML, JavaScript, CSS and
// the vendored Apache ECharts) embedded in the binary, so the UI needs no
// network and `go build` needs no npm. httpapi serves them under /static/
// and index.html at /.
package web

import "embed"

// Static is the UI's file tree, rooted at "static".
//
//go:embed static
var Static embed.FS
