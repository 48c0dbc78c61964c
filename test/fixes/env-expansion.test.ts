/**
 * ENV values: a plain string is literal, so one that reads as a variable
 * reference is rejected with a hint, and `{ value, expand }` states the
 * choice explicitly, in envVars and in extend's env.
 */
import { published } from "@lzy-images/catalog";
import {
  SpecError,
  envVars,
  extend,
  type EnvVarsOptions,
} from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

import { oneImage, renderOrReject } from "../properties/support.js";

function render(vars: EnvVarsOptions["vars"]): string | SpecError {
  const result = renderOrReject(oneImage([envVars({ vars })]));
  return result instanceof SpecError ? result : result[0]!.dockerfile.content;
}

function problemsOf(vars: EnvVarsOptions["vars"]): string[] {
  const result = render(vars);
  return result instanceof SpecError
    ? result.problems.map((problem) => `${problem.path}: ${problem.message}`)
    : [];
}

describe("plain value with a reference", () => {
  it.each([
    ["PATH", "/opt/tools/bin:$PATH", "$PATH"],
    ["LD_LIBRARY_PATH", "/cuda/lib64:${LD_LIBRARY_PATH}", "${LD_LIBRARY_PATH}"],
    ["GREETING", "hello $USER_NAME", "$USER_NAME"],
  ])("rejects %s=%s", (name, value, reference) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`layers[0].vars.${name}: `);
    expect(problems[0]).toContain(`${reference} would not be expanded`);
    expect(problems[0]).toContain('"expand": true');
  });

  it("rejects one in extend's env", () => {
    const build = () =>
      extend(published.userDefault, {
        name: "paths",
        env: { PATH: "/opt/tools/bin:$PATH" },
      });
    expect(build).toThrow(SpecError);
    expect(build).toThrow(/paths\.env\.PATH: a plain value is literal/);
  });
});

describe("values without a reference", () => {
  it.each(["price $5", "a $ b", "100%", "$", "x$"])("accepts %j", (value) => {
    expect(problemsOf({ V: value })).toEqual([]);
  });
});

it("expands an explicit reference", () => {
  const text = render({
    PATH: { value: "/opt/tools/bin:$PATH", expand: true },
  });
  expect(text).toContain('ENV PATH="/opt/tools/bin:$PATH"\n');
});

it("keeps an explicit literal", () => {
  const text = render({ HOME_TEXT: { value: "$HOME", expand: false } });
  expect(text).toContain("ENV HOME_TEXT='$HOME'\n");
});

it("splits ENV at a same-instruction reference", () => {
  const text = render({
    TOOLS: "/opt/tools",
    PATH: { value: "${TOOLS}/bin:$PATH", expand: true },
    OTHER: "1",
  }) as string;
  expect(text).toContain("ENV TOOLS=/opt/tools\n");
  expect(text).toContain('ENV PATH="${TOOLS}/bin:$PATH" \\\n    OTHER=1\n');
});

it("keeps one ENV for unrelated references", () => {
  const text = render({
    A: "1",
    PATH: { value: "/x:$PATH", expand: true },
  }) as string;
  expect(text).toContain('ENV A=1 \\\n    PATH="/x:$PATH"\n');
});

it("rejects an unclosed ${", () => {
  const problems = problemsOf({ P: { value: "${PATH:/x", expand: true } });
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain("layers[0].vars.P: `${` has no closing `}`");
});

it("accepts explicit values in extend's env", () => {
  expect(() =>
    extend(published.userDefault, {
      name: "paths",
      env: { PATH: { value: "/opt/tools/bin:$PATH", expand: true } },
    }),
  ).not.toThrow();
});
