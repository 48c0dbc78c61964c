/**
 * Finds the line where each instruction of an image model starts in its
 * rendered Dockerfile, so that checks on the model report lines like
 * hadolint does.
 */
import type { RenderedImage } from "@lzy-images/generator";

/**
 * Returns the 1-based start line of every instruction of `rendered.image`,
 * in model order. The renderer writes instructions in model order, each
 * optionally preceded by comment lines and continued by lines after a
 * trailing `\`, so the n-th line that starts an instruction belongs to the
 * n-th instruction.
 */
export function instructionLines(rendered: RenderedImage): number[] {
  const text = rendered.dockerfile.content.replace(/\n$/, "");
  const instructions = rendered.image.instructions;
  const starts: number[] = [];
  let continued = false;

  text.split("\n").forEach((line, index) => {
    const isContinuation = continued;
    continued = line.endsWith("\\");
    if (isContinuation || line.trim() === "" || line.startsWith("#")) {
      return;
    }
    const instruction = instructions[starts.length];
    const keyword = line.split(" ", 1)[0];
    if (instruction === undefined || keyword !== instruction.kind) {
      throw new Error(
        `internal error: line ${index + 1} of ${rendered.dockerfile.path} starts with ${JSON.stringify(keyword)}, expected instruction ${starts.length} (${instruction?.kind ?? "none"})`,
      );
    }
    starts.push(index + 1);
  });

  if (starts.length !== instructions.length) {
    throw new Error(
      `internal error: ${rendered.dockerfile.path} has ${starts.length} instructions, the model ${instructions.length}`,
    );
  }
  return starts;
}
