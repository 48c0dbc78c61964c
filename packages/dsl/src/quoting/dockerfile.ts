/**
 * Encoding of values for Dockerfile instructions, following the parser of
 * Docker's BuildKit frontend (dockerfile syntax 1.x).
 */

/**
 * Encodes a literal value for `ENV name=value`, `LABEL name=value` or an
 * `ARG` default, in single quotes. BuildKit's word lexer, like POSIX sh,
 * takes everything inside single quotes as written (no `$` expansion, no
 * escapes) and reads `\'` outside quotes as a quote, so `it's` becomes
 * `'it'\''s'`. bash reads the same text the same way, which double quotes
 * would not give: there bash runs a backquote that BuildKit keeps.
 * A newline has no encoding (a backslash before it is a line continuation
 * and the parser ends the instruction at a bare one), so schemas reject it.
 */
export function encodeLiteralValue(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Encodes a value that refers to other variables on purpose, such as
 * `/opt/conda/bin:$PATH`. `$` stays live; quotes and backslashes are escaped.
 */
export function encodeExpandedValue(value: string): string {
  const escaped = value.replaceAll("\\", "\\\\").replaceAll('"', '\\"');
  return `"${escaped}"`;
}

/** Encodes an exec-form argument list (`ENTRYPOINT`, `CMD`, `SHELL`). */
export function encodeExecForm(argv: readonly string[]): string {
  return `[${argv.map((arg) => JSON.stringify(arg)).join(", ")}]`;
}

const PLAIN_PATH = /^[A-Za-z0-9_@%+=:,./~-]+$/;

/**
 * Encodes the arguments of `COPY` or `VOLUME`. Paths with spaces or other
 * special characters switch to the JSON array form, which needs no escaping.
 */
export function encodePathList(paths: readonly string[]): string {
  if (paths.every((path) => PLAIN_PATH.test(path))) {
    return paths.join(" ");
  }
  return encodeExecForm(paths);
}
