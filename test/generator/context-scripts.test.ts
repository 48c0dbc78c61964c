/**
 * Generated context scripts checked by the real shellcheck and bash -n.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { render } from "../support/render.js";

const scripts = render().flatMap((image) => image.contextFiles);
const shellcheck = spawnSync("shellcheck", ["--version"]).status === 0;

describe.each(scripts.map((file) => [file.path, file] as const))(
  "%s",
  (path, file) => {
    const dir = mkdtempSync(join(tmpdir(), "lzy-images-script-"));
    const target = join(dir, path.replaceAll("/", "_"));
    writeFileSync(target, file.content);

    it("starts with a shebang", () => {
      expect(file.content).toMatch(/^#!\/bin\/(ba)?sh\n/);
    });

    it("parses with bash -n", () => {
      const result = spawnSync("bash", ["-n", target], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    });

    it("passes shellcheck", () => {
      if (!shellcheck && process.env.CI !== "true") {
        // Outside CI a missing shellcheck is reported, not failed.
        console.warn(
          "shellcheck not found; install it (apt-get install shellcheck)",
        );
        return;
      }
      const result = spawnSync("shellcheck", ["--severity=style", target], {
        encoding: "utf8",
      });
      expect(result.stdout).toBe("");
      expect(result.status).toBe(0);
    });
  },
);
