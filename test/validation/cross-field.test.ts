/**
 * Rules that span fields, layers and images: block dependencies, env
 * names and their use, the image graph, CUDA tags and problem order.
 */
import {
  SpecError,
  aptPackages,
  buildFamily,
  condaEnv,
  condaEnvExport,
  cudaImage,
  dockerInDocker,
  external,
  miniconda,
  pylzy,
  type FamilySpec,
  type ImageSpec,
  type LayerSpec,
} from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

import { oneImage } from "../properties/support.js";

const MINICONDA = miniconda({
  version: "24.3.0-0",
  python: "py312",
  sha256: {
    x86_64: "96a44849ff17e960eeb8877ecd9055246381c4d4f2d031263b63fa7e2e930af1",
  },
});

const DOCKER = dockerInDocker({
  docker: {
    version: "20.10.9",
    sha256: {
      x86_64:
        "caf74e54b58c0b38bb4d96c8f87665f29b684371c9a325562a3904b8c389995e",
    },
  },
});

const APT = aptPackages({ packages: ["ca-certificates", "curl", "iptables"] });

/** Problems of a spec as `image.path: message (received X). hint` lines. */
function problems(spec: FamilySpec): string[] {
  try {
    buildFamily(spec);
  } catch (error) {
    if (error instanceof SpecError) {
      return error.message.split("\n");
    }
    throw error;
  }
  return [];
}

function image(
  name: string,
  from: ImageSpec["from"],
  layers: LayerSpec[],
): ImageSpec {
  return { name, file: `${name}.Dockerfile`, from, layers };
}

describe("block dependencies", () => {
  it("conda envs and pylzy need Miniconda", () => {
    expect(
      problems(
        oneImage([
          APT,
          condaEnv({ name: "py39", python: "3.9.7" }),
          pylzy({ version: "1.15.0" }),
        ]),
      ),
    ).toEqual([
      "app.layers[1]: a conda env needs conda. add a miniconda layer before this one",
      "app.layers[2]: pylzy is installed into conda envs and needs conda. add a miniconda layer before this one",
    ]);
  });

  it("docker-in-docker needs iptables", () => {
    expect(
      problems(
        oneImage([
          aptPackages({ packages: ["ca-certificates", "curl"] }),
          DOCKER,
        ]),
      ),
    ).toEqual([
      "app.layers[1]: docker-in-docker needs apt package `iptables`. add iptables to an apt-packages layer before this one",
    ]);
  });

  it("docker-in-docker needs a Debian-family base", () => {
    const [unknownOs] = problems(
      oneImage([APT, DOCKER], "example.com/tools:1"),
    );
    expect(unknownOs).toContain(
      "app.layers[1]: docker-in-docker needs a Debian or Ubuntu base, and the OS of this image's base is not known",
    );
    const declared: FamilySpec = {
      registry: "example",
      images: [
        image(
          "app",
          external("example.com/tools:1", { id: "ubuntu", version: "22.04" }),
          [APT, DOCKER],
        ),
      ],
    };
    expect(problems(declared)).toEqual([]);
  });

  it("apt needs a Debian-family base", () => {
    const spec: FamilySpec = {
      registry: "example",
      images: [
        image(
          "app",
          external("rockylinux:9", { id: "rockylinux", version: "9" }),
          [APT],
        ),
      ],
    };
    expect(problems(spec)).toEqual([
      "app.layers[0]: apt needs a Debian or Ubuntu base, but the base runs rockylinux 9. build FROM a Debian or Ubuntu image",
    ]);
  });
});

describe("conda envs", () => {
  const conda = [APT, MINICONDA, condaEnv({ name: "py39", python: "3.9.7" })];

  it("rejects a second env of the same name", () => {
    expect(
      problems(
        oneImage([...conda, condaEnv({ name: "py39", python: "3.10.4" })]),
      ),
    ).toEqual([
      'app.layers[3].name: conda env already exists in this image or its base (received "py39"). choose another name',
    ]);
  });

  it("finds envs of the base image", () => {
    const spec: FamilySpec = {
      registry: "example",
      images: [
        image("base", { image: "ubuntu:22.04" }, conda),
        image("final", { family: "base" }, [
          pylzy({ version: "1.15.0", envs: ["py39"] }),
          condaEnvExport({ envs: ["py39"] }),
        ]),
      ],
    };
    expect(problems(spec)).toEqual([]);
  });

  it("rejects an export of an env the image lacks", () => {
    expect(
      problems(oneImage([...conda, condaEnvExport({ envs: ["py38"] })])),
    ).toEqual([
      'app.layers[3].envs: conda env "py38" does not exist (received "py38"). did you mean "py39"? existing envs: py39',
    ]);
  });
});

describe("image graph", () => {
  it("rejects a cycle", () => {
    const spec: FamilySpec = {
      registry: "example",
      images: [
        image("a", { family: "b" }, []),
        image("b", { family: "a" }, []),
      ],
    };
    expect(problems(spec)).toEqual([
      "a.from: images form a cycle: a -> b -> a. an image cannot be built FROM itself or an image built FROM it",
    ]);
  });

  it("rejects a base that is not declared", () => {
    const spec: FamilySpec = {
      registry: "example",
      images: [
        image("worker-base", { image: "ubuntu:22.04" }, []),
        image("worker", { family: "worker-bsae" }, []),
      ],
    };
    expect(problems(spec)).toEqual([
      'worker.from: base image is not declared in this family (received "worker-bsae"). did you mean "worker-base"? declared images: worker-base, worker',
    ]);
  });
});

describe("CUDA tags", () => {
  const from = (reference: string) => problems(oneImage([], reference));

  it("accepts supported and end-of-life tags that exist", () => {
    expect(from("nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04")).toEqual([]);
    expect(from("nvidia/cuda:11.2.2-cudnn8-devel-ubuntu20.04")).toEqual([]);
    expect(from("docker.io/nvidia/cuda:12.0.0-runtime-ubuntu18.04")).toEqual(
      [],
    );
  });

  it("builds tags of cudaImage that the table has", () => {
    const unversioned = cudaImage({
      cuda: "12.4.1",
      cudnn: true,
      flavour: "devel",
      os: "ubuntu22.04",
    });
    expect(unversioned.image).toBe(
      "nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04",
    );
    expect(from(unversioned.image)).toEqual([]);

    const wrongMajor = cudaImage({
      cuda: "12.4.1",
      cudnn: 9,
      flavour: "devel",
      os: "ubuntu22.04",
    });
    expect(from(wrongMajor.image)[0]).toContain(
      "did you mean 12.4.1-cudnn-devel-ubuntu22.04?",
    );
  });

  it("accepts a reference pinned by digest only", () => {
    expect(from(`nvidia/cuda@sha256:${"a".repeat(64)}`)).toEqual([]);
  });

  it("rejects a missing or latest tag", () => {
    for (const reference of ["nvidia/cuda", "nvidia/cuda:latest"]) {
      const [problem] = from(reference);
      expect(problem).toContain("nvidia/cuda has no `latest` tag");
      expect(problem).toContain(
        "pin a full tag, such as 13.2.1-cudnn-devel-ubuntu24.04",
      );
    }
  });

  it.each([
    [
      "nvidia/cuda:11.2-cudnn8-devel-ubuntu20.04",
      "CUDA version 11.2 has no patch release",
      "11.2.2-cudnn8-devel-ubuntu20.04",
    ],
    [
      "nvidia/cuda:11.4.2-cudnn8-runtime-ubuntu18.04",
      "was removed from Docker Hub (table checked 2026-12-04)",
      "11.4.3-cudnn8-runtime-ubuntu18.04",
    ],
    [
      "nvidia/cuda:12.4.1-cudnn9-devel-ubuntu22.04",
      "is not published",
      "12.4.1-cudnn-devel-ubuntu22.04",
    ],
    [
      "nvidia/cuda:11.8.0-cudnn8-base-ubuntu22.04",
      "is not published",
      "11.8.0-base-ubuntu22.04",
    ],
    [
      "nvidia/cuda:12.6.3-devel-rockylinux9",
      "OS rockylinux9 is not in the CUDA tag table",
      "12.6.3-devel-ubuntu24.04",
    ],
  ])("rejects %s", (reference, message, suggestion) => {
    const [problem, ...rest] = from(reference);
    expect(rest).toEqual([]);
    expect(problem).toContain(`app.from.image: `);
    expect(problem).toContain(message);
    expect(problem).toContain(`(received "${reference}")`);
    expect(problem).toContain(`did you mean ${suggestion}?`);
  });
});

describe("problem order", () => {
  it("sorts indices as numbers and the family first", () => {
    const layers = Array.from({ length: 12 }, () =>
      aptPackages({ packages: [] }),
    );
    const spec = oneImage(layers);
    (spec as { registry: string }).registry = "Bad Registry";
    const paths = problems(spec).map((line) => line.split(":")[0]);
    expect(paths).toEqual([
      "family.registry",
      ...layers.map((_, index) => `app.layers[${index}].packages`),
    ]);
  });
});

describe("values from JavaScript configs", () => {
  it("reports circular and BigInt values without crashing", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const lines = problems(
      oneImage([
        { block: "apt-packages", options: { packages: [circular] } },
        { block: "java-jdk", options: { version: 17n } },
      ] as LayerSpec[]),
    );
    expect(lines).toEqual([
      "app.layers[0].packages[0]: invalid type: expected a string (received [object Object])",
      "app.layers[1].version: invalid type: expected a number (received 17)",
    ]);
  });
});
