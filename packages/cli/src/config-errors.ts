/**
 * Messages for config files that cannot be loaded: each names the file and
 * the line, the way a compiler does, and keeps the original error as the
 * cause so that `--debug` can print its stack.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

import { CliError } from "./errors.js";

/** A 1-based line and column in a file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Describes a config module that failed to compile or threw on import. */
export function moduleLoadError(
  error: unknown,
  absolute: string,
  shown: string,
): CliError {
  const described = error instanceof Error ? error : new Error(String(error));
  const reason = describeError(described, absolute);
  const frame = frameIn(described.stack ?? "", absolute);
  let message: string;
  if (frame !== undefined) {
    message = `config file ${shown}:${formatPosition(frame, absolute)}: ${reason}`;
  } else if (described instanceof SyntaxError) {
    // Node does not put the place of a module's syntax error in the error
    // it throws; `node --check` prints it.
    const place = syntaxErrorPlace(absolute);
    message = place
      ? `config file ${shown}:${place.line}: ${reason}\n${place.excerpt}`
      : `config file ${shown}: ${reason}`;
  } else if (!(error instanceof Error)) {
    message = `config file ${shown} failed to load: ${reason} (a thrown value that is not an Error has no stack, so its line is unknown; throw an Error instead)`;
  } else {
    message = `config file ${shown} failed to load: ${reason}`;
  }
  const cliError = new CliError(message);
  cliError.cause = described;
  return cliError;
}

/**
 * Describes an error that code of the config threw after it loaded, such
 * as a getter or a function the spec passes, with the config's file and
 * line. Returns undefined when no stack frame lies in the config.
 */
export function configCodeError(
  error: unknown,
  absolute: string,
  shown: string,
): CliError | undefined {
  if (!(error instanceof Error)) {
    return undefined;
  }
  const frame = frameIn(error.stack ?? "", absolute);
  if (frame === undefined) {
    return undefined;
  }
  const cliError = new CliError(
    `config file ${shown}:${formatPosition(frame, absolute)}: ${describeError(error, absolute)}`,
  );
  cliError.cause = error;
  return cliError;
}

/**
 * Returns `Kind: message` without the location lines that some loaders
 * (jiti's parser) append, because the message names the place itself.
 */
function describeError(error: Error, absolute: string): string {
  const message = error.message
    .split("\n")
    .filter((line) => !line.includes(absolute))
    .join("\n")
    .trim();
  return /^\w*Error: /.test(message)
    ? message
    : `${error.name || "Error"}: ${message}`;
}

/**
 * Formats `line:column`, or only the line when the column lies past the
 * end of that source line: a loader that wraps transpiled code (jiti for
 * TypeScript) shifts columns of the first line.
 */
function formatPosition(position: Position, absolute: string): string {
  let source: string | undefined;
  try {
    source = readFileSync(absolute, "utf8").split("\n")[position.line - 1];
  } catch {
    source = undefined;
  }
  return source !== undefined && position.column <= source.length + 1
    ? `${position.line}:${position.column}`
    : `${position.line}`;
}

/** Describes a JSON config that does not parse. */
export function jsonParseError(
  error: unknown,
  text: string,
  shown: string,
): CliError {
  const position = locateJsonError(text);
  const where = position ? `:${position.line}:${position.column}` : "";
  // V8 appends an excerpt that may span lines; the position replaces it.
  const reason = (error as Error).message.replace(
    /, (?:\.\.\.)?".*" is not valid JSON$/s,
    "",
  );
  const cliError = new CliError(
    `config file ${shown}${where}: invalid JSON: ${reason}`,
  );
  cliError.cause = error;
  return cliError;
}

/** Returns the first stack frame inside `absolute`, as in `file:///c.mjs:3:13`. */
function frameIn(stack: string, absolute: string): Position | undefined {
  const url = pathToFileURL(absolute).href;
  for (const line of stack.split("\n")) {
    for (const prefix of [url, absolute]) {
      const at = line.indexOf(`${prefix}:`);
      if (at === -1) {
        continue;
      }
      const match = /^:(\d+):(\d+)/.exec(line.slice(at + prefix.length));
      if (match) {
        return { line: Number(match[1]), column: Number(match[2]) };
      }
    }
  }
  return undefined;
}

/** Runs `node --check` on the file and reads the line it reports. */
function syntaxErrorPlace(
  absolute: string,
): { line: number; excerpt: string } | undefined {
  const result = spawnSync(process.execPath, ["--check", absolute], {
    encoding: "utf8",
    timeout: 10_000,
  });
  const lines = (result.stderr ?? "").split("\n");
  const header = /:(\d+)$/.exec(lines[0] ?? "");
  if (header === null) {
    return undefined;
  }
  const excerpt = lines
    .slice(1, 3)
    .filter((line) => line.trim() !== "")
    .map((line) => `  ${line}`)
    .join("\n");
  return { line: Number(header[1]), excerpt };
}

/**
 * Finds where JSON text stops being valid: Node 20's JSON.parse names the
 * token but, for most errors, not its place. Returns undefined for valid
 * JSON.
 */
export function locateJsonError(text: string): Position | undefined {
  let offset = 0;

  const fail = (): never => {
    throw offset;
  };
  const skipSpace = (): void => {
    while (/[ \t\n\r]/.test(text[offset] ?? "")) {
      offset++;
    }
  };
  const expect = (literal: string): void => {
    if (!text.startsWith(literal, offset)) {
      fail();
    }
    offset += literal.length;
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      const char = text[offset];
      if (char === undefined || char < " ") {
        fail();
      } else if (char === '"') {
        offset++;
        return;
      } else if (char === "\\") {
        const escape = /^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(
          text.slice(offset),
        );
        if (escape === null) {
          fail();
        }
        offset += escape![0].length;
      } else {
        offset++;
      }
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[offset];
    if (char === "{") {
      offset++;
      skipSpace();
      if (text[offset] === "}") {
        offset++;
        return;
      }
      for (;;) {
        skipSpace();
        string();
        skipSpace();
        expect(":");
        value();
        skipSpace();
        if (text[offset] === ",") {
          offset++;
        } else {
          expect("}");
          return;
        }
      }
    } else if (char === "[") {
      offset++;
      skipSpace();
      if (text[offset] === "]") {
        offset++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text[offset] === ",") {
          offset++;
        } else {
          expect("]");
          return;
        }
      }
    } else if (char === '"') {
      string();
    } else {
      const token =
        /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
          text.slice(offset),
        );
      if (token === null) {
        fail();
      }
      offset += token![0].length;
    }
  };

  try {
    value();
    skipSpace();
    if (offset < text.length) {
      fail();
    }
    return undefined;
  } catch (failedAt) {
    if (typeof failedAt !== "number") {
      throw failedAt;
    }
    const before = text.slice(0, failedAt).split("\n");
    return { line: before.length, column: before.at(-1)!.length + 1 };
  }
}
