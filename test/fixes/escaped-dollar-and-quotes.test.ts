/**
 * `\$` in an expanded ENV value keeps a literal `$`, and a value with both
 * quote characters still renders a description label hadolint can parse.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { encodeExpandedValue, envVars, SpecError } from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

import { findTestHadolint, itWithHadolint } from "../lint/support.js";
import { oneImage, renderOrReject } from "../properties/support.js";

const hadolint = await findTestHadolint();

describe("encodeExpandedValue", () => {
  it("keeps \\$ as an escaped dollar", () => {
    expect(encodeExpandedValue("cost \\$5 and $HOME")).toBe(
      '"cost \\$5 and $HOME"',
    );
  });

  it("doubles other backslashes", () => {
    expect(encodeExpandedValue("C:\\dir\\$X")).toBe('"C:\\\\dir\\$X"');
  });

  it("escapes double quotes", () => {
    expect(encodeExpandedValue('say "$NAME"')).toBe('"say \\"$NAME\\""');
  });
});

describe("description label with both quotes", () => {
  const rendered = renderOrReject(
    oneImage([envVars({ vars: { QUOTED: `it's "q"` } })]),
  );

  it("renders", () => {
    expect(rendered).not.toBeInstanceOf(SpecError);
  });

  const text =
    rendered instanceof SpecError ? "" : rendered[0]!.dockerfile.content;

  it("writes ' inside the label JSON as \\u0027", () => {
    const label = text.split("\n").find((line) => line.startsWith("LABEL "));
    expect(label).toBeDefined();
    expect(label).toContain("\\u0027");
    expect(label!.slice("LABEL ".length)).not.toMatch(/it's/);
  });

  itWithHadolint(hadolint)("passes hadolint", () => {
    const dir = mkdtempSync(join(tmpdir(), "lzy-quotes-"));
    const file = join(dir, "Quoted.Dockerfile");
    writeFileSync(file, text);
    const result = spawnSync(
      hadolint!.command,
      [...hadolint!.prefix, "--no-fail", "-f", "json", file],
      { encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
