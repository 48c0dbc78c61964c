/**
 * Type-level tests of extend(): `tsc -p test/types` must pass, which it
 * does only if every `@ts-expect-error` below marks a real type error.
 * test/extend/types.test.ts runs it.
 */
import { published } from "@lzy-images/catalog";
import { describe, extend } from "@lzy-images/dsl";

import userDefaultJson from "../../dockerfiles/UserDefault.json" with { type: "json" };

const parent = published.userDefault;

// A valid extension compiles: parent envs, a new env, and "all".
extend(parent, {
  name: "ok",
  apt: ["libgl1"],
  newEnvs: [{ name: "torch", python: "3.11.9", pylzy: true }],
  install: [
    { envs: ["py39", "torch"], pip: ["pandas==2.2.2"] },
    { envs: "all", requirements: "requirements.txt" },
  ],
  workdir: "/work",
  files: [{ sources: ["src/"], dest: "/work/src/" }],
  user: { name: "analyst" },
  entrypoint: ["/bin/bash"],
});

// 1. Packages into an env the parent does not have.
// @ts-expect-error "py37" is not an env of user-default
extend(parent, { name: "a", install: [{ envs: ["py37"], pip: ["x"] }] });

// 2. An empty list of envs.
// @ts-expect-error envs must list at least one env
extend(parent, { name: "b", install: [{ envs: [], pip: ["x"] }] });

// 3. A new env with the name of an env the parent has.
// @ts-expect-error py39 already exists in user-default
extend(parent, { name: "c", newEnvs: [{ name: "py39", python: "3.9.7" }] });

// 4. A Python version without its patch part.
// @ts-expect-error Python versions have three parts
extend(parent, { name: "d", newEnvs: [{ name: "n", python: "3.11" }] });

// 5. A relative working directory.
// @ts-expect-error the working directory must be absolute
extend(parent, { name: "e", workdir: "work" });

// 6. A relative destination for files.
// @ts-expect-error file destinations must be absolute
extend(parent, { name: "f", files: [{ sources: ["a"], dest: "app/" }] });

// 7. An entrypoint in shell form.
// @ts-expect-error the entrypoint is an argv list, not a shell string
extend(parent, { name: "g", entrypoint: "/run.sh" });

// 8. An option that does not exist.
// @ts-expect-error `pipPackages` is not an option; `install` is
extend(parent, { name: "h", pipPackages: ["x"] });

// 9. An env that exists in another catalog image only.
extend(published.userTest, {
  name: "i",
  // @ts-expect-error user-test has only py39
  install: [{ envs: ["py38"], pip: ["x"] }],
});

// A pulled image's description keeps its env names as literal types.
const pulled = describe(userDefaultJson);
extend(pulled, { name: "j", install: [{ envs: ["default"], pip: ["x"] }] });
// @ts-expect-error "py310" is not an env of the described image
extend(pulled, { name: "k", install: [{ envs: ["py310"], pip: ["x"] }] });

// A description parsed at run time has unknown env names: any name
// compiles, and extend() or the build rejects a wrong one.
const unknownParent = describe(JSON.parse("{}") as unknown);
extend(unknownParent, { name: "l", install: [{ envs: ["any"], pip: ["x"] }] });
