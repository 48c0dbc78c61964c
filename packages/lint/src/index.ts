/**
 * The lzy-images linter: hadolint on every generated Dockerfile plus
 * built-in checks on the model, with findings mapped to building blocks.
 */
export {
  BUILT_IN_CHECKS,
  assignedVariables,
  checkImage,
  expandedVariables,
  looksLikeSecret,
  type ModelCheck,
  type ModelFinding,
} from "./checks/index.js";
export {
  checkDockerfileText,
  parseDockerfile,
  type ParsedInstruction,
} from "./dockerfile-checks.js";
export { checkFamily, lintFamily, type LintFamilyOptions } from "./family.js";
export { lintFiles, type LintFilesOptions } from "./files.js";
export {
  DEFAULT_THRESHOLD,
  LEVELS,
  formatFinding,
  reachesThreshold,
  sortFindings,
  type Finding,
  type Level,
} from "./finding.js";
export {
  DEFAULT_HADOLINT_CONFIG,
  DEFAULT_HADOLINT_TIMEOUT_MS,
  HadolintError,
  parseReport,
  runHadolint,
  withoutHadolintVariables,
  type HadolintFinding,
  type RunHadolintOptions,
} from "./hadolint.js";
export { instructionLines } from "./instruction-lines.js";
export {
  CHECKOUT_HADOLINT,
  HadolintNotFoundError,
  INSTALL_HINT,
  locateHadolint,
  type HadolintCommand,
  type LocateOptions,
} from "./locate.js";
export { LINT_STAGING_PREFIX, abortLintRuns } from "./staging.js";
