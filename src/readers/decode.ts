/**
 * Bytes of a text file as a string: UTF-8 (BOM stripped), UTF-16 LE/BE when a BOM says so, and
 * GB18030 for Chinese files saved by older Windows tools when the bytes are not valid UTF-8.
 */
export function decodeText(data: Uint8Array): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return decodeUtf16be(data.subarray(2));
  const body = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Not UTF-8: try GB18030 (a superset of GBK), then fall back to UTF-8 with replacement characters.
  }
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

function decodeUtf16be(data: Uint8Array): string {
  const swapped = new Uint8Array(data.length - (data.length % 2));
  for (let i = 0; i + 1 < data.length; i += 2) {
    swapped[i] = data[i + 1]!;
    swapped[i + 1] = data[i]!;
  }
  return new TextDecoder('utf-16le').decode(swapped);
}
