// Path conventions shared by the CLI and the runtime.

/** The main file's path as CPython shows it: the cwd joined without normalising. */
export function mainPath(p: string): string {
  if (p.startsWith('/')) return p;
  return `${process.cwd().replace(/\/$/, '')}/${p}`;
}
