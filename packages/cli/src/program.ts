/**
 * The `lzy-images` command line, built with commander. Commands return an
 * exit code; expected errors print one message and no stack trace.
 */
import { SpecError } from "@lzy-images/dsl";
import { Command, CommanderError } from "commander";

import { DEFAULT_OUT, generate } from "./commands/generate.js";
import { CliError } from "./errors.js";
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

  program
    .command("generate")
    .description(
      "write the Dockerfiles and build-context files of an image family",
    )
    .option(
      "-c, --config <file>",
      "family spec (.json, .js or .mjs); default: the built-in Lzy catalog",
    )
    .option("-o, --out <dir>", "output directory", DEFAULT_OUT)
    .action(async (options: { config?: string; out: string }) => {
      exitCode = await generate(options, io);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(
      error,
      io,
      program.opts<{ debug?: boolean }>().debug === true,
    );
  }
}

function reportError(error: unknown, io: CliIo, debug: boolean): number {
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
    if (debug && error.stack) {
      io.stderr(`${error.stack}\n`);
    }
    return error.exitCode;
  }
  io.stderr(`Internal error: ${(error as Error)?.message ?? String(error)}\n`);
  if (error instanceof Error && error.stack) {
    io.stderr(`${error.stack}\n`);
  }
  return 70;
}
