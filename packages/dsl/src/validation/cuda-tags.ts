/**
 * The `nvidia/cuda` tags of Ubuntu images that exist on Docker Hub, from
 * NVIDIA's own lists in gitlab.com/nvidia/container-images/cuda:
 * `doc/supported-tags.md` (tags that still get updates) and
 * `doc/unsupported-tags.md` (end-of-life tags that "still exist").
 * Read from a mirror of that repository, GitHub
 * pranavmishra90/nvidia-container-images-cuda at commit
 * 181367a60650bee1a0d32f52b0e96d83d982de0d, whose newest release is
 * CUDA 13.2.1. NVIDIA deletes a tag six months after its driver branch
 * goes end of life or a newer update of the same CUDA version ships, so
 * this table goes stale: re-check it against those two files.
 *
 * Each entry is `version` or `version variant`, where the variant names
 * the cuDNN tags published next to base, runtime and devel: `cudnn`
 * (unversioned, from CUDA 12.4), `cudnn8` or `cudnn9`. The
 * `13.0.0-tensorrt-*` tags are left out: the DSL has no TensorRT flavour.
 *
 * TODO: only Ubuntu tags are listed, because every apt-based building
 * block needs a Debian-family base. Tags of ubi, rockylinux and the other
 * OS families in NVIDIA's lists are rejected as unknown.
 */

/** Day the table was last compared with NVIDIA's lists. */
export const CUDA_TAGS_CHECKED = "2026-12-04";

/** Tags NVIDIA still updates, by OS. */
export const SUPPORTED: Readonly<Record<string, readonly string[]>> = {
  "ubuntu24.04": [
    "13.2.1 cudnn",
    "13.1.2 cudnn",
    "13.0.3 cudnn",
    "12.9.1 cudnn",
    "12.8.2",
    "12.6.3 cudnn",
    "12.5.1",
  ],
  "ubuntu22.04": [
    "13.2.1 cudnn",
    "13.1.2 cudnn",
    "13.0.3 cudnn",
    "12.9.1 cudnn",
    "12.8.2",
    "12.6.3 cudnn",
    "12.5.1 cudnn",
    "12.4.1 cudnn",
    "12.3.2 cudnn9",
    "12.2.2 cudnn8",
    "12.1.1 cudnn8",
    "12.0.1 cudnn8",
    "11.8.0 cudnn8",
    "11.7.1 cudnn8",
  ],
  "ubuntu20.04": [
    "12.9.1 cudnn",
    "12.8.2",
    "12.6.3 cudnn",
    "12.5.1 cudnn",
    "12.4.1 cudnn",
    "12.3.2 cudnn9",
    "12.2.2 cudnn8",
    "12.1.1 cudnn8",
    "12.0.1 cudnn8",
    "11.8.0 cudnn8",
    "11.7.1 cudnn8",
    "11.6.2 cudnn8",
    "11.5.2 cudnn8",
    "11.4.3 cudnn8",
    "11.2.2 cudnn8",
    "11.1.1 cudnn8",
    "11.0.3 cudnn8",
  ],
  "ubuntu18.04": [
    "12.0.1 cudnn8",
    "11.8.0 cudnn8",
    "11.7.1 cudnn8",
    "11.6.2 cudnn8",
    "11.5.2 cudnn8",
    "11.4.3 cudnn8",
    "11.2.2 cudnn8",
    "11.1.1 cudnn8",
    "11.0.3 cudnn8",
  ],
  "ubuntu16.04": ["11.2.2 cudnn8", "11.1.1 cudnn8", "11.0.3 cudnn8"],
};

/** End-of-life tags that still exist, by OS. */
export const UNSUPPORTED: Readonly<Record<string, readonly string[]>> = {
  "ubuntu24.04": [
    "13.2.0 cudnn",
    "13.1.1 cudnn",
    "13.1.0",
    "13.0.2 cudnn",
    "13.0.1 cudnn",
    "13.0.0 cudnn",
    "12.9.0 cudnn",
    "12.8.1 cudnn",
    "12.8.0 cudnn",
    "12.6.2 cudnn",
    "12.6.1 cudnn",
    "12.6.0 cudnn",
  ],
  "ubuntu22.04": [
    "13.2.0 cudnn",
    "13.1.1 cudnn",
    "13.1.0",
    "13.0.2 cudnn",
    "13.0.1 cudnn",
    "13.0.0 cudnn",
    "12.9.0 cudnn",
    "12.8.1 cudnn",
    "12.8.0 cudnn",
    "12.6.2 cudnn",
    "12.6.1 cudnn",
    "12.6.0 cudnn",
    "12.5.0",
    "12.4.0",
    "12.3.1",
    "12.3.0",
    "12.2.0",
    "12.1.0 cudnn8",
    "12.0.0 cudnn8",
  ],
  "ubuntu20.04": [
    "12.9.0 cudnn",
    "12.8.1 cudnn",
    "12.8.0 cudnn",
    "12.6.2 cudnn",
    "12.6.1 cudnn",
    "12.6.0 cudnn",
    "12.5.0",
    "12.4.0",
    "12.3.1",
    "12.3.0",
    "12.2.0",
    "12.1.0 cudnn8",
    "12.0.0 cudnn8",
    "11.6.1 cudnn8",
    "11.3.1 cudnn8",
    "11.2.2 cudnn8",
    "11.1.1 cudnn8",
    "11.0.3 cudnn8",
  ],
  "ubuntu18.04": [
    "12.1.0",
    "12.0.0 cudnn8",
    "11.3.1 cudnn8",
    "11.2.2 cudnn8",
    "11.1.1 cudnn8",
    "11.0.3 cudnn8",
  ],
  "ubuntu16.04": [
    "11.3.1 cudnn8",
    "11.2.2 cudnn8",
    "11.1.1 cudnn8",
    "11.0.3 cudnn8",
  ],
};

/**
 * Tags that were published and are gone. NVIDIA's Docker Hub description
 * for CUDA 11.4 Update 2 (its doc/README.md of late 2021) lists these as
 * supported. Neither current list has them, because 11.4.3 replaced them.
 */
export const REMOVED: Readonly<Record<string, readonly string[]>> = {
  "ubuntu20.04": ["11.4.2 cudnn8"],
  "ubuntu18.04": ["11.4.2 cudnn8"],
};
