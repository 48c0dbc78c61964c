/**
 * The committed `dockerfiles/` is the golden output of the catalog: every
 * generated file must match it byte for byte.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import {
  REPO_ROOT,
  readRepoFile,
  render,
  renderFiles,
} from "../support/render.js";

const FILES = [
  "Worker.Base.Dockerfile",
  "Worker.Dockerfile",
  "UserDefault.Base.Dockerfile",
  "UserDefault.Dockerfile",
  "UserTest.Base.Dockerfile",
  "UserTest.Dockerfile",
];

describe("catalog golden files", () => {
  const files = renderFiles();

  it.each(FILES)("%s matches dockerfiles/", (file) => {
    expect(files.get(file)).toBe(readRepoFile(`dockerfiles/${file}`));
  });

  it("context files match dockerfiles/", () => {
    const contextFiles = render().flatMap((image) =>
      image.contextFiles.map((file) => file.path),
    );
    expect(contextFiles.sort()).toEqual([
      "worker-base/modprobe",
      "worker/entrypoint.sh",
      "worker/test_entrypoint.sh",
    ]);
    for (const path of contextFiles) {
      expect(files.get(path), path).toBe(readRepoFile(`dockerfiles/${path}`));
    }
  });

  it("context scripts are executable in dockerfiles/", () => {
    for (const path of ["worker-base/modprobe", "worker/entrypoint.sh"]) {
      const mode = statSync(join(REPO_ROOT, "dockerfiles", path)).mode & 0o777;
      expect(mode & 0o111, path).not.toBe(0);
    }
  });

  it("writes the six Dockerfiles under Lzy's names", () => {
    const dockerfiles = [...files.keys()].filter((path) =>
      path.endsWith(".Dockerfile"),
    );
    expect(dockerfiles.sort()).toEqual([...FILES].sort());
    const committed = readdirSync(join(REPO_ROOT, "dockerfiles")).filter(
      (name) => name.endsWith(".Dockerfile"),
    );
    expect(committed.sort()).toEqual([...FILES].sort());
  });

  it("renders byte-identically run to run", () => {
    const first = render().map((image) => [
      image.dockerfile.content,
      image.tag,
    ]);
    const second = render().map((image) => [
      image.dockerfile.content,
      image.tag,
    ]);
    expect(second).toEqual(first);
  });
});
