/**
 * Problems found in a spec, collected over a whole run and reported together.
 */

/** One problem, located by image and field path. */
export interface SpecProblem {
  /** Image name, or `family` for problems of the family as a whole. */
  readonly image: string;
  /** Field path inside the image spec, such as `layers[7].envs[1].python`. */
  readonly path: string;
  /**
   * Kind of problem for tools, such as `invalid_type`, `unknown_option` or
   * `cuda_tag_removed`; zod issue codes are kept as they are.
   */
  readonly code?: string | undefined;
  readonly message: string;
  /** The value found at the path, when there is one to show. */
  readonly received?: unknown;
  /** Suggested fix, such as a "did you mean" suggestion. */
  readonly hint?: string | undefined;
}

/** Thrown when a spec is invalid; carries every problem found, sorted. */
export class SpecError extends Error {
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    const sorted = [...problems].sort(compareProblems);
    super(sorted.map(formatProblem).join("\n"));
    this.name = "SpecError";
    this.problems = sorted;
  }
}

/**
 * Orders problems of the family as a whole first, then by image name, then
 * by path with indices compared as numbers (`layers[2]` before
 * `layers[10]`). The sort is stable, so one field's problems keep their order.
 */
function compareProblems(a: SpecProblem, b: SpecProblem): number {
  if (a.image !== b.image) {
    if (a.image === FAMILY || b.image === FAMILY) {
      return a.image === FAMILY ? -1 : 1;
    }
    return a.image < b.image ? -1 : 1;
  }
  return comparePaths(a.path, b.path);
}

/** Image name used for problems of the family spec as a whole. */
export const FAMILY = "family";

function comparePaths(a: string, b: string): number {
  const left = a.split(/(\d+)/);
  const right = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) {
      continue;
    }
    // split() with a capture group puts the digit runs at odd indices.
    if (i % 2 === 1) {
      return Number(x) - Number(y);
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** Formats a problem as `image.path: message (received X). hint`. */
export function formatProblem(problem: SpecProblem): string {
  const location = problem.path
    ? `${problem.image}.${problem.path}`
    : problem.image;
  let text = `${location}: ${problem.message}`;
  if ("received" in problem && problem.received !== undefined) {
    text += ` (received ${formatValue(problem.received)})`;
  }
  if (problem.hint) {
    text += `. ${problem.hint}`;
  }
  return text;
}

/** Shows a value as it would be written in a spec. */
export function formatValue(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value);
  }
  if (value === undefined) {
    return "undefined";
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // A circular object or a BigInt from a JavaScript config.
    json = undefined;
  }
  json ??= describeUnserializable(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/**
 * Describes a value JSON cannot show. String() itself throws for objects
 * whose `toString` is not a function, so that is a last resort guarded too.
 */
function describeUnserializable(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Array.isArray(value)
      ? "an array"
      : `a value of type ${typeof value}`;
  }
}

/** Joins path segments as `layers[7].envs[1].python`. */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let path = "";
  for (const segment of segments) {
    if (typeof segment === "number") {
      path += `[${segment}]`;
    } else {
      path += path ? `.${String(segment)}` : String(segment);
    }
  }
  return path;
}
