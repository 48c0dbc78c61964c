/**
 * The built-in checks, each with a failing and a passing case, run on
 * models built from raw test blocks and located in the rendered files.
 */
import type { InstructionBody } from "@lzy-images/dsl";
import { checkFamily, formatFinding, looksLikeSecret } from "@lzy-images/lint";
import { describe, expect, it } from "vitest";

import { raw, rawImage, renderRaw } from "./support.js";

function run(commands: string[]): InstructionBody {
  return { kind: "RUN", commands };
}

/** Findings of the built-in checks for one raw image with these layers. */
function check(...layers: ReturnType<typeof raw>[]) {
  const { model, rendered } = renderRaw([rawImage(layers)]);
  const findings = checkFamily(model, rendered, (path) => `out/${path}`);
  const lines = rendered[0]!.dockerfile.content.split("\n");
  return { findings, lines };
}

describe("LZY001 undeclared variable", () => {
  it("reports a RUN variable nothing declares", () => {
    const { findings, lines } = check(raw("use", [run(['echo "$MISSING"'])]));
    expect(findings).toHaveLength(1);
    const finding = findings[0]!;
    expect(finding.code).toBe("LZY001");
    expect(finding.level).toBe("error");
    expect(finding.message).toContain("$MISSING");
    expect(finding.file).toBe("out/Raw.Dockerfile");
    expect(lines[finding.line - 1]).toBe('RUN echo "$MISSING"');
    expect(formatFinding(finding)).toMatch(
      /^out\/Raw\.Dockerfile:\d+ LZY001 error .* \(image raw, block raw use\)$/,
    );
  });

  it.each([
    ["an ARG", [{ kind: "ARG", name: "VERSION", value: "1" }]],
    ["an ENV", [{ kind: "ENV", vars: [{ name: "VERSION", value: "1" }] }]],
  ] as Array<[string, InstructionBody[]]>)(
    "accepts a variable declared by %s",
    (_, declaration) => {
      const { findings } = check(
        raw("declare", declaration),
        raw("use", [run(['echo "${VERSION}"'])]),
      );
      expect(findings).toEqual([]);
    },
  );

  it("accepts shell-local assignments and substitutions", () => {
    const { findings } = check(
      raw("local", [
        run([
          'case "$(uname -m)" in\n    x86_64) url=https://example.org/a; sha256=abc ;;\nesac',
          'echo "${sha256}  $url" "$HOME" "$PATH" $? $1',
          'for file in a b; do echo "$file"; done',
          "echo '$LITERAL' \\$ESCAPED",
        ]),
      ]),
    );
    expect(findings).toEqual([]);
  });

  it("reports a pre-FROM ARG used in a RUN", () => {
    // A family base is pulled as ${REGISTRY}/base, so REGISTRY is an ARG
    // before FROM: fine in the FROM line, empty in the stage's RUNs.
    const { model, rendered } = renderRaw([
      rawImage([], "base"),
      {
        name: "derived",
        file: "Derived.Dockerfile",
        from: { family: "base" },
        layers: [raw("use", [run(['echo "$REGISTRY"'])])],
      },
    ]);
    const findings = checkFamily(model, rendered, (path) => path);
    expect(findings.map((finding) => finding.code)).toEqual(["LZY001"]);
    expect(findings[0]!.message).toContain("visible only in FROM lines");
    expect(findings[0]!.file).toBe("Derived.Dockerfile");
  });

  it("reports a FROM variable declared after FROM", () => {
    const { findings } = check(
      raw("stage", [
        { kind: "ARG", name: "LATE", value: "ubuntu:22.04" },
        { kind: "FROM", image: "${LATE}" },
      ]),
    );
    expect(findings.map((finding) => finding.code)).toEqual(["LZY001"]);
    expect(findings[0]!.message).toContain("FROM uses $LATE");
  });

  it("accepts ENV inherited from a family base", () => {
    const { model, rendered } = renderRaw([
      rawImage(
        [raw("env", [{ kind: "ENV", vars: [{ name: "TOOL", value: "/t" }] }])],
        "base",
      ),
      {
        name: "derived",
        file: "Derived.Dockerfile",
        from: { family: "base" },
        layers: [raw("use", [run(['"$TOOL" --version'])])],
      },
    ]);
    expect(checkFamily(model, rendered, (path) => path)).toEqual([]);
  });
});

describe("LZY002 secret-like name", () => {
  it.each([
    ["ARG", { kind: "ARG", name: "GITHUB_TOKEN" }],
    ["ENV", { kind: "ENV", vars: [{ name: "dbPassword", value: "x" }] }],
  ] as Array<[string, InstructionBody]>)("reports a secret %s", (_, body) => {
    const { findings } = check(raw("secret", [body]));
    expect(findings.map((finding) => finding.code)).toEqual(["LZY002"]);
    expect(findings[0]!.level).toBe("warning");
  });

  it("accepts ordinary names", () => {
    const { findings } = check(
      raw("plain", [
        { kind: "ARG", name: "KEYRING_PATH", value: "/k" },
        { kind: "ENV", vars: [{ name: "MONKEY", value: "1" }] },
      ]),
    );
    expect(findings).toEqual([]);
  });

  it.each([
    ["API_KEY", true],
    ["AWS_SECRET_ACCESS_KEY", true],
    ["NPM_AUTHTOKEN", true],
    ["apiKey", true],
    ["PASSWD", true],
    ["KEYRING", false],
    ["TURKEY", false],
    ["DEBIAN_FRONTEND", false],
    ["WORKER_BASE_TAG", false],
  ])("looksLikeSecret(%s) is %s", (name, expected) => {
    expect(looksLikeSecret(name)).toBe(expected);
  });
});

describe("LZY003 bare conda activate", () => {
  it("reports conda activate without the hook", () => {
    const { findings } = check(
      raw("activate", [run(["conda activate py39", "python -V"])]),
    );
    expect(findings.map((finding) => finding.code)).toEqual(["LZY003"]);
    expect(findings[0]!.message).toContain("conda run -n NAME");
  });

  it.each([
    ['eval "$(conda shell.bash hook)"', "conda activate py39"],
    [". /opt/conda/etc/profile.d/conda.sh", "conda activate py39"],
    ["conda run -n py39 python -V", "true"],
  ])("accepts %s then %s", (first, second) => {
    const { findings } = check(raw("hooked", [run([first, second])]));
    expect(findings).toEqual([]);
  });
});

describe("LZY004 undeclared COPY source", () => {
  const copy: InstructionBody = {
    kind: "COPY",
    sources: ["inputs/data/"],
    dest: "/data/",
  };

  it("reports a source nobody declares", () => {
    const { findings } = check(raw("copy", [copy]));
    expect(findings.map((finding) => finding.code)).toEqual(["LZY004"]);
    expect(findings[0]!.message).toContain('"inputs/data/"');
  });

  it("accepts a declared external input", () => {
    const { findings } = check(raw("copy", [copy], ["inputs/data"]));
    expect(findings).toEqual([]);
  });

  it("accepts a path inside a declared input", () => {
    const inside: InstructionBody = {
      kind: "COPY",
      sources: ["inputs/data/train.csv"],
      dest: "/data/train.csv",
    };
    const { findings } = check(raw("copy", [inside], ["inputs/data/"]));
    expect(findings).toEqual([]);
  });
});
