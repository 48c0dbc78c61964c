/**
 * Package names and requirement strings reach apt-get and pip as single
 * unchanged arguments, or are rejected by their grammar with a SpecError.
 * The rendered RUN line is run in bash with the tools replaced by
 * functions that print the argv they receive.
 */
import {
  SpecError,
  aptPackages,
  condaEnv,
  miniconda,
  type RenderedImage,
} from "@lzy-images/dsl";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  RUNS,
  argumentsOf,
  awkwardString,
  bash,
  keywords,
  oneImage,
  renderOrReject,
} from "./support.js";

/** Splits NUL-terminated output into arguments. */
function argvOf(output: string): string[] {
  return output.split("\0").slice(0, -1);
}

/** Requirements that are valid PEP 508 and full of shell metacharacters. */
const validRequirement = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,6}[A-Za-z0-9]$/),
    fc.constantFrom("", "[cuda]", "[a, b]"),
    fc.constantFrom("", ">=1.0", "==2.1.0", "<3,>=2", "~=1.4", "!=1.5.*"),
    fc.constantFrom(
      "",
      '; python_version<"3.9"',
      "; sys_platform == 'linux'",
      "; (os_name=='posix' or python_version>='3.8')",
    ),
  )
  .map((parts) => parts.join(""));

const validDebianPackage = fc.stringMatching(
  /^[a-z0-9][a-z0-9+.-]{1,10}(?:=(?:[0-9]:)?[0-9][A-Za-z0-9.+~-]{0,8})?$/,
);

describe("package names", () => {
  it("reach apt-get unchanged or are rejected", () => {
    fc.assert(
      fc.property(fc.oneof(awkwardString, validDebianPackage), (name) => {
        const result = renderOrReject(
          oneImage([aptPackages({ packages: [name] })]),
        );
        if (result instanceof SpecError) {
          expect(result.problems.map((problem) => problem.path)).toEqual([
            "layers[0].packages[0]",
          ]);
          return;
        }
        const dockerfile = (result as RenderedImage[])[0]!.dockerfile.content;
        const [run] = argumentsOf(dockerfile, "RUN");
        const argv = bash(
          `apt-get() { if [ "$1" = install ]; then printf '%s\\0' "$@"; fi; }; rm() { :; }; ${run}`,
        );
        expect(argvOf(argv)).toEqual([
          "install",
          "-y",
          "--no-install-recommends",
          name,
        ]);
        expect(keywords(dockerfile)).toEqual([
          "FROM",
          "SHELL",
          "ARG",
          "RUN",
          "LABEL",
        ]);
      }),
      { numRuns: RUNS },
    );
  });

  it("reach pip unchanged or are rejected", () => {
    const setup = [
      aptPackages({ packages: ["ca-certificates", "wget"] }),
      miniconda({
        version: "24.3.0-0",
        python: "py312",
        sha256: {
          x86_64:
            "96a44849ff17e960eeb8877ecd9055246381c4d4f2d031263b63fa7e2e930af1",
        },
      }),
    ];
    fc.assert(
      fc.property(fc.oneof(awkwardString, validRequirement), (requirement) => {
        const result = renderOrReject(
          oneImage([
            ...setup,
            condaEnv({ name: "py39", python: "3.9.7", pip: [requirement] }),
          ]),
        );
        if (result instanceof SpecError) {
          expect(result.problems.map((problem) => problem.path)).toEqual([
            "layers[2].pip[0]",
          ]);
          return;
        }
        const dockerfile = (result as RenderedImage[])[0]!.dockerfile.content;
        const run = argumentsOf(dockerfile, "RUN").find((text) =>
          text.startsWith("conda create"),
        );
        // A function named by the env's interpreter path prints its argv.
        const argv = bash(
          `conda() { :; }; function /root/miniconda3/envs/py39/bin/python { printf '%s\\0' "$@"; }; ${run}`,
        );
        expect(argvOf(argv)).toEqual([
          "-m",
          "pip",
          "install",
          "--no-cache-dir",
          requirement,
        ]);
      }),
      { numRuns: RUNS },
    );
  });
});
