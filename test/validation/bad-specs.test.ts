/**
 * Bad specs through the real CLI: each case breaks one field of a valid
 * family, and `generate` must exit 2, name the field's path and the value
 * it received, and leave the previous output exactly as it was.
 */
import { beforeAll, describe, expect, it } from "vitest";

import {
  generateWith,
  snapshot,
  tempDir,
  type CliResult,
} from "./cli-support.js";
import { LAYER, options, validFamily, type JsonFamily } from "./specs.js";

interface BadSpec {
  /** What the case breaks. */
  readonly name: string;
  readonly breakSpec: (family: JsonFamily) => void;
  /** `image.path` as printed. */
  readonly path: string;
  /** The received value, as the message shows it (JSON). */
  readonly received: unknown;
  /** A part of the message or hint that says what to do instead. */
  readonly says?: string;
}

const app = (family: JsonFamily) => family.images[0]!;

const CASES: BadSpec[] = [
  {
    name: "mistyped block name",
    breakSpec: (f) => {
      app(f).layers[LAYER.apt]!.block = "apt-pakages";
    },
    path: "app.layers[0].block",
    received: "apt-pakages",
    says: 'did you mean "apt-packages"?',
  },
  {
    name: "mistyped option name",
    breakSpec: (f) => {
      options(f, LAYER.apt).unpinedReason = "pinned by the base";
    },
    path: "app.layers[0].unpinedReason",
    received: "unpinedReason",
    says: 'did you mean "unpinnedReason"?',
  },
  {
    name: "uppercase Debian package",
    breakSpec: (f) => {
      options(f, LAYER.apt).packages = ["Curl"];
    },
    path: "app.layers[0].packages[0]",
    received: "Curl",
  },
  {
    name: "semicolon in a Debian version pin",
    breakSpec: (f) => {
      options(f, LAYER.apt).packages = ["curl=7.68;rm -rf /"];
    },
    path: "app.layers[0].packages[0]",
    received: "curl=7.68;rm -rf /",
  },
  {
    name: "newline in a Debian package name",
    breakSpec: (f) => {
      options(f, LAYER.apt).packages = ["curl\nRUN rm -rf /"];
    },
    path: "app.layers[0].packages[0]",
    received: "curl\nRUN rm -rf /",
  },
  {
    name: "empty package list",
    breakSpec: (f) => {
      options(f, LAYER.apt).packages = [];
    },
    path: "app.layers[0].packages",
    received: [],
  },
  {
    name: "package list given as a string",
    breakSpec: (f) => {
      options(f, LAYER.apt).packages = "curl";
    },
    path: "app.layers[0].packages",
    received: "curl",
    says: "expected a list",
  },
  {
    name: "unpinned Miniconda installer",
    breakSpec: (f) => {
      options(f, LAYER.miniconda).version = "latest";
    },
    path: "app.layers[1].version",
    received: "latest",
  },
  {
    name: "Anaconda defaults channel",
    breakSpec: (f) => {
      options(f, LAYER.miniconda).channels = ["defaults"];
    },
    path: "app.layers[1].channels[0]",
    received: "defaults",
  },
  {
    name: "short sha256",
    breakSpec: (f) => {
      options(f, LAYER.miniconda).sha256 = { x86_64: "96a44849" };
    },
    path: "app.layers[1].sha256.x86_64",
    received: "96a44849",
  },
  {
    name: "two-part Python version",
    breakSpec: (f) => {
      options(f, LAYER.condaEnv).python = "3.9";
    },
    path: "app.layers[2].python",
    received: "3.9",
  },
  {
    name: "env named base",
    breakSpec: (f) => {
      options(f, LAYER.condaEnv).name = "base";
    },
    path: "app.layers[2].name",
    received: "base",
  },
  {
    name: "env name with a space",
    breakSpec: (f) => {
      options(f, LAYER.condaEnv).name = "py 39";
    },
    path: "app.layers[2].name",
    received: "py 39",
  },
  {
    name: "env declared twice",
    breakSpec: (f) => {
      app(f).layers.splice(LAYER.condaEnv + 1, 0, {
        block: "conda-env",
        options: { name: "py39", python: "3.9.7" },
      });
    },
    path: "app.layers[3].name",
    received: "py39",
    says: "already exists",
  },
  {
    name: "pip requirement with a shell command",
    breakSpec: (f) => {
      options(f, LAYER.condaEnv).pip = ["numpy; rm -rf /"];
    },
    path: "app.layers[2].pip[0]",
    received: "numpy; rm -rf /",
  },
  {
    name: "pip requirement ending in a line break",
    breakSpec: (f) => {
      options(f, LAYER.condaEnv).pip = ["numpy\n"];
    },
    path: "app.layers[2].pip[0]",
    received: "numpy\n",
  },
  {
    name: "pip requirement with a backquote",
    breakSpec: (f) => {
      options(f, LAYER.condaEnv).pip = ["numpy`id`"];
    },
    path: "app.layers[2].pip[0]",
    received: "numpy`id`",
  },
  {
    name: "conda spec with a semicolon",
    breakSpec: (f) => {
      options(f, LAYER.condaEnv).conda = ["numpy=1.26;echo"];
    },
    path: "app.layers[2].conda[0]",
    received: "numpy=1.26;echo",
  },
  {
    name: "pylzy into a Python 3.7 env",
    breakSpec: (f) => {
      Object.assign(options(f, LAYER.condaEnv), {
        name: "py37",
        python: "3.7.11",
      });
    },
    path: "app.layers[3].envs",
    received: "py37",
    says: "requires Python >=3.8.0",
  },
  {
    name: "pylzy pinned by pip in a Python 3.7 env",
    breakSpec: (f) => {
      Object.assign(options(f, LAYER.condaEnv), {
        python: "3.7.11",
        pip: ["pylzy==1.15.0"],
      });
      options(f, LAYER.pylzy).envs = "compatible";
    },
    path: "app.layers[2].pip[0]",
    received: "pylzy==1.15.0",
    says: 'pylzy 1.15.0 requires Python >=3.8.0, but conda env "py39" has Python 3.7.11',
  },
  {
    name: "pylzy into a missing env",
    breakSpec: (f) => {
      options(f, LAYER.pylzy).envs = ["py93"];
    },
    path: "app.layers[3].envs[0]",
    received: "py93",
    says: 'did you mean "py39"?',
  },
  {
    name: "pylzy envs keyword mistyped",
    breakSpec: (f) => {
      options(f, LAYER.pylzy).envs = "compatable";
    },
    path: "app.layers[3].envs",
    received: "compatable",
    says: 'did you mean "compatible"?',
  },
  {
    name: "variable name starting with a digit",
    breakSpec: (f) => {
      options(f, LAYER.envVars).vars = { "1GREETING": "hello" };
    },
    path: "app.layers[4].vars.1GREETING",
    received: "1GREETING",
  },
  {
    name: "variable value with a line break",
    breakSpec: (f) => {
      options(f, LAYER.envVars).vars = { GREETING: "a\nRUN id" };
    },
    path: "app.layers[4].vars.GREETING",
    received: "a\nRUN id",
    says: "cannot contain a line break",
  },
  {
    name: "relative image path",
    breakSpec: (f) => {
      options(f, LAYER.directories).paths = ["tmp/data"];
    },
    path: "app.layers[5].paths[0]",
    received: "tmp/data",
  },
  {
    name: "image path with a variable",
    breakSpec: (f) => {
      options(f, LAYER.directories).paths = ["$HOME/data"];
    },
    path: "app.layers[5].paths[0]",
    received: "$HOME/data",
  },
  {
    name: "context path leaving the context",
    breakSpec: (f) => {
      options(f, LAYER.copyFiles).sources = ["../secrets/key"];
    },
    path: "app.layers[6].sources[0]",
    received: "../secrets/key",
  },
  {
    name: "destination with a quote",
    breakSpec: (f) => {
      options(f, LAYER.copyFiles).dest = "/app/it's.jar";
    },
    path: "app.layers[6].dest",
    received: "/app/it's.jar",
  },
  {
    name: "entrypoint argument with a line break",
    breakSpec: (f) => {
      options(f, LAYER.entrypoint).argv = ["/entrypoint.sh\nUSER root"];
    },
    path: "app.layers[7].argv[0]",
    received: "/entrypoint.sh\nUSER root",
  },
  {
    name: "locale without UTF-8",
    breakSpec: (f) => {
      options(f, LAYER.locale).name = "en_US.ISO-8859-1";
    },
    path: "app.layers[8].name",
    received: "en_US.ISO-8859-1",
  },
  {
    name: "Java release out of range",
    breakSpec: (f) => {
      options(f, LAYER.java).version = 7;
    },
    path: "app.layers[9].version",
    received: 7,
    says: "expected a number >= 8",
  },
  {
    name: "template outside templates/context",
    breakSpec: (f) => {
      options(f, LAYER.contextScript).template = "lzy/../../../etc/passwd";
    },
    path: "app.layers[10].template",
    received: "lzy/../../../etc/passwd",
  },
  {
    name: "layer options that are not an object",
    breakSpec: (f) => {
      app(f).layers[LAYER.locale]!.options = "en_US.UTF-8";
    },
    path: "app.layers[8]",
    received: "en_US.UTF-8",
  },
  {
    name: "nvidia/cuda latest",
    breakSpec: (f) => {
      app(f).from = { image: "nvidia/cuda:latest" };
    },
    path: "app.from.image",
    received: "nvidia/cuda:latest",
    says: "no `latest` tag",
  },
  {
    name: "nvidia/cuda with a two-part version",
    breakSpec: (f) => {
      app(f).from = { image: "nvidia/cuda:11.2-cudnn8-devel-ubuntu20.04" };
    },
    path: "app.from.image",
    received: "nvidia/cuda:11.2-cudnn8-devel-ubuntu20.04",
    says: "did you mean 11.2.2-cudnn8-devel-ubuntu20.04?",
  },
  {
    name: "nvidia/cuda tag that was removed",
    breakSpec: (f) => {
      app(f).from = { image: "nvidia/cuda:11.4.2-cudnn8-devel-ubuntu20.04" };
    },
    path: "app.from.image",
    received: "nvidia/cuda:11.4.2-cudnn8-devel-ubuntu20.04",
    says: "did you mean 11.4.3-cudnn8-devel-ubuntu20.04?",
  },
  {
    name: "nvidia/cuda tag that never existed",
    breakSpec: (f) => {
      app(f).from = { image: "nvidia/cuda:11.2.2-cudnn9-devel-ubuntu20.04" };
    },
    path: "app.from.image",
    received: "nvidia/cuda:11.2.2-cudnn9-devel-ubuntu20.04",
    says: "did you mean 11.2.2-cudnn8-devel-ubuntu20.04?",
  },
  {
    name: "uppercase image reference",
    breakSpec: (f) => {
      app(f).from = { image: "Ubuntu:20.04" };
    },
    path: "app.from.image",
    received: "Ubuntu:20.04",
  },
  {
    name: "base that is not declared",
    breakSpec: (f) => {
      f.images[1]!.from = { family: "ap" };
    },
    path: "app-final.from",
    received: "ap",
    says: 'did you mean "app"?',
  },
  {
    name: "image name with uppercase letters",
    breakSpec: (f) => {
      f.images[1]!.name = "App_Final";
      f.images[1]!.from = { image: "ubuntu:20.04" };
    },
    path: "App_Final.name",
    received: "App_Final",
  },
  {
    name: "output file outside the output directory",
    breakSpec: (f) => {
      app(f).file = "../App.Dockerfile";
    },
    path: "app.file",
    received: "../App.Dockerfile",
  },
  {
    name: "description with a line break",
    breakSpec: (f) => {
      app(f).description = "line one\nRUN id";
    },
    path: "app.description",
    received: "line one\nRUN id",
  },
  {
    name: "registry with a space",
    breakSpec: (f) => {
      f.registry = "my registry";
    },
    path: "family.registry",
    received: "my registry",
  },
  {
    name: "image declared twice",
    breakSpec: (f) => {
      f.images[1]!.name = "app";
    },
    path: "family.images[1].name",
    received: "app",
  },
  {
    name: "docker channel mistyped",
    breakSpec: (f) => {
      app(f).layers.push({
        block: "docker-in-docker",
        options: {
          docker: {
            version: "20.10.9",
            channel: "stabel",
            sha256: {
              x86_64:
                "caf74e54b58c0b38bb4d96c8f87665f29b684371c9a325562a3904b8c389995e",
            },
          },
        },
      });
    },
    path: "app.layers[11].docker.channel",
    received: "stabel",
    says: 'did you mean "stable"?',
  },
  {
    name: "http key URL for the NVIDIA repository",
    breakSpec: (f) => {
      app(f).layers.push({
        block: "nvidia-container-toolkit",
        options: { keyUrl: "http://example.com/gpgkey" },
      });
    },
    path: "app.layers[11].keyUrl",
    received: "http://example.com/gpgkey",
  },
];

describe("bad specs", () => {
  let out: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    out = tempDir("bad-specs");
    const result = await generateWith(validFamily(), out);
    expect(result.status, result.stderr).toBe(0);
    before = snapshot(out);
  });

  it("has at least 30 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.concurrent.each(CASES)("rejects $name", async (bad) => {
    const family = validFamily();
    bad.breakSpec(family);
    const result: CliResult = await generateWith(family, out);

    expect(result.status, result.stderr).toBe(2);
    const line = result.stderr
      .split("\n")
      .find((text) => text.trim().startsWith(`${bad.path}:`));
    expect(line, result.stderr).toBeDefined();
    expect(line).toContain(`(received ${JSON.stringify(bad.received)})`);
    if (bad.says !== undefined) {
      expect(line).toContain(bad.says);
    }
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(out)).toEqual(before);
  });
});
