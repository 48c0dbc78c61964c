/**
 * Problems found in a spec, collected over a whole run and reported together.
 */

/** One problem, located by image and field path. */
export interface SpecProblem {
  /** Image name, or `family` for problems of the family as a whole. */
  readonly image: string;
  /** Field path inside the image spec, such as `layers[7].envs[1].python`. */
  readonly path: string;
  readonly message: string;
  /** The value found at the path, when there is one to show. */
  readonly received?: unknown;
  /** What to change, such as a "did you mean" suggestion. */
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

function compareProblems(a: SpecProblem, b: SpecProblem): number {
  if (a.image !== b.image) {
    return a.image < b.image ? -1 : 1;
  }
  if (a.path !== b.path) {
    return a.path < b.path ? -1 : 1;
  }
  return 0;
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
  const json = JSON.stringify(value);
  if (json === undefined) {
    return String(value);
  }
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
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
