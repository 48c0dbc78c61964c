/**
 * Dockerfile instructions as plain data. Building blocks produce these;
 * the generator turns them into text. Values are kept unencoded here, so
 * that checks can read them and the renderer encodes each in one place.
 */

/** The origin of an instruction: the image, building block and spec path. */
export interface Provenance {
  /** Image name, such as `worker-base`. */
  readonly image: string;
  /** Building block name, such as `conda-env`. */
  readonly block: string;
  /** Short label that distinguishes instances of a block, such as `py39`. */
  readonly label?: string | undefined;
  /** Path of the layer in the image spec, such as `layers[7]`. */
  readonly path: string;
}

/** A lint rule waived for one instruction, with the reason written above it. */
export interface LintWaiver {
  readonly codes: readonly string[];
  readonly reason: string;
}

/** An environment variable or label value. */
export interface EnvValue {
  readonly name: string;
  readonly value: string;
  /**
   * When true, `$VAR` references in the value are expanded by the Dockerfile
   * parser (as in `PATH=/opt/bin:$PATH`); otherwise the value is literal.
   */
  readonly expand?: boolean | undefined;
}

/**
 * A value resolved only at render time: the content tag of another image
 * of the same run, known once that image has been rendered.
 */
export interface TagOf {
  readonly tagOf: string;
}

export type InstructionBody =
  | { readonly kind: "FROM"; readonly image: string; readonly stage?: string }
  | {
      readonly kind: "ARG";
      readonly name: string;
      readonly value?: string | TagOf | undefined;
    }
  | { readonly kind: "ENV"; readonly vars: readonly EnvValue[] }
  | { readonly kind: "LABEL"; readonly labels: readonly EnvValue[] }
  | {
      readonly kind: "RUN";
      /** Shell commands, already quoted, chained with `&&`. */
      readonly commands: readonly string[];
    }
  | {
      readonly kind: "COPY";
      readonly sources: readonly string[];
      readonly dest: string;
      /** Octal mode such as `0755`; needs BuildKit. */
      readonly chmod?: string | undefined;
      readonly chown?: string | undefined;
    }
  | { readonly kind: "SHELL"; readonly argv: readonly string[] }
  | { readonly kind: "VOLUME"; readonly paths: readonly string[] }
  | { readonly kind: "WORKDIR"; readonly path: string }
  | { readonly kind: "USER"; readonly user: string }
  | { readonly kind: "ENTRYPOINT"; readonly argv: readonly string[] }
  | { readonly kind: "CMD"; readonly argv: readonly string[] };

export type InstructionKind = InstructionBody["kind"];

/** Comment lines and a lint waiver written directly above an instruction. */
export interface InstructionNotes {
  readonly comments?: readonly string[] | undefined;
  readonly waiver?: LintWaiver | undefined;
}

/** An instruction with its notes and the place in the spec it came from. */
export type Instruction = InstructionBody &
  InstructionNotes & {
    readonly source: Provenance;
  };

/** A file that the generator writes into the build context. */
export interface ContextFile {
  /** Path relative to the build context, such as `worker/entrypoint.sh`. */
  readonly path: string;
  /** Unix mode of the file. */
  readonly mode: number;
  /** Template name under `templates/context/`, rendered with `data`. */
  readonly template: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly source: Provenance;
}
