// The web client's Vite build, and the dev server that passes API, Socket.IO and /collab traffic
// on to the Parley server on PORT, so the client is developed against a real server.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const serverPort = Number(process.env.PORT ?? 3000);
const target = `http://127.0.0.1:${serverPort}`;

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target },
      '/healthz': { target },
      '/socket.io': { target, ws: true },
      '/collab': { target, ws: true },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      treeshake: {
        // The shared package is pure by contract (no DOM, no side effects at import): a module of
        // it the page uses nothing from is left out, so importing one constant from a subpath
        // does not bring every schema of that subpath along.
        moduleSideEffects: (id: string) => !/[\\/]shared[\\/]src[\\/]/.test(id),
      },
    },
  },
});
