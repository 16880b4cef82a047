import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The drop page (/) and the seller page (/seller), built into dist/web, which the API serves as
 * static files: nothing is loaded from elsewhere, and nothing is inline (the pages' CSP allows
 * scripts and styles from the service's own origin only).
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // Vite inlines small assets as data: URLs by default; the CSP takes files only.
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { drop: here('index.html'), seller: here('seller/index.html') },
    },
  },
});
