/**
 * The built-in checks that can run on Dockerfile text, for Dockerfiles
 * given by path: LZY002 (an ARG or ENV name that looks like a secret) and
 * LZY003 (`conda activate` in a RUN without conda's shell hook). The other
 * built-in checks need the model of a generated image, so they do not run
 * on plain files.
 */
import {
  ACTIVATE,
  CONDA_ACTIVATE_MESSAGE,
  HOOK,
  condaActivate,
} from "./checks/conda-activate.js";
import {
  looksLikeSecret,
  secretNameMessage,
  secretNames,
} from "./checks/secret-names.js";
import type { Finding } from "./finding.js";

/** One instruction of a Dockerfile, its continuation lines joined. */
export interface ParsedInstruction {
  /** Upper-case keyword, such as `RUN`. */
  readonly keyword: string;
  /** Everything after the keyword, continuation lines joined by a space. */
  readonly args: string;
  /** 1-based line of the keyword. */
  readonly line: number;
  /** Codes waived by a `# hadolint ignore=` comment on the line above. */
  readonly ignored: readonly string[];
}

/**
 * Splits Dockerfile text into instructions the way BuildKit reads lines.
 * A line that ends with the escape character (`\`, or the one set by an
 * `# escape=` directive) continues on the next. Comment lines and empty
 * lines inside a continued instruction are dropped. A
 * `# hadolint ignore=CODE,...` line right above an instruction waives
 * those codes for it, as in hadolint.
 * NOTE: heredoc bodies (`RUN <<EOF`) are read as lines of their own.
 */
export function parseDockerfile(text: string): ParsedInstruction[] {
  const lines = text.split(/\r?\n/);
  const escape = escapeDirective(lines);
  const instructions: ParsedInstruction[] = [];
  let current:
    | { start: number; parts: string[]; ignored: string[] }
    | undefined;
  let ignored: string[] = [];

  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) {
      if (current === undefined) {
        ignored = ignoredCodes(trimmed);
      }
      return;
    }
    const continues = trimmed.endsWith(escape);
    const part = continues ? trimmed.slice(0, -escape.length) : trimmed;
    current ??= { start: index + 1, parts: [], ignored };
    ignored = [];
    current.parts.push(part.trim());
    if (!continues) {
      instructions.push(toInstruction(current));
      current = undefined;
    }
  });
  if (current !== undefined) {
    instructions.push(toInstruction(current));
  }
  return instructions;
}

/** Runs LZY002 and LZY003 on the text of the Dockerfile at `file`. */
export function checkDockerfileText(file: string, text: string): Finding[] {
  return parseDockerfile(text).flatMap((instruction) =>
    [
      ...secretNameFindings(file, instruction),
      ...condaActivateFindings(file, instruction),
    ].filter((finding) => !isWaived(finding.code, instruction.ignored)),
  );
}

/**
 * Returns true when `ignored` waives `code`. hadolint's DL3064 reports the
 * same secret-like names as LZY002, so waiving it waives LZY002 too, as
 * in the model check.
 */
function isWaived(code: string, ignored: readonly string[]): boolean {
  return (
    ignored.includes(code) ||
    (code === secretNames.code && ignored.includes("DL3064"))
  );
}

function toInstruction(current: {
  start: number;
  parts: string[];
  ignored: string[];
}): ParsedInstruction {
  const match = /^(\S+)\s*(.*)$/s.exec(current.parts.join(" "))!;
  return {
    keyword: match[1]!.toUpperCase(),
    args: match[2]!,
    line: current.start,
    ignored: current.ignored,
  };
}

/** Returns the codes of a `# hadolint ignore=A,B` comment, else none. */
function ignoredCodes(comment: string): string[] {
  const pragma = /^#\s*hadolint\s+ignore=(\S+)/.exec(comment);
  return pragma === null ? [] : pragma[1]!.split(",").filter(Boolean);
}

/** Reads `# escape=` from the parser directives at the top of the file. */
function escapeDirective(lines: readonly string[]): string {
  for (const line of lines) {
    const directive = /^#\s*(\w+)\s*=\s*(\S+)\s*$/.exec(line.trim());
    if (directive === null) {
      break;
    }
    if (directive[1]!.toLowerCase() === "escape") {
      return directive[2]!;
    }
  }
  return "\\";
}

function secretNameFindings(
  file: string,
  instruction: ParsedInstruction,
): Finding[] {
  const { keyword } = instruction;
  if (keyword !== "ARG" && keyword !== "ENV") {
    return [];
  }
  return declaredNames(instruction)
    .filter(looksLikeSecret)
    .map((name) => ({
      file,
      line: instruction.line,
      code: secretNames.code,
      level: secretNames.level,
      message: secretNameMessage(keyword, name),
    }));
}

/**
 * Returns the names an ARG or ENV sets: every `NAME=` of the `=` form,
 * or the first word of the legacy `ENV NAME value` form and of `ARG NAME`.
 */
function declaredNames(instruction: ParsedInstruction): string[] {
  const name = /^[A-Za-z_][A-Za-z0-9_]*/;
  const args = instruction.args;
  if (instruction.keyword === "ENV" && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
    return [name.exec(args)?.[0]].filter((found) => found !== undefined);
  }
  return args
    .split(/\s+/)
    .map((word) => /^([A-Za-z_][A-Za-z0-9_]*)(?:=|$)/.exec(word)?.[1])
    .filter((found) => found !== undefined);
}

function condaActivateFindings(
  file: string,
  instruction: ParsedInstruction,
): Finding[] {
  if (instruction.keyword !== "RUN") {
    return [];
  }
  const activate = ACTIVATE.exec(instruction.args);
  if (activate === null) {
    return [];
  }
  const hook = HOOK.exec(instruction.args);
  if (hook !== null && hook.index < activate.index) {
    return [];
  }
  return [
    {
      file,
      line: instruction.line,
      code: condaActivate.code,
      level: condaActivate.level,
      message: CONDA_ACTIVATE_MESSAGE,
    },
  ];
}
