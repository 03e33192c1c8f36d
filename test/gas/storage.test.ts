import { describe, expect, it } from 'vitest';
import { LOCK_TIMEOUT_MESSAGE, PROPERTY_MESSAGES, createAppsScriptEnvironment } from './index';

describe('PropertiesService', () => {
  it('keeps three independent stores; the user store follows the simulated user', () => {
    const env = createAppsScriptEnvironment();
    const { PropertiesService } = env.globals;
    PropertiesService.getScriptProperties().setProperty('k', 'script');
    PropertiesService.getUserProperties().setProperty('k', 'alice');
    PropertiesService.getDocumentProperties().setProperty('k', 'doc');
    expect(PropertiesService.getScriptProperties().getProperty('k')).toBe('script');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBe('alice');
    expect(PropertiesService.getDocumentProperties().getProperty('k')).toBe('doc');
    env.switchUser('bob@example.com');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBeNull();
    expect(PropertiesService.getDocumentProperties().getProperty('k')).toBe('doc');
    expect(env.properties.dump('user', 'alice@example.com')).toEqual({ k: 'alice' });
  });

  it('coerces values to strings and returns copies', () => {
    const env = createAppsScriptEnvironment();
    const props = env.globals.PropertiesService.getUserProperties();
    props.setProperty('n', 42 as unknown as string);
    props.setProperties({ b: true, o: { a: 1 } } as unknown as Record<string, string>);
    expect(props.getProperty('n')).toBe('42');
    expect(props.getProperty('b')).toBe('true');
    expect(props.getProperty('o')).toBe('[object Object]');
    const all = props.getProperties();
    all.n = 'changed';
    expect(props.getProperty('n')).toBe('42');
    expect(props.getKeys().sort()).toEqual(['b', 'n', 'o']);
    expect(props.getProperty('missing')).toBeNull();
  });

  it('is chainable; setProperties(obj, true) deletes the other keys', () => {
    const env = createAppsScriptEnvironment();
    const props = env.globals.PropertiesService.getScriptProperties();
    props.setProperty('a', '1').setProperty('b', '2').deleteProperty('a');
    expect(props.getKeys()).toEqual(['b']);
    props.setProperties({ c: '3' }, true);
    expect(props.getProperties()).toEqual({ c: '3' });
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it('returns null document properties outside a document', () => {
    const env = createAppsScriptEnvironment({ bound: false });
    expect(env.globals.PropertiesService.getDocumentProperties()).toBeNull();
    expect(env.globals.PropertiesService.getUserProperties()).not.toBeNull();
  });

  it('enforces 9 KB per value and 500 KB per store (keys and values, UTF-8)', () => {
    const env = createAppsScriptEnvironment();
    const props = env.globals.PropertiesService.getUserProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(PROPERTY_MESSAGES.valueTooLarge);
    // 3,073 汉字 = 9,219 bytes: over the limit although under 9,216 characters.
    expect(() => props.setProperty('zh', '汉'.repeat(3073))).toThrow(PROPERTY_MESSAGES.valueTooLarge);
    expect(props.getProperty('big')).toBeNull();
    const chunk = 'y'.repeat(9000);
    expect(() => {
      for (let i = 0; i < 60; i++) props.setProperty(`k${i}`, chunk);
    }).toThrow(PROPERTY_MESSAGES.storeFull);
    expect(env.properties.bytes('user')).toBeLessThanOrEqual(500 * 1024);
    // A failing setProperties changes nothing.
    const before = props.getKeys().length;
    expect(() => props.setProperties({ a1: chunk, a2: chunk, a3: chunk, a4: chunk })).toThrow(PROPERTY_MESSAGES.storeFull);
    expect(props.getKeys().length).toBe(before);
  });

  it('needs at least LIMITED authorization and counts reads and writes against a daily quota', () => {
    const env = createAppsScriptEnvironment();
    env.setAuthMode('NONE');
    expect(() => env.globals.PropertiesService.getDocumentProperties()).toThrow(/You do not have permission/);
    env.setAuthMode('LIMITED');
    const props = env.globals.PropertiesService.getDocumentProperties();
    env.properties.setDailyLimit(2);
    props.setProperty('a', '1');
    props.getProperty('a');
    expect(() => props.getProperty('a')).toThrow(PROPERTY_MESSAGES.quota);
    expect(env.properties.used).toBe(3);
  });
});

describe('LockService', () => {
  it('a lock held by another execution makes tryLock fail after waiting (fake time)', () => {
    const env = createAppsScriptEnvironment();
    const other = env.locks.hold('document');
    const lock = env.globals.LockService.getDocumentLock();
    const t0 = env.clock.nowMs();
    expect(lock.tryLock(5000)).toBe(false);
    expect(env.clock.nowMs() - t0).toBe(5000);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(1000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    other.release();
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(env.locks.holder('document')).toBe('me');
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(env.locks.holder('document')).toBeNull();
  });

  it('waits for another execution that lets go within the timeout', () => {
    const env = createAppsScriptEnvironment();
    env.locks.hold('script', { releaseAfterMs: 3000 });
    const lock = env.globals.LockService.getScriptLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.tryLock(10_000)).toBe(true);
    expect(env.clock.nowMs() - Date.parse('2025-06-02T01:30:00.000Z')).toBe(3000);
  });

  it('two executions contend; the lock is released when the execution ends', () => {
    const env = createAppsScriptEnvironment();
    expect(env.globals.LockService.getDocumentLock().tryLock(100)).toBe(true);
    const sameExecution = env.globals.LockService.getDocumentLock();
    expect(sameExecution.tryLock(0)).toBe(true);
    env.newExecution();
    // The lock of the finished execution is gone.
    expect(env.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(env.locks.holder('document')).toBe('me');
  });

  it('document locks are per document and null outside one; user locks are per user', () => {
    const env = createAppsScriptEnvironment();
    env.locks.hold('user', { user: 'bob@example.com' });
    expect(env.globals.LockService.getUserLock().tryLock(0)).toBe(true);
    env.setBound(false);
    expect(env.globals.LockService.getDocumentLock()).toBeNull();
  });
});

describe('CacheService', () => {
  it('returns null on a miss and expires entries on the fake clock (default 600 s)', () => {
    const env = createAppsScriptEnvironment();
    const cache = env.globals.CacheService.getUserCache();
    expect(cache.get('hash')).toBeNull();
    cache.put('hash', 'abc');
    cache.put('short', 'x', 10);
    env.clock.advance(9_999);
    expect(cache.get('short')).toBe('x');
    env.clock.advance(1);
    expect(cache.get('short')).toBeNull();
    env.clock.advance(590_000 - 1);
    expect(cache.get('hash')).toBe('abc');
    env.clock.advance(1);
    expect(cache.get('hash')).toBeNull();
  });

  it('Utilities.sleep advances the same clock', () => {
    const env = createAppsScriptEnvironment();
    const cache = env.globals.CacheService.getScriptCache();
    cache.put('k', 'v', 2);
    env.globals.Utilities.sleep(2000);
    expect(cache.get('k')).toBeNull();
  });

  it('enforces key, value and TTL limits', () => {
    const env = createAppsScriptEnvironment();
    const cache = env.globals.CacheService.getScriptCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow(/key/);
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow(/value/);
    expect(() => cache.put('k', 'v', 21_601)).toThrow(/expirationInSeconds/);
    cache.put('k', 'v', 21_600);
    cache.putAll({ a: '1', b: '2' });
    expect(cache.getAll(['a', 'b', 'missing'])).toEqual({ a: '1', b: '2' });
    cache.removeAll(['a']);
    expect(cache.get('a')).toBeNull();
  });

  it('separates document, user and script caches; the document cache is null outside a document', () => {
    const env = createAppsScriptEnvironment();
    const { CacheService } = env.globals;
    CacheService.getUserCache().put('k', 'alice');
    env.switchUser('bob@example.com');
    expect(CacheService.getUserCache().get('k')).toBeNull();
    CacheService.getDocumentCache()?.put('k', 'doc');
    expect(env.cache.dump('document')).toEqual({ k: 'doc' });
    env.setBound(false);
    expect(CacheService.getDocumentCache()).toBeNull();
  });
});
