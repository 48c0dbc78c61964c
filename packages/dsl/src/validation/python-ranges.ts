/**
 * Checks each pinned package whose supported Python range is on record
 * against the Python of the env it goes into, before pip fails deep inside
 * a build.
 */
import type { BlockContext } from "../model/block.js";
import { knownPythonRange, pythonAdmits } from "../python/package-ranges.js";

/** `name==1.2.3` (pip) or `name=1.2.3` (conda), the only pins looked up. */
const EXACT_PIN = /^([A-Za-z0-9_.-]+)\s*(?:==|=)\s*([0-9][A-Za-z0-9.+!_-]*)$/;

/**
 * Reports each requirement in `requirements` (found at `field[i]` of the
 * layer's options) whose known Python range excludes `python`.
 */
export function checkPythonRanges(
  context: BlockContext,
  field: string,
  requirements: readonly string[],
  env: { readonly name: string; readonly python: string },
): void {
  requirements.forEach((requirement, index) => {
    const match = EXACT_PIN.exec(requirement.trim());
    if (match === null) {
      return;
    }
    const [, name = "", version = ""] = match;
    const range = knownPythonRange(name, version)?.python;
    if (range === undefined || pythonAdmits(range, env.python)) {
      return;
    }
    context.problem(
      `${field}[${index}]`,
      `${name} ${version} requires Python ${range}, but conda env "${env.name}" has Python ${env.python}`,
      requirement,
      `give the env a Python that ${range} admits, or pin a ${name} release that supports Python ${env.python}`,
    );
  });
}
