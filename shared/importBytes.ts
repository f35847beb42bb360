// The picked file as bytes for import:preview/commit (issue 13: main finds the
// encoding, so the renderer must not decode first), plus a rough text view of
// its start for guessing the format. Pure, for the renderer; tested in vitest.

/** Standard base64 of `bytes`, in chunks so a 50 MB file does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * The first few kilobytes as text, only for guessing the format: UTF-16 by
 * byte-order mark or NUL pattern, otherwise UTF-8 with replacement characters
 * (Windows-1252 letters do not matter to a guess).
 */
export function sniffText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 8192);
  let encoding = 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
  else {
    let even = 0;
    let odd = 0;
    for (let i = 0; i + 1 < head.length; i += 2) {
      if (head[i] === 0) even++;
      if (head[i + 1] === 0) odd++;
    }
    const pairs = Math.floor(head.length / 2);
    if (pairs > 1 && odd > pairs * 0.4 && even < pairs * 0.05) encoding = 'utf-16le';
    else if (pairs > 1 && even > pairs * 0.4 && odd < pairs * 0.05) encoding = 'utf-16be';
  }
  return new TextDecoder(encoding).decode(head.subarray(0, head.length & ~1 || head.length)).replace(/^\uFEFF/, '').replace(/\t/g, ',');
}
