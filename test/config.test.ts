import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('when nothing is set, then the documented defaults apply', () => {
    expect(loadConfig({})).toEqual({ port: 3000, host: '127.0.0.1', databaseUrl: './data/sitrep.db', logLevel: 'info', responseCacheMb: 32 });
  });

  it('when variables are set, then they are used (empty ones count as unset)', () => {
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: ':memory:', LOG_LEVEL: 'debug', RESPONSE_CACHE_MB: '0', UNRELATED: 'x' })).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: ':memory:',
      logLevel: 'debug',
      responseCacheMb: 0,
    });
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', 'abc'],
    ['PORT', '3000.5'],
    ['LOG_LEVEL', 'loud'],
    ['RESPONSE_CACHE_MB', '-1'],
  ])('when %s=%s, then loading fails with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid environment variable ${name}=`));
  });
});
