/**
 * Random valid specs always render, parse back to the instructions the
 * model holds, and pass the built-in checks. Random invalid input ends in
 * a SpecError and never crashes the build.
 */
import {
  SpecError,
  aptPackages,
  buildFamily,
  condaEnv,
  copyFiles,
  directories,
  entrypoint,
  envVars,
  locale,
  miniconda,
  pylzy,
  type FamilySpec,
  type LayerSpec,
} from "@lzy-images/dsl";
import { checkFamily, looksLikeSecret } from "@lzy-images/lint";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  HTML_ENTITY,
  RUNS,
  allOutput,
  awkwardString,
  keywords,
  oneImage,
  renderSpec,
} from "./support.js";

const MINICONDA = {
  version: "24.3.0-0",
  python: "py312",
  sha256: {
    x86_64: "96a44849ff17e960eeb8877ecd9055246381c4d4f2d031263b63fa7e2e930af1",
  },
};

const debianPackage = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9+.-]{1,12}$/),
    fc.option(fc.stringMatching(/^(?:[0-9]:)?[0-9][A-Za-z0-9.+~-]{0,8}$/)),
  )
  .map(([name, pin]) => (pin === null ? name : `${name}=${pin}`));

const condaEnvName = fc
  .stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,8}$/)
  .filter((name) => name !== "base");

/** Python versions that pylzy 1.15.0 admits (>=3.8.0). */
const python = fc
  .tuple(fc.integer({ min: 8, max: 13 }), fc.integer({ min: 0, max: 20 }))
  .map(([minor, patch]) => `3.${minor}.${patch}`);

const pipRequirement = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}[A-Za-z0-9]$/),
    fc.constantFrom("", "==", ">=", "~=", "!="),
    fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}(?:\.[0-9])?$/),
  )
  .map(([name, op, version]) => (op === "" ? name : `${name}${op}${version}`));

const envName = fc
  .stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/)
  .filter((name) => !looksLikeSecret(name));

const singleLine = awkwardString.filter((value) => !/[\n\r\0]/.test(value));

const pathSegment = fc
  .stringMatching(/^[A-Za-z0-9._+@%=:,~ -]{1,8}$/)
  .filter((segment) => segment.trim() === segment && !/^\.+$/.test(segment));

const imagePath = fc
  .array(pathSegment, { minLength: 1, maxLength: 3 })
  .map((segments) => `/${segments.join("/")}`);

const base = fc.constantFrom(
  "ubuntu:20.04",
  "ubuntu:22.04",
  "debian:12",
  "nvidia/cuda:11.2.2-cudnn8-devel-ubuntu20.04",
  "nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04",
  "nvidia/cuda:13.2.1-base-ubuntu24.04",
);

/** Conda envs with distinct names, or none at all. */
const condaEnvs = fc.uniqueArray(
  fc.record({
    name: condaEnvName,
    python,
    pip: fc.array(pipRequirement, { maxLength: 3 }),
  }),
  { selector: (env) => env.name, maxLength: 3 },
);

const validSpec: fc.Arbitrary<FamilySpec> = fc
  .record({
    base,
    packages: fc.uniqueArray(debianPackage, {
      maxLength: 4,
      selector: (entry) => entry.split("=")[0],
    }),
    envs: condaEnvs,
    // Explicitly literal, because a plain string with `$NAME` is rejected.
    vars: fc.dictionary(
      envName,
      singleLine.map((value) => ({ value, expand: false })),
      { minKeys: 1, maxKeys: 3 },
    ),
    paths: fc.array(imagePath, { minLength: 1, maxLength: 3 }),
    // The program, the first element, cannot be empty.
    argv: fc
      .tuple(
        singleLine.filter((program) => program !== ""),
        fc.array(singleLine, { maxLength: 2 }),
      )
      .map(([program, args]) => [program, ...args]),
    copySource: fc
      .array(pathSegment, { minLength: 1, maxLength: 2 })
      .map((segments) => `inputs/${segments.join("/")}`),
  })
  .map((choice) => {
    const required = ["ca-certificates", "wget", "locales", "iptables"];
    const packages = [
      ...required,
      ...choice.packages.filter(
        (entry) => !required.includes(entry.split("=")[0]!),
      ),
    ];
    const layers: LayerSpec[] = [
      aptPackages({ packages }),
      locale({ name: "en_US.UTF-8" }),
    ];
    if (choice.envs.length > 0) {
      layers.push(
        miniconda(MINICONDA),
        ...choice.envs.map((env) => condaEnv(env)),
        pylzy({ version: "1.15.0" }),
      );
    }
    layers.push(
      envVars({ vars: choice.vars }),
      directories({ paths: choice.paths }),
      copyFiles({ sources: [choice.copySource], dest: "/opt/input" }),
      entrypoint({ argv: choice.argv }),
    );
    return oneImage(layers, choice.base);
  });

describe("random specs", () => {
  it("valid specs render, parse back and pass the checks", () => {
    fc.assert(
      fc.property(validSpec, (spec) => {
        const model = buildFamily(spec);
        const images = renderSpec(spec);
        for (const image of images) {
          expect(keywords(image.dockerfile.content)).toEqual(
            image.image.instructions.map((instruction) => instruction.kind),
          );
        }
        expect(checkFamily(model, images, (path) => path)).toEqual([]);
        expect(allOutput(images)).not.toMatch(HTML_ENTITY);
      }),
      { numRuns: RUNS },
    );
  });

  const blockNames = [
    "apt-packages",
    "conda-env",
    "conda-env-export",
    "context-script",
    "copy-files",
    "directories",
    "docker-in-docker",
    "entrypoint",
    "env-vars",
    "java-jdk",
    "locale",
    "miniconda",
    "nvidia-container-toolkit",
    "pylzy",
  ];

  it("random layer options are rejected, never a crash", () => {
    const layer = fc.record({
      block: fc.oneof(fc.constantFrom(...blockNames), fc.string()),
      options: fc.oneof(
        fc.jsonValue(),
        // What a JavaScript config can pass: undefined, -0, null
        // prototypes, BigInts, dates and other non-JSON values.
        fc.anything({ withBigInt: true, withDate: true, withMap: true }),
        fc.dictionary(
          fc.constantFrom(
            "packages",
            "name",
            "python",
            "paths",
            "vars",
            "argv",
          ),
          fc.jsonValue(),
        ),
      ),
    });
    fc.assert(
      fc.property(fc.array(layer, { maxLength: 4 }), base, (layers, from) => {
        try {
          renderSpec(oneImage(layers as LayerSpec[], from));
        } catch (error) {
          expect(error).toBeInstanceOf(SpecError);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("random family shapes are rejected, never a crash", () => {
    const image = fc.record(
      {
        name: fc.oneof(fc.string(), fc.jsonValue()),
        file: fc.oneof(fc.string(), fc.jsonValue()),
        from: fc.oneof(
          fc.record({ image: fc.oneof(fc.string(), awkwardString) }),
          fc.record({ family: fc.string() }),
          fc.jsonValue(),
        ),
        layers: fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue())),
        description: awkwardString,
      },
      { requiredKeys: [] },
    );
    const family = fc.oneof(
      fc.jsonValue(),
      fc.record({
        registry: fc.oneof(fc.string(), fc.jsonValue()),
        images: fc.oneof(fc.array(image, { maxLength: 3 }), fc.jsonValue()),
      }),
    );
    fc.assert(
      fc.property(family, (spec) => {
        try {
          renderSpec(spec as FamilySpec);
        } catch (error) {
          expect(error).toBeInstanceOf(SpecError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
