/**
 * Python versions supported by packages the DSL installs, as semver ranges
 * over full Python versions. Each entry names where its range comes from.
 */
import semver from "semver";

export interface PythonRangeEntry {
  /** Package version, such as `1.15.0`. */
  readonly version: string;
  /** Supported Python versions as a semver range, such as `>=3.8.0`. */
  readonly python: string;
  /** Source that publishes the range. */
  readonly source: string;
}

const KNOWN_RANGES: Readonly<Record<string, readonly PythonRangeEntry[]>> = {
  pylzy: [
    {
      version: "1.15.0",
      python: ">=3.8.0",
      // Python 3.7 support was dropped in September 2023.
      source: 'python_requires=">=3.8" in lambdazy/lzy pylzy/setup.py',
    },
  ],
};

/** Returns the Python range of a package version from the table above, if listed. */
export function knownPythonRange(
  pkg: string,
  version: string,
): PythonRangeEntry | undefined {
  return KNOWN_RANGES[pkg.toLowerCase()]?.find(
    (entry) => entry.version === version,
  );
}

/** Returns true when a full Python version such as `3.9.7` is in the range. */
export function pythonAdmits(range: string, python: string): boolean {
  return semver.satisfies(python, range);
}
