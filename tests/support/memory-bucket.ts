/**
 * An R2 bucket in memory for API tests, with the few methods the upload,
 * copy and evidence paths call (put, get with its body or arrayBuffer, delete): enough to see what a request left
 * in the bucket. The e2e tests run the real binding under workerd.
 */
export interface MemoryBucket {
  bucket: R2Bucket;
  objects: Map<string, { bytes: Uint8Array; contentType: string | undefined }>;
}

export function memoryBucket(): MemoryBucket {
  const objects: MemoryBucket['objects'] = new Map();
  const bucket = {
    async put(key: string, value: Uint8Array, options?: R2PutOptions) {
      const contentType = (options?.httpMetadata as R2HTTPMetadata | undefined)?.contentType;
      objects.set(key, { bytes: new Uint8Array(value), contentType });
      return { key };
    },
    async get(key: string) {
      const object = objects.get(key);
      if (!object) return null;
      return {
        key,
        size: object.bytes.length,
        httpMetadata: { contentType: object.contentType },
        httpEtag: `"${key}"`,
        body: new Blob([object.bytes as Uint8Array<ArrayBuffer>]).stream(),
        arrayBuffer: async () => object.bytes.slice().buffer,
      };
    },
    async delete(keys: string | string[]) {
      for (const key of Array.isArray(keys) ? keys : [keys]) objects.delete(key);
    },
  };
  return { bucket: bucket as unknown as R2Bucket, objects };
}
