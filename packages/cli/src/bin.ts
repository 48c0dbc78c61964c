#!/usr/bin/env node
import { abortLintRuns } from "@lzy-images/lint";

import { run } from "./program.js";

// An interrupted lint stops hadolint and removes its staging folder. The
// signal is raised again without this handler, so the exit status still
// shows that the CLI was killed by it.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    abortLintRuns();
    process.kill(process.pid, signal);
  });
}

// A reader that closes early (`lzy-images generate | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") {
    process.exit(process.exitCode ?? 0);
  }
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
