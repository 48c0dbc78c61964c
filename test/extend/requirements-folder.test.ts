/**
 * install[].requirements: a file in a folder is copied with its folder, so
 * that `-r`, `-c` and `-e ./pkg` lines resolve, and pip runs in it.
 */
import { published } from "@lzy-images/catalog";
import {
  SpecError,
  buildFamily,
  extend,
  family,
  type ImageSpec,
} from "@lzy-images/dsl";
import { renderFamily } from "@lzy-images/generator";
import { expect, it } from "vitest";

function render(install: Record<string, unknown>[]): string {
  const image: ImageSpec = extend(published.userDefault, {
    name: "a",
    install,
    workdir: "/app",
  } as never);
  const model = buildFamily(family({ registry: "example", images: [image] }));
  return renderFamily(model, { regenerate: "test" })[0]!.dockerfile.content;
}

/** Returns the instructions of the rendered install layer, without comments. */
function installLines(text: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith("COPY "));
  const end = lines.findIndex((line) => line === "WORKDIR /app");
  return lines
    .slice(start, end)
    .filter((line) => line !== "" && !line.startsWith("#"));
}

it("copies the folder of a file in a folder", () => {
  const text = render([
    { envs: ["py39"], requirements: "reqs/requirements.txt" },
  ]);
  expect(installLines(text)).toEqual([
    "COPY reqs/ /tmp/lzy-images/reqs/",
    "WORKDIR /tmp/lzy-images/reqs",
    "RUN /root/miniconda3/envs/py39/bin/python -m pip install --no-cache-dir -r requirements.txt",
    "WORKDIR /",
  ]);
});

it("copies a given requirementsDir", () => {
  const text = render([
    {
      envs: ["py39"],
      requirements: "deps/ml/requirements.txt",
      requirementsDir: "deps/",
    },
  ]);
  expect(installLines(text)).toEqual([
    "COPY deps/ /tmp/lzy-images/deps/",
    "WORKDIR /tmp/lzy-images/deps",
    "RUN /root/miniconda3/envs/py39/bin/python -m pip install --no-cache-dir -r ml/requirements.txt",
    "WORKDIR /",
  ]);
});

it("copies a file at the context root alone", () => {
  const text = render([{ envs: ["py39"], requirements: "requirements.txt" }]);
  expect(installLines(text)).toEqual([
    "COPY requirements.txt /tmp/lzy-images/requirements.txt",
    "RUN /root/miniconda3/envs/py39/bin/python -m pip install --no-cache-dir -r /tmp/lzy-images/requirements.txt",
  ]);
});

it.each([
  [
    "deps",
    "requirements.txt",
    'requirementsDir must contain the requirements file "requirements.txt": set it to the folder of that file, or one above it',
  ],
  [
    ".",
    "requirements.txt",
    "requirementsDir cannot be the context root, which holds every other input too: move the requirements and the files they refer to into a folder",
  ],
])("rejects requirementsDir %s", (dir, file, message) => {
  const build = () =>
    render([{ envs: ["py39"], requirements: file, requirementsDir: dir }]);
  expect(build).toThrow(SpecError);
  expect(build).toThrow(
    `a.install[0].requirementsDir: ${message} (received "${dir}")`,
  );
});
