// Type profiles: what the interpreter learned, for the native backend.
//
// A profile records, per code object, the specialized form of every instruction after
// the run (the quickened opcode names), how often each instruction executed, how often
// each branch was taken, and which callees each call site reached. Code objects are keyed
// by "file:qualname@hash", the hash covering the function's own source text, so editing
// one function invalidates only its entry. Profiling the same program again merges into
// the file: counts add up, and an instruction's specialized form is taken from the run
// in which it executed most. Format: docs/profile.md.

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CodeObject } from '../bytecode/code.js';
import { OPS } from '../bytecode/ops.js';
import { profileHooks, type RtCode } from './frame.js';

export const PROFILE_VERSION = 1;

export interface CodeProfile {
  qualname: string;
  file: string;
  firstLine: number;
  /** Specialized op name of each instruction. */
  ops: string[];
  /** Executions of each instruction. */
  counts: number[];
  /** For branch instructions: [taken, executed]. */
  branches: Record<string, [number, number]>;
  /** For call sites: callee key -> calls. */
  calls: Record<string, Record<string, number>>;
}

export interface Profile {
  format: 'edgepyc-profile';
  version: number;
  /** Number of profiling runs merged into this file. */
  runs: number;
  codes: Record<string, CodeProfile>;
}

/** Code objects that ran during this process (registered when first executed in profile mode). */
export const profiledCodes: CodeObject[] = [];

export function profileKey(co: CodeObject): string {
  return `${basename(co.filename)}:${co.key}`;
}

function codeProfile(co: CodeObject): CodeProfile | null {
  const rt = co.rt as RtCode | undefined;
  if (rt === undefined || rt.execCounts === null) return null;
  const ops: string[] = [];
  const counts: number[] = [];
  const branches: Record<string, [number, number]> = {};
  const calls: Record<string, Record<string, number>> = {};
  for (let i = 0; i < co.ops.length; i++) {
    ops.push(OPS[co.ops[i]].name);
    counts.push(rt.execCounts[i]);
    const d = OPS[co.ops[i]];
    if ((d.branch || d.fuses) && rt.execCounts[i] > 0) {
      const target = d.fuses ? i + 1 : i;
      const taken = rt.taken![target] ?? 0;
      branches[String(target)] = [taken, rt.execCounts[i]];
    }
  }
  if (rt.callTargets !== null) {
    profileHooks.flushCallTargets(rt);
    for (const [site, m] of rt.callTargets) calls[String(site)] = Object.fromEntries(m);
  }
  return { qualname: co.qualname, file: basename(co.filename), firstLine: co.firstLine, ops, counts, branches, calls };
}

/** Build the profile of this process's run. */
export function collectProfile(_mainFile: string): Profile {
  const codes: Record<string, CodeProfile> = {};
  for (const co of profiledCodes) {
    const p = codeProfile(co);
    if (p !== null) codes[profileKey(co)] = p;
  }
  return { format: 'edgepyc-profile', version: PROFILE_VERSION, runs: 1, codes };
}

function mergeCode(a: CodeProfile, b: CodeProfile): CodeProfile {
  if (a.ops.length !== b.ops.length) return b;
  const ops = a.ops.map((op, i) => (b.counts[i] >= a.counts[i] ? b.ops[i] : op));
  const counts = a.counts.map((c, i) => c + b.counts[i]);
  const branches: Record<string, [number, number]> = { ...a.branches };
  for (const [k, [t, n]] of Object.entries(b.branches)) {
    const old = branches[k] ?? [0, 0];
    branches[k] = [old[0] + t, old[1] + n];
  }
  const calls: Record<string, Record<string, number>> = JSON.parse(JSON.stringify(a.calls));
  for (const [site, m] of Object.entries(b.calls)) {
    const dst = (calls[site] ??= {});
    for (const [k, n] of Object.entries(m)) dst[k] = (dst[k] ?? 0) + n;
  }
  return { ...b, ops, counts, branches, calls };
}

export function mergeProfiles(old: Profile, add: Profile): Profile {
  const codes: Record<string, CodeProfile> = { ...old.codes };
  for (const [k, p] of Object.entries(add.codes)) codes[k] = k in codes ? mergeCode(codes[k], p) : p;
  return { format: 'edgepyc-profile', version: PROFILE_VERSION, runs: old.runs + add.runs, codes };
}

export function readProfile(path: string): Profile {
  const p = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  if (p.format !== 'edgepyc-profile') throw new Error(`${path}: not an edgepyc profile`);
  if (p.version !== PROFILE_VERSION) throw new Error(`${path}: profile version ${p.version} is not supported (expected ${PROFILE_VERSION})`);
  return p;
}

/** Write (merging into an existing file) atomically. */
export function mergeProfileFile(path: string, prof: Profile): Profile {
  let merged = prof;
  if (existsSync(path)) {
    try {
      merged = mergeProfiles(readProfile(path), prof);
    } catch {
      merged = prof;
    }
  }
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(merged));
  renameSync(tmp, path);
  return merged;
}
