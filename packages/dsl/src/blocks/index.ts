/** The built-in building blocks, by name. */
import type { BlockDefinition } from "../model/block.js";
import { aptPackagesBlock } from "./apt-packages.js";
import { condaEnvExportBlock } from "./conda-env-export.js";
import { condaEnvBlock } from "./conda-env.js";
import { contextScriptBlock } from "./context-script.js";
import { copyFilesBlock } from "./copy-files.js";
import { directoriesBlock } from "./directories.js";
import { dockerInDockerBlock } from "./docker-in-docker.js";
import { commandBlock, entrypointBlock } from "./entrypoint.js";
import { envPackagesBlock } from "./env-packages.js";
import { envVarsBlock } from "./env-vars.js";
import { javaJdkBlock } from "./java-jdk.js";
import { localeBlock } from "./locale.js";
import { minicondaBlock } from "./miniconda.js";
import { nvidiaContainerToolkitBlock } from "./nvidia-container-toolkit.js";
import { pylzyBlock } from "./pylzy.js";
import { userBlock } from "./user.js";
import { workdirBlock } from "./workdir.js";

const BUILT_IN: readonly BlockDefinition[] = [
  aptPackagesBlock,
  commandBlock,
  condaEnvBlock,
  condaEnvExportBlock,
  contextScriptBlock,
  copyFilesBlock,
  directoriesBlock,
  dockerInDockerBlock,
  entrypointBlock,
  envPackagesBlock,
  envVarsBlock,
  javaJdkBlock,
  localeBlock,
  minicondaBlock,
  nvidiaContainerToolkitBlock,
  pylzyBlock,
  userBlock,
  workdirBlock,
] as readonly BlockDefinition[];

/** Built-in block definitions keyed by their name. */
export const builtInBlocks: ReadonlyMap<string, BlockDefinition> = new Map(
  BUILT_IN.map((block) => [block.name, block]),
);

export {
  aptPackages,
  aptPackagesBlock,
  AptPackagesOptions,
} from "./apt-packages.js";
export { condaEnv, condaEnvBlock, CondaEnvOptions } from "./conda-env.js";
export {
  condaEnvExport,
  condaEnvExportBlock,
  CondaEnvExportOptions,
} from "./conda-env-export.js";
export {
  contextScript,
  contextScriptBlock,
  ContextScriptOptions,
} from "./context-script.js";
export { copyFiles, copyFilesBlock, CopyFilesOptions } from "./copy-files.js";
export {
  directories,
  directoriesBlock,
  DirectoriesOptions,
} from "./directories.js";
export {
  dockerInDocker,
  dockerInDockerBlock,
  DockerInDockerOptions,
} from "./docker-in-docker.js";
export {
  command,
  commandBlock,
  entrypoint,
  entrypointBlock,
  ExecFormOptions,
} from "./entrypoint.js";
export {
  envPackages,
  envPackagesBlock,
  EnvPackagesOptions,
} from "./env-packages.js";
export { envVars, envVarsBlock, EnvVarsOptions } from "./env-vars.js";
export { javaJdk, javaJdkBlock, JavaJdkOptions } from "./java-jdk.js";
export { locale, localeBlock, LocaleOptions } from "./locale.js";
export { miniconda, minicondaBlock, MinicondaOptions } from "./miniconda.js";
export {
  nvidiaContainerToolkitBlock,
  nvidiaContainerToolkitRepo,
  NvidiaContainerToolkitOptions,
} from "./nvidia-container-toolkit.js";
export { pylzy, pylzyBlock, PylzyOptions } from "./pylzy.js";
export { user, userBlock, UserOptions } from "./user.js";
export { workdir, workdirBlock, WorkdirOptions } from "./workdir.js";
