import { deflateSync } from 'node:zlib';

/**
 * A real PNG built by hand (signature, IHDR, IDAT, IEND with CRCs), so the tests need no image library and
 * no binary fixture: the DOCX writer reads its size with image-size and embeds its bytes, and LibreOffice
 * draws it, so a malformed one would be caught.
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG of `width` x `height`; `ink(x, y)` says which pixels are dark blue, the rest white. */
export function makePng(width: number, height: number, ink: (x: number, y: number) => boolean): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, no filter method, no interlace
  const raw = Buffer.alloc(height * (1 + width * 3), 0xff);
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // filter type None
    for (let x = 0; x < width; x++) if (ink(x, y)) raw.set([0x10, 0x20, 0x60], row + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** A scrawl that looks like a signature: a thick sine wave with a flourish underneath. */
export function signaturePng(width = 240, height = 60): Buffer {
  return makePng(width, height, (x, y) => {
    const wave = height / 2 + Math.sin(x / 9) * (height / 4) * Math.cos(x / 37);
    const underline = y > height - 8 && y < height - 5 && x > width * 0.1 && x < width * 0.8;
    return Math.abs(y - wave) < 2.5 || underline;
  });
}

export const pngDataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
