/**
 * The user block: numeric USER, and the uid that newer Ubuntu images
 * already use.
 */
import {
  SpecError,
  buildFamily,
  external,
  family,
  image,
  user,
} from "@lzy-images/dsl";
import { renderFamily } from "@lzy-images/generator";
import { expect, it } from "vitest";

function build(base: string, uid?: number) {
  const spec = family({
    registry: "example",
    images: [
      image({
        name: "user-test",
        file: "User.Dockerfile",
        from: external(base),
        layers: [user({ name: "analyst", uid })],
      }),
    ],
  });
  return renderFamily(buildFamily(spec), { regenerate: "test" })[0]!.dockerfile
    .content;
}

it("switches to numeric ids", () => {
  const text = build("ubuntu:20.04");
  expect(text).toContain("USER 1000:1000\n");
  expect(text).toContain("--uid 1000 --gid 1000 analyst");
});

it("rejects uid 1000 on Ubuntu 24.04", () => {
  expect(() => build("ubuntu:24.04")).toThrow(SpecError);
  expect(() => build("ubuntu:24.04")).toThrow(
    /user-test\.layers\[0\]\.uid: Ubuntu 24\.04 images already have user "ubuntu"/,
  );
});

it("accepts another uid on Ubuntu 24.04", () => {
  expect(build("ubuntu:24.04", 1001)).toContain("USER 1001:1001\n");
});
