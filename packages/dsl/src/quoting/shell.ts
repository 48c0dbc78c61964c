/**
 * Shell quoting for POSIX sh and bash. Commands are assembled from argv
 * arrays so that a value never changes the structure of the command line.
 */

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes one word so that the shell passes it to the command unchanged.
 * Plain words stay bare to keep the Dockerfile readable; anything else is
 * wrapped in single quotes, inside which only `'` itself needs care.
 */
export function quoteWord(word: string): string {
  if (word.length > 0 && SAFE_WORD.test(word)) {
    return word;
  }
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Joins argv into one shell command line, quoting each word. */
export function shellCommand(...argv: readonly string[]): string {
  return argv.map(quoteWord).join(" ");
}

/**
 * A fragment of shell that is inserted as written, such as `$(uname -m)` or
 * a redirection. Only building blocks create these, never user values.
 */
export interface RawShell {
  readonly raw: string;
}

/** Marks trusted shell text that must not be quoted. */
export function raw(text: string): RawShell {
  return { raw: text };
}

/**
 * Builds a command line from a mix of words and raw fragments: words are
 * quoted, raw fragments are kept as written.
 */
export function shell(...parts: ReadonlyArray<string | RawShell>): string {
  return parts
    .map((part) => (typeof part === "string" ? quoteWord(part) : part.raw))
    .join(" ");
}
