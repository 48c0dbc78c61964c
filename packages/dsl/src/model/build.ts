/**
 * Builds the validated model of an image family: every layer's options are
 * parsed by its block's schema, blocks are applied in order over the image
 * state, and all problems of the run are collected before anything renders.
 */
import { builtInBlocks } from "../blocks/index.js";
import { SpecError, type SpecProblem } from "../errors.js";
import { checkFamilyShape } from "../validation/family-shape.js";
import { rootStepProblem } from "../validation/root-steps.js";
import { didYouMean, joinHints } from "../validation/suggest.js";
import {
  defaultIssueMessages,
  problemsFromIssues,
} from "../validation/zod-issues.js";
import type {
  BlockContext,
  BlockDefinition,
  ContextFileRequest,
} from "./block.js";
import {
  detectCuda,
  detectOs,
  familyBaseName,
  isImageSpec,
  type FamilySpec,
  type ImageSpec,
} from "./image-spec.js";
import { descriptionLabel } from "../extend/description-label.js";
import {
  startFromParent,
  type ParentImageBase,
} from "../extend/parent-base.js";
import { emptyState, inheritState, type ImageState } from "./image-state.js";
import type {
  ContextFile,
  Instruction,
  InstructionBody,
  InstructionNotes,
  Provenance,
} from "./instruction.js";

/**
 * The base of a built image: an external reference, a family image, or a
 * published parent image that an extension is built FROM.
 */
export type ImageBase =
  | { readonly kind: "external"; readonly image: string }
  | ParentImageBase
  | {
      readonly kind: "family";
      readonly name: string;
      /** Build argument that carries the base's tag, such as `WORKER_BASE_TAG`. */
      readonly tagArg: string;
    };

/** One image of the model: instructions with provenance, ready to render. */
export interface ImageModel {
  readonly name: string;
  readonly file: string;
  readonly description: string | undefined;
  readonly source: string | undefined;
  readonly base: ImageBase;
  readonly instructions: readonly Instruction[];
  readonly contextFiles: readonly ContextFile[];
  /** Context paths that COPY reads but the generator does not write. */
  readonly externalInputs: readonly ExternalInput[];
  /** The image's facts as provided to images built FROM it. */
  readonly state: ImageState;
}

/** A path that must be placed in the build context before building. */
export interface ExternalInput {
  /** Path relative to the build context, without a trailing `/`. */
  readonly path: string;
  /** Contents of the path, such as `the pylzy 1.15.0 source tree`. */
  readonly description: string;
  readonly source: Provenance;
}

export interface FamilyModel {
  readonly registry: string;
  /** Images in build order: every base comes before the images FROM it. */
  readonly images: readonly ImageModel[];
}

/** Name of the build argument that contains the registry of family bases. */
export const REGISTRY_ARG = "REGISTRY";

/** Returns the tag argument for a family base, such as `WORKER_BASE_TAG`. */
export function tagArgFor(baseName: string): string {
  return `${baseName.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase()}_TAG`;
}

/**
 * Validates a family spec and builds its model with the given blocks
 * (the built-in ones by default).
 * Throws SpecError listing every problem when the spec is invalid.
 */
export function buildFamily(
  spec: FamilySpec,
  blocks: ReadonlyMap<string, BlockDefinition> = builtInBlocks,
): FamilyModel {
  const problems: SpecProblem[] = [];
  const shape = checkFamilyShape(spec, problems);
  const ordered = orderImages(shape.images, problems, shape.rejected);
  const built = new Map<string, ImageModel>();

  for (const imageSpec of ordered) {
    const baseName = familyBaseName(imageSpec.from);
    const baseModel = baseName === undefined ? undefined : built.get(baseName);
    if (baseName !== undefined && baseModel === undefined) {
      // The missing or cyclic base is already reported. Without its state
      // the layers cannot run, but their blocks and options can be checked.
      checkLayerOptions(imageSpec, blocks, problems);
      continue;
    }
    const model = buildImage(
      imageSpec,
      baseModel,
      spec.registry,
      blocks,
      problems,
    );
    built.set(imageSpec.name, model);
  }

  if (problems.length > 0) {
    throw new SpecError(problems);
  }
  return {
    registry: spec.registry,
    images: ordered.map((image) => built.get(image.name)!),
  };
}

/** Sorts images so that bases come first; reports duplicates, unknown bases and cycles. */
function orderImages(
  images: readonly ImageSpec[],
  problems: SpecProblem[],
  rejected: ReadonlySet<string> = new Set(),
): ImageSpec[] {
  const byName = new Map<string, ImageSpec>();
  const files = new Map<string, string>();

  images.forEach((image, index) => {
    if (byName.has(image.name)) {
      problems.push({
        image: "family",
        path: `images[${index}].name`,
        message: "duplicate image name",
        received: image.name,
        hint: "give every image of a family its own name",
      });
    }
    const fileOwner = files.get(image.file);
    if (fileOwner !== undefined) {
      problems.push({
        image: image.name,
        path: "file",
        message: `output file is already written by image "${fileOwner}"`,
        received: image.file,
        hint: "give every image its own file name",
      });
    }
    byName.set(image.name, image);
    files.set(image.file, image.name);
  });

  const ordered: ImageSpec[] = [];
  const state = new Map<string, "visiting" | "done">();

  const visit = (image: ImageSpec, chain: string[]): void => {
    const mark = state.get(image.name);
    if (mark === "done") {
      return;
    }
    if (mark === "visiting") {
      problems.push({
        image: image.name,
        path: "from",
        message: `images form a cycle: ${[...chain, image.name].join(" -> ")}`,
        hint: "an image cannot be built FROM itself or an image built FROM it",
      });
      return;
    }
    state.set(image.name, "visiting");
    const baseName = familyBaseName(image.from);
    if (baseName !== undefined) {
      const base = byName.get(baseName);
      if (base === undefined && !rejected.has(baseName)) {
        problems.push({
          image: image.name,
          path: "from",
          code: "unknown_base",
          message: "base image is not declared in this family",
          received: baseName,
          hint: joinHints(
            didYouMean(baseName, byName.keys()),
            `declared images: ${[...byName.keys()].join(", ")}`,
          ),
        });
      } else if (base !== undefined) {
        visit(base, [...chain, image.name]);
      }
    }
    state.set(image.name, "done");
    ordered.push(image);
  };

  for (const image of byName.values()) {
    visit(image, []);
  }
  return ordered;
}

function buildImage(
  spec: ImageSpec,
  baseModel: ImageModel | undefined,
  registry: string,
  blocks: ReadonlyMap<string, BlockDefinition>,
  problems: SpecProblem[],
): ImageModel {
  const instructions: Instruction[] = [];
  const contextFiles: ContextFile[] = [];
  const externalInputs: ExternalInput[] = [];
  const fromSource: Provenance = {
    image: spec.name,
    block: "base-image",
    path: "from",
  };

  let base: ImageBase;
  let state: ImageState;
  if (baseModel !== undefined) {
    const tagArg = tagArgFor(baseModel.name);
    base = { kind: "family", name: baseModel.name, tagArg };
    state = inheritState(baseModel.state);
    instructions.push(
      { kind: "ARG", name: REGISTRY_ARG, value: registry, source: fromSource },
      {
        kind: "ARG",
        name: tagArg,
        value: { tagOf: baseModel.name },
        source: fromSource,
      },
      {
        kind: "FROM",
        image: `\${${REGISTRY_ARG}}/${baseModel.name}:\${${tagArg}}`,
        source: fromSource,
      },
    );
  } else if (!isImageSpec(spec.from) && "parent" in spec.from) {
    const start = startFromParent(spec.from, fromSource);
    base = start.base;
    state = start.state;
    instructions.push(...start.instructions);
  } else {
    const from = spec.from;
    const ref = !isImageSpec(from) && "image" in from ? from.image : "";
    base = { kind: "external", image: ref };
    const os =
      (!isImageSpec(from) && "image" in from ? from.os : undefined) ??
      detectOs(ref);
    const cuda =
      (!isImageSpec(from) && "image" in from ? from.cuda : undefined) ??
      detectCuda(ref);
    state = emptyState(os, cuda);
    instructions.push({ kind: "FROM", image: ref, source: fromSource });
  }

  // Set once a layer is rejected, as later layers then miss what it adds.
  const rejected = { layer: false };
  spec.layers.forEach((layer, index) => {
    const path = layer.at ?? `layers[${index}]`;
    const definition = blocks.get(layer.block);
    if (definition === undefined) {
      rejected.layer = true;
      problems.push(unknownBlock(spec.name, path, layer.block, blocks));
      return;
    }
    applyLayer(definition, layer.options, {
      image: spec.name,
      path,
      registry,
      state,
      instructions,
      contextFiles,
      externalInputs,
      problems,
      rejected,
    });
  });

  instructions.push(descriptionLabel(spec.name, registry, state));

  return {
    name: spec.name,
    file: spec.file,
    description: spec.description,
    source: spec.source,
    base,
    instructions: withBuildShell(instructions, fromSource),
    contextFiles,
    externalInputs,
    state,
  };
}

function unknownBlock(
  image: string,
  path: string,
  block: string,
  blocks: ReadonlyMap<string, BlockDefinition>,
): SpecProblem {
  return {
    image,
    path: `${path}.block`,
    code: "unknown_block",
    message: "unknown building block",
    received: block,
    hint: joinHints(
      didYouMean(block, blocks.keys()),
      `blocks: ${[...blocks.keys()].sort().join(", ")}`,
    ),
  };
}

/** Checks the block names and options of an image whose base is missing. */
function checkLayerOptions(
  spec: ImageSpec,
  blocks: ReadonlyMap<string, BlockDefinition>,
  problems: SpecProblem[],
): void {
  spec.layers.forEach((layer, index) => {
    const path = layer.at ?? `layers[${index}]`;
    const definition = blocks.get(layer.block);
    if (definition === undefined) {
      problems.push(unknownBlock(spec.name, path, layer.block, blocks));
      return;
    }
    const parsed = definition.schema.safeParse(layer.options ?? {}, {
      reportInput: true,
      error: defaultIssueMessages,
    });
    if (!parsed.success) {
      problems.push(
        ...problemsFromIssues(parsed.error.issues, definition.schema, {
          image: spec.name,
          path,
        }),
      );
    }
  });
}

interface LayerTarget {
  readonly image: string;
  readonly path: string;
  readonly registry: string;
  readonly state: ImageState;
  readonly instructions: Instruction[];
  readonly contextFiles: ContextFile[];
  readonly externalInputs: ExternalInput[];
  readonly problems: SpecProblem[];
  /** Whether an earlier layer of the image was rejected. */
  readonly rejected: { layer: boolean };
}

function applyLayer(
  definition: BlockDefinition,
  options: unknown,
  target: LayerTarget,
): void {
  const parsed = definition.schema.safeParse(options ?? {}, {
    reportInput: true,
    error: defaultIssueMessages,
  });
  if (!parsed.success) {
    // Option paths follow the layer's, as in `layers[7].envs[1].python`.
    target.problems.push(
      ...problemsFromIssues(parsed.error.issues, definition.schema, {
        image: target.image,
        path: target.path,
      }),
    );
    target.rejected.layer = true;
    return;
  }

  const source: Provenance = {
    image: target.image,
    block: definition.name,
    label: definition.label?.(parsed.data),
    path: target.path,
  };
  const context: BlockContext = {
    image: target.image,
    registry: target.registry,
    state: target.state,
    emit(body: InstructionBody, notes?: InstructionNotes) {
      target.instructions.push({ ...body, ...notes, source } as Instruction);
    },
    contextFile(file: ContextFileRequest) {
      const path = `${target.image}/${file.name}`;
      target.contextFiles.push({
        path,
        mode: file.mode,
        template: file.template,
        data: file.data,
        source,
      });
      return path;
    },
    externalInput(path: string, description: string) {
      target.externalInputs.push({
        path: path.replace(/\/+$/, ""),
        description,
        source,
      });
    },
    problem(field, message, received, hint) {
      // A layer-wide problem, such as "needs conda", after a rejected
      // layer is most likely caused by it; fixing that one shows the rest.
      if (!field && target.rejected.layer) {
        return;
      }
      target.problems.push({
        image: target.image,
        path: field ? `${target.path}.${field}` : target.path,
        message,
        received,
        hint,
      });
    },
  };
  const rootProblem = rootStepProblem(
    definition,
    parsed.data,
    target.state.user,
    target,
  );
  if (rootProblem !== undefined) {
    target.problems.push(rootProblem);
  }
  definition.apply(parsed.data, context);
}

/**
 * Inserts `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` after `FROM` when the
 * stage runs shell, so a failing command on the left of a pipe fails the
 * build. `SHELL` does not carry over a `FROM`, so every stage needs its own.
 */
function withBuildShell(
  instructions: Instruction[],
  source: Provenance,
): Instruction[] {
  if (!instructions.some((instruction) => instruction.kind === "RUN")) {
    return instructions;
  }
  const fromIndex = instructions.findIndex(
    (instruction) => instruction.kind === "FROM",
  );
  const shell: Instruction = {
    kind: "SHELL",
    argv: ["/bin/bash", "-o", "pipefail", "-c"],
    source,
  };
  return [
    ...instructions.slice(0, fromIndex + 1),
    shell,
    ...instructions.slice(fromIndex + 1),
  ];
}
