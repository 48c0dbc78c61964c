/**
 * The lzy-images generator: image models to Dockerfiles and build-context
 * files, through the handlebars templates of `templates/`.
 */
export {
  outputFiles,
  renderFamily,
  type OutputFile,
  type RenderFamilyOptions,
  type RenderedImage,
} from "./family.js";
export {
  renderDockerfile,
  type RenderOptions,
  type RenderedDockerfile,
} from "./render.js";
export { DEFAULT_TEMPLATES_DIR, TemplateSet } from "./templates.js";
export { writeOutput } from "./write.js";
