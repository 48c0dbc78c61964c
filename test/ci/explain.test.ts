/**
 * `lzy-images explain`: every Dockerfile line mapped to the building block
 * and spec path that wrote it.
 */
import { describe, expect, it } from "vitest";

import { catalogDockerfile } from "../support/render.js";
import { cli } from "./support.js";

interface ExplainedLine {
  line: number;
  text: string;
  block: string | null;
  label: string | null;
  path: string | null;
}

async function explainJson(...argv: string[]): Promise<ExplainedLine[]> {
  const result = await cli(["explain", ...argv, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).lines;
}

describe("lzy-images explain", () => {
  for (const image of ["worker-base", "worker", "user-test-base"]) {
    it(`names a block for each ${image} line`, async () => {
      const lines = await explainJson(image);
      const instructions = lines.filter(
        (line) => line.text.trim() !== "" && !line.text.startsWith("#"),
      );
      expect(instructions.length).toBeGreaterThan(5);
      for (const line of instructions) {
        expect(line.block, `line ${line.line}: ${line.text}`).not.toBeNull();
        expect(line.path, `line ${line.line}: ${line.text}`).not.toBeNull();
      }
    });
  }

  it("covers every line of the Dockerfile", async () => {
    const lines = await explainJson("worker-base");
    const dockerfile = catalogDockerfile("worker-base");
    expect(lines.map((line) => line.text).join("\n") + "\n").toBe(dockerfile);
    expect(lines.map((line) => line.line)).toEqual(
      lines.map((_, index) => index + 1),
    );
  });

  it("names the block, label and layer", async () => {
    const lines = await explainJson("worker-base");
    const condaEnv = lines.find((line) =>
      line.text.includes("conda create -y -n py39 "),
    );
    expect(condaEnv?.block).toBe("conda-env");
    expect(condaEnv?.label).toBe("py39");
    expect(condaEnv?.path).toMatch(/^layers\[\d+\]$/);
    const from = lines.find((line) => line.text.startsWith("FROM "));
    expect(from?.block).toBe("base-image");
    expect(from?.path).toBe("from");
  });

  it("prints an aligned table", async () => {
    const result = await cli(["explain", "worker"]);
    expect(result.code).toBe(0);
    const [title, ...rows] = result.stdout.trimEnd().split("\n");
    expect(title).toBe(
      "Worker.Dockerfile: image worker in packages/catalog/src/worker.ts",
    );
    expect(rows.find((row) => row.includes("FROM "))).toMatch(
      /^ *\d+  base-image +from +FROM \$\{REGISTRY\}\/worker-base:/,
    );
    expect(rows.find((row) => row.includes("ENTRYPOINT"))).toMatch(
      /^ *\d+  entrypoint \/entrypoint\.sh +layers\[\d+\] +ENTRYPOINT/,
    );
  });

  it("explains one line", async () => {
    const all = await explainJson("worker-base");
    const from = all.find((line) => line.text.startsWith("FROM "))!;

    const result = await cli([
      "explain",
      "worker-base",
      "--line",
      `${from.line}`,
    ]);
    expect(result.code).toBe(0);
    const rows = result.stdout.trimEnd().split("\n").slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("base-image");
    expect(rows[0]).toContain(from.text);
  });

  it("accepts a Dockerfile name", async () => {
    const result = await cli(["explain", "UserTest.Dockerfile", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).image).toBe("user-test");
  });

  it("rejects an unknown image", async () => {
    const result = await cli(["explain", "wroker"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("image not found: wroker");
    expect(result.stderr).toContain("worker-base");
  });

  it("rejects a line out of range", async () => {
    const result = await cli(["explain", "worker", "--line", "9999"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid --line 9999: .* lines 1 to \d+/);
  });
});
