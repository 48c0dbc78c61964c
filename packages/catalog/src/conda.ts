/**
 * The conda setup every Lzy image shares: Miniconda and one env per Python
 * version, each with the same base requirements.
 *
 * There is no `py37` env: pylzy 1.15.0 requires Python 3.8 or newer, and an
 * env without pylzy cannot run Lzy tasks.
 */
import { condaEnv, miniconda, type LayerSpec } from "@lzy-images/dsl";

import { MINICONDA } from "./pins.js";

/** Requirements installed into every env. */
export const BASE_REQUIREMENTS = ["catboost>=1.0.3", "pure-protobuf>=2.1.1"];

/** Env name and Python version of every env of the full images. */
export const ALL_ENVS = [
  { name: "default", python: "3.9.7" },
  { name: "py38", python: "3.8.12" },
  { name: "py39", python: "3.9.7" },
] as const;

/** Miniconda followed by one env per entry of `envs`. */
export function condaLayers(
  envs: ReadonlyArray<{ readonly name: string; readonly python: string }>,
): LayerSpec[] {
  return [
    miniconda({ ...MINICONDA, sha256: { ...MINICONDA.sha256 } }),
    ...envs.map((env) =>
      condaEnv({ name: env.name, python: env.python, pip: BASE_REQUIREMENTS }),
    ),
  ];
}
