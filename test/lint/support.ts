/**
 * Shared pieces of the lint tests: the real hadolint, found the way the
 * CLI finds it but never through npx, and a family built from raw test
 * blocks that emit exactly the instructions a test needs.
 */
import {
  buildFamily,
  builtInBlocks,
  defineBlock,
  external,
  image,
  type BlockContext,
  type BlockDefinition,
  type FamilyModel,
  type ImageSpec,
  type InstructionBody,
} from "@lzy-images/dsl";
import { renderFamily, type RenderedImage } from "@lzy-images/generator";
import {
  HadolintNotFoundError,
  locateHadolint,
  type HadolintCommand,
} from "@lzy-images/lint";
import { it } from "vitest";
import { z } from "zod";

import { REPO_ROOT } from "../support/render.js";

/**
 * Finds the hadolint the tests run; undefined when none is installed. npx
 * is not tried, because the npm wrapper downloads the binary.
 */
export async function findTestHadolint(): Promise<HadolintCommand | undefined> {
  try {
    return await locateHadolint({
      env: process.env,
      cwd: REPO_ROOT,
      npx: false,
    });
  } catch (error) {
    if (error instanceof HadolintNotFoundError) {
      return undefined;
    }
    throw error;
  }
}

/**
 * `it` for tests that need the real hadolint. Without one such tests are
 * skipped, except with CI=true, where they run and fail.
 */
export function itWithHadolint(
  hadolint: HadolintCommand | undefined,
): typeof it {
  if (hadolint !== undefined || process.env.CI === "true") {
    return it;
  }
  return it.skip;
}

/** Throws the reason when a test that needs hadolint runs without it. */
export function requireHadolint(
  hadolint: HadolintCommand | undefined,
): HadolintCommand {
  if (hadolint === undefined) {
    throw new Error(
      "hadolint not found: CI must install it with `bash scripts/setup.sh --pinned-hadolint`",
    );
  }
  return hadolint;
}

/**
 * A block that emits the given instructions as they are. `inputs` are
 * declared as external inputs first.
 */
export const rawBlock = defineBlock({
  name: "raw",
  schema: z.strictObject({
    label: z.string(),
    instructions: z.array(z.custom<InstructionBody>()),
    inputs: z.array(z.string()).default([]),
  }),
  label: (options) => options.label,
  apply(options, context: BlockContext) {
    for (const input of options.inputs) {
      context.externalInput(input, `test input ${input}`);
    }
    for (const instruction of options.instructions) {
      context.emit(instruction);
    }
  },
});

/** Returns a layer of `rawBlock`. */
export function raw(
  label: string,
  instructions: InstructionBody[],
  inputs: string[] = [],
) {
  return { block: "raw", options: { label, instructions, inputs } };
}

/** Returns an image spec FROM `ubuntu:22.04` with the given raw layers. */
export function rawImage(layers: ImageSpec["layers"], name = "raw"): ImageSpec {
  return image({
    name,
    file: "Raw.Dockerfile",
    from: external("ubuntu:22.04"),
    layers,
  });
}

/** Builds and renders a family of raw images. */
export function renderRaw(images: ImageSpec[]): {
  model: FamilyModel;
  rendered: RenderedImage[];
} {
  const blocks = new Map<string, BlockDefinition>([
    ...builtInBlocks,
    [rawBlock.name, rawBlock as BlockDefinition],
  ]);
  const model = buildFamily({ registry: "test", images }, blocks);
  const rendered = renderFamily(model, { regenerate: "test" });
  return { model, rendered };
}
