/**
 * The README's lists agree with the code: the external inputs table with
 * the inputs the catalog's blocks declare, the waiver table with every
 * `# hadolint ignore=` the generator emits, and the built-in checks table
 * with the checks.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { lzyFamily } from "@lzy-images/catalog";
import { buildFamily } from "@lzy-images/dsl";
import { BUILT_IN_CHECKS } from "@lzy-images/lint";
import { describe, expect, it } from "vitest";

import { REPO_ROOT, readRepoFile } from "../support/render.js";

const README = readRepoFile("README.md");

/** Returns the README section under `## title`, up to the next `## `. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  expect(start, `README has no "## ${title}" section`).toBeGreaterThan(-1);
  const end = README.indexOf("\n## ", start + 1);
  return README.slice(start, end === -1 ? undefined : end);
}

/** First-column values of the markdown table rows in `text`, unquoted. */
function firstColumn(text: string): string[] {
  return [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);
}

/** Codes of every `# hadolint ignore=` line in the committed Dockerfiles. */
function committedWaiverCodes(): Set<string> {
  const codes = new Set<string>();
  for (const dir of ["dockerfiles", "examples"]) {
    const entries = readdirSync(join(REPO_ROOT, dir), {
      recursive: true,
      withFileTypes: true,
    });
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith("Dockerfile")) {
        continue;
      }
      const text = readFileSync(join(entry.parentPath, entry.name), "utf8");
      for (const match of text.matchAll(/^# hadolint ignore=(\S+)$/gm)) {
        match[1]!.split(",").forEach((code) => codes.add(code));
      }
    }
  }
  return codes;
}

describe("README lint lists", () => {
  it("inputs table matches declared inputs", () => {
    const model = buildFamily(lzyFamily);
    const declared = new Set(
      model.images.flatMap((image) =>
        image.externalInputs.map((input) => input.path),
      ),
    );
    const listed = firstColumn(section("Building the images")).map((path) =>
      path.replace(/\/$/, ""),
    );
    expect(new Set(listed)).toEqual(declared);
  });

  it("waiver table lists every emitted waiver", () => {
    const model = buildFamily(lzyFamily);
    const emitted = committedWaiverCodes();
    for (const image of model.images) {
      for (const instruction of image.instructions) {
        instruction.waiver?.codes.forEach((code) => emitted.add(code));
      }
    }
    expect(emitted.size).toBeGreaterThan(0);

    const listed = new Set(firstColumn(section("Lint")));
    for (const code of emitted) {
      expect(listed, `README's Lint section does not list ${code}`).toContain(
        code,
      );
    }
  });

  it("checks table lists every built-in check", () => {
    const listed = firstColumn(section("Lint"));
    for (const check of BUILT_IN_CHECKS) {
      expect(listed).toContain(check.code);
    }
  });
});
