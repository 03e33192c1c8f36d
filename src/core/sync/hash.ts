/**
 * A small platform-free string hash for fingerprints and identity keys (no crypto module: the core
 * runs in Apps Script too). Two 32-bit FNV-1a lanes with different offsets, each finished with a
 * Murmur3-style avalanche, give 64 bits: ample for telling a few thousand items' states apart.
 * Not cryptographic.
 */

const FNV_PRIME = 16777619;
const LANE_A = 2166136261; // the FNV-1a 32-bit offset basis
const LANE_B = 0x9747b28c; // an arbitrary second basis, so the lanes are independent

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64-bit hash of a string as 13 lowercase base-36 characters. */
export function hashString(value: string): string {
  let a = LANE_A;
  let b = LANE_B;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    // The second lane also mixes in the position, so swapped characters differ in both lanes.
    b = Math.imul(b ^ c ^ ((i & 0xff) << 16), FNV_PRIME);
  }
  a = avalanche(a ^ value.length);
  b = avalanche(b ^ Math.imul(value.length, 0x27d4eb2d));
  return a.toString(36).padStart(7, '0') + b.toString(36).padStart(6, '0').slice(-6);
}

/** Hash of several parts; each is length-prefixed, so no two different lists join to the same text. */
export function hashParts(parts: readonly (string | number | null | undefined)[]): string {
  let joined = '';
  for (const p of parts) {
    if (p === null || p === undefined) joined += '-;';
    else {
      const s = String(p);
      joined += `${s.length}:${s};`;
    }
  }
  return hashString(joined);
}
