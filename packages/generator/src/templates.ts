/**
 * Loads and compiles the handlebars templates once per process. Templates
 * are compiled with `noEscape`, because Dockerfiles are not HTML and every
 * value is already encoded in code, and `strict`, so a missing field fails
 * instead of rendering as an empty string.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { quoteWord } from "@lzy-images/dsl";
import Handlebars from "handlebars";

/**
 * The templates: the repository's `templates/` folder in an lzy-images
 * checkout, so edits apply without a build, else the copy that the build
 * puts into this package's `dist/templates/`. A checkout is recognised by
 * its `pnpm-workspace.yaml`, so that a `node_modules/templates/` of some
 * other package is never taken for it.
 */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(
  existsSync(new URL("../../../pnpm-workspace.yaml", import.meta.url))
    ? new URL("../../../templates/", import.meta.url)
    : new URL("./templates/", import.meta.url),
);

type Template = Handlebars.TemplateDelegate;

/** Compiled templates, each file read and compiled on first use only. */
export class TemplateSet {
  readonly dirs: readonly string[];
  private readonly engine = Handlebars.create();
  private readonly cache = new Map<string, Template>();

  /** `dirs` are searched in order: the first that has a template wins. */
  constructor(dirs: readonly string[] = [DEFAULT_TEMPLATES_DIR]) {
    this.dirs = dirs;
    // Shell quoting for scripts, done in code: `{{shellWord x}}` quotes one
    // word and `{{shellWords list}}` quotes each element of a list.
    this.engine.registerHelper("shellWord", (value: unknown) =>
      quoteWord(String(value)),
    );
    this.engine.registerHelper("shellWords", (values: unknown) => {
      if (!Array.isArray(values)) {
        throw new Error(
          `shellWords expects a list, got ${JSON.stringify(values)}`,
        );
      }
      return values.map((value) => quoteWord(String(value))).join(" ");
    });
  }

  /** Returns the compiled template `name` (a path without `.hbs`). */
  get(name: string): Template {
    const cached = this.cache.get(name);
    if (cached) {
      return cached;
    }
    const text = this.read(`${name}.hbs`);
    const template = this.engine.compile(text, {
      noEscape: true,
      strict: true,
    });
    this.cache.set(name, template);
    return template;
  }

  private read(file: string): string {
    const tried: string[] = [];
    for (const dir of this.dirs) {
      const path = join(dir, file);
      tried.push(path);
      try {
        return readFileSync(path, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
          throw error;
        }
      }
    }
    throw new Error(
      `template not found: ${file} (looked in ${tried.join(", ")})`,
    );
  }
}
