// `npm run dev:web`: the whole app in a browser, served on loopback by the real backend.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startWebHost } from './server';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string' },
    open: { type: 'boolean', default: false },
  },
});

// Same folder as Electron's userData on Linux, so both hosts show the same data.
const dataDir = values.data ?? process.env.CONCERTO_DATA_DIR ?? join(homedir(), '.config', 'Concerto');
// A local, non-roaming folder for "Déplacer sur cet ordinateur", as Electron's main gives it.
const localDataDir =
  process.platform === 'win32' && process.env.LOCALAPPDATA
    ? join(process.env.LOCALAPPDATA, 'Concerto')
    : join(homedir(), '.local', 'share', 'Concerto');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const host = await startWebHost({
  rendererDir: join(root, 'out', 'renderer'),
  resourcesDir: join(root, 'resources'),
  dataDir,
  localDataDir,
  appVersion: version,
  port: Number(values.port),
});
console.log(`Concerto (web) : ${host.url}`);
console.log(`Données : ${dataDir}`);
if (values.open) {
  const opener =
    process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  spawn(opener, [host.url], { stdio: 'ignore', detached: true }).on('error', () => {});
}
const stop = () => void host.close().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
