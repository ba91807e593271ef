/**
 * Summarises V8 .cpuprofile files (`node --cpu-prof`, or `npm run bench:ingest -- --cpu-prof`):
 * self time by function and by file, per thread's profile. Usage:
 *   node dist/bench/cpuprofile-summary.js .bench/profiles/<file>.cpuprofile [--top=30]
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function shortUrl(url: string): string {
  const cut = url.replace(/^file:\/\//, '');
  const nm = cut.lastIndexOf('node_modules/');
  if (nm >= 0) return cut.slice(nm + 'node_modules/'.length);
  const dist = cut.indexOf('/dist/');
  return dist >= 0 ? cut.slice(dist + 6) : cut || '(native)';
}

function summarise(file: string, top: number): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfById = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    selfById.set(profile.samples[i], (selfById.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, micros] of selfById) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = shortUrl(url);
    const key = `${functionName || '(anonymous)'}  ${where}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros / 1000);
    byFile.set(where, (byFile.get(where) ?? 0) + micros / 1000);
  }
  const show = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [key, ms] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
    }
  };
  console.log(`\n=== ${path.basename(file)}: ${total.toFixed(0)} ms`);
  show('self time by function', byFunction);
  show('self time by file', byFile);
}

const args = process.argv.slice(2);
const top = Number(args.find((a) => a.startsWith('--top='))?.split('=')[1] ?? 30);
for (const file of args.filter((a) => !a.startsWith('--'))) summarise(file, top);
