// The REPL's worker thread: owns the interpreter (and the native copies) of one session.
//
// Like `edgepyc run`, Python runs on a worker thread with a large JavaScript stack (see
// src/worker.ts). The main thread (repl.ts) does the line editing and sends requests; the
// worker answers each one after its output has been written to file descriptors 1 and 2,
// so the next prompt always comes after the output of the input before it.

import { parentPort, workerData } from 'node:worker_threads';
import { streams } from '../interp/modules/sys.js';
import { reportCommandError, ReplEngine } from './engine.js';
import { inputState, type InputState } from './input.js';

export type ReplRequest =
  | { readonly k: 'state'; readonly lines: readonly string[] }
  | { readonly k: 'exec'; readonly text: string }
  | { readonly k: 'time'; readonly expr: string }
  | { readonly k: 'jit'; readonly name: string }
  | { readonly k: 'disasm'; readonly name: string };

export type ReplReply = { readonly state: InputState } | { readonly exit: number | null };

const engine = new ReplEngine((workerData as { argv: string[] }).argv);

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(3)} s` : `${ms.toFixed(3)} ms`;
}

function handle(req: ReplRequest): ReplReply {
  switch (req.k) {
    case 'state':
      return { state: inputState(req.lines) };
    case 'exec': {
      const r = engine.exec(req.text);
      return { exit: r.kind === 'exit' ? r.status : null };
    }
    case 'time': {
      try {
        const t = engine.time(req.expr);
        const ratio = t.jitMs > 0 ? t.interpMs / t.jitMs : Infinity;
        let out = `${req.expr} = ${t.value}\n`;
        out += `interpreter  ${seconds(t.interpMs)}\n`;
        out += `jit          ${seconds(t.jitMs)}\n`;
        out += `jit is ${ratio.toFixed(1)}x faster than the interpreter\n`;
        if (t.nativeValue !== t.value) out += `warning: the native result differs: ${t.nativeValue}\n`;
        streams.stdout.write(out);
      } catch (e) {
        reportCommandError(e);
      }
      break;
    }
    case 'jit':
      try {
        streams.stdout.write(`${engine.jit(req.name)}\n`);
      } catch (e) {
        reportCommandError(e);
      }
      break;
    case 'disasm':
      try {
        streams.stdout.write(engine.disasm(req.name));
      } catch (e) {
        reportCommandError(e);
      }
      break;
  }
  streams.stdout.flush();
  return { exit: null };
}

parentPort!.on('message', (m: { id: number; req: ReplRequest }) => {
  let reply: ReplReply;
  try {
    reply = handle(m.req);
  } catch (e) {
    streams.stdout.flush();
    streams.stderr.write(`edgepyc: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    reply = { exit: null };
  }
  parentPort!.postMessage({ id: m.id, reply });
});
