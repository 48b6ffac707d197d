// The scenario kept in the page's address, so that a link reproduces it: the text deflated
// (the browser's CompressionStream, no library) and written in base64url after `#`, with the
// run's replications and seed beside it.

export interface UrlState {
  readonly text: string;
  readonly replications?: number;
  readonly seed?: number;
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The hash (without `#`) holding `state`. */
export async function encodeState(state: UrlState): Promise<string> {
  const params = new URLSearchParams();
  params.set('s', toBase64Url(await through(new TextEncoder().encode(state.text), new CompressionStream('deflate-raw'))));
  if (state.replications !== undefined) params.set('r', String(state.replications));
  if (state.seed !== undefined) params.set('seed', String(state.seed));
  return params.toString();
}

const wholeNumber = (text: string | null): number | undefined =>
  text !== null && /^\d{1,16}$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;

/** The state of a hash (with or without `#`); undefined when it holds no readable scenario. */
export async function decodeState(hash: string): Promise<UrlState | undefined> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get('s');
  if (packed === null || packed === '') return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await through(fromBase64Url(packed), new DecompressionStream('deflate-raw')));
    const replications = wholeNumber(params.get('r'));
    const seed = wholeNumber(params.get('seed'));
    return { text, ...(replications === undefined ? {} : { replications }), ...(seed === undefined ? {} : { seed }) };
  } catch {
    return undefined;
  }
}
