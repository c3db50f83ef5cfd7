import { describe, expect, it } from 'vitest';
import { createUuidV7Generator, isUuid, uuidv7, uuidv7Timestamp } from '../../shared/domain/ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Deterministic randomness: every byte is `value`. */
const constant = (value: number) => (bytes: Uint8Array) => {
  bytes.fill(value);
};

describe('uuidv7', () => {
  it('has the RFC 9562 layout: version 7 and variant 10', () => {
    for (let i = 0; i < 1000; i++) {
      const id = uuidv7();
      expect(id).toMatch(V7);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
  });

  it('carries the current time in its first 48 bits', () => {
    const before = Date.now();
    const id = uuidv7();
    const after = Date.now();
    const ms = uuidv7Timestamp(id);
    expect(ms).not.toBeNull();
    expect(ms ?? 0).toBeGreaterThanOrEqual(before);
    expect(ms ?? 0).toBeLessThanOrEqual(after);
  });

  it('is unique and strictly increasing over many calls in the same milliseconds', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect((ids[i] ?? '') > (ids[i - 1] ?? '')).toBe(true);
  });

  it('passes isUuid', () => {
    expect(isUuid(uuidv7())).toBe(true);
  });
});

describe('createUuidV7Generator', () => {
  it('encodes the timestamp big-endian in the first 12 hex digits', () => {
    const next = createUuidV7Generator(() => 0x0123456789ab, constant(0));
    expect(next().startsWith('01234567-89ab-7')).toBe(true);
    expect(createUuidV7Generator(() => 0, constant(0))()).toBe('00000000-0000-7000-8000-000000000000');
  });

  it('sorts by creation time across milliseconds, whatever the random bits', () => {
    let now = 1_700_000_000_000;
    let flip = 0;
    // High random bytes first, then low ones: only the timestamp may decide the order.
    const next = createUuidV7Generator(
      () => now,
      (bytes) => {
        bytes.fill(flip++ % 2 === 0 ? 0xff : 0x00);
      },
    );
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      ids.push(next());
      now += 1;
    }
    expect([...ids].sort()).toEqual(ids);
    expect(ids.map(uuidv7Timestamp)).toEqual(ids.map((_, i) => 1_700_000_000_000 + i));
  });

  it('counts up within the same millisecond', () => {
    const next = createUuidV7Generator(() => 1_700_000_000_000, constant(0xff));
    const ids = Array.from({ length: 300 }, () => next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map(uuidv7Timestamp))).toEqual(new Set([1_700_000_000_000]));
  });

  it('stays increasing when the clock steps back', () => {
    let now = 1_700_000_000_000;
    const next = createUuidV7Generator(() => now, constant(0x42));
    const first = next();
    now -= 60_000; // the system clock is corrected backwards
    const second = next();
    expect(second > first).toBe(true);
    expect(uuidv7Timestamp(second)).toBe(1_700_000_000_000);
    now += 120_000;
    const third = next();
    expect(third > second).toBe(true);
    expect(uuidv7Timestamp(third)).toBe(1_700_000_060_000);
  });

  it('lays the 42-bit counter across rand_a and rand_b and carries between them', () => {
    // Seed bytes at 0xff give the largest seed, 2^41 - 1 (top bit kept clear so that at least
    // 2^41 ids fit in one millisecond): rand_a 0x7ff, variant nibble b, then ones.
    const next = createUuidV7Generator(() => 5, constant(0xff));
    const first = next();
    expect(first).toBe('00000000-0005-77ff-bfff-ffffffffffff');
    // + 1 sets bit 41 alone: rand_a 0x800, the rest of the counter zero, the last 32 bits random.
    const second = next();
    expect(second).toBe('00000000-0005-7800-8000-0000ffffffff');
    expect(second > first).toBe(true);
  });

  it('reseeds the counter when the millisecond changes', () => {
    let now = 5;
    const next = createUuidV7Generator(() => now, constant(0));
    next();
    next();
    expect(next()).toBe('00000000-0005-7000-8000-000200000000');
    now = 6;
    expect(next()).toBe('00000000-0006-7000-8000-000000000000');
  });
});

describe('isUuid', () => {
  it.each([
    ['01900000-0000-7000-8000-000000000000', true],
    ['0190a1b2-c3d4-7e5f-9a0b-1c2d3e4f5a6b', true],
    ['123e4567-e89b-42d3-a456-426614174000', true], // v4
    ['0190a1b2-c3d4-7e5f-ba0b-1c2d3e4f5a6b', true],
    ['0190A1B2-C3D4-7E5F-9A0B-1C2D3E4F5A6B', false], // upper case would not match stored ids
    ['0190a1b2-c3d4-0e5f-9a0b-1c2d3e4f5a6b', false], // version 0
    ['0190a1b2-c3d4-9e5f-9a0b-1c2d3e4f5a6b', false], // version 9
    ['0190a1b2-c3d4-7e5f-ca0b-1c2d3e4f5a6b', false], // variant 110x (Microsoft)
    ['0190a1b2-c3d4-7e5f-7a0b-1c2d3e4f5a6b', false], // variant 0xxx (NCS)
    ['0190a1b2c3d47e5f9a0b1c2d3e4f5a6b', false], // no hyphens
    ['{0190a1b2-c3d4-7e5f-9a0b-1c2d3e4f5a6b}', false],
    ['0190a1b2-c3d4-7e5f-9a0b-1c2d3e4f5a6', false],
    ['0190a1b2-c3d4-7e5f-9a0b-1c2d3e4f5a6bc', false],
    ['0190a1b2-c3d4-7e5f-9a0b-1c2d3e4f5a6g', false],
    [' 0190a1b2-c3d4-7e5f-9a0b-1c2d3e4f5a6b', false],
    ['0190a1b2-c3d4-7e5f-9a0b-1c2d3e4f5a6b\n', false],
    ['', false],
  ])('%j → %s', (s, expected) => {
    expect(isUuid(s)).toBe(expected);
  });
});

describe('uuidv7Timestamp', () => {
  it('reads the milliseconds of a v7 id', () => {
    expect(uuidv7Timestamp('01900000-0000-7000-8000-000000000000')).toBe(0x019000000000);
  });

  it.each(['123e4567-e89b-42d3-a456-426614174000', 'not an id'])('is null for %j', (s) => {
    expect(uuidv7Timestamp(s)).toBeNull();
  });
});
