/**
 * java-jdk: installs an OpenJDK from the distribution and sets `JAVA_HOME`.
 *
 * @example javaJdk({ version: 17 })
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
import { AptPackage, ImagePath } from "./support/schemas.js";

export const JavaJdkOptions = z.strictObject({
  /** Java feature release, such as `17`. */
  version: z.int().min(8).max(99),
  /** Package to install. Default `openjdk-<version>-jdk`; may carry a pin. */
  package: AptPackage.optional(),
  /** Value of `JAVA_HOME`. Default `/usr/lib/jvm/java-<version>-openjdk-amd64/`. */
  javaHome: ImagePath.optional(),
});

export type JavaJdkOptions = z.input<typeof JavaJdkOptions>;

export const javaJdkBlock = defineBlock({
  name: "java-jdk",
  needsRoot: true,
  schema: JavaJdkOptions,
  label: (options) => `java${options.version}`,
  apply(options, context) {
    ensureNoninteractiveApt(context);
    const jdk = options.package ?? `openjdk-${options.version}-jdk`;
    // TODO: the default JAVA_HOME names amd64; arm64 builds must set javaHome.
    const javaHome =
      options.javaHome ?? `/usr/lib/jvm/java-${options.version}-openjdk-amd64/`;

    context.emit(
      { kind: "RUN", commands: aptInstallCommands([jdk]) },
      { waiver: unpinnedWaiver([jdk], UNPINNED_APT_REASON) },
    );
    recordAptPackages(context, [jdk]);
    context.emit({
      kind: "ENV",
      vars: [{ name: "JAVA_HOME", value: javaHome }],
    });
    context.state.env.set("JAVA_HOME", javaHome);
  },
});

/** Installs an OpenJDK and sets JAVA_HOME. */
export function javaJdk(
  options: JavaJdkOptions,
): LayerSpec<"java-jdk", JavaJdkOptions> {
  return { block: "java-jdk", options };
}
