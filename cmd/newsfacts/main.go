// Command newsfacts turns dumps of Chinese news articles into analysis-ready
// tables of organisations, places, dates and metrics.
//
// Usage:
//
//	newsfacts extract [flags] INPUT...
//	newsfacts validate --golden DIR [flags] INPUT...
//	newsfacts eval [--shared DIR]
//
// Run `newsfacts help` for the flags. All the logic is in (*Main).Run.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// NOTE: after the first signal, a second one gets its default
		// action: it ends the process at once, whatever is still running.
		<-ctx.Done()
		stop()
	}()
	code := NewMain(os.Stdin, os.Stdout, os.Stderr).Run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
