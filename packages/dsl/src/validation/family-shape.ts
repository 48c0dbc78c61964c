/**
 * Checks the shape of a family spec before any block runs. Specs from
 * JSON or JavaScript configs are untyped, so every field that reaches the
 * Dockerfile (names, file names, header lines, base references) is checked
 * here, and images with a broken shape are left out of the build.
 */
import { z } from "zod";

import { FAMILY, type SpecProblem } from "../errors.js";
import type { FamilySpec, ImageSpec } from "../model/image-spec.js";
import { SingleLine, Version } from "../blocks/support/schemas.js";
import { CommentText } from "./comment-text.js";
import { checkCudaTag, isCudaRepository } from "./cuda-reference.js";
import {
  ImageName,
  ImageReference,
  RegistryNamespace,
  parseImageReference,
} from "./image-reference.js";
import { defaultIssueMessages, problemsFromIssues } from "./zod-issues.js";

const OsRelease = z.strictObject({
  /** Distribution id as in /etc/os-release, such as `ubuntu`. */
  id: z.string().regex(/^[a-z][a-z0-9]*$/, "invalid OS id, such as `ubuntu`"),
  /** Version, such as `20.04`. */
  version: z
    .string()
    .regex(/^\d+(?:\.\d+)*$/, "invalid OS version, such as `20.04`"),
});

const ExternalBase = z.strictObject({
  image: ImageReference,
  os: OsRelease.optional(),
  cuda: Version.optional(),
});

const FamilyBase = z.strictObject({ family: ImageName });

/** An image spec object used as a base; its own entry is checked apart. */
const InlineBase = z.looseObject({
  name: z.string(),
  layers: z.array(z.unknown()),
});

/** A published image outside the family; its description is checked apart. */
const ParentBase = z.looseObject({
  parent: z.looseObject({}),
  registry: RegistryNamespace.optional(),
  tag: z
    .string()
    .regex(/^[\w][\w.-]{0,127}$/, "invalid tag, such as `1.15.0`")
    .optional(),
});

const Layer = z.strictObject({
  block: z.string().min(1, "name the building block"),
  options: z.unknown().optional(),
  /** Path shown in messages when the layer comes from elsewhere. */
  at: z.string().optional(),
});

const Image = z.strictObject({
  name: ImageName,
  file: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      "invalid file name: expected a plain name such as `Worker.Dockerfile`",
    ),
  description: CommentText.optional(),
  source: SingleLine.optional(),
  from: z.union([ExternalBase, FamilyBase, ParentBase, InlineBase]),
  layers: z.array(Layer),
});

const Family = z.strictObject({
  registry: RegistryNamespace,
  images: z
    .array(z.unknown())
    .min(
      1,
      "list at least one image: a family without images generates nothing",
    ),
});

/** The images whose shape is valid, and the names of those that are not. */
export interface ShapeResult {
  readonly images: ImageSpec[];
  readonly rejected: ReadonlySet<string>;
}

/** Checks the family's shape; records problems and drops broken images. */
export function checkFamilyShape(
  spec: FamilySpec,
  problems: SpecProblem[],
): ShapeResult {
  const family = Family.safeParse(spec, {
    reportInput: true,
    error: defaultIssueMessages,
  });
  if (!family.success) {
    problems.push(
      ...problemsFromIssues(family.error.issues, Family, {
        image: FAMILY,
        path: "",
      }),
    );
    if (!Array.isArray((spec as { images?: unknown })?.images)) {
      return { images: [], rejected: new Set() };
    }
  }

  const images: ImageSpec[] = [];
  const rejected = new Set<string>();
  spec.images.forEach((candidate, index) => {
    const name = (candidate as { name?: unknown } | null)?.name;
    const label = typeof name === "string" && name ? name : `images[${index}]`;
    const before = problems.length;
    const parsed = Image.safeParse(candidate, {
      reportInput: true,
      error: defaultIssueMessages,
    });
    if (!parsed.success) {
      problems.push(
        ...problemsFromIssues(parsed.error.issues, Image, {
          image: label,
          path: "",
        }),
      );
    }
    const valid = problems.length === before;
    // A wrong tag does not stop the image's layers from being checked, and
    // a broken field elsewhere does not hide a wrong tag.
    checkBaseReference(candidate, label, problems);
    if (!valid) {
      rejected.add(label);
      return;
    }
    images.push(candidate);
  });
  return { images, rejected };
}

/** Rejects the `latest` tag and `nvidia/cuda` tags that are not published. */
function checkBaseReference(
  image: ImageSpec,
  label: string,
  problems: SpecProblem[],
): void {
  const from = (image as { from?: unknown } | null)?.from as
    | { image?: unknown }
    | undefined;
  if (typeof from?.image !== "string") {
    return;
  }
  const reference = parseImageReference(from.image);
  if (reference === undefined) {
    return;
  }
  if (!isCudaRepository(reference.repository)) {
    if (reference.tag === "latest" && reference.digest === undefined) {
      problems.push({
        image: label,
        path: "from.image",
        received: from.image,
        message:
          "the `latest` tag changes with every release, so the build is not repeatable",
        hint: "pin a release tag, as in `ubuntu:22.04`, or a digest",
      });
    }
    return;
  }
  if (reference.tag === undefined && reference.digest !== undefined) {
    return; // pinned by digest: the content is fixed whatever the tags do
  }
  const problem = checkCudaTag(reference.tag);
  if (problem !== undefined) {
    problems.push({
      image: label,
      path: "from.image",
      received: from.image,
      ...problem,
    });
  }
}
