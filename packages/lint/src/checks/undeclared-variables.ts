/**
 * LZY001: a variable expanded in a RUN that no `ARG` or `ENV` of the stage
 * declares, nor the RUN itself assigns, expands to an empty string and the
 * build goes on with a wrong command. An `ARG` before the first `FROM` is
 * visible only in `FROM` lines, so a `FROM` may use only those.
 */
import type { FamilyModel, ImageModel, Instruction } from "@lzy-images/dsl";

import type { ModelCheck } from "./check.js";
import { assignedVariables, expandedVariables } from "./shell-variables.js";

/**
 * Variables a RUN shell has without a declaration: Docker sets `PATH`,
 * `HOME` and `HOSTNAME`, the proxy variables are predefined build
 * arguments, and the rest are set by bash itself.
 */
const ALWAYS_DEFINED = new Set([
  "PATH",
  "HOME",
  "HOSTNAME",
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "FTP_PROXY",
  "ftp_proxy",
  "NO_PROXY",
  "no_proxy",
  "ALL_PROXY",
  "all_proxy",
  "PWD",
  "OLDPWD",
  "SHLVL",
  "UID",
  "EUID",
  "PPID",
  "IFS",
  "RANDOM",
  "LINENO",
  "SECONDS",
  "BASH",
  "BASH_VERSION",
  "BASHPID",
  "OSTYPE",
  "HOSTTYPE",
  "MACHTYPE",
]);

export const undeclaredVariables: ModelCheck = {
  code: "LZY001",
  level: "error",
  summary: "a RUN or FROM expands a variable that nothing declares",
  run(image, family) {
    const findings: Array<{ instruction: number; message: string }> = [];
    const global = new Set<string>();
    let stage: Set<string> | undefined;

    image.instructions.forEach((instruction, index) => {
      if (instruction.kind === "FROM") {
        for (const name of expandedVariables(instruction.image)) {
          if (!global.has(name)) {
            findings.push({
              instruction: index,
              message: `FROM uses $${name}, but no ARG before the first FROM declares it; declare \`ARG ${name}\` above the FROM`,
            });
          }
        }
        stage = inheritedEnv(image, family);
        return;
      }
      const scope = stage ?? global;
      for (const name of declaredNames(instruction)) {
        scope.add(name);
      }
      if (instruction.kind !== "RUN" || stage === undefined) {
        return;
      }

      const script = instruction.commands.join("\n");
      const assigned = assignedVariables(script);
      for (const name of expandedVariables(script)) {
        if (stage.has(name) || assigned.has(name) || ALWAYS_DEFINED.has(name)) {
          continue;
        }
        const hint = global.has(name)
          ? `; \`ARG ${name}\` before FROM is visible only in FROM lines, so repeat \`ARG ${name}\` after the FROM`
          : `; declare it with ARG or ENV before this RUN, or assign it in the RUN`;
        findings.push({
          instruction: index,
          message: `RUN uses $${name}, which no ARG or ENV of this stage declares${hint}`,
        });
      }
    });
    return findings;
  },
};

function declaredNames(instruction: Instruction): string[] {
  switch (instruction.kind) {
    case "ARG":
      return [instruction.name];
    case "ENV":
      return instruction.vars.map((variable) => variable.name);
    default:
      return [];
  }
}

/**
 * ENV names an image gets from its family bases: those its blocks recorded
 * in the state and those set by ENV instructions. What an external base
 * image sets is not known.
 */
function inheritedEnv(image: ImageModel, family: FamilyModel): Set<string> {
  const names = new Set<string>();
  let current = image;
  while (current.base.kind === "family") {
    const baseName = current.base.name;
    const base = family.images.find((candidate) => candidate.name === baseName);
    if (base === undefined) {
      break;
    }
    for (const name of base.state.env.keys()) {
      names.add(name);
    }
    for (const instruction of base.instructions) {
      declaredNames(instruction).forEach((name) => {
        if (instruction.kind === "ENV") {
          names.add(name);
        }
      });
    }
    current = base;
  }
  return names;
}
