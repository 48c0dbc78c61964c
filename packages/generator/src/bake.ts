/**
 * The bake file: a `docker-bake.json` that builds the whole family with
 * `docker buildx bake`, every base before the images built FROM it, on any
 * BuildKit builder.
 *
 * A final image's Dockerfile starts `FROM ${REGISTRY}/<base>:${<BASE>_TAG}`.
 * Its target passes both arguments and names that same reference in
 * `contexts` with `target:<base>`, so BuildKit takes the base from the base
 * target's result instead of pulling it. BuildKit looks a FROM reference up
 * among the named contexts in its familiar form (`docker.io/` dropped, as
 * `docker pull` shows names), and bake passes context names on unchanged
 * (buildx 0.38, BuildKit 0.34), so the key is written in familiar form too.
 */
import {
  REGISTRY_ARG,
  type FamilyModel,
  type ImageModel,
} from "@lzy-images/dsl";

import type { OutputFile, RenderedImage } from "./family.js";
import { imageRoles, type ImageRole } from "./roles.js";

/** Path of the bake file, relative to the output directory. */
export const BAKE_FILE = "docker-bake.json";

/** Bake variable with the platforms to build, comma-separated. */
export const PLATFORMS_VARIABLE = "PLATFORMS";

/**
 * Platforms built by default. Only linux/amd64 has a pinned download for
 * every tool: docker-compose 1.29.2 is released for x86_64 only.
 */
export const DEFAULT_PLATFORMS = "linux/amd64";

/**
 * Bake function that turns a registry into the form BuildKit matches named
 * contexts in: `docker.io/acme` and `index.docker.io/acme` become `acme`.
 * NOTE: the `library` namespace of Docker Hub is not handled, since only
 * official images are published there.
 */
export const FAMILIAR_REGISTRY_FUNCTION = "familiar_registry";

/** Bake variables for the OCI source and revision labels. */
export const SOURCE_VARIABLE = "SOURCE_URL";
export const REVISION_VARIABLE = "REVISION";

/** A target of the bake file, as `docker buildx bake --print` shows it. */
export interface BakeTarget {
  readonly context: string;
  readonly dockerfile: string;
  readonly args?: Readonly<Record<string, string>>;
  /** Named contexts; a final image's FROM reference maps to `target:<base>`. */
  readonly contexts?: Readonly<Record<string, string>>;
  /** An HCL expression that splits the PLATFORMS variable into a list. */
  readonly platforms: string;
  readonly tags: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly "cache-from": readonly string[];
  readonly "cache-to": readonly string[];
}

/** Content of the bake file. */
export interface BakeDocument {
  readonly variable: Readonly<Record<string, { readonly default: string }>>;
  readonly function: Readonly<
    Record<string, { readonly params: string[]; readonly result: string }>
  >;
  readonly group: Readonly<Record<string, { readonly targets: string[] }>>;
  readonly target: Readonly<Record<string, BakeTarget>>;
}

/** Bake group that contains the images of each role. */
const GROUP_OF_ROLE: Readonly<Record<ImageRole, string>> = {
  base: "bases",
  final: "finals",
  user: "users",
};

/** Renders the bake file of a rendered family. */
export function renderBakeFile(
  model: FamilyModel,
  images: readonly RenderedImage[],
): OutputFile {
  return {
    path: BAKE_FILE,
    content: `${JSON.stringify(bakeDocument(model, images), null, 2)}\n`,
    mode: 0o644,
  };
}

/** Builds the bake file's content; targets are in build order. */
export function bakeDocument(
  model: FamilyModel,
  images: readonly RenderedImage[],
): BakeDocument {
  const roles = imageRoles(model);
  const targetNames = bakeTargetNames(model);
  const tags = new Map(images.map((image) => [image.image.name, image.tag]));

  const groups: Record<string, string[]> = { bases: [], finals: [] };
  const targets: Record<string, BakeTarget> = {};
  for (const rendered of images) {
    const name = targetNames.get(rendered.image.name)!;
    const group = GROUP_OF_ROLE[roles.get(rendered.image.name)!];
    (groups[group] ??= []).push(name);
    targets[name] = bakeTarget(rendered, tags, targetNames);
  }

  return {
    variable: {
      [REGISTRY_ARG]: { default: literal(model.registry) },
      [PLATFORMS_VARIABLE]: { default: DEFAULT_PLATFORMS },
      [SOURCE_VARIABLE]: { default: "" },
      [REVISION_VARIABLE]: { default: "" },
    },
    function: {
      [FAMILIAR_REGISTRY_FUNCTION]: {
        params: ["registry"],
        // An HCL string, so each regex backslash is doubled.
        result:
          '${regex_replace(registry, "^(index\\\\.)?docker\\\\.io/", "")}',
      },
    },
    group: {
      default: { targets: ["all"] },
      all: { targets: Object.keys(targets) },
      ...Object.fromEntries(
        Object.entries(groups).map(([group, names]) => [
          group,
          { targets: names },
        ]),
      ),
    },
    target: targets,
  };
}

/**
 * Returns the bake target name of every image: the image name with each
 * character that bake rejects in a target name replaced by `_`.
 * Throws when two images get the same target name.
 */
export function bakeTargetNames(model: FamilyModel): Map<string, string> {
  const names = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const image of model.images) {
    const target = image.name.replace(/[^A-Za-z0-9_-]/g, "_");
    const owner = owners.get(target);
    if (owner !== undefined) {
      throw new Error(
        `images "${owner}" and "${image.name}" both become bake target "${target}"; rename one of them`,
      );
    }
    owners.set(target, image.name);
    names.set(image.name, target);
  }
  return names;
}

function bakeTarget(
  rendered: RenderedImage,
  tags: ReadonlyMap<string, string>,
  targetNames: ReadonlyMap<string, string>,
): BakeTarget {
  const image = rendered.image;
  const reference = `\${${REGISTRY_ARG}}/${literal(image.name)}:${rendered.tag}`;
  return {
    context: ".",
    dockerfile: literal(rendered.dockerfile.path),
    ...(image.base.kind === "family"
      ? baseLink(image, tags.get(image.base.name)!, targetNames)
      : {}),
    platforms: `\${split(",", ${PLATFORMS_VARIABLE})}`,
    tags: [reference],
    labels: labelsOf(image, rendered.tag),
    // The content tag names the generated files, so an image pushed under
    // it caches the steps they decide. BuildKit still checks each COPY of
    // an external input (a jar, a source tree) by its content. Bake builds
    // a final's linked base too, and an unchanged base can then come from
    // the registry's layers.
    "cache-from": [`type=registry,ref=${reference}`],
    "cache-to": ["type=inline"],
  };
}

/** Returns the build arguments and named context that link a final to its base. */
function baseLink(
  image: ImageModel,
  baseTag: string,
  targetNames: ReadonlyMap<string, string>,
): Pick<BakeTarget, "args" | "contexts"> {
  if (image.base.kind !== "family") {
    throw new Error(`internal error: ${image.name} has no family base`);
  }
  return {
    args: {
      [REGISTRY_ARG]: `\${${REGISTRY_ARG}}`,
      [image.base.tagArg]: baseTag,
    },
    contexts: {
      [baseReference(image, image.base.tagArg, baseTag)]:
        `target:${targetNames.get(image.base.name)!}`,
    },
  };
}

function labelsOf(image: ImageModel, tag: string): Record<string, string> {
  // org.opencontainers.image.created is left to the build, because a date
  // here would change the bake file on every run and fail `check`.
  const labels: Record<string, string> = {
    "org.opencontainers.image.title": literal(image.name),
  };
  if (image.description !== undefined) {
    labels["org.opencontainers.image.description"] = literal(image.description);
  }
  labels["org.opencontainers.image.source"] = `\${${SOURCE_VARIABLE}}`;
  labels["org.opencontainers.image.revision"] = `\${${REVISION_VARIABLE}}`;
  labels["org.opencontainers.image.version"] = tag;
  return labels;
}

/**
 * Returns the base reference of a final image's FROM line with the tag
 * argument replaced by the base's tag and the registry in familiar form:
 * `${familiar_registry(REGISTRY)}/worker-base:<tag>`.
 */
function baseReference(
  image: ImageModel,
  tagArg: string,
  baseTag: string,
): string {
  const from = image.instructions.find(
    (instruction) => instruction.kind === "FROM",
  );
  if (from?.kind !== "FROM") {
    throw new Error(`internal error: ${image.name} has no FROM instruction`);
  }
  const reference = from.image
    .replace(`\${${tagArg}}`, baseTag)
    .replace(
      `\${${REGISTRY_ARG}}`,
      `\${${FAMILIAR_REGISTRY_FUNCTION}(${REGISTRY_ARG})}`,
    );
  const unresolved = reference
    .replace(`\${${FAMILIAR_REGISTRY_FUNCTION}(${REGISTRY_ARG})}`, "")
    .match(/\$\{?[A-Za-z_]/);
  if (unresolved !== null) {
    throw new Error(
      `internal error: FROM ${from.image} of ${image.name} uses a variable other than ${REGISTRY_ARG} and ${tagArg}`,
    );
  }
  return reference;
}

/**
 * Escapes a literal string for a bake file, where every string is an HCL
 * template: `${` and `%{` would start an interpolation or a directive.
 */
function literal(text: string): string {
  // Function replacements, because `$` is special in a replacement string.
  return text.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}
