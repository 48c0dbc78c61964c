/**
 * extend() output: the parent's FROM, only the new layers, installs through
 * each env's own interpreter, and descriptions that survive the round trip
 * through the JSON file and the image label.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { published } from "@lzy-images/catalog";
import {
  DESCRIPTION_LABEL,
  DescriptionError,
  buildFamily,
  describe as describeImage,
  extend,
  family,
  type ImageSpec,
} from "@lzy-images/dsl";
import { renderFamily } from "@lzy-images/generator";
import { describe, expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";

const DOCKERFILES = join(REPO_ROOT, "dockerfiles");

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

function render(image: ImageSpec): string {
  const model = buildFamily(family({ registry: "example", images: [image] }));
  return renderFamily(model, { regenerate: "test" })[0]!.dockerfile.content;
}

/** The JSON of the description label in a rendered Dockerfile. */
function labelJson(dockerfile: string): Record<string, unknown> {
  const line = dockerfile
    .split("\n")
    .find((text) => text.startsWith(`LABEL ${DESCRIPTION_LABEL}=`))!;
  const value = line.slice(`LABEL ${DESCRIPTION_LABEL}=`.length);
  // Literal LABEL values are single-quoted; JSON has no `'` to escape.
  return JSON.parse(value.slice(1, -1)) as Record<string, unknown>;
}

const pulled = describeImage(
  readJson(join(DOCKERFILES, "UserDefault.json")) as unknown,
);

describe("extend output", () => {
  const text = render(
    extend(pulled, {
      name: "trainer",
      apt: ["libgl1", "git=1:2.25.1-1ubuntu3"],
      newEnvs: [{ name: "torch", python: "3.11.9", conda: ["numpy=1.26.4"] }],
      install: [
        { envs: "all", pip: ["pandas==2.0.3"] },
        { envs: ["py39"], conda: ["scipy=1.11.4"] },
      ],
    }),
  );

  it("starts FROM the parent at its tag", () => {
    expect(text).toContain(`ARG USER_DEFAULT_TAG=${pulled.tag}\n`);
    expect(text).toContain("ARG USER_DEFAULT_REGISTRY=lzydock\n");
    expect(text).toContain(
      "FROM ${USER_DEFAULT_REGISTRY}/user-default:${USER_DEFAULT_TAG}\n",
    );
  });

  it("contains only the new layers", () => {
    expect(text).not.toContain("miniconda.sh");
    expect(text).not.toContain("localedef");
    expect(text).not.toContain("gen_proto.sh");
  });

  it("writes apt pins literally", () => {
    expect(text).toContain("git=1:2.25.1-1ubuntu3");
  });

  it("never activates an env", () => {
    expect(text).not.toMatch(/conda activate|source activate/);
    expect(text).not.toMatch(/(^|&& |RUN )pip install/m);
  });

  it("installs with each env's interpreter", () => {
    for (const env of ["default", "py38", "py39", "torch"]) {
      expect(text).toContain(
        `/root/miniconda3/envs/${env}/bin/python -m pip install --no-cache-dir pandas==2.0.3`,
      );
    }
    expect(text).toContain(
      "conda install -y -n py39 --override-channels -c conda-forge scipy=1.11.4",
    );
  });

  it("describes the new env in its label", () => {
    const description = labelJson(text) as {
      conda: { envs: Record<string, { python: string }> };
    };
    expect(description.conda.envs["torch"]?.python).toBe("3.11.9");
  });
});

describe("parent registry and tag", () => {
  it("takes overrides from the options", () => {
    const text = render(
      extend(published.userDefault, {
        name: "mirrored",
        registry: "mirror.example.com/lzy",
        tag: "1.15.0",
        env: { A: "1" },
      }),
    );
    expect(text).toContain(
      "ARG USER_DEFAULT_REGISTRY=mirror.example.com/lzy\n",
    );
    expect(text).toContain("ARG USER_DEFAULT_TAG=1.15.0\n");
  });

  it("asks for a tag the description lacks", () => {
    const text = render(
      extend(published.userDefault, { name: "untagged", env: { A: "1" } }),
    );
    expect(text).toContain("pass --build-arg USER_DEFAULT_TAG=TAG");
    expect(text).toContain("ARG USER_DEFAULT_TAG\n");
  });
});

describe("non-root parent", () => {
  const dataScience = describeImage(
    readJson(
      join(REPO_ROOT, "examples/data-science/dockerfiles/DataScience.json"),
    ) as unknown,
  );

  it("rejects steps that need root", () => {
    expect(() => extend(dataScience, { name: "more", apt: ["curl"] })).toThrow(
      /more\.apt: data-science runs as user "analyst"/,
    );
  });

  it("accepts steps that do not", () => {
    const text = render(extend(dataScience, { name: "more", env: { A: "1" } }));
    expect(text).toContain("FROM ${DATA_SCIENCE_REGISTRY}/data-science:");
  });
});

describe("published descriptions", () => {
  const files = readdirSync(DOCKERFILES).filter((name) =>
    name.endsWith(".Dockerfile"),
  );

  it.each(files)("%s label matches its JSON", (name) => {
    const dockerfile = readFileSync(join(DOCKERFILES, name), "utf8");
    const json = readJson(
      join(DOCKERFILES, name.replace(/\.Dockerfile$/, ".json")),
    );
    const { tag, ...withoutTag } = json;
    expect(typeof tag).toBe("string");
    expect(labelJson(dockerfile)).toEqual(withoutTag);
  });

  it("catalog description matches the file", () => {
    const { tag: _, ...fromFile } = pulled;
    expect({ ...published.userDefault }).toEqual(fromFile);
  });

  it("describe rejects a broken description", () => {
    const broken = { ...readJson(join(DOCKERFILES, "UserTest.json")) };
    broken["workdir"] = "relative";
    expect(() => describeImage(broken as unknown)).toThrow(DescriptionError);
    expect(() => describeImage(broken as unknown)).toThrow(/workdir/);
  });
});
