/**
 * Reads generated Dockerfiles back with `dockerfile-ast`, the parser behind
 * the VS Code Dockerfile language server, so that tests check instructions
 * rather than layout.
 */
import { DockerfileParser } from "dockerfile-ast";

export interface ParsedInstruction {
  /** Keyword in upper case, such as `RUN`. */
  readonly keyword: string;
  /** 1-based line where the instruction starts. */
  readonly line: number;
  /** Flags and arguments, with line continuations joined. */
  readonly args: string;
}

export interface ParsedDockerfile {
  readonly instructions: readonly ParsedInstruction[];
  /** `ENV` variables in order of appearance, the last value winning. */
  readonly env: ReadonlyMap<string, string>;
  /** Commands of all `RUN` instructions. */
  readonly runs: readonly string[];
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions().map((instruction) => {
    // The parser keeps flags such as `--chmod=0755` apart from the arguments.
    const withFlags = instruction as unknown as {
      getFlags?: () => Array<{ getName(): string; getValue(): string | null }>;
    };
    const flags = (withFlags.getFlags?.() ?? []).map(
      (flag) => `--${flag.getName()}=${flag.getValue() ?? ""} `,
    );
    return {
      keyword: instruction.getKeyword(),
      line: instruction.getRange().start.line + 1,
      args: flags.join("") + (instruction.getArgumentsContent() ?? ""),
    };
  });
  const env = new Map<string, string>();
  for (const instruction of dockerfile.getENVs()) {
    for (const property of instruction.getProperties()) {
      env.set(property.getName(), property.getValue() ?? "");
    }
  }
  const runs = instructions
    .filter((i) => i.keyword === "RUN")
    .map((i) => i.args);
  return { instructions, env, runs };
}

/** Packages installed by `apt-get install` in any RUN, in order. */
export function aptInstalled(parsed: ParsedDockerfile): string[] {
  const packages: string[] = [];
  for (const run of parsed.runs) {
    for (const step of run.split("&&")) {
      const words = step.trim().split(/\s+/);
      if (words[0] === "apt-get" && words[1] === "install") {
        packages.push(
          ...words.slice(2).filter((word) => !word.startsWith("-")),
        );
      }
    }
  }
  return packages;
}

/** Returns each `&&`-separated command of every RUN, trimmed. */
export function runCommands(parsed: ParsedDockerfile): string[] {
  return parsed.runs.flatMap((run) =>
    run.split(/\s&&\s/).map((step) => step.trim()),
  );
}
