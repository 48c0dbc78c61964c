/**
 * `lzy-images explain IMAGE`: prints each line of an image's Dockerfile
 * with the building block and spec path that wrote it, so a reviewer can
 * go from any line to the spec to edit.
 */
import type { Provenance } from "@lzy-images/dsl";
import type { RenderedImage } from "@lzy-images/generator";
import type { Command } from "commander";

import { CONFIG_OPTION_HELP } from "../config.js";
import { CliError } from "../errors.js";
import { renderConfiguredFamily } from "../family-output.js";
import type { CliIo } from "../io.js";

export interface ExplainOptions {
  readonly config?: string | undefined;
  readonly line?: string | undefined;
  readonly json?: boolean | undefined;
}

/** One Dockerfile line and what wrote it. */
interface ExplainedLine {
  readonly line: number;
  readonly text: string;
  /** Undefined for the generated header and blank lines. */
  readonly source: Provenance | undefined;
}

/** Adds the command to `program`; `done` receives its exit code. */
export function registerExplain(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
): void {
  program
    .command("explain")
    .description(
      "print each Dockerfile line of an image with the block and spec path that wrote it",
    )
    .argument("<image>", "image name (such as worker-base) or Dockerfile name")
    .option("-c, --config <file>", CONFIG_OPTION_HELP)
    .option("-l, --line <n>", "explain only line n (1-based)")
    .option("--json", "print the result as JSON")
    .action(async (name: string, options: ExplainOptions) => {
      done(await explain(name, options, io));
    });
}

/** Runs `explain` and returns its exit code. */
export async function explain(
  name: string,
  options: ExplainOptions,
  io: CliIo,
): Promise<number> {
  const family = await renderConfiguredFamily(options.config, io.cwd);
  const image = findImage(family.images, name);
  let lines = explainLines(image);
  if (options.line !== undefined) {
    const number = parseLine(options.line, lines.length, image);
    lines = lines.filter((line) => line.line === number);
  }

  if (options.json) {
    const document = {
      image: image.image.name,
      file: image.dockerfile.path,
      source: image.image.source ?? null,
      lines: lines.map((line) => ({
        line: line.line,
        text: line.text,
        block: line.source?.block ?? null,
        label: line.source?.label ?? null,
        path: line.source?.path ?? null,
      })),
    };
    io.stdout(`${JSON.stringify(document, null, 2)}\n`);
    return 0;
  }

  const source = image.image.source ? ` in ${image.image.source}` : "";
  io.stdout(`${image.dockerfile.path}: image ${image.image.name}${source}\n`);
  printTable(lines, io);
  return 0;
}

function findImage(
  images: readonly RenderedImage[],
  name: string,
): RenderedImage {
  const found = images.find(
    (image) => image.image.name === name || image.dockerfile.path === name,
  );
  if (found === undefined) {
    const names = images.map((image) => image.image.name).join(", ");
    throw new CliError(`image not found: ${name}; use one of: ${names}`);
  }
  return found;
}

function explainLines(image: RenderedImage): ExplainedLine[] {
  const texts = image.dockerfile.content.replace(/\n$/, "").split("\n");
  return texts.map((text, index) => ({
    line: index + 1,
    text,
    source: image.lines[index],
  }));
}

function parseLine(value: string, count: number, image: RenderedImage): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > count) {
    throw new CliError(
      `invalid --line ${value}: ${image.dockerfile.path} has lines 1 to ${count}`,
    );
  }
  return number;
}

/** Prints `line  block label  spec path  text`, columns aligned. */
function printTable(lines: readonly ExplainedLine[], io: CliIo): void {
  const rows = lines.map((line) => [
    String(line.line),
    blockText(line.source),
    line.source?.path ?? "-",
    line.text,
  ]);
  const numberWidth = Math.max(...rows.map((row) => row[0]!.length));
  const blockWidth = Math.max(...rows.map((row) => row[1]!.length));
  const pathWidth = Math.max(...rows.map((row) => row[2]!.length));
  for (const [number, block, path, text] of rows) {
    const columns = [
      number!.padStart(numberWidth),
      block!.padEnd(blockWidth),
      path!.padEnd(pathWidth),
      text,
    ];
    io.stdout(`${columns.join("  ").trimEnd()}\n`);
  }
}

function blockText(source: Provenance | undefined): string {
  if (source === undefined) {
    return "-";
  }
  return source.label ? `${source.block} ${source.label}` : source.block;
}
