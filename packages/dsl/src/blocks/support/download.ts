/**
 * Downloads checked by sha256 before use. The digest is chosen per machine
 * architecture inside the RUN, so one Dockerfile serves every platform that
 * has a published digest, and any other platform fails with a message.
 */
import type { BlockContext } from "../../model/block.js";
import { quoteWord } from "../../quoting/shell.js";

/** Architecture names as `uname -m` prints them, mapped per publisher. */
export type UnameArch = "x86_64" | "aarch64" | "armv7l" | "armv6l";

export interface ArchDownload {
  /** Value of `uname -m` in the build container. */
  readonly uname: UnameArch;
  readonly url: string;
  readonly sha256: string;
}

/**
 * Returns the tool used for downloads: curl when an earlier apt step
 * installed it, else wget. Reports a problem when neither is present, or
 * when `ca-certificates` is missing and the download uses https.
 */
export function downloader(
  context: BlockContext,
  purpose: string,
): "curl" | "wget" | undefined {
  const packages = context.state.aptPackages;
  if (!packages.has("ca-certificates")) {
    context.problem(
      "",
      `${purpose} downloads over https and needs apt package \`ca-certificates\``,
      undefined,
      "add ca-certificates to an apt-packages layer before this one",
    );
  }
  if (packages.has("curl")) {
    return "curl";
  }
  if (packages.has("wget")) {
    return "wget";
  }
  context.problem(
    "",
    `${purpose} needs \`curl\` or \`wget\` to download files`,
    undefined,
    "add curl (or wget) to an apt-packages layer before this one",
  );
  return undefined;
}

/** Builds a command that downloads `url` (may contain `$var` references) to `dest`. */
export function fetchCommand(
  tool: "curl" | "wget",
  url: string,
  dest: string,
): string {
  const target = `"${url}"`;
  return tool === "curl"
    ? `curl -fsSL -o ${quoteWord(dest)} ${target}`
    : `wget -q -O ${quoteWord(dest)} ${target}`;
}

/**
 * Shell that sets `$url` and `$sha256` from `uname -m`, or fails the build
 * on an architecture without a published digest.
 */
export function selectByArch(
  what: string,
  downloads: readonly ArchDownload[],
): string {
  const cases = downloads.map(
    (download) =>
      `    ${download.uname}) url=${quoteWord(download.url)}; sha256=${download.sha256} ;;`,
  );
  const supported = downloads.map((download) => download.uname).join(", ");
  return [
    'case "$(uname -m)" in',
    ...cases,
    `    *) echo "no verified ${what} download for $(uname -m); supported: ${supported}" >&2; exit 1 ;;`,
    "esac",
  ].join("\n");
}

/** Checks the downloaded file against the digest selected by `selectByArch`. */
export function verifyCommand(file: string): string {
  return `echo "\${sha256}  ${file}" | sha256sum -c -`;
}
