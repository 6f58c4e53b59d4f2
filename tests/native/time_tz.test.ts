// time.localtime & co. of compiled programs follow the TZ variable as CPython on glibc does
// (runtime/nativelib/time.py): TZif files from /usr/share/zoneinfo (RFC 8536, with their
// footer TZ string past the last transition), POSIX TZ strings, empty and invalid values,
// and TZ unset (/etc/localtime). One native binary of fixtures/time_tz/zones.py runs under
// each TZ value; its stdout must equal python3's (fixtures/time_tz/TZ=*.out, made by
// scripts/gen-time-tz-fixture.sh). A zone whose TZif file this machine lacks is skipped.
import { describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { EDGEPYC, ROOT } from '../lib/programs.js';

const DIR = join(ROOT, 'tests', 'native', 'fixtures', 'time_tz');
/** The TZ values of scripts/gen-time-tz-fixture.sh, and the zone file each one needs. */
const ZONES: readonly [string, string | null][] = [
  ['UTC', 'UTC'],
  ['', null],
  ['Europe/Paris', 'Europe/Paris'],
  ['America/New_York', 'America/New_York'],
  ['Australia/Sydney', 'Australia/Sydney'],
  ['EST5EDT', 'EST5EDT'],
  ['CET-1CEST,M3.5.0,M10.5.0/3', null],
  ['AEST-10AEDT,M10.1.0,M4.1.0/3', null],
  ['<+03>-3', null],
  ['Foo/Bar', null],
];

function fixtureName(tz: string): string {
  return `TZ=${tz}`.replace(/[^A-Za-z0-9=+-]/g, '_') + '.out';
}

describe('time under TZ values (native binary)', () => {
  const out = join(tmpdir(), `edgepyc-time-tz-${process.pid}`);
  const exe = join(out, 'zones');
  let built: Promise<void> | null = null;
  const build = (): Promise<void> => {
    built ??= (async () => {
      mkdirSync(out, { recursive: true });
      const b = await execa(EDGEPYC, ['build', join(DIR, 'zones.py'), '-o', exe], { reject: false, timeout: 180000 });
      expect(b.exitCode, b.stderr).toBe(0);
    })();
    return built;
  };
  test.each(ZONES)('TZ=%j', async (tz, file) => {
    if (file !== null && !existsSync(join('/usr/share/zoneinfo', file))) return;
    await build();
    const r = await execa(exe, [], { reject: false, timeout: 60000, env: { TZ: tz }, extendEnv: true });
    expect(r.stderr).toBe('');
    expect(r.stdout + '\n').toBe(readFileSync(join(DIR, fixtureName(tz)), 'utf8'));
  }, 240000);
});
