/**
 * Renders the instructions of an image model into Dockerfile text, keeping
 * for every output line the provenance of the instruction that wrote it.
 */
import {
  SpecError,
  encodeExecForm,
  encodeExpandedValue,
  encodeLiteralValue,
  encodePathList,
  type EnvValue,
  type ImageModel,
  type Instruction,
  type Provenance,
  type SpecProblem,
} from "@lzy-images/dsl";

import type { TemplateSet } from "./templates.js";

/** Dockerfile text and, per line (index 0 is line 1), what emitted it. */
export interface RenderedDockerfile {
  readonly text: string;
  /** Provenance of each line; undefined for the header and blank lines. */
  readonly lines: ReadonlyArray<Provenance | undefined>;
}

export interface RenderOptions {
  /** Command shown in the header for regenerating the file. */
  readonly regenerate: string;
  /** Content tags of images rendered earlier in the run, by image name. */
  readonly tags: ReadonlyMap<string, string>;
}

/** Renders one image's Dockerfile. */
export function renderDockerfile(
  image: ImageModel,
  templates: TemplateSet,
  options: RenderOptions,
): RenderedDockerfile {
  checkCommentLines(image);
  const chunks: string[] = [];
  const lines: Array<Provenance | undefined> = [];

  const append = (text: string, source: Provenance | undefined): void => {
    const split = text.replace(/\n$/, "").split("\n");
    chunks.push(...split);
    lines.push(...split.map(() => source));
  };

  append(
    templates.get("dockerfile/header")({
      name: image.name,
      source: image.source ?? "",
      regenerate: options.regenerate,
      description: image.description ? [image.description] : [],
    }),
    undefined,
  );

  let previousPath: string | undefined;
  for (const instruction of image.instructions) {
    if (instruction.source.path !== previousPath) {
      append("", undefined);
      previousPath = instruction.source.path;
    }
    const notes = templates.get("dockerfile/notes")({
      comments: instruction.comments ?? [],
      waiver: instruction.waiver
        ? {
            reason: instruction.waiver.reason,
            codes: instruction.waiver.codes.join(","),
          }
        : false,
    });
    if (notes) {
      append(notes, instruction.source);
    }
    const template = templates.get(
      `dockerfile/instructions/${instruction.kind.toLowerCase()}`,
    );
    append(template(viewOf(instruction, options.tags)), instruction.source);
  }

  return { text: `${chunks.join("\n")}\n`, lines };
}

/**
 * hadolint 2.x pragmas (`# hadolint ignore=...`) and BuildKit parser
 * directives (`# syntax=...`). The DSL rejects such image descriptions,
 * and this guard covers comment text from any block, so that no value can
 * switch lint rules off or change how the file is parsed.
 */
const TOOL_COMMENT = /^[ \t]*(?:hadolint[ \t]|(?:syntax|escape|check)[ \t]*=)/i;

/**
 * Throws SpecError when a comment line that the image's text would
 * produce could be read as a tool instruction or would span lines.
 */
function checkCommentLines(image: ImageModel): void {
  const problems: SpecProblem[] = [];
  const check = (text: string, path: string): void => {
    if (TOOL_COMMENT.test(text) || /[\r\n]/.test(text)) {
      problems.push({
        image: image.name,
        path,
        message:
          "comment text would read as a hadolint pragma or a parser directive, or span lines",
        received: text,
        hint: "reword the start of the text and keep it on one line",
      });
    }
  };
  if (image.description !== undefined) {
    check(image.description, "description");
  }
  for (const instruction of image.instructions) {
    for (const comment of instruction.comments ?? []) {
      check(comment, instruction.source.path);
    }
    if (instruction.waiver !== undefined) {
      check(instruction.waiver.reason, instruction.source.path);
    }
  }
  if (problems.length > 0) {
    throw new SpecError(problems);
  }
}

/** Encodes an instruction's values for its template. */
function viewOf(
  instruction: Instruction,
  tags: ReadonlyMap<string, string>,
): object {
  switch (instruction.kind) {
    case "FROM":
      return { image: instruction.image, stage: instruction.stage ?? "" };
    case "ARG": {
      const value = instruction.value;
      if (value === undefined) {
        return { name: instruction.name, value: "" };
      }
      const resolved =
        typeof value === "string" ? value : resolveTag(value.tagOf, tags);
      return { name: instruction.name, value: encodeArgValue(resolved) };
    }
    case "ENV":
      return { vars: instruction.vars.map(encodeEnv) };
    case "LABEL":
      return { labels: instruction.labels.map(encodeEnv) };
    case "RUN":
      return {
        commands: instruction.commands.map((command) =>
          command.split("\n").join(" \\\n    "),
        ),
      };
    case "COPY": {
      const flags: string[] = [];
      if (instruction.chown) {
        flags.push(`--chown=${instruction.chown}`);
      }
      if (instruction.chmod) {
        flags.push(`--chmod=${instruction.chmod}`);
      }
      return {
        flags,
        arguments: encodePathList([...instruction.sources, instruction.dest]),
      };
    }
    case "SHELL":
    case "ENTRYPOINT":
    case "CMD":
      return { argv: encodeExecForm(instruction.argv) };
    case "VOLUME":
      return { paths: encodePathList(instruction.paths) };
    case "WORKDIR":
      return { path: instruction.path };
    case "USER":
      return { user: instruction.user };
  }
}

function encodeEnv(variable: EnvValue): { name: string; value: string } {
  const value = variable.expand
    ? encodeExpandedValue(variable.value)
    : encodeArgValue(variable.value);
  return { name: variable.name, value };
}

/** Leaves plain tokens bare for readability and quotes everything else. */
function encodeArgValue(value: string): string {
  return /^[A-Za-z0-9_.:\/@+-]+$/.test(value)
    ? value
    : encodeLiteralValue(value);
}

function resolveTag(
  imageName: string,
  tags: ReadonlyMap<string, string>,
): string {
  const tag = tags.get(imageName);
  if (tag === undefined) {
    throw new Error(
      `internal error: tag of "${imageName}" requested before it was rendered`,
    );
  }
  return tag;
}
