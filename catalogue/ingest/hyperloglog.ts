/**
 * A small HyperLogLog distinct counter (precision 12: 4 KB a column, ~1.6 % standard error) with
 * a 32-bit FNV-1a hash. Written here rather than taken from npm because the profile runs once per
 * cell on the ingest hot path: the published JS sketches hash with pure-JS xxhash/murmur128 and cost
 * several times more per value (measured in bench/ingest).
 */
const P = 12;
const M = 1 << P;
const ALPHA = 0.7213 / (1 + 1.079 / M);

export class HyperLogLog {
  private readonly registers = new Uint8Array(M);

  add(value: string): void {
    let h = 0x811c9dc5;
    for (let i = 0; i < value.length; i++) {
      h ^= value.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    // Finalise (murmur3 fmix32): FNV's low bits are weak for short keys.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const index = h >>> (32 - P);
    const rest = (h << P) | (1 << (P - 1));
    const rank = Math.clz32(rest) + 1;
    if (rank > this.registers[index]) this.registers[index] = rank;
  }

  count(): number {
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < M; i++) {
      sum += 2 ** -this.registers[i];
      if (this.registers[i] === 0) zeros++;
    }
    const estimate = (ALPHA * M * M) / sum;
    if (estimate <= 2.5 * M && zeros > 0) return Math.round(M * Math.log(M / zeros));
    return Math.round(estimate);
  }
}
