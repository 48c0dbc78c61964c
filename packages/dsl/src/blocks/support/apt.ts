/**
 * The one shape of an apt step: update, install without recommended
 * packages, and remove the package lists, all in the same RUN so that a
 * cached layer never pairs a stale index with a new install.
 */
import type { BlockContext } from "../../model/block.js";
import type { LintWaiver } from "../../model/instruction.js";
import { shellCommand } from "../../quoting/shell.js";

/** Reason written above the DL3008 waiver of unpinned apt packages. */
export const UNPINNED_APT_REASON =
  "Unpinned on purpose: versions follow the base image's release and its security updates.";

/**
 * Declares `ARG DEBIAN_FRONTEND=noninteractive` once per stage. An ARG is
 * visible to every later RUN of the stage but, unlike ENV, is not stored in
 * the image, so derived images and containers keep the default frontend.
 */
export function ensureNoninteractiveApt(context: BlockContext): void {
  if (context.state.noninteractiveApt) {
    return;
  }
  context.emit(
    { kind: "ARG", name: "DEBIAN_FRONTEND", value: "noninteractive" },
    {
      comments: [
        "Non-interactive apt for the build only; not stored in the image.",
      ],
    },
  );
  context.state.noninteractiveApt = true;
  context.state.args.add("DEBIAN_FRONTEND");
}

/** The commands of one apt step that installs `packages`. */
export function aptInstallCommands(packages: readonly string[]): string[] {
  return [
    "apt-get update",
    shellCommand(
      "apt-get",
      "install",
      "-y",
      "--no-install-recommends",
      ...packages,
    ),
    "rm -rf /var/lib/apt/lists/*",
  ];
}

/**
 * Returns the DL3008 waiver when any package is unpinned. hadolint cannot
 * see pins through variables, so pins are written literally as `name=version`.
 */
export function unpinnedWaiver(
  packages: readonly string[],
  reason: string,
): LintWaiver | undefined {
  return packages.some((name) => !name.includes("="))
    ? { codes: ["DL3008"], reason }
    : undefined;
}

/** Records installed packages in the image state. */
export function recordAptPackages(
  context: BlockContext,
  packages: readonly string[],
): void {
  for (const entry of packages) {
    const [name, version] = entry.split("=", 2) as [string, string | undefined];
    context.state.aptPackages.set(name, version);
  }
}

/** Reports each package in `names` that no earlier apt step installed. */
export function requireAptPackages(
  context: BlockContext,
  names: readonly string[],
  purpose: string,
): boolean {
  const missing = names.filter((name) => !context.state.aptPackages.has(name));
  if (missing.length > 0) {
    context.problem(
      "",
      `${purpose} needs apt package${missing.length > 1 ? "s" : ""} ${missing.map((n) => `\`${n}\``).join(", ")}`,
      undefined,
      `add ${missing.join(", ")} to an apt-packages layer before this one`,
    );
    return false;
  }
  return true;
}
