import { defineConfig, type Plugin } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, '..', 'dist', 'renderer');

/** pdfjs needs its CMaps (Chinese fonts) and standard font data as same-origin files: copied into the build. */
function pdfjsAssets(): Plugin {
  const pdfjsDir = path.join(here, '..', 'node_modules', 'pdfjs-dist');
  return {
    name: 'pdfjs-assets',
    apply: 'build',
    writeBundle() {
      for (const dir of ['cmaps', 'standard_fonts']) {
        fs.cpSync(path.join(pdfjsDir, dir), path.join(outDir, 'pdfjs', dir), { recursive: true });
      }
    },
  };
}

// Relative base: the same build is served by app:// in Electron and by the loopback bridge in a browser.
export default defineConfig({
  root: here,
  base: './',
  // Always the production React, even when a test runner (NODE_ENV=test) triggers the build.
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  esbuild: { jsx: 'automatic', jsxDev: false },
  plugins: [pdfjsAssets()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});
