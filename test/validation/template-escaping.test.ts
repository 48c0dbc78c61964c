/**
 * Values with `&&`, `<`, `>`, quotes, `=` and backquotes go through the
 * handlebars templates as the exact characters: escaping for the shell
 * and for JSON is done in code, and no HTML entity reaches any file.
 */
import {
  aptPackages,
  contextScript,
  entrypoint,
  envVars,
} from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

import {
  HTML_ENTITY,
  allOutput,
  argumentsOf,
  bash,
  oneImage,
  renderSpec,
} from "../properties/support.js";

const TRICKY = `a && b <in> 'single' "double" key=value \`date\``;

describe("template output", () => {
  const images = renderSpec(
    oneImage([
      aptPackages({ packages: ["ca-certificates"] }),
      envVars({ vars: { TRICKY } }),
      contextScript({
        name: "run.sh",
        template: "lzy/worker-entrypoint.sh",
        dest: "/run.sh",
        data: {
          startDocker: false,
          dockerdTimeoutSeconds: 0,
          jar: "/app/a&b=<c>.jar",
          javaOptions: [`-Dtricky=${TRICKY}`, "-Xmx1G"],
        },
      }),
      entrypoint({ argv: ["/run.sh", TRICKY] }),
    ]),
  );
  const dockerfile = images[0]!.dockerfile.content;
  const script = images[0]!.contextFiles[0]!.content;

  it("writes no HTML entity in any file", () => {
    expect(allOutput(images)).not.toMatch(HTML_ENTITY);
  });

  it("keeps the value of an ENV line", () => {
    const [assignment] = argumentsOf(dockerfile, "ENV");
    expect(bash(`export ${assignment}; printf '%s' "$TRICKY"`)).toBe(TRICKY);
  });

  it("keeps exec-form arguments as JSON", () => {
    const [form] = argumentsOf(dockerfile, "ENTRYPOINT");
    expect(JSON.parse(form!)).toEqual(["/run.sh", TRICKY]);
  });

  it("keeps shell words of a rendered script", () => {
    const execLine = script
      .split("\n")
      .find((line) => line.startsWith("exec java"))!;
    // `exec` is dropped and `java` replaced by a function printing argv.
    const argv = bash(
      `java() { printf '%s\\0' "$@"; }; ${execLine.replace(/^exec /, "")} extra`,
    );
    expect(argv.split("\0").slice(0, -1)).toEqual([
      `-Dtricky=${TRICKY}`,
      "-Xmx1G",
      "-jar",
      "/app/a&b=<c>.jar",
      "extra",
    ]);
  });
});
