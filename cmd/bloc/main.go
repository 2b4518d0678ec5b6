// Command bloc tests the rival theories of alliance formation against public
// datasets and builds the panels researchers use. Run `bloc --help`.
package main

import (
	"os"

	"github.com/bloc-project/bloc/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
