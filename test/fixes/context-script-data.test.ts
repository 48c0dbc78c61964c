/**
 * The data of the built-in context templates is checked against the
 * template's schema when the spec is validated. Shell text in place of an
 * integer, a string in place of a boolean or a list, and unknown keys are
 * rejected with their path. The CLI exits 2 on them, without a stack trace.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { SpecError } from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

import { oneImage, renderOrReject } from "../properties/support.js";
import { generateWith } from "../validation/cli-support.js";

const VALID = {
  startDocker: true,
  dockerdTimeoutSeconds: 60,
  jar: "/app/app.jar",
  javaOptions: ["-Xmx1G"],
};

function specWith(data: Record<string, unknown>) {
  return oneImage([
    {
      block: "context-script",
      options: {
        name: "run.sh",
        template: "lzy/worker-entrypoint.sh",
        dest: "/run.sh",
        data,
      },
    },
  ]);
}

function problemsOf(data: Record<string, unknown>): string[] {
  const result = renderOrReject(specWith(data));
  if (!(result instanceof SpecError)) {
    return [];
  }
  return result.problems.map(
    (problem) => `${problem.path}: ${problem.message}`,
  );
}

const CASES: ReadonlyArray<{
  name: string;
  data: Record<string, unknown>;
  path: string;
  message: RegExp;
}> = [
  {
    name: "shell text as the timeout",
    data: { ...VALID, dockerdTimeoutSeconds: "1 ]; then curl x | sh; fi" },
    path: "layers[0].data.dockerdTimeoutSeconds",
    message: /expected a number/,
  },
  {
    name: "a string as startDocker",
    data: { ...VALID, startDocker: "no" },
    path: "layers[0].data.startDocker",
    message: /expected a boolean/,
  },
  {
    name: "a string as javaOptions",
    data: { ...VALID, javaOptions: "-Xmx1G" },
    path: "layers[0].data.javaOptions",
    message: /expected an? (array|list)/,
  },
  {
    name: "a relative jar path",
    data: { ...VALID, jar: "app.jar" },
    path: "layers[0].data.jar",
    message: /absolute path/,
  },
  {
    name: "a fractional timeout",
    data: { ...VALID, dockerdTimeoutSeconds: 1.5 },
    path: "layers[0].data.dockerdTimeoutSeconds",
    message: /integer|int/,
  },
  {
    name: "no wait for a started dockerd",
    data: { ...VALID, dockerdTimeoutSeconds: 0 },
    path: "layers[0].data.dockerdTimeoutSeconds",
    message: /at least 1 s/,
  },
  {
    name: "an unknown key",
    data: { ...VALID, dockerdTimeout: 5 },
    path: "layers[0].data.dockerdTimeout",
    message: /unknown data .* use one of startDocker, dockerdTimeoutSeconds/,
  },
  {
    name: "a missing key",
    data: { startDocker: false, jar: "/app.jar", javaOptions: [] },
    path: "layers[0].data.dockerdTimeoutSeconds",
    message: /missing required value/,
  },
];

describe.each(CASES)("worker entrypoint data: $name", (testCase) => {
  it("is rejected at its path", () => {
    const problems = problemsOf(testCase.data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${escape(testCase.path)}: `));
    expect(problems[0]).toMatch(testCase.message);
  });
});

it("accepts valid entrypoint data", () => {
  expect(problemsOf(VALID)).toEqual([]);
});

it("exits 2 on a wrong data type", async () => {
  const out = mkdtempSync(join(tmpdir(), "lzy-context-data-"));
  const spec = specWith({ ...VALID, javaOptions: "-Xmx1G" });
  const result = await generateWith(spec, join(out, "dockerfiles"));
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("app.layers[0].data.javaOptions");
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

it("leaves data of other templates alone", () => {
  const spec = oneImage([
    {
      block: "context-script",
      options: {
        name: "x.sh",
        template: "constructor",
        dest: "/x.sh",
        data: { any: "value" },
      },
    },
  ]);
  // No schema applies, so validation passes and rendering reports the
  // missing template file.
  expect(() => renderOrReject(spec)).toThrow(/template not found/);
});
