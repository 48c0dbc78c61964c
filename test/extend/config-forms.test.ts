/**
 * The less common config forms: a JSON extension of a description file,
 * and a TypeScript config whose extend() call throws, which must print
 * the same located problems as a JSON config.
 */
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { run } from "@lzy-images/cli";
import { expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";

/** Runs `generate --no-lint` on `config` in `dir`. */
async function generateIn(dir: string, config: string) {
  let stderr = "";
  const code = await run(
    ["generate", "--no-lint", "--config", config, "--out", "out"],
    { stdout: () => {}, stderr: (text) => (stderr += text), cwd: dir },
  );
  return { code, stderr };
}

it("extends a description file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "lzy-describe-file-"));
  copyFileSync(
    join(REPO_ROOT, "dockerfiles/UserTest.json"),
    join(dir, "parent.json"),
  );
  const tag = (
    JSON.parse(readFileSync(join(dir, "parent.json"), "utf8")) as {
      tag: string;
    }
  ).tag;
  writeFileSync(
    join(dir, "images.config.json"),
    JSON.stringify({
      registry: "example",
      images: [
        {
          extends: { description: "parent.json" },
          name: "from-file",
          install: [{ envs: ["py39"], pip: ["six==1.16.0"] }],
        },
      ],
    }),
  );
  const { code } = await generateIn(dir, "images.config.json");
  expect(code).toBe(0);
  const text = readFileSync(join(dir, "out/from-file.Dockerfile"), "utf8");
  expect(text).toContain(`ARG USER_TEST_TAG=${tag}\n`);
  expect(text).toContain("FROM ${USER_TEST_REGISTRY}/user-test:");
});

it("reports a missing description file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "lzy-describe-file-"));
  writeFileSync(
    join(dir, "images.config.json"),
    JSON.stringify({
      registry: "example",
      images: [
        {
          extends: { description: "missing.json" },
          name: "lost",
          env: { A: "1" },
        },
      ],
    }),
  );
  const { code, stderr } = await generateIn(dir, "images.config.json");
  expect(code).toBe(2);
  expect(stderr).toContain(
    "lost.extends.description: failed to read the parent's description",
  );
});

it("prints extend() problems of a TypeScript config", async () => {
  const dir = mkdtempSync(join(tmpdir(), "lzy-ts-config-"));
  // jiti does not type-check, so the schema catches what tsc would.
  writeFileSync(
    join(dir, "images.config.ts"),
    `import { published } from "@lzy-images/catalog";
import { extend, family } from "@lzy-images/dsl";

const spec: any = { name: "typo", newEnvs: [{ name: "new", python: "3.11" }] };
export default family({ registry: "example", images: [extend(published.userDefault, spec)] });
`,
  );
  const { code, stderr } = await generateIn(dir, "images.config.ts");
  expect(code).toBe(2);
  expect(stderr).toContain("typo.newEnvs[0].python: invalid Python version");
});
