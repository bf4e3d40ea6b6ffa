// Tiny module worker for test/browser/worker-transfer.test.ts: sends every ArrayBuffer it
// receives straight back, transferring (not copying) it.
self.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
  const buf = event.data;
  self.postMessage(buf, { transfer: [buf] });
});
