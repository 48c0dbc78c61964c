/**
 * The `lzy-images` command line, built with commander. Commands return an
 * exit code; expected errors print one message and no stack trace.
 */
import { SpecError } from "@lzy-images/dsl";
import { Command, CommanderError } from "commander";

import { registerCheck } from "./commands/check.js";
import { registerExplain } from "./commands/explain.js";
import { registerGenerate } from "./commands/generate.js";
import { registerGraph } from "./commands/graph.js";
import { registerInit } from "./commands/init.js";
import { registerLint } from "./commands/lint.js";
import { registerSchema } from "./commands/schema.js";
import { registerTags } from "./commands/tags.js";
import { CliError } from "./errors.js";
import { fileSystemError } from "./fs-errors.js";
import { processIo, type CliIo } from "./io.js";

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function run(
  argv: readonly string[],
  io: CliIo = processIo,
): Promise<number> {
  let exitCode = 0;
  const program = new Command("lzy-images")
    .description("Generate lint-checked Dockerfiles from typed image specs")
    .exitOverride()
    .showSuggestionAfterError(true)
    .option("--debug", "print stack traces of errors")
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
    });

  const done = (code: number): void => {
    exitCode = code;
  };
  // Each command lives in its own file under commands/ and registers here.
  registerGenerate(program, io, done);
  registerCheck(program, io, done);
  registerTags(program, io, done);
  registerExplain(program, io, done);
  registerGraph(program, io, done);
  registerLint(program, io, done);
  registerInit(program, io, done);
  registerSchema(program, io, done);

  try {
    await program.parseAsync(withoutScriptSeparator(program, argv), {
      from: "user",
    });
    return exitCode;
  } catch (error) {
    return reportError(
      error,
      io,
      program.opts<{ debug?: boolean }>().debug === true,
    );
  }
}

/**
 * Drops the first `--` after a command that takes no arguments.
 * `pnpm run generate -- --out DIR` passes the `--` on to the script, after
 * any options the script itself passes, where commander would read the
 * options after it as arguments.
 */
function withoutScriptSeparator(
  program: Command,
  argv: readonly string[],
): string[] {
  const command = program.commands.find((c) => c.name() === argv[0]);
  const separator = argv.indexOf("--");
  if (separator > 0 && command?.registeredArguments.length === 0) {
    return [...argv.slice(0, separator), ...argv.slice(separator + 1)];
  }
  return [...argv];
}

function reportError(error: unknown, io: CliIo, debug: boolean): number {
  const fsError = fileSystemError(error);
  if (fsError !== undefined) {
    return reportError(fsError, io, debug);
  }
  if (error instanceof CommanderError) {
    // commander already printed its message through writeErr.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof SpecError) {
    const count = error.problems.length;
    io.stderr(
      `Invalid image spec (${count} problem${count === 1 ? "" : "s"}):\n`,
    );
    for (const line of error.message.split("\n")) {
      io.stderr(`  ${line}\n`);
    }
    return 2;
  }
  if (error instanceof CliError) {
    io.stderr(`Error: ${error.message}\n`);
    if (debug) {
      // The cause, such as the exception a config threw, has the stack
      // that matters; the CliError's own only shows where it was wrapped.
      const cause = error.cause instanceof Error ? error.cause : error;
      io.stderr(`${cause.stack ?? error.stack}\n`);
    }
    return error.exitCode;
  }
  io.stderr(`Internal error: ${(error as Error)?.message ?? String(error)}\n`);
  if (error instanceof Error && error.stack) {
    io.stderr(`${error.stack}\n`);
  }
  return 70;
}
