/**
 * A small valid family in the JSON form a config file uses, and a way to
 * derive bad variants of it one field at a time.
 */

/** Published digest of Miniconda3-py312_24.3.0-0-Linux-x86_64.sh. */
const MINICONDA_SHA256 =
  "96a44849ff17e960eeb8877ecd9055246381c4d4f2d031263b63fa7e2e930af1";

/** Layer indices of `app`, so cases can name the layer they break. */
export const LAYER = {
  apt: 0,
  miniconda: 1,
  condaEnv: 2,
  pylzy: 3,
  envVars: 4,
  directories: 5,
  copyFiles: 6,
  entrypoint: 7,
  locale: 8,
  java: 9,
  contextScript: 10,
} as const;

export interface JsonImage {
  name: unknown;
  file: unknown;
  description?: unknown;
  from: Record<string, unknown>;
  layers: Array<{ block: unknown; options?: unknown }>;
}

export interface JsonFamily {
  registry: unknown;
  images: JsonImage[];
}

/** A family of two images that renders without problems. */
export function validFamily(): JsonFamily {
  return {
    registry: "example",
    images: [
      {
        name: "app",
        file: "App.Dockerfile",
        description: "Validation test image.",
        from: { image: "nvidia/cuda:11.2.2-cudnn8-devel-ubuntu20.04" },
        layers: [
          {
            block: "apt-packages",
            options: {
              packages: ["ca-certificates", "wget", "locales", "iptables"],
            },
          },
          {
            block: "miniconda",
            options: {
              version: "24.3.0-0",
              python: "py312",
              sha256: { x86_64: MINICONDA_SHA256 },
            },
          },
          {
            block: "conda-env",
            options: {
              name: "py39",
              python: "3.9.7",
              pip: ["catboost>=1.0.3"],
            },
          },
          { block: "pylzy", options: { version: "1.15.0" } },
          { block: "env-vars", options: { vars: { GREETING: "hello" } } },
          { block: "directories", options: { paths: ["/tmp/data"] } },
          {
            block: "copy-files",
            options: { sources: ["inputs/app.jar"], dest: "/app/app.jar" },
          },
          { block: "entrypoint", options: { argv: ["/entrypoint.sh"] } },
          { block: "locale", options: { name: "en_US.UTF-8" } },
          { block: "java-jdk", options: { version: 17 } },
          {
            block: "context-script",
            options: {
              name: "entrypoint.sh",
              template: "lzy/worker-entrypoint.sh",
              dest: "/entrypoint.sh",
              data: {
                startDocker: false,
                dockerdTimeoutSeconds: 0,
                jar: "/app/app.jar",
                javaOptions: ["-Xmx1G"],
              },
            },
          },
        ],
      },
      {
        name: "app-final",
        file: "App.Final.Dockerfile",
        from: { family: "app" },
        layers: [{ block: "directories", options: { paths: ["/srv"] } }],
      },
    ],
  };
}

/** The options object of layer `index` of `app`. */
export function options(
  family: JsonFamily,
  index: number,
): Record<string, unknown> {
  return family.images[0]!.layers[index]!.options as Record<string, unknown>;
}
