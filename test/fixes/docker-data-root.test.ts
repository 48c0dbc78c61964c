/**
 * dockerInDocker's dataRoot reaches dockerd through /etc/docker/daemon.json,
 * not only the VOLUME, so the inner data is kept on the volume.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  aptPackages,
  buildFamily,
  dockerInDocker,
  external,
  family,
  image,
} from "@lzy-images/dsl";
import { renderFamily } from "@lzy-images/generator";
import { expect, it } from "vitest";

const SHA = "96a44849ff17e960eeb8877ecd9055246381c4d4f2d031263b63fa7e2e930af1";

function render(dataRoot?: string): string {
  const spec = family({
    registry: "example",
    images: [
      image({
        name: "dind",
        file: "Dind.Dockerfile",
        from: external("ubuntu:20.04"),
        layers: [
          aptPackages({ packages: ["ca-certificates", "curl", "iptables"] }),
          dockerInDocker({
            docker: { version: "20.10.9", sha256: { x86_64: SHA } },
            dataRoot,
          }),
        ],
      }),
    ],
  });
  return renderFamily(buildFamily(spec), { regenerate: "test" })[0]!.dockerfile
    .content;
}

it("writes data-root for another path", () => {
  const text = render("/data/docker");
  const line = text.split("\n").find((l) => l.includes("daemon.json"))!;
  // Run the printf with the path moved into a temporary folder.
  const dir = mkdtempSync(join(tmpdir(), "lzy-daemon-json-"));
  const command = line
    .replace(/^\s*&& /, "")
    .replace("/etc/docker/daemon.json", join(dir, "daemon.json"));
  execFileSync("bash", ["-c", command]);
  const config = JSON.parse(readFileSync(join(dir, "daemon.json"), "utf8"));
  expect(config).toEqual({ "data-root": "/data/docker" });
  expect(text).toContain("VOLUME /data/docker\n");
});

it("keeps the default without daemon.json", () => {
  const text = render();
  expect(text).not.toContain("daemon.json");
  expect(text).toContain("VOLUME /var/lib/docker\n");
});
