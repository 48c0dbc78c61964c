/**
 * LZY002 on names that point to a secret or switch a check, and on
 * variables whose instruction waives LZY002 with a reason.
 */
import type { InstructionBody } from "@lzy-images/dsl";
import { checkFamily, looksLikeSecret } from "@lzy-images/lint";
import { describe, expect, it } from "vitest";

import { raw, rawImage, renderRaw } from "./support.js";

function codes(instructions: InstructionBody[]): string[] {
  const { model, rendered } = renderRaw([rawImage([raw("env", instructions)])]);
  return checkFamily(model, rendered, (path) => `out/${path}`).map(
    (finding) => finding.code,
  );
}

describe("looksLikeSecret", () => {
  it.each([
    "SSH_KEY_PATH",
    "HF_HUB_DISABLE_TOKEN_CHECK",
    "GOOGLE_APPLICATION_CREDENTIALS_FILE",
    "TOKEN_DIR",
    "secretsDirectory",
    "PASSWORD_FILES",
  ])("accepts pointer name %s", (name) => {
    expect(looksLikeSecret(name)).toBe(false);
  });

  it.each(["SSH_KEY", "HF_TOKEN", "PATH_TOKEN", "CHECK_PASSWORD"])(
    "still reports %s",
    (name) => {
      expect(looksLikeSecret(name)).toBe(true);
    },
  );
});

describe("LZY002 waiver", () => {
  const secret: InstructionBody = {
    kind: "ENV",
    vars: [{ name: "HF_TOKEN", value: "hf_public_demo" }],
  };

  it("reports without a waiver", () => {
    expect(codes([secret])).toEqual(["LZY002"]);
  });

  it("skips an instruction that waives LZY002", () => {
    const waived = {
      ...secret,
      waiver: { codes: ["DL3064", "LZY002"], reason: "a public demo token" },
    } as InstructionBody;
    expect(codes([waived])).toEqual([]);
  });

  it("skips an instruction that waives DL3064", () => {
    const waived = {
      ...secret,
      waiver: { codes: ["DL3064"], reason: "a public demo token" },
    } as InstructionBody;
    expect(codes([waived])).toEqual([]);
  });

  it("reports when the waiver names other codes", () => {
    const waived = {
      ...secret,
      waiver: { codes: ["DL3008"], reason: "unrelated" },
    } as InstructionBody;
    expect(codes([waived])).toEqual(["LZY002"]);
  });
});
