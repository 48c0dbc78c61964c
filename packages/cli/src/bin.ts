#!/usr/bin/env node
// Only Node's built-in modules and the up-to-date check load before the
// command line is known, so a `generate` whose output is up to date is
// replayed without loading the DSL, the generator or hadolint.
import { processIo } from "./io.js";
import {
  inputKey,
  planFromArgv,
  recordRun,
  replayIfUpToDate,
} from "./up-to-date.js";

// The lint module once loaded; an interrupted lint stops hadolint and
// removes its staging folder. The signal is raised again without this
// handler, so the exit status still shows that the CLI was killed by it.
let lint: typeof import("@lzy-images/lint") | undefined;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    lint?.abortLintRuns();
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

const argv = process.argv.slice(2);
const plan = planFromArgv(argv, processIo.cwd, process.env);
// The key is taken before the run: an input that changes while it runs
// gives the next run a different key, so that run runs in full.
const key = plan === undefined ? undefined : await inputKey(plan);

if (
  plan !== undefined &&
  key !== undefined &&
  (await replayIfUpToDate(plan, key, processIo))
) {
  process.exitCode = 0;
} else {
  lint = await import("@lzy-images/lint");
  const { run } = await import("./program.js");

  const output = { stdout: "", stderr: "" };
  const io = {
    cwd: processIo.cwd,
    stdout: (text: string) => {
      output.stdout += text;
      processIo.stdout(text);
    },
    stderr: (text: string) => {
      output.stderr += text;
      processIo.stderr(text);
    },
  };
  process.exitCode = await run(argv, io);
  if (plan !== undefined && key !== undefined && process.exitCode === 0) {
    await recordRun(plan, key, output);
  }
}
