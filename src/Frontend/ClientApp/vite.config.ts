import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The ASP.NET Frontend serves the build output from src/Frontend/wwwroot at "/".
// In development, `npm run dev` proxies the API, the hub and health checks to a local Frontend.
const backend = 'http://127.0.0.1:5000';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: '../wwwroot',
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/hubs': { target: backend, changeOrigin: true, ws: true },
      '/health': { target: backend, changeOrigin: true },
    },
  },
});
