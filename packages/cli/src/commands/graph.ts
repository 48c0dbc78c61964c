/**
 * `lzy-images graph`: prints the image family as a Mermaid flowchart.
 * `generate --readme FILE` keeps the same graph in a README.
 */
import { buildFamily } from "@lzy-images/dsl";
import { mermaidBlock, renderGraph } from "@lzy-images/generator";
import type { Command } from "commander";

import { loadConfig } from "../config.js";
import type { CliIo } from "../io.js";

export interface GraphOptions {
  readonly config?: string | undefined;
  readonly markdown?: boolean | undefined;
}

/** Adds the command to `program`; `done` receives its exit code. */
export function registerGraph(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
): void {
  program
    .command("graph")
    .description("print the image family as a Mermaid flowchart")
    .option(
      "-c, --config <file>",
      "family spec (.ts, .json, .js or .mjs); default: the built-in Lzy catalog",
    )
    .option("--markdown", "wrap the graph in a ```mermaid code block")
    .action(async (options: GraphOptions) => {
      done(await graph(options, io));
    });
}

/** Runs `graph` and returns its exit code. */
export async function graph(options: GraphOptions, io: CliIo): Promise<number> {
  const config = await loadConfig(options.config, io.cwd);
  const text = renderGraph(buildFamily(config.family));
  io.stdout(options.markdown ? mermaidBlock(text) : text);
  return 0;
}
