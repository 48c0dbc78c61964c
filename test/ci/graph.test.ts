/**
 * The Mermaid graph of the family: its nodes and edges, user images, and
 * the copy in the README that `generate --readme` keeps current.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { lzyFamily } from "@lzy-images/catalog";
import { buildFamily, external, image } from "@lzy-images/dsl";
import {
  bakeDocument,
  mermaidBlock,
  renderFamily,
  renderGraph,
  sectionMarkers,
} from "@lzy-images/generator";
import { describe, expect, it } from "vitest";

import { readRepoFile } from "../support/render.js";
import { cli, NO_LINT } from "./support.js";

const catalogGraph = renderGraph(buildFamily(lzyFamily));

/** Returns the lines of one subgraph, without its `subgraph` and `end` lines. */
function subgraph(graph: string, id: string): string[] {
  const lines = graph.split("\n");
  const start = lines.findIndex((line) => line.includes(`subgraph ${id}[`));
  const end = lines.findIndex(
    (line, index) => index > start && line.trim() === "end",
  );
  return lines.slice(start + 1, end).map((line) => line.trim());
}

/** The catalog with a user image built FROM user-default. */
const withUserImage = {
  ...lzyFamily,
  images: [
    ...lzyFamily.images,
    image({
      name: "trainer",
      file: "Trainer.Dockerfile",
      from: { family: "user-default" },
      layers: [],
    }),
    image({
      name: "notebook",
      file: "Notebook.Dockerfile",
      from: external("lzydock/user-default:ca24b1313cf0", {
        id: "ubuntu",
        version: "20.04",
      }),
      layers: [],
    }),
  ],
};

describe("image graph", () => {
  it("is a Mermaid flowchart", () => {
    expect(catalogGraph.startsWith("flowchart LR\n")).toBe(true);
  });

  it("shows the external bases", () => {
    expect(subgraph(catalogGraph, "external")).toEqual([
      'external_nvidia_cuda_11_2_2_cudnn8_devel_ubuntu20_04["nvidia/cuda:11.2.2-cudnn8-devel-ubuntu20.04"]',
      'external_ubuntu_xenial["ubuntu:xenial"]',
    ]);
  });

  it("groups bases and finals", () => {
    expect(subgraph(catalogGraph, "bases")).toEqual([
      'image_worker_base["worker-base<br/>Worker.Base.Dockerfile"]',
      'image_user_default_base["user-default-base<br/>UserDefault.Base.Dockerfile"]',
      'image_user_test_base["user-test-base<br/>UserTest.Base.Dockerfile"]',
    ]);
    expect(subgraph(catalogGraph, "finals")).toEqual([
      'image_worker["worker<br/>Worker.Dockerfile"]',
      'image_user_default["user-default<br/>UserDefault.Dockerfile"]',
      'image_user_test["user-test<br/>UserTest.Dockerfile"]',
    ]);
    expect(catalogGraph).not.toContain("subgraph users");
  });

  it("draws an edge per image", () => {
    const edges = catalogGraph
      .split("\n")
      .filter((line) => line.includes("-->"))
      .map((line) => line.trim());
    expect(edges).toEqual([
      "external_nvidia_cuda_11_2_2_cudnn8_devel_ubuntu20_04 --> image_worker_base",
      "image_worker_base --> image_worker",
      "external_nvidia_cuda_11_2_2_cudnn8_devel_ubuntu20_04 --> image_user_default_base",
      "image_user_default_base --> image_user_default",
      "external_ubuntu_xenial --> image_user_test_base",
      "image_user_test_base --> image_user_test",
    ]);
  });

  it("shows user images apart", () => {
    const graph = renderGraph(buildFamily(withUserImage));
    expect(subgraph(graph, "users")).toEqual([
      'image_trainer["trainer<br/>Trainer.Dockerfile"]',
      'image_notebook["notebook<br/>Notebook.Dockerfile"]',
    ]);
    expect(graph).toContain("image_user_default --> image_trainer");
    expect(graph).toContain(
      'external_lzydock_user_default_ca24b1313cf0["lzydock/user-default:ca24b1313cf0"]',
    );
    expect(subgraph(graph, "finals")).toContain(
      'image_user_default["user-default<br/>UserDefault.Dockerfile"]',
    );
  });

  it("draws a published parent as external", async () => {
    const result = await cli([
      "graph",
      "--config",
      "examples/pytorch-cuda/images.config.ts",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const [parent] = subgraph(result.stdout, "external");
    expect(parent).toMatch(
      /^external_lzydock_user_default_[0-9a-f]{12}\["lzydock\/user-default:[0-9a-f]{12}"\]$/,
    );
    expect(subgraph(result.stdout, "users")).toEqual([
      'image_torch_trainer["torch-trainer<br/>TorchTrainer.Dockerfile"]',
    ]);
    const id = parent!.split("[")[0];
    expect(result.stdout).toContain(`  ${id} --> image_torch_trainer\n`);
  });

  it("puts user images in their own bake group", () => {
    const model = buildFamily(withUserImage);
    const images = renderFamily(model, { regenerate: "test" });
    const bake = bakeDocument(model, images);
    expect(bake.group.users?.targets).toEqual(["trainer", "notebook"]);
    expect(bake.target.trainer?.contexts).toEqual({
      [`\${familiar_registry(REGISTRY)}/user-default:${images.find((i) => i.image.name === "user-default")!.tag}`]:
        "target:user-default",
    });
  });
});

describe("README graph", () => {
  it("matches the catalog", () => {
    const { start, end } = sectionMarkers("graph");
    const readme = readRepoFile("README.md");
    const section = readme.slice(
      readme.indexOf(start) + start.length + 1,
      readme.indexOf(end),
    );
    expect(section).toBe(mermaidBlock(catalogGraph));
  });

  it("is rewritten by generate --readme", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lzy-images-readme-"));
    const readme = join(dir, "README.md");
    const { start, end } = sectionMarkers("graph");
    writeFileSync(readme, `# Images\n\n${start}\nold\n${end}\n\nAfter.\n`);

    const result = await cli([
      "generate",
      "--out",
      join(dir, "out"),
      "--readme",
      readme,
      NO_LINT,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(readme, "utf8")).toBe(
      `# Images\n\n${start}\n${mermaidBlock(catalogGraph)}${end}\n\nAfter.\n`,
    );
    expect(result.stdout).toContain(`Updated the image graph in ${readme}`);
  });

  it("stops generate without markers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lzy-images-readme-"));
    writeFileSync(join(dir, "README.md"), "# Images\n");

    const result = await cli([
      "generate",
      "--out",
      join(dir, "out"),
      "--readme",
      join(dir, "README.md"),
      NO_LINT,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("lzy-images:graph start");
    // Nothing is written when the README cannot take the graph.
    expect(() => readFileSync(join(dir, "out", "tags.json"))).toThrow();
  });

  it("prints through lzy-images graph", async () => {
    const result = await cli(["graph"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(catalogGraph);
  });
});
