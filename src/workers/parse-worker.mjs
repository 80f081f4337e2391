// Worker-thread entry. On Node 20 a worker does not inherit the main thread's tsx hooks (module.register),
// so it registers its own before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./parse-worker.ts', import.meta.url).href);
