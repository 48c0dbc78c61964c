/**
 * Properties every generated file must have, whatever the image: no HTML
 * escaping, nothing unpinned or unchecked, one shape for apt steps.
 */
import { describe, expect, it } from "vitest";

import { parseDockerfile, runCommands } from "../support/dockerfile.js";
import { render, renderFiles } from "../support/render.js";

const HTML_ENTITIES = [
  "&amp;",
  "&lt;",
  "&gt;",
  "&#x27;",
  "&quot;",
  "&#x3D;",
  "&#x60;",
];

describe("generated output", () => {
  const files = [...renderFiles()];

  it.each(files)("%s has no HTML entity", (_path, content) => {
    for (const entity of HTML_ENTITIES) {
      expect(content).not.toContain(entity);
    }
  });

  it.each(files)(
    "%s has no unpinned installer or apt-key",
    (_path, content) => {
      expect(content).not.toContain("Miniconda3-latest");
      expect(content).not.toContain("apt-key");
      expect(content).not.toMatch(/^ENV\s+DEBIAN_FRONTEND/m);
    },
  );
});

describe.each(render().map((image) => [image.image.name, image] as const))(
  "%s",
  (_name, image) => {
    const parsed = parseDockerfile(image.dockerfile.content);

    it("runs apt-get update, install and list removal in the same RUN", () => {
      for (const run of parsed.runs.filter((r) => r.includes("apt-get"))) {
        const steps = run.split(/\s&&\s/).map((step) => step.trim());
        const update = steps.indexOf("apt-get update");
        const install = steps.findIndex((s) => s.startsWith("apt-get install"));
        expect(update, run).toBe(0);
        expect(install, run).toBeGreaterThan(update);
        expect(steps[install]).toContain("-y --no-install-recommends");
        expect(steps.at(-1)).toBe("rm -rf /var/lib/apt/lists/*");
      }
    });

    it("checks every download before use", () => {
      for (const run of parsed.runs) {
        const steps = run.split(/\s&&\s/).map((step) => step.trim());
        steps.forEach((step, index) => {
          const target = /^(?:curl -fsSL -o|wget -q -O) (\S+) /.exec(step)?.[1];
          if (target === undefined) {
            return;
          }
          // Files are checked by sha256; OpenPGP keys by their fingerprint,
          // because a key file changes whenever its expiry is extended.
          const check = steps.findIndex(
            (s) =>
              s.includes(`${target}" | sha256sum -c -`) ||
              (target.endsWith(".asc") &&
                s.startsWith(
                  `gpg --batch --show-keys --with-colons ${target} | awk`,
                ) &&
                /want=[0-9A-F]{40} /.test(s)),
          );
          expect(check, `download of ${target} is checked`).toBeGreaterThan(
            index,
          );
          const use = steps.findIndex(
            (s, i) => i > check && s.includes(target) && !s.startsWith("rm "),
          );
          expect(use, `${target} is used after its check`).toBeGreaterThan(
            check,
          );
        });
      }
    });

    it("never pipes curl into a shell and uses curl -f", () => {
      for (const command of runCommands(parsed)) {
        expect(command).not.toMatch(/\|\s*(ba)?sh\b/);
        if (command.startsWith("curl")) {
          expect(command).toMatch(/^curl -fsSL/);
        }
      }
    });

    it("never relies on conda activate", () => {
      expect(image.dockerfile.content).not.toContain("conda activate");
    });
  },
);
