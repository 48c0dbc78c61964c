/**
 * Content tags: a final image's tag changes with its own inputs and its
 * base's tag, a base's tag only with its own inputs.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { lzyFamily } from "@lzy-images/catalog";
import { pylzy, type FamilySpec, type ImageSpec } from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

import { render } from "../support/render.js";
import {
  catalogConfig,
  cli,
  cliProcess,
  generateInto,
  generatedWithConfig,
  rewriteConfig,
  withLayerOptions,
} from "./support.js";

const BASES = ["worker-base", "user-default-base", "user-test-base"];
const FINALS = ["worker", "user-default", "user-test"];

function tagsOf(spec: FamilySpec): Map<string, string> {
  return new Map(render(spec).map((image) => [image.image.name, image.tag]));
}

/** Returns the catalog with `change` applied to the images it names. */
function changed(
  change: (image: ImageSpec) => ImageSpec | undefined,
): FamilySpec {
  return {
    ...lzyFamily,
    images: lzyFamily.images.map((image) => change(image) ?? image),
  };
}

/** The catalog with every pylzy layer at another release. */
const newPylzy = changed((image) =>
  image.layers.some((layer) => layer.block === "pylzy")
    ? {
        ...image,
        layers: image.layers.map((layer) =>
          layer.block === "pylzy"
            ? pylzy({ version: "1.16.0", pythonRange: ">=3.8.0" })
            : layer,
        ),
      }
    : undefined,
);

describe("content tags", () => {
  const before = tagsOf(lzyFamily);

  it("are short hex digests", () => {
    for (const tag of before.values()) {
      expect(tag).toMatch(/^[0-9a-f]{12}$/);
    }
  });

  it("change for finals on a pylzy release", () => {
    const after = tagsOf(newPylzy);
    for (const name of FINALS) {
      expect(after.get(name), name).not.toBe(before.get(name));
    }
  });

  it("keep bases on a pylzy release", () => {
    const after = tagsOf(newPylzy);
    for (const name of BASES) {
      expect(after.get(name), name).toBe(before.get(name));
    }
  });

  it("follow a base change to its final", () => {
    const after = tagsOf(
      changed((image) =>
        image.name === "user-test-base"
          ? {
              ...image,
              layers: image.layers.map((layer) =>
                layer.block === "locale"
                  ? { ...layer, options: { name: "en_GB.UTF-8" } }
                  : layer,
              ),
            }
          : undefined,
      ),
    );
    expect(after.get("user-test-base")).not.toBe(before.get("user-test-base"));
    expect(after.get("user-test")).not.toBe(before.get("user-test"));
    for (const name of ["worker-base", "worker", "user-default-base"]) {
      expect(after.get(name), name).toBe(before.get(name));
    }
    expect(after.get("user-default")).toBe(before.get("user-default"));
  });

  it("are the final's base tag argument", () => {
    const images = render();
    const workerBase = images.find(
      (image) => image.image.name === "worker-base",
    );
    const worker = images.find((image) => image.image.name === "worker");
    expect(worker?.dockerfile.content).toContain(
      `ARG WORKER_BASE_TAG=${workerBase?.tag}\n`,
    );
  });
});

describe("lzy-images tags", () => {
  it("prints every image with its tag", async () => {
    const result = await cli(["tags"]);
    expect(result.code).toBe(0);
    for (const name of [...BASES, ...FINALS]) {
      expect(result.stdout).toMatch(new RegExp(`^${name} +[0-9a-f]{12}$`, "m"));
    }
  });

  it("marks changes since a tags file", async () => {
    const { config, out } = await generatedWithConfig();
    rewriteConfig(
      config,
      withLayerOptions(FINALS, "pylzy", {
        version: "1.16.0",
        pythonRange: ">=3.8.0",
      }),
    );

    const result = cliProcess([
      "tags",
      "--config",
      config,
      "--since",
      join(out, "tags.json"),
      "--json",
    ]);
    expect(result.code).toBe(0);
    const status = Object.fromEntries(
      JSON.parse(result.stdout).images.map(
        (image: { name: string; status: string }) => [image.name, image.status],
      ),
    );
    expect(status).toEqual({
      "worker-base": "unchanged",
      worker: "changed",
      "user-default-base": "unchanged",
      "user-default": "changed",
      "user-test-base": "unchanged",
      "user-test": "changed",
    });
  });

  it("lists changed bake targets", async () => {
    const { config, out } = await generatedWithConfig();
    rewriteConfig(
      config,
      withLayerOptions(["user-test"], "pylzy", {
        version: "1.16.0",
        pythonRange: ">=3.8.0",
      }),
    );

    const result = cliProcess([
      "tags",
      "--config",
      config,
      "--since",
      join(out, "tags.json"),
      "--changed",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("user-test\n");
  });

  it("shows added and removed images", async () => {
    const out = await generateInto();
    writeFileSync(
      join(out, "old-tags.json"),
      JSON.stringify({
        registry: "lzydock",
        tags: { worker: "000000000000", retired: "111111111111" },
      }),
    );

    const result = await cli(["tags", "--since", join(out, "old-tags.json")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^worker +[0-9a-f]{12}  changed \(was 000000000000\)$/m,
    );
    expect(result.stdout).toMatch(/^worker-base +[0-9a-f]{12}  added$/m);
    expect(result.stdout).toMatch(
      /^retired +-  +removed \(was 111111111111\)$/m,
    );
  });

  it("rejects a file that is not a tags file", async () => {
    const out = await generateInto();
    const result = await cli([
      "tags",
      "--since",
      join(out, "docker-bake.json"),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("docker-bake.json");
  });

  it("rejects --changed without --since", async () => {
    const result = await cli(["tags", "--changed"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--since");
  });
});
