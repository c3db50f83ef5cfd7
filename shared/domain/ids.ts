// Ids are UUIDv7 (RFC 9562): the leading 48-bit millisecond timestamp makes them sort by
// creation time, which keeps SQLite's primary-key index appending instead of splitting pages,
// and lets two offline machines create rows without coordination.

/** 42 bits of the id count up within one millisecond (RFC 9562 §6.2, method 1). */
const COUNTER_BITS = 42;
const COUNTER_MAX = 2 ** COUNTER_BITS - 1;
const LOW = 2 ** 24;

export type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => void;

/**
 * A generator with its own clock and randomness, so tests can drive time; the app uses `uuidv7`.
 * Ids from one generator are strictly increasing, even within one millisecond and even if the
 * clock steps back (the last timestamp is kept until the clock passes it).
 */
export function createUuidV7Generator(now: () => number, fill: RandomFill): () => string {
  let lastMs = -1;
  let counter = 0;
  const random = new Uint8Array(10);

  const reseed = () => {
    fill(random);
    // A random start with the top bit clear leaves at least 2^41 increments before overflow.
    counter = ((random[4] ?? 0) & 0x01) * 2 ** 40 + ((random[5] ?? 0) * 2 ** 32 + readUint32(random, 6));
  };

  return () => {
    const ms = Math.floor(now());
    if (ms > lastMs) {
      lastMs = ms;
      reseed();
    } else if (counter < COUNTER_MAX) {
      counter++;
      fill(random);
    } else {
      // 2^42 ids in one millisecond: borrow the next millisecond rather than repeat or wrap.
      lastMs++;
      reseed();
    }
    return format(lastMs, counter, random);
  };
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) >>> 0) +
    ((bytes[at + 1] ?? 0) << 16) +
    ((bytes[at + 2] ?? 0) << 8) +
    (bytes[at + 3] ?? 0)
  );
}

function format(ms: number, counter: number, random: Uint8Array): string {
  const b = new Uint8Array(16);
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  // Counter bits 41..24 (hi) and 23..0 (lo), split because JS bit operators stop at 32 bits.
  const hi = Math.floor(counter / LOW);
  const lo = counter % LOW;
  b[6] = 0x70 | ((hi >>> 14) & 0x0f); // version 7
  b[7] = (hi >>> 6) & 0xff;
  b[8] = 0x80 | (hi & 0x3f); // RFC variant 10xx
  b[9] = (lo >>> 16) & 0xff;
  b[10] = (lo >>> 8) & 0xff;
  b[11] = lo & 0xff;
  // The last 32 bits stay random on every id, so ids are not guessable from their neighbours.
  b.set(random.subarray(0, 4), 12);
  const hex = Array.from(b, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new UUIDv7, lower-case, from the system clock and the platform's secure random source. */
export const uuidv7: () => string = createUuidV7Generator(
  () => Date.now(),
  (bytes) => {
    globalThis.crypto.getRandomValues(bytes);
  },
);

// Lower case only: ids are compared as text by SQLite, so an upper-case copy of a valid id would
// silently match nothing. Versions 1–8 with the RFC variant, as any standard UUID.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** Creation time (Unix ms) carried by a UUIDv7, or null for anything else. */
export function uuidv7Timestamp(id: string): number | null {
  if (!isUuid(id) || id[14] !== '7') return null;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
