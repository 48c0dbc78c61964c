/**
 * Turns zod issues into spec problems that name the path of the bad value,
 * the value received, what is allowed and, where a near value exists, the
 * value probably meant.
 */
import type { z } from "zod";

import { formatPath, type SpecProblem } from "../errors.js";
import { didYouMean, joinHints, listValues } from "./suggest.js";

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

/** Location of a parsed value: its image and its path in the image spec. */
export interface IssueLocation {
  readonly image: string;
  /** Path of the parsed value, such as `layers[3].options`; may be empty. */
  readonly path: string;
}

/**
 * Messages for issues whose schema sets none. Passed to `safeParse` as its
 * error map, so the messages written in schemas still win.
 */
export const defaultIssueMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? "missing required value"
        : `invalid type: expected ${describeType(issue.expected)}`;
    case "too_small":
      return `too small: expected ${describeBound(issue.origin, ">=", issue.minimum)}`;
    case "too_big":
      return `too big: expected ${describeBound(issue.origin, "<=", issue.maximum)}`;
    case "invalid_value":
      return `invalid value: expected ${listValues(issue.values)}`;
    case "invalid_format":
      return `invalid format: expected ${issue.format}`;
    default:
      return undefined;
  }
};

/** Converts the issues of one parse into problems, one per bad field. */
export function problemsFromIssues(
  issues: readonly Issue[],
  schema: Schema,
  location: IssueLocation,
): SpecProblem[] {
  return issues.flatMap((issue) => convert(issue, [], schema, location));
}

function convert(
  issue: Issue,
  prefix: readonly PropertyKey[],
  schema: Schema,
  location: IssueLocation,
): SpecProblem[] {
  const segments = [...prefix, ...issue.path];
  const at = (extra: readonly PropertyKey[] = []): string =>
    joinPath(location.path, formatPath([...segments, ...extra]));

  switch (issue.code) {
    case "invalid_union":
      return convertUnion(issue, segments, schema, location);

    case "unrecognized_keys": {
      const allowed = objectKeys(schemaAt(schema, segments));
      return issue.keys.map((key) => ({
        image: location.image,
        path: at([key]),
        code: "unknown_option",
        message: "unknown option",
        received: key,
        hint: joinHints(
          didYouMean(key, allowed),
          allowed.length > 0 ? `allowed: ${allowed.join(", ")}` : undefined,
        ),
      }));
    }

    case "invalid_key":
      // A record key failed its own schema; the path already ends in it.
      return issue.issues.map((inner) => ({
        image: location.image,
        path: at(),
        code: inner.code ?? "invalid_key",
        message: `invalid key: ${inner.message}`,
        received: issue.input,
      }));

    case "invalid_value":
      return [
        {
          image: location.image,
          path: at(),
          code: issue.code,
          message: issue.message,
          received: issue.input,
          hint: didYouMean(
            issue.input,
            issue.values.filter((v): v is string => typeof v === "string"),
          ),
        },
      ];

    default:
      return [
        {
          image: location.image,
          path: at(),
          code: issue.code ?? "invalid",
          message: issue.message,
          received: issue.input,
        },
      ];
  }
}

/**
 * Reports a failed union. Usually one option matched the value's type and
 * failed deeper inside (an env list with one bad name), so that option's
 * issues are reported. Otherwise the problem lists what each option expects.
 */
function convertUnion(
  issue: Extract<Issue, { code: "invalid_union" }>,
  segments: readonly PropertyKey[],
  schema: Schema,
  location: IssueLocation,
): SpecProblem[] {
  const deeper = issue.errors.filter(
    (branch) =>
      branch.length > 0 &&
      branch.every(
        (inner) =>
          inner.path.length > 0 ||
          (inner.code !== "invalid_type" && inner.code !== "invalid_value"),
      ),
  );
  if (deeper.length === 1) {
    return deeper[0]!.flatMap((inner) =>
      convert(inner, segments, schema, location),
    );
  }

  const expected = issue.errors.flatMap((branch) =>
    branch
      .filter((inner) => inner.path.length === 0)
      .map((inner) => expectedOf(inner)),
  );
  const literals = issue.errors.flatMap((branch) =>
    branch.flatMap((inner) =>
      inner.code === "invalid_value"
        ? inner.values.filter((v): v is string => typeof v === "string")
        : [],
    ),
  );
  return [
    {
      image: location.image,
      path: joinPath(location.path, formatPath(segments)),
      code: "invalid_union",
      message: `invalid value: expected ${[...new Set(expected)].join(" or ")}`,
      received: issue.input,
      hint: didYouMean(issue.input, literals),
    },
  ];
}

function expectedOf(issue: Issue): string {
  switch (issue.code) {
    case "invalid_value":
      return listValues(issue.values);
    case "invalid_type":
      return describeType(issue.expected);
    default:
      return issue.message;
  }
}

function describeType(expected: string): string {
  switch (expected) {
    case "array":
      return "a list";
    case "object":
    case "record":
      return "an object";
    case "int":
      return "an integer";
    default:
      return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
  }
}

function describeBound(
  origin: string,
  operator: ">=" | "<=",
  bound: number | bigint,
): string {
  const word = operator === ">=" ? "at least" : "at most";
  switch (origin) {
    case "array":
    case "set":
      return `${word} ${bound} item${bound === 1 ? "" : "s"}`;
    case "string":
      return `${word} ${bound} character${bound === 1 ? "" : "s"}`;
    default:
      return `a number ${operator} ${bound}`;
  }
}

function joinPath(base: string, field: string): string {
  if (!base) {
    return field;
  }
  if (!field) {
    return base;
  }
  return field.startsWith("[") ? `${base}${field}` : `${base}.${field}`;
}

/** Option names of an object schema, for suggestions; empty otherwise. */
function objectKeys(schema: Schema | undefined): string[] {
  if (schema === undefined) {
    return [];
  }
  const def = schema._zod.def as { type: string; shape?: object };
  return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/** Follows a path into a schema through wrappers, arrays and unions. */
function schemaAt(
  schema: Schema,
  path: readonly PropertyKey[],
): Schema | undefined {
  let current: Schema | undefined = unwrap(schema);
  for (const key of path) {
    if (current === undefined) {
      return undefined;
    }
    current = childSchema(current, key);
    current = current && unwrap(current);
  }
  return current;
}

interface AnyDef {
  readonly type: string;
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly shape?: Record<string, Schema>;
  readonly element?: Schema;
  readonly valueType?: Schema;
  readonly options?: readonly Schema[];
}

function childSchema(schema: Schema, key: PropertyKey): Schema | undefined {
  const def = schema._zod.def as AnyDef;
  switch (def.type) {
    case "object":
      return def.shape?.[String(key)];
    case "array":
      return def.element;
    case "record":
      return def.valueType;
    case "union":
      for (const option of def.options ?? []) {
        const child = childSchema(unwrap(option), key);
        if (child !== undefined) {
          return child;
        }
      }
      return undefined;
    default:
      return undefined;
  }
}

function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as AnyDef;
    if (def.innerType !== undefined) {
      current = def.innerType;
    } else if (def.type === "pipe" && def.in !== undefined) {
      current = def.in;
    } else {
      return current;
    }
  }
}
