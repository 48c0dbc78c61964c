/**
 * Shared pieces of the property tests: rendering in memory with one
 * template set, reading Dockerfiles back, and running fragments in bash.
 */
import { execFileSync } from "node:child_process";

import {
  SpecError,
  buildFamily,
  type FamilySpec,
  type LayerSpec,
} from "@lzy-images/dsl";
import {
  TemplateSet,
  outputFiles,
  renderFamily,
  type RenderedImage,
} from "@lzy-images/generator";
import { DockerfileParser } from "dockerfile-ast";
import fc from "fast-check";

/** Cases per property; CI runs them all with the normal test command. */
export const RUNS = 1000;

const templates = new TemplateSet();

/** Builds and renders a family the way `generate` does. */
export function renderSpec(spec: FamilySpec): RenderedImage[] {
  return renderFamily(buildFamily(spec), {
    regenerate: "pnpm run generate",
    templates,
  });
}

/** Returns a family of one image FROM `base` with `layers`. */
export function oneImage(
  layers: readonly LayerSpec[],
  base = "ubuntu:20.04",
): FamilySpec {
  return {
    registry: "example",
    images: [
      { name: "app", file: "App.Dockerfile", from: { image: base }, layers },
    ],
  };
}

/**
 * Renders `spec`, or returns the SpecError it raises. Any other error is
 * a crash and fails the property.
 */
export function renderOrReject(spec: FamilySpec): RenderedImage[] | SpecError {
  try {
    return renderSpec(spec);
  } catch (error) {
    if (error instanceof SpecError) {
      return error;
    }
    throw error;
  }
}

/** Instruction keywords of a Dockerfile, as a parser reads them. */
export function keywords(dockerfile: string): string[] {
  return DockerfileParser.parse(dockerfile)
    .getInstructions()
    .map((instruction) => instruction.getKeyword());
}

/** Returns the argument text of each `keyword` instruction, lines joined. */
export function argumentsOf(dockerfile: string, keyword: string): string[] {
  return DockerfileParser.parse(dockerfile)
    .getInstructions()
    .filter((instruction) => instruction.getKeyword() === keyword)
    .map((instruction) => instruction.getArgumentsContent() ?? "");
}

/** HTML entities a template engine would write for `& < > ' " = \``. */
export const HTML_ENTITY = /&(?:amp|lt|gt|quot|apos|#x?[0-9a-fA-F]+);/;

/** Joins the contents of every file a rendered family writes. */
export function allOutput(images: readonly RenderedImage[]): string {
  return outputFiles(images)
    .map((file) => file.content)
    .join("\n");
}

/** Runs `script` in bash and returns its stdout. */
export function bash(script: string): string {
  return execFileSync("bash", ["-c", script], { encoding: "utf8" });
}

/**
 * Characters that break naive quoting in shells, Dockerfiles, JSON and
 * HTML templates, with letters, a line separator and non-ASCII text.
 */
const AWKWARD_CHARACTERS = [
  ..."&&<>'\"=`\\$;|#(){}[]*?!~%^ \t",
  "\n",
  "\r",
  "\0",
  "\u2028",
  "é",
  "中",
  "🙂",
  "a",
  "Z",
  "0",
  "_",
  "-",
  ".",
  "/",
  ":",
];

/** Short strings made mostly of awkward characters. */
export const awkwardString = fc.string({
  unit: fc.constantFrom(...AWKWARD_CHARACTERS),
  maxLength: 24,
});

/** Characters no Dockerfile line can carry. */
export const LINE_BREAK = /[\n\r\0]/;
