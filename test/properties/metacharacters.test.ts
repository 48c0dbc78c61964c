/**
 * Values full of shell, Dockerfile, JSON and HTML metacharacters either
 * reach the image exactly (the rendered fragment is run in bash and read
 * back) or are rejected with a SpecError at their path. Never a crash,
 * never an extra instruction, never an HTML entity.
 */
import { SpecError, directories, entrypoint, envVars } from "@lzy-images/dsl";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  HTML_ENTITY,
  LINE_BREAK,
  RUNS,
  allOutput,
  argumentsOf,
  awkwardString,
  bash,
  keywords,
  oneImage,
  renderOrReject,
} from "./support.js";

/** Characters a path cannot carry through COPY, WORKDIR or VOLUME. */
const UNSAFE_PATH = /[\x00-\x1f\x7f$'"`\\]/;

function expectRejectedAt(result: unknown, path: string, received: string) {
  expect(result).toBeInstanceOf(SpecError);
  const problems = (result as SpecError).problems;
  expect(problems.map((problem) => problem.path)).toContain(path);
  expect(problems.find((p) => p.path === path)?.received).toBe(received);
}

describe("metacharacters", () => {
  it("ENV values reach bash unchanged or are rejected", () => {
    fc.assert(
      fc.property(awkwardString, (value) => {
        const result = renderOrReject(
          // Explicitly literal, because a plain string with `$NAME` is
          // rejected.
          oneImage([envVars({ vars: { VALUE: { value, expand: false } } })]),
        );
        if (LINE_BREAK.test(value)) {
          expectRejectedAt(result, "layers[0].vars.VALUE.value", value);
          return;
        }
        expect(result).not.toBeInstanceOf(SpecError);
        const dockerfile = (result as Exclude<typeof result, SpecError>)[0]!
          .dockerfile.content;

        const [assignment] = argumentsOf(dockerfile, "ENV");
        expect(assignment).toMatch(/^VALUE=/);
        expect(bash(`export ${assignment}; printf '%s' "$VALUE"`)).toBe(value);
        expect(keywords(dockerfile)).toEqual(["FROM", "ENV", "LABEL"]);
        expect(dockerfile).not.toMatch(HTML_ENTITY);
      }),
      { numRuns: RUNS },
    );
  });

  it("RUN arguments reach the command unchanged or are rejected", () => {
    fc.assert(
      fc.property(awkwardString, (value) => {
        const path = `/${value}`;
        const result = renderOrReject(
          oneImage([directories({ paths: [path] })]),
        );
        if (UNSAFE_PATH.test(path) || path.trim() !== path) {
          expectRejectedAt(result, "layers[0].paths[0]", path);
          return;
        }
        expect(result).not.toBeInstanceOf(SpecError);
        const dockerfile = (result as Exclude<typeof result, SpecError>)[0]!
          .dockerfile.content;

        const [run] = argumentsOf(dockerfile, "RUN");
        // A function in place of mkdir prints the argv it receives.
        const argv = bash(`mkdir() { printf '%s\\0' "$@"; }; ${run}`);
        expect(argv.split("\0").slice(0, -1)).toEqual(["-p", path]);
        expect(keywords(dockerfile)).toEqual(["FROM", "SHELL", "RUN", "LABEL"]);
        expect(dockerfile).not.toMatch(HTML_ENTITY);
      }),
      { numRuns: RUNS },
    );
  });

  it("exec-form arguments are exact JSON or are rejected", () => {
    fc.assert(
      fc.property(
        fc.array(awkwardString, { minLength: 1, maxLength: 4 }),
        (argv) => {
          const result = renderOrReject(oneImage([entrypoint({ argv })]));
          const bad = argv.findIndex((arg) => LINE_BREAK.test(arg));
          if (bad !== -1) {
            expectRejectedAt(result, `layers[0].argv[${bad}]`, argv[bad]!);
            return;
          }
          if (argv[0] === "") {
            expectRejectedAt(result, "layers[0].argv[0]", "");
            return;
          }
          expect(result).not.toBeInstanceOf(SpecError);
          const images = result as Exclude<typeof result, SpecError>;
          const dockerfile = images[0]!.dockerfile.content;

          const [form] = argumentsOf(dockerfile, "ENTRYPOINT");
          expect(JSON.parse(form!)).toEqual(argv);
          expect(keywords(dockerfile)).toEqual(["FROM", "ENTRYPOINT", "LABEL"]);
          expect(allOutput(images)).not.toMatch(HTML_ENTITY);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
