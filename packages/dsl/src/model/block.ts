/**
 * The contract between building blocks and the model builder. A block turns
 * validated options into instructions and context files, and records what
 * it adds to the image in the image state.
 */
import type { z } from "zod";

import type { ImageState } from "./image-state.js";
import type { InstructionBody, InstructionNotes } from "./instruction.js";

/** A layer of an image spec: a block name and its options, as plain data. */
export interface LayerSpec<Name extends string = string, Options = unknown> {
  readonly block: Name;
  readonly options: Options;
  /**
   * Spec path shown in problems and provenance instead of `layers[N]`, for
   * layers translated from another form, such as `install[0]` of an
   * extension.
   */
  readonly at?: string | undefined;
}

/** A file for the build context, produced by a block from a template. */
export interface ContextFileRequest {
  /** File name inside the image's folder of the build context. */
  readonly name: string;
  readonly mode: number;
  readonly template: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The view a block has of the image it is applied to. */
export interface BlockContext {
  /** Name of the image being built. */
  readonly image: string;
  /** Registry that images of this family are published to. */
  readonly registry: string;
  readonly state: ImageState;
  /** Appends an instruction; its provenance is filled in from the layer. */
  emit(body: InstructionBody, notes?: InstructionNotes): void;
  /**
   * Adds a generated file to the build context.
   * Returns its path relative to the context, for use in `COPY`.
   */
  contextFile(file: ContextFileRequest): string;
  /**
   * Declares a path that the build context must contain but the generator
   * does not write, such as a built jar. COPY sources must be generated
   * files or declared inputs, and the README lists every declared input.
   */
  externalInput(path: string, description: string): void;
  /**
   * Records a problem with the layer's options; `field` is relative to the
   * options, such as `envs[1].python`. The build fails after all layers ran.
   */
  problem(
    field: string,
    message: string,
    received?: unknown,
    hint?: string,
  ): void;
}

export interface BlockDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Kebab-case name, used in layer specs and in provenance. */
  readonly name: string;
  readonly schema: Schema;
  /** Short label that distinguishes instances in messages, such as an env name. */
  label?(options: z.output<Schema>): string | undefined;
  /**
   * Whether the layer runs steps that need root, such as apt or useradd.
   * After a `USER` that is not root the layer is rejected, because its
   * step would fail at build time. A function decides from the options and
   * the current user name. Default false.
   */
  readonly needsRoot?:
    | boolean
    | ((options: z.output<Schema>, user: string) => boolean);
  apply(options: z.output<Schema>, context: BlockContext): void;
}

/**
 * Declares a block. The type parameter keeps the options type of the schema
 * attached, so factories and JSON configs share one definition.
 */
export function defineBlock<Schema extends z.ZodType>(
  definition: BlockDefinition<Schema>,
): BlockDefinition<Schema> {
  return definition;
}
