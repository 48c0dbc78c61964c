/**
 * Schemas for values that end up in a shell command or a Dockerfile, each
 * checked against its grammar before it is quoted.
 */
import semver from "semver";
import { z } from "zod";

/** Debian package name (Debian Policy 5.6.1): lowercase, digits, `+ - .`. */
const DEBIAN_NAME = "[a-z0-9][a-z0-9+.-]+";
/** Debian version: `[epoch:]upstream[-revision]` (Debian Policy 5.6.12). */
const DEBIAN_VERSION = "(?:[0-9]+:)?[A-Za-z0-9][A-Za-z0-9.+~-]*";

/** An apt package, optionally pinned: `curl` or `curl=7.68.0-1ubuntu2`. */
export const AptPackage = z
  .string()
  .regex(
    new RegExp(`^${DEBIAN_NAME}(?:=${DEBIAN_VERSION})?$`),
    "invalid Debian package: expected `name` or `name=version` (lowercase name, Debian version)",
  );

/** Environment variable name as POSIX shells accept it. */
export const EnvName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    "invalid variable name: expected letters, digits and `_`, not starting with a digit",
  );

/**
 * A value that fits on one Dockerfile line. Quoting makes any other
 * character safe, but a line break ends the instruction (a backslash before
 * it joins the next line instead), and no Dockerfile syntax encodes one.
 */
export const SingleLine = z
  .string()
  .regex(
    /^[^\n\r\0]*$/,
    "a Dockerfile value cannot contain a line break or NUL character: split the value, or set it when the container starts",
  );

/**
 * Characters a path cannot contain. COPY, WORKDIR and VOLUME expand `$`
 * and strip quotes and backslashes even in their JSON form, and a control
 * character breaks the line, so no quoting keeps these intact.
 */
const UNSAFE_PATH_CHARACTER = /[\x00-\x1f\x7f$'"`\\]/;

const UNSAFE_PATH_MESSAGE =
  "a path cannot contain control characters, `$`, quotes, backquotes or backslashes: Dockerfile instructions expand or strip them";

/** Absolute path inside the image; spaces are allowed. */
export const ImagePath = z
  .string()
  .regex(/^\//, "invalid path: expected an absolute path, such as `/app`")
  .refine((path) => !UNSAFE_PATH_CHARACTER.test(path), UNSAFE_PATH_MESSAGE)
  .refine(
    (path) => path.trim() === path,
    "a path cannot start or end with whitespace",
  );

/** Path relative to the build context; it cannot leave the context. */
export const ContextPath = z
  .string()
  .regex(
    /^[^/\s]/,
    "invalid context path: expected a relative path, such as `inputs/app.jar`",
  )
  .refine((path) => !UNSAFE_PATH_CHARACTER.test(path), UNSAFE_PATH_MESSAGE)
  .refine(
    (path) => path.trim() === path,
    "a path cannot start or end with whitespace",
  )
  .refine(
    (path) => !path.split("/").includes(".."),
    "a context path cannot contain `..`",
  );

/** Lowercase hex sha256 digest. */
export const Sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "invalid sha256: expected 64 lowercase hex digits");

/** A full semver version, such as `20.10.9`. */
export const Version = z
  .string()
  .refine(
    (value) => semver.valid(value) === value,
    "invalid version: expected MAJOR.MINOR.PATCH, such as `1.2.3`",
  );

/**
 * Newest Python minor accepted. A later minor would fail only in `conda
 * create`, so it is rejected here.
 * NOTE: 3.15 is an estimate of the newest release in December 2026, from
 * Python's yearly October releases. Raise it with each new minor.
 */
export const NEWEST_PYTHON_MINOR = 15;

/** A full Python version, such as `3.9.7`; two-part versions are ambiguous. */
export const PythonVersion = z
  .string()
  .regex(
    /^3\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)$/,
    "invalid Python version: expected 3.MINOR.PATCH without leading zeros, such as `3.9.7`",
  )
  .refine(
    (version) => Number(version.split(".")[1]) <= NEWEST_PYTHON_MINOR,
    `unknown Python version: the newest release is 3.${NEWEST_PYTHON_MINOR}, so use 3.${NEWEST_PYTHON_MINOR} or older, such as \`3.12.4\``,
  );

/** A semver range, such as `>=3.8`. */
export const VersionRange = z
  .string()
  .refine(
    (value) => semver.validRange(value) !== null,
    "invalid version range: expected a semver range, such as `>=3.8`",
  );

/** conda environment name; `base` is the installation itself. */
export const CondaEnvName = z
  .string()
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/,
    "invalid conda env name: expected letters, digits, `_`, `.` and `-`",
  )
  .refine(
    (name) => name !== "base",
    "`base` is the conda installation itself, not an env",
  );

const PEP508_NAME = "[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?";
// PEP 508 allows spaces and tabs between parts; `\s` would also let a
// line break through, which no RUN line can carry.
const PEP508_EXTRAS = `\\[[ \\t]*${PEP508_NAME}(?:[ \\t]*,[ \\t]*${PEP508_NAME})*[ \\t]*\\]`;
const PEP440_CLAUSE = "(?:===|==|!=|~=|<=|>=|<|>)[ \\t]*[A-Za-z0-9.*+!_-]+";
const PEP508_MARKER = `;[A-Za-z0-9_.'" <>=!~(),-]+`;

/**
 * A pip requirement in PEP 508 form without URLs, such as
 * `catboost>=1.0.3` or `torch[cuda]==2.1.0; python_version>="3.8"`.
 */
export const PipRequirement = z
  .string()
  .regex(
    new RegExp(
      `^${PEP508_NAME}[ \\t]*(?:${PEP508_EXTRAS})?[ \\t]*(?:${PEP440_CLAUSE}(?:[ \\t]*,[ \\t]*${PEP440_CLAUSE})*)?[ \\t]*(?:${PEP508_MARKER})?$`,
    ),
    "invalid pip requirement: expected PEP 508 `name[extras]<op>version`, such as `catboost>=1.0.3`",
  );

/** A conda package spec, such as `numpy` or `numpy=1.26.4` or `cudatoolkit>=11.2`. */
export const CondaPackage = z
  .string()
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]*(?:(?:==?|>=|<=|>|<|!=)[A-Za-z0-9_.*+]+(?:,(?:==?|>=|<=|>|<|!=)[A-Za-z0-9_.*+]+)*)?$/,
    "invalid conda package: expected `name` or `name=version`, such as `numpy=1.26.4`",
  );

/** An https URL on one line. */
export const HttpsUrl = z
  .string()
  .regex(
    /^https:\/\/[^\s'"`$\\]+$/,
    "invalid URL: expected an https URL without spaces, quotes or `$`",
  );

/** Octal file mode, such as `0755`. */
export const FileMode = z
  .string()
  .regex(/^0?[0-7]{3}$/, "invalid mode: expected octal digits, such as `0755`");
