/**
 * miniconda: installs a pinned Miniconda release, its installer checked by
 * sha256 before it runs, puts its `bin` on `PATH`, and sets the channel
 * policy explicitly. Build steps call env interpreters by path or use
 * `conda run`; `conda init` is only for interactive shells, because
 * non-interactive RUN shells never read `~/.bashrc`.
 *
 * @example miniconda({ version: "24.3.0-0", python: "py312", sha256: { x86_64: "…" } })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { shellCommand } from "../quoting/shell.js";
import {
  downloader,
  fetchCommand,
  selectByArch,
  verifyCommand,
  type ArchDownload,
} from "./support/download.js";
import { ImagePath, Sha256 } from "./support/schemas.js";

export const MinicondaOptions = z.strictObject({
  /** Installer release, such as `24.3.0-0`; never `latest`. */
  version: z
    .string()
    .regex(
      /^\d+\.\d+\.\d+-\d+$/,
      "invalid Miniconda version: expected a release such as `24.3.0-0`, not `latest`",
    ),
  /** Python of the installer's base env, as in its file name: `py312`. */
  python: z
    .string()
    .regex(
      /^py3\d+$/,
      "invalid installer Python: expected `py3XY`, such as `py312`",
    ),
  /** sha256 of `Miniconda3-<python>_<version>-Linux-<arch>.sh` per `uname -m`. */
  sha256: z
    .strictObject({ x86_64: Sha256.optional(), aarch64: Sha256.optional() })
    .refine(
      (digests) => Object.values(digests).some(Boolean),
      "give the sha256 of at least one architecture",
    ),
  /** Installation prefix. Default `/root/miniconda3`. */
  prefix: ImagePath.default("/root/miniconda3"),
  /**
   * Channels for every env, in priority order. Default `conda-forge` only:
   * Anaconda's `defaults` channels need their terms of service accepted,
   * and fail non-interactive builds until they are.
   */
  channels: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9_.-]*$/, "invalid channel name")
        .refine(
          (name) => name !== "defaults",
          "the `defaults` channels need Anaconda's terms accepted; use `conda-forge`",
        ),
    )
    .min(1)
    .default(["conda-forge"]),
  /** Shells whose startup files `conda init` edits, for interactive use. */
  initShells: z.array(z.enum(["bash", "zsh", "fish"])).default(["bash"]),
});

export type MinicondaOptions = z.input<typeof MinicondaOptions>;

export const minicondaBlock = defineBlock({
  name: "miniconda",
  needsRoot: true,
  schema: MinicondaOptions,
  label: (options) => options.version,
  apply(options, context) {
    if (context.state.conda) {
      context.problem(
        "",
        `conda is already installed in ${context.state.conda.prefix}`,
        undefined,
        "remove this layer",
      );
      return;
    }
    const tool = downloader(context, "miniconda");
    if (tool === undefined) {
      return;
    }

    const { prefix } = options;
    const downloads: ArchDownload[] = (["x86_64", "aarch64"] as const).flatMap(
      (arch) => {
        const sha256 = options.sha256[arch];
        const file = `Miniconda3-${options.python}_${options.version}-Linux-${arch}.sh`;
        return sha256
          ? [
              {
                uname: arch,
                url: `https://repo.anaconda.com/miniconda/${file}`,
                sha256,
              },
            ]
          : [];
      },
    );
    const condarc = `channels:\\n${options.channels.map((c) => `  - ${c}\\n`).join("")}channel_priority: strict\\n`;

    const path = `${prefix}/bin:$PATH`;
    context.emit(
      { kind: "ENV", vars: [{ name: "PATH", value: path, expand: true }] },
      {
        comments: [
          `Miniconda ${options.version}, checked by sha256; channels: ${options.channels.join(", ")}.`,
          "conda init only serves interactive shells; build steps call env interpreters by path.",
        ],
      },
    );
    context.state.env.set("PATH", path);

    context.emit({
      kind: "RUN",
      commands: [
        selectByArch(`Miniconda ${options.version}`, downloads),
        fetchCommand(tool, "$url", "/tmp/miniconda.sh"),
        verifyCommand("/tmp/miniconda.sh"),
        shellCommand("bash", "/tmp/miniconda.sh", "-b", "-p", prefix),
        "rm /tmp/miniconda.sh",
        `printf ${shellCommand(condarc)} > ${shellCommand(`${prefix}/.condarc`)}`,
        ...options.initShells.map((shell) =>
          shellCommand("conda", "init", shell),
        ),
        "conda clean -afy",
      ],
    });
    context.state.conda = {
      prefix,
      channels: options.channels,
      envs: new Map(),
    };
  },
});

/** Installs a pinned Miniconda. */
export function miniconda(
  options: MinicondaOptions,
): LayerSpec<"miniconda", MinicondaOptions> {
  return { block: "miniconda", options };
}
