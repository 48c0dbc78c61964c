/**
 * Lints a rendered family before anything is written: the built-in checks
 * on the model, and one hadolint run over the rendered Dockerfiles placed
 * in a temporary folder. Every finding is located by the output path and
 * line, and mapped to the image and building block that wrote the line.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

import type { FamilyModel } from "@lzy-images/dsl";
import type { RenderedImage } from "@lzy-images/generator";

import { checkImage } from "./checks/index.js";
import { sortFindings, type Finding } from "./finding.js";
import { HadolintError, runHadolint } from "./hadolint.js";
import { instructionLines } from "./instruction-lines.js";
import type { HadolintCommand } from "./locate.js";
import { createStagingFolder, removeStagingFolder } from "./staging.js";

export interface LintFamilyOptions {
  /** hadolint to run on the rendered Dockerfiles. */
  readonly hadolint: HadolintCommand;
  /** Environment for hadolint; its `HADOLINT_*` variables are dropped. */
  readonly env: NodeJS.ProcessEnv;
  /** Policy file. Default: the repository's `.hadolint.yaml`. */
  readonly config?: string | undefined;
  /** Turns a Dockerfile's output path into the path shown in findings. */
  readonly displayPath: (path: string) => string;
  /** Milliseconds hadolint may run. Default: DEFAULT_HADOLINT_TIMEOUT_MS. */
  readonly timeoutMs?: number | undefined;
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

/**
 * Lints the rendered Dockerfiles with one hadolint run from a staging
 * folder under the system's temporary folder (see staging.ts).
 */
async function hadolintRendered(
  rendered: readonly RenderedImage[],
  options: LintFamilyOptions,
): Promise<Finding[]> {
  const folder = await createStagingFolder();
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
      timeoutMs: options.timeoutMs,
    });
    return findings.map((finding) => {
      const image = byPath.get(finding.file);
      if (image === undefined) {
        throw new HadolintError(
          `hadolint ${options.hadolint.command} reported a finding in ${finding.file}, a file it was not given; check that --hadolint or HADOLINT names hadolint 2.x`,
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
    await removeStagingFolder(folder);
  }
}
