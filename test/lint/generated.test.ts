/**
 * The real hadolint, with the committed .hadolint.yaml, on every generated
 * Dockerfile: the committed ones, the examples' and the catalog rendered
 * in memory. None may have a finding at any level.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

import { lzyFamily } from "@lzy-images/catalog";
import { buildFamily } from "@lzy-images/dsl";
import { renderFamily } from "@lzy-images/generator";
import { formatFinding, lintFamily, lintFiles } from "@lzy-images/lint";
import { describe, expect } from "vitest";

import { REPO_ROOT } from "../support/render.js";
import {
  findTestHadolint,
  itWithHadolint,
  requireHadolint,
} from "./support.js";

const hadolint = await findTestHadolint();
const itHadolint = itWithHadolint(hadolint);

/** Dockerfiles under `dir`, at any depth, by their `.Dockerfile` extension. */
function dockerfilesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(REPO_ROOT, dir), {
      recursive: true,
      withFileTypes: true,
    });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && /Dockerfile$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes("node_modules"))
    .sort();
}

describe("generated Dockerfiles under hadolint", () => {
  itHadolint("committed files have no findings", async () => {
    const files = [
      ...dockerfilesUnder("dockerfiles"),
      ...dockerfilesUnder("examples"),
    ];
    expect(files.length).toBeGreaterThanOrEqual(6);

    const findings = await lintFiles(files, {
      hadolint: requireHadolint(hadolint),
      env: process.env,
    });
    expect(findings.map(formatFinding)).toEqual([]);
  });

  itHadolint("rendered catalog has no findings", async () => {
    const model = buildFamily(lzyFamily);
    const rendered = renderFamily(model, { regenerate: "pnpm run generate" });
    expect(rendered).toHaveLength(6);

    const findings = await lintFamily(model, rendered, {
      hadolint: requireHadolint(hadolint),
      env: process.env,
      displayPath: (path) => path,
    });
    expect(findings.map(formatFinding)).toEqual([]);
  });
});
