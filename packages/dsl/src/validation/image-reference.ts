/**
 * The image reference grammar of the OCI distribution spec, as implemented
 * by github.com/distribution/reference (`[host[:port]/]path[:tag][@digest]`).
 */
import { z } from "zod";

const ALPHANUMERIC = "[a-z0-9]+";
const SEPARATOR = "(?:[._]|__|-+)";
/** One path component, such as `cuda` or `worker-base`. */
export const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST =
  "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;

const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** Names are at most 255 characters (distribution/reference NameTotalLengthMax). */
const MAX_NAME_LENGTH = 255;

/** The parts of a valid reference. */
export interface ImageReferenceParts {
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/** Splits a reference, or returns undefined when it breaks the grammar. */
export function parseImageReference(
  reference: string,
): ImageReferenceParts | undefined {
  const match = REFERENCE.exec(reference);
  if (match === null || match[1]!.length > MAX_NAME_LENGTH) {
    return undefined;
  }
  return { repository: match[1]!, tag: match[2], digest: match[3] };
}

/** An image reference as written after `FROM`, such as `ubuntu:20.04`. */
export const ImageReference = z
  .string()
  .refine(
    (value) => parseImageReference(value) !== undefined,
    "invalid image reference: expected `[registry/]name[:tag][@digest]` with a lowercase name, such as `ubuntu:20.04`",
  );

/**
 * Registry host, namespace or both that a family's images are published
 * to, such as `lzydock` or `ghcr.io/lambdazy`, without a tag.
 */
export const RegistryNamespace = z
  .string()
  .regex(
    new RegExp(`^${NAME}$`),
    "invalid registry: expected `[host[:port]/]namespace` in lowercase, such as `lzydock` or `ghcr.io/lambdazy`",
  );

/** Name of an image in a family: one lowercase path component. */
export const ImageName = z
  .string()
  .regex(
    new RegExp(`^${PATH_COMPONENT}$`),
    "invalid image name: expected lowercase letters and digits separated by `.`, `_` or `-`, such as `worker-base`",
  );
