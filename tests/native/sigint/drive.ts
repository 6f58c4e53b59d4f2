// Runs a command, sends it SIGINT 200 ms after each 'ready' line it prints, and collects
// its output and exit (used by tests/native/sigint.test.ts and regen.ts).

import { spawn } from 'node:child_process';

export interface Interrupted {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: string | null;
}

export function runInterrupted(cmd: string, args: string[], timeoutMs = 20000): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args);
    let stdout = '';
    let stderr = '';
    let sent = 0;
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`no exit after ${timeoutMs} ms; stdout so far: ${stdout}`));
    }, timeoutMs);
    p.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const ready = stdout.split('\n').filter((l) => l === 'ready').length;
      for (; sent < ready; sent++) setTimeout(() => p.kill('SIGINT'), 200);
    });
    p.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code, signal });
    });
  });
}
