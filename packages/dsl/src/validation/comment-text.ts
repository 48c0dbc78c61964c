/**
 * Text written into a Dockerfile comment line, such as an image's
 * description. Some comments are instructions to tools, so text that
 * would read as one is rejected:
 * - hadolint 2.x takes a comment that starts with `hadolint` and a space
 *   or tab as a pragma (`ignore=`, `global ignore=`, `shell=`), which
 *   could switch lint rules off for the whole file;
 * - BuildKit takes `syntax=`, `escape=` and `check=` comments at the top
 *   of a file as parser directives.
 */
import { SingleLine } from "../blocks/support/schemas.js";

const HADOLINT_PRAGMA = /^[ \t]*hadolint[ \t]/i;
const PARSER_DIRECTIVE = /^[ \t]*(?:syntax|escape|check)[ \t]*=/i;

/** Returns why `text` cannot be a comment line, or undefined when it can. */
export function commentTextProblem(text: string): string | undefined {
  if (HADOLINT_PRAGMA.test(text)) {
    return "a comment line cannot start with `hadolint`, because hadolint reads it as a pragma that switches rules off: reword the start";
  }
  if (PARSER_DIRECTIVE.test(text)) {
    return "a comment line cannot start with `syntax=`, `escape=` or `check=`, because BuildKit reads it as a parser directive: reword the start";
  }
  return undefined;
}

/** A single line of text that is safe to write as a comment line. */
export const CommentText = SingleLine.superRefine((text, context) => {
  const problem = commentTextProblem(text);
  if (problem !== undefined) {
    context.addIssue({ code: "custom", message: problem, input: text });
  }
});
