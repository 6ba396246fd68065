import { defineConfig } from 'vitest/config';

// One script and one stylesheet with stable names: the server-rendered pages link them directly.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: 'src/main.ts',
      output: {
        entryFileNames: 'assets/portal.js',
        assetFileNames: 'assets/portal[extname]',
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['test/**/*.test.ts'],
  },
});
