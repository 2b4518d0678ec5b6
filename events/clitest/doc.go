// Package clitest tests the `bloc events` commands (internal/cli/events.go)
// end to end, through cli.Main, in a package of its own so that the events
// package's tests do not depend on the whole command line building.
package clitest
