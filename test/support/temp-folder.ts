/**
 * Vitest setup file: gives each test file its own temporary folder as
 * TMPDIR and removes it after the file's tests. Every `mkdtemp` under
 * `os.tmpdir()`, in the tests and in the CLI processes they start, lands
 * there, so a test run leaves no `lzy-*` folders behind.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll } from "vitest";

const previous = process.env.TMPDIR;
const folder = mkdtempSync(join(tmpdir(), "lzy-test-run-"));
process.env.TMPDIR = folder;

afterAll(() => {
  if (previous === undefined) {
    delete process.env.TMPDIR;
  } else {
    process.env.TMPDIR = previous;
  }
  rmSync(folder, { recursive: true, force: true });
});
