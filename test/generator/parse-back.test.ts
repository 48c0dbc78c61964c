/**
 * Every generated Dockerfile read back by a real parser: instructions are
 * known keywords, final images declare their ARGs before FROM, and every
 * exec form is valid JSON.
 */
import { describe, expect, it } from "vitest";

import { parseDockerfile } from "../support/dockerfile.js";
import { render } from "../support/render.js";

const KEYWORDS = new Set([
  "FROM",
  "ARG",
  "ENV",
  "LABEL",
  "RUN",
  "COPY",
  "SHELL",
  "VOLUME",
  "WORKDIR",
  "USER",
  "ENTRYPOINT",
  "CMD",
]);

describe.each(render().map((image) => [image.image.name, image] as const))(
  "%s",
  (_name, image) => {
    const parsed = parseDockerfile(image.dockerfile.content);

    it("parses into known instructions", () => {
      expect(parsed.instructions.length).toBeGreaterThan(2);
      for (const instruction of parsed.instructions) {
        expect(KEYWORDS.has(instruction.keyword), instruction.keyword).toBe(
          true,
        );
        expect(instruction.args.trim(), `line ${instruction.line}`).not.toBe(
          "",
        );
      }
    });

    it("has exactly one FROM, preceded only by ARGs", () => {
      const keywords = parsed.instructions.map((i) => i.keyword);
      expect(keywords.filter((k) => k === "FROM")).toHaveLength(1);
      const beforeFrom = keywords.slice(0, keywords.indexOf("FROM"));
      expect(beforeFrom.every((k) => k === "ARG")).toBe(true);
      if (image.image.base.kind === "family") {
        expect(beforeFrom).toEqual(["ARG", "ARG"]);
      }
    });

    it("sets the pipefail shell right after FROM when it runs shell", () => {
      const keywords = parsed.instructions.map((i) => i.keyword);
      const shell = parsed.instructions[keywords.indexOf("FROM") + 1];
      if (keywords.includes("RUN")) {
        expect(shell?.keyword).toBe("SHELL");
        expect(JSON.parse(shell!.args)).toEqual([
          "/bin/bash",
          "-o",
          "pipefail",
          "-c",
        ]);
      }
    });

    it("writes exec forms as JSON arrays of strings", () => {
      const execForms = parsed.instructions.filter((i) =>
        ["SHELL", "ENTRYPOINT", "CMD"].includes(i.keyword),
      );
      for (const instruction of execForms) {
        const argv: unknown = JSON.parse(instruction.args);
        expect(Array.isArray(argv)).toBe(true);
        expect(
          (argv as unknown[]).every((arg) => typeof arg === "string"),
        ).toBe(true);
      }
    });

    it("maps every instruction line to a building block", () => {
      for (const instruction of parsed.instructions) {
        const source = image.lines[instruction.line - 1];
        expect(source, `line ${instruction.line}`).toBeDefined();
        expect(source!.image).toBe(image.image.name);
      }
    });
  },
);
