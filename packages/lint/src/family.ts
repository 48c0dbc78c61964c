/**
 * Lints a rendered family before anything is written: the built-in checks
 * on the model, and one hadolint run over the rendered Dockerfiles placed
 * in a temporary folder. Every finding is located by the output path and
 * line, and mapped to the image and building block that wrote the line.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import type { FamilyModel } from "@lzy-images/dsl";
import type { RenderedImage } from "@lzy-images/generator";

import { checkImage } from "./checks/index.js";
import { sortFindings, type Finding } from "./finding.js";
import { runHadolint } from "./hadolint.js";
import { instructionLines } from "./instruction-lines.js";
import type { HadolintCommand } from "./locate.js";

export interface LintFamilyOptions {
  /** hadolint to run on the rendered Dockerfiles. */
  readonly hadolint: HadolintCommand;
  /** Environment for hadolint; its `HADOLINT_*` variables are dropped. */
  readonly env: NodeJS.ProcessEnv;
  /** Policy file. Default: the repository's `.hadolint.yaml`. */
  readonly config?: string | undefined;
  /** Turns a Dockerfile's output path into the path shown in findings. */
  readonly displayPath: (path: string) => string;
}

/** Returns the findings of the built-in checks and hadolint, sorted. */
export async function lintFamily(
  model: FamilyModel,
  rendered: readonly RenderedImage[],
  options: LintFamilyOptions,
): Promise<Finding[]> {
  const fromChecks = checkFamily(model, rendered, options.displayPath);
  const fromHadolint = await hadolintRendered(rendered, options);
  return sortFindings([...fromChecks, ...fromHadolint]);
}

/** Runs the built-in checks and locates their findings in the rendered files. */
export function checkFamily(
  model: FamilyModel,
  rendered: readonly RenderedImage[],
  displayPath: (path: string) => string,
): Finding[] {
  return rendered.flatMap((image) => {
    const modelFindings = checkImage(image.image, model);
    if (modelFindings.length === 0) {
      return [];
    }
    const lines = instructionLines(image);
    return modelFindings.map((finding) => ({
      file: displayPath(image.dockerfile.path),
      line: lines[finding.instruction]!,
      code: finding.code,
      level: finding.level,
      message: finding.message,
      source: image.image.instructions[finding.instruction]!.source,
    }));
  });
}

/** Lints the rendered Dockerfiles with one hadolint run from a temporary folder. */
async function hadolintRendered(
  rendered: readonly RenderedImage[],
  options: LintFamilyOptions,
): Promise<Finding[]> {
  const folder = await mkdtemp(join(tmpdir(), "lzy-images-lint-"));
  try {
    const byPath = new Map<string, RenderedImage>();
    for (const image of rendered) {
      const path = join(folder, image.dockerfile.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, image.dockerfile.content);
      byPath.set(path, image);
    }

    const findings = await runHadolint(options.hadolint, [...byPath.keys()], {
      config: options.config,
      env: options.env,
    });
    return findings.map((finding) => {
      const image = byPath.get(finding.file);
      if (image === undefined) {
        throw new Error(
          `internal error: hadolint reported a file it was not given: ${finding.file}`,
        );
      }
      return {
        file: options.displayPath(image.dockerfile.path),
        line: finding.line,
        code: finding.code,
        level: finding.level,
        message: finding.message,
        source: image.lines[finding.line - 1],
      };
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
