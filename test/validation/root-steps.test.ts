/**
 * Layers that need root after the image switched to a non-root user:
 * rejected in layered images and in extensions of a parent that runs as
 * such a user, while steps that a user can run stay accepted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import {
  SpecError,
  aptPackages,
  buildFamily,
  copyFiles,
  describe as describeImage,
  directories,
  envVars,
  extend,
  external,
  family,
  image,
  user,
  type FamilySpec,
  type LayerSpec,
} from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";

/** Problems of a spec as `image.path: message (received X). hint` lines. */
function problems(build: () => FamilySpec): string[] {
  try {
    buildFamily(build());
  } catch (error) {
    if (error instanceof SpecError) {
      return error.message.split("\n");
    }
    throw error;
  }
  return [];
}

function layered(layers: LayerSpec[]): FamilySpec {
  return family({
    registry: "example",
    images: [
      image({
        name: "e",
        file: "E.Dockerfile",
        from: external("ubuntu:22.04"),
        layers,
      }),
    ],
  });
}

/** Reads the description of the data-science example, which runs as "analyst". */
function dataScience() {
  const path = join(
    REPO_ROOT,
    "examples/data-science/dockerfiles/DataScience.json",
  );
  return describeImage(JSON.parse(readFileSync(path, "utf8")));
}

const BOB = user({ name: "bob", uid: 1001 });

describe("layered image", () => {
  it("rejects apt-packages after user", () => {
    const spec = () => layered([BOB, aptPackages({ packages: ["curl"] })]);
    expect(problems(spec)).toEqual([
      'e.layers[1]: this apt-packages layer needs root, but the image runs as user "bob" here. move this layer before the user layer that switches to "bob"; when the base image runs as "bob", add the step to that image instead',
    ]);
  });

  it("rejects a second user", () => {
    const spec = () => layered([BOB, user({ name: "eve", uid: 1002 })]);
    expect(problems(spec)).toEqual([
      expect.stringMatching(/^e\.layers\[1\]: this user layer needs root/),
    ]);
  });

  it("rejects directories under root-owned paths", () => {
    const spec = () =>
      layered([BOB, directories({ paths: ["/home/bob/data", "/opt/data"] })]);
    expect(problems(spec)).toEqual([
      expect.stringMatching(
        /^e\.layers\[1\]: this directories layer needs root/,
      ),
    ]);
  });

  it("accepts directories the user can create", () => {
    const spec = () =>
      layered([
        BOB,
        directories({ paths: ["/home/bob/data", "/tmp/cache", "/var/tmp/x"] }),
      ]);
    expect(problems(spec)).toEqual([]);
  });

  it("accepts root steps before user", () => {
    const spec = () => layered([aptPackages({ packages: ["curl"] }), BOB]);
    expect(problems(spec)).toEqual([]);
  });

  it("accepts user-level steps after user", () => {
    const spec = () =>
      layered([
        BOB,
        envVars({ vars: { A: "1" } }),
        copyFiles({ sources: ["x.txt"], dest: "/home/bob/" }),
      ]);
    expect(problems(spec)).toEqual([]);
  });
});

describe("extension of a non-root parent", () => {
  const child = (fields: Record<string, unknown>) => () =>
    family({
      registry: "example",
      images: [extend(dataScience(), { name: "child", ...fields } as never)],
    });

  it("rejects user", () => {
    expect(() => child({ user: { name: "bob", uid: 1001 } })()).toThrow(
      'child.user: data-science runs as user "analyst", and this step needs root',
    );
  });

  it("accepts env and files", () => {
    const spec = child({
      env: { A: "1" },
      files: [{ sources: ["x.txt"], dest: "/home/analyst/" }],
    });
    expect(problems(spec)).toEqual([]);
  });
});
