/**
 * The user block opens /root for search when the conda prefix is under it,
 * because Debian and Ubuntu ship /root with mode 0700 and a non-root user
 * could not run conda or an env's python otherwise.
 */
import { published } from "@lzy-images/catalog";
import {
  aptPackages,
  buildFamily,
  extend,
  external,
  family,
  image,
  miniconda,
  user,
  type LayerSpec,
} from "@lzy-images/dsl";
import { renderFamily } from "@lzy-images/generator";
import { expect, it } from "vitest";

const SHA = "96a44849ff17e960eeb8877ecd9055246381c4d4f2d031263b63fa7e2e930af1";

function render(layers: LayerSpec[]): string {
  const spec = family({
    registry: "example",
    images: [
      image({
        name: "user-conda",
        file: "UserConda.Dockerfile",
        from: external("ubuntu:20.04"),
        layers,
      }),
    ],
  });
  return renderFamily(buildFamily(spec), { regenerate: "test" })[0]!.dockerfile
    .content;
}

function condaLayers(prefix?: string): LayerSpec[] {
  return [
    aptPackages({ packages: ["ca-certificates", "wget"] }),
    miniconda({
      version: "24.3.0-0",
      python: "py312",
      sha256: { x86_64: SHA },
      prefix,
    }),
  ];
}

it("opens /root for a prefix under it", () => {
  const text = render([...condaLayers(), user({ name: "analyst" })]);
  expect(text).toMatch(/RUN chmod o\+x \/root \\\n\s+&& groupadd /);
});

it("leaves /root alone for /opt/conda", () => {
  const text = render([
    ...condaLayers("/opt/conda"),
    user({ name: "analyst" }),
  ]);
  expect(text).not.toContain("chmod o+x /root");
});

it("leaves /root alone without conda", () => {
  expect(render([user({ name: "analyst" })])).not.toContain("chmod");
});

it("treats /rootfs as outside /root", () => {
  const text = render([
    ...condaLayers("/rootfs/conda"),
    user({ name: "analyst" }),
  ]);
  expect(text).not.toContain("chmod o+x /root");
});

it("opens /root in an extension", () => {
  const spec = family({
    registry: "example",
    images: [
      extend(published.userDefault, {
        name: "analyst-image",
        user: { name: "analyst" },
      }),
    ],
  });
  const text = renderFamily(buildFamily(spec), { regenerate: "test" })[0]!
    .dockerfile.content;
  expect(text).toContain("RUN chmod o+x /root \\\n");
});
