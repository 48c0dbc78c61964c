// Benchmarks lzy-images: generate against `node -e 0`, generate with lint
// against one bare hadolint call, and generation of 10 to 1,000 user images
// in one process. Prints a Markdown table; see docs/benchmarks.md.
//
// Usage: node bench/run.mjs [--runs N]   (after scripts/setup.sh)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "packages/cli/dist/bin.js");
const runsFlag = process.argv.indexOf("--runs");
const RUNS = runsFlag === -1 ? 15 : Number(process.argv[runsFlag + 1]);
const SCALES = [0, 10, 100, 1000];

if (!existsSync(BIN)) {
  console.error(
    "packages/cli/dist/bin.js not found: run `bash scripts/setup.sh` first",
  );
  process.exit(2);
}

/** Runs a command once and returns its wall time in seconds; fails loudly. */
function timeOnce(command, args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`,
    );
  }
  return seconds;
}

/** Median of RUNS timed runs after one warm-up run. */
function median(command, args, env = {}) {
  timeOnce(command, args, env);
  const samples = Array.from({ length: RUNS }, () =>
    timeOnce(command, args, env),
  ).sort((a, b) => a - b);
  const middle = Math.floor(samples.length / 2);
  return samples.length % 2
    ? samples[middle]
    : (samples[middle - 1] + samples[middle]) / 2;
}

function findHadolint() {
  for (const candidate of [
    process.env.HADOLINT,
    join(ROOT, ".venv/bin/hadolint"),
    "hadolint",
  ]) {
    if (candidate && spawnSync(candidate, ["--version"]).status === 0) {
      return candidate;
    }
  }
  return undefined;
}

const ms = (seconds) => `${(seconds * 1000).toFixed(1)} ms`;
const out = mkdtempSync(join(tmpdir(), "lzy-images-bench-out-"));
const rows = [];

// "cold" disables the up-to-date check, so every run loads, renders,
// lints and writes; "warm" repeats a run whose output is up to date.
const COLD = { LZY_IMAGES_NO_CACHE: "1" };
const nodeFloor = median("node", ["-e", "0"]);
rows.push(["`node -e 0`", ms(nodeFloor), "1.00×", ""]);
for (const [label, env] of [
  ["cold", COLD],
  ["warm", {}],
]) {
  const seconds = median(
    "node",
    [BIN, "generate", "--out", out, "--no-lint"],
    env,
  );
  rows.push([
    `\`generate --no-lint\`, ${label}`,
    ms(seconds),
    `${(seconds / nodeFloor).toFixed(2)}×`,
    "≤ 1.5× `node -e 0`",
  ]);
}

const hadolint = findHadolint();
if (hadolint) {
  const dockerfiles = readdirSync(out)
    .filter((name) => name.endsWith(".Dockerfile"))
    .map((name) => join(out, name));
  const bare = median(hadolint, [
    "--config",
    join(ROOT, ".hadolint.yaml"),
    ...dockerfiles,
  ]);
  rows.push(["bare `hadolint` on the six files", ms(bare), "1.00×", ""]);
  for (const [label, env] of [
    ["cold", COLD],
    ["warm", {}],
  ]) {
    const seconds = median(
      "node",
      [BIN, "generate", "--out", out, "--hadolint", hadolint],
      env,
    );
    rows.push([
      `\`generate\` with lint, ${label}`,
      ms(seconds),
      `${(seconds / bare).toFixed(2)}×`,
      "≤ 1.2× bare hadolint",
    ]);
  }
} else {
  rows.push(["`generate` with lint", "not measured", "", "hadolint not found"]);
}
rmSync(out, { recursive: true, force: true });

const scale = [];
for (const count of SCALES) {
  const samples = Array.from({ length: 5 }, () => {
    const result = spawnSync(
      "node",
      [join(ROOT, "bench/scale-worker.mjs"), String(count)],
      {
        cwd: join(ROOT, "packages/cli"),
        encoding: "utf8",
      },
    );
    if (result.status !== 0) {
      throw new Error(`scale run for ${count} images failed: ${result.stderr}`);
    }
    return JSON.parse(result.stdout);
  }).sort((a, b) => a.seconds - b.seconds);
  scale.push(samples[2]);
}

console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(`Medians of ${RUNS} runs after a warm-up.\n`);
console.log("| command | median | ratio | budget |");
console.log("| --- | --- | --- | --- |");
for (const row of rows) {
  console.log(`| ${row.join(" | ")} |`);
}

const baseline = scale[0];
console.log(
  "\nUser images FROM user-default, generated with the catalog in one process (median of 5 processes):\n",
);
console.log("| user images | wall time | peak RSS | per image |");
console.log("| --- | --- | --- | --- |");
for (const run of scale) {
  const perImage =
    run.count === 0 ? "" : ms((run.seconds - baseline.seconds) / run.count);
  console.log(
    `| ${run.count} | ${ms(run.seconds)} | ${run.peakMb.toFixed(0)} MB | ${perImage} |`,
  );
}
