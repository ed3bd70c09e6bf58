// Builds the console into dist/console, served by the server at /console (docs/console-api.md).
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // The budget is 250 KB of gzipped JavaScript; warn well before it.
    chunkSizeWarningLimit: 600
  }
})
