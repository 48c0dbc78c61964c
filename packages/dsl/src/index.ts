/**
 * The lzy-images DSL: building blocks, the image model and its validation.
 */
export * from "./blocks/index.js";
export {
  SpecError,
  formatPath,
  formatProblem,
  formatValue,
  type SpecProblem,
} from "./errors.js";
export {
  defineBlock,
  type BlockContext,
  type BlockDefinition,
  type ContextFileRequest,
  type LayerSpec,
} from "./model/block.js";
export {
  REGISTRY_ARG,
  buildFamily,
  tagArgFor,
  type FamilyModel,
  type ImageBase,
  type ImageModel,
} from "./model/build.js";
export { cudaImage, type CudaImageOptions } from "./model/cuda-image.js";
export { closestMatch } from "./validation/suggest.js";
export {
  detectCuda,
  detectOs,
  external,
  family,
  image,
  type BaseSpec,
  type ExternalBase,
  type FamilyBase,
  type FamilySpec,
  type ImageSpec,
  type ParentBase,
} from "./model/image-spec.js";
export type {
  CondaEnvState,
  CondaState,
  ImageState,
  OsRelease,
} from "./model/image-state.js";
export type {
  ContextFile,
  EnvValue,
  Instruction,
  InstructionBody,
  InstructionKind,
  InstructionNotes,
  LintWaiver,
  Provenance,
  TagOf,
} from "./model/instruction.js";
export {
  knownPythonRange,
  pythonAdmits,
  type PythonRangeEntry,
} from "./python/package-ranges.js";
export {
  encodeExecForm,
  encodeExpandedValue,
  encodeLiteralValue,
  encodePathList,
} from "./quoting/dockerfile.js";
export {
  quoteWord,
  raw,
  shell,
  shellCommand,
  type RawShell,
} from "./quoting/shell.js";
export {
  DESCRIPTION_FORMAT,
  DESCRIPTION_LABEL,
  DescriptionError,
  ImageDescriptionSchema,
  describe,
  describeState,
  type EnvDescription,
  type EnvNamesOf,
  type ImageDescription,
} from "./extend/description.js";
export { extend, extensionImage } from "./extend/extend.js";
export type {
  ExtendSpec,
  FilesSpec,
  ImagePathString,
  InstallSpec,
  NewEnvSpec,
  NoEnvClash,
  NonEmpty,
  PythonVersionString,
  UserSpec,
} from "./extend/extend-spec.js";
export { ExtensionOptions, NewEnvOptions } from "./extend/extension-options.js";
export {
  ExtensionEntry,
  ParentReference,
  configJsonSchema,
  configSchema,
  isExtensionEntry,
  parseExtensionEntry,
} from "./extend/config-schema.js";
export { describeFamilyImage } from "./extend/family-description.js";
export type { ParentImageBase } from "./extend/parent-base.js";
