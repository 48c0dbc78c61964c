/**
 * Typed references to NVIDIA's CUDA images (`nvidia/cuda` on Docker Hub).
 */
import type { ExternalBase } from "./image-spec.js";

export interface CudaImageOptions {
  /** Full CUDA version, such as `11.2.2`; two-part versions are not tags. */
  readonly cuda: string;
  /** cuDNN major version, such as `8`; omit for images without cuDNN. */
  readonly cudnn?: number | undefined;
  /** `base` (CUDA runtime only), `runtime` (plus libraries) or `devel`. */
  readonly flavour: "base" | "runtime" | "devel";
  /** OS of the image, such as `ubuntu20.04`. */
  readonly os: `${"ubuntu" | "debian" | "rockylinux" | "ubi"}${string}`;
}

/**
 * Builds an `nvidia/cuda` reference such as
 * `nvidia/cuda:11.2.2-cudnn8-devel-ubuntu20.04`, with its OS and CUDA
 * version recorded for later layers.
 */
export function cudaImage(options: CudaImageOptions): ExternalBase {
  const cudnn = options.cudnn === undefined ? "" : `-cudnn${options.cudnn}`;
  const tag = `${options.cuda}${cudnn}-${options.flavour}-${options.os}`;
  const match = /^([a-z]+)(.*)$/.exec(options.os);
  return {
    image: `nvidia/cuda:${tag}`,
    os: match ? { id: match[1]!, version: match[2]! } : undefined,
    cuda: options.cuda,
  };
}
