/**
 * Vite build of the web UI: root web/, output web/dist. Hashed assets under dist/assets are also
 * written pre-compressed (.gz, .br) so the server can send them without compressing per request.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes `<file>.gz` and `<file>.br` next to every JS, CSS, SVG and JSON file over 1 KB, after
 * the bundle is on disk (earlier hooks still see placeholders Vite replaces at the end).
 */
function precompress(): Plugin {
  return {
    name: 'polaris-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? join(root, 'dist');
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|svg|json)$/.test(fileName)) continue;
        const buffer = readFileSync(join(dir, fileName));
        if (buffer.length < 1024) continue;
        writeFileSync(join(dir, `${fileName}.gz`), gzipSync(buffer, { level: 9 }));
        writeFileSync(join(dir, `${fileName}.br`), brotliCompressSync(buffer));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    manifest: true,
  },
  server: {
    proxy: { '/api': `http://localhost:${process.env.POLARIS_API_PORT ?? '3000'}` },
  },
});
