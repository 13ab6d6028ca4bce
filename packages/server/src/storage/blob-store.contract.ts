// The contract every BlobStore implementation passes (run from each implementation's test file).
import { describe, expect, it } from 'vitest';
import type { BlobStore } from './blob-store.ts';

export function describeBlobStoreContract(name: string, createStore: () => Promise<BlobStore>): void {
  describe(`BlobStore contract: ${name}`, () => {
    it('stores and returns bytes unchanged', async () => {
      const store = await createStore();
      const bytes = new Uint8Array([0, 1, 2, 255, 128]);
      await store.put('tasks/a/model.glb', bytes);
      expect(await store.get('tasks/a/model.glb')).toEqual(bytes);
      expect(await store.exists('tasks/a/model.glb')).toBe(true);
    });

    it('answers undefined for a missing key and deletes idempotently', async () => {
      const store = await createStore();
      expect(await store.get('missing/key.bin')).toBeUndefined();
      await store.put('x/y.bin', new Uint8Array([1]));
      await store.delete('x/y.bin');
      await store.delete('x/y.bin');
      expect(await store.exists('x/y.bin')).toBe(false);
    });

    it('reports itself reachable (the readiness check)', async () => {
      const store = await createStore();
      await expect(store.checkReachable()).resolves.toBeUndefined();
    });

    it('overwrites an existing key', async () => {
      const store = await createStore();
      await store.put('k/v.bin', new Uint8Array([1]));
      await store.put('k/v.bin', new Uint8Array([2, 3]));
      expect(await store.get('k/v.bin')).toEqual(new Uint8Array([2, 3]));
    });

    it('streams a stored blob with its size, and answers undefined for a missing one', async () => {
      const store = await createStore();
      if (!store.openReadStream) return;
      const bytes = new Uint8Array(300_000).map((_, index) => index % 251);
      await store.put('stream/big.bin', bytes);
      const opened = await store.openReadStream('stream/big.bin');
      expect(opened?.sizeBytes).toBe(bytes.byteLength);
      const chunks: Buffer[] = [];
      for await (const chunk of opened!.stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(Buffer.from(bytes))).toBe(true);
      expect(await store.openReadStream('stream/missing.bin')).toBeUndefined();
    });

    it('refuses keys that could escape the store', async () => {
      const store = await createStore();
      await expect(store.put('../escape.bin', new Uint8Array([1]))).rejects.toThrow(/unsafe/);
      await expect(store.get('a/../../b')).rejects.toThrow(/unsafe/);
      await expect(store.put('/absolute', new Uint8Array([1]))).rejects.toThrow(/unsafe/);
      await expect(store.delete('a/./b')).rejects.toThrow(/unsafe/);
      if (store.openReadStream) await expect(store.openReadStream('../x')).rejects.toThrow(/unsafe/);
    });
  });
}
