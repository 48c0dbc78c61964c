/**
 * apt-packages: installs Debian packages in one RUN that updates the index,
 * installs without recommended packages and removes the lists.
 *
 * @example aptPackages({ packages: ["curl", "git=1:2.25.1-1ubuntu3"] })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import {
  UNPINNED_APT_REASON,
  aptInstallCommands,
  ensureNoninteractiveApt,
  recordAptPackages,
  unpinnedWaiver,
} from "./support/apt.js";
import { AptPackage, SingleLine } from "./support/schemas.js";

export const AptPackagesOptions = z.strictObject({
  /** Packages as `name` or `name=version`; pins are written literally. */
  packages: z.array(AptPackage).min(1, "list at least one package"),
  /** Reason written above the DL3008 waiver when a package is unpinned. */
  unpinnedReason: SingleLine.default(UNPINNED_APT_REASON),
});

export type AptPackagesOptions = z.input<typeof AptPackagesOptions>;

export const aptPackagesBlock = defineBlock({
  name: "apt-packages",
  needsRoot: true,
  schema: AptPackagesOptions,
  apply(options, context) {
    ensureNoninteractiveApt(context);
    const packages = [...new Set(options.packages)];
    context.emit(
      { kind: "RUN", commands: aptInstallCommands(packages) },
      { waiver: unpinnedWaiver(packages, options.unpinnedReason) },
    );
    recordAptPackages(context, packages);
  },
});

/** Installs Debian packages with apt. */
export function aptPackages(
  options: AptPackagesOptions,
): LayerSpec<"apt-packages", AptPackagesOptions> {
  return { block: "apt-packages", options };
}
