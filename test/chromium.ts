// Headless Chromium for the tests that look at pages as people do (/docs, the explorer): Debian's
// chromium (`apt-get install chromium`; or CHROMIUM_PATH), driven by playwright-core, which never
// downloads a browser. Without Chromium those tests are skipped, except under CI, where .ci/run
// installs it and its absence is a failure.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);
export const INSTALL_HINT = 'install it with `apt-get install chromium` (Debian), or set CHROMIUM_PATH to a Chromium binary';
/** Skip the file's tests: no Chromium, and not under CI. */
export const SKIP_BROWSER = !HAVE_CHROMIUM && !IN_CI;

export function warnIfSkipped(file: string): void {
  if (SKIP_BROWSER) console.warn(`${file} skipped: no Chromium at ${CHROMIUM_PATH}; ${INSTALL_HINT}.`);
}

// Flags for a closed network: no background fetches to Google's hosts, no QUIC, no sync.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser on a fresh, empty profile (a persistent context is how playwright takes a --user-data-dir); close() removes it. */
export async function launchChromium(viewport = { width: 1280, height: 1600 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!HAVE_CHROMIUM) throw new Error(`CI is set but there is no Chromium at ${CHROMIUM_PATH}: ${INSTALL_HINT} (.ci/run does).`);
  const profileDir = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
