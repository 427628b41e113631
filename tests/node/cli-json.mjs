// Runs `hezhang check --format json FILE` and returns what it prints (one JSON line).
// Exit 1 ("findings exist") is a successful run; so is 2 ("input refused", its JSON says
// why) when refusedOk is set. Any other exit throws. Shared by tests/node and tests/browser.
import { execFileSync } from 'node:child_process';

export function cliJson(cli, file, { cwd, refusedOk = false } = {}) {
  try {
    return execFileSync(cli, ['check', '--format', 'json', file], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch (err) {
    if (err.status !== 1 && !(refusedOk && err.status === 2)) {
      throw new Error(`${cli} failed on ${file} (exit ${err.status}): ${err.stderr}`);
    }
    return err.stdout;
  }
}
