/**
 * "Did you mean" suggestions: the candidate closest to a mistyped value by
 * edit distance, offered only when it is close enough to be a likely typo.
 */

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of
 * two neighbours (optimal string alignment), so `py93` is one edit from
 * `py39`, as a typo is.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
  }
  for (let j = 1; j <= b.length; j++) {
    rows[0]![j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        rows[i - 1]![j]! + 1,
        rows[i]![j - 1]! + 1,
        rows[i - 1]![j - 1]! + substitution,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Returns the candidate closest to `value`, or undefined when none is
 * within a third of the value's length (at least 2 edits). Case is
 * ignored, so `PY39` finds `py39`; ties go to the earlier candidate.
 */
export function closestMatch(
  value: string,
  candidates: Iterable<string>,
): string | undefined {
  const wanted = value.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance && distance <= limit) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `did you mean "py39"?`, or undefined when nothing is close. */
export function didYouMean(
  value: unknown,
  candidates: Iterable<string>,
): string | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  const match = closestMatch(value, candidates);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}

/** Joins hint parts into one sentence list, skipping empty ones. */
export function joinHints(
  ...hints: ReadonlyArray<string | undefined>
): string | undefined {
  const parts = hints.filter((hint): hint is string => Boolean(hint));
  if (parts.length === 0) {
    return undefined;
  }
  // A question already ends its sentence; other parts are joined by `;`.
  return parts.reduce((text, part) =>
    text.endsWith("?") ? `${text} ${part}` : `${text}; ${part}`,
  );
}

/** Lists values as `"a", "b" or "c"` for messages. */
export function listValues(values: readonly unknown[]): string {
  const shown = values.map((value) => JSON.stringify(value));
  if (shown.length <= 1) {
    return shown.join("");
  }
  return `${shown.slice(0, -1).join(", ")} or ${shown.at(-1)}`;
}
