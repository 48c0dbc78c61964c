/**
 * LZY002: an `ARG` or `ENV` whose name looks like a secret. ENV values are
 * stored in the image config and build-argument values in its history, so
 * anyone who pulls the image can read them. Secrets belong in a BuildKit
 * secret mount (`RUN --mount=type=secret`).
 */
import type { ModelCheck } from "./check.js";

/** Words that name a secret by themselves, such as `TOKEN` in `GITHUB_TOKEN`. */
const SECRET_WORDS = new Set([
  "TOKEN",
  "TOKENS",
  "PASSWORD",
  "PASSWORDS",
  "PASSWD",
  "SECRET",
  "SECRETS",
  "KEY",
  "KEYS",
  "APIKEY",
  "CREDENTIAL",
  "CREDENTIALS",
]);

/** Endings that make a run-together word a secret, such as `AUTHTOKEN`. */
const SECRET_SUFFIXES = ["TOKEN", "PASSWORD", "PASSWD", "SECRET", "APIKEY"];

/**
 * Last words of names that point to a secret or switch a check rather than
 * hold a secret, such as `SSH_KEY_PATH` or `HF_HUB_DISABLE_TOKEN_CHECK`.
 */
const POINTER_WORDS = new Set([
  "PATH",
  "PATHS",
  "FILE",
  "FILES",
  "DIR",
  "DIRS",
  "DIRECTORY",
  "HOME",
  "LOCATION",
  "CHECK",
]);

/**
 * Returns true when a variable name contains a secret word, such as
 * `API_KEY`, `dbPassword` or `GITHUBTOKEN`, unless its last word is a
 * pointer word, as in `SSH_KEY_PATH`. Words are split at `_` and at
 * lower-to-upper case changes, so `KEYRING_PATH` and `MONKEY` do not match.
 */
export function looksLikeSecret(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .split(/_+/)
    .filter((word) => word !== "");
  if (POINTER_WORDS.has(words.at(-1) ?? "")) {
    return false;
  }
  return words.some(
    (word) =>
      SECRET_WORDS.has(word) ||
      SECRET_SUFFIXES.some((suffix) => word.endsWith(suffix)),
  );
}

/** The message of LZY002 for variable `name` set by `kind` (ARG or ENV). */
export function secretNameMessage(kind: string, name: string): string {
  return `${kind} ${name} looks like a secret, and ${kind} values can be read by anyone who pulls the image; pass secrets with a BuildKit secret mount (RUN --mount=type=secret) instead`;
}

export const secretNames: ModelCheck = {
  code: "LZY002",
  level: "warning",
  summary: "an ARG or ENV name looks like a secret",
  run(image) {
    const findings: Array<{ instruction: number; message: string }> = [];
    image.instructions.forEach((instruction, index) => {
      // The spec gives a reason why the variable contains no secret. A
      // waiver of hadolint's DL3064, which reports the same names, counts
      // too, because hadolint 2.15.1 drops an ignore comment that lists
      // LZY002.
      const waived = instruction.waiver?.codes ?? [];
      if (waived.includes("LZY002") || waived.includes("DL3064")) {
        return;
      }
      const names =
        instruction.kind === "ARG"
          ? [instruction.name]
          : instruction.kind === "ENV"
            ? instruction.vars.map((variable) => variable.name)
            : [];
      for (const name of names.filter(looksLikeSecret)) {
        findings.push({
          instruction: index,
          message: secretNameMessage(instruction.kind, name),
        });
      }
    });
    return findings;
  },
};
