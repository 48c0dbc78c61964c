/**
 * Schemas of the `data` that the built-in context templates read. Templates
 * insert values into shell scripts, so each value is checked for its type
 * and grammar when the spec is validated, before any template renders.
 */
import { z } from "zod";

import { ImagePath, SingleLine } from "../blocks/support/schemas.js";

/** Data of `lzy/worker-entrypoint.sh`. */
export const WorkerEntrypointData = z
  .strictObject({
    /** Start the inner Docker daemon before the worker (docker-in-docker). */
    startDocker: z.boolean(),
    /** Seconds to wait for dockerd to respond; 0 when it is not started. */
    dockerdTimeoutSeconds: z.int().min(0).max(3600),
    /** Path of the worker jar in the image. */
    jar: ImagePath,
    /** JVM options before `-jar`, one argument each. */
    javaOptions: z.array(
      SingleLine.min(1, "a JVM option cannot be empty: remove it"),
    ),
  })
  .refine((data) => !data.startDocker || data.dockerdTimeoutSeconds > 0, {
    path: ["dockerdTimeoutSeconds"],
    message:
      "with startDocker true the entrypoint needs at least 1 s to wait for dockerd, such as 60",
  });

/** Data schema of each built-in template under `templates/context/`. */
export const TEMPLATE_DATA: ReadonlyMap<string, z.ZodType> = new Map<
  string,
  z.ZodType
>([
  ["lzy/worker-entrypoint.sh", WorkerEntrypointData],
  ["docker-in-docker/modprobe.sh", z.strictObject({})],
]);
