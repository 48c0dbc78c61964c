/**
 * Checks `nvidia/cuda` tags against the table of published tags, and finds
 * the nearest published tag to suggest when one is wrong.
 */
import {
  CUDA_TAGS_CHECKED,
  REMOVED,
  SUPPORTED,
  UNSUPPORTED,
} from "./cuda-tags.js";

/** One published tag, split into its parts. */
export interface CudaTag {
  readonly tag: string;
  /** Full CUDA version, such as `11.2.2`. */
  readonly cuda: string;
  /** `""`, `cudnn` (unversioned), or `cudnn8`, `cudnn9`... */
  readonly cudnn: string;
  readonly flavour: "base" | "runtime" | "devel";
  readonly os: string;
  /** `unsupported` tags exist but no longer get security updates. */
  readonly status: "supported" | "unsupported";
}

/** A problem with a tag: what is wrong and the tag to use instead. */
export interface CudaTagProblem {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

/** Published tags by tag text. */
export const CUDA_TAGS: ReadonlyMap<string, CudaTag> = new Map(
  [
    ...expandTable(SUPPORTED, "supported"),
    ...expandTable(UNSUPPORTED, "unsupported"),
  ].map((entry) => [entry.tag, entry]),
);

const REMOVED_TAGS: ReadonlySet<string> = new Set(
  expandTable(REMOVED, "unsupported").map((entry) => entry.tag),
);

const TAG_PATTERN =
  /^(\d+)\.(\d+)(?:\.(\d+))?-(?:(cudnn\d*)-)?(base|runtime|devel)-([a-z]+[0-9.]*)$/;

/** Returns true for `nvidia/cuda` on Docker Hub or NVIDIA's registry. */
export function isCudaRepository(repository: string): boolean {
  return /^(?:(?:docker\.io|registry-1\.docker\.io|nvcr\.io)\/)?nvidia\/cuda$/.test(
    repository,
  );
}

/**
 * Checks a tag of `nvidia/cuda`; `undefined` is a reference without a
 * tag, which means `latest`. Returns undefined when the tag is published.
 */
export function checkCudaTag(
  tag: string | undefined,
): CudaTagProblem | undefined {
  const checked = `(table checked ${CUDA_TAGS_CHECKED})`;
  if (tag === undefined || tag === "latest") {
    return {
      code: "cuda_tag_latest",
      message:
        "nvidia/cuda has no `latest` tag: NVIDIA removed it, so the pull fails with `manifest unknown`",
      hint: `pin a full tag, such as ${newestTag()}`,
    };
  }
  if (CUDA_TAGS.has(tag)) {
    return undefined;
  }

  const match = TAG_PATTERN.exec(tag);
  if (match === null) {
    return {
      code: "cuda_tag_format",
      message:
        "invalid nvidia/cuda tag: expected `<cuda>[-cudnn<N>]-<base|runtime|devel>-<os>`",
      hint: `use a published tag, such as ${newestTag()}`,
    };
  }
  const [, major, minor, patch, cudnn = "", flavour, os] = match;
  const requested = {
    version: [Number(major), Number(minor), Number(patch ?? 0)] as const,
    cudnn,
    flavour: flavour!,
    os: os!,
  };
  const suggestion = `did you mean ${nearestTag(requested).tag}?`;

  if (patch === undefined) {
    return {
      code: "cuda_tag_two_part",
      message: `CUDA version ${major}.${minor} has no patch release: NVIDIA publishes tags for full versions only`,
      hint: suggestion,
    };
  }
  if (!(os! in SUPPORTED) && !(os! in UNSUPPORTED)) {
    return {
      code: "cuda_tag_os",
      message: `OS ${os} is not in the CUDA tag table, which lists Ubuntu tags only ${checked}`,
      hint: suggestion,
    };
  }
  if (REMOVED_TAGS.has(tag)) {
    return {
      code: "cuda_tag_removed",
      message: `tag ${tag} was removed from Docker Hub ${checked}`,
      hint: suggestion,
    };
  }
  return {
    code: "cuda_tag_unknown",
    message: `tag ${tag} is not published: NVIDIA lists it neither as supported nor as unsupported ${checked}`,
    hint: suggestion,
  };
}

interface RequestedTag {
  readonly version: readonly [number, number, number];
  readonly cudnn: string;
  readonly flavour: string;
  readonly os: string;
}

/**
 * Returns the published tag nearest to `requested`. Same OS counts most,
 * then same flavour, then cuDNN or not, then the closest CUDA version. At
 * equal distance a supported tag wins over an unsupported one.
 */
export function nearestTag(requested: RequestedTag): CudaTag {
  let best: CudaTag | undefined;
  let bestScore = Infinity;
  for (const candidate of CUDA_TAGS.values()) {
    const score = distance(requested, candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best!;
}

function distance(requested: RequestedTag, candidate: CudaTag): number {
  const [major, minor, patch] = candidate.cuda.split(".").map(Number) as [
    number,
    number,
    number,
  ];
  let score =
    Math.abs(major - requested.version[0]) * 10_000 +
    Math.abs(minor - requested.version[1]) * 100 +
    Math.abs(patch - requested.version[2]);
  if (candidate.os !== requested.os) {
    score += 1e9;
  }
  if (candidate.flavour !== requested.flavour) {
    score += 1e8;
  }
  if ((candidate.cudnn === "") !== (requested.cudnn === "")) {
    score += 1e7;
  } else if (candidate.cudnn !== requested.cudnn) {
    score += 1;
  }
  return candidate.status === "supported" ? score : score + 0.5;
}

/** Returns the newest supported devel tag with cuDNN, for messages. */
function newestTag(): string {
  const versionKey = (tag: CudaTag): number => {
    const [major = 0, minor = 0, patch = 0] = tag.cuda.split(".").map(Number);
    return major * 1e6 + minor * 1e3 + patch;
  };
  const candidates = [...CUDA_TAGS.values()].filter(
    (tag) =>
      tag.status === "supported" &&
      tag.flavour === "devel" &&
      tag.cudnn !== "" &&
      tag.os.startsWith("ubuntu"),
  );
  candidates.sort(
    (a, b) => versionKey(b) - versionKey(a) || (a.os < b.os ? 1 : -1),
  );
  return candidates[0]!.tag;
}

function expandTable(
  table: Readonly<Record<string, readonly string[]>>,
  status: CudaTag["status"],
): CudaTag[] {
  return Object.entries(table).flatMap(([os, entries]) =>
    entries.flatMap((entry) => {
      const [cuda = "", variant] = entry.split(" ");
      const variants = variant === undefined ? [""] : ["", variant];
      return variants.flatMap((cudnn) =>
        (["base", "runtime", "devel"] as const)
          // cuDNN tags come in runtime and devel flavours only.
          .filter((flavour) => cudnn === "" || flavour !== "base")
          .map((flavour) => ({
            tag: [cuda, cudnn, flavour, os].filter(Boolean).join("-"),
            cuda,
            cudnn,
            flavour,
            os,
            status,
          })),
      );
    }),
  );
}
