/** Programmatic entry to the lzy-images CLI, for tests and wrappers. */
export { run } from "./program.js";
export { CliError } from "./errors.js";
export type { CliIo } from "./io.js";
