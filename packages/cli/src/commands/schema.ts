/**
 * `lzy-images schema`: prints the JSON Schema of JSON config files, built
 * from the same zod schemas that validate them, or writes it to a file.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";

import { configJsonSchema } from "@lzy-images/dsl";
import type { Command } from "commander";

import type { CliIo } from "../io.js";

/** Formats the schema as committed: two-space JSON with a final newline. */
export function configSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

/** Adds the command to `program`; `done` receives its exit code. */
export function registerSchema(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
): void {
  program
    .command("schema")
    .description("print the JSON Schema of JSON config files")
    .option("-o, --out <file>", "write the schema to this file instead")
    .action(async (options: { out?: string }) => {
      const text = configSchemaText();
      if (options.out === undefined) {
        io.stdout(text);
      } else {
        await writeFile(resolve(io.cwd, options.out), text);
        io.stdout(`Wrote ${options.out}\n`);
      }
      done(0);
    });
}
