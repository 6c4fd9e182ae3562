import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const DEFAULT_HTTP = {
  trustProxy: false,
  rateLimit: { readsPerMinute: 600, writesPerMinute: 120 },
  authFailuresPerMinute: 30,
  corsWriteOrigins: [],
  bodyLimitBytes: 1_048_576,
  requestTimeoutMs: 30_000,
  maxEventLoopDelayMs: 1_000,
};

describe('configuration', () => {
  it('when nothing is set, then the documented defaults apply', () => {
    expect(loadConfig({})).toEqual({ port: 3000, host: '127.0.0.1', databaseUrl: './data/sitrep.db', logLevel: 'info', requireKeyForReads: false, responseCacheMb: 32, checkResponses: false, publicBaseUrl: null, http: DEFAULT_HTTP });
  });

  it('when variables are set, then they are used (empty ones count as unset)', () => {
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: ':memory:', LOG_LEVEL: 'debug', REQUIRE_KEY_FOR_READS: 'true', RESPONSE_CACHE_MB: '0', CHECK_RESPONSES: 'true', UNRELATED: 'x' })).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: ':memory:',
      logLevel: 'debug',
      requireKeyForReads: true,
      responseCacheMb: 0,
      checkResponses: true,
      publicBaseUrl: null,
      http: DEFAULT_HTTP,
    });
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it('when the HTTP limits are set, then they are parsed into their types', () => {
    const { http } = loadConfig({
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      RATE_LIMIT_READS_PER_MINUTE: '0',
      RATE_LIMIT_WRITES_PER_MINUTE: '30',
      RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '5',
      CORS_WRITE_ORIGINS: 'https://desk.example, https://cms.example:8443',
      BODY_LIMIT_BYTES: '65536',
      REQUEST_TIMEOUT_MS: '5000',
      MAX_EVENT_LOOP_DELAY_MS: '0',
    });

    expect(http).toEqual({
      trustProxy: ['10.0.0.0/8', '127.0.0.1'],
      rateLimit: { readsPerMinute: 0, writesPerMinute: 30 },
      authFailuresPerMinute: 5,
      corsWriteOrigins: ['https://desk.example', 'https://cms.example:8443'],
      bodyLimitBytes: 65_536,
      requestTimeoutMs: 5_000,
      maxEventLoopDelayMs: 0,
    });
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
  });

  it('when PUBLIC_BASE_URL is set, then it is kept without a trailing slash, path prefix included', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://api.example.org' }).publicBaseUrl).toBe('https://api.example.org');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://API.example.org/' }).publicBaseUrl).toBe('https://api.example.org');
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://10.0.0.5:8080/sitrep/' }).publicBaseUrl).toBe('http://10.0.0.5:8080/sitrep');
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', 'abc'],
    ['PORT', '3000.5'],
    ['LOG_LEVEL', 'loud'],
    ['CHECK_RESPONSES', 'yes'],
    ['TRUST_PROXY', 'yes please'],
    ['RATE_LIMIT_READS_PER_MINUTE', '-1'],
    ['RATE_LIMIT_AUTH_FAILURES_PER_MINUTE', 'many'],
    ['CORS_WRITE_ORIGINS', 'not a url'],
    ['BODY_LIMIT_BYTES', '0'],
    ['REQUIRE_KEY_FOR_READS', 'yes'],
    ['RESPONSE_CACHE_MB', '-1'],
    ['PUBLIC_BASE_URL', 'api.example.org'],
    ['PUBLIC_BASE_URL', 'ftp://api.example.org'],
    ['PUBLIC_BASE_URL', 'https://api.example.org/?page=1'],
    ['PUBLIC_BASE_URL', 'https://api.example.org/#top'],
    ['PUBLIC_BASE_URL', 'https://user:secret@api.example.org'],
  ])('when %s=%s, then loading fails with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid environment variable ${name}=`));
  });
});
