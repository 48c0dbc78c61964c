/**
 * A GPU training image FROM user-default: the system libraries that
 * OpenCV and video decoding load, and a new env `torch` with Python 3.11,
 * pinned PyTorch wheels and pylzy.
 */
import { published } from "@lzy-images/catalog";
import { extend, family } from "@lzy-images/dsl";

export default family({
  registry: "ghcr.io/example-lab",
  images: [
    extend(published.userDefault, {
      name: "torch-trainer",
      file: "TorchTrainer.Dockerfile",
      description:
        "PyTorch 2.3.1 in env torch (Python 3.11.9), with pylzy, FROM user-default.",
      source: "examples/pytorch-cuda/images.config.ts",
      // libgl1 and libglib2.0-0: shared libraries that opencv-python loads.
      apt: ["libgl1", "libglib2.0-0"],
      newEnvs: [
        {
          name: "torch",
          python: "3.11.9",
          // The wheels on PyPI bundle their CUDA runtime (12.1 for torch
          // 2.3.1), so they do not use the parent's CUDA 11.2 toolkit, but
          // they need a host driver that supports CUDA 12.1.
          pip: [
            "torch==2.3.1",
            "torchvision==0.18.1",
            "opencv-python==4.10.0.84",
          ],
          pylzy: true,
        },
      ],
      env: { PYTORCH_CUDA_ALLOC_CONF: "expandable_segments:True" },
    }),
  ],
});
