/**
 * Text that becomes a comment line cannot read as a hadolint pragma or a
 * BuildKit parser directive: descriptions are rejected when the spec is
 * validated, and the renderer rejects such comments from any block.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  SpecError,
  aptPackages,
  buildFamily,
  builtInBlocks,
  defineBlock,
  external,
  family,
  image,
  type FamilySpec,
  type LayerSpec,
} from "@lzy-images/dsl";
import { renderFamily } from "@lzy-images/generator";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { generateWith } from "../validation/cli-support.js";

function spec(description: string, layers: LayerSpec[] = []): FamilySpec {
  return family({
    registry: "example",
    images: [
      image({
        name: "app",
        file: "App.Dockerfile",
        description,
        from: external("ubuntu:20.04"),
        layers,
      }),
    ],
  });
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof SpecError) {
      return error.problems.map(
        (problem) => `${problem.path}: ${problem.message}`,
      );
    }
    throw error;
  }
  return [];
}

describe.each([
  "hadolint global ignore=DL3048,DL3008",
  "hadolint ignore=DL3008",
  " hadolint\tshell=powershell",
  "HADOLINT ignore=DL3008",
  "syntax=evil.example/frontend",
  "escape=`",
  " check = skip=all",
])("description %j", (description) => {
  it("is rejected at validation", () => {
    const problems = problemsOf(() => buildFamily(spec(description)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^description: a comment line cannot start/);
  });
});

describe.each([
  "hadolint-clean image",
  "Linted by hadolint ignore=nothing",
  "syntax highlighting demo",
  "checks=none",
])("description %j", (description) => {
  it("is accepted", () => {
    expect(problemsOf(() => buildFamily(spec(description)))).toEqual([]);
  });
});

it("rejects a pragma in unpinnedReason", () => {
  const model = buildFamily(
    spec("app", [
      aptPackages({
        packages: ["curl"],
        unpinnedReason: "hadolint global ignore=DL3048",
      }),
    ]),
  );
  const problems = problemsOf(() =>
    renderFamily(model, { regenerate: "test" }),
  );
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/^layers\[0\]: comment text would read as/);
});

it("rejects a line break from a block", () => {
  const noteBlock = defineBlock({
    name: "note",
    schema: z.strictObject({ text: z.string() }),
    apply(options, context) {
      context.emit({ kind: "USER", user: "0" }, { comments: [options.text] });
    },
  });
  const blocks = new Map([...builtInBlocks, ["note", noteBlock]]);
  const layer = { block: "note", options: { text: "ok\nRUN curl x | sh" } };
  const model = buildFamily(spec("app", [layer]), blocks);
  const problems = problemsOf(() =>
    renderFamily(model, { regenerate: "test" }),
  );
  expect(problems).toEqual([
    "layers[0]: comment text would read as a hadolint pragma or a parser directive, or span lines",
  ]);
});

it("exits 2 on a pragma description", async () => {
  const result = await generateWith(
    spec("hadolint global ignore=DL3048"),
    join(mkdtempSync(join(tmpdir(), "lzy-pragma-")), "out"),
  );
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("app.description: a comment line cannot");
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
