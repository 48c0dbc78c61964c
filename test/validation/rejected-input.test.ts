/**
 * Input that validation rejects although it has the right type: empty
 * lists that do nothing, an empty program, and user ids that clash with
 * accounts the base image already has.
 */
import {
  SpecError,
  buildFamily,
  external,
  family,
  image,
  parseExtensionEntry,
  user,
  type FamilySpec,
} from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

/** Problems of a spec as `image.path: message (received X). hint` lines. */
function problems(spec: FamilySpec): string[] {
  try {
    buildFamily(spec);
  } catch (error) {
    if (error instanceof SpecError) {
      return error.message.split("\n");
    }
    throw error;
  }
  return [];
}

/** Problem lines of one JSON extension entry built FROM user-default. */
function entryProblems(fields: Record<string, unknown>): string[] {
  const parsed = parseExtensionEntry(
    { extends: "user-default", name: "a", ...fields },
    "a",
  );
  if (parsed.success) {
    return [];
  }
  return new SpecError(parsed.problems).message.split("\n");
}

function userImage(from: string, options: Parameters<typeof user>[0]) {
  return family({
    registry: "example",
    images: [
      image({
        name: "u",
        file: "U.Dockerfile",
        from: external(from),
        layers: [user(options)],
      }),
    ],
  });
}

describe("empty input", () => {
  it("rejects a family without images", () => {
    expect(problems({ registry: "example", images: [] })).toEqual([
      "family.images: list at least one image: a family without images generates nothing (received [])",
    ]);
  });

  it.each([
    ["newEnvs", "list at least one env, or leave out newEnvs"],
    ["install", "list at least one install, or leave out install"],
    ["files", "list at least one copy, or leave out files"],
  ])("rejects an empty %s list", (field, message) => {
    expect(entryProblems({ [field]: [] })).toEqual([
      `a.${field}: ${message} (received [])`,
    ]);
  });

  it.each(["command", "entrypoint"])("rejects an empty %s program", (field) => {
    expect(entryProblems({ [field]: ["", "--help"] })).toEqual([
      `a.${field}[0]: the program is empty: give its name or path, such as \`python\` (received "")`,
    ]);
  });

  it("accepts an empty argument after the program", () => {
    expect(entryProblems({ command: ["printf", ""] })).toEqual([]);
  });
});

describe("user ids", () => {
  it.each([
    [100, "ids below 1000 belong to system accounts"],
    [999, "ids below 1000 belong to system accounts"],
    [60000, "ids from 60000 on are reserved by Debian"],
    [65534, "ids from 60000 on are reserved by Debian"],
  ])("rejects uid and gid %i", (id, message) => {
    const lines = entryProblems({ user: { name: "bob", uid: id, gid: id } });
    expect(lines).toContain(
      `a.user.uid: ${message}: use 1000 to 59999 (received ${id})`,
    );
    expect(lines).toContain(
      `a.user.gid: ${message}: use 1000 to 59999 (received ${id})`,
    );
  });

  it("accepts the first and last regular ids", () => {
    expect(entryProblems({ user: { name: "bob", uid: 1000 } })).toEqual([]);
    expect(entryProblems({ user: { name: "bob", uid: 59999 } })).toEqual([]);
  });

  it("rejects the default uid on a CUDA Ubuntu 24.04 base", () => {
    const spec = userImage("nvidia/cuda:12.6.3-cudnn-runtime-ubuntu24.04", {
      name: "analyst",
    });
    expect(problems(spec)).toEqual([
      'u.layers[0].uid: Ubuntu 24.04 images already have user "ubuntu" with uid and gid 1000 (received 1000). give another uid and gid, such as 1001',
    ]);
  });

  it("rejects gid 1000 with another uid on Ubuntu 24.04", () => {
    const spec = userImage("ubuntu:24.04", {
      name: "bob",
      uid: 1001,
      gid: 1000,
    });
    expect(problems(spec)).toEqual([
      'u.layers[0].gid: Ubuntu 24.04 images already have user "ubuntu" with uid and gid 1000 (received 1000). give another uid and gid, such as 1001',
    ]);
  });
});
