/**
 * Reads shell text for the variables it expands and the variables it sets,
 * well enough for a lint check: quoting is followed, but the text is not
 * parsed as a full shell grammar.
 */

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Returns the names of variables that `script` expands as `$NAME` or
 * `${NAME...}`, in order of first use. References inside single quotes and
 * escaped dollars are literal text; `$(...)`, `$((...))` and special
 * parameters such as `$?` and `$1` are not variable names.
 */
export function expandedVariables(script: string): string[] {
  const names = new Set<string>();
  let quote: "'" | '"' | undefined;

  for (let i = 0; i < script.length; i++) {
    const char = script[i];
    if (quote === "'") {
      if (char === "'") {
        quote = undefined;
      }
      continue;
    }
    if (char === "\\") {
      i++; // the next character is literal
      continue;
    }
    if (char === "'" && quote === undefined) {
      quote = "'";
      continue;
    }
    if (char === '"') {
      quote = quote === '"' ? undefined : '"';
      continue;
    }
    if (char !== "$") {
      continue;
    }

    const next = script[i + 1] ?? "";
    if (/^[$?!#@*0-9-]$/.test(next)) {
      i++; // a special or positional parameter, such as `$?` or `$1`
      continue;
    }
    if (next === "'" && quote === undefined) {
      // $'...' is ANSI-C quoting: literal text up to the closing quote.
      const end = findAnsiQuoteEnd(script, i + 2);
      i = end;
      continue;
    }
    const start = next === "{" ? skipLengthOrIndirection(script, i + 2) : i + 1;
    NAME.lastIndex = start;
    const match = NAME.exec(script);
    if (match !== null) {
      names.add(match[0]);
      i = start + match[0].length - 1;
    }
  }
  return [...names];
}

/**
 * Returns the names that `script` assigns: `NAME=value` words (also after
 * `export`, `local`, `readonly` or `declare`), loop variables of `for NAME
 * in` and the variables of `read`.
 */
export function assignedVariables(script: string): Set<string> {
  const names = new Set<string>();
  const assignment =
    /(?:^|[\s;&|(){}])(?:(?:export|local|readonly|declare)(?:\s+-\w+)*\s+)?([A-Za-z_][A-Za-z0-9_]*)=/g;
  for (const match of script.matchAll(assignment)) {
    names.add(match[1]!);
  }
  for (const match of script.matchAll(
    /\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g,
  )) {
    names.add(match[1]!);
  }
  for (const match of script.matchAll(
    /\bread((?:\s+-\w+)*(?:\s+[A-Za-z_][A-Za-z0-9_]*)+)/g,
  )) {
    for (const word of match[1]!.trim().split(/\s+/)) {
      if (!word.startsWith("-")) {
        names.add(word);
      }
    }
  }
  return names;
}

/** In `${#NAME}` and `${!NAME}`, the name follows the `#` or `!`. */
function skipLengthOrIndirection(script: string, index: number): number {
  const char = script[index];
  const after = script[index + 1] ?? "";
  return (char === "#" || char === "!") && /[A-Za-z_]/.test(after)
    ? index + 1
    : index;
}

function findAnsiQuoteEnd(script: string, index: number): number {
  for (let i = index; i < script.length; i++) {
    if (script[i] === "\\") {
      i++;
    } else if (script[i] === "'") {
      return i;
    }
  }
  return script.length;
}
