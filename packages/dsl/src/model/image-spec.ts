/**
 * The user-facing description of an image family: images, their bases and
 * their layers, as plain data that TypeScript and JSON configs share.
 */
import type { ImageDescription } from "../extend/description.js";
import type { LayerSpec } from "./block.js";
import type { OsRelease } from "./image-state.js";

/** A base image pulled from a registry, such as `ubuntu:xenial`. */
export interface ExternalBase {
  /** Image reference as written after `FROM`. */
  readonly image: string;
  /** OS of the image; detected from well-known references when omitted. */
  readonly os?: OsRelease | undefined;
  /** CUDA version of the image, for `nvidia/cuda` references. */
  readonly cuda?: string | undefined;
}

/** A base image declared in the same family, referred to by name. */
export interface FamilyBase {
  readonly family: string;
}

/**
 * A published image that is not part of the family, known by its
 * description, such as `user-default` for images that extend it.
 */
export interface ParentBase {
  readonly parent: ImageDescription;
  /** Registry to pull the parent from. Default: the description's. */
  readonly registry?: string | undefined;
  /** Tag to pull. Default: the description's content tag, if it has one. */
  readonly tag?: string | undefined;
}

export type BaseSpec = ExternalBase | FamilyBase | ParentBase;

export interface ImageSpec<Name extends string = string> {
  /** Image name as published, such as `worker-base`. */
  readonly name: Name;
  /** Output file name, such as `Worker.Base.Dockerfile`. */
  readonly file: string;
  /** One line on what the image is for; written into the file header. */
  readonly description?: string | undefined;
  /** Path of the source file to edit, shown in the generated header. */
  readonly source?: string | undefined;
  readonly from: BaseSpec | ImageSpec;
  readonly layers: readonly LayerSpec[];
}

/** A set of images published together to one registry. */
export interface FamilySpec {
  /** Registry or Docker Hub namespace, such as `lzydock`. */
  readonly registry: string;
  readonly images: readonly ImageSpec[];
}

/** Declares an image; returns the spec unchanged, with its types checked. */
export function image<const Name extends string>(
  spec: ImageSpec<Name>,
): ImageSpec<Name> {
  return spec;
}

/** Declares an image family. */
export function family(spec: FamilySpec): FamilySpec {
  return spec;
}

/** Refers to an external base image, such as `external("ubuntu:xenial")`. */
export function external(imageRef: string, os?: OsRelease): ExternalBase {
  return os ? { image: imageRef, os } : { image: imageRef };
}

/** Returns true when a `from` value is another image of the family. */
export function isImageSpec(value: BaseSpec | ImageSpec): value is ImageSpec {
  return "layers" in value;
}

/** Returns the family image name a base refers to, if it is one. */
export function familyBaseName(from: BaseSpec | ImageSpec): string | undefined {
  if (isImageSpec(from)) {
    return from.name;
  }
  return "family" in from ? from.family : undefined;
}

const UBUNTU_CODENAMES: Readonly<Record<string, string>> = {
  xenial: "16.04",
  bionic: "18.04",
  focal: "20.04",
  jammy: "22.04",
  noble: "24.04",
};

const DEBIAN_CODENAMES: Readonly<Record<string, string>> = {
  buster: "10",
  bullseye: "11",
  bookworm: "12",
  trixie: "13",
};

/**
 * Detects the OS of a well-known image reference: official `ubuntu` and
 * `debian` images by version or codename, and `nvidia/cuda` tags, which end
 * in the OS (`…-ubuntu20.04`). Returns undefined for anything else.
 */
export function detectOs(imageRef: string): OsRelease | undefined {
  const [repository, tag = ""] = splitReference(imageRef);
  const name = repository.replace(/^(docker\.io\/)?(library\/)?/, "");

  if (name === "ubuntu") {
    const version =
      UBUNTU_CODENAMES[tag.split("-")[0] ?? ""] ?? tag.match(/^\d+\.\d+/)?.[0];
    return version ? { id: "ubuntu", version } : undefined;
  }
  if (name === "debian") {
    const version =
      DEBIAN_CODENAMES[tag.split("-")[0] ?? ""] ?? tag.match(/^\d+/)?.[0];
    return version ? { id: "debian", version } : undefined;
  }
  if (name === "nvidia/cuda") {
    const match = tag.match(/-(ubuntu|debian)(\d+(?:\.\d+)?)$/);
    return match ? { id: match[1]!, version: match[2]! } : undefined;
  }
  return undefined;
}

/** Detects the CUDA version of an `nvidia/cuda` reference, such as `11.2.2`. */
export function detectCuda(imageRef: string): string | undefined {
  const [repository, tag = ""] = splitReference(imageRef);
  if (repository.replace(/^docker\.io\//, "") !== "nvidia/cuda") {
    return undefined;
  }
  return tag.match(/^(\d+\.\d+\.\d+)-/)?.[1];
}

/** Splits `repo:tag` without mistaking a registry port for a tag. */
function splitReference(imageRef: string): [string, string | undefined] {
  const withoutDigest = imageRef.split("@")[0] ?? imageRef;
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", lastSlash + 1);
  if (colon === -1) {
    return [withoutDigest, undefined];
  }
  return [withoutDigest.slice(0, colon), withoutDigest.slice(colon + 1)];
}
