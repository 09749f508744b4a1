// A small ZIP writer for hostile test packages: parts given as chunk generators are deflated as they are
// produced, so a part that inflates to hundreds of megabytes never exists in memory here. Declared sizes
// may be overridden to lie, as a crafted file would.
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's content, in chunks (a string or a generator of chunks). */
  data: string | Uint8Array | (() => Iterable<string | Uint8Array>);
  /** Store instead of deflate. */
  stored?: boolean;
  /** Claim this uncompressed size in the headers instead of the real one. */
  claimSize?: number;
}

function* chunksOf(data: ZipPart['data']): Iterable<Buffer> {
  if (typeof data === 'string') yield Buffer.from(data, 'utf8');
  else if (data instanceof Uint8Array) yield Buffer.from(data);
  else for (const c of data()) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c);
}

async function deflatePart(part: ZipPart): Promise<{ body: Buffer; crc: number; size: number }> {
  let crc = 0;
  let size = 0;
  const out: Buffer[] = [];
  if (part.stored) {
    for (const c of chunksOf(part.data)) {
      crc = zlib.crc32(c, crc);
      size += c.length;
      out.push(c);
    }
    return { body: Buffer.concat(out), crc, size };
  }
  // One raw deflate stream fed chunk by chunk, waiting when it asks to (bounded memory).
  const deflate = zlib.createDeflateRaw({ level: 9, memLevel: 9 });
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.once('end', resolve);
    deflate.once('error', reject);
  });
  for (const c of chunksOf(part.data)) {
    crc = zlib.crc32(c, crc);
    size += c.length;
    if (!deflate.write(c)) await new Promise<void>((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { body: Buffer.concat(out), crc, size };
}

export async function buildZip(parts: ZipPart[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const { body, crc, size } = await deflatePart(part);
    const claimed = part.claimSize ?? size;
    const method = part.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(claimed >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(claimed >>> 0, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...central, end]));
}
