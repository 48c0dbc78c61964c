/**
 * A Mermaid flowchart of an image family: external base images, bases,
 * finals and user images, each group in its own subgraph, with an arrow
 * from every base to the images built FROM it. A published parent that an
 * extension is built FROM counts as an external image.
 */
import type { FamilyModel, ImageBase } from "@lzy-images/dsl";

import { imageRoles, type ImageRole } from "./roles.js";

/** Subgraph id and title of each role, in the order they are drawn. */
const SUBGRAPHS: ReadonlyArray<readonly [ImageRole, string, string]> = [
  ["base", "bases", "bases"],
  ["final", "finals", "finals"],
  ["user", "users", "user images"],
];

/** Renders the family as Mermaid flowchart text, without a code fence. */
export function renderGraph(model: FamilyModel): string {
  const roles = imageRoles(model);
  const ids = new NodeIds();
  const lines = ["flowchart LR"];

  const externals = [
    ...new Set(
      model.images.flatMap((image) => {
        const reference = externalReference(image.base);
        return reference === undefined ? [] : [reference];
      }),
    ),
  ];
  if (externals.length > 0) {
    lines.push(`  subgraph external["external images"]`);
    for (const reference of externals) {
      lines.push(`    ${ids.of(`external:${reference}`)}${label(reference)}`);
    }
    lines.push("  end");
  }

  for (const [role, id, title] of SUBGRAPHS) {
    const members = model.images.filter(
      (image) => roles.get(image.name) === role,
    );
    if (members.length === 0) {
      continue;
    }
    lines.push(`  subgraph ${id}["${title}"]`);
    for (const image of members) {
      const node = ids.of(`image:${image.name}`);
      lines.push(`    ${node}${label(image.name, image.file)}`);
    }
    lines.push("  end");
  }

  for (const image of model.images) {
    const from =
      image.base.kind === "family"
        ? ids.of(`image:${image.base.name}`)
        : ids.of(`external:${externalReference(image.base)}`);
    lines.push(`  ${from} --> ${ids.of(`image:${image.name}`)}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Returns the reference of a base that is not in the family:
 * an external image, or a published parent as its Dockerfile pulls it by
 * default (`lzydock/user-default:<tag>`).
 */
function externalReference(base: ImageBase): string | undefined {
  switch (base.kind) {
    case "external":
      return base.image;
    case "parent":
      return base.tag === undefined
        ? `${base.registry}/${base.name}`
        : `${base.registry}/${base.name}:${base.tag}`;
    case "family":
      return undefined;
  }
}

/**
 * Mermaid node ids made from names: letters, digits and `_` only, so no
 * name can break the syntax or read as a keyword such as `end`.
 */
class NodeIds {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  of(key: string): string {
    const known = this.byKey.get(key);
    if (known !== undefined) {
      return known;
    }
    const base = key.replace(/[^A-Za-z0-9]+/g, "_").replace(/_+$/, "");
    let id = base;
    for (let suffix = 2; this.taken.has(id); suffix += 1) {
      id = `${base}_${suffix}`;
    }
    this.byKey.set(key, id);
    this.taken.add(id);
    return id;
  }
}

/**
 * Quotes a node label of one or more lines. Inside quotes Mermaid reads
 * HTML, so `"`, `<` and `>` become entity codes.
 */
function label(...lines: string[]): string {
  const escaped = lines.map((line) =>
    line.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;"),
  );
  return `["${escaped.join("<br/>")}"]`;
}
