/**
 * Every fact the Lzy images must contain, checked on the parsed output so
 * that the checks do not depend on layout.
 */
import { describe, expect, it } from "vitest";

import {
  aptInstalled,
  parseDockerfile,
  runCommands,
} from "../support/dockerfile.js";
import { catalogDockerfile, render } from "../support/render.js";

const CUDA_BASE = "nvidia/cuda:11.2.2-cudnn8-devel-ubuntu20.04";
const FULL_ENVS = { default: "3.9.7", py38: "3.8.12", py39: "3.9.7" };
const BASE_REQUIREMENTS = ["'catboost>=1.0.3'", "'pure-protobuf>=2.1.1'"];

function parsed(name: string) {
  return parseDockerfile(catalogDockerfile(name));
}

function fromOf(name: string): string {
  const from = parsed(name).instructions.find((i) => i.keyword === "FROM");
  return from?.args ?? "";
}

function expectLocale(name: string): void {
  const dockerfile = parsed(name);
  expect(dockerfile.env.get("LANG")).toBe("en_US.UTF-8");
  expect(dockerfile.env.get("LANGUAGE")).toBe("en_US:en");
  expect(dockerfile.env.get("LC_ALL")).toBe("en_US.UTF-8");
  expect(runCommands(dockerfile)).toContain(
    "localedef -i en_US -c -f UTF-8 -A /usr/share/locale/locale.alias en_US.UTF-8",
  );
}

function expectEnvs(name: string, envs: Record<string, string>): void {
  const commands = runCommands(parsed(name));
  const created = commands.filter((command) =>
    command.startsWith("conda create"),
  );
  expect(created).toHaveLength(Object.keys(envs).length);
  for (const [env, python] of Object.entries(envs)) {
    expect(
      created.some(
        (c) => c.includes(`-n ${env} `) && c.includes(`python=${python} pip`),
      ),
    ).toBe(true);
    const pip = `/root/miniconda3/envs/${env}/bin/python -m pip install --no-cache-dir ${BASE_REQUIREMENTS.join(" ")}`;
    expect(commands, `${env} base requirements`).toContain(pip);
  }
  expect(created.some((command) => command.includes("-n py37 "))).toBe(false);
}

function expectMiniconda(name: string): void {
  const dockerfile = parsed(name);
  expect(dockerfile.env.get("PATH")).toBe("/root/miniconda3/bin:$PATH");
  const commands = runCommands(dockerfile);
  expect(commands).toContain("bash /tmp/miniconda.sh -b -p /root/miniconda3");
  expect(commands).toContain(
    'echo "${sha256}  /tmp/miniconda.sh" | sha256sum -c -',
  );
  expect(commands).toContain("conda init bash");
}

function expectPylzy(name: string, envs: string[]): void {
  const dockerfile = parsed(name);
  const commands = runCommands(dockerfile);
  expect(dockerfile.instructions).toContainEqual(
    expect.objectContaining({
      keyword: "COPY",
      args: "inputs/pylzy/ /tmp/pylzy/",
    }),
  );
  for (const env of envs) {
    const python = `/root/miniconda3/envs/${env}/bin/python`;
    const requirements = commands.indexOf(
      `${python} -m pip install --no-cache-dir -r requirements.txt`,
    );
    const build = commands.indexOf(
      `PATH=/root/miniconda3/envs/${env}/bin:"$PATH" bash gen_proto.sh`,
    );
    const install = commands.indexOf(
      `${python} -m pip install --no-cache-dir .`,
    );
    expect(requirements, `${env}: requirements`).toBeGreaterThanOrEqual(0);
    expect(build, `${env}: build step after requirements`).toBeGreaterThan(
      requirements,
    );
    expect(install, `${env}: install after build step`).toBeGreaterThan(build);
  }
}

function expectBaseReference(name: string, base: string, tagArg: string): void {
  const instructions = parsed(name).instructions;
  const fromIndex = instructions.findIndex((i) => i.keyword === "FROM");
  const before = instructions.slice(0, fromIndex);
  expect(before.map((i) => i.keyword)).toEqual(["ARG", "ARG"]);
  expect(before[0]?.args).toBe("REGISTRY=lzydock");
  expect(before[1]?.args).toMatch(new RegExp(`^${tagArg}=[0-9a-f]{12}$`));
  expect(instructions[fromIndex]?.args).toBe(
    `\${REGISTRY}/${base}:\${${tagArg}}`,
  );
}

describe("worker-base", () => {
  it("is FROM the CUDA 11.2.2 cuDNN 8 devel image", () => {
    expect(fromOf("worker-base")).toBe(CUDA_BASE);
  });

  it("installs every apt package of the spec", () => {
    const packages = aptInstalled(parsed("worker-base"));
    for (const name of [
      "fuse",
      "lsof",
      "procps",
      "curl",
      "bash",
      "tar",
      "wget",
      "locales",
      "ca-certificates",
      "openssh-client",
      "iptables",
      "nvidia-container-toolkit",
      "sox",
      "libsndfile1",
      "ffmpeg",
      "libgomp1",
      "jq",
      "openjdk-17-jdk",
    ]) {
      expect(packages, name).toContain(name);
    }
  });

  it("adds the NVIDIA repository before installing the toolkit", () => {
    const commands = runCommands(parsed("worker-base"));
    const keyring = "/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg";
    const key = commands.findIndex((c) =>
      c.includes(`--dearmor -o ${keyring}`),
    );
    const toolkit = commands.findIndex((c) =>
      c.includes("nvidia-container-toolkit sox"),
    );
    expect(key).toBeGreaterThanOrEqual(0);
    expect(toolkit).toBeGreaterThan(key);
    expect(commands).toContain(`chmod 0644 ${keyring}`);
    expect(commands.some((c) => c.includes(`[signed-by=${keyring}]`))).toBe(
      true,
    );
  });

  it("sets the locale", () => expectLocale("worker-base"));

  it("installs Docker 20.10.9 and docker-compose 1.29.2 checked by sha256", () => {
    const text = catalogDockerfile("worker-base");
    expect(text).toContain(
      "https://download.docker.com/linux/static/stable/x86_64/docker-20.10.9.tgz",
    );
    expect(text).toContain(
      "https://github.com/docker/compose/releases/download/1.29.2/docker-compose-Linux-x86_64",
    );
    const commands = runCommands(parsed("worker-base"));
    expect(commands).toContain(
      'echo "${sha256}  /tmp/docker.tgz" | sha256sum -c -',
    );
    expect(commands).toContain(
      'echo "${sha256}  /usr/local/bin/docker-compose" | sha256sum -c -',
    );
    expect(commands).toContain(
      "tar -xzf /tmp/docker.tgz --strip-components=1 -C /usr/local/bin",
    );
  });

  it("adds the modprobe wrapper and the Docker volume", () => {
    const instructions = parsed("worker-base").instructions;
    expect(instructions).toContainEqual(
      expect.objectContaining({
        keyword: "COPY",
        args: "--chmod=0755 worker-base/modprobe /usr/local/bin/modprobe",
      }),
    );
    expect(instructions).toContainEqual(
      expect.objectContaining({ keyword: "VOLUME", args: "/var/lib/docker" }),
    );
  });

  it("sets JAVA_HOME for OpenJDK 17", () => {
    expect(parsed("worker-base").env.get("JAVA_HOME")).toBe(
      "/usr/lib/jvm/java-17-openjdk-amd64/",
    );
  });

  it("installs Miniconda", () => expectMiniconda("worker-base"));

  it("creates the conda envs with base requirements", () =>
    expectEnvs("worker-base", FULL_ENVS));
});

describe("worker", () => {
  it("refers to its base through REGISTRY and WORKER_BASE_TAG", () => {
    expectBaseReference("worker", "worker-base", "WORKER_BASE_TAG");
  });

  it("creates the worker's directories", () => {
    expect(runCommands(parsed("worker"))).toContain(
      "mkdir -p /tmp/lzy-log/worker /tmp/resources /tmp/local_modules",
    );
  });

  it("installs pylzy into every env", () =>
    expectPylzy("worker", Object.keys(FULL_ENVS)));

  it("writes conda-desc.yaml for every env", () => {
    const commands = runCommands(parsed("worker"));
    for (const env of Object.keys(FULL_ENVS)) {
      expect(commands).toContain(
        `conda env export -n ${env} > /root/miniconda3/envs/${env}/conda-desc.yaml`,
      );
    }
  });

  it("copies the jar, resources and entrypoint scripts", () => {
    const copies = parsed("worker")
      .instructions.filter((i) => i.keyword === "COPY")
      .map((i) => i.args);
    expect(copies).toContain("inputs/worker/app.jar /app/app.jar");
    expect(copies).toContain(
      "--chmod=0700 inputs/worker/resources /app/resources",
    );
    expect(copies).toContain(
      "--chmod=0755 worker/entrypoint.sh /entrypoint.sh",
    );
    expect(copies).toContain(
      "--chmod=0755 worker/test_entrypoint.sh /test_entrypoint.sh",
    );
  });

  it("has an exec-form ENTRYPOINT", () => {
    const entrypoints = parsed("worker").instructions.filter(
      (i) => i.keyword === "ENTRYPOINT",
    );
    expect(entrypoints).toHaveLength(1);
    expect(JSON.parse(entrypoints[0]!.args)).toEqual(["/entrypoint.sh"]);
  });

  it("entrypoint script starts dockerd and runs the jar", () => {
    const script = render()
      .find((image) => image.image.name === "worker")!
      .contextFiles.find(
        (file) => file.path === "worker/entrypoint.sh",
      )!.content;
    expect(script).toContain("dockerd > /var/log/dockerd.log 2>&1 &");
    expect(script).toContain("until timeout 5 docker info");
    expect(script).toContain("mount --make-rshared /");
    expect(script).toContain(
      'exec java -Xmx4G -Dsun.jnu.encoding=UTF-8 -Dfile.encoding=UTF-8 -jar /app/app.jar "$@" <&0',
    );
  });
});

describe("user-default-base", () => {
  it("is FROM the CUDA image", () =>
    expect(fromOf("user-default-base")).toBe(CUDA_BASE));

  it("installs the media packages", () => {
    const packages = aptInstalled(parsed("user-default-base"));
    for (const name of [
      "wget",
      "locales",
      "sox",
      "libsndfile1",
      "ffmpeg",
      "libgomp1",
    ]) {
      expect(packages, name).toContain(name);
    }
  });

  it("sets the locale", () => expectLocale("user-default-base"));

  it("installs Miniconda", () => expectMiniconda("user-default-base"));

  it("creates the conda envs", () =>
    expectEnvs("user-default-base", FULL_ENVS));
});

describe("user-default", () => {
  it("refers to its base", () => {
    expectBaseReference(
      "user-default",
      "user-default-base",
      "USER_DEFAULT_BASE_TAG",
    );
  });

  it("installs pylzy into every env", () =>
    expectPylzy("user-default", Object.keys(FULL_ENVS)));
});

describe("user-test-base", () => {
  it("is FROM ubuntu:xenial", () =>
    expect(fromOf("user-test-base")).toBe("ubuntu:xenial"));

  it("installs wget and locales", () => {
    const packages = aptInstalled(parsed("user-test-base"));
    expect(packages).toContain("wget");
    expect(packages).toContain("locales");
  });

  it("has no GPU libraries", () => {
    // Labels describe the image and may name CUDA as absent; only what
    // the build does counts here.
    const steps = parsed("user-test-base").instructions.filter(
      (i) => i.keyword !== "LABEL",
    );
    for (const step of steps) {
      expect(step.args).not.toMatch(/nvidia|cuda/);
    }
  });

  it("sets the locale", () => expectLocale("user-test-base"));

  it("installs Miniconda", () => expectMiniconda("user-test-base"));

  it("creates only py39", () =>
    expectEnvs("user-test-base", { py39: "3.9.7" }));
});

describe("user-test", () => {
  it("refers to its base", () => {
    expectBaseReference("user-test", "user-test-base", "USER_TEST_BASE_TAG");
  });

  it("installs pylzy into py39", () => expectPylzy("user-test", ["py39"]));
});
