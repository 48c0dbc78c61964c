/**
 * Typed references to NVIDIA's CUDA images (`nvidia/cuda` on Docker Hub).
 */
import type { ExternalBase } from "./image-spec.js";

export interface CudaImageOptions {
  /** Full CUDA version, such as `11.2.2`; two-part versions are not tags. */
  readonly cuda: string;
  /**
   * cuDNN major version, such as `8`, or `true` for the tags without a
   * major that CUDA 12.4 and later publish (`12.4.1-cudnn-devel-…`). Omit
   * for images without cuDNN.
   */
  readonly cudnn?: number | true | undefined;
  /** `base` (CUDA runtime only), `runtime` (plus libraries) or `devel`. */
  readonly flavour: "base" | "runtime" | "devel";
  /** OS of the image, such as `ubuntu20.04`; the tag table lists Ubuntu only. */
  readonly os: `ubuntu${number}.${number}`;
}

/**
 * Builds an `nvidia/cuda` reference such as
 * `nvidia/cuda:11.2.2-cudnn8-devel-ubuntu20.04`, with its OS and CUDA
 * version recorded for later layers. The model checks the tag against
 * NVIDIA's published tags when the family is built.
 */
export function cudaImage(options: CudaImageOptions): ExternalBase {
  const cudnn =
    options.cudnn === undefined
      ? ""
      : options.cudnn === true
        ? "-cudnn"
        : `-cudnn${options.cudnn}`;
  const tag = `${options.cuda}${cudnn}-${options.flavour}-${options.os}`;
  const match = /^([a-z]+)(.*)$/.exec(options.os);
  return {
    image: `nvidia/cuda:${tag}`,
    os: match ? { id: match[1]!, version: match[2]! } : undefined,
    cuda: options.cuda,
  };
}
