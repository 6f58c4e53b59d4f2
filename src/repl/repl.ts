// `edgepyc repl`: the interactive console (main thread: line editing, history, colours,
// commands; Python runs in worker.ts).
//
// Behaves like CPython's REPL where they overlap: `>>> ` and `... ` prompts, a block runs
// after the empty line that closes it (input.ts), expression results echo their repr,
// an exception prints its traceback and the session goes on, Ctrl-C drops the current
// input ("KeyboardInterrupt"), Ctrl-D on an empty line (or end of input) ends the session
// with status 0, and SystemExit ends it with its code. Line editing and history come from
// node:readline; history is kept in $EDGEPYC_HISTORY (default ~/.edgepyc_history).
// On a terminal (and unless NO_COLOR is set non-empty) the line being edited is redrawn with syntax colours
// after each key. Commands start with ':' at the primary prompt (see HELP).

import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { highlight, type InputState } from './input.js';
import type { ReplReply, ReplRequest } from './worker.js';

export const HELP = `Commands (at the >>> prompt):
  :help          this text
  :disasm NAME   source, bytecode and x86-64 of function NAME, side by side
  :jit NAME      compile function NAME to machine code now; say where and how large
  :time EXPR     evaluate EXPR in the interpreter and as JIT-compiled code; compare the times
  :quit          leave (also Ctrl-D, or exit())
Blocks (def, class, if, for...) end with an empty line. Ctrl-C drops the current input.
:jit, :disasm and :time compile a native copy of the session's definitions (def, class,
import and assignments that ran without error).
`;

const HISTORY_SIZE = 1000;

export interface ReplOptions {
  readonly banner: string;
  readonly argv?: readonly string[];
}

/** A request/response channel to the worker. */
class Channel {
  private next = 0;
  private readonly pending = new Map<number, (r: ReplReply) => void>();
  private dead: ((r: ReplReply) => void) | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: { id: number; reply: ReplReply }) => {
      const f = this.pending.get(m.id);
      this.pending.delete(m.id);
      f?.(m.reply);
    });
    const fail = (): void => {
      for (const f of this.pending.values()) f({ exit: 70 });
      this.pending.clear();
      this.dead = (r) => r;
    };
    worker.on('error', (e) => {
      process.stderr.write(`edgepyc: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      fail();
    });
    worker.on('exit', fail);
  }

  request(req: ReplRequest): Promise<ReplReply> {
    if (this.dead !== null) return Promise.resolve({ exit: 70 });
    const id = this.next++;
    return new Promise((res) => {
      this.pending.set(id, res);
      this.worker.postMessage({ id, req });
    });
  }
}

function historyPath(): string {
  return process.env.EDGEPYC_HISTORY ?? join(homedir(), '.edgepyc_history');
}

function loadHistory(): string[] {
  try {
    return readFileSync(historyPath(), 'utf8').split('\n').filter((l) => l !== '').slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

function saveHistory(newestFirst: readonly string[]): void {
  try {
    writeFileSync(historyPath(), `${[...newestFirst].slice(0, HISTORY_SIZE).reverse().join('\n')}\n`);
  } catch {
    // a history that cannot be written is not worth failing the session for
  }
}

/** Redraw the edited line with colours, leaving the cursor where readline put it. */
function installHighlighting(rl: Interface, out: NodeJS.WriteStream): void {
  const r = rl as Interface & { line: string; cursor: number };
  process.stdin.on('keypress', () => {
    // After readline has handled the key (its listener was added first).
    setImmediate(() => {
      const prompt = rl.getPrompt();
      const line = r.line;
      if (line === '' || prompt.length + line.length >= (out.columns || 80) - 1) return;
      const coloured = highlight(line);
      if (coloured === line) return;
      const col = rl.getCursorPos().cols;
      out.write(`\r${prompt}${coloured}\x1b[K\r${col > 0 ? `\x1b[${col}C` : ''}`);
    });
  });
}

/** Run the console until Ctrl-D, :quit or SystemExit; returns the exit status. */
export async function runRepl(options: ReplOptions): Promise<number> {
  const worker = new Worker(new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url), {
    workerData: { argv: options.argv ?? [''] },
    resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: 8192 },
    stdout: false,
    stderr: false,
  });
  const ch = new Channel(worker);
  const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal,
    history: terminal ? loadHistory() : [],
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: false,
    prompt: '>>> ',
    tabSize: 4,
  });
  // https://no-color.org: a non-empty NO_COLOR turns colours off.
  if (terminal && (process.env.NO_COLOR ?? '') === '' && process.env.TERM !== 'dumb') installHighlighting(rl, process.stdout);
  const say = (s: string): void => void process.stdout.write(s);
  say(`${options.banner}\n`);
  let buffer: string[] = [];
  let status = 0;
  let interrupted = false;
  rl.on('SIGINT', () => {
    // CPython: the partial input is dropped and the session goes on.
    interrupted = true;
    buffer = [];
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    say('\nKeyboardInterrupt\n');
    rl.setPrompt('>>> ');
    rl.prompt();
  });
  rl.prompt();
  const it = rl[Symbol.asyncIterator]();
  for (;;) {
    const next = await it.next();
    if (next.done === true) {
      say('\n');
      break;
    }
    const line: string = next.value;
    if (interrupted) interrupted = false;
    let exit: number | null = null;
    if (buffer.length === 0 && /^\s*:/.test(line)) {
      exit = await command(line.trim(), ch, say);
    } else {
      buffer.push(line);
      const st = ((await ch.request({ k: 'state', lines: buffer })) as { state: InputState }).state;
      if (st === 'incomplete') {
        rl.setPrompt('... ');
        rl.prompt();
        continue;
      }
      const text = buffer.join('\n');
      buffer = [];
      if (text.trim() !== '') exit = ((await ch.request({ k: 'exec', text })) as { exit: number | null }).exit;
    }
    if (exit !== null) {
      status = exit;
      break;
    }
    rl.setPrompt('>>> ');
    rl.prompt();
  }
  if (terminal) saveHistory((rl as Interface & { history: string[] }).history);
  rl.close();
  await worker.terminate();
  return status;
}

/** A ':' command; returns an exit status to end the session, else null. */
async function command(line: string, ch: Channel, say: (s: string) => void): Promise<number | null> {
  const m = /^:(\w+)\s*(.*)$/.exec(line);
  const name = m?.[1] ?? '';
  const arg = (m?.[2] ?? '').trim();
  const needs = (what: string): boolean => {
    if (arg !== '') return true;
    say(`usage: :${name} ${what}\n`);
    return false;
  };
  switch (name) {
    case 'help':
      say(HELP);
      return null;
    case 'quit':
    case 'q':
    case 'exit':
      return 0;
    case 'time':
      if (needs('EXPR')) await ch.request({ k: 'time', expr: arg });
      return null;
    case 'jit':
      if (needs('NAME')) await ch.request({ k: 'jit', name: arg });
      return null;
    case 'disasm':
      if (needs('NAME')) await ch.request({ k: 'disasm', name: arg });
      return null;
    default:
      say(`unknown command '${line.split(/\s/)[0]}' (:help lists them)\n`);
      return null;
  }
}
