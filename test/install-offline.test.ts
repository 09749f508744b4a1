// `npm install` reaches the npm registry only: onnxruntime-node's install script would fetch CUDA libraries
// from another feed unless told to skip, which the project's .npmrc does — in the very setting the installed
// version's script reads. Its CPU build, all the OCR uses, is inside the npm package.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const ort = path.join(ROOT, 'node_modules', 'onnxruntime-node');

describe('install stays on the npm registry', () => {
  it(".npmrc switches off the download that onnxruntime-node's install script would make", () => {
    const npmrc = fs.readFileSync(path.join(ROOT, '.npmrc'), 'utf8');
    expect(npmrc).toMatch(/^onnxruntime-node-install=skip$/m);
    // The installed script reads that setting (npm passes it as npm_config_onnxruntime_node_install) and exits on "skip".
    const script = ['install.js', 'install-utils.js']
      .map((f) => path.join(ort, 'script', f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    expect(script).toContain('npm_config_onnxruntime_node_install');
    expect(script).toMatch(/case 'skip':\s*return false/);
  });

  it('the CPU build came with the package and nothing was fetched beside it', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ort, 'package.json'), 'utf8')) as { version: string };
    const ours = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(ours.dependencies['onnxruntime-node']).toBe(pkg.version);
    const bin = path.join(ort, 'bin', 'napi-v6', process.platform, process.arch);
    const files = fs.readdirSync(bin);
    expect(files.some((f) => /onnxruntime_binding\.node$/.test(f))).toBe(true);
    expect(files.filter((f) => /providers_(cuda|tensorrt)/.test(f))).toEqual([]);
  });
});
