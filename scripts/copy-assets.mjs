// Copies the files the packages read at run time next to their compiled
// code, so that installed packages work outside this repository: the
// templates into @lzy-images/generator, the hadolint policy into
// @lzy-images/lint. In a checkout the packages still read the repository's
// own files first, so edits to templates/ take effect without a build.
// Also marks the CLI's bin executable, because tsc writes it as 0644.
import { chmodSync, cpSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const templates = join(root, "packages/generator/dist/templates");
rmSync(templates, { recursive: true, force: true });
cpSync(join(root, "templates"), templates, { recursive: true });

cpSync(
  join(root, ".hadolint.yaml"),
  join(root, "packages/lint/dist/.hadolint.yaml"),
);

chmodSync(join(root, "packages/cli/dist/bin.js"), 0o755);
