/**
 * locale: compiles one locale with `localedef` and makes it the default
 * through `LANG`, `LANGUAGE` and `LC_ALL`. Works on Debian and Ubuntu alike,
 * unlike `locale-gen NAME`, which only Ubuntu's script accepts.
 *
 * @example locale({ name: "en_US.UTF-8" })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { shellCommand } from "../quoting/shell.js";
import { requireAptPackages } from "./support/apt.js";

const LOCALE_NAME = /^([a-z]{2,3}_[A-Z]{2})\.(UTF-8)$/;

export const LocaleOptions = z.strictObject({
  /** Locale in `language_TERRITORY.UTF-8` form. Default `en_US.UTF-8`. */
  name: z
    .string()
    .regex(
      LOCALE_NAME,
      "invalid locale: expected `language_TERRITORY.UTF-8`, such as `en_US.UTF-8`",
    )
    .default("en_US.UTF-8"),
  /** Value of `LANGUAGE`. Default: the locale's language, such as `en_US:en`. */
  language: z
    .string()
    .regex(
      /^[A-Za-z_:]+$/,
      "invalid LANGUAGE: expected a list such as `en_US:en`",
    )
    .optional(),
});

export type LocaleOptions = z.input<typeof LocaleOptions>;

export const localeBlock = defineBlock({
  name: "locale",
  needsRoot: true,
  schema: LocaleOptions,
  label: (options) => options.name,
  apply(options, context) {
    if (!requireAptPackages(context, ["locales"], "locale")) {
      return;
    }
    const [, territory = "", charset = ""] =
      LOCALE_NAME.exec(options.name) ?? [];
    const language =
      options.language ?? `${territory}:${territory.split("_")[0]}`;

    context.emit({
      kind: "RUN",
      commands: [
        shellCommand(
          "localedef",
          "-i",
          territory,
          "-c",
          "-f",
          charset,
          "-A",
          "/usr/share/locale/locale.alias",
          options.name,
        ),
      ],
    });
    const vars = [
      { name: "LANG", value: options.name },
      { name: "LANGUAGE", value: language },
      { name: "LC_ALL", value: options.name },
    ];
    context.emit({ kind: "ENV", vars });
    for (const variable of vars) {
      context.state.env.set(variable.name, variable.value);
    }
  },
});

/** Generates a locale and makes it the default. */
export function locale(
  options: LocaleOptions = {},
): LayerSpec<"locale", LocaleOptions> {
  return { block: "locale", options };
}
