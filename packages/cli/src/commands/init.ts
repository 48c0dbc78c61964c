/**
 * `lzy-images init DIR`: scaffolds a project that extends the published
 * `user-default` image: `package.json` depending on the DSL, the catalog
 * and this CLI, `images.config.ts`, `.gitignore` and a README with the
 * commands that generate and build.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";

import { TemplateSet } from "@lzy-images/generator";
import type { Command } from "commander";

import { CliError } from "../errors.js";
import type { CliIo } from "../io.js";

/** Scaffold files and the templates under `templates/init/` they come from. */
const SCAFFOLD: ReadonlyArray<{ path: string; template: string }> = [
  { path: "package.json", template: "init/package.json" },
  { path: "images.config.ts", template: "init/images.config.ts" },
  { path: ".gitignore", template: "init/gitignore" },
  { path: "README.md", template: "init/README.md" },
];

/** Adds the command to `program`; `done` receives its exit code. */
export function registerInit(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
): void {
  program
    .command("init")
    .description(
      "scaffold a project whose image extends user-default, in an empty or new directory",
    )
    .argument("<dir>", "directory to create the project in")
    .option(
      "--name <name>",
      "image name; default: the directory name, in lowercase",
    )
    .action(async (dir: string, options: { name?: string }) => {
      done(await init(dir, options, io));
    });
}

/** Runs `init` and returns its exit code. */
export async function init(
  dir: string,
  options: { name?: string },
  io: CliIo,
): Promise<number> {
  const target = resolve(io.cwd, dir);
  await ensureEmpty(target, dir);
  const name = options.name ?? imageNameOf(basename(target));
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(name)) {
    throw new CliError(
      `invalid image name "${name}": expected lowercase letters, digits and "-", such as my-image; pass --name`,
    );
  }
  const data = { name, file: fileNameOf(name), version: await cliVersion() };

  const templates = new TemplateSet();
  await mkdir(target, { recursive: true });
  for (const file of SCAFFOLD) {
    await writeFile(
      join(target, file.path),
      templates.get(file.template)(data),
    );
  }

  const shown = relative(io.cwd, target) || ".";
  io.stdout(`Created ${shown} with image ${name}. Next:\n`);
  io.stdout(`  cd ${shown}\n  npm install\n  npm run generate\n`);
  return 0;
}

async function ensureEmpty(target: string, shown: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return;
    }
    throw new CliError(`cannot read ${shown}: ${(error as Error).message}`);
  }
  if (entries.length > 0) {
    throw new CliError(
      `${shown} is not empty (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", ..." : ""}); give a new or empty directory`,
    );
  }
}

/** `My Project` becomes `my-project`; an empty result becomes `my-image`. */
function imageNameOf(directory: string): string {
  const name = directory
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return name || "my-image";
}

/** `my-image` becomes `MyImage.Dockerfile`. */
function fileNameOf(name: string): string {
  const pascal = name
    .split(/[._-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
  return `${pascal}.Dockerfile`;
}

/** Version of this CLI, which the scaffold depends on for all packages. */
async function cliVersion(): Promise<string> {
  const text = await readFile(
    new URL("../../package.json", import.meta.url),
    "utf8",
  );
  return (JSON.parse(text) as { version: string }).version;
}
