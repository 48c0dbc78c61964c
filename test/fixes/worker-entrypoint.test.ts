/**
 * The worker's docker-in-docker entrypoint, run by bash against stand-in
 * `mount`, `dockerd`, `docker` and `java` programs. The cgroup folder,
 * /proc/self/cgroup and the dockerd log are replaced by paths in a
 * temporary folder, so the test changes nothing on the machine.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { REPO_ROOT, render } from "../support/render.js";

const worker = render().find((image) => image.image.name === "worker")!;
const SCRIPT = worker.contextFiles.find((file) =>
  file.path.endsWith("/entrypoint.sh"),
)!.content;

const FAKES: Record<string, string> = {
  mount: `echo "mount $*" >> "$LOG"`,
  dockerd: `echo "dockerd start" >> "$LOG"
touch "$DIR/dockerd.up"
trap 'echo "dockerd TERM" >> "$LOG"; rm -f "$DIR/dockerd.up"; exit 0' TERM
while :; do sleep 0.05; done`,
  docker: `[ "$1" = info ] && [ -e "$DIR/dockerd.up" ]`,
  java: `trap 'echo "java TERM" >> "$LOG"; exit 42' TERM
trap 'echo "java INT" >> "$LOG"; exit 43' INT
echo "java $*" >> "$LOG"
if [ -n "\${JAVA_EXIT:-}" ]; then exit "$JAVA_EXIT"; fi
while :; do sleep 0.05; done`,
};

interface Sandbox {
  readonly dir: string;
  readonly cgroup: string;
  readonly script: string;
  log(): string[];
}

function sandbox(procSelfCgroup = "0::/\n"): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), "lzy-entrypoint-"));
  const bin = join(dir, "bin");
  mkdirSync(bin);
  for (const [name, body] of Object.entries(FAKES)) {
    writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const cgroup = join(dir, "cgroup");
  mkdirSync(cgroup);
  writeFileSync(join(cgroup, "cgroup.controllers"), "cpu io memory pids\n");
  writeFileSync(join(cgroup, "cgroup.procs"), "1\n7\n");
  writeFileSync(join(dir, "self-cgroup"), procSelfCgroup);
  const script = join(dir, "entrypoint.sh");
  writeFileSync(
    script,
    SCRIPT.replaceAll("/sys/fs/cgroup", cgroup)
      .replaceAll("/proc/self/cgroup", join(dir, "self-cgroup"))
      .replaceAll("/var/log/dockerd.log", join(dir, "dockerd.log")),
  );
  const logPath = join(dir, "log");
  writeFileSync(logPath, "");
  return {
    dir,
    cgroup,
    script,
    log: () => readFileSync(logPath, "utf8").split("\n").filter(Boolean),
  };
}

interface Run {
  readonly status: number | null;
  readonly stderr: string;
}

/** Runs the script; `signal` is sent once java has started and traps are set. */
function run(
  box: Sandbox,
  options: { signal?: NodeJS.Signals; javaExit?: number } = {},
): Promise<Run> {
  const child = spawn("bash", [box.script, "--worker-arg"], {
    env: {
      ...process.env,
      PATH: `${join(box.dir, "bin")}:${process.env.PATH}`,
      LOG: join(box.dir, "log"),
      DIR: box.dir,
      JAVA_EXIT: options.javaExit === undefined ? "" : String(options.javaExit),
    },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Run>((resolve) =>
    child.on("exit", (status) => resolve({ status, stderr })),
  );
  if (options.signal !== undefined) {
    const signal = options.signal;
    // The script reports that its forwarding traps are set, and the fake
    // java logs once its own traps are; a signal sent before both would
    // meet a start-up trap or java's default action instead.
    const poll = setInterval(() => {
      const javaReady = box.log().some((line) => line.startsWith("java "));
      if (javaReady && stderr.includes("are forwarded to it")) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    void exited.then(() => clearInterval(poll));
  }
  return exited;
}

it("forwards SIGTERM to java", async () => {
  const box = sandbox();
  const result = await run(box, { signal: "SIGTERM" });
  expect(result.status).toBe(42);
  expect(box.log()).toContain("java TERM");
});

it("forwards SIGINT to java", async () => {
  const box = sandbox();
  const result = await run(box, { signal: "SIGINT" });
  expect(result.status).toBe(43);
  expect(box.log()).toContain("java INT");
});

it("stops dockerd after java exits", async () => {
  const box = sandbox();
  await run(box, { signal: "SIGTERM" });
  const log = box.log();
  expect(log.indexOf("dockerd TERM")).toBeGreaterThan(log.indexOf("java TERM"));
});

it("exits with the status of java", async () => {
  const box = sandbox();
  const result = await run(box, { javaExit: 3 });
  expect(result.status).toBe(3);
  expect(box.log()).toContain("dockerd TERM");
});

it("makes mounts rshared before dockerd", async () => {
  const box = sandbox();
  await run(box, { javaExit: 0 });
  const log = box.log();
  expect(log[0]).toBe("mount --make-rshared /");
  expect(log[1]).toBe("dockerd start");
});

it("passes arguments to java", async () => {
  const box = sandbox();
  await run(box, { javaExit: 0 });
  expect(box.log()).toContain(
    "java -Xmx4G -Dsun.jnu.encoding=UTF-8 -Dfile.encoding=UTF-8 -jar /app/app.jar --worker-arg",
  );
});

it("moves processes to a child cgroup", async () => {
  const box = sandbox();
  await run(box, { javaExit: 0 });
  const moved = readFileSync(
    join(box.cgroup, "entrypoint/cgroup.procs"),
    "utf8",
  );
  expect(moved).toBe("1\n7\n");
});

it("enables controllers for child cgroups", async () => {
  const box = sandbox();
  await run(box, { javaExit: 0 });
  const enabled = readFileSync(
    join(box.cgroup, "cgroup.subtree_control"),
    "utf8",
  );
  expect(enabled).toBe("+cpu +io +memory +pids\n");
});

it("leaves a host cgroup namespace alone", async () => {
  const box = sandbox("0::/system.slice/docker-1.scope\n");
  const result = await run(box, { javaExit: 0 });
  expect(result.status).toBe(0);
  expect(result.stderr).toContain("not at the root of a cgroup namespace");
  expect(existsSync(join(box.cgroup, "entrypoint"))).toBe(false);
  expect(existsSync(join(box.cgroup, "cgroup.subtree_control"))).toBe(false);
});

it("fails when dockerd exits at start", async () => {
  const box = sandbox();
  writeFileSync(join(box.dir, "bin/dockerd"), "#!/bin/bash\nexit 1\n");
  const result = await run(box);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("dockerd exited during start");
  expect(box.log().some((line) => line.startsWith("java "))).toBe(false);
});

it("fails on a read-only cgroup folder", async () => {
  const box = sandbox();
  // A regular file where the child cgroup goes makes mkdir fail, as a
  // read-only cgroup mount without --privileged does.
  writeFileSync(join(box.cgroup, "entrypoint"), "");
  const result = await run(box);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("run the container with --privileged");
  expect(box.log()).toEqual([]);
});

describe("wait_for_exit", () => {
  // The function as generated, run on its own in bash.
  const script = readFileSync(
    join(REPO_ROOT, "dockerfiles/worker/entrypoint.sh"),
    "utf8",
  );
  const start = script.indexOf("exit_status=0\nwait_for_exit()");
  const end = script.indexOf("\n}\n", start) + 3;
  const waitForExit = script.slice(start, end);

  function runBash(body: string) {
    return spawnSync("bash", ["-c", `${waitForExit}\n${body}`], {
      encoding: "utf8",
      timeout: 10_000,
    });
  }

  it("returns the status of a child", () => {
    const result = runBash('(exit 7) & wait_for_exit $!; echo "$exit_status"');
    expect(result.stdout.trim()).toBe("7");
  });

  it("waits again after a trapped signal", () => {
    const result = runBash(
      'trap "echo trapped" USR1; (sleep 1; exit 5) & child=$!; ' +
        '(sleep 0.3; kill -USR1 $$) & wait_for_exit "$child"; echo "$exit_status"',
    );
    expect(result.stdout.trim().split("\n")).toEqual(["trapped", "5"]);
  });

  it("returns for a process that is not a child", () => {
    // A live process that is not this shell's job, as a reused PID would be.
    const result = runBash(`wait_for_exit ${process.pid}; echo "$exit_status"`);
    expect(result.error).toBeUndefined();
    expect(result.stdout.trim()).toBe("127");
  });
});
