/**
 * env-vars: sets environment variables in the image with `ENV name=value`.
 * A string value is literal: `$`, quotes and backslashes reach the image
 * unchanged, and a string that looks like a variable reference, such as
 * `/opt/bin:$PATH`, is rejected. `{ value, expand: true }` expands
 * `$NAME` and `${NAME}` from earlier `ENV` and `ARG` instructions.
 *
 * @example envVars({ vars: { PYTHONUNBUFFERED: "1", PATH: { value: "/opt/tools/bin:$PATH", expand: true } } })
 */
import { z } from "zod";

import {
  defineBlock,
  type BlockContext,
  type LayerSpec,
} from "../model/block.js";
import type { EnvValue } from "../model/instruction.js";
import { EnvName, SingleLine } from "./support/schemas.js";

/** `$NAME` or `${...}`, which the Dockerfile parser expands in ENV. */
const VARIABLE_REFERENCE = /\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[^}]*\}?)/;

/** A literal value, which cannot read as a variable reference. */
const LiteralValue = SingleLine.superRefine((value, context) => {
  const reference = VARIABLE_REFERENCE.exec(value)?.[0];
  if (reference === undefined) {
    return;
  }
  const json = JSON.stringify(value);
  context.addIssue({
    code: "custom",
    message:
      `a plain value is literal, so ${reference} would not be expanded: ` +
      `write { "value": ${json}, "expand": true } to expand it, ` +
      `or "expand": false to keep it as written`,
    input: value,
  });
});

/** A value with an explicit choice of variable expansion. */
const ExplicitValue = z.strictObject({
  /** The value after `=`. */
  value: SingleLine,
  /**
   * Whether `$NAME` and `${NAME}` are expanded, as BuildKit does for ENV
   * (then `\$` keeps a `$`), or the value is kept as written.
   */
  expand: z.boolean(),
  /**
   * Reason the value contains no secret although the name looks like
   * one, such as `switches a check off`. The variable gets its own ENV
   * with this reason and a waiver of DL3064, which LZY002 honors too.
   * Default: no waiver.
   */
  notSecret: SingleLine.min(1, "give the reason").optional(),
});

/** One variable's value: a literal string, or an explicit value. */
const VariableValue = z
  .union([LiteralValue, ExplicitValue])
  .superRefine((value, context) => {
    if (
      typeof value !== "string" &&
      value.expand &&
      /\$\{[^}]*$/.test(value.value)
    ) {
      context.addIssue({
        code: "custom",
        message: "`${` has no closing `}`: close it, or write `\\$` for a `$`",
        input: value.value,
      });
    }
  });

export const EnvVarsOptions = z.strictObject({
  /**
   * Variables in the order given. A string is taken literally; use
   * `{ value, expand: true }` to refer to other variables.
   */
  vars: z
    .record(EnvName, VariableValue)
    .refine(
      (vars) => Object.keys(vars).length > 0,
      "set at least one variable",
    ),
});

export type EnvVarsOptions = z.input<typeof EnvVarsOptions>;

export const envVarsBlock = defineBlock({
  name: "env-vars",
  schema: EnvVarsOptions,
  apply(options, context) {
    const vars: EnvValue[] = Object.entries(options.vars).map(
      ([name, value]) =>
        typeof value === "string"
          ? { name, value }
          : { name, value: value.value, expand: value.expand },
    );
    const notSecret = new Map<string, string>();
    for (const [name, value] of Object.entries(options.vars)) {
      if (typeof value !== "string" && value.notSecret !== undefined) {
        notSecret.set(name, value.notSecret);
      }
    }
    for (const group of sameInstructionGroups(vars)) {
      emitWithWaivers(group, notSecret, context);
    }
    for (const variable of vars) {
      context.state.env.set(variable.name, variable.value);
    }
  },
});

/**
 * Emits one ENV for the variables of a group, except that each variable
 * with a `notSecret` reason gets its own ENV, because a hadolint waiver
 * applies to a whole instruction.
 */
function emitWithWaivers(
  group: readonly EnvValue[],
  notSecret: ReadonlyMap<string, string>,
  context: BlockContext,
): void {
  let plain: EnvValue[] = [];
  for (const variable of group) {
    const reason = notSecret.get(variable.name);
    if (reason === undefined) {
      plain.push(variable);
      continue;
    }
    if (plain.length > 0) {
      context.emit({ kind: "ENV", vars: plain });
      plain = [];
    }
    context.emit(
      { kind: "ENV", vars: [variable] },
      { waiver: { codes: ["DL3064"], reason } },
    );
  }
  if (plain.length > 0) {
    context.emit({ kind: "ENV", vars: plain });
  }
}

/**
 * Splits variables into ENV instructions so that no expanded value refers
 * to a variable set in its own instruction, because BuildKit expands such
 * a reference to the value from before the instruction (and hadolint
 * reports it as DL3044).
 */
function sameInstructionGroups(vars: readonly EnvValue[]): EnvValue[][] {
  const groups: EnvValue[][] = [[]];
  for (const variable of vars) {
    const current = groups.at(-1)!;
    const refersToCurrent =
      variable.expand === true &&
      current.some((earlier) => refersTo(variable.value, earlier.name));
    if (refersToCurrent) {
      groups.push([variable]);
    } else {
      current.push(variable);
    }
  }
  return groups;
}

function refersTo(value: string, name: string): boolean {
  return new RegExp(`\\$(?:${name}(?![A-Za-z0-9_])|\\{${name}[}:+?#%/-])`).test(
    value,
  );
}

/** Sets environment variables. */
export function envVars(
  options: EnvVarsOptions,
): LayerSpec<"env-vars", EnvVarsOptions> {
  return { block: "env-vars", options };
}
