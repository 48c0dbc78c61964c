/**
 * `lzy-images graph`: prints the image family as a Mermaid flowchart.
 * `generate --readme FILE` keeps the same graph in a README.
 */
import { mermaidBlock, renderGraph } from "@lzy-images/generator";
import type { Command } from "commander";

import { CONFIG_OPTION_HELP } from "../config.js";
import { renderConfiguredFamily } from "../family-output.js";
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
    .option("-c, --config <file>", CONFIG_OPTION_HELP)
    .option("--markdown", "wrap the graph in a ```mermaid code block")
    .action(async (options: GraphOptions) => {
      done(await graph(options, io));
    });
}

/** Runs `graph` and returns its exit code. */
export async function graph(options: GraphOptions, io: CliIo): Promise<number> {
  const { model } = await renderConfiguredFamily(options.config, io.cwd);
  const text = renderGraph(model);
  io.stdout(options.markdown ? mermaidBlock(text) : text);
  return 0;
}
