// Generates the Lzy catalog plus N user images FROM user-default in one
// process and prints wall time and peak RSS as JSON. Run by bench/run.mjs,
// one fresh process per N, so that peak RSS belongs to that N alone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const count = Number(process.argv[2] ?? "0");
const started = process.hrtime.bigint();

const { lzyFamily, userDefault } = await import("@lzy-images/catalog");
const dsl = await import("@lzy-images/dsl");
const { outputFiles, renderFamily, writeOutput } = await import(
  "@lzy-images/generator"
);

// Each user image adds the layers a typical Lzy user image has: system
// libraries, a new env with pylzy, and environment variables.
const userImages = Array.from({ length: count }, (_, index) =>
  dsl.image({
    name: `user-${index}`,
    file: `User${index}.Dockerfile`,
    from: userDefault,
    layers: [
      dsl.aptPackages({ packages: ["libgl1", "libglib2.0-0", `libpq5`] }),
      dsl.condaEnv({
        name: `app${index}`,
        python: "3.11.9",
        pip: [`requests==2.32.${index % 4}`],
      }),
      dsl.pylzy({ version: "1.15.0", envs: [`app${index}`] }),
      dsl.envVars({
        vars: { APP_INDEX: String(index), PYTHONUNBUFFERED: "1" },
      }),
    ],
  }),
);
const family = dsl.family({
  registry: lzyFamily.registry,
  images: [...lzyFamily.images, ...userImages],
});

const out = mkdtempSync(join(tmpdir(), "lzy-images-bench-"));
try {
  const model = dsl.buildFamily(family);
  const rendered = renderFamily(model, { regenerate: "bench" });
  await writeOutput(out, outputFiles(rendered));
} finally {
  rmSync(out, { recursive: true, force: true });
}

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
// maxRSS is in kilobytes on Linux.
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ count, seconds, peakMb })}\n`);
