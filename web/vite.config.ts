/**
 * Vite build of the web UI: root web/, output web/dist. Hashed assets under dist/assets are also
 * written pre-compressed (.gz, .br) so the server can send them without compressing per request.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Emits `<file>.gz` and `<file>.br` next to every JS, CSS and SVG asset larger than 1 KB. */
function precompress(): Plugin {
  return {
    name: 'polaris-precompress',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const [fileName, item] of Object.entries(bundle)) {
        if (!/\.(js|css|svg|json)$/.test(fileName)) continue;
        const source = item.type === 'chunk' ? item.code : item.source;
        const buffer = typeof source === 'string' ? Buffer.from(source) : Buffer.from(source);
        if (buffer.length < 1024) continue;
        this.emitFile({ type: 'asset', fileName: `${fileName}.gz`, source: gzipSync(buffer) });
        this.emitFile({
          type: 'asset',
          fileName: `${fileName}.br`,
          source: brotliCompressSync(buffer),
        });
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
