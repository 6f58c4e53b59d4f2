// Command-line interface: `edgepyc run|profile|disasm|build|repl`.
//
// Parses options with commander and dispatches. Interpreter jobs run on a worker thread
// with a large stack (see worker.ts). Usage errors (missing files, bad options) print one
// line and exit with status 2; compile errors print a CPython-style SyntaxError and exit
// with status 1; a program's own exit status is passed through.

import { Command, CommanderError, Option } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Job } from './jobs.js';
import type { CodeObject } from './bytecode/code.js';
import type { Profile } from './interp/profile.js';
import { mainPath } from './paths.js';

const VERSION = '0.1.0';

/** A usage error: reported as the one line `edgepyc: error: MSG (see 'edgepyc CMD --help')`, exit status 2. */
class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose --help to point at; null when help would not help (a missing file). */
    readonly helpFor: string | null = null,
  ) {
    super(message);
  }
}

function fail(msg: string, helpFor: string | null = null): never {
  throw new UsageError(msg, helpFor);
}

/** The one line printed for a usage error. */
export function usageLine(e: UsageError): string {
  const hint = e.helpFor === null ? '' : ` (see 'edgepyc ${e.helpFor === '' ? '' : `${e.helpFor} `}--help')`;
  return `edgepyc: error: ${e.message}${hint}\n`;
}

/**
 * Commander reports its own parse errors (unknown option or command, missing or excess
 * arguments, invalid choice) through the exit callback; turn them into UsageErrors naming the
 * command, so every usage error prints through the same one-line path. Help and version
 * output are not errors and pass through.
 */
function oneLineErrors(cmd: Command, name: string): Command {
  return cmd.exitOverride((e: CommanderError) => {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') throw e;
    throw new UsageError(e.message.replace(/^error: /, ''), name);
  });
}

/** errno numbers and strerror texts (Linux, glibc) of the failures opening an input can hit. */
const OPEN_ERRORS = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EIO: [5, 'Input/output error'],
  EACCES: [13, 'Permission denied'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
} as const satisfies Record<string, readonly [number, string]>;

function openErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code !== undefined && Object.hasOwn(OPEN_ERRORS, code)) {
    const [n, text] = OPEN_ERRORS[code as keyof typeof OPEN_ERRORS];
    return `[Errno ${n}] ${text}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Refuse an input that is missing, a directory or unreadable, as CPython's `python3 FILE` words it. */
function checkInput(file: string): void {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    fail(`can't open file '${file}': ${openErrorText(e)}`);
  }
  if (st.isDirectory()) fail(`can't open file '${file}': ${openErrorText({ code: 'EISDIR' })}`);
  try {
    readFileSync(file);
  } catch (e) {
    fail(`can't open file '${file}': ${openErrorText(e)}`);
  }
}

/**
 * Refuse (one line, exit 2) an output path that cannot be written: its directory is missing,
 * or the path is a directory. `what` names the output in the message ('profile', 'file').
 */
function checkOutput(path: string, what: string): void {
  const outDir = dirname(resolve(path));
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) fail(`can't write ${what} '${path}': no such directory '${outDir}'`);
  if (existsSync(path) && statSync(path).isDirectory()) fail(`can't write ${what} '${path}': ${openErrorText({ code: 'EISDIR' })}`);
}

/** Run a job on a worker thread with a big stack; resolves to the exit status. */
export function runInWorker(job: Job): Promise<number> {
  return new Promise((resolvePromise) => {
    const w = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: job,
      resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: 8192 },
      stdout: false,
      stderr: false,
    });
    let code: number | null = null;
    w.on('message', (m: { exitCode: number }) => {
      code = m.exitCode;
    });
    w.on('error', (e) => {
      process.stderr.write(`edgepyc: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      code = 70;
    });
    w.on('exit', () => resolvePromise(code ?? 70));
  });
}

/** Refuse (one line, exit 2) a profile that is missing or not a readable edgepyc profile. */
async function checkProfile(path: string): Promise<void> {
  if (!existsSync(path)) fail(`can't open profile '${path}'`);
  const { readProfile } = await import('./interp/profile.js');
  try {
    readProfile(path);
  } catch (e) {
    const why = e instanceof SyntaxError ? 'not valid JSON' : e instanceof Error ? e.message.replace(`${path}: `, '') : String(e);
    fail(`can't read profile '${path}': ${why}`);
  }
}

function parseIntOption(v: string, name: string, command: string): number {
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) fail(`option '${name}' expects a positive integer, got '${v}'`, command);
  return n;
}

/** The compiler pieces, loaded only by commands that compile in this thread. */
async function frontEnd() {
  const [{ CompileError, renderCompileError }, { compileModule }, { Source }, { disassemble }, { setUnicodeNameLookup }, { lookupName }, prof, ops] = await Promise.all([
    import('./diagnostics.js'),
    import('./compiler/codegen.js'),
    import('./frontend/source.js'),
    import('./bytecode/disasm.js'),
    import('./frontend/strlit.js'),
    import('./unicode/index.js'),
    import('./interp/profile.js'),
    import('./bytecode/ops.js'),
  ]);
  setUnicodeNameLookup(lookupName);
  const compileFile = (file: string): CodeObject => compileModule(new Source(mainPath(file), readFileSync(file, 'utf8')));
  return { CompileError, renderCompileError, compileFile, disassemble, readProfile: prof.readProfile, profileKey: prof.profileKey, OPS: ops.OPS };
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  let result = 0;
  program
    .name('edgepyc')
    .description('Compile Python 3 programs to standalone static x86-64 Linux executables, or run them.')
    .version(VERSION, '-V, --version')
    .enablePositionalOptions();
  // Errors are printed by the catch below (one line); subcommands inherit this at creation.
  program.configureOutput({ outputError: () => {} });
  oneLineErrors(program, '');

  oneLineErrors(program.command('run'), 'run')
    .description('run a program in the built-in interpreter')
    .argument('<file>', 'the Python file to run')
    .argument('[args...]', 'arguments passed to the program as sys.argv[1:]')
    .option('--stats', 'print specialization statistics to stderr at exit')
    .option('--jit', 'compile to machine code and run it in this process (the native backend)')
    .option('--use-profile <profile>', 'with --jit: specialize by this profile')
    .passThroughOptions()
    .action(async (file: string, args: string[], opts: { stats?: boolean; jit?: boolean; useProfile?: string }) => {
      checkInput(file);
      if (opts.useProfile !== undefined && opts.jit !== true) fail('--use-profile needs --jit (the interpreter does not use a profile)', 'run');
      if (opts.jit === true) {
        if (opts.useProfile !== undefined) await checkProfile(opts.useProfile);
        const { runJitCommand } = await import('./native/command.js');
        result = await runJitCommand(file, args, opts.useProfile ?? null);
        return;
      }
      result = await runInWorker({ kind: 'run', file, args, stats: opts.stats === true });
    });

  oneLineErrors(program.command('build'), 'build')
    .description('compile a program to a standalone static x86-64 Linux executable')
    .argument('<file>', 'the Python file to compile')
    .argument('[args...]', 'with --profile: arguments for the profiling run (after --)')
    .option('-o, --output <file>', 'the executable to write (default: the input name without .py)')
    .option('--profile', 'first run the program in the interpreter (with the arguments after --), merge its type profile into <output>.profile, then build specialized by it')
    .option('--use-profile <profile>', 'build specialized by this profile')
    .addOption(new Option('--emit <kind>', 'what to produce: an executable, or the stitched code as text (to -o, or stdout when -o is -)').choices(['exe', 'asm']).default('exe'))
    .option('-v, --verbose', 'print the output size and build time')
    .action(async (file: string, args: string[], opts: { output?: string; profile?: boolean; useProfile?: string; emit: 'exe' | 'asm'; verbose?: boolean }) => {
      checkInput(file);
      if (opts.profile === true && opts.useProfile !== undefined) fail('--profile and --use-profile cannot be combined', 'build');
      if (opts.profile !== true && args.length > 0) fail(`unexpected arguments ${args.map((x) => `'${x}'`).join(' ')} (program arguments go after --profile --)`, 'build');
      if (opts.useProfile !== undefined) await checkProfile(opts.useProfile);
      const defaultOut = opts.emit === 'asm' ? '-' : file.replace(/\.py$/, '') === file ? `${file}.out` : file.replace(/\.py$/, '');
      const output = opts.output ?? defaultOut;
      if (output !== '-') checkOutput(output, opts.emit === 'asm' ? 'listing' : 'executable');
      let profilePath = opts.useProfile ?? null;
      if (opts.profile === true) {
        profilePath = `${output === '-' ? file.replace(/\.py$/, '') : output}.profile`;
        const status = await runInWorker({ kind: 'profile', file, args, out: profilePath, budget: null });
        if (status !== 0) process.stderr.write(`edgepyc: note: the profiling run exited with status ${status}\n`);
      }
      const { buildCommand } = await import('./native/command.js');
      try {
        result = buildCommand({ file, output, profilePath, emit: opts.emit, verbose: opts.verbose === true });
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('refusing')) fail(e.message);
        throw e;
      }
    });

  oneLineErrors(program.command('profile'), 'profile')
    .description('run a program in the interpreter and write (or merge into) its type profile')
    .argument('<file>', 'the Python file to profile')
    .argument('[args...]', 'arguments for the program (after --)')
    .requiredOption('-o, --output <profile>', 'profile file to write or merge into')
    .option('--budget <instructions>', 'stop profiling after this many bytecode instructions')
    // No pass-through: options may follow the file (`profile app.py -o app.profile -- a b`);
    // the program's own arguments go after `--`.
    .action(async (file: string, args: string[], opts: { output: string; budget?: string }) => {
      checkInput(file);
      const budget = opts.budget === undefined ? null : parseIntOption(opts.budget, '--budget', 'profile');
      checkOutput(opts.output, 'profile');
      result = await runInWorker({ kind: 'profile', file, args, out: opts.output, budget });
    });

  oneLineErrors(program.command('disasm'), 'disasm')
    .description('show the compiled form of a program: per function, source lines, bytecode and x86-64 side by side')
    .argument('<file>', 'the Python file')
    .option('--bytecode', 'show only the bytecode listing (with specializations from --profile)')
    .option('--profile <profile>', 'show specialized instructions recorded in a profile')
    .option('--function <name>', 'only this function (qualified name)')
    .action(async (file: string, opts: { bytecode?: boolean; profile?: string; function?: string }) => {
      checkInput(file);
      if (opts.profile !== undefined) await checkProfile(opts.profile);
      if (opts.bytecode !== true) {
        // Source lines, bytecode and the stitched x86-64 of each function (src/disasm/native.ts).
        const { disasmCommand } = await import('./disasm/command.js');
        result = disasmCommand({ file, profilePath: opts.profile ?? null, function: opts.function });
        return;
      }
      const fe = await frontEnd();
      let co: CodeObject;
      try {
        co = fe.compileFile(file);
      } catch (e) {
        if (e instanceof fe.CompileError) {
          process.stderr.write(fe.renderCompileError(e));
          result = 1;
          return;
        }
        throw e;
      }
      if (opts.profile !== undefined) {
        if (!existsSync(opts.profile)) fail(`can't open profile '${opts.profile}'`);
        let prof: Profile;
        try {
          prof = fe.readProfile(opts.profile);
        } catch (e) {
          fail(e instanceof Error ? e.message : String(e));
        }
        applyProfile(co, prof, fe.profileKey, fe.OPS);
      }
      const all: CodeObject[] = [];
      const walk = (c: CodeObject): void => {
        all.push(c);
        for (const k of c.consts) if (k.k === 'code') walk(k.code);
      };
      walk(co);
      const chosen = opts.function === undefined ? [co] : all.filter((c) => c.qualname === opts.function || c.name === opts.function);
      if (chosen.length === 0) fail(`no function named '${opts.function}' in ${file}`);
      for (const c of chosen) process.stdout.write(fe.disassemble(c, { recursive: opts.function === undefined }));
    });

  oneLineErrors(program.command('repl'), 'repl')
    .description('interactive console: run Python line by line; :jit, :disasm and :time show and time the native code (:help)')
    .action(async () => {
      const { runRepl } = await import('./repl/repl.js');
      result = await runRepl({ banner: `edgepyc ${VERSION} (Python 3.11 subset) on ${process.platform}\nType :help for commands, Ctrl-D to leave.` });
    });

  try {
    // Commander answers a bare `edgepyc` with the whole help on stderr; a usage error is one line.
    if (argv.length <= 2) fail(`no command given (one of ${program.commands.map((c) => c.name()).join(', ')})`, '');
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(usageLine(e));
      return 2;
    }
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    throw e;
  }
  void Option;
  return result;
}

/** Rewrite a freshly compiled code tree's ops to the specialized forms of a profile. */
function applyProfile(co: CodeObject, prof: Profile, keyOf: (c: CodeObject) => string, ops: readonly { name: string }[]): void {
  const opByName = new Map<string, number>(ops.map((d, i) => [d.name, i]));
  const walk = (c: CodeObject): void => {
    const p = prof.codes[keyOf(c)];
    if (p !== undefined && p.ops.length === c.ops.length) {
      for (let i = 0; i < c.ops.length; i++) {
        const n = opByName.get(p.ops[i]);
        if (n !== undefined) c.ops[i] = n;
      }
    }
    for (const k of c.consts) if (k.k === 'code') walk(k.code);
  };
  walk(co);
}
