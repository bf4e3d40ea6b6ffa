// Runs in real Chromium (vitest browser mode): checks that ArrayBuffers move between the main
// thread and a module worker by transfer, which @vitest/web-worker under jsdom does not emulate.
import { afterEach, expect, it } from 'vitest';

let worker: Worker | undefined;

afterEach(() => {
  worker?.terminate();
  worker = undefined;
});

it('transfers an ArrayBuffer to a module worker and back', async () => {
  worker = new Worker(new URL('./echo.worker.ts', import.meta.url), { type: 'module' });
  const length = 1 << 20;
  const buf = new ArrayBuffer(length);
  new Uint8Array(buf).fill(7);

  const echoed = new Promise<ArrayBuffer>((resolve, reject) => {
    worker!.addEventListener('message', (e: MessageEvent<ArrayBuffer>) => resolve(e.data));
    worker!.addEventListener('error', (e) => reject(new Error(e.message)));
  });
  worker.postMessage(buf, [buf]);

  expect(buf.byteLength).toBe(0); // detached on the sender's side
  const back = await echoed;
  expect(back.byteLength).toBe(length);
  expect(new Uint8Array(back)[length - 1]).toBe(7);
});
