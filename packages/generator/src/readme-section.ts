/**
 * Generated sections of hand-written Markdown files, such as the image
 * graph in the README: the text between a start and an end marker is
 * replaced, and everything else is kept byte for byte.
 */

/** Start and end markers of the section `name`. */
export function sectionMarkers(name: string): {
  readonly start: string;
  readonly end: string;
} {
  return {
    start: `<!-- lzy-images:${name} start: generated, do not edit -->`,
    end: `<!-- lzy-images:${name} end -->`,
  };
}

/**
 * Returns `text` with the section `name` replaced by `content`.
 * Throws when the markers are missing, repeated or out of order, with the
 * lines to add.
 */
export function replaceSection(
  text: string,
  name: string,
  content: string,
): string {
  const { start, end } = sectionMarkers(name);
  const startAt = text.indexOf(start);
  const endAt = text.indexOf(end);
  const valid =
    startAt !== -1 &&
    endAt > startAt &&
    text.indexOf(start, startAt + 1) === -1 &&
    text.indexOf(end, endAt + 1) === -1;
  if (!valid) {
    throw new Error(
      `expected one "${start}" line followed by one "${end}" line where the ${name} goes`,
    );
  }
  const body = content.endsWith("\n") ? content : `${content}\n`;
  return `${text.slice(0, startAt + start.length)}\n${body}${text.slice(endAt)}`;
}

/** Wraps Mermaid text in a fenced code block, as GitHub renders it. */
export function mermaidBlock(graph: string): string {
  return `\`\`\`mermaid\n${graph}\`\`\`\n`;
}
