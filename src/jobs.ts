// Interpreter jobs (run, profile), executed in the worker thread or in-process by tests.

import { writeFileSync } from 'node:fs';
import { runFile } from './interp/runtime.js';
import { collectProfile, mergeProfileFile } from './interp/profile.js';
import { BudgetExhausted } from './interp/eval_support.js';

export type Job =
  | { kind: 'run'; file: string; args: string[]; stats: boolean }
  | { kind: 'profile'; file: string; args: string[]; out: string; budget: number | null };

export function runJob(job: Job): number {
  switch (job.kind) {
    case 'run': {
      const r = runFile(job.file, { args: job.args, stats: job.stats });
      return r.exitCode;
    }
    case 'profile': {
      let r;
      try {
        r = runFile(job.file, { args: job.args, profile: true, budget: job.budget ?? undefined });
      } catch (e) {
        if (!(e instanceof BudgetExhausted)) throw e;
        r = { exitCode: 0, mainCode: null };
      }
      const prof = collectProfile(job.file);
      mergeProfileFile(job.out, prof);
      void writeFileSync;
      return r.exitCode;
    }
  }
}
