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
  // Every apt step starts here, so the check that apt exists does too.
  requireDebianFamily(context, "apt", false);
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

/** Returns the commands of one apt step that installs `packages`. */
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

/** Distributions whose images have apt and Debian package names. */
const DEBIAN_FAMILY = new Set(["debian", "ubuntu"]);

/**
 * Reports a problem when the image's OS is not Debian or Ubuntu. An OS the
 * model cannot detect (a base such as `python:3.12-slim`) passes unless
 * `unknownIsError`; `external(ref, { id, version })` declares it.
 */
export function requireDebianFamily(
  context: BlockContext,
  purpose: string,
  unknownIsError: boolean,
): boolean {
  const os = context.state.os;
  if (os !== undefined && DEBIAN_FAMILY.has(os.id)) {
    return true;
  }
  if (os === undefined && !unknownIsError) {
    return true;
  }
  context.problem(
    "",
    os === undefined
      ? `${purpose} needs a Debian or Ubuntu base, and the OS of this image's base is not known`
      : `${purpose} needs a Debian or Ubuntu base, but the base runs ${os.id} ${os.version}`,
    undefined,
    os === undefined
      ? 'declare the base\'s OS, as in external("registry/image:tag", { id: "ubuntu", version: "22.04" })'
      : "build FROM a Debian or Ubuntu image",
  );
  return false;
}
