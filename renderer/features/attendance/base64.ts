// Files cross the bridge as base64 text. String.fromCharCode(...bytes) on a multi-megabyte
// spreadsheet overflows the call stack, so bytes are converted in slices.

const SLICE = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += SLICE) {
    // 32 768 arguments per call stays well under every engine's limit.
    parts.push(String.fromCharCode(...bytes.subarray(start, start + SLICE)));
  }
  return btoa(parts.join(''));
}

/** Reads a file chosen by the user into base64 (Blob.arrayBuffer, or FileReader where missing). */
export async function fileToBase64(file: Blob): Promise<string> {
  const buffer =
    typeof file.arrayBuffer === 'function'
      ? await file.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
          reader.readAsArrayBuffer(file);
        });
  return bytesToBase64(new Uint8Array(buffer));
}
