import { createHash } from 'node:crypto';
import { detectBinary } from '../../../catalogue/ingest/binary-sniff';
import { chooseEncoding, createDecoder } from '../../../catalogue/ingest/encoding';
import { prescanFile } from '../../../catalogue/ingest/prescan';
import { useTempDir, writeTemp } from '../../support/temp-files';

const tmp = useTempDir();
const cp1252 = (s: string) => Buffer.from([...s].map((c) => ({ '€': 0x80, '’': 0x92, 'œ': 0x9c }[c] ?? c.charCodeAt(0))));

async function choose(bytes: Buffer) {
  const scan = await prescanFile(writeTemp(tmp(), bytes));
  return { scan, choice: chooseEncoding(scan) };
}

describe('encoding choice', () => {
  it('reads clean UTF-8, with and without BOM', async () => {
    expect((await choose(Buffer.from('commune\nÉvreux\n'))).choice).toMatchObject({ encoding: 'utf-8', bom: false, skip: 0 });
    expect((await choose(Buffer.from('\uFEFFcommune\nÉvreux\n'))).choice).toMatchObject({ encoding: 'utf-8', bom: true, skip: 3 });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    const { choice } = await choose(cp1252('objet;montant\nCœur de ville;12 €\n'));
    expect(choice).toMatchObject({ encoding: 'windows-1252', note: 'not-utf8' });
  });

  it('reads a BOM followed by Windows-1252 bytes as Windows-1252 and says so', async () => {
    const { choice } = await choose(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cp1252('objet\nl’été\n')]));
    expect(choice).toMatchObject({ encoding: 'windows-1252', bom: true, skip: 3, note: 'bom-not-utf8' });
  });

  it('keeps UTF-8 for a UTF-8 file damaged in the middle, and expects substitutions', async () => {
    const good = Buffer.from('commune\n' + 'Évreux\n'.repeat(50));
    const { choice } = await choose(Buffer.concat([good, Buffer.from([0xff, 0x0a]), good]));
    expect(choice).toMatchObject({ encoding: 'utf-8', expectSubstitutions: true });
  });

  it('recognises UTF-16 by its BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]);
    expect((await choose(le)).choice).toMatchObject({ encoding: 'utf-16le', skip: 2 });
    const be = Buffer.from([0xfe, 0xff, 0, 0x61]);
    expect((await choose(be)).choice).toMatchObject({ encoding: 'utf-16be', skip: 2 });
  });

  it('counts bytes and computes the sha256 across chunk boundaries', async () => {
    const big = Buffer.from('é'.repeat(800_000)); // 1.6 MB, sequences cut across 1 MB chunks
    const { scan, choice } = await choose(big);
    expect(scan.bytes).toBe(1_600_000);
    expect(scan.utf8InvalidBytes).toBe(0);
    expect(scan.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    expect(choice.encoding).toBe('utf-8');
  });
});

describe('detectBinary', () => {
  it('names a PNG, a zip/xlsx and NUL-laden files', async () => {
    const png = (await choose(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).scan;
    expect(detectBinary(png)?.message).toMatch(/PNG/);
    const zip = (await choose(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).scan;
    expect(detectBinary(zip)?.message).toMatch(/Excel/);
    const nul = (await choose(Buffer.from('a,b\n1,\u0000\n'))).scan;
    expect(detectBinary(nul)?.kind).toBe('binary');
    expect(detectBinary((await choose(Buffer.from('a,b\n'))).scan)).toBeNull();
  });
});

describe('createDecoder', () => {
  it('maps Windows-1252 punctuation right (Node TextDecoder would read it as Latin-1)', () => {
    const d = createDecoder('windows-1252');
    expect(d.write(Buffer.from([0x80, 0x92, 0x9c])) + d.end()).toBe('€’œ');
  });

  it('decodes UTF-8 split across chunks', () => {
    const d = createDecoder('utf-8');
    const bytes = Buffer.from('é');
    expect(d.write(bytes.subarray(0, 1)) + d.write(bytes.subarray(1)) + d.end()).toBe('é');
  });
});
