package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/newsfacts/newsfacts"
)

// Exit codes.
const (
	exitOK          = 0   // every document was processed
	exitDocErrors   = 1   // the run completed, but some documents failed (or validation fell below --min-f1)
	exitUsage       = 2   // bad flags or arguments, or a fatal error
	exitInterrupted = 130 // stopped by Ctrl-C / SIGTERM
)

// errUsage marks errors that should print the usage hint.
var errUsage = errors.New("usage")

// usageError is a usage error of a sub-command, whose hint names that
// sub-command's help.
type usageError struct {
	cmd, msg string
}

func (e *usageError) Error() string { return e.msg }
func (e *usageError) Unwrap() error { return errUsage }

// usageErr returns a usage error of the sub-command cmd.
func usageErr(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, msg: fmt.Sprintf(format, args...)}
}

// Main is the newsfacts command with its standard streams, so that tests can
// run it in-process.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// NewMain returns a Main using the given streams.
func NewMain(stdin io.Reader, stdout, stderr io.Writer) *Main {
	return &Main{Stdin: stdin, Stdout: stdout, Stderr: stderr}
}

const usage = `newsfacts turns dumps of Chinese news articles into tables of
organisations, places, dates and metrics (Parquet, Arrow or JSON Lines).

Usage:
  newsfacts extract [flags] INPUT...              extract the four tables
  newsfacts validate --golden DIR [flags] INPUT... compare a run with golden JSONL tables
  newsfacts eval [--shared DIR]                    score the extractors on the peer test suites
  newsfacts explain [--date D] [--title T] TEXT|-  show how each figure of a text is read and linked
  newsfacts report [flags] DIR                     write an HTML dashboard of the tables in DIR
  newsfacts version                                print the version

INPUT is a file, a directory (walked recursively), a glob, or - for JSON
Lines on standard input. Run "newsfacts COMMAND --help" for a command's
flags, input kinds and exit status.
`

// Run runs the command given by args (without the program name) and returns
// the process exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "extract":
		return m.extract(ctx, rest)
	case "validate":
		return m.validate(ctx, rest)
	case "eval":
		return m.eval(ctx, rest)
	case "explain":
		return m.explain(ctx, rest)
	case "report":
		return m.report(ctx, rest)
	case "version", "--version":
		fmt.Fprintf(m.Stdout, "newsfacts %s\n", newsfacts.Version)
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(m.Stdout, usage)
		return exitOK
	default:
		err = usageErr("", "unknown command %q", cmd)
	}
	return m.fail(err)
}

// fail prints err and returns the matching exit code.
func (m *Main) fail(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, pflag.ErrHelp):
		return exitOK
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(m.Stderr, "newsfacts: interrupted")
		return exitInterrupted
	case errors.Is(err, errUsage):
		msg := strings.TrimPrefix(err.Error(), errUsage.Error()+": ")
		help := "newsfacts help"
		var ue *usageError
		if errors.As(err, &ue) && ue.cmd != "" {
			help = "newsfacts " + ue.cmd + " --help"
		}
		fmt.Fprintf(m.Stderr, "newsfacts: %s\nRun \"%s\" for usage.\n", msg, help)
		return exitUsage
	}
	fmt.Fprintf(m.Stderr, "newsfacts: %v\n", err)
	return exitUsage
}

// newFlagSet returns a flag set for a sub-command that reports errors
// instead of exiting. Its help (--help, on standard output) shows the
// synopsis, the flags, then more, which may be "".
func (m *Main) newFlagSet(name, synopsis, more string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprintf(m.Stdout, "Usage: newsfacts %s\n\nFlags:\n%s", synopsis, fs.FlagUsages())
		if more != "" {
			fmt.Fprintf(m.Stdout, "\n%s", more)
		}
	}
	return fs
}

// exitCodes is the exit status part of the help of the commands that run
// the pipeline.
const exitCodes = `Exit status:
  0    every document was processed
  1    the run completed, but some documents failed (each is an error row
       in articles; their count is in the summary line)
  2    usage or fatal error (unreadable input path, unwritable output)
  130  interrupted (Ctrl-C, SIGTERM); a second signal ends it at once
`

// parseFlags parses args, turning flag errors into usage errors of the
// flag set's sub-command.
func parseFlags(fs *pflag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return err
		}
		return usageErr(fs.Name(), "%v", err)
	}
	return nil
}
