/**
 * The generated docker-bake.json, parsed: targets, groups, contexts and
 * tags for all six images, checked against the generated Dockerfiles.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import type { BakeDocument } from "@lzy-images/generator";
import { beforeAll, describe, expect, it } from "vitest";

import { generateInto } from "./support.js";

const IMAGES = {
  "worker-base": { file: "Worker.Base.Dockerfile", base: undefined },
  worker: { file: "Worker.Dockerfile", base: "worker-base" },
  "user-default-base": { file: "UserDefault.Base.Dockerfile", base: undefined },
  "user-default": { file: "UserDefault.Dockerfile", base: "user-default-base" },
  "user-test-base": { file: "UserTest.Base.Dockerfile", base: undefined },
  "user-test": { file: "UserTest.Dockerfile", base: "user-test-base" },
} as const;

type ImageName = keyof typeof IMAGES;
const NAMES = Object.keys(IMAGES) as ImageName[];
const FINALS = NAMES.filter((name) => IMAGES[name].base !== undefined);

let out: string;
let bake: BakeDocument;
let tags: Record<string, string>;

beforeAll(async () => {
  out = await generateInto();
  bake = JSON.parse(readFileSync(join(out, "docker-bake.json"), "utf8"));
  tags = JSON.parse(readFileSync(join(out, "tags.json"), "utf8")).tags;
});

/**
 * Evaluates the few HCL interpolations the bake file uses, with the
 * variables at their defaults. `familiar_registry` of the default
 * registry is the registry itself.
 */
function evaluate(template: string): string {
  const registry = bake.variable.REGISTRY!.default;
  return template
    .replaceAll("${familiar_registry(REGISTRY)}", registry)
    .replaceAll("${REGISTRY}", registry);
}

/**
 * Expands the FROM reference of a Dockerfile as BuildKit does: build
 * arguments from `args`, or their defaults where `args` has none.
 */
function fromReference(dockerfile: string, args: Record<string, string>) {
  const defaults = new Map<string, string>();
  for (const match of dockerfile.matchAll(/^ARG (\w+)=(\S+)$/gm)) {
    defaults.set(match[1]!, match[2]!);
  }
  const from = dockerfile.match(/^FROM (\S+)/m)![1]!;
  return from.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    return args[name] ?? defaults.get(name) ?? "";
  });
}

describe("docker-bake.json", () => {
  it("has one target per image", () => {
    expect(Object.keys(bake.target).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      expect(bake.target[name]!.dockerfile, name).toBe(IMAGES[name].file);
      expect(bake.target[name]!.context, name).toBe(".");
    }
  });

  it("groups bases, finals and all", () => {
    expect(bake.group.bases!.targets).toEqual([
      "worker-base",
      "user-default-base",
      "user-test-base",
    ]);
    expect(bake.group.finals!.targets).toEqual([
      "worker",
      "user-default",
      "user-test",
    ]);
    expect(bake.group.all!.targets).toEqual(NAMES);
    expect(bake.group.default!.targets).toEqual(["all"]);
  });

  it("links each final to its base target", () => {
    for (const name of FINALS) {
      const contexts = bake.target[name]!.contexts ?? {};
      expect(Object.values(contexts), name).toEqual([
        `target:${IMAGES[name].base}`,
      ]);
    }
  });

  it("keys each context by the FROM reference", () => {
    for (const name of FINALS) {
      const target = bake.target[name]!;
      const dockerfile = readFileSync(join(out, IMAGES[name].file), "utf8");
      const args = Object.fromEntries(
        Object.entries(target.args ?? {}).map(([key, value]) => [
          key,
          evaluate(value),
        ]),
      );
      const [key] = Object.keys(target.contexts ?? {});
      expect(evaluate(key!), name).toBe(fromReference(dockerfile, args));
      expect(evaluate(key!), name).toBe(
        `lzydock/${IMAGES[name].base}:${tags[IMAGES[name].base!]}`,
      );
    }
  });

  it("leaves bases without contexts", () => {
    for (const name of NAMES.filter((name) => !FINALS.includes(name))) {
      expect(bake.target[name]!.contexts, name).toBeUndefined();
      expect(bake.target[name]!.args, name).toBeUndefined();
    }
  });

  it("tags each image with its content tag", () => {
    for (const name of NAMES) {
      expect(bake.target[name]!.tags, name).toEqual([
        `\${REGISTRY}/${name}:${tags[name]}`,
      ]);
      expect(tags[name], name).toMatch(/^[0-9a-f]{12}$/);
    }
  });

  it("sets the OCI labels but not created", () => {
    for (const name of NAMES) {
      const labels = bake.target[name]!.labels;
      expect(labels["org.opencontainers.image.source"]).toBe("${SOURCE_URL}");
      expect(labels["org.opencontainers.image.revision"]).toBe("${REVISION}");
      expect(labels["org.opencontainers.image.version"]).toBe(tags[name]);
      expect(labels["org.opencontainers.image.title"]).toBe(name);
      expect(labels).not.toHaveProperty("org.opencontainers.image.created");
    }
  });

  it("takes platforms from a variable", () => {
    expect(bake.variable.PLATFORMS).toEqual({ default: "linux/amd64" });
    for (const name of NAMES) {
      expect(bake.target[name]!.platforms).toBe('${split(",", PLATFORMS)}');
    }
  });

  it("takes the registry from a variable", () => {
    expect(bake.variable.REGISTRY).toEqual({ default: "lzydock" });
    expect(bake.function.familiar_registry!.params).toEqual(["registry"]);
  });

  it("reuses each image as its own cache", () => {
    for (const name of NAMES) {
      expect(bake.target[name]!["cache-from"]).toEqual([
        `type=registry,ref=\${REGISTRY}/${name}:${tags[name]}`,
      ]);
      expect(bake.target[name]!["cache-to"]).toEqual(["type=inline"]);
    }
  });
});
