/**
 * Shell and Dockerfile quoting, checked against bash itself.
 */
import { execFileSync } from "node:child_process";

import {
  encodeExecForm,
  encodeLiteralValue,
  encodePathList,
  quoteWord,
  shellCommand,
} from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

const AWKWARD = [
  "plain",
  "",
  "two words",
  "it's",
  'say "hi"',
  "$HOME",
  "`date`",
  "a && b",
  "semi;colon",
  "back\\slash",
  "new\nline",
  "<in >out",
  "glob*?[x]",
  "tab\there",
  "ünïcode",
];

describe("quoteWord", () => {
  it.each(AWKWARD)("bash receives %j unchanged", (word) => {
    const script = `printf '%s' ${quoteWord(word)}`;
    expect(execFileSync("bash", ["-c", script], { encoding: "utf8" })).toBe(
      word,
    );
  });

  it("keeps plain words bare", () => {
    expect(quoteWord("catboost")).toBe("catboost");
    expect(quoteWord("/usr/local/bin")).toBe("/usr/local/bin");
    expect(quoteWord("catboost>=1.0.3")).toBe("'catboost>=1.0.3'");
  });

  it("passes argv through bash word by word", () => {
    const command = shellCommand("printf", "%s|", ...AWKWARD);
    expect(execFileSync("bash", ["-c", command], { encoding: "utf8" })).toBe(
      AWKWARD.map((word) => `${word}|`).join(""),
    );
  });
});

describe("Dockerfile encoding", () => {
  it("writes exec forms as JSON", () => {
    expect(encodeExecForm(["/entrypoint.sh", "a b", 'q"'])).toBe(
      '["/entrypoint.sh", "a b", "q\\""]',
    );
    expect(JSON.parse(encodeExecForm(AWKWARD))).toEqual(AWKWARD);
  });

  it("single-quotes literal values without a quote", () => {
    expect(encodeLiteralValue('a "b" $c \\d `e`')).toBe(`'a "b" $c \\d \`e\`'`);
  });

  it("double-quotes a value with a quote", () => {
    expect(encodeLiteralValue(`it's "$x" \\`)).toBe(`"it's \\"\\$x\\" \\\\"`);
  });

  it("double-quotes a quote next to a backquote", () => {
    expect(encodeLiteralValue("it's `x`")).toBe(`'it'"'"'s \`x\`'`);
  });

  it.each(AWKWARD.filter((word) => !word.includes("\n")))(
    "literal value %j reads back in bash",
    (word) => {
      const script = `value=${encodeLiteralValue(word)}; printf '%s' "$value"`;
      expect(execFileSync("bash", ["-c", script], { encoding: "utf8" })).toBe(
        word,
      );
    },
  );

  it("switches to the JSON form for paths with spaces", () => {
    expect(encodePathList(["a", "/b"])).toBe("a /b");
    expect(encodePathList(["my file", "/dest/"])).toBe('["my file", "/dest/"]');
  });
});
