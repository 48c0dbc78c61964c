/**
 * user: creates a non-root user with a home directory and switches to it
 * with `USER uid:gid`, so later RUN steps and the container run without
 * root.
 * Put layers that install system or conda packages before this one.
 *
 * @example user({ name: "analyst", uid: 1000 })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import type { OsRelease } from "../model/image-state.js";
import { shellCommand } from "../quoting/shell.js";
import { ImagePath } from "./support/schemas.js";

/**
 * A uid or gid of a regular account. Debian Policy 9.2.2 keeps 0-999 for
 * system accounts and groups, such as `_apt` and `users` (100), and
 * 60000-65535 for Debian's own, such as `nogroup` (65534), so an id there
 * clashes with one the base image may already have.
 */
const RegularId = z
  .int()
  .min(1000, "ids below 1000 belong to system accounts: use 1000 to 59999")
  .max(59999, "ids from 60000 on are reserved by Debian: use 1000 to 59999");

export const UserOptions = z.strictObject({
  /** Login name: lowercase letters, digits, `_` and `-`; not `root`. */
  name: z
    .string()
    .regex(
      /^[a-z_][a-z0-9_-]{0,31}$/,
      "invalid user name: expected up to 32 lowercase letters, digits, `_` or `-`, such as `analyst`",
    )
    .refine((name) => name !== "root", "the user must not be root"),
  /** Numeric user id, 1000 to 59999. Default 1000, the first regular user on Debian. */
  uid: RegularId.default(1000),
  /** Numeric id of the user's own group. Default: the same as `uid`. */
  gid: RegularId.optional(),
  /** Home directory. Default `/home/<name>`. */
  home: ImagePath.optional(),
  /** Login shell. Default `/bin/bash`. */
  shell: ImagePath.default("/bin/bash"),
});

export type UserOptions = z.input<typeof UserOptions>;

export const userBlock = defineBlock({
  name: "user",
  needsRoot: true,
  schema: UserOptions,
  label: (options) => options.name,
  apply(options, context) {
    const gid = options.gid ?? options.uid;
    if (hasUbuntuUser(context.state.os) && [options.uid, gid].includes(1000)) {
      context.problem(
        options.uid === 1000 ? "uid" : "gid",
        `Ubuntu ${context.state.os!.version} images already have user "ubuntu" with uid and gid 1000`,
        1000,
        "give another uid and gid, such as 1001",
      );
      return;
    }
    const home = options.home ?? `/home/${options.name}`;
    context.emit({
      kind: "RUN",
      commands: [
        ...openRootForConda(context.state.conda?.prefix),
        shellCommand("groupadd", "--gid", String(gid), options.name),
        // --no-log-init: a high uid would otherwise grow the sparse
        // lastlog and faillog files to gigabytes.
        shellCommand(
          "useradd",
          "--no-log-init",
          "--create-home",
          "--home-dir",
          home,
          "--shell",
          options.shell,
          "--uid",
          String(options.uid),
          "--gid",
          String(gid),
          options.name,
        ),
      ],
    });
    // Numeric ids, because a runtime that enforces a non-root user, such
    // as Kubernetes with runAsNonRoot, cannot resolve a name to check it.
    context.emit(
      { kind: "USER", user: `${options.uid}:${gid}` },
      { comments: [`Run as ${options.name}.`] },
    );
    context.state.user = options.name;
  },
});

/**
 * Lets every user search (not list) `/root` when the conda prefix is under
 * it, as the Lzy images' `/root/miniconda3` is. Debian and Ubuntu ship
 * `/root` with mode 0700, so without this the user cannot run anything
 * from the prefix, `python` and `conda` on `PATH` included.
 */
function openRootForConda(prefix: string | undefined): string[] {
  if (prefix === undefined || !isUnder(prefix, "/root")) {
    return [];
  }
  return [shellCommand("chmod", "o+x", "/root")];
}

function isUnder(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}

/** Official Ubuntu images from 23.04 on ship user `ubuntu` (uid 1000). */
function hasUbuntuUser(os: OsRelease | undefined): boolean {
  if (os?.id !== "ubuntu") {
    return false;
  }
  const [major = 0, minor = 0] = os.version.split(".").map(Number);
  return major > 23 || (major === 23 && minor >= 4);
}

/** Creates a non-root user and runs as it from here on. */
export function user(options: UserOptions): LayerSpec<"user", UserOptions> {
  return { block: "user", options };
}
