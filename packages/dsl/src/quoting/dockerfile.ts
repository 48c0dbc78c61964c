/**
 * Encoding of values for Dockerfile instructions, following the parser of
 * Docker's BuildKit frontend (dockerfile syntax 1.x).
 */

/**
 * Encodes a literal value for `ENV name=value`, `LABEL name=value` or an
 * `ARG` default so that BuildKit's word lexer and bash both read it back
 * unchanged:
 * - single quotes when the value has no `'`: both take everything inside
 *   as written, with no `$` expansion and no escapes;
 * - else double quotes with `\`, `"` and `$` escaped, when the value has
 *   no backquote (bash runs one inside double quotes, BuildKit keeps it);
 * - else single-quoted runs joined by `"'"` for each `'`, as in
 *   `'it'"'"'s \`x\`'`, since BuildKit and bash join adjacent quoted parts.
 *   hadolint 2.15.1 reads this form, but rejects `'\''` (DL1000), whose
 *   backslash stands outside any quotes.
 * A line break has no encoding (the parser ends the instruction there,
 * and a backslash before it joins the next line), so schemas reject it.
 *
 * NOTE: dockerfile-ast 0.7 (the VS Code parser) misreads the last form,
 * although BuildKit and bash agree on it.
 */
export function encodeLiteralValue(value: string): string {
  if (!value.includes("'")) {
    return `'${value}'`;
  }
  if (!value.includes("`")) {
    const escaped = value
      .replaceAll("\\", "\\\\")
      .replaceAll('"', '\\"')
      .replaceAll("$", "\\$");
    return `"${escaped}"`;
  }
  return value
    .split("'")
    .map((run) => (run === "" ? "" : `'${run}'`))
    .join(`"'"`);
}

/**
 * Encodes a value that refers to other variables on purpose, such as
 * `/opt/conda/bin:$PATH`. `$` stays live and `\$` keeps a literal `$`, as
 * in the Dockerfile itself; other backslashes and quotes are escaped.
 */
export function encodeExpandedValue(value: string): string {
  const escaped = value.replace(/\\(?!\$)/g, "\\\\").replaceAll('"', '\\"');
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
