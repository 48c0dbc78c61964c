/**
 * LZY003: `conda activate` in a RUN without conda's shell hook loaded in the
 * same RUN. RUN shells are non-interactive and never read the `conda init`
 * setup in `~/.bashrc`, so the command fails, and a command after a `;`
 * runs in the wrong env.
 */
import type { ModelCheck } from "./check.js";

export const ACTIVATE = /(?:^|[\s;&|(){}])conda\s+activate\b/;

/** `eval "$(conda shell.bash hook)"` or sourcing `etc/profile.d/conda.sh`. */
export const HOOK =
  /conda\s+shell\.(?:bash|zsh|posix)\s+hook|(?:^|[\s;&|])(?:source|\.)\s+\S*etc\/profile\.d\/conda\.sh/;

export const CONDA_ACTIVATE_MESSAGE =
  "RUN calls `conda activate`, which fails in the non-interactive RUN shell; call the env's interpreter by path (<prefix>/envs/NAME/bin/python) or use `conda run -n NAME`";

export const condaActivate: ModelCheck = {
  code: "LZY003",
  level: "error",
  summary: "a RUN calls `conda activate` without conda's shell hook",
  run(image) {
    const findings: Array<{ instruction: number; message: string }> = [];
    image.instructions.forEach((instruction, index) => {
      if (instruction.kind !== "RUN") {
        return;
      }
      let hooked = false;
      for (const command of instruction.commands) {
        hooked ||= HOOK.test(command);
        if (!hooked && ACTIVATE.test(command)) {
          findings.push({
            instruction: index,
            message: CONDA_ACTIVATE_MESSAGE,
          });
          return;
        }
      }
    });
    return findings;
  },
};
