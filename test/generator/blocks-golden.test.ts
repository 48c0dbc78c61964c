/**
 * One small image per building block feature, rendered and compared with
 * a golden Dockerfile under test/golden/blocks/. Set UPDATE_GOLDEN=1 to
 * rewrite the golden files after an intended change, then review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import {
  aptPackages,
  command,
  condaEnv,
  condaEnvExport,
  copyFiles,
  directories,
  entrypoint,
  envVars,
  external,
  family,
  image,
  javaJdk,
  locale,
  miniconda,
  pylzy,
  type LayerSpec,
} from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

import { REPO_ROOT, render } from "../support/render.js";

const GOLDEN_DIR = join(REPO_ROOT, "test/golden/blocks");
const SHA = "96a44849ff17e960eeb8877ecd9055246381c4d4f2d031263b63fa7e2e930af1";
const CONDA: LayerSpec[] = [
  aptPackages({ packages: ["ca-certificates", "wget"] }),
  miniconda({ version: "24.3.0-0", python: "py312", sha256: { x86_64: SHA } }),
];

const CASES: Record<string, LayerSpec[]> = {
  "apt-pinned": [
    aptPackages({
      packages: ["curl=7.68.0-1ubuntu2.22", "git=1:2.25.1-1ubuntu3.13"],
    }),
  ],
  "apt-unpinned-reason": [
    aptPackages({
      packages: ["curl", "jq=1.6-1ubuntu0.20.04.1"],
      unpinnedReason: "curl tracks security updates.",
    }),
  ],
  "env-vars-literal": [
    envVars({
      vars: {
        GREETING: { value: 'say "hi" & $HOME `x` \\ <ok>', expand: false },
        EMPTY: "",
      },
    }),
  ],
  "exec-forms": [
    entrypoint({ argv: ["/usr/bin/tini", "--"] }),
    command({ argv: ["python", "-c", "print('a b')"] }),
  ],
  "directories-mode": [
    directories({ paths: ["/data", "/data/my dir"], mode: "0750" }),
  ],
  "copy-json-form": [
    copyFiles({
      sources: ["my file.txt", "b.txt"],
      dest: "/opt/app data/",
      owner: "1000:1000",
    }),
  ],
  "java-custom-home": [
    aptPackages({ packages: ["ca-certificates"] }),
    javaJdk({ version: 21, javaHome: "/usr/lib/jvm/java-21-openjdk-arm64/" }),
  ],
  "locale-de": [
    aptPackages({ packages: ["locales"] }),
    locale({ name: "de_DE.UTF-8" }),
  ],
  "conda-env-packages": [
    ...CONDA,
    condaEnv({
      name: "ml",
      python: "3.11.9",
      conda: ["numpy=1.26.4"],
      pip: ["torch==2.3.1", "requests[socks]>=2.31"],
    }),
    condaEnvExport({ envs: ["ml"] }),
  ],
  "pylzy-compatible-envs": [
    ...CONDA,
    condaEnv({ name: "old", python: "3.7.11" }),
    condaEnv({ name: "new", python: "3.10.14" }),
    pylzy({ version: "1.15.0", envs: "compatible", buildScript: null }),
  ],
};

describe("block golden files", () => {
  it.each(Object.entries(CASES))("%s", (name, layers) => {
    const spec = family({
      registry: "example",
      images: [
        image({
          name,
          file: `${name}.Dockerfile`,
          from: external("ubuntu:20.04"),
          layers,
        }),
      ],
    });
    const text = render(spec)[0]!.dockerfile.content;
    const golden = join(GOLDEN_DIR, `${name}.Dockerfile`);

    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden)) {
      if (process.env.CI === "true") {
        throw new Error(`golden file missing in CI: ${golden}`);
      }
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(golden, text);
    }
    expect(text).toBe(readFileSync(golden, "utf8"));
  });
});
