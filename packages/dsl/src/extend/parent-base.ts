/**
 * The start of an image built FROM a published parent: build arguments for
 * the parent's registry and tag, the `FROM`, and the state the parent's
 * description provides.
 */
import type { ParentBase } from "../model/image-spec.js";
import type { ImageState } from "../model/image-state.js";
import type { Instruction, Provenance } from "../model/instruction.js";
import { tagArgFor } from "../model/build.js";
import { stateFromDescription } from "./description.js";

/** A published image that an image of the family is built FROM. */
export interface ParentImageBase {
  readonly kind: "parent";
  /** Image name as published, such as `user-default`. */
  readonly name: string;
  /**
   * Build argument that carries the parent's registry, such as
   * `USER_DEFAULT_REGISTRY`. It is not `REGISTRY`, which names the
   * family's own registry, because the parent is published elsewhere.
   */
  readonly registryArg: string;
  /** Default of the registry argument, such as `lzydock`. */
  readonly registry: string;
  /** Build argument that carries the parent's tag, such as `USER_DEFAULT_TAG`. */
  readonly tagArg: string;
  /** Default of the tag argument; undefined when it must be passed. */
  readonly tag: string | undefined;
}

export interface ParentStart {
  readonly base: ParentImageBase;
  readonly state: ImageState;
  readonly instructions: Instruction[];
}

/** Returns the base, state and first instructions of an image FROM `from`. */
export function startFromParent(
  from: ParentBase,
  source: Provenance,
): ParentStart {
  const { parent } = from;
  const registry = from.registry ?? parent.registry;
  const tag = from.tag ?? parent.tag;
  const tagArg = tagArgFor(parent.name);
  const registryArg = registryArgFor(parent.name);
  const tagNotes =
    tag === undefined
      ? {
          comments: [
            `The parent's description has no tag: pass --build-arg ${tagArg}=TAG.`,
          ],
        }
      : {};
  return {
    base: {
      kind: "parent",
      name: parent.name,
      registryArg,
      registry,
      tagArg,
      tag,
    },
    state: stateFromDescription(parent),
    instructions: [
      { kind: "ARG", name: registryArg, value: registry, source },
      { kind: "ARG", name: tagArg, value: tag, source, ...tagNotes },
      {
        kind: "FROM",
        image: `\${${registryArg}}/${parent.name}:\${${tagArg}}`,
        source,
      },
    ],
  };
}

/** Returns the registry argument for a parent, such as `USER_DEFAULT_REGISTRY`. */
export function registryArgFor(parentName: string): string {
  return `${parentName.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase()}_REGISTRY`;
}
