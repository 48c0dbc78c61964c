/**
 * The lzy-images generator: image models to Dockerfiles and build-context
 * files, through the handlebars templates of `templates/`.
 */
export {
  BAKE_FILE,
  DEFAULT_PLATFORMS,
  PLATFORMS_VARIABLE,
  REVISION_VARIABLE,
  SOURCE_VARIABLE,
  bakeDocument,
  bakeTargetNames,
  renderBakeFile,
  type BakeDocument,
  type BakeTarget,
} from "./bake.js";
export {
  compareOutput,
  unifiedDiff,
  type DriftStatus,
  type FileDrift,
} from "./drift.js";
export {
  outputFiles,
  renderFamily,
  type OutputFile,
  type RenderFamilyOptions,
  type RenderedImage,
} from "./family.js";
export { generatedFiles } from "./generated.js";
export { renderGraph } from "./graph.js";
export {
  GENERATED_HEADER,
  MANIFEST_FILE,
  findOrphans,
  parseManifest,
  removeOrphans,
  renderManifest,
  type ManifestDocument,
} from "./manifest.js";
export {
  mermaidBlock,
  replaceSection,
  sectionMarkers,
} from "./readme-section.js";
export {
  renderDockerfile,
  type RenderOptions,
  type RenderedDockerfile,
} from "./render.js";
export { imageRoles, type ImageRole } from "./roles.js";
export {
  TAGS_FILE,
  compareTags,
  parseTagsFile,
  renderTagsFile,
  type TagComparison,
  type TagStatus,
  type TagsDocument,
} from "./tags.js";
export { DEFAULT_TEMPLATES_DIR, TemplateSet } from "./templates.js";
export { writeOutput } from "./write.js";
