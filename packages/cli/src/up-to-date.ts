/**
 * The up-to-date check of `generate`, in the spirit of `make` and
 * `tsc --build`. Suppose nothing that `generate` reads has changed since
 * its last successful run into the same output directory, and the files
 * it wrote are still as it wrote them. Running it again would then rewrite
 * the same bytes and lint the same text with the same hadolint, so the run
 * is replayed from a stamp file without loading the DSL, the generator or
 * hadolint.
 *
 * The check uses only Node's built-in modules, so it costs a few
 * milliseconds. It applies to `generate` with the built-in catalog and
 * the options `--out`, `--readme`, `--no-lint` and `--hadolint`; any other
 * option (a config file, `--json`, a threshold) always runs in full.
 * Set LZY_IMAGES_NO_CACHE=1 to always run in full.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The options of one `generate` invocation that the check depends on. */
export interface GeneratePlan {
  readonly outDir: string;
  readonly readme: string | undefined;
  readonly lint: boolean;
  readonly hadolintOption: string | undefined;
  readonly cwd: string;
}

/** The stamp of a successful run, stored in the user's cache folder. */
interface Stamp {
  readonly key: string;
  /** Names directly inside the output directory after the run. */
  readonly entries: readonly string[];
  readonly files: ReadonlyArray<{ path: string; sha256: string; mode: number }>;
  readonly readmeSha256: string | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** The output directory's list of generated files, written by `generate`. */
const MANIFEST_FILE = "generated-files.json";

/** The workspace packages whose compiled code decides the output. */
const PACKAGES = [
  "@lzy-images/dsl",
  "@lzy-images/generator",
  "@lzy-images/lint",
  "@lzy-images/catalog",
];

const LOCKFILES = [
  "pnpm-lock.yaml",
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
];

/**
 * Returns the plan of `argv` when it is a `generate` run the check can
 * replay, or undefined for any other command line.
 */
export function planFromArgv(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): GeneratePlan | undefined {
  if (argv[0] !== "generate" || env.LZY_IMAGES_NO_CACHE === "1") {
    return undefined;
  }
  let out = "dockerfiles";
  let readme: string | undefined;
  let lint = true;
  let hadolintOption: string | undefined;

  for (let index = 1; index < argv.length; index++) {
    const arg = argv[index]!;
    const value = argv[index + 1];
    if ((arg === "-o" || arg === "--out") && value !== undefined) {
      out = value;
      index++;
    } else if (arg === "--readme" && value !== undefined) {
      readme = value;
      index++;
    } else if (arg === "--hadolint" && value !== undefined) {
      hadolintOption = value;
      index++;
    } else if (arg === "--no-lint") {
      lint = false;
    } else if (arg !== "--" || index !== 1) {
      return undefined;
    }
  }
  return {
    outDir: resolve(cwd, out),
    readme: readme === undefined ? undefined : resolve(cwd, readme),
    lint,
    hadolintOption:
      hadolintOption === undefined ? undefined : resolve(cwd, hadolintOption),
    cwd,
  };
}

/**
 * Prints the output of the stamped run and returns true when the plan's
 * output is up to date. Returns false when it must run in full. `key` is
 * the plan's `inputKey`, taken once by the caller for the replay and the
 * stamp.
 */
export async function replayIfUpToDate(
  plan: GeneratePlan,
  key: string,
  write: { stdout(text: string): void; stderr(text: string): void },
): Promise<boolean> {
  try {
    const stamp = JSON.parse(readFileSync(stampPath(plan), "utf8")) as Stamp;
    if (stamp.key !== key) {
      return false;
    }
    // Without a hadolint file the run would use `npx hadolint`, whose
    // binary the key cannot see.
    if (
      plan.lint &&
      !hadolintCandidates(plan, lintDistFolder()).some(existsSync)
    ) {
      return false;
    }
    const entries = (await readdir(plan.outDir)).sort();
    if (entries.join("\n") !== stamp.entries.join("\n")) {
      return false;
    }
    const current = await Promise.all(
      stamp.files.map((file) => fileDigest(plan.outDir, file.path)),
    );
    const unchanged = current.every(
      (file, index) =>
        file.sha256 === stamp.files[index]!.sha256 &&
        file.mode === stamp.files[index]!.mode,
    );
    if (!unchanged || (await readmeDigest(plan)) !== stamp.readmeSha256) {
      return false;
    }
    write.stderr(stamp.stderr);
    write.stdout(stamp.stdout);
    return true;
  } catch {
    // No stamp, an unreadable one or a missing file: run in full.
    return false;
  }
}

/**
 * Stamps a successful run: the key of its inputs and a digest of every file
 * it wrote. A stamp that cannot be written only disables the replay.
 */
export async function recordRun(
  plan: GeneratePlan,
  key: string,
  output: { stdout: string; stderr: string },
): Promise<void> {
  try {
    const manifest = JSON.parse(
      await readFile(join(plan.outDir, MANIFEST_FILE), "utf8"),
    ) as { files: string[] };
    const paths = [...manifest.files, MANIFEST_FILE].sort();
    const stamp: Stamp = {
      key,
      entries: (await readdir(plan.outDir)).sort(),
      files: await Promise.all(
        paths.map((path) => fileDigest(plan.outDir, path)),
      ),
      readmeSha256: await readmeDigest(plan),
      stdout: withoutOneTimeLines(output.stdout),
      stderr: output.stderr,
    };
    const path = stampPath(plan);
    await mkdir(dirname(path), { recursive: true });
    const staged = `${path}.${process.pid}.tmp`;
    await writeFile(staged, JSON.stringify(stamp));
    await rename(staged, path);
  } catch {
    // The stamp is an optimisation; the run itself has succeeded.
  }
}

/**
 * Hashes everything besides the output that decides what `generate`
 * writes and how it lints: the plan, the compiled packages, templates and
 * policy file (by size and modification time, as `make` does), the
 * lockfile, and every place hadolint may be found.
 */
export async function inputKey(plan: GeneratePlan): Promise<string> {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ version: 1, plan }));

  const cliDist = dirname(fileURLToPath(import.meta.url));
  const packageDists = PACKAGES.map((name) =>
    dirname(fileURLToPath(import.meta.resolve(name))),
  );
  const generatorDist = packageDists[1]!;
  const lintDist = lintDistFolder();
  const trees = [
    cliDist,
    ...packageDists,
    join(generatorDist, "../../../templates"),
  ];
  for (const tree of trees) {
    hash.update(`\0tree ${tree}\0${treeStats(tree).join("\n")}`);
  }

  const singles = [
    join(lintDist, "../../../.hadolint.yaml"),
    join(lintDist, ".hadolint.yaml"),
    ...ancestors(cliDist).flatMap((folder) =>
      LOCKFILES.map((name) => join(folder, name)),
    ),
  ];
  if (plan.lint) {
    singles.push(...hadolintCandidates(plan, lintDist));
  }
  for (const path of singles) {
    hash.update(`\0file ${path} ${statLine(path)}`);
  }
  return hash.digest("hex");
}

/** Lists every path where the CLI may find hadolint, in its search order. */
function hadolintCandidates(plan: GeneratePlan, lintDist: string): string[] {
  const candidates: string[] = [];
  if (plan.hadolintOption !== undefined) {
    candidates.push(plan.hadolintOption);
  }
  if (process.env.HADOLINT) {
    candidates.push(resolve(plan.cwd, process.env.HADOLINT));
  }
  for (const folder of ancestors(plan.cwd)) {
    candidates.push(join(folder, ".venv/bin/hadolint"));
  }
  // The hadolint of the lzy-images checkout the CLI runs from.
  candidates.push(join(lintDist, "../../../.venv/bin/hadolint"));
  for (const folder of (process.env.PATH ?? "").split(delimiter)) {
    if (folder) {
      candidates.push(join(folder, "hadolint"));
    }
  }
  return candidates;
}

/**
 * `path size mtime mode` of every file under `root`, sorted; empty if
 * absent. Synchronous on purpose: a few hundred stats of cached inodes
 * take about a millisecond this way, and several times longer as
 * thread-pool round trips.
 */
function treeStats(root: string): string[] {
  if (!existsSync(root)) {
    return [];
  }
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  // Type declarations and source maps do not change what runs.
  const files = entries.filter(
    (entry) =>
      entry.isFile() &&
      !/\.(d\.ts|d\.ts\.map|js\.map|tsbuildinfo)$/.test(entry.name),
  );
  return files
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return `${path} ${statLine(path)}`;
    })
    .sort();
}

function statLine(path: string): string {
  const info = statSync(path, { throwIfNoEntry: false });
  return info === undefined
    ? "absent"
    : `${info.size} ${info.mtimeMs} ${info.mode}`;
}

async function fileDigest(
  outDir: string,
  path: string,
): Promise<{ path: string; sha256: string; mode: number }> {
  const file = join(outDir, path);
  const content = readFileSync(file);
  const info = statSync(file);
  return {
    path,
    sha256: createHash("sha256").update(content).digest("hex"),
    mode: info.mode & 0o777,
  };
}

async function readmeDigest(plan: GeneratePlan): Promise<string | undefined> {
  if (plan.readme === undefined) {
    return undefined;
  }
  const content = readFileSync(plan.readme);
  return createHash("sha256").update(content).digest("hex");
}

/** `folder` and each of its parents up to the root. */
function ancestors(folder: string): string[] {
  const folders = [folder];
  while (dirname(folders.at(-1)!) !== folders.at(-1)) {
    folders.push(dirname(folders.at(-1)!));
  }
  return folders;
}

function stampPath(plan: GeneratePlan): string {
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  const name = createHash("sha256").update(plan.outDir).digest("hex");
  return join(cacheHome, "lzy-images", `generate-${name.slice(0, 16)}.json`);
}

function lintDistFolder(): string {
  return dirname(fileURLToPath(import.meta.resolve("@lzy-images/lint")));
}

/**
 * Removes what only the recorded run did from its output: the files it
 * deleted and a README it updated. A replay does neither, as a full run
 * right after it would not either.
 */
function withoutOneTimeLines(stdout: string): string {
  const kept: string[] = [];
  let inDeletedList = false;
  for (const line of stdout.split("\n")) {
    if (line.startsWith("Deleted ")) {
      inDeletedList = true;
      continue;
    }
    if (inDeletedList && line.startsWith("  ")) {
      continue;
    }
    inDeletedList = false;
    if (!line.startsWith("Updated the image graph in ")) {
      kept.push(line);
    }
  }
  return kept.join("\n");
}
