import path from 'node:path';
import lockfile from 'proper-lockfile';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Holds dist/ for the whole test file: files that build into it (npm start, the pages' Vite build,
 * which empties dist/web first) or serve from it run one at a time, also when mocha runs files in
 * parallel processes. Call it first in the file's top-level describe, after isolateTestFile.
 */
export function holdDistFolder(): void {
  let release: (() => Promise<void>) | undefined;
  before(async function () {
    // A build by the file holding it takes a minute or two on a busy machine.
    this.timeout(300_000);
    release = await lockfile.lock(path.join(ROOT, 'dist'), {
      realpath: false,
      lockfilePath: path.join(ROOT, 'node_modules', '.dist-folder.lock'),
      // Taken over only a minute after its holder stopped touching it: a busy machine may delay that touch by seconds.
      stale: 60_000,
      retries: { retries: 600, factor: 1, minTimeout: 500, maxTimeout: 500 },
    });
    this.test!.parent!.afterAll('give dist/ back', async () => release?.());
  });
}
