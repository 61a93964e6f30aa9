import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  // Preact's automatic JSX runtime; no Babel plugin needed.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically in one chunk: lazy chunks that share a module with
        // the start made Rolldown split it into several files, each a request and a gzip dictionary
        // of its own in the pupil's first load (tests/unit/build-budget.test.ts).
        codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/packs': 'http://127.0.0.1:8080',
      '/blobs': 'http://127.0.0.1:8080',
    },
  },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      // The page registers through src/app/sw-bridge.ts: updates never reload mid-lesson.
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: {
        // A classic worker script (it is registered as one); also spares the build a deprecated option.
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        // Pupils' devices never download the teacher screens; a teacher's browser caches them
        // on first use (sw/routes.ts), so the editor still opens offline.
        globIgnores: ['**/assets/teacher-app-*'],
      },
      manifest: {
        name: 'Cartable',
        short_name: 'Cartable',
        description: 'Mes leçons, même sans connexion.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        // Installed, the app opens the lessons files teachers hand out (issue 12; src/app/launch-files.ts).
        file_handlers: [{ action: '/device', accept: { 'application/vnd.cartable+zip': ['.cartable'] } }],
        background_color: '#ffffff',
        theme_color: '#1d4ed8',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
});
