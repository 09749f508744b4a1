// A small argument parser: positionals, --flag, --option VALUE. Options that take a value are listed.
const VALUE_OPTIONS = new Set(['db', 'out', 'submission', 'query', 'port']);

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (VALUE_OPTIONS.has(name)) {
        const value = inline ?? argv[++i];
        if (value !== undefined) out.options.set(name, value);
      } else out.flags.add(name);
    } else out.positional.push(a);
  }
  return out;
}
