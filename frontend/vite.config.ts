import { defineConfig } from 'vitest/config';

// All the pages' styles and scripts, with stable names the server-rendered pages link directly: portal.js and
// portal.css (the site's styles, then what only applies once the script runs) on every page, staff.css on the
// staff console's pages as well.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: { portal: 'src/main.ts', staff: 'src/staff.css' },
      output: {
        entryFileNames: 'assets/[name].js',
        assetFileNames: 'assets/[name][extname]',
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['test/**/*.test.ts'],
  },
});
