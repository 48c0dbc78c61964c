/**
 * Typed descriptions of the images of a family, for packages that publish
 * a family and let users extend its images, such as the Lzy catalog.
 */
import { buildFamily, type FamilyModel } from "../model/build.js";
import type { FamilySpec } from "../model/image-spec.js";
import { describeState, type ImageDescription } from "./description.js";

const models = new WeakMap<FamilySpec, FamilyModel>();

/**
 * Describes image `name` of `family` as it is published. `envs` lists its
 * conda env names, which the returned type keeps as literal types. A list
 * that differs from the image's envs throws, so the types cannot drift
 * from the image.
 *
 * @example describeFamilyImage(lzyFamily, "user-default", ["default", "py38", "py39"])
 */
export function describeFamilyImage<const Envs extends string>(
  family: FamilySpec,
  name: string,
  envs: readonly Envs[],
): ImageDescription<Envs> {
  let model = models.get(family);
  if (model === undefined) {
    model = buildFamily(family);
    models.set(family, model);
  }
  const image = model.images.find((candidate) => candidate.name === name);
  if (image === undefined) {
    throw new Error(
      `image "${name}" is not in the family; images: ${model.images.map((i) => i.name).join(", ")}`,
    );
  }
  const description = describeState(name, family.registry, image.state);
  const actual = Object.keys(description.conda?.envs ?? {}).sort();
  const declared = [...envs].sort();
  if (actual.join(",") !== declared.join(",")) {
    throw new Error(
      `image "${name}" has conda envs [${actual.join(", ")}], but [${declared.join(", ")}] were declared; declare the envs the image has`,
    );
  }
  return description as ImageDescription<Envs>;
}
