import { execFileSync } from 'node:child_process';
import { ingestText } from '../../support/ingest';
import { useTempDir, writeTemp } from '../../support/temp-files';
import { detectBinary } from '../../../catalogue/ingest/binary-sniff';
import { prescanFile } from '../../../catalogue/ingest/prescan';
import { BOMB_EXPANDED_BYTES, gzipBomb, nulFile, odsFile, RENAMED_BINARIES, xlsxFile, zipBomb } from '../../fixtures/hostile-files';

/**
 * Files that are not CSV are refused before any row is parsed, by their first bytes or their NUL
 * bytes, with a French message that says what the file is; archives are never decompressed.
 */
const tmp = useTempDir();
const sniff = async (bytes: Buffer | string) => detectBinary(await prescanFile(writeTemp(tmp(), bytes)));

describe('detectBinary', () => {
  it('names each binary format renamed .csv', async () => {
    for (const { kind, says, bytes } of RENAMED_BINARIES) {
      const found = await sniff(bytes);
      expect({ kind, found: found?.kind, says: says.test(found?.message ?? '') }).toEqual({ kind, found: kind, says: true });
    }
  });

  it('tells a spreadsheet from a plain archive by the ZIP’s first entry, and says to export as CSV', async () => {
    expect(await sniff(xlsxFile())).toMatchObject({ kind: 'xlsx', message: expect.stringMatching(/classeur Excel \(\.xlsx\).*« CSV UTF-8 »/) });
    expect(await sniff(odsFile())).toMatchObject({ kind: 'ods', message: expect.stringMatching(/OpenDocument.*« CSV UTF-8 »/) });
    expect(await sniff(zipBomb())).toMatchObject({ kind: 'zip', message: expect.stringMatching(/archive ZIP.*ne sont pas décompressées/) });
  });

  it('refuses a zip bomb and a gzip bomb from their compressed bytes, without inflating them', async () => {
    const zip = zipBomb();
    const gzip = gzipBomb();
    // Real archives: unzip lists the entry's 64 MB, and the files themselves are small.
    const zipPath = writeTemp(tmp(), zip, 'bombe.zip');
    expect(execFileSync('unzip', ['-l', zipPath]).toString()).toMatch(new RegExp(`\\b${BOMB_EXPANDED_BYTES}\\s+.*donnees\\.csv`));
    expect(zip.length).toBeLessThan(BOMB_EXPANDED_BYTES / 500);
    expect(gzip.length).toBeLessThan(BOMB_EXPANDED_BYTES / 500);
    for (const bomb of [zip, gzip]) {
      const result = await ingestText(tmp(), bomb);
      expect(result.report).toMatchObject({ valid: false, stats: { rows: 0, errors: 1 }, source: { bytes: bomb.length } });
      expect(result.report.errors[0]).toMatchObject({ code: 'encoding-error', message: expect.stringMatching(/archive (ZIP|gzip).*ne sont pas décompressées/) });
      expect(result.loaded).toEqual([]);
    }
  });

  it('refuses a file of NUL bytes, and NUL bytes far into a text file', async () => {
    expect(await sniff(nulFile())).toMatchObject({ kind: 'binary', message: expect.stringMatching(/octets nuls/) });
    const late = Buffer.concat([Buffer.from('code_insee,commune\n'), Buffer.from('27229,Évreux\n'.repeat(10_000)), Buffer.from([0, 0, 0])]);
    expect((await sniff(late))?.kind).toBe('binary');
  });

  it('lets through text that merely starts like a magic number', async () => {
    for (const text of ['PK,commune\n1,Évreux\n', 'MZ;commune\n1;Évreux\n', 'BZh;commune\n1;Évreux\n', '%PD,commune\n1,a\n', 'GIF8,b\n1,2\n', '\uFEFFcode,commune\n1,a\n']) {
      expect(await sniff(text)).toBeNull();
    }
    // UTF-16 has NUL bytes in every ASCII character: it is text.
    expect(await sniff(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]))).toBeNull();
  });

});
