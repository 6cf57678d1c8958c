// Command lines: each script declares its options and its usage text once, here parsed strictly
// (node:util parseArgs) with the same two behaviours everywhere:
// - `--help` (or `-h`) prints the usage on stdout and exits 0, having done nothing else;
// - a wrong argument (an unknown option, a missing value, a positional too many or too few) prints
//   the problem and the usage on stderr and exits 2. `usageError` does the same for a problem found
//   after parsing (a value out of range).
//
// Use:
//
//   const USAGE = `usage: node dist/src/thing.js [--out FILE] INPUT
//     --out FILE   where to write (default out.json)`;
//   const { values, positionals } = parseCommandLine({
//     usage: USAGE,
//     options: { out: { type: "string", default: "out.json" } },
//     positionals: { min: 1, max: 1 },
//   });
//   if (!/\.json$/.test(positionals[0])) usageError(USAGE, "INPUT must be a .json file");
//
// Parse before doing anything (opening a database, reading a file): then `--help` changes nothing.
import { parseArgs, type ParseArgsConfig } from "node:util";

type OptionSpec = NonNullable<ParseArgsConfig["options"]>;
type WithHelp<O extends OptionSpec> = O & { help: { type: "boolean"; short: "h" } };

export interface CommandLine<O extends OptionSpec> {
  /** The whole usage text: the first line `usage: ...`, then one line per option. */
  usage: string;
  /** parseArgs options (`--help`/`-h` is added). */
  options?: O;
  /** How many positional arguments are allowed (default: none). */
  positionals?: { min?: number; max?: number };
  /** The arguments (default: process.argv after the script). */
  args?: string[];
}

/** Prints `message` and the usage on stderr and exits 2 (a wrong command line). */
export function usageError(usage: string, message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

/** Parses the command line strictly; exits 0 after printing the usage on --help, 2 on a wrong argument. */
export function parseCommandLine<O extends OptionSpec = Record<never, never>>(spec: CommandLine<O>) {
  const options = { ...spec.options, help: { type: "boolean", short: "h" } } as WithHelp<O>;
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: WithHelp<O>; strict: true; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args: spec.args ?? process.argv.slice(2), options, strict: true, allowPositionals: true });
  } catch (error) {
    usageError(spec.usage, error instanceof Error ? error.message : String(error));
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${spec.usage}\n`);
    process.exit(0);
  }
  const { min = 0, max = 0 } = spec.positionals ?? {};
  const count = parsed.positionals.length;
  if (count > max)
    usageError(
      spec.usage,
      max === 0
        ? `Unexpected argument '${parsed.positionals[0]}': this command takes none.`
        : `Unexpected argument '${parsed.positionals[max]}': at most ${max} expected.`,
    );
  if (count < min) usageError(spec.usage, `Missing argument: ${min} expected, got ${count}.`);
  return parsed;
}
