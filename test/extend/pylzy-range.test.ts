/**
 * extend() with a pylzy version that has no known Python range, and the
 * bound on Python versions of new envs.
 */
import { published } from "@lzy-images/catalog";
import {
  SpecError,
  buildFamily,
  extend,
  family,
  type ImageSpec,
} from "@lzy-images/dsl";
import { renderFamily } from "@lzy-images/generator";
import { expect, it } from "vitest";

function render(image: ImageSpec): string {
  const model = buildFamily(family({ registry: "example", images: [image] }));
  return renderFamily(model, { regenerate: "test" })[0]!.dockerfile.content;
}

/** Problem lines of building `build()`, or [] when it succeeds. */
function problems(build: () => ImageSpec): string[] {
  try {
    render(build());
  } catch (error) {
    if (error instanceof SpecError) {
      return error.message.split("\n");
    }
    throw error;
  }
  return [];
}

const unlisted =
  (pylzy: Record<string, string>, python = "3.11.4") =>
  () =>
    extend(published.userDefault, {
      name: "a",
      pylzy,
      newEnvs: [{ name: "new", python, pylzy: true }],
    } as never);

it("asks for pythonRange of an unlisted pylzy", () => {
  expect(problems(unlisted({ version: "99.0.0" }))).toEqual([
    'a.pylzy.pythonRange: the supported Python range of pylzy 99.0.0 is not known. set pythonRange, such as ">=3.8.0"',
  ]);
});

it("accepts pythonRange for an unlisted pylzy", () => {
  const text = render(
    unlisted({ version: "99.0.0", pythonRange: ">=3.8.0" })(),
  );
  expect(text).toContain("# pylzy 99.0.0 into new.");
});

it("checks new envs against the given pythonRange", () => {
  const build = unlisted({ version: "99.0.0", pythonRange: ">=3.12.0" });
  expect(problems(build)).toEqual([
    'a.newEnvs[0].pylzy: conda env "new" has Python 3.11.4, but pylzy 99.0.0 requires Python >=3.12.0 (received true). use a Python the range admits, or set pylzy to false',
  ]);
});

it.each(["3.99.0", "3.16.0"])("rejects unreleased Python %s", (python) => {
  expect(() => unlisted({ version: "1.15.0" }, python)()).toThrow(
    `a.newEnvs[0].python: unknown Python version: the newest release is 3.15, so use 3.15 or older, such as \`3.12.4\` (received "${python}")`,
  );
});

it("accepts Python 3.15", () => {
  expect(problems(unlisted({ version: "1.15.0" }, "3.15.0"))).toEqual([]);
});
