// Builds only the Electron main entry and the preload, with the project's electron-vite
// configuration, into a folder of our choosing (so that a smoke run never disturbs out/).
// Usage (from the repository root): node build-bundles.mjs <outDir>
import { join, resolve } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';

const outDir = resolve(process.argv[2]);
process.env.NODE_ENV_ELECTRON_VITE = 'production';
const { config } = await resolveConfig({ logLevel: 'warn' }, 'build', 'production');
if (!config?.main || !config.preload) throw new Error('electron.vite.config.ts lacks main or preload');

// The smoke test only starts index.js: leaving the backend and web host entries out keeps it
// independent from their state.
const mainInput = { index: resolve('electron/main/index.ts') };
config.main.build.rollupOptions = { ...config.main.build.rollupOptions, input: mainInput };
config.main.build.rolldownOptions = { ...config.main.build.rolldownOptions, input: mainInput };
config.main.build.outDir = join(outDir, 'main');
config.main.build.emptyOutDir = true;
config.preload.build.outDir = join(outDir, 'preload');
config.preload.build.emptyOutDir = true;

await build(config.main);
await build(config.preload);
