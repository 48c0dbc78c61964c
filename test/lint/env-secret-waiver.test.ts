/**
 * The `notSecret` reason of an env value: the variable gets its own ENV
 * with a DL3064 waiver, and generate passes hadolint and LZY002, while the
 * same names without a reason still fail DL3064.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { runCli, tempDir, writeConfig } from "../validation/cli-support.js";
import { findTestHadolint, itWithHadolint } from "./support.js";

const itHadolint = itWithHadolint(await findTestHadolint());

function config(env: Record<string, unknown>) {
  return {
    registry: "ghcr.io/x",
    images: [{ extends: "user-default", name: "a", env }],
  };
}

async function generate(env: Record<string, unknown>) {
  const out = tempDir("waiver");
  const result = await runCli([
    "generate",
    ...["--config", writeConfig(config(env)), "--out", out],
  ]);
  return { result, out };
}

const POINTERS = {
  HF_HUB_DISABLE_TOKEN_CHECK: "1",
  KEYBOARD_LAYOUT: "us",
  SSH_KEY_PATH: "/run/secrets/k",
};

describe("env notSecret", () => {
  itHadolint("fails DL3064 without a reason", async () => {
    const { result } = await generate(POINTERS);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DL3064");
    expect(result.stderr).not.toContain("LZY002");
  });

  itHadolint("passes with a reason per variable", async () => {
    const { result, out } = await generate({
      ...POINTERS,
      HF_HUB_DISABLE_TOKEN_CHECK: {
        value: "1",
        expand: false,
        notSecret: "switches a check off",
      },
      SSH_KEY_PATH: {
        value: "/run/secrets/k",
        expand: false,
        notSecret: "a path to a mounted key",
      },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const text = readFileSync(join(out, "a.Dockerfile"), "utf8");
    expect(text).toContain(
      [
        "# switches a check off",
        "# hadolint ignore=DL3064",
        "ENV HF_HUB_DISABLE_TOKEN_CHECK=1",
        "ENV KEYBOARD_LAYOUT=us",
        "# a path to a mounted key",
        "# hadolint ignore=DL3064",
        "ENV SSH_KEY_PATH=/run/secrets/k",
      ].join("\n"),
    );
  });

  it("rejects an empty reason", async () => {
    const { result } = await generate({
      SSH_KEY_PATH: { value: "/k", expand: false, notSecret: "" },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("a.env.SSH_KEY_PATH.notSecret");
  });
});
