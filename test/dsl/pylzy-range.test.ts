/**
 * pylzy's supported Python range is enforced at validation time.
 */
import {
  aptPackages,
  buildFamily,
  condaEnv,
  external,
  family,
  image,
  miniconda,
  pylzy,
  SpecError,
  type LayerSpec,
} from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

const SHA = "96a44849ff17e960eeb8877ecd9055246381c4d4f2d031263b63fa7e2e930af1";

function familyWith(layers: LayerSpec[]) {
  return family({
    registry: "example",
    images: [
      image({
        name: "app",
        file: "App.Dockerfile",
        from: external("ubuntu:20.04"),
        layers: [
          aptPackages({ packages: ["ca-certificates", "curl"] }),
          miniconda({
            version: "24.3.0-0",
            python: "py312",
            sha256: { x86_64: SHA },
          }),
          condaEnv({ name: "py37", python: "3.7.11" }),
          condaEnv({ name: "py39", python: "3.9.7" }),
          ...layers,
        ],
      }),
    ],
  });
}

function problemsOf(layers: LayerSpec[]): string[] {
  try {
    buildFamily(familyWith(layers));
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as SpecError).problems.map(
      (p) => `${p.image}.${p.path}: ${p.message}`,
    );
  }
  return [];
}

describe("pylzy Python range", () => {
  it("rejects a 3.7 env, naming env, version and range", () => {
    const problems = problemsOf([pylzy({ version: "1.15.0" })]);
    expect(problems).toEqual([
      'app.layers[4].envs: conda env "py37" has Python 3.7.11, but pylzy 1.15.0 requires Python >=3.8.0',
    ]);
  });

  it("rejects a 3.7 env named explicitly", () => {
    const problems = problemsOf([pylzy({ version: "1.15.0", envs: ["py37"] })]);
    // Sorted by path: `envs` (the layer's summary) before `envs[0]`.
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain(
      "no conda env has a Python that pylzy 1.15.0 supports",
    );
    expect(problems[1]).toContain('"py37" has Python 3.7.11');
  });

  it("skips incompatible envs when asked to", () => {
    const model = buildFamily(
      familyWith([pylzy({ version: "1.15.0", envs: "compatible" })]),
    );
    const state = model.images[0]!.state.conda!;
    expect(state.envs.get("py39")!.packages.get("pylzy")).toBe("1.15.0");
    expect(state.envs.get("py37")!.packages.has("pylzy")).toBe(false);
  });

  it("needs a range for an unknown pylzy version", () => {
    const problems = problemsOf([pylzy({ version: "2.0.0", envs: ["py39"] })]);
    expect(problems).toEqual([
      "app.layers[4].pythonRange: the supported Python range of pylzy 2.0.0 is not known",
    ]);
  });

  it("accepts an explicit range that admits every env", () => {
    const model = buildFamily(
      familyWith([pylzy({ version: "2.0.0", pythonRange: ">=3.7.0" })]),
    );
    expect(
      model.images[0]!.state.conda!.envs.get("py37")!.packages.get("pylzy"),
    ).toBe("2.0.0");
  });
});
